// checkinctl: keys, events, guest lists, invitations, the programme and the demo.
#include "kiosk/ctl/commands.h"
#include "kiosk/ctl/ctlcommon.h"

#include "kiosk/demo/demoevent.h"
#include "kiosk/invitations/invitationissuer.h"
#include "kiosk/invitations/invitationmergefile.h"
#include "kiosk/invitations/signingkey.h"
#include "kiosk/programme/programmeimporter.h"
#include "printing/venuezone.h"

#include "db/database.h"
#include "db/eventstore.h"
#include "db/records.h"
#include "db/staffactionstore.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <functional>
#include <optional>

using namespace Qt::StringLiterals;

namespace checkin::ctl {

namespace {

const char *const kKeygenHelp = R"(checkinctl keygen --out DIR

Makes a new Ed25519 signing key pair with libsodium. DIR/signing.key is the secret key (mode 0600): keep it
on the organiser's machine, never on a kiosk. DIR/verify.pub is the public key that kiosks use to check
invitations; give it to 'event create'. An existing signing.key is never overwritten.
Prints {"signing_key": PATH, "verify_key": PATH}.
)";

const char *const kEventHelp =
    R"(checkinctl event create --number N --name TEXT --city TEXT --tz ZONE --from DATE --to DATE --verify-key FILE
checkinctl event list
checkinctl [--event N] event edit [--number N] [--name TEXT] [--city TEXT] [--tz ZONE] [--from DATE] [--to DATE] [--verify-key FILE] [--force]
checkinctl --event N event delete [--yes] [--force]

create: adds an event. N is the IETF meeting number (e.g. 122), ZONE the venue's IANA time zone (e.g.
Asia/Bangkok): programme days are dates in that zone. --from/--to are the first and last programme days
(YYYY-MM-DD). FILE is verify.pub from 'keygen'. Creates the database file if it does not exist.
--from and --to are the Policymaker Program's days, not the whole IETF week.
list: prints one JSON line per event.
edit: changes what is given and prints each change. A change that would strand what is recorded is refused with
the reason, unless --force: a new number or key when invitations are issued (they would be refused), a new zone
when guests have checked in, days that leave check-ins outside the programme.
delete: without --yes, says what would go. With --yes, removes the event and all its guests, invitations,
check-ins, scans, print jobs and programme (the staff action log keeps its rows). An event with check-ins also
needs --force: keep a report and a backup first.
Every change is recorded in the staff action log with --actor (default: the operating-system user).
)";

const char *const kInvitationsHelp = R"(checkinctl invitations issue --key FILE --out DIR [GUEST...]

Gives every guest (or the named ones) a signed invitation and writes DIR/<external_id>.png (the QR code)
and DIR/<external_id>.pdf (a one-page invitation to e-mail or print). FILE is signing.key from 'keygen'.
Running it again re-writes the same codes: invitations already sent keep working.
DIR/invitations.csv is the mail-merge file of the run (UTF-8, RFC 4180): external_id,name,email,language,pdf,png
with absolute paths, one row per guest issued in this run. 'invitations send' e-mails them instead.
)";

const char *const kProgrammeHelp =
    R"(checkinctl programme import FILE [--format datatracker-json|datatracker-csv|ics|csv] [--only-programme-days]

Imports the meeting programme into the event: the IETF datatracker's agenda.json, agenda.csv (agenda-utc.csv for
UTC times) or agenda.ics, or the Policymaker Program's own CSV with columns session_id, date, start, end, title,
kind, room, description, attendees (guest external ids separated by ';' or spaces; times are venue-local).
The format comes from the extension (a .csv is told apart by its header) unless --format says it. Re-importing
updates sessions and never duplicates them; sessions missing from a new file are kept and counted. A file with
any problem is rejected whole with every problem by line. The datatracker's files cover the whole IETF week:
--only-programme-days skips sessions outside the event's programme days instead of rejecting the file.
)";

const char *const kDemoHelp = R"(checkinctl demo [--out DIR]

Creates the built-in demo: event 900 in Bangkok with programme days around today, a dozen fictional guests
whose names use many scripts, a key pair in DIR/keys and every invitation in DIR/invitations (default DIR:
the folder of the database). Safe to run again.
)";

