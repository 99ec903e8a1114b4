// Camera scanning hot path at 1280×720: a camera frame (BGRA8888 or NV12) → the image the decoder reads → ZXing
// (QrDecoder Fast); frames without a code (the common case: nobody in front of the kiosk); and the whole way from
// a frame handed to the camera's QVideoSink, through the FrameDecoder thread, the KioskController and its check-in
// worker (real SQLite, WAL, synchronous=FULL), to the welcome screen's state. Median and p99 per frame.
//
// Then the peers, in the same run on the same grey pixels: 80 camera-like 1280×720 frames (rotated, perspective,
// blurred, low-contrast and all-at-once codes, and frames without one) and zxing-cpp's sample photos (four
// rotations each), through our pipeline, ZXing-C++ called directly and zbar; per-image median, exact reads, and
// the ratios the targets are stated in (BM_DecodeRatios).
#include "db/database.h"
#include "db/eventstore.h"
#include "db/gueststore.h"
#include "kiosk/app/camerascanner.h"
#include "kiosk/app/framedecoder.h"
#include "kiosk/app/kioskcontroller.h"
#include "kiosk/invitations/invitationtoken.h"
#include "kiosk/invitations/signingkey.h"
#include "kiosk/scanning/qrdecoder.h"
#include "printing/qrencoder.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QPainter>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTimer>
#include <QVideoFrame>
#include <QVideoFrameFormat>
#include <QVideoSink>

#include <ZXing/BarcodeFormat.h>
#include <ZXing/DecodeHints.h>
#include <ZXing/ImageView.h>
#include <ZXing/ReadBarcode.h>
#include <benchmark/benchmark.h>

#include "bench/zbarscanner.h"

#include <algorithm>
#include <cstring>
#include <ctime>
#include <map>
#include <memory>
#include <random>

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
    auto db = std::move(
        *db::Database::open(v->dir.filePath(u"bench.sqlite"_s), db::Database::OpenMode::CreateIfMissing));
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
        if (controller.state() == CheckIn::KioskState::Outcome)
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
        welcomed += controller.outcomeKind() == CheckIn::OutcomeKind::Welcome ? 1 : 0;
        controller.dismiss();
    }
    state.counters["welcomed"] = welcomed;
    reportPercentiles(state, micros);
}

// ---- Peer comparison: our pipeline, ZXing-C++ called directly and zbar on the same grey images, in one run ----

// One image of a set, prepared once so that every decoder gets the same 8-bit grey pixels and no decoder pays for
// loading or converting them (our pipeline still pays for FrameDecoder::imageOf on camera frames, as it does live).
struct TestImage
{
    QString name;        // set/category/index, or the photo's path @ rotation
    QString category;    // frames: rotated, perspective, blurred, low-contrast, hard, none; photos: the group
    QByteArray expected; // the exact text (UTF-8); empty = no code in the image
    QImage grey;         // Format_Grayscale8
    QByteArray packed;   // the same pixels without row padding (zbar's Y800)
    QVideoFrame frame;   // frames only: the NV12 frame a camera delivers
};

// Separable box blur, three passes ≈ a Gaussian of sigma ≈ radius: a camera slightly out of focus.
void blur(QImage &grey, int radius)
{
    const int w = grey.width();
    const int h = grey.height();
    std::vector<int> line(size_t(std::max(w, h)));
    for (int pass = 0; pass < 3; ++pass) {
        for (int y = 0; y < h; ++y) {
            uchar *row = grey.scanLine(y);
            for (int x = 0; x < w; ++x)
                line[size_t(x)] = row[x];
            int sum = 0;
            for (int x = -radius; x <= radius; ++x)
                sum += line[size_t(std::clamp(x, 0, w - 1))];
            for (int x = 0; x < w; ++x) {
                row[x] = uchar(sum / (2 * radius + 1));
                sum += line[size_t(std::min(x + radius + 1, w - 1))] - line[size_t(std::max(x - radius, 0))];
            }
        }
        for (int x = 0; x < w; ++x) {
            for (int y = 0; y < h; ++y)
                line[size_t(y)] = grey.scanLine(y)[x];
            int sum = 0;
            for (int y = -radius; y <= radius; ++y)
                sum += line[size_t(std::clamp(y, 0, h - 1))];
            for (int y = 0; y < h; ++y) {
                grey.scanLine(y)[x] = uchar(sum / (2 * radius + 1));
                sum += line[size_t(std::min(y + radius + 1, h - 1))] - line[size_t(std::max(y - radius, 0))];
            }
        }
    }
}

