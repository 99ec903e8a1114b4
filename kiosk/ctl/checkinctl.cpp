#include "checkinctl.h"

#include "attendancereport.h"
#include "venuewideattendance.h"
#include "venuezone.h"
#include "backupschedule.h"
#include "checkinservice.h"
#include "databasehealth.h"
#include "databaserestore.h"
#include "demoevent.h"
#include "guestimporter.h"
#include "invitationtoken.h"
#include "printdocuments.h"
#include "printersetup.h"
#include "printqueueworker.h"
#include "programmeimporter.h"
#include "invitationissuer.h"
#include "qrdecoder.h"
#include "reportexport.h"
#include "savefile.h"
#include "signingkey.h"
#include "staffactions.h"
#include "staffauth.h"

#include <database.h>
#include <badgelayout.h>
#include <eventstore.h>
#include <attendancestore.h>
#include <gueststore.h>
#include <printjobstore.h>
#include <records.h>
#include <retentionstore.h>
#include <venueconnection.h>
#include <venueevents.h>
#include <venueschema.h>
#include <venuesync.h>

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QSet>
#include <QThread>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QDir>
#include <QFileInfo>
#include <QSysInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimeZone>

#include <csignal>
#include <cstring>
#include <cstdio>
#include <functional>
#include <limits>
#include <map>
#include <optional>

#include <sodium.h>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace checkin {

namespace {

constexpr int kOk = 0;
constexpr int kRefused = 1;
constexpr int kFailed = 2;

const char *const kOverview = R"(checkinctl - prepare and run an IETF Policymaker Program check-in

Usage: checkinctl [--db PATH] [--event NUMBER] [--kiosk ID] COMMAND [OPTIONS]

Preparing an event:
  keygen --out DIR                 make an Ed25519 key pair: DIR/signing.key (secret, 0600) and DIR/verify.pub
  event create --number N --name TEXT --city TEXT --tz ZONE --from DATE --to DATE --verify-key FILE
                                   add an event (ZONE is an IANA time zone such as Asia/Bangkok; dates YYYY-MM-DD)
  event list                       list the events in the database
  guests import FILE.csv           import or update the guest list (UTF-8 CSV; datatracker columns accepted)
  invitations issue --key FILE --out DIR [GUEST...]
                                   write DIR/<external_id>.png (QR) and DIR/<external_id>.pdf (invitation)
  programme import FILE [--format datatracker-json|datatracker-csv|ics|csv] [--only-programme-days]
                                   import the programme (datatracker agenda.json/.csv/.ics, or our CSV)
  demo [--out DIR]                 create the built-in demo event with guests, key and invitations

Badges, agendas and printing:
  badge GUEST --out FILE.pdf [--layout NAME|FILE]
                                   one guest's badge (layouts: %2)
  badges --all --out FILE.pdf [--layout NAME|FILE]
                                   every guest's badge on sheets (default layout a4-sheet-8)
  agenda GUEST --out FILE.pdf [--day DATE]
                                   one guest's personal agenda
  printers [--badge-printer SPEC] [--agenda-printer SPEC]
                                   show or set where badges and agendas print (cups:QUEUE[@HOST:PORT],
                                   folder:DIR or none; default: PDF folders beside the database)
  print-queue [--state queued|sent|printed|failed]
                                   list print jobs
  reprint GUEST --badge | --agenda queue an explicit reprint (a new job; recorded as a staff action)
  print-worker [--once]            print queued jobs (runs until stopped; --once: one pass, then exit)

During the event:
  checkin --payload TEXT | --image FILE [--at ISO8601] [--source NAME]
                                   check a guest in from a scanned code or a photo of it
  checkin --guest GUEST --actor NAME [--at ISO8601]
                                   check in a guest staff identified without the invitation (audited)
  decode IMAGE...                  print every QR code found in each image
  attendance [--day DATE] [--format json|csv] [--out FILE] [--pg CONNINFO | --local]
                                   who was expected and who arrived, per programme day (every kiosk's
                                   check-ins when a venue database is configured)
  report --out DIR [--pg CONNINFO | --local]
                                   the attendance report for sponsors: DIR/ietf<N>-attendance-<date>-<time>.csv
                                   and .pdf (per-day totals, register, signature line)
  annul CHECKIN_ID --reason TEXT   annul a wrong check-in (kept in the record, marked annulled)
  revoke GUEST [--reason TEXT]     revoke a guest's invitation (lost or misused)

Backups and recovery:
  backup [--to DIR]                write a backup now (default DIR: backups/ beside the database, newest 10 kept)
  backups [--to DIR]               list the backups beside the database (or in DIR), newest first, each checked
  restore FILE [--force]           replace the database with a checked backup (the old one is kept aside)
  purge --event N [--yes] [--force]
                                   remove a past event's personal data (without --yes: only say what would go)

Venue database (PostgreSQL, shared by the kiosks of one venue):
  venue init --pg CONNINFO         create or update the venue schema (safe to run again)
  venue push --pg CONNINFO [--event N]
                                   upload the event, its guests, invitations and programme from --db
  venue status --pg CONNINFO       schema version and what each event holds there
  sync --pg CONNINFO [--once | --interval SECONDS]
                                   send this kiosk's records to the venue database, bring back revocations
                                   (CONNINFO may also come from $CHECKIN_VENUE_PG)

Staff mode on the kiosks:
  staff-pin set                    set the staff PIN (asked twice without echo, or one line from a pipe)
  staff-pin status                 whether a staff PIN is set, and any lockout after wrong PINs

Global options:
  --db PATH        the database file (default: $CHECKIN_DB, else %1)
  --event NUMBER   the IETF meeting number (default: the only or latest event)
  --kiosk ID       this machine's kiosk id for recorded rows (default: $CHECKIN_KIOSK, else the host name)
  -h, --help       this help; 'checkinctl help COMMAND' for one command
  -v, --version    the version

Every result is printed as one line of JSON on standard output; messages go to standard error.
Exit status: 0 success (guest admitted), 1 guest refused, 2 usage or system error.
Guests are named by their external id (the external_id column of the guest list).
)";

