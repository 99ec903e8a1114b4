// checkinctl's front door: the overview, the options, the command table and dispatch. The commands themselves live
// in one file per group (commands.h).
#include "kiosk/ctl/checkinctl.h"

#include "kiosk/ctl/commands.h"
#include "kiosk/ctl/ctlcommon.h"

#include "printing/badgelayout.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace checkin {

namespace {

using namespace ctl;

const char *const kOverview = R"(checkinctl - prepare and run an IETF Policymaker Program check-in

Usage: checkinctl [--db PATH] [--event NUMBER] [--kiosk ID] COMMAND [OPTIONS]

Preparing an event:
  keygen --out DIR                 make an Ed25519 key pair: DIR/signing.key (secret, 0600) and DIR/verify.pub
  event create --number N --name TEXT --city TEXT --tz ZONE --from DATE --to DATE --verify-key FILE
                                   add an event: ZONE is an IANA time zone such as Asia/Bangkok; --from and
                                   --to are the Policymaker Program's first and last day (not the IETF week)
  event list                       list the events in the database
  event edit [--name TEXT] [--city TEXT] [--tz ZONE] [--from DATE] [--to DATE] ...
                                   correct an event (refused when it would strand check-ins, unless --force)
  event delete [--yes] [--force]   delete the event given by --event (without --yes: say what would go)
  guests import FILE.csv           import or update the guest list (UTF-8 CSV; datatracker columns accepted)
  guests list [--arrived DATE | --missing DATE]
                                   every guest with invitation and arrivals (or who came / who is missing)
  guests find TEXT                 guests by name, organisation or country, in any script
  guests show GUEST                one guest: invitation, days, check-ins, print jobs, staff actions
  guests add --given-name TEXT --family-name TEXT [FIELDS] [--key FILE]
                                   add a walk-in guest (with --key: and issue their invitation)
  guests edit GUEST FIELDS         change a guest (name, name order, organisation, days, ...)
  invitations issue --key FILE --out DIR [GUEST...]
                                   write DIR/<external_id>.png (QR) and DIR/<external_id>.pdf (invitation),
                                   and DIR/invitations.csv for a mail merge
  invitations send --key FILE --out DIR --smtp URL --from ADDRESS [--dry-run] [--retry-failed] [GUEST...]
                                   e-mail each guest their invitation PDF (once; see 'checkinctl help invitations')
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
  printers [--badge-printer SPEC] [--agenda-printer SPEC] [--badge-layout NAME|FILE]
                                   show or set where badges and agendas print, and why (cups:QUEUE[@HOST:PORT],
                                   folder:DIR, none or default: the CUPS default printer, else PDF folders
                                   beside the database) and the badge layout (its label stock's CUPS media)
  printers --test                  print a test badge on the badge printer and wait for its CUPS job
  print-queue [--state queued|sent|printed|failed]
                                   list print jobs
  reprint GUEST --badge | --agenda queue an explicit reprint (a new job; recorded as a staff action)
  print-worker [--once]            print queued jobs (runs until stopped; --once: one pass, then exit) on the
                                   printers 'printers' shows; see docs/printing.md

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

Two kiosks without a venue database:
  merge OTHER.sqlite               bring another kiosk's check-ins, scans, print jobs and staff actions of the
                                   same event into this database (safe to repeat; earliest check-in counts)

Staff mode on the kiosks:
  staff-pin set                    set the staff PIN (asked twice without echo, or one line from a pipe)
  staff-pin status                 whether a staff PIN is set, and any lockout after wrong PINs

Global options:
  --db PATH        the database file (default: $CHECKIN_DB, else %1)
  --event NUMBER   the IETF meeting number (default: the only or latest event)
  --kiosk ID       this machine's kiosk id for recorded rows (default: $CHECKIN_KIOSK, else the host name)
  --actor NAME     who the staff action log names, for every command that changes something (default: the
                   operating-system user)
  -h, --help       this help; 'checkinctl help COMMAND' for one command
  -v, --version    the version

Every result is printed as one line of JSON on standard output; messages go to standard error.
Exit status: 0 success (guest admitted), 1 guest refused, 2 usage or system error.
GUEST is an external id, an e-mail address or a name that matches one guest (an ambiguous one lists them).
)";

// Options every command takes.
const QStringList kGlobalOptions = {u"help"_s, u"version"_s, u"db"_s, u"event"_s, u"kiosk"_s};

const QList<Command> &allCommands()
{
    static const QList<Command> commands = setupCommands() + guestCommands() + printingCommands() + eventDayCommands()
                                           + backupCommands() + venueCommands() + staffCommands() + mailCommands();
    return commands;
}

// The command named by the first positional arguments ("badge", or "event create"); takes them off args.
const Command *findCommand(QStringList &args)
{
    const QString first = args.value(0);
    const QString withSub = first + u' ' + args.value(1);
    for (const Command &c : allCommands()) {
        if (c.name == withSub && args.size() >= 2) {
            args.remove(0, 2);
            return &c;
        }
    }
    for (const Command &c : allCommands()) {
        if (c.name == first) {
            args.removeFirst();
            return &c;
        }
    }
    return nullptr;
}

// The help of a command, or of a group of sub-commands ("event"), if there is one by that name. A group whose
// sub-commands live in different files ("invitations issue", "invitations send") has several texts: all of them.
QString helpFor(const QString &topic)
{
    QList<const char *> texts;
    for (const Command &c : allCommands()) {
        if ((c.name == topic || c.name.section(u' ', 0, 0) == topic) && !texts.contains(c.help))
            texts << c.help;
    }
    QStringList parts;
    for (const char *text : texts)
        parts << QString::fromUtf8(text);
    return parts.join(u'\n');
}

// The long name of an option as the parser reports it ("h" → "help").
QString longName(const QString &name)
{
    if (name == u"h")
        return u"help"_s;
    if (name == u"v")
        return u"version"_s;
    return name;
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
        {u"badge-layout"_s, u"badge layout the kiosk prints"_s, u"NAME|FILE"_s},
        {u"test"_s, u"print a test badge"_s},
        {u"state"_s, u"job state"_s, u"STATE"_s},
        {u"once"_s, u"one pass"_s},
        {u"guest"_s, u"guest external id"_s, u"GUEST"_s},
        {u"actor"_s, u"staff member"_s, u"NAME"_s},
        {u"force"_s, u"even when in use or current"_s},
        {u"yes"_s, u"really do it"_s},
        {u"pg"_s, u"venue database connection string"_s, u"CONNINFO"_s},
        {u"interval"_s, u"seconds between sync rounds"_s, u"SECONDS"_s},
        {u"local"_s, u"only this database's check-ins"_s},
        {u"id"_s, u"guest id"_s, u"ID"_s},
        {u"given-name"_s, u"given name"_s, u"TEXT"_s},
        {u"family-name"_s, u"family name"_s, u"TEXT"_s},
        {u"latin-name"_s, u"name in Latin letters"_s, u"TEXT"_s},
        {u"organisation"_s, u"organisation"_s, u"TEXT"_s},
        {u"country"_s, u"country code"_s, u"CODE"_s},
        {u"email"_s, u"e-mail address"_s, u"ADDRESS"_s},
        {u"language"_s, u"language"_s, u"LANG"_s},
        {u"role"_s, u"role"_s, u"ROLE"_s},
        {u"days"_s, u"programme days"_s, u"DAYS"_s},
        {u"name-order"_s, u"name order"_s, u"ORDER"_s},
        {u"reg-type"_s, u"registration type"_s, u"TYPE"_s},
        {u"arrived"_s, u"guests checked in on DATE"_s, u"DATE"_s},
        {u"missing"_s, u"guests expected on DATE who have not arrived"_s, u"DATE"_s},
        {u"smtp"_s, u"mail server"_s, u"URL"_s},
        {u"smtp-user"_s, u"mail server user name"_s, u"NAME"_s},
        {u"smtp-password-file"_s, u"file holding the mail server password"_s, u"FILE"_s},
        {u"ca-file"_s, u"certificate authority to trust for the mail server"_s, u"FILE"_s},
        {u"reply-to"_s, u"address guests' replies go to"_s, u"ADDRESS"_s},
        {u"dry-run"_s, u"write the messages instead of sending them"_s},
        {u"retry-failed"_s, u"send again what the mail server refused"_s},
    };
    parser.addOptions(options);
    if (!parser.parse(arguments))
        return fail(parser.errorText() + u" (see 'checkinctl --help')."_s);

