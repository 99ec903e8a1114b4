#include "kiosk/scanning/qrdecoder.h"
#include "printing/qrencoder.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <ZXing/ReadBarcode.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using checkin::DecodedCode;
using checkin::QrDecoder;
using checkin::QrEncoder;

namespace {

// The failure text of an expected, safe to evaluate when it holds a value (QVERIFY2 always evaluates it).
template<typename Expected>
QByteArray why(const Expected &e)
{
    return e.has_value() ? QByteArray() : e.error().toUtf8();
}

QImage qrImage(const QString &text, int moduleSize = 8, int quietZone = 4)
{
    const auto m = QrEncoder::encode(text);
    return m ? QrEncoder::toImage(*m, moduleSize, quietZone) : QImage();
}

// Draws `code` rotated by `degrees` about its centre onto a white canvas, as a camera might see it.
QImage rotatedOnCanvas(const QImage &code, qreal degrees, QSize canvas = QSize(900, 900))
{
    QImage out(canvas, QImage::Format_RGB32);
    out.fill(Qt::white);
    QPainter p(&out);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.translate(canvas.width() / 2.0, canvas.height() / 2.0);
    p.rotate(degrees);
    p.drawImage(QPointF(-code.width() / 2.0, -code.height() / 2.0), code);
    p.end();
    return out;
}

QStringList texts(const QList<DecodedCode> &codes)
{
    QStringList out;
    for (const DecodedCode &c : codes)
        out.append(c.text);
    out.sort();
    return out;
}

// ZXing-C++ called directly, with the same hints as QrDecoder, on RGB pixels (as ZXing's own reader
// gets them from stb_image): the yardstick that our pipeline must not fall behind.
ZXing::Results readWithZxingDirectly(const QImage &image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    const ZXing::ImageView view(rgb.constBits(), rgb.width(), rgb.height(), ZXing::ImageFormat::RGB,
                                int(rgb.bytesPerLine()));
    const auto hints = ZXing::DecodeHints()
                           .setFormats(ZXing::BarcodeFormat::QRCode | ZXing::BarcodeFormat::MicroQRCode)
                           .setTryHarder(true)
                           .setTryRotate(true)
                           .setTryDownscale(true);
    return ZXing::ReadBarcodes(view, hints);
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

class TestQrDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesGeneratedPngFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString token = u"7348912034761209834761234098712340987123409871234"_s;
        const auto m = QrEncoder::encode(token);
        QVERIFY2(m.has_value(), why(m).constData());
        const QString path = dir.filePath(u"invitation.png"_s);
        const auto written = QrEncoder::writePng(*m, path);
        QVERIFY2(written.has_value(), why(written).constData());

        const auto codes = QrDecoder::decodeFile(path);
        QVERIFY2(codes.has_value(), why(codes).constData());
        QCOMPARE(codes->size(), 1);
        QCOMPARE(codes->first().text, token);
        QCOMPARE(codes->first().format, u"QRCode"_s);
        // The corners lie on the symbol (quiet zone 4 × 8 px), not on the image border.
        const QPolygonF pos = codes->first().position;
        QCOMPARE(pos.size(), 4);
        const QRectF box = pos.boundingRect();
        const qreal side = m->size * 8;
        QVERIFY2(qAbs(box.left() - 32) <= 8 && qAbs(box.top() - 32) <= 8,
                 qPrintable(u"%1,%2"_s.arg(box.left()).arg(box.top())));
        QVERIFY(qAbs(box.width() - side) <= 16);
        QVERIFY(qAbs(box.height() - side) <= 16);
    }

    void decodesRotatedCodes_data()
    {
        QTest::addColumn<qreal>("degrees");
        for (qreal d : {0.0, 90.0, 180.0, 270.0, 20.0, -20.0, 45.0, 160.0})
            QTest::addRow("%g°", d) << d;
    }

    void decodesRotatedCodes()
    {
        QFETCH(qreal, degrees);
        const QString text = u"https://datatracker.ietf.org/meeting/122/"_s;
        const QImage canvas = rotatedOnCanvas(qrImage(text, 6), degrees);
        const QList<DecodedCode> codes = QrDecoder().decode(canvas);
        QCOMPARE(texts(codes), QStringList{text});
    }

    void decodesExactQuarterTurnsOfTheImage_data()
    {
        QTest::addColumn<int>("degrees");
        for (int d : {90, 180, 270})
            QTest::addRow("%d°", d) << d;
    }

