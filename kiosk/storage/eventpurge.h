#pragma once

#include "db/retentionstore.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <expected>

namespace checkin::db {
class Database;
struct EventRecord;
} // namespace checkin::db

namespace checkin {

// Removes a past event's personal data (data retention): guests, invitations and their e-mail records, attendance,
// scan log, print jobs and session links go; staff actions keep what and when, not whom; the event, its programme
// and the per-day arrival totals (written into the purge's staff action) stay. One transaction with its audit row,
// then the file is compacted so the rows are gone from the disk too. An event not over yet is refused unless forced.
// Used by `checkinctl purge`; a kiosk screen could offer the same.
class EventPurge
{
public:
    struct Result
    {
        bool purged = false;           // false: only counted (a dry run)
        db::PersonalDataCounts counts; // removed, or what would be
        QList<db::DayTotal> arrivals;  // kept, anonymous
        QString compactProblem;        // the data was removed but compacting failed: purge again later
        QString backupFolder;          // the kiosk's backups, taken before, still holding the data
        qsizetype backupsWithPersonalData = 0;
    };

    // The counts as checkinctl and the audit row write them: {"guests": N, "invitations": N, ...}.
    [[nodiscard]] static QJsonObject countsJson(const db::PersonalDataCounts &counts);

    // Counts (really false) or purges (really true) event in db, whose file is at dbPath. force allows an event
    // whose last programme day is not over in the venue's time zone at nowUtc.
    [[nodiscard]] static std::expected<Result, QString> run(db::Database &db, const db::EventRecord &event,
                                                            const QString &dbPath, bool really, bool force,
                                                            const QString &kioskId, const QString &actor,
                                                            const QDateTime &nowUtc);
};

} // namespace checkin
