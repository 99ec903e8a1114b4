// Camera scanning hot path at 1280×720: a camera frame (BGRA8888 or NV12) → the image the decoder reads → ZXing
// (QrDecoder Fast); frames without a code (the common case: nobody in front of the kiosk); and the whole way from
// a frame handed to the camera's QVideoSink, through the FrameDecoder thread, the KioskController and its check-in
// worker (real SQLite, WAL, synchronous=FULL), to the welcome screen's state. Median and p99 per frame.
#include <camerascanner.h>
#include <database.h>
#include <eventstore.h>
#include <framedecoder.h>
#include <gueststore.h>
#include <invitationtoken.h>
#include <kioskcontroller.h>
#include <qrdecoder.h>
#include <qrencoder.h>
#include <signingkey.h>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QGuiApplication>
#include <QPainter>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTimer>
#include <QVideoFrame>
#include <QVideoFrameFormat>
#include <QVideoSink>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstring>
#include <memory>

using namespace Qt::StringLiterals;
using namespace checkin;

namespace {

constexpr QSize kFrameSize(1280, 720);

void reportPercentiles(benchmark::State &state, std::vector<double> &micros)
{
    if (micros.empty())
        return;
    std::sort(micros.begin(), micros.end());
    state.counters["median_us"] = micros[micros.size() / 2];
    state.counters["p99_us"] = micros[std::min(micros.size() - 1, micros.size() * 99 / 100)];
}

// A noisy grey desk with the code (if any) at the centre, 5 px modules, turned by degrees.
QImage scene(const QString &text, qreal degrees = 0)
{
    QImage image(kFrameSize, QImage::Format_RGB32);
    QRandomGenerator random(7);
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const int v = 120 + int(random.bounded(24)) + x / 40;
            line[x] = qRgb(v, v - 6, v - 12);
        }
    }
    if (text.isEmpty())
        return image;
    const QImage qr = QrEncoder::toImage(*QrEncoder::encode(text), 5, 4);
    QPainter painter(&image);
    painter.translate(image.width() / 2.0, image.height() / 2.0);
    painter.rotate(degrees);
    painter.drawImage(QPointF(-qr.width() / 2.0, -qr.height() / 2.0), qr);
    return image;
}

QVideoFrame bgraFrame(const QImage &image)
{
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    QVideoFrame frame(QVideoFrameFormat(argb.size(), QVideoFrameFormat::Format_BGRA8888));
    frame.map(QVideoFrame::WriteOnly);
    for (int y = 0; y < argb.height(); ++y)
        std::memcpy(frame.bits(0) + y * frame.bytesPerLine(0), argb.constScanLine(y), argb.width() * 4);
    frame.unmap();
    return frame;
}

QVideoFrame nv12Frame(const QImage &image)
{
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    QVideoFrame frame(QVideoFrameFormat(grey.size(), QVideoFrameFormat::Format_NV12));
    frame.map(QVideoFrame::WriteOnly);
    for (int y = 0; y < grey.height(); ++y)
        std::memcpy(frame.bits(0) + y * frame.bytesPerLine(0), grey.constScanLine(y), grey.width());
    for (int y = 0; y < grey.height() / 2; ++y)
        std::memset(frame.bits(1) + y * frame.bytesPerLine(1), 128, grey.width());
    frame.unmap();
    return frame;
}

QVideoFrame frameOf(const QImage &image, bool planar)
{
    return planar ? nv12Frame(image) : bgraFrame(image);
}

// Frame → image → decode, on this thread (what the decoder thread does per frame). range(0): 1 = NV12.
void BM_FrameDecode(benchmark::State &state)
{
    const QVideoFrame frame = frameOf(scene(u"IETF122:0123456789abcdef0123456789abcdef"_s, 15), state.range(0) != 0);
    const QrDecoder decoder(QrDecoder::Effort::Fast);
    std::vector<double> micros;
    QElapsedTimer timer;
    for (auto _ : state) {
        timer.start();
        const auto codes = decoder.decode(FrameDecoder::imageOf(frame));
        micros.push_back(double(timer.nsecsElapsed()) / 1000.0);
        if (codes.size() != 1)
            state.SkipWithError("the code was not found");
    }
    reportPercentiles(state, micros);
}