int cmdKeygen(Context &ctx)
{
    if (!ctx.isSet("out"))
        return fail(u"keygen needs --out DIR (the folder for signing.key and verify.pub)."_s);
    const QString dir = ctx.value("out");
    const SigningKey key = SigningKey::generate();
    if (auto ok = key.writeFiles(dir); !ok)
        return fail(ok.error());
    printJson({{u"signing_key"_s, QDir(dir).absoluteFilePath(u"signing.key"_s)},
               {u"verify_key"_s, QDir(dir).absoluteFilePath(u"verify.pub"_s)}});
    return kOk;
}

// The event options given (--number, --name, --city, --tz, --from, --to, --verify-key) applied to event, checked.
std::expected<db::EventRecord, QString> withEventOptions(const Context &ctx, db::EventRecord event)
{
    if (ctx.isSet("number")) {
        bool ok = false;
        event.number = ctx.value("number").toInt(&ok);
        if (!ok || event.number <= 0 || event.number > 65535)
            return std::unexpected(
                u"--number must be an IETF meeting number between 1 and 65535, not \"%1\"."_s.arg(ctx.value("number")));
    }
    if (ctx.isSet("name"))
        event.name = ctx.value("name").trimmed();
    if (ctx.isSet("city"))
        event.city = ctx.value("city").trimmed();
    if (event.name.isEmpty() || event.city.isEmpty())
        return std::unexpected(u"--name and --city must not be empty."_s);
    if (ctx.isSet("tz")) {
        event.timeZone = ctx.value("tz");
        if (!venueZone(event.timeZone.toUtf8()))
            return std::unexpected(u"Unknown time zone \"%1\": use an IANA name such as Asia/Bangkok or "
                                   "Europe/Dublin."_s.arg(event.timeZone));
    }
    for (const auto &[name, day] : {std::pair{"from", &event.firstDay}, std::pair{"to", &event.lastDay}}) {
        if (!ctx.isSet(name))
            continue;
        *day = QDate::fromString(ctx.value(name), Qt::ISODate);
        if (!day->isValid())
            return std::unexpected(u"--from and --to must be dates written YYYY-MM-DD."_s);
    }
    if (event.lastDay < event.firstDay)
        return std::unexpected(u"The last programme day (%1) is before the first (%2)."_s.arg(
            event.lastDay.toString(Qt::ISODate), event.firstDay.toString(Qt::ISODate)));
    if (event.firstDay.daysTo(event.lastDay) > 31)
        return std::unexpected(u"The programme runs more than 31 days; check --from and --to."_s);
    if (ctx.isSet("verify-key")) {
        auto key = SigningKey::loadPublicKey(ctx.value("verify-key"));
        if (!key)
            return std::unexpected(key.error());
        event.verifyKey = *key;
    }
    return event;
}

// Writes the change and its staff action row in one transaction: a change that cannot be audited is not made.
std::expected<void, QString> auditedEventChange(db::Database &db, const Context &ctx, const QString &action,
                                                qint64 eventId, const QJsonObject &detail,
                                                const std::function<db::DbResult<void>()> &change)
{
    db::Transaction tx(db);
    if (auto ok = tx.begin(); !ok)
        return std::unexpected(ok.error().message);
    if (auto ok = change(); !ok)
        return std::unexpected(ok.error().message);
    db::StaffActionRecord audit;
    audit.kioskId = ctx.kioskId;
    audit.actor = actorName(ctx);
    audit.action = action;
    audit.eventId = eventId;
    audit.detail = QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
    if (auto ok = db::StaffActionStore(db).append(audit); !ok)
        return std::unexpected(ok.error().message);
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error().message);
    return {};
}

