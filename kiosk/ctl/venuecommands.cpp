// checkinctl: the venue database shared by the kiosks of one venue, and the sync loop.
#include "kiosk/ctl/commands.h"
#include "kiosk/ctl/ctlcommon.h"

#include "kiosk/common/stoponsignal.h"
#include "kiosk/storage/kioskfilemerge.h"

#include "db/records.h"
#include "db/staffactionstore.h"
#include "db/venue/venueconnection.h"
#include "db/venue/venueevents.h"
#include "db/venue/venueschema.h"
#include "kiosk/venue/venuesync.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace checkin::ctl {

namespace {

const char *const kVenueHelp = R"(checkinctl venue init --pg CONNINFO
checkinctl venue push --pg CONNINFO [--event N]
checkinctl venue status --pg CONNINFO

The venue database is one PostgreSQL database that the kiosks of a venue share. Each kiosk keeps working on its own
SQLite file whether or not the venue database answers. CONNINFO is a libpq connection string such as
"host=10.0.0.5 port=5432 dbname=venue user=checkin password=..." or postgresql://checkin@10.0.0.5/venue; without
--pg it is taken from $CHECKIN_VENUE_PG (which keeps the password out of the process list).
init: creates the venue schema, or brings it to the version this program knows. Safe to run again and from several
machines at once. Prints {"schema_version": N, "previous_version": N, "created": BOOL, "message": TEXT}.
push: uploads the event from --db (the organiser's database): the event and its public key, guests, invitations
(revocations included) and the programme with who attends which session, in one transaction: all of it or
nothing. Running it again changes nothing that is already there; a revocation in the venue database is never
undone by a push. An event with the same number but another public key is refused. Each push is recorded in the
staff action log of --db (action venue-push, with the counts and the server, never the password). Prints {"event": N,
"event_row": "inserted"|"updated"|"unchanged", "guests": {"inserted","updated","unchanged"}, "invitations": {...,
"revoked"}, "sessions": {...}, "attendees": {..., "withdrawn"}}.
status: prints {"schema_version": N, "latest_known": N, "server": TEXT, "events": [{"number", "name", "guests",
"invitations", "revoked", "sessions", "attendance", "scans", "kiosks"}]}.
A server that does not answer, a refused login, a missing database or a schema newer than this program are
refused with a sentence saying what to do, and exit status 2.
)";

const char *const kSyncHelp = R"(checkinctl sync --pg CONNINFO [--event N] [--once | --interval SECONDS]

The kiosk's sync with the venue database (see 'checkinctl help venue'); the kiosk app runs the same loop itself.
Each round sends, from --db's event:
- invitations revoked on this kiosk ('checkinctl revoke', the staff dashboard), so the other kiosks pull them;
- check-ins annulled here after they were sent ('checkinctl annul'; the earliest other check-in of that guest and
  day, if any, then counts in the venue database);
- attendance, scan log, staff actions and print job states the venue database does not have yet, each row keyed
  by its uid, so a round cut short and run again sends nothing twice;
then brings back the guests, invitations and programme added or changed there since the last round (a late
registration, a reissued invitation, a revocation: a revoked invitation is refused here from then on; a session
moved; a guest added to or taken off a session). When two kiosks checked the same guest in on the same day, the
venue database keeps the earliest scan as the guest's attendance and the other as a duplicate (marked in its scan
log too); this file keeps what it recorded. Nothing is deleted anywhere.
--once (the default) runs one round; --interval SECONDS runs a round every SECONDS until Ctrl+C or SIGTERM.
Prints one line per round: {"state": "online"|"offline"|"failed", "error": TEXT, "pushed": {"attendance_live",
"attendance_duplicates", "attendance_annulled", "attendance_already", "scans", "staff_actions", "print_jobs"},
"annulments_sent": N, "revocations_sent": N, "revocations_applied": N, "pulled": {"guests_added",
"guests_updated", "invitations_added", "sessions_changed", "session_links_changed"}, "double_badges": [{"guest",
"name", "kiosks"}], "waiting": N, "at": TIME}. double_badges lists, venue-wide, the guests whose check-in badge
went to a printer at two kiosks or more (two kiosks offline at once): look at those badges; nothing is settled
automatically.
offline: the server did not answer (the next round retries); failed: it answered but the round was refused (the
error says what to do). With --once, exit status 0 when online, 2 otherwise.
)";

