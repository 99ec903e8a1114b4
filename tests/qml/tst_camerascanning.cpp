// Camera scanning end to end: real QVideoFrames (BGRA8888 and NV12, 1280×720) holding invitation QR codes go
// through a QVideoSink, the CameraScanner's FrameDecoder thread and the real KioskController and check-in worker
// to the welcome screen, with the badge queued in a real database.
#include "kiosk/app/camerascanner.h"
#include "kiosk/app/framedecoder.h"
#include "kiosk/app/keyboardwedge.h"
#include "kiosk/app/kioskcontroller.h"
#include "printing/qrencoder.h"
#include "tests/support/testevent.h"

#include <QGuiApplication>
#include <QKeyEvent>
#include <QPainter>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QVideoFrame>
#include <QVideoFrameFormat>
#include <QVideoSink>
#include <QWindow>
#include <QtTest>

#include <cstring>

using namespace Qt::StringLiterals;
using namespace checkin;

namespace {

constexpr QSize kFrameSize(1280, 720);

qint64 countRows(db::Database &db, const char *sql)
{
    auto stmt = db.prepare(sql);
    return (stmt && *stmt->step()) ? stmt->int64(0) : -1;
}

// A camera-like scene: a mid-grey, slightly noisy desk, with the QR code (if any) drawn at the centre, turned by
// degrees.
QImage scene(const QString &text, int moduleSize, qreal degrees)
{
    QImage image(kFrameSize, QImage::Format_RGB32);
    QRandomGenerator random(42);
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const int v = 120 + int(random.bounded(24)) + x / 40;
            line[x] = qRgb(v, v - 6, v - 12);
        }
    }
    if (text.isEmpty())
        return image;
    const auto matrix = QrEncoder::encode(text);
    Q_ASSERT(matrix);
    const QImage qr = QrEncoder::toImage(*matrix, moduleSize, 4);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.translate(image.width() / 2.0, image.height() / 2.0);
    painter.rotate(degrees);
    painter.drawImage(QPointF(-qr.width() / 2.0, -qr.height() / 2.0), qr);
    return image;
}

// Qt 6.4 has no QVideoFrame(QImage): a BGRA8888 frame, filled row by row.
QVideoFrame bgraFrame(const QImage &image)
{
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32); // B, G, R, A in memory (little-endian)
    QVideoFrame frame(QVideoFrameFormat(argb.size(), QVideoFrameFormat::Format_BGRA8888));
    if (!frame.map(QVideoFrame::WriteOnly))
        return {};
    const int rowBytes = argb.width() * 4;
    for (int y = 0; y < argb.height(); ++y)
        std::memcpy(frame.bits(0) + y * frame.bytesPerLine(0), argb.constScanLine(y), rowBytes);
    frame.unmap();
    return frame;
}

// An NV12 frame, as most webcams deliver: the luma plane, then neutral interleaved chroma at half resolution.
QVideoFrame nv12Frame(const QImage &image)
{
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    QVideoFrame frame(QVideoFrameFormat(grey.size(), QVideoFrameFormat::Format_NV12));
    if (!frame.map(QVideoFrame::WriteOnly))
        return {};
    for (int y = 0; y < grey.height(); ++y)
        std::memcpy(frame.bits(0) + y * frame.bytesPerLine(0), grey.constScanLine(y), grey.width());
    for (int y = 0; y < grey.height() / 2; ++y)
        std::memset(frame.bits(1) + y * frame.bytesPerLine(1), 128, grey.width());
    frame.unmap();
    return frame;
}

// The kiosk's scanning side as main wires it: controller (with its check-in worker), camera scanner, a sink the
// "camera" delivers frames to.
struct Kiosk
{
    explicit Kiosk(test::TestEvent &event)
        : controller(event.dbPath(), event.event(), u"camera-test"_s)
    {
        const QDateTime now = event.localTime(1, 9, 30);
        controller.setClock([now] { return now; });
        camera.setVideoSink(&sink);
        controller.useCamera(&camera);
    }

