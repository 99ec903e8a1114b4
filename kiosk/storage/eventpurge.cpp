#include "kiosk/storage/eventpurge.h"

#include "kiosk/storage/backupschedule.h"

#include "db/database.h"
#include "db/records.h"
#include "db/staffactionstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace checkin {

QJsonObject EventPurge::countsJson(const db::PersonalDataCounts &c)
{
    return QJsonObject{{u"guests"_s, c.guests},
                       {u"invitations"_s, c.invitations},
                       {u"invitation_mails"_s, c.invitationMails},
                       {u"attendance"_s, c.attendance},
                       {u"scan_log"_s, c.scanLog},
                       {u"print_jobs"_s, c.printJobs},
                       {u"guest_agenda"_s, c.guestAgenda},
                       {u"staff_actions_anonymised"_s, c.staffActions}};
}

std::expected<EventPurge::Result, QString> EventPurge::run(db::Database &db, const db::EventRecord &event,
                                                           const QString &dbPath, bool really, bool force,
                                                           const QString &kioskId, const QString &actor,
                                                           const QDateTime &nowUtc)
{
    const QTimeZone zone(event.timeZone.toUtf8());
    const QDate today = zone.isValid() ? nowUtc.toTimeZone(zone).date() : nowUtc.toUTC().date();
    if (event.lastDay >= today && !force) {
        return std::unexpected(u"Nothing was changed: event %1 is not over (its last programme day is %2). Purge it "
                               "after the event, or pass --force."_s.arg(event.number)
                                   .arg(event.lastDay.toString(Qt::ISODate)));
    }

    Result result;
    db::RetentionStore retention(db);
    db::Transaction tx(db);
    if (auto ok = tx.begin(); !ok)
        return std::unexpected(ok.error().message);
    auto totals = retention.arrivalsPerDay(event.id);
    if (!totals)
        return std::unexpected(totals.error().message);
    result.arrivals = *totals;
    auto counts = really ? retention.purge(event.id) : retention.count(event.id);
    if (!counts)
        return std::unexpected(counts.error().message);
    result.counts = *counts;
    if (really) {
        QJsonArray arrivals;
        for (const db::DayTotal &t : std::as_const(result.arrivals))
            arrivals << QJsonObject{{u"day"_s, t.day.toString(Qt::ISODate)}, {u"arrived"_s, t.arrived}};
        db::StaffActionRecord audit;
        audit.kioskId = kioskId;
        audit.actor = actor;
        audit.action = u"purge"_s;
        audit.eventId = event.id;
        audit.detail = QString::fromUtf8(
            QJsonDocument(QJsonObject{{u"removed"_s, countsJson(result.counts)}, {u"arrivals"_s, arrivals}})
                .toJson(QJsonDocument::Compact));
        if (auto ok = db::StaffActionStore(db).append(audit); !ok)
            return std::unexpected(ok.error().message);
        if (auto ok = tx.commit(); !ok)
            return std::unexpected(u"Nothing was changed: %1"_s.arg(ok.error().message));
        result.purged = true;
        if (auto ok = retention.compact(); !ok)
            result.compactProblem = ok.error().message;
    }
    result.backupFolder = BackupSchedule::defaultFolder(dbPath);
    result.backupsWithPersonalData = BackupSchedule::list(result.backupFolder).size();
    return result;
}

} // namespace checkin
