// Test helper process: one kiosk's check-in path, as checkin-kiosk runs it. A KioskWorker on its own thread with its
// own connection (the real class KioskController drives), fed one scan at a time by queued call from the main
// thread, the next scan only after the previous outcome came back, as the controller does (it refuses a scan
// while a check-in is still working). Prints each outcome as a JSON line with the number of print jobs the
// welcome screen would follow and how long the guest waited for it. Used by tst_fourkiosks.
//   kiosk_scanner DB TOKENS_FILE KIOSK_ID AT_ISO8601
#include "db/eventstore.h"
#include "kiosk/app/kioskworker.h"
#include "kiosk/checkin/checkinoutcome.h"

#include "db/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        std::fprintf(stderr, "usage: kiosk_scanner DB TOKENS_FILE KIOSK_ID AT\n");
        return 2;
    }
    checkin::db::EventRecord event;
    {
        // The kiosk reads its event once at start-up on the GUI thread, then closes that connection.
        auto db = checkin::db::Database::open(args[1]);
        if (!db) {
            std::fprintf(stderr, "%s\n", qPrintable(db.error().message));
            return 2;
        }
        auto latest = checkin::db::EventStore(**db).latest();
        if (!latest || !*latest)
            return 2;
        event = **latest;
    }
    QFile file(args[2]);
    if (!file.open(QIODevice::ReadOnly))
        return 2;
    const QStringList tokens = QString::fromLatin1(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    const QDateTime at = QDateTime::fromString(args[4], Qt::ISODate);

    QThread thread;
    auto *worker = new checkin::KioskWorker(args[1], event, args[3]);
    worker->moveToThread(&thread);
    QObject::connect(&thread, &QThread::started, worker, &checkin::KioskWorker::open);
    QObject::connect(&thread, &QThread::finished, worker, &QObject::deleteLater);

    QElapsedTimer waited; // from the scan to its outcome: what the guest waits for, busy database included
    int next = 0;
    int errors = 0;
    const auto scanNext = [&] {
        if (next == tokens.size()) {
            app.quit();
            return;
        }
        const quint64 request = quint64(++next);
        const QString payload = tokens.at(next - 1);
        waited.start();
        QMetaObject::invokeMethod(
            worker, [worker, request, payload, at] { worker->checkIn(request, payload, at, u"scanner"_s); },
            Qt::QueuedConnection);
    };
    QObject::connect(
        worker, &checkin::KioskWorker::opened, &app,
        [&](const QString &error) {
            if (!error.isEmpty()) {
                std::fprintf(stderr, "%s\n", qPrintable(error));
                app.exit(2);
                return;
            }
            scanNext();
        },
        Qt::QueuedConnection);
    QObject::connect(
        worker, &checkin::KioskWorker::checkedIn, &app,
        [&](quint64 request, const checkin::CheckInOutcome &outcome, const checkin::GuestPrintJobs &jobs) {
            if (request != quint64(next))
                ++errors; // an answer to a request nobody asked: the kiosk would show the wrong guest
            if (outcome.kind == checkin::OutcomeKind::SystemError)
                ++errors;
            QJsonObject o = outcome.toJson();
            o[u"jobs_followed"_s] = int(jobs.jobs.size());
            o[u"wait_ms"_s] = double(waited.nsecsElapsed()) / 1e6;
            const QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
            std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
            scanNext();
        },
        Qt::QueuedConnection);
    thread.start();
    const int status = app.exec();
    thread.quit();
    thread.wait();
    std::fflush(stdout);
    return status ? status : (errors ? 3 : 0);
}