// A camera-like 1280×720 grey frame: uneven light, desk clutter, sensor noise, and maybe one QR code of `text`
// drawn as the category asks (rotated, in perspective, blurred, at low contrast, or all of them at once).
QImage cameraFrame(const QString &category, const QString &text, quint32 seed)
{
    QRandomGenerator random(seed);
    const auto uniform = [&](double lo, double hi) { return lo + (hi - lo) * random.generateDouble(); };
    QImage frame(kFrameSize, QImage::Format_Grayscale8);
    const double lightX = uniform(0, kFrameSize.width());
    for (int y = 0; y < frame.height(); ++y) {
        uchar *row = frame.scanLine(y);
        for (int x = 0; x < frame.width(); ++x)
            row[x] = uchar(std::clamp(150.0 - std::abs(x - lightX) / 18.0 - y / 30.0, 40.0, 230.0));
    }
    {
        // Clutter: papers, a phone, a cup, some print: edges and corners a finder-pattern search must reject.
        QPainter painter(&frame);
        painter.setRenderHint(QPainter::Antialiasing);
        for (int i = 0; i < 8; ++i) {
            const int g = int(uniform(20, 240));
            painter.setBrush(QColor(g, g, g));
            painter.setPen(Qt::NoPen);
            const QRectF r(uniform(-100, 1200), uniform(-100, 650), uniform(60, 400), uniform(40, 300));
            painter.save();
            painter.translate(r.center());
            painter.rotate(uniform(-40, 40));
            if (i % 3 == 0)
                painter.drawEllipse(QRectF(-r.width() / 2, -r.height() / 2, r.width(), r.height()));
            else
                painter.drawRect(QRectF(-r.width() / 2, -r.height() / 2, r.width(), r.height()));
            painter.restore();
        }
        painter.setPen(QColor(30, 30, 30));
        QFont font = painter.font();
        font.setPixelSize(18);
        painter.setFont(font);
        for (int i = 0; i < 6; ++i)
            painter.drawText(QPointF(uniform(0, 1100), uniform(20, 700)), u"IETF 122 Policymaker Program — agenda"_s);

        if (!text.isEmpty()) {
            const bool hard = category == u"hard"_s;
            const int module = hard ? 5 : int(uniform(4, 7));
            QImage qr = QrEncoder::toImage(*QrEncoder::encode(text), module, 4);
            if (category == u"low-contrast"_s || hard) {
                // Dark modules barely darker than the light ones: a glossy print under glare, a dim phone screen.
                const int dark = int(uniform(95, 115));
                const int light = dark + (hard ? 55 : int(uniform(35, 50)));
                for (int y = 0; y < qr.height(); ++y) {
                    uchar *row = qr.scanLine(y);
                    for (int x = 0; x < qr.width(); ++x)
                        row[x] = row[x] ? uchar(light) : uchar(dark);
                }
            }
            const QSizeF side(qr.size());
            QTransform place;
            const QPointF centre(uniform(side.width() * 0.8, kFrameSize.width() - side.width() * 0.8),
                                 uniform(side.height() * 0.8, kFrameSize.height() - side.height() * 0.8));
            if (category == u"perspective"_s || hard) {
                // The invitation held tilted towards the camera: one edge shorter than the other.
                const double s = side.width() / 2;
                const double shrink = hard ? 0.25 : uniform(0.2, 0.4);
                QPolygonF quad(
                    {QPointF(-s * (1 - shrink), -s), QPointF(s * (1 - shrink), -s), QPointF(s, s), QPointF(-s, s)});
                quad = QTransform().rotate(uniform(0, 360)).map(quad).translated(centre);
                const QPolygonF square({QPointF(0, 0), QPointF(side.width(), 0), QPointF(side.width(), side.height()),
                                        QPointF(0, side.height())}); // four corners: QPolygonF(QRectF) has five
                QTransform::quadToQuad(square, quad, place);
            } else {
                const double degrees = category == u"rotated"_s ? uniform(0, 360) : uniform(-8, 8);
                place.translate(centre.x(), centre.y())
                    .rotate(degrees)
                    .translate(-side.width() / 2, -side.height() / 2);
            }
            painter.setRenderHint(QPainter::SmoothPixmapTransform);
            painter.setTransform(place);
            painter.drawImage(QPointF(0, 0), qr);
        }
    }
    if (category == u"blurred"_s)
        blur(frame, int(uniform(1, 3.99)));
    else if (category == u"hard"_s)
        blur(frame, 1);
    for (int y = 0; y < frame.height(); ++y) {
        uchar *row = frame.scanLine(y);
        for (int x = 0; x < frame.width(); ++x)
            row[x] = uchar(std::clamp(int(row[x]) + int(random.bounded(13)) - 6, 0, 255));
    }
    return frame;
}

