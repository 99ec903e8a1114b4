#include "kiosk/printqueue/printertest.h"

#include "db/database.h"
#include "db/eventstore.h"
#include "printing/badgelayout.h"
#include "printing/badgerenderer.h"
#include "printing/printer.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLocale>
#include <QThread>

using namespace Qt::StringLiterals;

namespace checkin {

namespace {

QString stateName(PrintJobStatus::State state)
{
    switch (state) {
    case PrintJobStatus::State::Pending:
        return u"pending"_s;
    case PrintJobStatus::State::Held:
        return u"held"_s;
    case PrintJobStatus::State::Processing:
        return u"processing"_s;
    case PrintJobStatus::State::Stopped:
        return u"stopped"_s;
    case PrintJobStatus::State::Completed:
        return u"completed"_s;
    case PrintJobStatus::State::Cancelled:
        return u"cancelled"_s;
    case PrintJobStatus::State::Aborted:
        return u"aborted"_s;
    }
    return u"pending"_s;
}

// A sample guest in several scripts, so that the test shows the fonts too; every line says it is a test.
BadgeData testBadge(db::Database &db, const QDateTime &now)
{
    BadgeData data;
    data.givenName = u"TEST"_s;
    data.displayName = u"TEST · Ольга Смирнова · 李明 · ليلى حسن"_s;
    data.latinName = u"Printer test badge"_s;
    data.organisation = u"Printer test, not valid for entry · %1"_s.arg(now.toString(u"yyyy-MM-dd HH:mm"_s));
    data.countryName = u"TEST"_s;
    data.role = u"policymaker"_s;
    data.language = u"en"_s;
    data.eventName = u"Printer test"_s;
    if (auto event = db::EventStore(db).latest(); event && *event)
        data.eventName = u"%1 · TEST"_s.arg((*event)->name);
    data.eventDates = QLocale(QLocale::English).toString(now.date(), u"d MMMM yyyy"_s);
    data.token = u"TEST-BADGE-NOT-AN-INVITATION"_s;
    return data;
}

} // namespace

std::expected<PrinterTestResult, QString> PrinterTest::printBadge(db::Database &db, std::chrono::milliseconds wait)
{
    auto choice = PrinterSetup::choose(db, u"badge"_s);
    if (!choice)
        return std::unexpected(choice.error());
    auto layout = PrinterSetup::badgeLayout(db);
    if (!layout)
        return std::unexpected(u"The badge layout cannot be loaded: %1"_s.arg(layout.error()));
    PrinterTestResult result;
    result.choice = *choice;
    result.layout = layout->name();
    result.media = choice->isPrinter() ? layout->media() : QString();
    const std::shared_ptr<Printer> printer = choice->spec.makePrinter(result.media);
    if (!printer)
        return std::unexpected(u"Badges are not printed here (the badge printer is 'none'): set one with checkinctl "
                               "printers --badge-printer SPEC"_s);

    const QDateTime now = QDateTime::currentDateTime();
    BadgeRenderer renderer(*layout);
    auto pdf = renderer.render(testBadge(db, now));
    if (!pdf)
        return std::unexpected(u"The test badge could not be drawn: %1"_s.arg(pdf.error()));

    if (auto status = printer->status(); status && !status->problem.isEmpty())
        result.printerProblem = status->problem;
    auto handle = printer->submit(*pdf, u"checkin-printer-test-%1"_s.arg(now.toString(u"yyyyMMdd-HHmmss"_s)));
    if (!handle)
        return std::unexpected(handle.error().message);
    result.handle = *handle;
    if (choice->spec.kind == PrinterSpec::Kind::Cups)
        result.jobId = handle->mid(handle->lastIndexOf(u'-') + 1).toInt();

    // Followed until CUPS is done with it, or it waits on something staff must fix (a stopped or held job).
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        auto status = printer->jobStatus(*handle);
        if (!status)
            return std::unexpected(status.error().message);
        result.state = stateName(status->state);
        result.message = status->message;
        if (status->isFinal() || status->state == PrintJobStatus::State::Stopped
            || status->state == PrintJobStatus::State::Held)
            break;
        if (waited.elapsed() >= wait.count()) {
            result.timedOut = true;
            break;
        }
        // A job waiting on a stopped queue stays pending: no use waiting the full minute for it.
        if (status->state == PrintJobStatus::State::Pending && waited.elapsed() >= 2000) {
            if (auto printerStatus = printer->status(); printerStatus && !printerStatus->acceptsJobs)
                break;
        }
        QThread::msleep(250);
    }
    if (!result.isSuccess()) {
        if (auto status = printer->status(); status && !status->problem.isEmpty())
            result.printerProblem = status->problem;
    }
    return result;
}

} // namespace checkin