int cmdEventCreate(Context &ctx)
{
    QStringList missing;
    for (const char *name : {"number", "name", "city", "tz", "from", "to", "verify-key"}) {
        if (!ctx.isSet(name))
            missing << u"--"_s + QString::fromLatin1(name);
    }
    if (!missing.isEmpty())
        return fail(u"event create is missing %1 (see 'checkinctl help event')."_s.arg(missing.join(u", "_s)));
    auto event = withEventOptions(ctx, db::EventRecord{});
    if (!event)
        return fail(event.error());

    auto db = openDb(ctx, db::Database::OpenMode::CreateIfMissing);
    if (!db)
        return fail(db.error());
    qint64 id = 0;
    auto done = auditedEventChange(**db, ctx, u"event-create"_s, 0, eventJson(*event), [&]() -> db::DbResult<void> {
        auto created = db::EventStore(**db).create(*event);
        if (!created)
            return std::unexpected(created.error());
        id = *created;
        return {};
    });
    if (!done)
        return fail(done.error());
    QJsonObject out = eventJson(*event);
    out[u"db"_s] = QFileInfo(ctx.dbPath).absoluteFilePath();
    printJson(out);
    return kOk;
}

int cmdEventEdit(Context &ctx)
{
    if (!ctx.args.isEmpty())
        return fail(u"event edit takes its changes as options: checkinctl --event 125 event edit --city Shenzhen"_s);
    auto opened = openEvent(ctx);
    if (!opened)
        return fail(opened.error());
    db::Database &db = *opened->db;
    const db::EventRecord &before = opened->event;
    auto after = withEventOptions(ctx, before);
    if (!after)
        return fail(after.error());
    auto usage = db::EventStore(db).usage(before.id, after->firstDay, after->lastDay);
    if (!usage)
        return fail(usage.error().message);

    // Each change, and what it does to what is already recorded (a reason to refuse without --force).
    QJsonObject changes;
    QStringList cares;
    const auto changed = [&](const char16_t *field, const QJsonValue &from, const QJsonValue &to) {
        if (from != to)
            changes.insert(QString::fromUtf16(field), QJsonObject{{u"from"_s, from}, {u"to"_s, to}});
        return from != to;
    };
    if (changed(u"number", before.number, after->number) && usage->invitations > 0)
        cares << u"%1 invitations carry meeting number %2: kiosks would refuse them; issue them again after the "
                 "change"_s.arg(usage->invitations)
                     .arg(before.number);
    changed(u"name", before.name, after->name);
    changed(u"city", before.city, after->city);
    if (changed(u"time_zone", before.timeZone, after->timeZone) && usage->checkins > 0)
        cares << u"%1 check-ins were dated in %2: their days and times stay as recorded"_s.arg(usage->checkins)
                     .arg(before.timeZone);
    const bool daysChanged = changed(u"first_day", before.firstDay.toString(Qt::ISODate),
                                     after->firstDay.toString(Qt::ISODate))
                             | changed(u"last_day", before.lastDay.toString(Qt::ISODate),
                                       after->lastDay.toString(Qt::ISODate));
    if (daysChanged && usage->checkinsOutside > 0)
        cares << u"%1 check-ins are on days outside %2 to %3: they stay recorded but are no longer reported"_s
                     .arg(usage->checkinsOutside)
                     .arg(after->firstDay.toString(Qt::ISODate), after->lastDay.toString(Qt::ISODate));
    if (changed(u"verify_key", QString::fromLatin1(before.verifyKey.toHex()),
                QString::fromLatin1(after->verifyKey.toHex()))
        && usage->invitations > 0)
        cares << u"%1 invitations were signed with the old key: kiosks would refuse them; issue them again with the "
                 "new signing key"_s.arg(usage->invitations);
    if (changes.isEmpty()) {
        printJson(QJsonObject{{u"event"_s, before.number}, {u"changed"_s, changes}});
        std::fprintf(stderr, "checkinctl: nothing to change for %s\n", qPrintable(before.name));
        return kOk;
    }
    if (!cares.isEmpty() && !ctx.isSet("force")) {
        for (const QString &c : std::as_const(cares))
            std::fprintf(stderr, "checkinctl: %s\n", qPrintable(c));
        return fail(u"%1 was not changed. Give --force to change it anyway."_s.arg(before.name));
    }
    auto done = auditedEventChange(db, ctx, u"event-edit"_s, before.id, changes,
                                   [&] { return db::EventStore(db).update(*after); });
    if (!done)
        return fail(done.error());
    for (const QString &c : std::as_const(cares))
        std::fprintf(stderr, "checkinctl: changed with --force: %s\n", qPrintable(c));
    QJsonObject out = eventJson(*after);
    out.insert(u"changed"_s, changes);
    printJson(out);
    return kOk;
}

