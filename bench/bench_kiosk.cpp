// The kiosk as a whole. Start-up: the real checkin-kiosk binary launched offscreen on the demo database, timed from
// the launch to its `ready <ms>` line (--quit-when-ready: database open on the worker thread, screens loaded and drawn
// once). Memory: the kiosk's parts wired as main() wires them (KioskController, its check-in worker, the print worker
// printing real PDFs to a folder, the QML screens in a shown offscreen window), 1,000 guests' first check-ins through
// KioskController::submitScan with real signed invitations on a real SQLite file, and VmRSS before and after.
#include "db/database.h"
#include "db/eventstore.h"
#include "db/gueststore.h"
#include "kiosk/app/kioskcontroller.h"
#include "kiosk/app/kioskprinting.h"
#include "kiosk/demo/demoevent.h"
#include "kiosk/invitations/invitationtoken.h"
#include "kiosk/invitations/signingkey.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <memory>

Q_IMPORT_QML_PLUGIN(IetfCheckin_KioskPlugin)
Q_IMPORT_QML_PLUGIN(IetfCheckinPlugin)

using namespace Qt::StringLiterals;
using namespace checkin;

namespace {

double medianOf(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// A field of /proc/self/status in MB (VmRSS: resident now; VmHWM: the peak).
double procStatusMb(QByteArrayView field)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field) && line.size() > field.size() && line.at(field.size()) == ':')
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

// Launch to ready, ten times: the first launch (files perhaps not yet in the page cache) and the median of all.
void BM_StartupToReady(benchmark::State &state)
{
    QTemporaryDir dir;
    const auto demo = DemoEvent::ensure(dir.filePath(u"checkin.sqlite"_s), dir.path(), u"bench"_s);
    if (!demo) {
        const QByteArray message = demo.error().toUtf8();
        state.SkipWithError(message.constData());
        return;
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"QT_LOGGING_RULES"_s, u"checkin.*.info=false"_s);
    std::vector<double> launchToReady;
    std::vector<double> mainToReady;
    for (auto _ : state) {
        QProcess kiosk;
        kiosk.setProcessEnvironment(env);
        kiosk.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QElapsedTimer timer;
        timer.start();
        kiosk.start(QStringLiteral(CHECKIN_KIOSK_BINARY), {u"--db"_s, demo->dbPath, u"--quit-when-ready"_s});
        QByteArray line;
        while (!line.endsWith('\n') && kiosk.waitForReadyRead(30000))
            line += kiosk.readLine();
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        kiosk.waitForFinished(30000);
        if (!line.startsWith("ready ")) {
            const QByteArray message = "the kiosk did not get ready: " + line.trimmed();
            state.SkipWithError(message.constData());
            return;
        }
        launchToReady.push_back(ms);
        mainToReady.push_back(line.mid(6).trimmed().toDouble());
    }
    state.counters["first_ms"] = launchToReady.front();
    state.counters["median_ms"] = medianOf(launchToReady);
    state.counters["median_from_main_ms"] = medianOf(mainToReady);
}

// A real event database with `guests` guests and signed invitations.
struct Venue
{
    QTemporaryDir dir;
    QString dbPath;
    db::EventRecord event;
    QStringList tokens;
};

std::unique_ptr<Venue> makeVenue(int guests)
{
    auto v = std::make_unique<Venue>();
    v->dbPath = v->dir.filePath(u"bench.sqlite"_s);
    auto db = std::move(*db::Database::open(v->dbPath, db::Database::OpenMode::CreateIfMissing));
    const SigningKey key = SigningKey::generate();
    v->event = {0,
                122,
                u"IETF 122 Bangkok"_s,
                u"Bangkok"_s,
                u"Asia/Bangkok"_s,
                QDate(2026, 11, 2),
                QDate(2026, 11, 5),
                key.publicKey()};
    v->event.id = *db::EventStore(*db).create(v->event);
    const QStringList names = {
        u"Nguyễn Thị Minh Khai"_s, u"Ольга Смирнова"_s, u"山田太郎"_s, u"ليلى حسن"_s, u"สมชาย ใจดี"_s,
        u"Marie-Claire Dubois"_s};
    db::Transaction tx(*db);
    (void)tx.begin();
    db::GuestStore store(*db);
    for (int i = 0; i < guests; ++i) {
        db::GuestRecord g;
        g.eventId = v->event.id;
        g.externalId = u"g%1"_s.arg(i);
        g.displayName = names[i % names.size()];
        g.latinName = u"Guest %1"_s.arg(i);
        g.organisation = u"Ministry of Digital Affairs"_s;
        (void)store.upsert(g);
        const qint64 guestId = db->lastInsertId();
        const QByteArray tokenId = InvitationToken::randomTokenId();
        (void)store.createInvitation(v->event.id, guestId, tokenId);
        v->tokens << InvitationToken::sign(key, v->event.number, tokenId).toText();
    }
    (void)tx.commit();
    return v;
}