    void decodesExactQuarterTurnsOfTheImage()
    {
        QFETCH(int, degrees);
        const QImage image = qrImage(u"quarter turn"_s, 5).transformed(QTransform().rotate(degrees));
        QCOMPARE(texts(QrDecoder().decode(image)), QStringList{u"quarter turn"_s});
    }

    void decodesSmallCodes_data()
    {
        QTest::addColumn<int>("moduleSize");
        QTest::addColumn<QSize>("canvas");
        QTest::newRow("3 px modules, tight") << 3 << QSize();
        QTest::newRow("2 px modules, tight") << 2 << QSize();
        QTest::newRow("3 px modules in 1280x720") << 3 << QSize(1280, 720);
        QTest::newRow("2 px modules in 1280x720") << 2 << QSize(1280, 720);
    }

    void decodesSmallCodes()
    {
        QFETCH(int, moduleSize);
        QFETCH(QSize, canvas);
        const QString text = u"010203040506070809"_s;
        QImage image = qrImage(text, moduleSize);
        if (canvas.isValid()) {
            QImage frame(canvas, QImage::Format_RGB32);
            frame.fill(QColor(200, 200, 190));
            QPainter p(&frame);
            p.drawImage(QPoint(canvas.width() / 3, canvas.height() / 2), image);
            p.end();
            image = frame;
        }
        QCOMPARE(texts(QrDecoder().decode(image)), QStringList{text});
    }

    void thoroughEffortReadsWhatFastMisses()
    {
        // A small (240 px), soft photo of a printed code that one ZXing pass does not read.
        const QString path = QStringLiteral(CHECKIN_SHARED_DIR "/qr-photos/qrcode-4/14.png");
        const QImage photo(path);
        if (photo.isNull())
            QSKIP(qPrintable(u"photo %1 is not available"_s.arg(path)));
        const QString text = u"Google Print Ads - T.G.I.A.F. - January 31, 2008"_s;
        QCOMPARE(QrDecoder().effort(), QrDecoder::Effort::Fast);
        QVERIFY(QrDecoder(QrDecoder::Effort::Fast).decode(photo).isEmpty());
        const QList<DecodedCode> thorough = QrDecoder(QrDecoder::Effort::Thorough).decode(photo);
        QCOMPARE(texts(thorough), QStringList{text});
        const auto fromFile = QrDecoder::decodeFile(path);
        QVERIFY2(fromFile.has_value(), why(fromFile).constData());
        QCOMPARE(texts(*fromFile), QStringList{text});
        // Corners stay in the caller's pixels whichever pass found the code.
        const QRectF box = thorough.first().position.boundingRect();
        QVERIFY2(QRectF(photo.rect()).contains(box),
                 qPrintable(u"%1 %2 %3 %4"_s.arg(box.x()).arg(box.y()).arg(box.width()).arg(box.height())));
        QVERIFY(box.width() > 100);
    }

    void readsEveryCommonPixelFormat_data()
    {
        QTest::addColumn<QImage::Format>("format");
        QTest::newRow("Grayscale8") << QImage::Format_Grayscale8;
        QTest::newRow("RGB32") << QImage::Format_RGB32;
        QTest::newRow("ARGB32") << QImage::Format_ARGB32;
        QTest::newRow("ARGB32_Premultiplied") << QImage::Format_ARGB32_Premultiplied;
        QTest::newRow("RGBX8888") << QImage::Format_RGBX8888;
        QTest::newRow("RGBA8888") << QImage::Format_RGBA8888;
        QTest::newRow("RGBA8888_Premultiplied") << QImage::Format_RGBA8888_Premultiplied;
        QTest::newRow("RGB888") << QImage::Format_RGB888;
        QTest::newRow("BGR888") << QImage::Format_BGR888;
        QTest::newRow("Indexed8") << QImage::Format_Indexed8;
        QTest::newRow("Mono") << QImage::Format_Mono;
        QTest::newRow("RGB16") << QImage::Format_RGB16;
        QTest::newRow("Grayscale16") << QImage::Format_Grayscale16;
        QTest::newRow("RGBA64") << QImage::Format_RGBA64;
    }