int cmdEventDelete(Context &ctx)
{
    if (!ctx.isSet("event"))
        return fail(u"event delete needs the event to delete: checkinctl --event N event delete (it never "
                    "guesses)."_s);
    auto opened = openEvent(ctx);
    if (!opened)
        return fail(opened.error());
    db::Database &db = *opened->db;
    const db::EventRecord &event = opened->event;
    auto usage = db::EventStore(db).usage(event.id, event.firstDay, event.lastDay);
    if (!usage)
        return fail(usage.error().message);
    QJsonObject out{
        {u"event"_s, event.number},       {u"guests"_s, usage->guests},     {u"invitations"_s, usage->invitations},
        {u"checkins"_s, usage->checkins}, {u"sessions"_s, usage->sessions}, {u"deleted"_s, false}};
    if (usage->checkins > 0 && !ctx.isSet("force")) {
        printJson(out);
        return fail(u"%1 has %2 check-ins: deleting it would lose the attendance record. Keep a report and a backup "
                    "first ('checkinctl report', 'checkinctl backup'); to remove only personal data after the "
                    "meeting use 'checkinctl purge'. Give --force --yes to delete it anyway."_s.arg(event.name)
                        .arg(usage->checkins));
    }
    if (!ctx.isSet("yes")) {
        printJson(out);
        std::fprintf(stderr,
                     "checkinctl: would delete %s with %lld guests, %lld invitations, %lld check-ins and %lld "
                     "sessions; run again with --yes to delete it\n",
                     qPrintable(event.name), static_cast<long long>(usage->guests),
                     static_cast<long long>(usage->invitations), static_cast<long long>(usage->checkins),
                     static_cast<long long>(usage->sessions));
        return kOk;
    }
    auto done = auditedEventChange(db, ctx, u"event-delete"_s, 0, eventJson(event),
                                   [&] { return db::EventStore(db).remove(event.id); });
    if (!done)
        return fail(done.error());
    out.insert(u"deleted"_s, true);
    printJson(out);
    std::fprintf(stderr, "checkinctl: %s deleted; the staff action log keeps a record of it\n", qPrintable(event.name));
    return kOk;
}

int cmdEventList(Context &ctx)
{
    auto db = openDb(ctx);
    if (!db)
        return fail(db.error());
    auto events = db::EventStore(**db).all();
    if (!events)
        return fail(events.error().message);
    for (const db::EventRecord &e : *events)
        printJson(eventJson(e));
    return kOk;
}

int cmdInvitationsIssue(Context &ctx)
{
    if (!ctx.isSet("key") || !ctx.isSet("out"))
        return fail(u"invitations issue needs --key FILE (signing.key) and --out DIR."_s);
    auto key = SigningKey::load(ctx.value("key"));
    if (!key)
        return fail(key.error());
    auto opened = openEvent(ctx);
    if (!opened)
        return fail(opened.error());
    db::Database &db = *opened->db;
    const db::EventRecord &event = opened->event;
    InvitationIssuer issuer(db, event, *key);
    auto issued = issuer.issue(ctx.value("out"), ctx.args, [](const InvitationIssuer::Issued &item) {
        printJson({{u"guest"_s, item.externalId},
                   {u"name"_s, item.name},
                   {u"email"_s, item.email},
                   {u"language"_s, item.language},
                   {u"png"_s, QFileInfo(item.pngPath).absoluteFilePath()},
                   {u"pdf"_s, QFileInfo(item.pdfPath).absoluteFilePath()},
                   {u"new"_s, item.newInvitation}});
    });
    if (!issued)
        return fail(issued.error());
    auto mergeFile = InvitationMergeFile::write(ctx.value("out"), *issued);
    if (!mergeFile)
        return fail(mergeFile.error());
    std::fprintf(stderr, "checkinctl: %lld invitation(s) written to %s; mail-merge list: %s\n",
                 static_cast<long long>(issued->size()), qPrintable(QDir(ctx.value("out")).absolutePath()),
                 qPrintable(*mergeFile));
    return kOk;
}

