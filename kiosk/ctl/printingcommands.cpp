// checkinctl: badges and agendas as PDF, printers, the print queue and its worker.
#include "kiosk/ctl/commands.h"
#include "kiosk/ctl/ctlcommon.h"

#include "kiosk/common/stoponsignal.h"
#include "kiosk/printqueue/printdocuments.h"
#include "kiosk/printqueue/printersetup.h"
#include "kiosk/printqueue/printertest.h"
#include "kiosk/printqueue/printqueueworker.h"
#include "kiosk/staff/staffactions.h"

#include "db/database.h"
#include "db/gueststore.h"
#include "db/printjobstore.h"
#include "db/records.h"
#include "db/staffactionstore.h"
#include "printing/badgelayout.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cstdio>
#include <optional>
#include <span>

using namespace Qt::StringLiterals;

namespace checkin::ctl {

namespace {

const char *const kBadgeHelp = R"(checkinctl badge GUEST --out FILE.pdf [--layout NAME|FILE]

Writes the guest's badge: given name large, full name, organisation, country, role band, event and dates, and
the invitation QR (vector) so the badge can be scanned on later days. --layout is a built-in layout name or a
layout JSON file (see printing/layouts/README.md); the default is the Policymaker Program 4x3 in badge.
)";

const char *const kBadgesHelp = R"(checkinctl badges --all --out FILE.pdf [--layout NAME|FILE]

Writes every guest's badge into one PDF for batch printing: 8 per A4 sheet with crop marks by default.
)";

const char *const kAgendaHelp = R"(checkinctl agenda GUEST --out FILE.pdf [--day DATE]

Writes the guest's personal agenda: day by day, times in the venue's time zone, the guest's own sessions
highlighted, headings in the guest's language. --day prints one programme day only.
)";

const char *const kPrintersHelp =
    R"(checkinctl printers [--badge-printer SPEC] [--agenda-printer SPEC] [--badge-layout NAME|FILE]
                   [--test]

Shows, or sets, where badges and agendas print, and says why there. SPEC is cups:QUEUE (the local CUPS),
cups:QUEUE@HOST:PORT, folder:DIR (each document becomes a PDF file in DIR, for venues without CUPS), none, or
default (forget the setting). Until a printer is set, documents go to the CUPS default printer (lpstat -d; set
it with lpadmin -d QUEUE), and where CUPS has none, to PDF folders beside the database (printed/badges,
printed/agendas). The JSON says which ("source": stored, cups-default or folder-fallback) with a sentence for
staff ("description").

--badge-layout sets the layout the kiosk and print-worker draw badges on (a built-in name or a layout file;
"" = the default); its "media" (the label or card stock) is sent to CUPS with every badge.

--test prints a test badge (a sample guest marked TEST, on the badge layout) on the badge printer, waits for the
CUPS job to finish (at most 60 s) and reports the job id and its final state with the printer's state reasons;
exit status 0 only when the job completed. For a PDF folder it reports the file. Not recorded as a print job.
Built-in layouts: policymaker-4x3in, a6-portrait, a6-landscape, id1-card, card-90x54, a4-sheet-8,
label-62x100mm, label-4x6in (docs/printing.md lists their stock and media).
)";

const char *const kPrintQueueHelp = R"(checkinctl print-queue [--state queued|sent|printed|failed]

Lists the print jobs of the event, oldest first: guest, kind, reason (checkin or reprint), state, attempts and
the last error in words staff can act on.
)";

const char *const kReprintHelp = R"(checkinctl reprint GUEST --badge | --agenda

Queues a new, explicit print job for the guest's badge or agenda (a check-in never prints a badge twice by
itself). Recorded in the staff action log.
)";

const char *const kPrintWorkerHelp = R"(checkinctl print-worker [--once]

Prints queued jobs on the configured printers: renders each badge or agenda, hands it to CUPS (or the PDF
folder), follows it until printed and retries with backoff while a printer is stopped or CUPS is down. Never
hands the same job over twice, also across crashes. Runs until stopped (Ctrl+C); --once makes one pass.
)";