QByteArray packedPixels(const QImage &grey)
{
    QByteArray packed;
    packed.reserve(qsizetype(grey.width()) * grey.height());
    for (int y = 0; y < grey.height(); ++y)
        packed.append(reinterpret_cast<const char *>(grey.constScanLine(y)), grey.width());
    return packed;
}

const QStringList kFrameCategories = {u"rotated"_s, u"perspective"_s, u"blurred"_s, u"low-contrast"_s, u"hard"_s};
constexpr int kFramesPerCategory = 12;
constexpr int kEmptyFrames = 20;

// 60 frames with a code (12 per category) and 20 without, the same every run; saved as PNGs to
// $CHECKIN_BENCH_FRAMES_DIR when set, to look at.
const std::vector<TestImage> &cameraFrameSet()
{
    static const std::vector<TestImage> set = [] {
        std::vector<TestImage> images;
        QRandomGenerator digits(122);
        quint32 seed = 1;
        for (const QString &category : kFrameCategories + QStringList{u"none"_s}) {
            const int count = category == u"none"_s ? kEmptyFrames : kFramesPerCategory;
            for (int i = 0; i < count; ++i) {
                QString text;
                if (category != u"none"_s) {
                    // An invitation's shape: 178 decimal digits (numeric mode, version 6).
                    for (int d = 0; d < 178; ++d)
                        text += QChar(u'0' + int(digits.bounded(10)));
                }
                TestImage image;
                image.name = u"frames/%1/%2"_s.arg(category).arg(i);
                image.category = category;
                image.expected = text.toUtf8();
                image.grey = cameraFrame(category, text, seed++);
                image.packed = packedPixels(image.grey);
                image.frame = nv12Frame(image.grey);
                if (const QString dir = qEnvironmentVariable("CHECKIN_BENCH_FRAMES_DIR"); !dir.isEmpty())
                    image.grey.save(u"%1/%2-%3.png"_s.arg(dir, category).arg(i));
                images.push_back(std::move(image));
            }
        }
        return images;
    }();
    return set;
}