    KioskController controller;
    CameraScanner camera;
    QVideoSink sink;
};

} // namespace

class TestCameraScanning : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void framesConvertToDecodableImages_data();
    void framesConvertToDecodableImages();
    void cameraFrameReachesWelcome_data();
    void cameraFrameReachesWelcome();
    void frameWithoutCodeDoesNothing();
    void sameCodeInTenFramesChecksInOnce();
    void framesWhileBusyAreDroppedNotQueued();
    void keyboardWedgeWorksBesideCamera();
    void noCameraIsQuietlyInactive();
};

void TestCameraScanning::framesConvertToDecodableImages_data()
{
    QTest::addColumn<bool>("planar");
    QTest::addColumn<QImage::Format>("expectedFormat");
    QTest::newRow("BGRA8888 → RGB32 copy") << false << QImage::Format_RGB32;
    QTest::newRow("NV12 → Y plane as grey") << true << QImage::Format_Grayscale8;
}

void TestCameraScanning::framesConvertToDecodableImages()
{
    QFETCH(bool, planar);
    QFETCH(QImage::Format, expectedFormat);
    const QString text = u"IETF-CHECKIN-TEST-1"_s;
    const QImage image = scene(text, 6, 0);
    const QVideoFrame frame = planar ? nv12Frame(image) : bgraFrame(image);
    QVERIFY(frame.isValid());
    const QImage converted = FrameDecoder::imageOf(frame);
    QCOMPARE(converted.size(), kFrameSize);
    QCOMPARE(converted.format(), expectedFormat);
    QCOMPARE(FrameDecoder::scan(converted), QStringList{text});
    QCOMPARE(FrameDecoder::scan(FrameDecoder::imageOf(bgraFrame(scene({}, 0, 0)))), QStringList());
}

void TestCameraScanning::cameraFrameReachesWelcome_data()
{
    QTest::addColumn<int>("moduleSize");
    QTest::addColumn<qreal>("degrees");
    QTest::addColumn<bool>("planar");
    QTest::newRow("upright, BGRA8888") << 6 << 0.0 << false;
    QTest::newRow("turned 30°, BGRA8888") << 5 << 30.0 << false;
    QTest::newRow("small (2 px modules), BGRA8888") << 2 << 0.0 << false;
    QTest::newRow("small (3 px modules), turned 12°, NV12") << 3 << 12.0 << true;
    QTest::newRow("upright, NV12") << 6 << 0.0 << true;
}

void TestCameraScanning::cameraFrameReachesWelcome()
{
    QFETCH(int, moduleSize);
    QFETCH(qreal, degrees);
    QFETCH(bool, planar);
    test::TestEvent event;
    QVERIFY2(event.isValid(), qPrintable(event.error()));
    const int guest = event.addGuest(u"Amara Okafor"_s);
    Kiosk kiosk(event);
    QTRY_VERIFY(kiosk.controller.isReady());
    QSignalSpy newCodes(&kiosk.camera.decoder(), &FrameDecoder::newCode);

    const QVideoFrame frame = planar ? nv12Frame(scene(event.token(guest), moduleSize, degrees))
                                     : bgraFrame(scene(event.token(guest), moduleSize, degrees));
    QVERIFY(frame.isValid());
    kiosk.sink.setVideoFrame(frame);

    QTRY_COMPARE(kiosk.controller.state(), CheckIn::KioskState::Outcome);
    QCOMPARE(newCodes.size(), 1);
    QCOMPARE(newCodes.at(0).at(0).toString(), event.token(guest));
    QCOMPARE(kiosk.controller.outcomeKind(), CheckIn::OutcomeKind::Welcome);
    QCOMPARE(kiosk.controller.guestName(), u"Amara Okafor"_s);
    QVERIFY(kiosk.controller.isPrinting());
    QCOMPARE(countRows(event.db(), "SELECT count(*) FROM print_job WHERE kind = 'badge' AND state = 'queued'"), 1);
    QCOMPARE(countRows(event.db(), "SELECT count(*) FROM scan_log WHERE source = 'camera'"), 1);
    // While the outcome is on screen, frames are not decoded.
    QVERIFY(kiosk.camera.decoder().isPaused());
    QVERIFY(!kiosk.camera.decoder().offerFrame(frame));
}

