// checkinctl: keys, events, guest lists, invitations, the programme and the demo.
#include "commands.h"
#include "ctlcommon.h"

#include "demoevent.h"
#include "invitationissuer.h"
#include "invitationmergefile.h"
#include "programmeimporter.h"
#include "signingkey.h"
#include "venuezone.h"

#include <database.h>
#include <eventstore.h>
#include <printjobstore.h>
#include <records.h>

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
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

const char *const kEventHelp = R"(checkinctl event create --number N --name TEXT --city TEXT --tz ZONE --from DATE --to DATE --verify-key FILE
checkinctl event list

create: adds an event. N is the IETF meeting number (e.g. 122), ZONE the venue's IANA time zone (e.g.
Asia/Bangkok): programme days are dates in that zone. --from/--to are the first and last programme days
(YYYY-MM-DD). FILE is verify.pub from 'keygen'. Creates the database file if it does not exist.
list: prints one JSON line per event.
)";


const char *const kInvitationsHelp = R"(checkinctl invitations issue --key FILE --out DIR [GUEST...]

Gives every guest (or the named ones) a signed invitation and writes DIR/<external_id>.png (the QR code)
and DIR/<external_id>.pdf (a one-page invitation to e-mail or print). FILE is signing.key from 'keygen'.
Running it again re-writes the same codes: invitations already sent keep working.
DIR/invitations.csv is the mail-merge file of the run (UTF-8, RFC 4180): external_id,name,email,language,pdf,png
with absolute paths, one row per guest issued in this run. 'invitations send' e-mails them instead.
)";

const char *const kProgrammeHelp = R"(checkinctl programme import FILE [--format datatracker-json|datatracker-csv|ics|csv] [--only-programme-days]

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

int cmdEventCreate(Context &ctx)
{
    QStringList missing;
    for (const char *name : {"number", "name", "city", "tz", "from", "to", "verify-key"}) {
        if (!ctx.isSet(name))
            missing << u"--"_s + QString::fromLatin1(name);
    }
    if (!missing.isEmpty())
        return fail(u"event create is missing %1 (see 'checkinctl help event')."_s.arg(missing.join(u", "_s)));

    db::EventRecord event;
    bool ok = false;
    event.number = ctx.value("number").toInt(&ok);
    if (!ok || event.number <= 0 || event.number > 65535)
        return fail(u"--number must be an IETF meeting number between 1 and 65535, not \"%1\"."_s.arg(ctx.value("number")));
    event.name = ctx.value("name").trimmed();
    event.city = ctx.value("city").trimmed();
    if (event.name.isEmpty() || event.city.isEmpty())
        return fail(u"--name and --city must not be empty."_s);
    event.timeZone = ctx.value("tz");
    if (!venueZone(event.timeZone.toUtf8()))
        return fail(u"Unknown time zone \"%1\": use an IANA name such as Asia/Bangkok or Europe/Dublin."_s.arg(event.timeZone));
    event.firstDay = QDate::fromString(ctx.value("from"), Qt::ISODate);
    event.lastDay = QDate::fromString(ctx.value("to"), Qt::ISODate);
    if (!event.firstDay.isValid() || !event.lastDay.isValid())
        return fail(u"--from and --to must be dates written YYYY-MM-DD."_s);
    if (event.lastDay < event.firstDay)
        return fail(u"--to (%1) is before --from (%2)."_s.arg(ctx.value("to"), ctx.value("from")));
    if (event.firstDay.daysTo(event.lastDay) > 31)
        return fail(u"The programme runs more than 31 days; check --from and --to."_s);
    auto key = SigningKey::loadPublicKey(ctx.value("verify-key"));
    if (!key)
        return fail(key.error());
    event.verifyKey = *key;

    auto db = openDb(ctx, db::Database::OpenMode::CreateIfMissing);
    if (!db)
        return fail(db.error());
    auto id = db::EventStore(**db).create(event);
    if (!id)
        return fail(id.error().message);
    db::StaffActionRecord audit;
    audit.kioskId = ctx.kioskId;
    audit.actor = actorName(ctx);
    audit.action = u"event-create"_s;
    audit.eventId = *id;
    audit.detail = QString::fromUtf8(QJsonDocument(eventJson(event)).toJson(QJsonDocument::Compact));
    (void)db::StaffActionStore(**db).append(audit);
    QJsonObject out = eventJson(event);
    out[u"db"_s] = QFileInfo(ctx.dbPath).absoluteFilePath();
    printJson(out);
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
            std::fprintf(stderr, "checkinctl: %d session(s) are outside the programme days; if the file covers the "
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
        {u"event create"_s, {u"number"_s, u"name"_s, u"city"_s, u"tz"_s, u"from"_s, u"to"_s, u"verify-key"_s, u"actor"_s}, kEventHelp, cmdEventCreate},
        {u"event list"_s, {}, kEventHelp, cmdEventList},
        {u"invitations issue"_s, {u"key"_s, u"out"_s}, kInvitationsHelp, cmdInvitationsIssue},
        {u"programme import"_s, {u"format"_s, u"only-programme-days"_s, u"actor"_s}, kProgrammeHelp, cmdProgrammeImport},
        {u"demo"_s, {u"out"_s}, kDemoHelp, cmdDemo},
    };
    return commands;
}

} // namespace checkin::ctl