int cmdProgrammeImport(Context &ctx)
{
    if (ctx.args.size() != 1)
        return fail(u"programme import takes one file: checkinctl programme import FILE"_s);
    std::optional<ProgrammeImporter::Format> format;
    if (ctx.isSet("format")) {
        format = ProgrammeImporter::formatFromName(ctx.value("format"));
        if (!format)
            return fail(u"--format is datatracker-json, datatracker-csv, ics or csv."_s);
    }
    auto opened = openEvent(ctx);
    if (!opened)
        return fail(opened.error());
    db::Database &db = *opened->db;
    const db::EventRecord &event = opened->event;
    ProgrammeImporter importer(db, event, ctx.kioskId, actorName(ctx));
    importer.setSkipOutsideProgrammeDays(ctx.isSet("only-programme-days"));
    auto summary = importer.importFile(ctx.args.first(), format);
    if (!summary) {
        printRejectedFile(ctx.args.first(), summary.error().problems, summary.error().unlistedProblems,
                          summary.error().message);
        if (summary.error().outsideProgrammeDays > 0) {
            std::fprintf(stderr,
                         "checkinctl: %d session(s) are outside the programme days; if the file covers the "
                         "whole IETF week, import it with --only-programme-days to skip them\n",
                         summary.error().outsideProgrammeDays);
        }
        return fail(summary.error().message);
    }
    printJson({{u"imported"_s, true},
               {u"format"_s, ProgrammeImporter::formatName(summary->format)},
               {u"inserted"_s, summary->inserted},
               {u"updated"_s, summary->updated},
               {u"unchanged"_s, summary->unchanged},
               {u"not_in_file"_s, summary->notInFile},
               {u"attendees_linked"_s, summary->attendeesLinked},
               {u"attendees_unlinked"_s, summary->attendeesUnlinked},
               {u"skipped_outside_days"_s, summary->skippedOutsideDays}});
    return kOk;
}

int cmdDemo(Context &ctx)
{
    const QString out = ctx.isSet("out") ? ctx.value("out") : QFileInfo(ctx.dbPath).absolutePath();
    auto result = DemoEvent::ensure(ctx.dbPath, out, ctx.kioskId);
    if (!result)
        return fail(result.error());
    printJson({{u"db"_s, QFileInfo(result->dbPath).absoluteFilePath()},
               {u"event"_s, result->eventNumber},
               {u"guests"_s, result->guests},
               {u"keys"_s, QDir(result->keyDir).absolutePath()},
               {u"invitations"_s, QDir(result->invitationsDir).absolutePath()},
               {u"created"_s, result->created}});
    return kOk;
}

} // namespace

const QList<Command> &setupCommands()
{
    static const QList<Command> commands = {
        {u"keygen"_s, {u"out"_s}, kKeygenHelp, cmdKeygen},
        {u"event create"_s,
         {u"number"_s, u"name"_s, u"city"_s, u"tz"_s, u"from"_s, u"to"_s, u"verify-key"_s, u"actor"_s},
         kEventHelp,
         cmdEventCreate},
        {u"event list"_s, {}, kEventHelp, cmdEventList},
        {u"event edit"_s,
         {u"number"_s, u"name"_s, u"city"_s, u"tz"_s, u"from"_s, u"to"_s, u"verify-key"_s, u"force"_s, u"actor"_s},
         kEventHelp,
         cmdEventEdit},
        {u"event delete"_s, {u"yes"_s, u"force"_s, u"actor"_s}, kEventHelp, cmdEventDelete},
        {u"invitations issue"_s, {u"key"_s, u"out"_s}, kInvitationsHelp, cmdInvitationsIssue},
        {u"programme import"_s,
         {u"format"_s, u"only-programme-days"_s, u"actor"_s},
         kProgrammeHelp,
         cmdProgrammeImport},
        {u"demo"_s, {u"out"_s}, kDemoHelp, cmdDemo},
    };
    return commands;
}

} // namespace checkin::ctl