std::expected<std::unique_ptr<venue::VenueConnection>, QString> openVenue(const Context &ctx, const char *command)
{
    const QString conninfo = ctx.isSet("pg") ? ctx.value("pg") : qEnvironmentVariable("CHECKIN_VENUE_PG");
    if (conninfo.trimmed().isEmpty()) {
        return std::unexpected(
            u"venue %1 needs the venue database's connection string: --pg \"host=... dbname=... "
            "user=...\" or CHECKIN_VENUE_PG (see 'checkinctl help venue')."_s.arg(QString::fromLatin1(command)));
    }
    auto conn = venue::VenueConnection::open(conninfo);
    if (!conn)
        return std::unexpected(conn.error().message);
    return std::move(*conn);
}

QJsonObject countsJson(const venue::PushCounts &c)
{
    return {{u"inserted"_s, c.inserted}, {u"updated"_s, c.updated}, {u"unchanged"_s, c.unchanged}};
}

const char *const kMergeHelp = R"(checkinctl merge OTHER.sqlite

Two kiosks without a venue database: brings the other kiosk's database file (copied to a USB stick with
'checkinctl backup --to /media/stick', or the file itself while that kiosk is stopped) into this one, for the
same event. Check-ins, scans, print jobs and staff actions are matched by their ids, so merging again, or both
ways, never adds anything twice. Guests are matched by external id (a walk-in added there comes along),
invitations by their code (one revoked there is revoked here). When both kiosks checked the same guest in on the
same day, the earlier check-in counts and the later one is kept, marked as a duplicate. Print jobs still queued
or printing there are left for a later merge and never print here. The other file is only read; a file of
another event or another key is refused. Recorded in the staff action log with --actor.
Prints {"merged": true, "checkins_added": N, "duplicates": N, ...}.
)";

int cmdMerge(Context &ctx)
{
    if (ctx.args.size() != 1)
        return fail(u"merge takes the other kiosk's database file: checkinctl merge /media/stick/kiosk-b.sqlite"_s);
    auto opened = openEvent(ctx);
    if (!opened)
        return fail(opened.error());
    KioskFileMerge merge(*opened->db, opened->event, ctx.kioskId, actorName(ctx));
    auto summary = merge.mergeFrom(ctx.args.first());
    if (!summary)
        return fail(summary.error());
    QJsonObject out = summary->toJson();
    out.insert(u"merged"_s, true);
    out.insert(u"event"_s, opened->event.number);
    printJson(out);
    std::fprintf(stderr,
                 "checkinctl: %d check-ins added (%d of them duplicates of a check-in already here), %d already "
                 "here; %d guests, %d scans, %d print jobs and %d staff actions added\n",
                 summary->checkinsAdded, summary->duplicates, summary->checkinsKnown, summary->guestsAdded,
                 summary->scansAdded, summary->printJobsAdded, summary->staffActionsAdded);
    if (summary->printJobsInProgress > 0)
        std::fprintf(stderr,
                     "checkinctl: %d print jobs are still printing at the other kiosk: merge again later to "
                     "record them\n",
                     summary->printJobsInProgress);
    return kOk;
}

int cmdVenueInit(Context &ctx)
{
    auto conn = openVenue(ctx, "init");
    if (!conn)
        return fail(conn.error());
    auto migrated = venue::VenueSchema::migrate(**conn);
    if (!migrated)
        return fail(migrated.error().message);
    const bool created = migrated->before != migrated->after;
    const QString message =
        migrated->before == 0
            ? u"Created the venue schema, version %1, in %2."_s.arg(migrated->after).arg((*conn)->describe())
        : created ? u"Updated the venue schema from version %1 to %2 in %3."_s.arg(migrated->before)
                        .arg(migrated->after)
                        .arg((*conn)->describe())
                  : u"The venue schema in %1 is already at version %2; nothing to do."_s.arg((*conn)->describe())
                        .arg(migrated->after);
    printJson({{u"schema_version"_s, migrated->after},
               {u"previous_version"_s, migrated->before},
               {u"created"_s, created},
               {u"message"_s, message}});
    return kOk;
}