// A frame with no code in it, rejected. range(0): 1 = NV12.
void BM_EmptyFrameReject(benchmark::State &state)
{
    const QVideoFrame frame = frameOf(scene({}), state.range(0) != 0);
    const QrDecoder decoder(QrDecoder::Effort::Fast);
    std::vector<double> micros;
    QElapsedTimer timer;
    for (auto _ : state) {
        timer.start();
        const auto codes = decoder.decode(FrameDecoder::imageOf(frame));
        micros.push_back(double(timer.nsecsElapsed()) / 1000.0);
        benchmark::DoNotOptimize(codes.size());
    }
    reportPercentiles(state, micros);
}

// The frame conversion alone (map + Y plane or RGB32 copy). range(0): 1 = NV12.
void BM_FrameToImage(benchmark::State &state)
{
    const QVideoFrame frame = frameOf(scene({}), state.range(0) != 0);
    for (auto _ : state)
        benchmark::DoNotOptimize(FrameDecoder::imageOf(frame).constBits());
}

// A real event database with guests and signed invitations.
struct Venue
{
    QTemporaryDir dir;
    db::EventRecord event;
    QStringList tokens;
};

std::unique_ptr<Venue> makeVenue(int guests)
{
    auto v = std::make_unique<Venue>();
    auto db = std::move(*db::Database::open(v->dir.filePath(u"bench.sqlite"_s),
                                            db::Database::OpenMode::CreateIfMissing));
    const SigningKey key = SigningKey::generate();
    v->event = {0, 122, u"IETF 122 Bangkok"_s, u"Bangkok"_s, u"Asia/Bangkok"_s, QDate(2026, 11, 2),
                QDate(2026, 11, 5), key.publicKey()};
    v->event.id = *db::EventStore(*db).create(v->event);
    db::GuestStore store(*db);
    for (int i = 0; i < guests; ++i) {
        db::GuestRecord g;
        g.eventId = v->event.id;
        g.externalId = u"g%1"_s.arg(i);
        g.displayName = u"Guest %1"_s.arg(i);
        (void)store.upsert(g);
        const qint64 guestId = db->lastInsertId();
        const QByteArray tokenId = InvitationToken::randomTokenId();
        (void)store.createInvitation(v->event.id, guestId, tokenId);
        v->tokens << InvitationToken::sign(key, v->event.number, tokenId).toText();
    }
    return v;
}

// From a frame holding a guest's invitation handed to the camera's sink to the controller's welcome state: the
// decoder thread, the queued result, debouncing, the check-in worker's transaction and the queued outcome. Each
// iteration a different guest (first scan of the day: welcome, badge and agenda queued). range(0): 1 = NV12.
void BM_FrameToWelcome(benchmark::State &state)
{
    const bool planar = state.range(0) != 0;
    constexpr int kGuests = 60;
    const auto venue = makeVenue(kGuests);
    std::vector<QVideoFrame> frames;
    for (const QString &token : venue->tokens)
        frames.push_back(frameOf(scene(token, 10), planar));

    KioskController controller(venue->dir.filePath(u"bench.sqlite"_s), venue->event, u"bench"_s);
    const QDateTime now = QDateTime(QDate(2026, 11, 2), QTime(9, 0), QTimeZone("Asia/Bangkok")).toUTC();
    controller.setClock([now] { return now; });
    controller.setOutcomeTimeout(0);
    CameraScanner camera;
    QVideoSink sink;
    camera.setVideoSink(&sink);
    controller.useCamera(&camera);
    QEventLoop loop;
    QObject::connect(&controller, &KioskController::readyChanged, &loop, &QEventLoop::quit);
    QObject::connect(&controller, &KioskController::stateChanged, &loop, [&] {
        if (controller.state() == u"outcome"_s)
            loop.quit();
    });
    if (!controller.isReady())
        loop.exec();

    std::vector<double> micros;
    QElapsedTimer timer;
    int i = 0;
    int welcomed = 0;
    for (auto _ : state) {
        if (i >= kGuests) {
            state.SkipWithError("out of guests");
            break;
        }
        timer.start();
        sink.setVideoFrame(frames[size_t(i++)]);
        QTimer::singleShot(5000, &loop, &QEventLoop::quit);
        loop.exec();
        micros.push_back(double(timer.nsecsElapsed()) / 1000.0);
        welcomed += controller.outcomeKind() == u"welcome"_s ? 1 : 0;
        controller.dismiss();
    }
    state.counters["welcomed"] = welcomed;
    reportPercentiles(state, micros);
}

} // namespace

BENCHMARK(BM_FrameToImage)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_FrameDecode)->Arg(0)->Arg(1)->Iterations(200)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EmptyFrameReject)->Arg(0)->Arg(1)->Iterations(200)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FrameToWelcome)->Arg(0)->Arg(1)->Iterations(50)->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