int cmdBadge(Context &ctx)
{
    if (ctx.args.size() != 1 || !ctx.isSet("out"))
        return fail(u"badge takes a guest and --out FILE.pdf: checkinctl badge GUEST --out FILE.pdf"_s);
    auto layout = chooseLayout(ctx, BadgeLayout::builtInNames().first());
    if (!layout)
        return fail(layout.error());
    auto opened = openGuest(ctx);
    if (!opened)
        return fail(opened.error());
    db::Database &db = *opened->db;
    const db::EventRecord &event = opened->event;
    const db::GuestRecord *guest = &opened->guest;
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

QJsonObject choiceJson(const PrinterChoice &choice)
{
    return QJsonObject{{u"printer"_s, choice.spec.toString()},
                       {u"source"_s, choice.sourceName()},
                       {u"prints_on_paper"_s, choice.isPrinter()},
                       {u"description"_s, choice.describe()}};
}

// Records a printer setting change; the caller's transaction makes the change and its record one.
std::expected<void, QString> auditPrinters(Context &ctx, db::Database &db, const QString &action,
                                           const QJsonObject &detail)
{
    db::StaffActionRecord audit;
    audit.kioskId = ctx.kioskId;
    audit.actor = actorName(ctx);
    audit.action = action;
    audit.detail = QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
    if (auto ok = db::StaffActionStore(db).append(audit); !ok)
        return std::unexpected(ok.error().message);
    return {};
}

// The settings the options give, each with its staff action row, all in one transaction: none is changed unless
// every change and its record are written.
std::expected<void, QString> changePrinterSettings(Context &ctx, db::Database &db,
                                                   std::span<const std::pair<const char *, QString>> options)
{
    db::Transaction tx(db);
    if (auto ok = tx.begin(); !ok)
        return std::unexpected(ok.error().message);
    for (const auto &[option, kind] : options) {
        if (!ctx.isSet(option))
            continue;
        if (ctx.value(option) == u"default") {
            if (auto ok = PrinterSetup::unsetForKind(db, kind); !ok)
                return ok;
            if (auto ok = auditPrinters(ctx, db, u"printer-set"_s, {{u"kind"_s, kind}, {u"printer"_s, u"default"_s}});
                !ok)
                return ok;
            continue;
        }
        auto spec = PrinterSpec::parse(ctx.value(option));
        if (!spec)
            return std::unexpected(spec.error());
        if (auto ok = PrinterSetup::setForKind(db, kind, *spec); !ok)
            return ok;
        if (auto ok = auditPrinters(ctx, db, u"printer-set"_s, {{u"kind"_s, kind}, {u"printer"_s, spec->toString()}});
            !ok)
            return ok;
    }
    if (ctx.isSet("badge-layout")) {
        if (auto ok = PrinterSetup::setBadgeLayout(db, ctx.value("badge-layout")); !ok)
            return ok;
        if (auto ok = auditPrinters(ctx, db, u"badge-layout-set"_s, {{u"layout"_s, ctx.value("badge-layout")}}); !ok)
            return ok;
    }
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error().message);
    return {};
}

int testPrinter(Context &ctx, db::Database &db)
{
    auto result = PrinterTest::printBadge(db);
    if (!result)
        return fail(result.error());
    QJsonObject out = choiceJson(result->choice);
    out[u"test"_s] = u"badge"_s;
    out[u"layout"_s] = result->layout;
    out[u"media"_s] = result->media;
    out[u"state"_s] = result->state;
    out[u"message"_s] = result->message;
    out[u"printer_problem"_s] = result->printerProblem;
    if (result->choice.spec.kind == PrinterSpec::Kind::Cups) {
        out[u"job"_s] = result->handle;
        out[u"job_id"_s] = result->jobId;
        out[u"timed_out"_s] = result->timedOut;
    } else {
        out[u"file"_s] = result->handle;
    }
    // The test print happened: a record that cannot be written is said, not hidden.
    if (auto ok = auditPrinters(
            ctx, db, u"printer-test"_s,
            {{u"printer"_s, result->choice.spec.toString()}, {u"job"_s, result->handle}, {u"state"_s, result->state}});
        !ok)
        std::fprintf(stderr, "checkinctl: the test print is not in the staff action log: %s\n", qPrintable(ok.error()));
    printJson(out);
    if (result->isSuccess())
        return kOk;
    const QString why = result->timedOut
                            ? u"the test badge's job %1 is still %2 after 60 s"_s.arg(result->handle, result->state)
                            : u"the test badge's job %1 ended %2"_s.arg(result->handle, result->state);
    QStringList details{why};
    if (!result->message.isEmpty())
        details << u"CUPS says: %1"_s.arg(result->message);
    if (!result->printerProblem.isEmpty())
        details << result->printerProblem;
    return fail(details.join(u". "_s) + u'.');
}