int cmdVenuePush(Context &ctx)
{
    auto opened = openEvent(ctx);
    if (!opened)
        return fail(opened.error());
    auto conn = openVenue(ctx, "push");
    if (!conn)
        return fail(conn.error());
    if (auto version = venue::VenueSchema::check(**conn); !version)
        return fail(version.error().message);
    auto pushed = venue::VenueEvents(**conn).push(*opened->db, opened->event);
    if (!pushed)
        return fail(pushed.error().message);
    QJsonObject invitations = countsJson(pushed->invitations);
    invitations[u"revoked"_s] = pushed->invitationsRevoked;
    QJsonObject attendees = countsJson(pushed->attendees);
    attendees[u"withdrawn"_s] = pushed->attendeesWithdrawn;
    const QJsonObject out{{u"event"_s, pushed->eventNumber},
                          {u"event_row"_s, pushed->eventInserted  ? u"inserted"_s
                                           : pushed->eventUpdated ? u"updated"_s
                                                                  : u"unchanged"_s},
                          {u"guests"_s, countsJson(pushed->guests)},
                          {u"invitations"_s, invitations},
                          {u"sessions"_s, countsJson(pushed->sessions)},
                          {u"attendees"_s, attendees}};
    // Guests' personal data now also lives in the venue database: the organiser's log says when and where it went
    // (never the password).
    db::StaffActionRecord audit;
    audit.kioskId = ctx.kioskId;
    audit.actor = actorName(ctx);
    audit.action = u"venue-push"_s;
    audit.eventId = opened->event.id;
    QJsonObject detail = out;
    detail[u"venue"_s] = (*conn)->describe();
    audit.detail = QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
    if (auto ok = db::StaffActionStore(*opened->db).append(audit); !ok)
        std::fprintf(stderr, "checkinctl: the push is done, but recording it in the staff action log failed: %s\n",
                     qPrintable(ok.error().message));
    printJson(out);
    return kOk;
}

int cmdVenueStatus(Context &ctx)
{
    auto conn = openVenue(ctx, "status");
    if (!conn)
        return fail(conn.error());
    auto version = venue::VenueSchema::check(**conn);
    if (!version)
        return fail(version.error().message);
    auto events = venue::VenueEvents(**conn).overview();
    if (!events)
        return fail(events.error().message);
    QJsonArray list;
    for (const venue::VenueEventOverview &e : *events) {
        list.append(QJsonObject{{u"number"_s, e.number},
                                {u"name"_s, e.name},
                                {u"guests"_s, e.guests},
                                {u"invitations"_s, e.invitations},
                                {u"revoked"_s, e.revoked},
                                {u"sessions"_s, e.sessions},
                                {u"attendance"_s, e.attendance},
                                {u"scans"_s, e.scans},
                                {u"kiosks"_s, e.kiosks}});
    }
    printJson({{u"schema_version"_s, *version},
               {u"latest_known"_s, venue::VenueSchema::latestVersion()},
               {u"server"_s, u"PostgreSQL %1, %2"_s.arg((*conn)->serverVersion(), (*conn)->describe())},
               {u"events"_s, list}});
    return kOk;
}