void TestCameraScanning::frameWithoutCodeDoesNothing()
{
    test::TestEvent event;
    QVERIFY2(event.isValid(), qPrintable(event.error()));
    Kiosk kiosk(event);
    QTRY_VERIFY(kiosk.controller.isReady());
    QSignalSpy decoded(&kiosk.camera.decoder(), &FrameDecoder::frameDecoded);
    QSignalSpy states(&kiosk.controller, &KioskController::stateChanged);

    kiosk.sink.setVideoFrame(bgraFrame(scene({}, 0, 0)));
    QTRY_COMPARE(decoded.size(), 1);
    QVERIFY(decoded.at(0).at(0).toStringList().isEmpty());
    QTest::qWait(50);
    QCOMPARE(states.size(), 0);
    QCOMPARE(kiosk.controller.state(), CheckIn::KioskState::Attract);
    QCOMPARE(countRows(event.db(), "SELECT count(*) FROM scan_log"), 0);
}

void TestCameraScanning::sameCodeInTenFramesChecksInOnce()
{
    test::TestEvent event;
    QVERIFY2(event.isValid(), qPrintable(event.error()));
    Kiosk kiosk(event);
    // Back on the attract screen almost at once, so that later frames are decoded again: only the decoder's
    // debouncing stands between them and a second check-in (dismiss() clears the controller's own).
    kiosk.controller.setOutcomeTimeout(30);
    QTRY_VERIFY(kiosk.controller.isReady());
    QSignalSpy seen(&kiosk.camera.decoder(), &FrameDecoder::codeSeen);
    QSignalSpy newCodes(&kiosk.camera.decoder(), &FrameDecoder::newCode);

    // Two frames of the same picture, alternating: QVideoSink only signals a frame that differs from the last.
    const QVideoFrame frames[] = {bgraFrame(scene(event.token(0), 5, 0)), bgraFrame(scene(event.token(0), 5, 0))};
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < 10; ++i) {
        kiosk.sink.setVideoFrame(frames[i % 2]);
        QTest::qWait(120);
    }
    QVERIFY(clock.elapsed() < FrameDecoder::kDefaultDebounceInterval);
    QTRY_COMPARE(kiosk.controller.state(), CheckIn::KioskState::Attract);
    QVERIFY2(seen.size() >= 3, "the code was seen again after the outcome");
    QCOMPARE(newCodes.size(), 1);
    QCOMPARE(countRows(event.db(), "SELECT count(*) FROM scan_log"), 1);
    QCOMPARE(countRows(event.db(), "SELECT count(*) FROM attendance"), 1);
}

void TestCameraScanning::framesWhileBusyAreDroppedNotQueued()
{
    QVideoSink sink;
    CameraScanner camera;
    camera.setVideoSink(&sink);
    QSignalSpy decoded(&camera.decoder(), &FrameDecoder::frameDecoded);
    const QVideoFrame frames[] = {bgraFrame(scene(u"busy"_s, 4, 20)), bgraFrame(scene(u"busy"_s, 4, 20))};
    const QVideoFrame &frame = frames[0];

    // 60 frames delivered faster than any decoder keeps up with: most are dropped on the spot.
    for (int i = 0; i < 60; ++i)
        sink.setVideoFrame(frames[i % 2]);
    const FrameDecoder &d = camera.decoder();
    QCOMPARE(d.framesOffered(), quint64(60));
    QVERIFY2(d.framesAccepted() >= 1 && d.framesAccepted() <= 3,
             qPrintable(u"accepted %1 of 60"_s.arg(d.framesAccepted())));
    QTRY_COMPARE(quint64(decoded.size()), d.framesAccepted());
    QTest::qWait(100);
    // Nothing was queued behind the frame in hand.
    QCOMPARE(quint64(decoded.size()), d.framesAccepted());
    QCOMPARE(d.framesDecoded(), d.framesAccepted());
    // Idle again: the next frame is taken.
    QVERIFY(camera.decoder().offerFrame(frame));
    QTRY_COMPARE(quint64(decoded.size()), d.framesAccepted());
    // The synchronous scan and a queued image agree with the frames.
    QCOMPARE(FrameDecoder::scan(scene(u"busy"_s, 4, 20)), QStringList{u"busy"_s});
    QSignalSpy seen(&camera.decoder(), &FrameDecoder::codeSeen);
    QVERIFY(camera.decoder().offerImage(scene(u"busy"_s, 4, 20)));
    QTRY_COMPARE(seen.size(), 1);
    QCOMPARE(seen.at(0).at(0).toString(), u"busy"_s);
}

