// A print-queue worker as a process of its own, for tests that kill it (SIGKILL) at an exact step or run
// several at once on one database:
//   printqueuehelper --db FILE --server HOST:PORT [--kiosk ID] [--stop-at claimed|rendered|submitted]
//                    [--claim-timeout-ms N] [--run-for-ms N]
// Without --stop-at it runs the queue until no job is queued or at a printer any more (exit 0) or --run-for-ms
// passes (exit 3). With --stop-at it prints "STOPPED <stage> <idempotency key>" when the first job reaches that
// step and then waits, never finishing the hand-over, for the test to kill it.

#include "tests/kiosk/testbadgerenderer.h"

#include "db/printjobstore.h"
#include "kiosk/printqueue/printqueueworker.h"
#include "printing/cupsprinter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace checkin;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser args;
    args.addOptions({{u"db"_s, u"database"_s, u"file"_s},
                     {u"server"_s, u"CUPS server"_s, u"host:port"_s},
                     {u"kiosk"_s, u"kiosk id"_s, u"id"_s},
                     {u"stop-at"_s, u"stage"_s, u"stage"_s},
                     {u"claim-timeout-ms"_s, u"claim timeout"_s, u"ms"_s, u"1000"_s},
                     {u"run-for-ms"_s, u"give up after"_s, u"ms"_s, u"120000"_s}});
    args.process(app);

    PrintQueueWorker::Options options;
    options.dbPath = args.value(u"db"_s);
    options.kioskId = args.value(u"kiosk"_s);
    options.firstRetryDelay = std::chrono::milliseconds(100);
    options.maxRetryDelay = std::chrono::milliseconds(500);
    options.claimTimeout = std::chrono::milliseconds(args.value(u"claim-timeout-ms"_s).toInt());
    PrintQueueWorker worker(options, test::badgeRenderer(options.dbPath));
    const QString server = args.value(u"server"_s);
    worker.setPrinter(u"badge"_s, std::make_shared<CupsPrinter>(CupsPrinter::Options{u"badges"_s, server, {}, {}, {}}));
    worker.setPrinter(u"agenda"_s,
                      std::make_shared<CupsPrinter>(CupsPrinter::Options{u"agendas"_s, server, {}, {}, {}}));

    const QString stopAt = args.value(u"stop-at"_s);
    if (!stopAt.isEmpty()) {
        worker.setStageHook([stopAt](PrintQueueWorker::Stage stage, const db::PrintJobRecord &job) {
            const QString name = stage == PrintQueueWorker::Stage::Claimed    ? u"claimed"_s
                                 : stage == PrintQueueWorker::Stage::Rendered ? u"rendered"_s
                                                                              : u"submitted"_s;
            if (name != stopAt)
                return;
            std::printf("STOPPED %s %s\n", qPrintable(name), qPrintable(job.idempotencyKey));
            std::fflush(stdout);
            for (;;)
                ::pause(); // the test kills us here
        });
    }

    auto opened = db::Database::open(options.dbPath);
    if (!opened) {
        std::fprintf(stderr, "printqueuehelper: %s\n", qPrintable(opened.error().message));
        return 2;
    }
    db::PrintJobStore store(**opened);
    QElapsedTimer elapsed;
    elapsed.start();
    const qint64 runFor = args.value(u"run-for-ms"_s).toLongLong();
    for (;;) {
        const auto summary = worker.runOnce();
        if (!summary.error.isEmpty())
            std::fprintf(stderr, "printqueuehelper: %s\n", qPrintable(summary.error));
        auto queued = store.inState(u"queued"_s, options.kioskId);
        auto sent = store.inState(u"sent"_s, options.kioskId);
        if (queued && sent && queued->isEmpty() && sent->isEmpty())
            return 0;
        if (elapsed.elapsed() > runFor)
            return 3;
        QThread::msleep(std::min<qint64>(summary.nextRunIn.count(), 200));
    }
}