QJsonObject syncRoundJson(const VenueSyncRound &r)
{
    return {{u"state"_s, r.online        ? u"online"_s
                         : r.unreachable ? u"offline"_s
                                         : u"failed"_s},
            {u"error"_s, r.error},
            {u"pushed"_s, QJsonObject{{u"attendance_live"_s, r.attendanceLive},
                                      {u"attendance_duplicates"_s, r.attendanceDuplicates},
                                      {u"attendance_annulled"_s, r.attendanceAnnulled},
                                      {u"attendance_already"_s, r.attendanceAlready},
                                      {u"scans"_s, r.scans},
                                      {u"staff_actions"_s, r.staffActions},
                                      {u"print_jobs"_s, r.printJobs}}},
            {u"annulments_sent"_s, r.annulmentsSent},
            {u"revocations_sent"_s, r.revocationsSent},
            {u"revocations_applied"_s, r.revocationsApplied},
            {u"pulled"_s, QJsonObject{{u"guests_added"_s, r.guestsAdded},
                                      {u"guests_updated"_s, r.guestsUpdated},
                                      {u"invitations_added"_s, r.invitationsAdded},
                                      {u"sessions_changed"_s, r.sessionsChanged},
                                      {u"session_links_changed"_s, r.sessionLinksChanged}}},
            {u"double_badges"_s,
             [&r] {
                 QJsonArray list;
                 for (const VenueDoubleBadge &b : r.doubleBadges)
                     list.append(QJsonObject{{u"guest"_s, b.externalId},
                                             {u"name"_s, b.name},
                                             {u"kiosks"_s, QJsonArray::fromStringList(b.kiosks)}});
                 return list;
             }()},
            {u"waiting"_s, r.waiting},
            {u"at"_s, r.finishedAt.toString(Qt::ISODateWithMs)}};
}

int cmdSync(Context &ctx)
{
    auto opened = openEvent(ctx);
    if (!opened)
        return fail(opened.error());
    const QString conninfo = ctx.isSet("pg") ? ctx.value("pg") : qEnvironmentVariable("CHECKIN_VENUE_PG");
    if (conninfo.trimmed().isEmpty()) {
        return fail(u"sync needs the venue database's connection string: --pg \"host=... dbname=... user=...\" or "
                    "CHECKIN_VENUE_PG (see 'checkinctl help sync')."_s);
    }
    int interval = 0;
    if (ctx.isSet("interval")) {
        bool ok = false;
        interval = ctx.value("interval").toInt(&ok);
        if (!ok || interval < 1 || interval > 3600)
            return fail(u"--interval takes a number of seconds from 1 to 3600."_s);
        if (ctx.isSet("once"))
            return fail(u"Use --once or --interval, not both."_s);
    }
    VenueSync sync(*opened->db, opened->event, ctx.kioskId, conninfo);
    if (interval == 0) {
        const VenueSyncRound round = sync.syncOnce();
        printJson(syncRoundJson(round));
        if (!round.online)
            return fail(round.error);
        return kOk;
    }
    // SIGINT/SIGTERM end the loop between rounds (a round in hand finishes); a round cut short by SIGKILL is sent
    // again by the next run.
    StopOnSignal stop;
    QObject::connect(&stop, &StopOnSignal::received, QCoreApplication::instance(), &QCoreApplication::quit);
    QString lastError;
    const auto round = [&sync, &lastError] {
        const VenueSyncRound result = sync.syncOnce();
        printJson(syncRoundJson(result));
        if (result.error != lastError && !result.error.isEmpty())
            std::fprintf(stderr, "checkinctl: %s\n", qPrintable(result.error));
        lastError = result.error;
    };
    QTimer timer;
    timer.setInterval(std::chrono::seconds(interval));
    QObject::connect(&timer, &QTimer::timeout, round);
    QTimer::singleShot(0, round);
    timer.start();
    QCoreApplication::exec();
    return kOk;
}

} // namespace

const QList<Command> &venueCommands()
{
    static const QList<Command> commands = {
        {u"venue init"_s, {u"pg"_s}, kVenueHelp, cmdVenueInit},
        {u"venue push"_s, {u"pg"_s, u"actor"_s}, kVenueHelp, cmdVenuePush},
        {u"venue status"_s, {u"pg"_s}, kVenueHelp, cmdVenueStatus},
        {u"sync"_s, {u"pg"_s, u"once"_s, u"interval"_s}, kSyncHelp, cmdSync},
        {u"merge"_s, {u"actor"_s}, kMergeHelp, cmdMerge},
    };
    return commands;
}

} // namespace checkin::ctl