const std::map<QString, const char *> kCommandHelp = {
    {u"keygen"_s, R"(checkinctl keygen --out DIR

Makes a new Ed25519 signing key pair with libsodium. DIR/signing.key is the secret key (mode 0600): keep it
on the organiser's machine, never on a kiosk. DIR/verify.pub is the public key that kiosks use to check
invitations; give it to 'event create'. An existing signing.key is never overwritten.
Prints {"signing_key": PATH, "verify_key": PATH}.
)"},
    {u"event"_s, R"(checkinctl event create --number N --name TEXT --city TEXT --tz ZONE --from DATE --to DATE --verify-key FILE
checkinctl event list

create: adds an event. N is the IETF meeting number (e.g. 122), ZONE the venue's IANA time zone (e.g.
Asia/Bangkok): programme days are dates in that zone. --from/--to are the first and last programme days
(YYYY-MM-DD). FILE is verify.pub from 'keygen'. Creates the database file if it does not exist.
list: prints one JSON line per event.
)"},
    {u"guests"_s, R"(checkinctl guests import FILE.csv

Imports the guest list into the event: RFC 4180 CSV in UTF-8 (with or without BOM), CRLF or LF.
Columns (header names, any order): external_id, display_name, latin_name, given_name/first_name,
family_name/last_name, organisation/affiliation, country_code (ISO 3166 alpha-2), role
(policymaker|staff|host), email, language (en|fr|es|ar|zh|ru), days (programme day numbers or dates),
reg_type, ticket_type. An IETF datatracker registration export works as is; without external_id each guest's
id is derived from the e-mail address (a hash, no personal data). Re-importing updates guests, never
duplicates them. A file with any problem is rejected whole, every problem is listed by line and column, and
the database is left exactly as it was.
)"},
    {u"invitations"_s, R"(checkinctl invitations issue --key FILE --out DIR [GUEST...]

Gives every guest (or the named ones) a signed invitation and writes DIR/<external_id>.png (the QR code)
and DIR/<external_id>.pdf (a one-page invitation to e-mail or print). FILE is signing.key from 'keygen'.
Running it again re-writes the same codes: invitations already sent keep working.
)"},
    {u"demo"_s, R"(checkinctl demo [--out DIR]

Creates the built-in demo: event 900 in Bangkok with programme days around today, a dozen fictional guests
whose names use many scripts, a key pair in DIR/keys and every invitation in DIR/invitations (default DIR:
the folder of the database). Safe to run again.
)"},
    {u"programme"_s, R"(checkinctl programme import FILE [--format datatracker-json|datatracker-csv|ics|csv] [--only-programme-days]

Imports the meeting programme into the event: the IETF datatracker's agenda.json, agenda.csv (agenda-utc.csv for
UTC times) or agenda.ics, or the Policymaker Program's own CSV with columns session_id, date, start, end, title,
kind, room, description, attendees (guest external ids separated by ';' or spaces; times are venue-local).
The format comes from the extension (a .csv is told apart by its header) unless --format says it. Re-importing
updates sessions and never duplicates them; sessions missing from a new file are kept and counted. A file with
any problem is rejected whole with every problem by line. The datatracker's files cover the whole IETF week:
--only-programme-days skips sessions outside the event's programme days instead of rejecting the file.
)"},
    {u"badge"_s, R"(checkinctl badge GUEST --out FILE.pdf [--layout NAME|FILE]

Writes the guest's badge: given name large, full name, organisation, country, role band, event and dates, and
the invitation QR (vector) so the badge can be scanned on later days. --layout is a built-in layout name or a
layout JSON file (see printing/layouts/README.md); the default is the Policymaker Program 4x3 in badge.
)"},
    {u"badges"_s, R"(checkinctl badges --all --out FILE.pdf [--layout NAME|FILE]

Writes every guest's badge into one PDF for batch printing: 8 per A4 sheet with crop marks by default.
)"},
    {u"agenda"_s, R"(checkinctl agenda GUEST --out FILE.pdf [--day DATE]

Writes the guest's personal agenda: day by day, times in the venue's time zone, the guest's own sessions
highlighted, headings in the guest's language. --day prints one programme day only.
)"},
    {u"printers"_s, R"(checkinctl printers [--badge-printer SPEC] [--agenda-printer SPEC]

Shows, or sets, where badges and agendas print. SPEC is cups:QUEUE (the local CUPS), cups:QUEUE@HOST:PORT,
folder:DIR (each document becomes a PDF file in DIR, for venues without CUPS) or none. Until set, documents go to
PDF folders beside the database (printed/badges, printed/agendas).
)"},
    {u"print-queue"_s, R"(checkinctl print-queue [--state queued|sent|printed|failed]

Lists the print jobs of the event, oldest first: guest, kind, reason (checkin or reprint), state, attempts and
the last error in words staff can act on.
)"},
    {u"reprint"_s, R"(checkinctl reprint GUEST --badge | --agenda

Queues a new, explicit print job for the guest's badge or agenda (a check-in never prints a badge twice by
itself). Recorded in the staff action log.
)"},
    {u"print-worker"_s, R"(checkinctl print-worker [--once]

Prints queued jobs on the configured printers: renders each badge or agenda, hands it to CUPS (or the PDF
folder), follows it until printed and retries with backoff while a printer is stopped or CUPS is down. Never
hands the same job over twice, also across crashes. Runs until stopped (Ctrl+C); --once makes one pass.
)"},
    {u"checkin"_s, R"(checkinctl checkin --payload TEXT | --image FILE [--at ISO8601] [--source NAME]
checkinctl checkin --guest GUEST --actor NAME [--at ISO8601]

Checks a guest in: verifies the invitation, records the day's attendance once and, on the first day, queues
the badge and agenda for printing. --payload is the scanned text; --image a photo or PNG of the QR code.
--guest checks in the guest with that external id whom staff identified without the invitation (lost,
left at home): the same rules as a scan (a revoked invitation is still refused), recorded as a manual
check-in with a staff action naming --actor, the staff member who confirmed the guest.
--at pretends the scan happened at that time (default now). Prints
{"outcome": ..., "guest": ..., "day": ..., ...} with outcome one of welcome, welcome_back,
already_checked_in, revoked, other_event, not_programme_day, forged, unknown, unreadable.
Exit status 0 when the guest is admitted, 1 when refused, 2 on error. Once this prints an outcome the
check-in is on disk: a crash or power cut cannot lose it.
)"},
    {u"decode"_s, R"(checkinctl decode IMAGE...

Prints, for each image, every QR code found in it (ZXing-C++ with try-harder and rotation):
{"image": PATH, "codes": [{"text": ..., "format": ..., "position": [[x,y],...]}]}.
Exit status 2 if any image cannot be read.
)"},
    {u"attendance"_s, R"(checkinctl attendance [--day DATE] [--format json|csv] [--out FILE] [--pg CONNINFO | --local]

Per programme day: how many guests were expected, how many arrived, and who (with the first scan time in
the venue's time zone and the kiosk that checked them in). json (default) prints one line per day; csv prints
one row per guest per day, ready for a spreadsheet (cells are protected against formula injection). --out
writes to FILE instead.

Whose check-ins: with a venue database (--pg CONNINFO, or $CHECKIN_VENUE_PG) every kiosk's, read from the
venue database (one per guest per day venue-wide, the earliest scan), plus this file's check-ins that have not
been sent yet; --local counts only the check-ins in --db. When the venue database cannot be read, a warning
says why and this file's check-ins are used. Each json line says which: "source": "venue" or "kiosk".
)"},
    {u"report"_s, R"(checkinctl report --out DIR [--event N]

Writes the attendance report that programme sponsors ask for into the folder DIR (e.g. a USB stick), as two
files named without personal data after the event and the venue's local time:
DIR/ietf<N>-attendance-<YYYY-MM-DD>-<HHMM>.csv  one row per guest per day (cells protected against formula
                                              injection), as 'attendance --format csv'
DIR/ietf<N>-attendance-<YYYY-MM-DD>-<HHMM>.pdf  A4: per-day totals (expected, arrived, % arrived), the register
                                              of every guest by day with first scan times, page numbers and a
                                              "Certified correct by" signature block
Both files are written or neither is; an earlier export is never overwritten ("-2" is added). The export is
recorded in the staff action log. Prints {"csv": PATH, "pdf": PATH, "event": N, "source": "venue"|"kiosk"}. A
missing, read-only or full folder is refused with exit status 2. Whose check-ins it counts: as 'attendance'
(every kiosk's with a venue database, --pg CONNINFO or $CHECKIN_VENUE_PG; --local for this file's alone); the
PDF's header then reads: Kiosk ID · all kiosks (venue database).
)"},
    {u"annul"_s, R"(checkinctl annul CHECKIN_ID --reason TEXT

Annuls a check-in (the "checkin" id printed by 'checkin'). The row is kept and marked annulled; the staff
action log records who, when and why. The guest can then be checked in again; their badge is not queued a
second time (reprints are explicit).
)"},
    {u"revoke"_s, R"(checkinctl revoke GUEST [--reason TEXT]

Revokes the guest's invitation: every later scan of it is refused with "revoked". Recorded in the staff
action log.
)"},
    {u"backup"_s, R"(checkinctl backup [--to DIR]

Writes a consistent copy of the database with SQLite's online backup API (safe while kiosks run) as
DIR/<event>-<UTC time>.sqlite, mode 0600. Without --to, DIR is backups/ beside the database and only the newest
10 backups there are kept (the kiosk writes the same ones every --backup-interval minutes).
Prints {"backup": PATH, "event": N, "taken_at": ISO8601, "bytes": N}.
)"},
    {u"backups"_s, R"(checkinctl backups [--to DIR]

Lists the backups in backups/ beside the database (or in DIR, a USB stick's folder), newest first, each checked
the way restore checks it (an ietf-checkin database of a schema this version knows, PRAGMA quick_check): one line
{"backup": PATH, "event": N, "taken_at": ISO8601, "bytes": N, "ok": true, "events": [N...]} per good file, or
{"ok": false, "problem": TEXT} for one that cannot be restored (empty, another program's, damaged).
)"},
    {u"restore"_s, R"(checkinctl restore FILE [--force]

Replaces the database (--db) with the backup FILE. Refused, with nothing changed, when:
  - FILE is not an ietf-checkin database, is of a newer version, or fails PRAGMA quick_check;
  - any kiosk, print worker or checkinctl has the database open (every one holds a lock on <db>.lock while it
    has the file open; the operating system drops it when a process dies): stop them first;
  - FILE lacks an event the database holds, or holds it with another verify key (another meeting's database):
    the message names each such event; --force restores anyway.
A symlinked --db is resolved: the real file is replaced and the link stays. The replaced database is kept beside
it as <name>.before-restore-<UTC time> (with its -wal; -2, -3 when that name is taken), so a restore can be
undone. Prints {"restored": PATH, "from": FILE, "previous": PATH or null, "events": [N...]}.
)"},
    {u"purge"_s, R"(checkinctl purge --event N [--yes] [--force]

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
)"},
    {u"venue"_s, R"(checkinctl venue init --pg CONNINFO
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
)"},
    {u"sync"_s, R"(checkinctl sync --pg CONNINFO [--event N] [--once | --interval SECONDS]

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
)"},
    {u"staff-pin"_s, R"(checkinctl staff-pin set
checkinctl staff-pin status

set: sets the PIN that unlocks staff mode on the kiosks of this database (long-press the event title on the
attract screen). On a terminal the PIN is asked twice and not shown; from a pipe one line is read (for
scripts: printf '%s\n' "$PIN" | checkinctl staff-pin set). Rules: 6 to 12 digits, not one digit repeated, not
a straight run like 123456. Stored only as an Argon2id hash (libsodium); never printed or logged. Setting a
PIN clears any lockout. Prints {"pin_set": true}; a weak PIN is refused with the rule it breaks.
status: prints {"pin_set": BOOL, "failures": N, "locked_until": ISO8601 or null}. Three wrong PINs in a row
lock staff mode for 30 s, each further one doubles the wait (up to 1 h); a right PIN resets the count.
)"},
};

void printJson(const QJsonObject &o)
{
    const QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

int fail(const QString &message, int code = kFailed)
{
    std::fprintf(stderr, "checkinctl: %s\n", qPrintable(message));
    return code;
}

QString defaultDbPath()
{
    const QString env = qEnvironmentVariable("CHECKIN_DB");
    if (!env.isEmpty())
        return env;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(u"checkin.sqlite"_s);
}

QString defaultKioskId()
{
    const QString env = qEnvironmentVariable("CHECKIN_KIOSK");
    return env.isEmpty() ? QSysInfo::machineHostName() : env;
}

// Everything a command needs from the command line.
struct Context
{
    QCommandLineParser &parser;
    QStringList args; // positional arguments after the command (and sub-command)
    QString dbPath;
    QString kioskId;

    [[nodiscard]] QString value(const char *name) const { return parser.value(QString::fromLatin1(name)); }
    [[nodiscard]] bool isSet(const char *name) const { return parser.isSet(QString::fromLatin1(name)); }
};

std::expected<std::unique_ptr<db::Database>, QString> openDb(const Context &ctx,
                                                             db::Database::OpenMode mode = db::Database::OpenMode::MustExist)
{
    if (mode == db::Database::OpenMode::CreateIfMissing)
        QDir().mkpath(QFileInfo(ctx.dbPath).absolutePath());
    auto db = openCheckedDatabase(ctx.dbPath, mode);
    if (!db)
        return std::unexpected(db.error().message);
    return std::move(*db);
}

std::expected<db::EventRecord, QString> chooseEvent(db::Database &db, const Context &ctx)
{
    db::EventStore events(db);
    if (ctx.isSet("event")) {
        bool ok = false;
        const int number = ctx.value("event").toInt(&ok);
        if (!ok)
            return std::unexpected(u"--event takes an IETF meeting number, e.g. --event 122."_s);
        auto event = events.byNumber(number);
        if (!event)
            return std::unexpected(event.error().message);
        if (!*event)
            return std::unexpected(u"There is no event %1 in %2 ('checkinctl event list' shows them)."_s.arg(number).arg(ctx.dbPath));
        return **event;
    }
    auto latest = events.latest();
    if (!latest)
        return std::unexpected(latest.error().message);
    if (!*latest)
        return std::unexpected(u"There is no event in %1 yet: create one with 'checkinctl event create'."_s.arg(ctx.dbPath));
    return **latest;
}

// The database and the event a command works on (--db, --event).
struct OpenedEvent
{
    std::unique_ptr<db::Database> db;
    db::EventRecord event;
};

std::expected<OpenedEvent, QString> openEvent(const Context &ctx)
{
    auto db = openDb(ctx);
    if (!db)
        return std::unexpected(db.error());
    auto event = chooseEvent(**db, ctx);
    if (!event)
        return std::unexpected(event.error());
    return OpenedEvent{std::move(*db), *event};
}

QJsonObject eventJson(const db::EventRecord &e)
{
    return QJsonObject{{u"number"_s, e.number},
                       {u"name"_s, e.name},
                       {u"city"_s, e.city},
                       {u"tz"_s, e.timeZone},
                       {u"from"_s, e.firstDay.toString(Qt::ISODate)},
                       {u"to"_s, e.lastDay.toString(Qt::ISODate)}};
}

// ---------------------------------------------------------------------------------------------------------

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
    audit.actor = u"checkinctl"_s;
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

QJsonArray problemsJson(const QList<CsvProblem> &problems)
{
    QJsonArray out;
    for (const CsvProblem &p : problems) {
        out.append(QJsonObject{{u"line"_s, p.line},
                               {u"column"_s, p.column},
                               {u"column_name"_s, p.columnName},
                               {u"message"_s, p.message}});
    }
    return out;
}

// A file that was not imported: each listed problem on stderr and in the JSON line, then how many more there were.
void printRejectedFile(const QString &path, const QList<CsvProblem> &problems, int unlisted, const QString &message)
{
    const QString name = QFileInfo(path).fileName();
    for (const CsvProblem &p : problems)
        std::fprintf(stderr, "%s: %s\n", qPrintable(name), qPrintable(p.toString()));
    if (unlisted > 0)
        std::fprintf(stderr, "%s: %s\n", qPrintable(name), qPrintable(unlistedProblemsNote(unlisted)));
    QJsonObject result{{u"imported"_s, false}, {u"problems"_s, problemsJson(problems)}, {u"message"_s, message}};
    if (unlisted > 0)
        result.insert(u"problems_not_listed"_s, unlisted);
    printJson(result);
}

int cmdGuestsImport(Context &ctx)
{
    if (ctx.args.size() != 1)
        return fail(u"guests import takes one CSV file: checkinctl guests import FILE.csv"_s);
    auto opened = openEvent(ctx);
    if (!opened)
        return fail(opened.error());
    db::Database &db = *opened->db;
    const db::EventRecord &event = opened->event;
    GuestImporter importer(db, event, ctx.kioskId);
    auto summary = importer.importFile(ctx.args.first());
    if (!summary) {
        printRejectedFile(ctx.args.first(), summary.error().problems, summary.error().unlistedProblems,
                          summary.error().message);
        return fail(summary.error().message);
    }
    const QJsonArray warnings = problemsJson(summary->warnings);
    for (const CsvProblem &w : summary->warnings) {
        std::fprintf(stderr, "%s: warning: %s\n", qPrintable(QFileInfo(ctx.args.first()).fileName()),
                     qPrintable(w.toString()));
    }
    QJsonObject result{{u"imported"_s, true},
                       {u"event"_s, event.number},
                       {u"inserted"_s, summary->inserted},
                       {u"updated"_s, summary->updated},
                       {u"unchanged"_s, summary->unchanged}};
    if (!warnings.isEmpty())
        result.insert(u"warnings"_s, warnings);
    printJson(result);
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
                   {u"png"_s, QFileInfo(item.pngPath).absoluteFilePath()},
                   {u"pdf"_s, QFileInfo(item.pdfPath).absoluteFilePath()},
                   {u"new"_s, item.newInvitation}});
    });
    if (!issued)
        return fail(issued.error());
    std::fprintf(stderr, "checkinctl: %lld invitation(s) written to %s\n", static_cast<long long>(issued->size()),
                 qPrintable(QDir(ctx.value("out")).absolutePath()));
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

// Defined with the guest commands below.
std::expected<db::GuestRecord, QString> chooseGuest(db::Database &db, const db::EventRecord &event, const QString &id);

// Prints a check-in's JSON line; the exit status says admitted, refused or not recorded.
int reportCheckIn(const CheckInOutcome &outcome)
{
    printJson(outcome.toJson());
    if (outcome.kind == OutcomeKind::SystemError)
        return fail(outcome.message);
    if (!outcome.admitted())
        std::fprintf(stderr, "checkinctl: refused: %s\n", qPrintable(outcome.message));
    return outcome.admitted() ? kOk : kRefused;
}

int cmdCheckin(Context &ctx)
{
    const bool manual = ctx.isSet("guest");
    if (int(ctx.isSet("payload")) + int(ctx.isSet("image")) + int(manual) != 1)
        return fail(u"checkin needs exactly one of --payload TEXT, --image FILE or --guest GUEST."_s);
    if (manual && ctx.value("actor").trimmed().isEmpty())
        return fail(u"checkin --guest needs --actor NAME: who confirmed the guest's identity (for the audit log)."_s);
    if (manual && ctx.isSet("source"))
        return fail(u"checkin --guest is always recorded with source manual; leave out --source."_s);
    QDateTime at = QDateTime::currentDateTimeUtc();
    if (ctx.isSet("at")) {
        at = QDateTime::fromString(ctx.value("at"), Qt::ISODateWithMs);
        if (!at.isValid())
            return fail(u"--at must be an ISO 8601 time such as 2026-11-02T09:30:00+07:00 or 2026-11-02T02:30:00Z."_s);
        at = at.toUTC();
        // Stored as ISO 8601 text: a time outside years 1970-9999 in UTC cannot be written or read back.
        if (at.date().year() < 1970 || at.date().year() > 9999)
            return fail(u"--at %1 is %2 in UTC, outside the years 1970 to 9999 that a check-in can be recorded in."_s
                            .arg(ctx.value("at"), at.toString(Qt::ISODate)));
    }
    auto opened = openEvent(ctx);
    if (!opened)
        return fail(opened.error());
    db::Database &db = *opened->db;
    const db::EventRecord &event = opened->event;

    CheckInService service(db, event, ctx.kioskId);
    if (manual) {
        auto guest = chooseGuest(db, event, ctx.value("guest"));
        if (!guest)
            return fail(guest.error());
        return reportCheckIn(service.checkInGuest(guest->id, at, ctx.value("actor").trimmed()));
    }

    QString payload = ctx.value("payload");
    QString source = ctx.isSet("source") ? ctx.value("source") : u"cli"_s;
    // The source is a label in the scan log and every export ("usb-scanner", "gate-2"), not a place for a file.
    constexpr qsizetype kMaxSourceLength = 64;
    if (source.trimmed().isEmpty() || source.size() > kMaxSourceLength
        || std::any_of(source.cbegin(), source.cend(), [](QChar c) { return c.category() == QChar::Other_Control; })) {
        return fail(u"--source is a short label such as \"usb-scanner\" or \"gate-2\": 1 to %1 characters on one "
                    "line (this one has %2)."_s.arg(kMaxSourceLength).arg(source.size()));
    }
    if (ctx.isSet("image")) {
        auto codes = QrDecoder::decodeFile(ctx.value("image"));
        if (!codes)
            return fail(codes.error());
        source = ctx.isSet("source") ? source : u"image"_s;
        // Several codes in one photo: the one shaped like an invitation (a poster's URL code beside it does not
        // matter). Two invitations in one photo are refused: which guest came is not for the kiosk to guess.
        payload.clear();
        QStringList invitations;
        for (const DecodedCode &code : *codes) {
            const bool invitation = InvitationToken::parse(code.text).has_value();
            if (invitation && !invitations.contains(code.text))
                invitations.append(code.text);
            if (invitation || payload.isEmpty())
                payload = code.text;
        }
        if (invitations.size() > 1) {
            return fail(u"The photo %1 shows %2 invitations; nobody was checked in. Photograph one invitation at a "
                        "time."_s.arg(ctx.value("image")).arg(invitations.size()));
        }
    }
    return reportCheckIn(service.checkIn(payload, at, source));
}

int cmdDecode(Context &ctx)
{
    if (ctx.args.isEmpty())
        return fail(u"decode takes one or more image files."_s);
    int status = kOk;
    for (const QString &path : std::as_const(ctx.args)) {
        auto codes = QrDecoder::decodeFile(path);
        if (!codes) {
            printJson({{u"image"_s, path}, {u"error"_s, codes.error()}});
            std::fprintf(stderr, "checkinctl: %s\n", qPrintable(codes.error()));
            status = kFailed;
            continue;
        }
        QJsonArray list;
        for (const DecodedCode &code : *codes) {
            QJsonArray corners;
            for (const QPointF &p : code.position)
                corners.append(QJsonArray{qRound(p.x()), qRound(p.y())});
            list.append(QJsonObject{{u"text"_s, code.text}, {u"format"_s, code.format}, {u"position"_s, corners}});
        }
        printJson({{u"image"_s, path}, {u"codes"_s, list}});
    }
    return status;
}

// Every kiosk's live check-ins (with this file's not sent yet) when a venue database is configured (--pg or
// $CHECKIN_VENUE_PG) and --local is not given; nothing (count this file's) otherwise, with a warning when the venue
// database could not be read.
std::optional<QList<db::AttendanceRecord>> venueWideRows(const Context &ctx, db::Database &db,
                                                         const db::EventRecord &event)
{
    const QString conninfo = ctx.isSet("pg") ? ctx.value("pg") : qEnvironmentVariable("CHECKIN_VENUE_PG");
    if (ctx.isSet("local") || conninfo.trimmed().isEmpty())
        return std::nullopt;
    auto guests = db::GuestStore(db).forEvent(event.id);
    auto local = db::AttendanceStore(db).liveForEvent(event.id);
    if (!guests || !local)
        return std::nullopt; // the local report says what is wrong with the file
    VenueWideAttendance venue(conninfo, event);
    auto rows = venue.liveRows(*guests, *local);
    if (!rows) {
        std::fprintf(stderr, "checkinctl: warning: the venue database could not be read, so only this kiosk's "
                             "check-ins are counted: %s\n", qPrintable(rows.error()));
        return std::nullopt;
    }
    return std::move(*rows);
}

int cmdAttendance(Context &ctx)
{
    std::optional<QDate> day;
    if (ctx.isSet("day")) {
        day = QDate::fromString(ctx.value("day"), Qt::ISODate);
        if (!day->isValid())
            return fail(u"--day must be a date written YYYY-MM-DD."_s);
    }
    const QString format = ctx.isSet("format") ? ctx.value("format") : u"json"_s;
    if (format != u"json" && format != u"csv")
        return fail(u"--format is json or csv."_s);
    auto opened = openEvent(ctx);
    if (!opened)
        return fail(opened.error());
    db::Database &db = *opened->db;
    const db::EventRecord &event = opened->event;
    const auto venueRows = venueWideRows(ctx, db, event);
    auto report = venueRows ? AttendanceReport::build(db, event, *venueRows, day) : AttendanceReport::build(db, event, day);
    if (!report)
        return fail(report.error());

    QByteArray output;
    if (format == u"csv") {
        output = AttendanceReport::toCsv(*report);
    } else {
        for (const AttendanceReport::Day &d : *report) {
            QJsonObject o = d.toJson();
            o[u"event"_s] = event.number;
            o[u"source"_s] = venueRows ? u"venue"_s : u"kiosk"_s;
            output += QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
        }
    }
    if (ctx.isSet("out")) {
        if (auto saved = saveFile(ctx.value("out"), output); !saved)
            return fail(u"Cannot write %1: %2."_s.arg(ctx.value("out"), saved.error()));
        std::fprintf(stderr, "checkinctl: attendance written to %s\n", qPrintable(QFileInfo(ctx.value("out")).absoluteFilePath()));
    } else {
        std::fwrite(output.constData(), 1, size_t(output.size()), stdout);
    }
    return kOk;
}

int cmdReport(Context &ctx)
{
    if (!ctx.isSet("out") || !ctx.args.isEmpty())
        return fail(u"report takes --out DIR, the folder to write the CSV and PDF into."_s);
    auto opened = openEvent(ctx);
    if (!opened)
        return fail(opened.error());
    ReportExport exporter(*opened->db, ctx.kioskId, u"checkinctl"_s);
    auto venueRows = venueWideRows(ctx, *opened->db, opened->event);
    const bool venueWide = venueRows.has_value();
    if (venueRows)
        exporter.useVenueWideRows(std::move(*venueRows));
    auto files = exporter.exportTo(opened->event, ctx.value("out"));
    if (!files)
        return fail(files.error());
    printJson({{u"csv"_s, files->csvPath}, {u"pdf"_s, files->pdfPath}, {u"event"_s, opened->event.number},
               {u"source"_s, venueWide ? u"venue"_s : u"kiosk"_s}});
    return kOk;
}

int cmdAnnul(Context &ctx)
{
    if (ctx.args.size() != 1 || !ctx.isSet("reason"))
        return fail(u"annul takes a check-in id and --reason TEXT."_s);
    auto opened = openEvent(ctx);
    if (!opened)
        return fail(opened.error());
    db::Database &db = *opened->db;
    const db::EventRecord &event = opened->event;
    StaffActions actions(db, event, ctx.kioskId, u"checkinctl"_s);
    if (auto ok = actions.annul(ctx.args.first(), ctx.value("reason")); !ok)
        return fail(ok.error());
    printJson({{u"annulled"_s, ctx.args.first()}, {u"reason"_s, ctx.value("reason")}});
    return kOk;
}

int cmdRevoke(Context &ctx)
{
    if (ctx.args.size() != 1)
        return fail(u"revoke takes one guest external id."_s);
    auto opened = openEvent(ctx);
    if (!opened)
        return fail(opened.error());
    db::Database &db = *opened->db;
    const db::EventRecord &event = opened->event;
    StaffActions actions(db, event, ctx.kioskId, u"checkinctl"_s);
    const QString reason = ctx.isSet("reason") ? ctx.value("reason") : u"revoked by staff"_s;
    if (auto ok = actions.revoke(ctx.args.first(), reason); !ok)
        return fail(ok.error());
    printJson({{u"revoked"_s, ctx.args.first()}, {u"reason"_s, reason}});
    return kOk;
}

// Finds the guest named on the command line in the chosen event.
std::expected<db::GuestRecord, QString> chooseGuest(db::Database &db, const db::EventRecord &event, const QString &id)
{
    auto guest = db::GuestStore(db).byExternalId(event.id, id);
    if (!guest)
        return std::unexpected(guest.error().message);
    if (!*guest)
        return std::unexpected(u"No guest %1 in %2 (guests are named by their external_id)."_s.arg(id, event.name));
    return **guest;
}

std::expected<BadgeLayout, QString> chooseLayout(const Context &ctx, const QString &fallback)
{
    if (!ctx.isSet("layout"))
        return BadgeLayout::builtIn(fallback);
    const QString name = ctx.value("layout");
    if (BadgeLayout::builtInNames().contains(name))
        return BadgeLayout::builtIn(name);
    return BadgeLayout::load(name);
}

int writeOutput(const Context &ctx, const QByteArray &bytes, QJsonObject result)
{
    if (auto saved = saveFile(ctx.value("out"), bytes); !saved)
        return fail(u"Cannot write %1: %2."_s.arg(ctx.value("out"), saved.error()));
    result[u"out"_s] = QFileInfo(ctx.value("out")).absoluteFilePath();
    result[u"bytes"_s] = bytes.size();
    printJson(result);
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
    ProgrammeImporter importer(db, event, ctx.kioskId);
    importer.setSkipOutsideProgrammeDays(ctx.isSet("only-programme-days"));
    auto summary = importer.importFile(ctx.args.first(), format);
    if (!summary) {
        printRejectedFile(ctx.args.first(), summary.error().problems, summary.error().unlistedProblems,
                          summary.error().message);
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

int cmdBadge(Context &ctx)
{
    if (ctx.args.size() != 1 || !ctx.isSet("out"))
        return fail(u"badge takes a guest and --out FILE.pdf: checkinctl badge GUEST --out FILE.pdf"_s);
    auto layout = chooseLayout(ctx, BadgeLayout::builtInNames().first());
    if (!layout)
        return fail(layout.error());
    auto opened = openEvent(ctx);
    if (!opened)
        return fail(opened.error());
    db::Database &db = *opened->db;
    const db::EventRecord &event = opened->event;
    auto guest = chooseGuest(db, event, ctx.args.first());
    if (!guest)
        return fail(guest.error());
    PrintDocuments documents(db, *layout);
    auto pdf = documents.badge(event, *guest);
    if (!pdf)
        return fail(pdf.error());
    return writeOutput(ctx, *pdf, {{u"guest"_s, guest->externalId}, {u"layout"_s, layout->name()}});
}

int cmdBadges(Context &ctx)
{
    if (!ctx.isSet("all") || !ctx.isSet("out"))
        return fail(u"badges needs --all and --out FILE.pdf: checkinctl badges --all --out FILE.pdf"_s);
    auto layout = chooseLayout(ctx, u"a4-sheet-8"_s);
    if (!layout)
        return fail(layout.error());
    auto opened = openEvent(ctx);
    if (!opened)
        return fail(opened.error());
    db::Database &db = *opened->db;
    const db::EventRecord &event = opened->event;
    auto guests = db::GuestStore(db).forEvent(event.id);
    if (!guests)
        return fail(guests.error().message);
    if (guests->isEmpty())
        return fail(u"%1 has no guests yet: import them with 'checkinctl guests import'."_s.arg(event.name));
    PrintDocuments documents(db, *layout);
    auto pdf = documents.badgeSheet(event, *guests);
    if (!pdf)
        return fail(pdf.error());
    return writeOutput(ctx, *pdf, {{u"badges"_s, guests->size()}, {u"layout"_s, layout->name()}});
}

int cmdAgenda(Context &ctx)
{
    if (ctx.args.size() != 1 || !ctx.isSet("out"))
        return fail(u"agenda takes a guest and --out FILE.pdf: checkinctl agenda GUEST --out FILE.pdf"_s);
    std::optional<QDate> day;
    if (ctx.isSet("day")) {
        day = QDate::fromString(ctx.value("day"), Qt::ISODate);
        if (!day->isValid())
            return fail(u"--day must be a date written YYYY-MM-DD."_s);
    }
    auto opened = openEvent(ctx);
    if (!opened)
        return fail(opened.error());
    db::Database &db = *opened->db;
    const db::EventRecord &event = opened->event;
    if (day && (*day < event.firstDay || *day > event.lastDay))
        return fail(u"%1 is not a programme day of %2."_s.arg(day->toString(Qt::ISODate), event.name));
    auto guest = chooseGuest(db, event, ctx.args.first());
    if (!guest)
        return fail(guest.error());
    auto layout = BadgeLayout::builtIn(BadgeLayout::builtInNames().first());
    if (!layout)
        return fail(layout.error());
    PrintDocuments documents(db, *layout);
    auto pdf = documents.agenda(event, *guest, day);
    if (!pdf)
        return fail(pdf.error());
    return writeOutput(ctx, *pdf, {{u"guest"_s, guest->externalId}});
}

int cmdPrinters(Context &ctx)
{
    auto db = openDb(ctx);
    if (!db)
        return fail(db.error());
    const std::pair<const char *, QString> options[] = {{"badge-printer", u"badge"_s}, {"agenda-printer", u"agenda"_s}};
    for (const auto &[option, kind] : options) {
        if (!ctx.isSet(option))
            continue;
        auto spec = PrinterSpec::parse(ctx.value(option));
        if (!spec)
            return fail(spec.error());
        if (auto ok = PrinterSetup::setForKind(**db, kind, *spec); !ok)
            return fail(ok.error());
        db::StaffActionRecord audit;
        audit.kioskId = ctx.kioskId;
        audit.actor = u"checkinctl"_s;
        audit.action = u"printer-set"_s;
        audit.detail = QString::fromUtf8(QJsonDocument(QJsonObject{{u"kind"_s, kind}, {u"printer"_s, spec->toString()}})
                                             .toJson(QJsonDocument::Compact));
        (void)db::StaffActionStore(**db).append(audit);
    }
    QJsonObject out;
    for (const auto &[option, kind] : options) {
        auto spec = PrinterSetup::forKind(**db, kind);
        if (!spec)
            return fail(spec.error());
        out[kind] = spec->toString();
    }
    printJson(out);
    return kOk;
}

QJsonObject jobJson(const db::PrintJobRecord &job, const QString &guest)
{
    return QJsonObject{{u"job"_s, job.uid},         {u"guest"_s, guest},
                       {u"kind"_s, job.kind},       {u"reason"_s, job.reason},
                       {u"state"_s, job.state},     {u"attempts"_s, job.attempts},
                       {u"last_error"_s, job.lastError}, {u"printer_job"_s, job.printer},
                       {u"kiosk"_s, job.kioskId},   {u"created"_s, job.createdAt},
                       {u"updated"_s, job.updatedAt}};
}

int cmdPrintQueue(Context &ctx)
{
    const QString state = ctx.value("state");
    if (ctx.isSet("state") && !QStringList{u"queued"_s, u"sent"_s, u"printed"_s, u"failed"_s}.contains(state))
        return fail(u"--state is queued, sent, printed or failed."_s);
    auto opened = openEvent(ctx);
    if (!opened)
        return fail(opened.error());
    db::Database &db = *opened->db;
    const db::EventRecord &event = opened->event;
    auto jobs = db::PrintJobStore(db).jobs(event.id);
    if (!jobs)
        return fail(jobs.error().message);
    auto guests = db::GuestStore(db).forEvent(event.id);
    if (!guests)
        return fail(guests.error().message);
    QHash<qint64, QString> names;
    for (const db::GuestRecord &g : *guests)
        names.insert(g.id, g.externalId);
    for (const db::PrintJobRecord &job : *jobs) {
        if (!state.isEmpty() && job.state != state)
            continue;
        printJson(jobJson(job, names.value(job.guestId)));
    }
    return kOk;
}

int cmdReprint(Context &ctx)
{
    if (ctx.args.size() != 1 || ctx.isSet("badge") == ctx.isSet("agenda"))
        return fail(u"reprint takes a guest and one of --badge or --agenda."_s);
    const QString kind = ctx.isSet("badge") ? u"badge"_s : u"agenda"_s;
    auto opened = openEvent(ctx);
    if (!opened)
        return fail(opened.error());
    db::Database &db = *opened->db;
    const db::EventRecord &event = opened->event;
    auto guest = chooseGuest(db, event, ctx.args.first());
    if (!guest)
        return fail(guest.error());
    auto job = StaffActions(db, event, ctx.kioskId, u"checkinctl"_s).reprint(guest->id, kind);
    if (!job)
        return fail(job.error());
    printJson(jobJson(*job, guest->externalId));
    return kOk;
}

int cmdPrintWorker(Context &ctx)
{
    auto db = openDb(ctx);
    if (!db)
        return fail(db.error());
    PrintQueueWorker::Options options;
    options.dbPath = ctx.dbPath;
    PrintQueueWorker worker(options, PrintDocuments::jobRenderer(ctx.dbPath));
    QJsonObject printers;
    for (const QString kind : {u"badge"_s, u"agenda"_s}) {
        auto spec = PrinterSetup::forKind(**db, kind);
        if (!spec)
            return fail(spec.error());
        printers[kind] = spec->toString();
        if (auto printer = spec->makePrinter())
            worker.setPrinter(kind, printer);
    }
    db.value().reset();
    QObject::connect(&worker, &PrintQueueWorker::jobChanged,
                     [](qint64 jobId, qint64, const QString &kind, const QString &state, const QString &message) {
                         printJson({{u"job_id"_s, jobId}, {u"kind"_s, kind}, {u"state"_s, state}, {u"message"_s, message}});
                     });
    auto reported = std::make_shared<QSet<QString>>();
    QObject::connect(&worker, &PrintQueueWorker::printerProblemChanged,
                     [reported](const QString &kind, const QString &problem) {
                         if (!problem.isEmpty()) {
                             reported->insert(kind);
                             std::fprintf(stderr, "checkinctl: %s printer: %s\n", qPrintable(kind), qPrintable(problem));
                         } else if (reported->remove(kind)) {
                             std::fprintf(stderr, "checkinctl: %s printer is working again\n", qPrintable(kind));
                         }
                     });
    QObject::connect(&worker, &PrintQueueWorker::errorOccurred,
                     [](const QString &message) { std::fprintf(stderr, "checkinctl: %s\n", qPrintable(message)); });
    if (ctx.isSet("once")) {
        // One pass over the queue, then follow what was handed over for a few seconds: a PDF folder prints at
        // once, a CUPS queue usually within seconds; whatever is still at the printer stays followed next time.
        PrintQueueWorker::Summary summary = worker.runOnce();
        PrintQueueWorker::Summary total = summary;
        QElapsedTimer waited;
        waited.start();
        while (summary.error.isEmpty() && summary.atPrinter > 0 && waited.elapsed() < 10000) {
            QThread::msleep(200);
            summary = worker.runOnce();
            total.submitted += summary.submitted;
            total.printed += summary.printed;
            total.retried += summary.retried;
            total.failed += summary.failed;
            total.atPrinter = summary.atPrinter;
            total.queued = summary.queued;
        }
        summary = total;
        if (!summary.error.isEmpty())
            return fail(summary.error);
        printJson({{u"printers"_s, printers},
                   {u"submitted"_s, summary.submitted},
                   {u"printed"_s, summary.printed},
                   {u"retried"_s, summary.retried},
                   {u"failed"_s, summary.failed},
                   {u"at_printer"_s, summary.atPrinter},
                   {u"queued"_s, summary.queued}});
        return kOk;
    }
    std::fprintf(stderr, "checkinctl: printing badges to %s and agendas to %s; Ctrl+C stops\n",
                 qPrintable(printers[u"badge"_s].toString()), qPrintable(printers[u"agenda"_s].toString()));
    // SIGINT/SIGTERM end the loop between jobs: a job in hand is finished or left for recovery, never half-sent.
    static int signalPipe[2] = {-1, -1};
    if (::pipe(signalPipe) == 0) {
        auto handler = [](int) { (void)!::write(signalPipe[1], "x", 1); };
        std::signal(SIGINT, handler);
        std::signal(SIGTERM, handler);
        auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &worker);
        QObject::connect(notifier, &QSocketNotifier::activated, [&worker] {
            worker.requestStop();
            worker.stop();
            QCoreApplication::quit();
        });
    }
    worker.start();
    return QCoreApplication::exec();
}

// ---------------------------------------------------------------------------------------------------------
// Backups and recovery

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
    BackupSchedule schedule(ctx.dbPath, ctx.isSet("to") ? std::numeric_limits<int>::max() : BackupSchedule::kDefaultKeep);
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
        std::fprintf(stderr, "checkinctl: no backups in %s yet ('checkinctl backup' writes one).\n", qPrintable(folder));
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
                                             u"checkinctl"_s, QDateTime::currentDateTimeUtc());
    if (!restored)
        return fail(restored.error());
    if (!restored->warning.isEmpty())
        std::fprintf(stderr, "checkinctl: warning: %s\n", qPrintable(restored->warning));
    std::fprintf(stderr, "checkinctl: restored %s from %s%s\n", qPrintable(restored->restored),
                 qPrintable(restored->from),
                 restored->previous.isEmpty() ? ""
                                              : qPrintable(u"; the replaced database is kept as "_s + restored->previous));
    QJsonArray numbers;
    for (int n : std::as_const(restored->events))
        numbers << n;
    printJson({{u"restored"_s, restored->restored},
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
    db::Database &db = *opened->db;
    const db::EventRecord &event = opened->event;

    const QTimeZone zone(event.timeZone.toUtf8());
    const QDate today = zone.isValid() ? QDateTime::currentDateTimeUtc().toTimeZone(zone).date()
                                       : QDateTime::currentDateTimeUtc().date();
    if (event.lastDay >= today && !ctx.isSet("force")) {
        return fail(u"Nothing was changed: event %1 is not over (its last programme day is %2). Purge it after the "
                    "event, or pass --force."_s.arg(event.number).arg(event.lastDay.toString(Qt::ISODate)));
    }

    db::RetentionStore retention(db);
    db::Transaction tx(db);
    if (auto ok = tx.begin(); !ok)
        return fail(ok.error().message);
    auto totals = retention.arrivalsPerDay(event.id);
    if (!totals)
        return fail(totals.error().message);
    QJsonArray arrivals;
    for (const db::DayTotal &t : *totals)
        arrivals << QJsonObject{{u"day"_s, t.day.toString(Qt::ISODate)}, {u"arrived"_s, t.arrived}};

    const bool really = ctx.isSet("yes");
    auto counts = really ? retention.purge(event.id) : retention.count(event.id);
    if (!counts)
        return fail(counts.error().message);
    const QJsonObject removed{{u"guests"_s, counts->guests},
                              {u"invitations"_s, counts->invitations},
                              {u"attendance"_s, counts->attendance},
                              {u"scan_log"_s, counts->scanLog},
                              {u"print_jobs"_s, counts->printJobs},
                              {u"guest_agenda"_s, counts->guestAgenda},
                              {u"staff_actions_anonymised"_s, counts->staffActions}};
    if (really) {
        db::StaffActionRecord audit;
        audit.kioskId = ctx.kioskId;
        audit.actor = u"checkinctl"_s;
        audit.action = u"purge"_s;
        audit.eventId = event.id;
        audit.detail = QString::fromUtf8(QJsonDocument(QJsonObject{{u"removed"_s, removed}, {u"arrivals"_s, arrivals}})
                                             .toJson(QJsonDocument::Compact));
        if (auto ok = db::StaffActionStore(db).append(audit); !ok)
            return fail(ok.error().message);
        if (auto ok = tx.commit(); !ok)
            return fail(u"Nothing was changed: %1"_s.arg(ok.error().message));
        if (auto ok = retention.compact(); !ok) {
            std::fprintf(stderr, "checkinctl: the data was removed, but compacting the file failed (%s): run the purge "
                                 "again later to compact it.\n", qPrintable(ok.error().message));
        }
    }

    const QString folder = BackupSchedule::defaultFolder(ctx.dbPath);
    const qsizetype backups = BackupSchedule::list(folder).size();
    const QStringList parts = {u"%1 guests"_s.arg(counts->guests), u"%1 invitations"_s.arg(counts->invitations),
                               u"%1 attendance rows"_s.arg(counts->attendance), u"%1 scan log rows"_s.arg(counts->scanLog),
                               u"%1 print jobs"_s.arg(counts->printJobs), u"%1 session links"_s.arg(counts->guestAgenda)};
    std::fprintf(stderr, "checkinctl: %s event %d: %s; %lld staff actions %s.\n",
                 really ? "removed from" : "would remove from", event.number, qPrintable(parts.join(u", "_s)),
                 qlonglong(counts->staffActions), really ? "no longer name a guest" : "would no longer name a guest");
    if (!really)
        std::fputs("checkinctl: nothing was changed; run again with --yes to remove it.\n", stderr);
    if (backups > 0) {
        std::fprintf(stderr, "checkinctl: %lld backups in %s were taken before and still hold this data; delete "
                             "them when they are no longer needed.\n", qlonglong(backups), qPrintable(folder));
    }
    printJson({{u"event"_s, event.number},
               {u"purged"_s, really},
               {u"removed"_s, removed},
               {u"arrivals"_s, arrivals},
               {u"backups_with_personal_data"_s, qint64(backups)}});
    return kOk;
}

// Reads one line from stdin into a QString, without echo when stdin is a terminal; wipes the raw buffer.
std::optional<QString> readSecretLine(const char *prompt)
{
    const bool tty = ::isatty(STDIN_FILENO);
    termios saved{};
    if (tty) {
        std::fputs(prompt, stderr);
        std::fflush(stderr);
        if (::tcgetattr(STDIN_FILENO, &saved) == 0) {
            termios quiet = saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        }
    }
    char buffer[256];
    const bool got = std::fgets(buffer, sizeof buffer, stdin) != nullptr;
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::fputs("\n", stderr);
    }
    std::optional<QString> line;
    if (got) {
        size_t n = std::strlen(buffer);
        while (n > 0 && (buffer[n - 1] == '\n' || buffer[n - 1] == '\r'))
            --n;
        line = QString::fromUtf8(buffer, qsizetype(n));
    }
    sodium_memzero(buffer, sizeof buffer);
    return line;
}

// A StaffAuth on the database, its audit rows naming the event when there is one.
StaffAuth staffAuthFor(db::Database &db, const Context &ctx)
{
    StaffAuth auth(db, ctx.kioskId);
    if (auto event = chooseEvent(db, ctx))
        auth.setEventId(event->id);
    return auth;
}

int cmdStaffPinSet(Context &ctx)
{
    auto db = openDb(ctx);
    if (!db)
        return fail(db.error());
    std::optional<QString> pin = readSecretLine("New staff PIN (6-12 digits): ");
    if (!pin || pin->isEmpty())
        return fail(u"No PIN given: type it, or pipe one line with the PIN to 'checkinctl staff-pin set'."_s);
    if (auto weak = StaffAuth::weakness(*pin)) {
        pin->fill(u'0');
        return fail(*weak, kRefused);
    }
    if (::isatty(STDIN_FILENO)) {
        std::optional<QString> again = readSecretLine("The same PIN again: ");
        const bool same = again && *again == *pin;
        if (again)
            again->fill(u'0');
        if (!same) {
            pin->fill(u'0');
            return fail(u"The two PINs differ; nothing was changed. Run 'checkinctl staff-pin set' again."_s, kRefused);
        }
    }
    StaffAuth auth = staffAuthFor(**db, ctx);
    auto ok = auth.setPin(*pin, u"checkinctl"_s);
    pin->fill(u'0');
    if (!ok)
        return fail(ok.error(), kRefused);
    printJson({{u"pin_set"_s, true}});
    return kOk;
}

int cmdStaffPinStatus(Context &ctx)
{
    auto db = openDb(ctx);
    if (!db)
        return fail(db.error());
    StaffAuth auth = staffAuthFor(**db, ctx);
    auto status = auth.status(QDateTime::currentDateTimeUtc());
    if (!status)
        return fail(status.error());
    printJson({{u"pin_set"_s, status->pinSet},
               {u"failures"_s, status->failures},
               {u"locked_until"_s, status->lockedUntil.isValid()
                    ? QJsonValue(status->lockedUntil.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null)}});
    return kOk;
}

// ---------------------------------------------------------------------------------------------------------
// Venue database (PostgreSQL)

std::expected<std::unique_ptr<venue::VenueConnection>, QString> openVenue(const Context &ctx, const char *command)
{
    const QString conninfo = ctx.isSet("pg") ? ctx.value("pg") : qEnvironmentVariable("CHECKIN_VENUE_PG");
    if (conninfo.trimmed().isEmpty()) {
        return std::unexpected(u"venue %1 needs the venue database's connection string: --pg \"host=... dbname=... "
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

int cmdVenueInit(Context &ctx)
{
    auto conn = openVenue(ctx, "init");
    if (!conn)
        return fail(conn.error());
    auto migrated = venue::VenueSchema::migrate(**conn);
    if (!migrated)
        return fail(migrated.error().message);
    const bool created = migrated->before != migrated->after;
    const QString message = migrated->before == 0
        ? u"Created the venue schema, version %1, in %2."_s.arg(migrated->after).arg((*conn)->describe())
        : created ? u"Updated the venue schema from version %1 to %2 in %3."_s.arg(migrated->before).arg(migrated->after).arg((*conn)->describe())
                  : u"The venue schema in %1 is already at version %2; nothing to do."_s.arg((*conn)->describe()).arg(migrated->after);
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
                          {u"event_row"_s, pushed->eventInserted ? u"inserted"_s
                                           : pushed->eventUpdated ? u"updated"_s : u"unchanged"_s},
                          {u"guests"_s, countsJson(pushed->guests)},
                          {u"invitations"_s, invitations},
                          {u"sessions"_s, countsJson(pushed->sessions)},
                          {u"attendees"_s, attendees}};
    // Guests' personal data now also lives in the venue database: the organiser's log says when and where it went
    // (never the password).
    db::StaffActionRecord audit;
    audit.kioskId = ctx.kioskId;
    audit.actor = u"checkinctl"_s;
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
        list.append(QJsonObject{{u"number"_s, e.number}, {u"name"_s, e.name}, {u"guests"_s, e.guests},
                                {u"invitations"_s, e.invitations}, {u"revoked"_s, e.revoked},
                                {u"sessions"_s, e.sessions}, {u"attendance"_s, e.attendance},
                                {u"scans"_s, e.scans}, {u"kiosks"_s, e.kiosks}});
    }
    printJson({{u"schema_version"_s, *version},
               {u"latest_known"_s, venue::VenueSchema::latestVersion()},
               {u"server"_s, u"PostgreSQL %1, %2"_s.arg((*conn)->serverVersion(), (*conn)->describe())},
               {u"events"_s, list}});
    return kOk;
}

QJsonObject syncRoundJson(const VenueSyncRound &r)
{
    return {{u"state"_s, r.online ? u"online"_s : r.unreachable ? u"offline"_s : u"failed"_s},
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
            {u"pulled"_s, QJsonObject{{u"guests_added"_s, r.guestsAdded}, {u"guests_updated"_s, r.guestsUpdated},
                                      {u"invitations_added"_s, r.invitationsAdded},
                                      {u"sessions_changed"_s, r.sessionsChanged},
                                      {u"session_links_changed"_s, r.sessionLinksChanged}}},
            {u"double_badges"_s, [&r] {
                 QJsonArray list;
                 for (const VenueDoubleBadge &b : r.doubleBadges)
                     list.append(QJsonObject{{u"guest"_s, b.externalId}, {u"name"_s, b.name},
                                             {u"kiosks"_s, QJsonArray::fromStringList(b.kiosks)}});
                 return list;
             }()},
            {u"waiting"_s, r.waiting},
            {u"at"_s, r.finishedAt.toString(Qt::ISODateWithMs)}};
}

volatile std::sig_atomic_t g_stopSync = 0;

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
    // SIGINT/SIGTERM end the loop between rounds; a round cut short by SIGKILL is sent again by the next run.
    std::signal(SIGINT, [](int) { g_stopSync = 1; });
    std::signal(SIGTERM, [](int) { g_stopSync = 1; });
    QString lastError;
    while (!g_stopSync) {
        const VenueSyncRound round = sync.syncOnce();
        printJson(syncRoundJson(round));
        std::fflush(stdout);
        if (round.error != lastError && !round.error.isEmpty())
            std::fprintf(stderr, "checkinctl: %s\n", qPrintable(round.error));
        lastError = round.error;
        for (int waited = 0; waited < interval * 10 && !g_stopSync; ++waited)
            QThread::msleep(100);
    }
    return kOk;
}

} // namespace

