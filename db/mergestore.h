#pragma once

#include "db/database.h"
#include "db/records.h"

#include <optional>

namespace checkin::db {

// The rows one kiosk's file brings into another's ('checkinctl merge'): every row is read and written whole, by its
// uid, with the guest and invitation ids of the file it is written to. Used on both files: reading the other
// kiosk's (a migrated copy), writing this one, inside the merge's transaction.
class MergeStore
{
public:
    explicit MergeStore(Database &db)
        : m_db(db)
    {
    }

    // Marks the check-in uid a duplicate of the live one ofUid (which must be written first).
    [[nodiscard]] DbResult<void> markDuplicate(const QString &uid, const QString &ofUid);
    // Duplicates of the check-in fromUid become duplicates of toUid (a merged check-in that came earlier).
    [[nodiscard]] DbResult<void> repointDuplicates(const QString &fromUid, const QString &toUid);
    // Records the annulment another kiosk made of check-in uid, unless it is annulled here already.
    [[nodiscard]] DbResult<bool> annulAs(const QString &uid, const QString &annulledAt, const QString &reason);

    // Every scan of the event (including those that named no guest but the event).
    [[nodiscard]] DbResult<QList<ScanLogRecord>> scans(qint64 eventId);
    [[nodiscard]] DbResult<bool> hasScan(const QString &uid);

    // Writes a print job as it stands in the other file; false when its idempotency key is already used here.
    [[nodiscard]] DbResult<bool> insertPrintJob(const PrintJobRecord &job);
    // Brings a job's state from the other kiosk's file (where that kiosk printed it).
    [[nodiscard]] DbResult<void> updatePrintJobState(const PrintJobRecord &job);

    [[nodiscard]] DbResult<bool> hasStaffAction(const QString &uid);

private:
    Database &m_db;
};

} // namespace checkin::db
