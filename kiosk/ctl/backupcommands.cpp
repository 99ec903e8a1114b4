// checkinctl: backups, restore and the removal of a past event's personal data.
#include "kiosk/ctl/commands.h"
#include "kiosk/ctl/ctlcommon.h"

#include "kiosk/storage/backupschedule.h"
#include "kiosk/storage/databaserestore.h"
#include "kiosk/storage/eventpurge.h"

#include "db/database.h"
#include "db/eventstore.h"
#include "db/printjobstore.h"
#include "db/records.h"
#include "db/retentionstore.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <cstdio>
#include <limits>

using namespace Qt::StringLiterals;

namespace checkin::ctl {

namespace {

const char *const kBackupHelp = R"(checkinctl backup [--to DIR]

Writes a consistent copy of the database with SQLite's online backup API (safe while kiosks run) as
DIR/<event>-<UTC time>.sqlite, mode 0600. Without --to, DIR is backups/ beside the database and only the newest
10 backups there are kept (the kiosk writes the same ones every --backup-interval minutes).
Prints {"backup": PATH, "event": N, "taken_at": ISO8601, "bytes": N}.
)";

const char *const kBackupsHelp = R"(checkinctl backups [--to DIR]

Lists the backups in backups/ beside the database (or in DIR, a USB stick's folder), newest first, each checked
the way restore checks it (an ietf-checkin database of a schema this version knows, PRAGMA quick_check): one line
{"backup": PATH, "event": N, "taken_at": ISO8601, "bytes": N, "ok": true, "events": [N...]} per good file, or
{"ok": false, "problem": TEXT} for one that cannot be restored (empty, another program's, damaged).
)";

const char *const kRestoreHelp = R"(checkinctl restore FILE [--force]

Replaces the database (--db) with the backup FILE. Refused, with nothing changed, when:
  - FILE is not an ietf-checkin database, is of a newer version, or fails PRAGMA quick_check;
  - any kiosk, print worker or checkinctl has the database open (every one holds a lock on <db>.lock while it
    has the file open; the operating system drops it when a process dies): stop them first;
  - FILE lacks an event the database holds, or holds it with another verify key (another meeting's database):
    the message names each such event; --force restores anyway.
A symlinked --db is resolved: the real file is replaced and the link stays. The replaced database is kept beside
it as <name>.before-restore-<UTC time> (with its -wal; -2, -3 when that name is taken), so a restore can be
undone. Prints {"restored": PATH, "from": FILE, "previous": PATH or null, "events": [N...]}.
)";

const char *const kPurgeHelp = R"(checkinctl purge --event N [--yes] [--force]

Removes the personal data of a past event (data retention): its guests, invitations, attendance, scan log, print
jobs and guests' sessions are deleted, and staff actions that named its guests keep who did what and when but no
longer whom. The event, its programme and the number of guests who arrived each day are kept (the per-day totals
in the audit record of the purge). All of it happens in one transaction, then the file is compacted (VACUUM) so
the deleted rows are gone from the disk too. Without --yes nothing is changed: it prints what would be removed.
An event whose last programme day has not passed (in the venue's time zone) is refused unless --force.
Backups taken before the purge still hold the data: it says how many, and where.
Prints {"event": N, "purged": BOOL, "removed": {"guests": N, "invitations": N, "attendance": N, "scan_log": N,
"print_jobs": N, "guest_agenda": N, "staff_actions_anonymised": N}, "arrivals": [{"day", "arrived"}],
"backups_with_personal_data": N}.
)";

QJsonObject backupJson(const BackupFile &backup)
{
    return QJsonObject{{u"backup"_s, backup.path},
                       {u"event"_s, backup.eventNumber},
                       {u"taken_at"_s, backup.takenAt.toString(Qt::ISODate)},
                       {u"bytes"_s, backup.bytes}};
}

int cmdBackup(Context &ctx)
{
    auto db = openDb(ctx);
    if (!db)
        return fail(db.error());
    // A database without an event yet is still worth a copy: its backups are named event 0.
    db::EventStore events(**db);
    int eventNumber = 0;
    if (ctx.isSet("event")) {
        auto event = chooseEvent(**db, ctx);
        if (!event)
            return fail(event.error());
        eventNumber = event->number;
    } else if (auto latest = events.latest(); latest && *latest) {
        eventNumber = (*latest)->number;
    }
    // Rotation only in the kiosk's own folder: a folder named with --to (a USB stick) keeps everything.
    BackupSchedule schedule(ctx.dbPath,
                            ctx.isSet("to") ? std::numeric_limits<int>::max() : BackupSchedule::kDefaultKeep);
    if (ctx.isSet("to"))
        schedule.setFolder(ctx.value("to"));
    auto backup = schedule.takeBackup(**db, eventNumber, QDateTime::currentDateTimeUtc());
    if (!backup)
        return fail(backup.error());
    printJson(backupJson(*backup));
    return kOk;
}

int cmdBackups(Context &ctx)
{
    const QString folder = ctx.isSet("to") ? QFileInfo(ctx.value("to")).absoluteFilePath()
                                           : BackupSchedule::defaultFolder(ctx.dbPath);
    const QList<BackupFile> backups = BackupSchedule::list(folder);
    if (backups.isEmpty())
        std::fprintf(stderr, "checkinctl: no backups in %s yet ('checkinctl backup' writes one).\n",
                     qPrintable(folder));
    for (const BackupFile &backup : backups) {
        const auto check = BackupSchedule::check(backup.path);
        QJsonObject line = backupJson(backup);
        line[u"ok"_s] = bool(check);
        if (check) {
            QJsonArray events;
            for (const db::FileReport::Event &e : check->events)
                events << e.number;
            line[u"events"_s] = events;
        } else {
            line[u"problem"_s] = check.error();
        }
        printJson(line);
    }
    return kOk;
}

int cmdRestore(Context &ctx)
{
    if (ctx.args.size() != 1)
        return fail(u"restore needs the backup file: checkinctl restore FILE ('checkinctl backups' lists them)."_s);
    auto restored = DatabaseRestore::restore(ctx.dbPath, ctx.args.first(), ctx.isSet("force"), ctx.kioskId,
                                             actorName(ctx), QDateTime::currentDateTimeUtc());
    if (!restored)
        return fail(restored.error());
    if (!restored->warning.isEmpty())
        std::fprintf(stderr, "checkinctl: warning: %s\n", qPrintable(restored->warning));
    std::fprintf(
        stderr, "checkinctl: restored %s from %s%s\n", qPrintable(restored->restored), qPrintable(restored->from),
        restored->previous.isEmpty() ? "" : qPrintable(u"; the replaced database is kept as "_s + restored->previous));
    QJsonArray numbers;
    for (int n : std::as_const(restored->events))
        numbers << n;
    printJson(
        {{u"restored"_s, restored->restored},
         {u"from"_s, restored->from},
         {u"previous"_s, restored->previous.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(restored->previous)},
         {u"events"_s, numbers}});
    return kOk;
}

int cmdPurge(Context &ctx)
{
    if (!ctx.isSet("event"))
        return fail(u"purge needs the event to purge: checkinctl purge --event N (it never guesses)."_s);
    auto opened = openEvent(ctx);
    if (!opened)
        return fail(opened.error());
    const db::EventRecord &event = opened->event;
    const bool really = ctx.isSet("yes");
    auto result = EventPurge::run(*opened->db, event, ctx.dbPath, really, ctx.isSet("force"), ctx.kioskId,
                                  actorName(ctx), QDateTime::currentDateTimeUtc());
    if (!result)
        return fail(result.error());
    const db::PersonalDataCounts &counts = result->counts;
    if (!result->compactProblem.isEmpty()) {
        std::fprintf(stderr,
                     "checkinctl: the data was removed, but compacting the file failed (%s): run the purge "
                     "again later to compact it.\n",
                     qPrintable(result->compactProblem));
    }
    const QStringList parts = {u"%1 guests"_s.arg(counts.guests),
                               u"%1 invitations"_s.arg(counts.invitations),
                               u"%1 invitation e-mail records"_s.arg(counts.invitationMails),
                               u"%1 attendance rows"_s.arg(counts.attendance),
                               u"%1 scan log rows"_s.arg(counts.scanLog),
                               u"%1 print jobs"_s.arg(counts.printJobs),
                               u"%1 session links"_s.arg(counts.guestAgenda)};
    std::fprintf(stderr, "checkinctl: %s event %d: %s; %lld staff actions %s.\n",
                 really ? "removed from" : "would remove from", event.number, qPrintable(parts.join(u", "_s)),
                 qlonglong(counts.staffActions), really ? "no longer name a guest" : "would no longer name a guest");
    if (!really)
        std::fputs("checkinctl: nothing was changed; run again with --yes to remove it.\n", stderr);
    if (result->backupsWithPersonalData > 0) {
        std::fprintf(stderr,
                     "checkinctl: %lld backups in %s were taken before and still hold this data; delete "
                     "them when they are no longer needed.\n",
                     qlonglong(result->backupsWithPersonalData), qPrintable(result->backupFolder));
    }
    QJsonArray arrivals;
    for (const db::DayTotal &t : std::as_const(result->arrivals))
        arrivals << QJsonObject{{u"day"_s, t.day.toString(Qt::ISODate)}, {u"arrived"_s, t.arrived}};
    printJson({{u"event"_s, event.number},
               {u"purged"_s, result->purged},
               {u"removed"_s, EventPurge::countsJson(counts)},
               {u"arrivals"_s, arrivals},
               {u"backups_with_personal_data"_s, qint64(result->backupsWithPersonalData)}});
    return kOk;
}

} // namespace

const QList<Command> &backupCommands()
{
    static const QList<Command> commands = {
        {u"backup"_s, {u"to"_s}, kBackupHelp, cmdBackup},
        {u"backups"_s, {u"to"_s}, kBackupsHelp, cmdBackups},
        {u"restore"_s, {u"force"_s, u"actor"_s}, kRestoreHelp, cmdRestore},
        {u"purge"_s, {u"force"_s, u"yes"_s, u"actor"_s}, kPurgeHelp, cmdPurge},
    };
    return commands;
}

} // namespace checkin::ctl