// zxing-cpp's sample photos (../shared/qr-photos) with an expected text, each at 0, 90, 180 and 270°, flattened
// onto white and turned grey once. Empty when the folder is not there.
const std::vector<TestImage> &photoSet()
{
    static const std::vector<TestImage> set = [] {
        std::vector<TestImage> images;
        const QDir root(QStringLiteral(CHECKIN_QR_PHOTOS));
        for (const QString &group : root.entryList({u"qrcode-*"_s}, QDir::Dirs, QDir::Name)) {
            const QDir dir(root.filePath(group));
            for (const QString &file : dir.entryList({u"*.png"_s, u"*.jpg"_s}, QDir::Files, QDir::Name)) {
                QFile txt(dir.filePath(file.left(file.lastIndexOf(u'.')) + u".txt"_s));
                if (!txt.open(QIODevice::ReadOnly))
                    continue; // qrcode-7's structured-append parts: no single expected text per image
                const QByteArray expected = txt.readAll();
                QImage photo(dir.filePath(file));
                if (photo.isNull())
                    continue;
                if (photo.hasAlphaChannel()) {
                    QImage flat(photo.size(), QImage::Format_RGB32);
                    flat.fill(Qt::white);
                    QPainter(&flat).drawImage(0, 0, photo);
                    photo = flat;
                }
                const QImage grey = photo.convertToFormat(QImage::Format_Grayscale8);
                for (int degrees : {0, 90, 180, 270}) {
                    TestImage image;
                    image.name = u"%1/%2@%3"_s.arg(group, file).arg(degrees);
                    image.category = group;
                    image.expected = expected;
                    image.grey = degrees ? grey.transformed(QTransform().rotate(degrees)) : grey;
                    image.packed = packedPixels(image.grey);
                    images.push_back(std::move(image));
                }
            }
        }
        return images;
    }();
    return set;
}

enum class Decoder {
    Ours,         // the kiosk's camera path: FrameDecoder::imageOf (frames) + QrDecoder Fast
    OursThorough, // checkinctl --image and decodeFile: QrDecoder Thorough
    Zxing,        // ZXing-C++ 1.4 ReadBarcodes, QR only, TryHarder + TryRotate + TryDownscale (its defaults)
    Zbar,         // zbar 0.23 zbar_scan_image, QR only, default configuration
};

// The texts one decoder finds in one image.
QList<QByteArray> decodeWith(Decoder decoder, const TestImage &image, ZbarScanner &zbar)
{
    static const QrDecoder fast(QrDecoder::Effort::Fast);
    static const QrDecoder thorough(QrDecoder::Effort::Thorough);
    static const ZXing::DecodeHints zxingHints = ZXing::DecodeHints()
                                                     .setFormats(ZXing::BarcodeFormat::QRCode)
                                                     .setTryHarder(true)
                                                     .setTryRotate(true)
                                                     .setTryDownscale(true);
    QList<QByteArray> texts;
    switch (decoder) {
    case Decoder::Ours:
    case Decoder::OursThorough: {
        const QImage grey = image.frame.isValid() ? FrameDecoder::imageOf(image.frame) : image.grey;
        for (const DecodedCode &code : (decoder == Decoder::Ours ? fast : thorough).decode(grey))
            texts << code.text.toUtf8();
        break;
    }
    case Decoder::Zxing: {
        const ZXing::ImageView view(image.grey.constBits(), image.grey.width(), image.grey.height(),
                                    ZXing::ImageFormat::Lum, int(image.grey.bytesPerLine()));
        for (const ZXing::Result &r : ZXing::ReadBarcodes(view, zxingHints)) {
            if (r.isValid())
                texts << QByteArray::fromStdString(r.text());
        }
        break;
    }
    case Decoder::Zbar:
        for (const std::string &text : zbar.scan(reinterpret_cast<const uchar *>(image.packed.constData()),
                                                 image.grey.width(), image.grey.height()))
            texts << QByteArray::fromStdString(text);
        break;
    }
    return texts;
}

// CPU time of this thread: every decoder here runs on the calling thread, and on a machine shared with other work
// the wall clock also counts the time the thread waited for a core.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