void TestCameraScanning::keyboardWedgeWorksBesideCamera()
{
    test::TestEvent event;
    QVERIFY2(event.isValid(), qPrintable(event.error()));
    Kiosk kiosk(event);
    KeyboardWedge wedge;
    qApp->installEventFilter(&wedge);
    connect(&wedge, &KeyboardWedge::scanned, &kiosk.controller,
            [&kiosk](const QString &text) { kiosk.controller.submitScan(text, u"scanner"_s); });
    QTRY_VERIFY(kiosk.controller.isReady());

    // The camera keeps delivering (empty) frames at 30 per second while the scanner types.
    const QVideoFrame empty[] = {bgraFrame(scene({}, 0, 0)), bgraFrame(scene({}, 0, 0))};
    int tick = 0;
    QTimer cameraClock;
    connect(&cameraClock, &QTimer::timeout, &kiosk.sink,
            [&kiosk, &empty, &tick] { kiosk.sink.setVideoFrame(empty[++tick % 2]); });
    cameraClock.start(33);
    QTRY_VERIFY(kiosk.camera.decoder().framesDecoded() >= 3);

    QWindow window;
    window.show();
    qint64 at = 1000;
    const QString token = event.token(1);
    for (const QChar c : token) {
        const int key = c.isDigit() ? Qt::Key_0 + c.digitValue() : c.toUpper().unicode();
        QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier, QString(c));
        press.setTimestamp(at += 8);
        QCoreApplication::sendEvent(&window, &press);
    }
    QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier, u"\r"_s);
    enter.setTimestamp(at += 8);
    QCoreApplication::sendEvent(&window, &enter);

    QTRY_COMPARE(kiosk.controller.state(), CheckIn::KioskState::Outcome);
    QCOMPARE(kiosk.controller.outcomeKind(), CheckIn::OutcomeKind::Welcome);
    QCOMPARE(kiosk.controller.guestName(), u"Guest 2"_s);
    QCOMPARE(countRows(event.db(), "SELECT count(*) FROM scan_log WHERE source = 'scanner'"), 1);
    QCOMPARE(countRows(event.db(), "SELECT count(*) FROM print_job WHERE kind = 'badge'"), 1);
    cameraClock.stop();
    qApp->removeEventFilter(&wedge);
}

void TestCameraScanning::noCameraIsQuietlyInactive()
{
    test::TestEvent event;
    QVERIFY2(event.isValid(), qPrintable(event.error()));
    KioskController controller(event.dbPath(), event.event(), u"camera-test"_s);
    QVERIFY(!controller.isCameraActive());
    CameraScanner camera;
    QSignalSpy active(&controller, &KioskController::cameraActiveChanged);
    controller.useCamera(&camera);
    QCOMPARE(active.size(), 1);
    QVERIFY(!controller.isCameraActive());
    controller.attachViewfinder(nullptr); // no camera: nothing to show, nothing to fail
    QVERIFY(!camera.isActive());
}

QTEST_MAIN(TestCameraScanning)
#include "tst_camerascanning.moc"