    QStringList positional = parser.positionalArguments();
    const QString overview = QString::fromUtf8(kOverview).arg(defaultDbPath(),
                                                              BadgeLayout::builtInNames().join(u", "_s));
    if (parser.isSet(u"version"_s)) {
        std::printf("checkinctl %s\n", qPrintable(QCoreApplication::applicationVersion()));
        return kOk;
    }
    if (positional.isEmpty()) {
        std::fputs(qPrintable(overview), parser.isSet(u"help"_s) ? stdout : stderr);
        return parser.isSet(u"help"_s) ? kOk : kFailed;
    }
    if (positional.first() == u"help" || parser.isSet(u"help"_s)) {
        const QString topic = positional.first() == u"help" ? positional.value(1) : positional.first();
        if (topic.isEmpty()) {
            std::fputs(qPrintable(overview), stdout);
            return kOk;
        }
        const QString help = helpFor(topic);
        if (help.isEmpty())
            return fail(u"There is no command '%1'; 'checkinctl --help' lists them."_s.arg(topic));
        std::fputs(help.toUtf8().constData(), stdout);
        return kOk;
    }

    // Not in the overview: the command table itself for scripts (tests/docs/cli_reference.sh checks docs/cli.md).
    if (positional.first() == u"commands" && positional.size() == 1) {
        for (const Command &c : allCommands())
            printJson({{u"command"_s, c.name}, {u"options"_s, QJsonArray::fromStringList(c.options)}});
        return kOk;
    }

    QStringList args = positional;
    const Command *command = findCommand(args);
    if (!command) {
        const QString name = positional.first();
        if (!helpFor(name).isEmpty())
            return fail(u"'%1' needs a sub-command; see 'checkinctl help %1'."_s.arg(name));
        return fail(u"Unknown command '%1'; see 'checkinctl --help'."_s.arg(name));
    }
    for (const QString &given : parser.optionNames()) {
        const QString option = longName(given);
        if (!kGlobalOptions.contains(option) && !command->options.contains(option)) {
            return fail(u"'%1' does not take --%2; see 'checkinctl help %3'."_s.arg(command->name, option,
                                                                                    command->name.section(u' ', 0, 0)));
        }
    }

    Context ctx{parser, args, parser.isSet(u"db"_s) ? parser.value(u"db"_s) : defaultDbPath(),
                parser.isSet(u"kiosk"_s) ? parser.value(u"kiosk"_s) : defaultKioskId()};
    return command->run(ctx);
}

} // namespace checkin