double medianOf(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// What one decoder did on one set.
struct DecoderRun
{
    std::vector<double> wallMs;  // every image, every pass
    std::vector<double> cpuMs;   // the same, this thread's CPU time
    std::vector<double> codeMs;  // images with a code
    std::vector<double> emptyMs; // images without
    int detected = 0;            // images whose expected text was among the texts found (all passes)
    int codes = 0;               // images that hold a code (all passes)
    int falseReads = 0;          // images without a code in which something was read (all passes)
    std::map<QString, std::pair<int, int>> perCategory; // detected, of (all passes)
    double totalMs = 0;
};

constexpr int kPasses = 3;

// Every image of the set through every decoder, one decoder after the other on the same image, kPasses times
// (after one warm-up pass): other work on the machine then slows all decoders alike, which keeps the ratios honest.
// The order is shuffled for every image, so that no decoder gains from its place.
// Run once per set and kept; the per-decoder benchmarks report from it.
const std::map<Decoder, DecoderRun> &runSet(const std::vector<TestImage> &set, const std::vector<Decoder> &decoders)
{
    static std::map<const void *, std::map<Decoder, DecoderRun>> cache;
    if (const auto found = cache.find(&set); found != cache.end())
        return found->second;
    std::map<Decoder, DecoderRun> &runs = cache[&set];
    ZbarScanner zbar;
    for (const TestImage &image : set) {
        for (Decoder decoder : decoders)
            (void)decodeWith(decoder, image, zbar); // warm-up: caches, lazily built tables
    }
    QElapsedTimer timer;
    std::mt19937 shuffler(122);
    std::vector<Decoder> order = decoders;
    for (int pass = 0; pass < kPasses; ++pass) {
        for (const TestImage &image : set) {
            // A new order for every image: the first decoder reads the image from memory, the others from the cache,
            // and one that follows a decoder doing the same work (ours and ZXing) finds the branch predictors trained.
            std::shuffle(order.begin(), order.end(), shuffler);
            for (Decoder decoder : order) {
                DecoderRun &run = runs[decoder];
                const double cpuStart = threadCpuMs();
                timer.start();
                const QList<QByteArray> texts = decodeWith(decoder, image, zbar);
                const double ms = double(timer.nsecsElapsed()) / 1e6;
                run.cpuMs.push_back(threadCpuMs() - cpuStart);
                run.wallMs.push_back(ms);
                run.totalMs += ms;
                if (image.expected.isEmpty()) {
                    run.emptyMs.push_back(ms);
                    run.falseReads += texts.isEmpty() ? 0 : 1;
                    continue;
                }
                run.codeMs.push_back(ms);
                const bool ok = texts.contains(image.expected);
                ++run.codes;
                run.detected += ok ? 1 : 0;
                auto &[hit, of] = run.perCategory[image.category];
                hit += ok ? 1 : 0;
                ++of;
            }
        }
    }
    return runs;
}

// One decoder's row: its time for the whole set (manual time: one pass), the median per image (wall clock and CPU
// time; over all images, and apart for those with and without a code), exact reads, false reads in frames without
// a code, and reads per category for the camera frames. Counts are per pass.
void reportRun(benchmark::State &state, const std::vector<TestImage> &set, const std::vector<Decoder> &decoders,
               Decoder decoder)
{
    if (set.empty()) {
        state.SkipWithError("no images (the photo folder is missing)");
        return;
    }
    const DecoderRun &run = runSet(set, decoders).at(decoder);
    for (auto _ : state)
        state.SetIterationTime(run.totalMs / kPasses / 1e3);
    state.counters["images"] = double(set.size());
    state.counters["median_ms"] = medianOf(run.wallMs);
    state.counters["median_cpu_ms"] = medianOf(run.cpuMs);
    state.counters["median_code_ms"] = medianOf(run.codeMs);
    if (!run.emptyMs.empty()) {
        state.counters["median_empty_ms"] = medianOf(run.emptyMs);
        state.counters["false_reads"] = double(run.falseReads) / kPasses;
    }
    state.counters["detected"] = double(run.detected) / kPasses;
    state.counters["detection_pct"] = run.codes ? 100.0 * run.detected / run.codes : 0;
    if (set.front().frame.isValid()) {
        for (const auto &[category, counts] : run.perCategory)
            state.counters["det_" + category.toStdString()] = double(counts.first) / kPasses;
    }
}

// Thorough on frames too: what the still-image fallbacks (a global-histogram pass) would find on the camera path.
const std::vector<Decoder> kFrameDecoders = {Decoder::Ours, Decoder::OursThorough, Decoder::Zxing, Decoder::Zbar};
const std::vector<Decoder> kPhotoDecoders = {Decoder::Ours, Decoder::OursThorough, Decoder::Zxing, Decoder::Zbar};

void BM_DecodeFrames(benchmark::State &state, Decoder decoder)
{
    reportRun(state, cameraFrameSet(), kFrameDecoders, decoder);
}

void BM_DecodePhotos(benchmark::State &state, Decoder decoder)
{
    reportRun(state, photoSet(), kPhotoDecoders, decoder);
}

// The targets as ratios, from the same interleaved runs: speed = zbar's median CPU time per image / ours (target
// ≥ 3), detection = our exact reads / ZXing-C++'s (target ≥ 1).
void BM_DecodeRatios(benchmark::State &state)
{
    for (auto _ : state) {}
    const auto ratio = [&](const std::string &name, const std::vector<TestImage> &set,
                           const std::vector<Decoder> &decoders, Decoder over, Decoder under, bool speed) {
        if (set.empty())
            return;
        const auto &runs = runSet(set, decoders);
        const DecoderRun &o = runs.at(over);
        const DecoderRun &u = runs.at(under);
        const double value = speed ? medianOf(o.cpuMs) / std::max(medianOf(u.cpuMs), 1e-9)
                                   : double(o.detected) / std::max(u.detected, 1);
        state.counters[name] = value;
    };
    const auto &frames = cameraFrameSet();
    const auto &photos = photoSet();
    ratio("frames_speed_vs_zbar", frames, kFrameDecoders, Decoder::Zbar, Decoder::Ours, true);
    ratio("frames_speed_vs_zxing", frames, kFrameDecoders, Decoder::Zxing, Decoder::Ours, true);
    ratio("frames_detect_vs_zxing", frames, kFrameDecoders, Decoder::Ours, Decoder::Zxing, false);
    ratio("frames_detect_vs_zbar", frames, kFrameDecoders, Decoder::Ours, Decoder::Zbar, false);
    ratio("photos_speed_vs_zbar", photos, kPhotoDecoders, Decoder::Zbar, Decoder::Ours, true);
    ratio("photos_speed_vs_zxing", photos, kPhotoDecoders, Decoder::Zxing, Decoder::Ours, true);
    ratio("photos_detect_vs_zxing", photos, kPhotoDecoders, Decoder::Ours, Decoder::Zxing, false);
    ratio("photos_thorough_detect_vs_zxing", photos, kPhotoDecoders, Decoder::OursThorough, Decoder::Zxing, false);
    ratio("photos_thorough_speed_vs_zbar", photos, kPhotoDecoders, Decoder::Zbar, Decoder::OursThorough, true);
}

} // namespace