    void readsEveryCommonPixelFormat()
    {
        QFETCH(QImage::Format, format);
        // A coloured code (dark blue on cream) so that channel order mistakes would show.
        QImage colour = qrImage(u"pixel format"_s, 4).convertToFormat(QImage::Format_RGB32);
        for (int y = 0; y < colour.height(); ++y) {
            auto *line = reinterpret_cast<QRgb *>(colour.scanLine(y));
            for (int x = 0; x < colour.width(); ++x)
                line[x] = qGray(line[x]) < 128 ? qRgb(20, 40, 110) : qRgb(250, 240, 210);
        }
        const QImage image = colour.convertToFormat(format, Qt::ThresholdDither);
        QCOMPARE(texts(QrDecoder().decode(image)), QStringList{u"pixel format"_s});
    }

    void readsCroppedSubImageWithForeignStride()
    {
        QImage wide(1000, 400, QImage::Format_Grayscale8);
        wide.fill(0xff);
        QPainter p(&wide);
        p.drawImage(QPoint(600, 100), qrImage(u"stride"_s, 4));
        p.end();
        // A shallow view on the right half: bytesPerLine is 1000 while the width is 500.
        const uchar *start = wide.constBits() + 500;
        const QImage view(start, 500, 400, wide.bytesPerLine(), QImage::Format_Grayscale8);
        const QList<DecodedCode> codes = QrDecoder().decode(view);
        QCOMPARE(texts(codes), QStringList{u"stride"_s});
        QVERIFY(codes.first().position.boundingRect().left() < 200);
    }

    void findsEveryCodeInOneImage()
    {
        QImage canvas(1200, 600, QImage::Format_RGB32);
        canvas.fill(Qt::white);
        QPainter p(&canvas);
        p.drawImage(QPoint(60, 80), qrImage(u"first guest"_s, 8));
        p.drawImage(QPoint(700, 120), qrImage(u"second guest"_s, 7));
        p.end();
        const QList<DecodedCode> codes = QrDecoder().decode(canvas);
        QCOMPARE(texts(codes), (QStringList{u"first guest"_s, u"second guest"_s}));
        for (const DecodedCode &c : codes) {
            const bool left = c.position.boundingRect().center().x() < 600;
            QCOMPARE(left, c.text == u"first guest"_s);
        }
    }

    void findsNothingInBlankOrNullImages()
    {
        QImage white(640, 480, QImage::Format_RGB32);
        white.fill(Qt::white);
        QVERIFY(QrDecoder().decode(white).isEmpty());
        QImage grey(1280, 720, QImage::Format_Grayscale8);
        grey.fill(90);
        QVERIFY(QrDecoder().decode(grey).isEmpty());
        QVERIFY(QrDecoder().decode(QImage()).isEmpty());
    }

    void missingFileIsAClearError()
    {
        const auto result = QrDecoder::decodeFile(u"/nonexistent/photo.jpg"_s);
        QVERIFY(!result.has_value());
        QCOMPARE(result.error(), u"cannot read image /nonexistent/photo.jpg: file not found"_s);
    }

    void unreadableFilesAreClearErrors()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString notAnImage = dir.filePath(u"notes.png"_s);
        QFile f(notAnImage);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("these are meeting notes, not a picture\n");
        f.close();

        const auto garbage = QrDecoder::decodeFile(notAnImage);
        QVERIFY(!garbage.has_value());
        QVERIFY2(garbage.error().startsWith(u"cannot read image "_s + notAnImage + u": "_s),
                 qPrintable(garbage.error()));
        qInfo("%s", qPrintable(garbage.error()));

        const auto folder = QrDecoder::decodeFile(dir.path());
        QVERIFY(!folder.has_value());
        QVERIFY2(folder.error().contains(u"folder"_s), qPrintable(folder.error()));