int cmdPrinters(Context &ctx)
{
    auto db = openDb(ctx);
    if (!db)
        return fail(db.error());
    const std::pair<const char *, QString> options[] = {{"badge-printer", u"badge"_s}, {"agenda-printer", u"agenda"_s}};
    if (auto ok = changePrinterSettings(ctx, **db, options); !ok)
        return fail(u"Nothing was changed: %1"_s.arg(ok.error()));
    if (ctx.isSet("test"))
        return testPrinter(ctx, **db);

    QJsonObject out;
    QJsonObject choices;
    for (const auto &[option, kind] : options) {
        auto choice = PrinterSetup::choose(**db, kind);
        if (!choice)
            return fail(choice.error());
        out[kind] = choice->spec.toString();
        choices[kind] = choiceJson(*choice);
    }
    out[u"where"_s] = choices;
    auto layout = PrinterSetup::badgeLayout(**db);
    if (!layout)
        return fail(u"The badge layout cannot be loaded: %1"_s.arg(layout.error()));
    auto storedLayout = PrinterSetup::storedBadgeLayout(**db);
    out[u"badge_layout"_s] = storedLayout && !storedLayout->isEmpty() ? *storedLayout
                                                                      : BadgeLayout::builtInNames().first();
    out[u"badge_media"_s] = layout->media();
    printJson(out);
    return kOk;
}

QJsonObject jobJson(const db::PrintJobRecord &job, const QString &guest)
{
    return QJsonObject{{u"job"_s, job.uid},
                       {u"guest"_s, guest},
                       {u"kind"_s, job.kind},
                       {u"reason"_s, job.reason},
                       {u"state"_s, job.state},
                       {u"attempts"_s, job.attempts},
                       {u"last_error"_s, job.lastError},
                       {u"printer_job"_s, job.printer},
                       {u"kiosk"_s, job.kioskId},
                       {u"created"_s, job.createdAt},
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
    auto opened = openGuest(ctx);
    if (!opened)
        return fail(opened.error());
    db::Database &db = *opened->db;
    const db::EventRecord &event = opened->event;
    const db::GuestRecord *guest = &opened->guest;
    auto job = StaffActions(db, event, ctx.kioskId, actorName(ctx)).reprint(guest->id, kind);
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
    auto layout = PrinterSetup::badgeLayout(**db);
    if (!layout)
        return fail(u"The badge layout cannot be loaded: %1"_s.arg(layout.error()));
    QJsonObject printers;
    QStringList descriptions;
    for (const QString &kind : {u"badge"_s, u"agenda"_s}) {
        auto choice = PrinterSetup::choose(**db, kind);
        if (!choice)
            return fail(choice.error());
        printers[kind] = choice->spec.toString();
        descriptions << choice->describe();
        if (auto printer = choice->spec.makePrinter(kind == u"badge" ? layout->media() : QString()))
            worker.setPrinter(kind, printer);
    }
    db.value().reset();
    // A job still at the printer is looked at again on every pass, and reported again: print each state once.
    auto printedStates = std::make_shared<QSet<QString>>();
    QObject::connect(
        &worker, &PrintQueueWorker::jobChanged,
        [printedStates](qint64 jobId, qint64, const QString &kind, const QString &state, const QString &message) {
            const QString key = QString::number(jobId) + u'/' + state + u'/' + message;
            if (printedStates->contains(key))
                return;
            printedStates->insert(key);
            printJson({{u"job_id"_s, jobId}, {u"kind"_s, kind}, {u"state"_s, state}, {u"message"_s, message}});
        });
    auto reported = std::make_shared<QSet<QString>>();
    QObject::connect(
        &worker, &PrintQueueWorker::printerProblemChanged, [reported](const QString &kind, const QString &problem) {
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
        const PrintQueueWorker::Summary summary = worker.drain();
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
    std::fprintf(stderr, "checkinctl: %s; Ctrl+C stops\n", qPrintable(descriptions.join(u"; "_s)));
    // SIGINT/SIGTERM end the loop between jobs: a job in hand is finished or left for recovery, never half-sent.
    StopOnSignal stop;
    QObject::connect(&stop, &StopOnSignal::received, &worker, [&worker] {
        worker.requestStop();
        worker.stop();
        QCoreApplication::quit();
    });
    worker.start();
    return QCoreApplication::exec();
}

} // namespace

const QList<Command> &printingCommands()
{
    static const QList<Command> commands = {
        {u"badge"_s, {u"out"_s, u"layout"_s}, kBadgeHelp, cmdBadge},
        {u"badges"_s, {u"all"_s, u"out"_s, u"layout"_s}, kBadgesHelp, cmdBadges},
        {u"agenda"_s, {u"day"_s, u"out"_s}, kAgendaHelp, cmdAgenda},
        {u"printers"_s,
         {u"badge-printer"_s, u"agenda-printer"_s, u"badge-layout"_s, u"test"_s, u"actor"_s},
         kPrintersHelp,
         cmdPrinters},
        {u"print-queue"_s, {u"state"_s}, kPrintQueueHelp, cmdPrintQueue},
        {u"reprint"_s, {u"badge"_s, u"agenda"_s, u"actor"_s}, kReprintHelp, cmdReprint},
        {u"print-worker"_s, {u"once"_s}, kPrintWorkerHelp, cmdPrintWorker},
    };
    return commands;
}

} // namespace checkin::ctl
