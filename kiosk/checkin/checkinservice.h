#pragma once

#include "kiosk/checkin/checkinoutcome.h"

#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <memory>

namespace checkin::db {
class Database;
struct EventRecord;
} // namespace checkin::db

namespace checkin {

// The check-in rules. One scan or manual check-in is one SQLite transaction: verify the invitation, decide the
// outcome, append the scan log, record attendance once per guest per programme day, queue the first-day print jobs
// once.
// Not thread-safe: use one instance per thread (it owns no connection; the Database is the caller's).
class CheckInService
{
public:
    // Checks guests in to `event` (copied: number, verify key, programme days, time zone) of db, as kiosk `kioskId`.
    CheckInService(db::Database &db, const db::EventRecord &event, QString kioskId);
    ~CheckInService();
    CheckInService(const CheckInService &) = delete;
    CheckInService &operator=(const CheckInService &) = delete;

    // Applies the rules to a scanned payload at time `nowUtc`; source is camera|scanner|image|cli.
    [[nodiscard]] CheckInOutcome checkIn(const QString &payload, const QDateTime &nowUtc,
                                         const QString &source = QStringLiteral("cli"));

    // Checks in the guest with row id guestId whom staff identified without an invitation (actor: who, after
    // the staff PIN). The same rules as a scan of the guest's invitation (a revoked one is refused; a guest who
    // never had one may come in); attendance method "manual", scan log source "manual", and a "manual-checkin"
    // staff action in the same transaction. An unknown id is Unknown, a guest of another event OtherEvent.
    [[nodiscard]] CheckInOutcome checkInGuest(qint64 guestId, const QDateTime &nowUtc, const QString &actor);

    // The programme day at nowUtc: the date in the event's time zone (UTC when that zone is unknown).
    [[nodiscard]] QDate programmeDay(const QDateTime &nowUtc) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace checkin
