#pragma once

#include "db/database.h"
#include "db/records.h"

#include <optional>

namespace checkin::db {

// One attendance row per guest per programme day (annulled rows stay, marked), and the log of every scan.
class AttendanceStore
{
public:
    explicit AttendanceStore(Database &db)
        : m_db(db)
    {
    }

    // The guest's live (not annulled) attendance on day, if any.
    [[nodiscard]] DbResult<std::optional<AttendanceRecord>> liveForGuestDay(qint64 guestId, QDate day);
    // How many live attendance rows the guest has on days other than day.
    [[nodiscard]] DbResult<int> liveDaysOtherThan(qint64 guestId, QDate day);
    // Inserts an attendance row as given: a new check-in (uid, kiosk id and times filled by the caller), or one
    // merged from another kiosk's file with its annulment and duplicate mark.
    [[nodiscard]] DbResult<void> insert(const AttendanceRecord &row);
    // The attendance row with this uid, if any.
    [[nodiscard]] DbResult<std::optional<AttendanceRecord>> byUid(const QString &uid);
    // Marks the row annulled; false when it does not exist or was already annulled.
    [[nodiscard]] DbResult<bool> annul(const QString &uid, const QString &reason);
    // Live attendance of an event, optionally of one day, by day then scan time.
    // Every check-in of a guest, annulled ones too, by day then time.
    [[nodiscard]] DbResult<QList<AttendanceRecord>> forGuest(qint64 guestId);
    [[nodiscard]] DbResult<QList<AttendanceRecord>> liveForEvent(qint64 eventId, std::optional<QDate> day = {});
    // Every check-in of an event: live, annulled and merged duplicates, by scan time.
    [[nodiscard]] DbResult<QList<AttendanceRecord>> allForEvent(qint64 eventId);

    // Appends one scan attempt to the log.
    [[nodiscard]] DbResult<void> appendScan(const ScanLogRecord &scan);
    // Number of scan log rows with this outcome (all outcomes when empty).
    [[nodiscard]] DbResult<qint64> scanCount(const QString &outcome = {});

private:
    Database &m_db;
};

} // namespace checkin::db