int runCheckinCtl(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QList<QCommandLineOption> options = {
        {{u"h"_s, u"help"_s}, u"help"_s},
        {{u"v"_s, u"version"_s}, u"version"_s},
        {u"db"_s, u"database"_s, u"PATH"_s},
        {u"event"_s, u"event"_s, u"NUMBER"_s},
        {u"kiosk"_s, u"kiosk id"_s, u"ID"_s},
        {u"out"_s, u"output"_s, u"PATH"_s},
        {u"number"_s, u"number"_s, u"N"_s},
        {u"name"_s, u"name"_s, u"TEXT"_s},
        {u"city"_s, u"city"_s, u"TEXT"_s},
        {u"tz"_s, u"time zone"_s, u"ZONE"_s},
        {u"from"_s, u"first day"_s, u"DATE"_s},
        {u"to"_s, u"last day"_s, u"DATE"_s},
        {u"verify-key"_s, u"public key"_s, u"FILE"_s},
        {u"key"_s, u"signing key"_s, u"FILE"_s},
        {u"payload"_s, u"scanned text"_s, u"TEXT"_s},
        {u"image"_s, u"image"_s, u"FILE"_s},
        {u"at"_s, u"time"_s, u"ISO8601"_s},
        {u"source"_s, u"source"_s, u"NAME"_s},
        {u"day"_s, u"day"_s, u"DATE"_s},
        {u"format"_s, u"format"_s, u"FORMAT"_s},
        {u"reason"_s, u"reason"_s, u"TEXT"_s},
        {u"only-programme-days"_s, u"skip sessions outside the programme days"_s},
        {u"layout"_s, u"badge layout"_s, u"NAME|FILE"_s},
        {u"all"_s, u"every guest"_s},
        {u"badge"_s, u"the badge"_s},
        {u"agenda"_s, u"the agenda"_s},
        {u"badge-printer"_s, u"badge printer"_s, u"SPEC"_s},
        {u"agenda-printer"_s, u"agenda printer"_s, u"SPEC"_s},
        {u"state"_s, u"job state"_s, u"STATE"_s},
        {u"once"_s, u"one pass"_s},
        {u"guest"_s, u"guest external id"_s, u"GUEST"_s},
        {u"actor"_s, u"staff member"_s, u"NAME"_s},
        {u"force"_s, u"even when in use or current"_s},
        {u"yes"_s, u"really do it"_s},
        {u"pg"_s, u"venue database connection string"_s, u"CONNINFO"_s},
        {u"interval"_s, u"seconds between sync rounds"_s, u"SECONDS"_s},
        {u"local"_s, u"only this database's check-ins"_s},
    };
    parser.addOptions(options);
    if (!parser.parse(arguments))
        return fail(parser.errorText() + u" (see 'checkinctl --help')."_s);

    QStringList positional = parser.positionalArguments();
    const QString overview = QString::fromUtf8(kOverview).arg(defaultDbPath(), BadgeLayout::builtInNames().join(u", "_s));
    if (parser.isSet(u"version"_s)) {
        std::printf("checkinctl %s\n", qPrintable(QCoreApplication::applicationVersion()));
        return kOk;
    }
    if (positional.isEmpty()) {
        std::fputs(qPrintable(overview), parser.isSet(u"help"_s) ? stdout : stderr);
        return parser.isSet(u"help"_s) ? kOk : kFailed;
    }
    QString command = positional.takeFirst();
    if (command == u"help" || parser.isSet(u"help"_s)) {
        const QString topic = command == u"help" ? positional.value(0) : command;
        const auto it = kCommandHelp.find(topic);
        std::fputs(it == kCommandHelp.end() ? qPrintable(overview) : it->second, stdout);
        return kOk;
    }

    Context ctx{parser, positional, parser.isSet(u"db"_s) ? parser.value(u"db"_s) : defaultDbPath(),
                parser.isSet(u"kiosk"_s) ? parser.value(u"kiosk"_s) : defaultKioskId()};

    using Handler = std::function<int(Context &)>;
    const std::map<QString, Handler> withSub = {
        {u"event create"_s, cmdEventCreate},
        {u"event list"_s, cmdEventList},
        {u"guests import"_s, cmdGuestsImport},
        {u"invitations issue"_s, cmdInvitationsIssue},
        {u"programme import"_s, cmdProgrammeImport},
        {u"staff-pin set"_s, cmdStaffPinSet},
        {u"staff-pin status"_s, cmdStaffPinStatus},
        {u"venue init"_s, cmdVenueInit},
        {u"venue push"_s, cmdVenuePush},
        {u"venue status"_s, cmdVenueStatus},
    };
    const std::map<QString, Handler> simple = {
        {u"keygen"_s, cmdKeygen},     {u"demo"_s, cmdDemo},   {u"checkin"_s, cmdCheckin},
        {u"decode"_s, cmdDecode},     {u"attendance"_s, cmdAttendance},
        {u"report"_s, cmdReport},
        {u"annul"_s, cmdAnnul},       {u"revoke"_s, cmdRevoke},
        {u"badge"_s, cmdBadge},       {u"badges"_s, cmdBadges},
        {u"agenda"_s, cmdAgenda},     {u"printers"_s, cmdPrinters},
        {u"print-queue"_s, cmdPrintQueue}, {u"reprint"_s, cmdReprint},
        {u"print-worker"_s, cmdPrintWorker},
        {u"backup"_s, cmdBackup},     {u"backups"_s, cmdBackups}, {u"restore"_s, cmdRestore},
        {u"purge"_s, cmdPurge},       {u"sync"_s, cmdSync},
    };
    if (const auto it = simple.find(command); it != simple.end())
        return it->second(ctx);
    if (!ctx.args.isEmpty()) {
        const QString full = command + u' ' + ctx.args.first();
        if (const auto it = withSub.find(full); it != withSub.end()) {
            ctx.args.removeFirst();
            return it->second(ctx);
        }
    }
    if (kCommandHelp.contains(command))
        return fail(u"'%1' needs a sub-command; see 'checkinctl help %1'."_s.arg(command));
    return fail(u"Unknown command '%1'; see 'checkinctl --help'."_s.arg(command));
}

} // namespace checkin