BENCHMARK(BM_FrameToImage)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_FrameDecode)->Arg(0)->Arg(1)->Iterations(200)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EmptyFrameReject)->Arg(0)->Arg(1)->Iterations(200)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FrameToWelcome)->Arg(0)->Arg(1)->Iterations(50)->Unit(benchmark::kMillisecond);
// The peers: one row per decoder and set, all from one interleaved run per set (manual time: one pass).
#define CHECKIN_DECODE_ROW(set, name, decoder)                                                                         \
    BENCHMARK_CAPTURE(set, name, decoder)->Iterations(1)->UseManualTime()->Unit(benchmark::kMillisecond)
CHECKIN_DECODE_ROW(BM_DecodeFrames, ours, Decoder::Ours);
CHECKIN_DECODE_ROW(BM_DecodeFrames, ours_thorough, Decoder::OursThorough);
CHECKIN_DECODE_ROW(BM_DecodeFrames, zxing, Decoder::Zxing);
CHECKIN_DECODE_ROW(BM_DecodeFrames, zbar, Decoder::Zbar);
CHECKIN_DECODE_ROW(BM_DecodePhotos, ours, Decoder::Ours);
CHECKIN_DECODE_ROW(BM_DecodePhotos, ours_thorough, Decoder::OursThorough);
CHECKIN_DECODE_ROW(BM_DecodePhotos, zxing, Decoder::Zxing);
CHECKIN_DECODE_ROW(BM_DecodePhotos, zbar, Decoder::Zbar);
BENCHMARK(BM_DecodeRatios)->Iterations(1);

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