// 1,000 guests scan their invitation (each a first check-in: attendance, badge and agenda queued and printed as
// PDFs to a folder), one after the other through the controller and the screens; resident memory before, right
// after, and once the print worker has printed every document; the median scan → outcome screen.
void BM_MemoryAfterCheckIns(benchmark::State &state)
{
    const int guests = int(state.range(0));
    const auto venue = makeVenue(guests);
    const QDateTime now = QDateTime(QDate(2026, 11, 2), QTime(9, 0), QTimeZone("Asia/Bangkok")).toUTC();

    double rssBefore = 0;
    double rssAfter = 0;
    double rssPrinted = 0;
    int welcomed = 0;
    int printed = 0;
    std::vector<double> scanToOutcome;
    for (auto _ : state) {
        KioskController controller(venue->dbPath, venue->event, u"bench"_s);
        controller.setClock([now] { return now; });
        controller.setOutcomeTimeout(0);
        KioskPrinting::Options printOptions;
        printOptions.dbPath = venue->dbPath;
        printOptions.kioskId = u"bench"_s;
        printOptions.badgePrinter = *PrinterSpec::parse(u"folder:"_s + venue->dir.filePath(u"badges"_s));
        printOptions.agendaPrinter = *PrinterSpec::parse(u"folder:"_s + venue->dir.filePath(u"agendas"_s));
        KioskPrinting printing(printOptions);
        controller.followPrinting(&printing);
        QObject::connect(&printing, &KioskPrinting::jobChanged, &printing,
                         [&](qint64, qint64, const QString &, const QString &jobState, const QString &) {
                             printed += jobState == u"printed"_s ? 1 : 0;
                         });
        printing.start();

        QQuickStyle::setStyle(u"Basic"_s);
        QQmlApplicationEngine engine;
        engine.addImportPath(u"qrc:/qt/qml"_s);
        controller.exposeTo(engine);
        engine.load(QUrl(u"qrc:/qt/qml/IetfCheckin/Main.qml"_s));
        auto *window = engine.rootObjects().isEmpty() ? nullptr
                                                      : qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
        if (!window) {
            state.SkipWithError("the screens could not be loaded");
            return;
        }
        window->resize(1920, 1080);
        window->show();

        QEventLoop loop;
        QObject::connect(&controller, &KioskController::readyChanged, &loop, &QEventLoop::quit);
        QObject::connect(&controller, &KioskController::stateChanged, &loop, [&] {
            if (controller.state() == CheckIn::KioskState::Outcome)
                loop.quit();
        });
        if (!controller.isReady())
            loop.exec();
        QTimer::singleShot(500, &loop, &QEventLoop::quit); // the first frames drawn, the print worker started
        loop.exec();
        rssBefore = procStatusMb("VmRSS");

        QElapsedTimer timer;
        for (const QString &token : venue->tokens) {
            timer.start();
            if (!controller.submitScan(token, u"scanner"_s))
                continue;
            if (controller.state() != CheckIn::KioskState::Outcome)
                loop.exec();
            scanToOutcome.push_back(double(timer.nsecsElapsed()) / 1e6);
            welcomed += controller.outcomeKind() == CheckIn::OutcomeKind::Welcome ? 1 : 0;
            controller.dismiss();
            // Growth that levels off is caches warming; growth in step with the check-ins would be a leak.
            if (const qsizetype n = qsizetype(scanToOutcome.size()); n % (guests / 4) == 0)
                state.counters["rss_at_" + std::to_string(n) + "_MB"] = procStatusMb("VmRSS");
        }
        QTimer::singleShot(200, &loop, &QEventLoop::quit); // the last outcome drawn
        loop.exec();
        rssAfter = procStatusMb("VmRSS");

        // The documents queued meanwhile are printed by now or soon: wait for all of them (at most two minutes).
        QElapsedTimer waited;
        waited.start();
        while (printed < 2 * welcomed && waited.elapsed() < 120000) {
            QTimer::singleShot(100, &loop, &QEventLoop::quit);
            loop.exec();
        }
        rssPrinted = procStatusMb("VmRSS");
    }
    state.counters["rss_before_MB"] = rssBefore;
    state.counters["rss_after_MB"] = rssAfter;
    state.counters["rss_printed_MB"] = rssPrinted;
    state.counters["rss_growth_MB"] = rssPrinted - rssBefore;
    state.counters["rss_peak_MB"] = procStatusMb("VmHWM");
    state.counters["welcomed"] = welcomed;
    state.counters["printed"] = printed;
    state.counters["scan_to_outcome_median_ms"] = medianOf(scanToOutcome);
}

} // namespace

BENCHMARK(BM_StartupToReady)->Iterations(10)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MemoryAfterCheckIns)->Arg(1000)->Iterations(1)->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QLoggingCategory::setFilterRules(u"checkin.*.info=false"_s);
    QGuiApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