        const auto empty = QrDecoder::decodeFile(QString());
        QVERIFY(!empty.has_value());
        QVERIFY(empty.error().contains(u"no file name"_s));
    }

    // A 48-megapixel phone photo (8064 × 6048) used to be refused as "damaged or not an image" by Qt's 128 MB
    // image limit; it is read scaled down to about 12 megapixels. So is the same picture as a PNG.
    void largePhoneCameraPhotosAreScaledDownAndRead_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("48 MP JPEG") << u"jpg"_s;
        QTest::newRow("48 MP PNG") << u"png"_s;
    }

    void largePhoneCameraPhotosAreScaledDownAndRead()
    {
        QFETCH(QString, format);
        QImage photo(8064, 6048, QImage::Format_RGB32);
        photo.fill(QColor(205, 200, 190)); // a grey-beige table top
        {
            QPainter p(&photo);
            const QImage code = qrImage(u"forty-eight megapixels"_s, 40);
            p.drawImage(QPointF(3000, 2000), code);
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(u"photo."_s + format);
        QVERIFY(photo.save(path, nullptr, 85));
        photo = QImage(); // free the 195 MB before decoding
        const auto codes = QrDecoder::decodeFile(path);
        QVERIFY2(codes.has_value(), why(codes).constData());
        QCOMPARE(texts(*codes), QStringList{u"forty-eight megapixels"_s});
    }

    // What no camera takes is refused with its size, not read: a small PNG can claim a billion pixels.
    void pictureLargerThanAnyCameraIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"huge.png"_s);
        QImage wide(20000, 4000, QImage::Format_Mono); // 80 MP, 10 MB in memory, a few KB on disk
        wide.fill(1);
        QVERIFY(wide.save(path));
        const auto refused = QrDecoder::decodeFile(path);
        QVERIFY(!refused.has_value());
        QVERIFY2(refused.error().contains(u"20000 × 4000 pixels"_s), qPrintable(refused.error()));
    }

    void fileWithoutCodesIsAnEmptyResult()
    {
        QTemporaryDir dir;
        QImage white(200, 200, QImage::Format_RGB32);
        white.fill(Qt::white);
        const QString path = dir.filePath(u"white.png"_s);
        QVERIFY(white.save(path));
        const auto codes = QrDecoder::decodeFile(path);
        QVERIFY2(codes.has_value(), why(codes).constData());
        QVERIFY(codes->isEmpty());
    }

    void transparentBackgroundFileIsRead()
    {
        // Dark modules opaque black, light modules fully transparent "black" (0,0,0,0).
        QImage code = qrImage(u"transparent"_s, 6).convertToFormat(QImage::Format_ARGB32);
        for (int y = 0; y < code.height(); ++y) {
            auto *line = reinterpret_cast<QRgb *>(code.scanLine(y));
            for (int x = 0; x < code.width(); ++x)
                line[x] = qGray(line[x]) < 128 ? qRgba(0, 0, 0, 255) : qRgba(0, 0, 0, 0);
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(u"transparent.png"_s);
        QVERIFY(code.save(path));
        const auto codes = QrDecoder::decodeFile(path);
        QVERIFY2(codes.has_value(), why(codes).constData());
        QCOMPARE(texts(*codes), QStringList{u"transparent"_s});
    }

    void oneDecoderServesSeveralThreads()
    {
        const QrDecoder decoder;
        std::atomic<int> good{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&decoder, &good, t] {
                const QString text = u"thread %1"_s.arg(t);
                const QImage image = rotatedOnCanvas(qrImage(text, 5), 15.0 * t, QSize(500, 500));
                for (int i = 0; i < 10; ++i) {
                    if (texts(decoder.decode(image)) == QStringList{text})
                        ++good;
                }
            });
        }
        for (auto &t : threads)
            t.join();
        QCOMPARE(good.load(), 40);
    }

    void clutteredNoisyCameraFrameYieldsOnlyItsCode()
    {
        // A 1280×720 camera-like frame (gradient, clutter, sensor noise): nothing found in it empty, exactly the
        // code with a slightly rotated code on it. Its speed is measured in bench/bench_scanning.cpp.
        QImage empty(1280, 720, QImage::Format_RGB32);
        {
            QPainter p(&empty);
            QLinearGradient light(0, 0, 1280, 720);
            light.setColorAt(0, QColor(60, 70, 80));
            light.setColorAt(1, QColor(200, 190, 170));
            p.fillRect(empty.rect(), light);
            QRandomGenerator rng(122);
            for (int i = 0; i < 300; ++i) {
                p.setPen(QColor::fromRgb(rng.generate() | 0xff000000));
                p.setBrush(QColor::fromRgb(rng.generate() | 0xff000000));
                p.drawRect(rng.bounded(1280), rng.bounded(720), rng.bounded(60), rng.bounded(60));
            }
            p.end();
            for (int y = 0; y < empty.height(); ++y) {
                auto *line = reinterpret_cast<QRgb *>(empty.scanLine(y));
                for (int x = 0; x < empty.width(); ++x) {
                    const int n = rng.bounded(21) - 10;
                    line[x] = qRgb(qBound(0, qRed(line[x]) + n, 255), qBound(0, qGreen(line[x]) + n, 255),
                                   qBound(0, qBlue(line[x]) + n, 255));
                }
            }
        }
        QImage withCode = empty;
        {
            QPainter p(&withCode);
            p.setRenderHint(QPainter::SmoothPixmapTransform);
            p.translate(640, 360);
            p.rotate(12);
            p.drawImage(QPoint(-150, -150), qrImage(u"123456789012345678901234567890"_s, 10).scaled(300, 300));
        }
        const QrDecoder decoder;
        QVERIFY(decoder.decode(empty).isEmpty());
        const auto codes = decoder.decode(withCode);
        QCOMPARE(codes.size(), 1);
        QCOMPARE(codes.first().text, u"123456789012345678901234567890"_s);
    }

    void realPhotosReadAtLeastAsWellAsZxing()
    {
        const QDir root(QStringLiteral(CHECKIN_SHARED_DIR "/qr-photos"));
        if (!root.exists())
            QSKIP(qPrintable(u"no photo set at %1"_s.arg(root.path())));

        struct Photo
        {
            QString path;
            QByteArray expected;
        };
        QList<Photo> photos;
        for (const QString &group : root.entryList({u"qrcode-*"_s}, QDir::Dirs, QDir::Name)) {
            const QDir dir(root.filePath(group));
            for (const QString &file : dir.entryList({u"*.png"_s, u"*.jpg"_s}, QDir::Files, QDir::Name)) {
                const QString base = file.left(file.lastIndexOf(u'.'));
                QFile txt(dir.filePath(base + u".txt"_s));
                if (!txt.open(QIODevice::ReadOnly))
                    continue; // e.g. qrcode-7's structured-append parts, which have no single expected text
                photos.append({dir.filePath(file), txt.readAll()});
            }
        }
        QVERIFY(!photos.isEmpty());

        const QrDecoder decoder(QrDecoder::Effort::Fast);
        const QrDecoder thoroughDecoder(QrDecoder::Effort::Thorough);
        int ours = 0;
        int thorough = 0;
        int direct = 0;
        int total = 0;
        std::vector<double> oursMs;
        std::vector<double> directMs;
        QStringList missedByUs;
        QElapsedTimer wall;
        wall.start();
        for (const Photo &photo : photos) {
            const QImage original(photo.path);
            QVERIFY2(!original.isNull(), qPrintable(photo.path));
            for (int degrees : {0, 90, 180, 270}) {
                const QImage image = degrees ? original.transformed(QTransform().rotate(degrees)) : original;
                ++total;

                QElapsedTimer timer;
                timer.start();
                const QList<DecodedCode> codes = decoder.decode(image);
                oursMs.push_back(timer.nsecsElapsed() / 1e6);
                const auto exact = [&](const QList<DecodedCode> &found) {
                    return std::any_of(found.cbegin(), found.cend(),
                                       [&](const DecodedCode &c) { return c.text.toUtf8() == photo.expected; });
                };
                const bool oursOk = exact(codes);
                const bool thoroughOk = oursOk || exact(thoroughDecoder.decode(image));

                timer.restart();
                const ZXing::Results results = readWithZxingDirectly(image);
                directMs.push_back(timer.nsecsElapsed() / 1e6);
                const bool directOk = std::any_of(results.cbegin(), results.cend(), [&](const ZXing::Result &r) {
                    return r.isValid() && QByteArray::fromStdString(r.text()) == photo.expected;
                });

                ours += oursOk;
                thorough += thoroughOk;
                direct += directOk;
                if (directOk && !(oursOk && thoroughOk))
                    missedByUs.append(u"%1 @%2°"_s.arg(QDir(root).relativeFilePath(photo.path)).arg(degrees));
            }
        }
        qInfo("real photos (%d files × 4 rotations): exact reads — QrDecoder Fast %d, QrDecoder Thorough %d, "
              "ZXing-C++ direct %d of %d (%.1f s in all)",
              int(photos.size()), ours, thorough, direct, total, wall.elapsed() / 1000.0);
        qInfo("median per image: QrDecoder Fast %.2f ms, ZXing-C++ direct (incl. RGB copy) %.2f ms", median(oursMs),
              median(directMs));
        QVERIFY2(missedByUs.isEmpty(), qPrintable(u"read by ZXing but not by us: "_s + missedByUs.join(u", "_s)));
        QVERIFY(ours >= direct);
        QVERIFY(thorough >= ours);
    }
};

QTEST_MAIN(TestQrDecoder)
#include "tst_qrdecoder.moc"
