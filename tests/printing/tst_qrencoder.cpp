#include "printing/qrencoder.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <ZXing/ReadBarcode.h>

using namespace Qt::StringLiterals;
using checkin::QrEncoder;
using checkin::QrErrorCorrection;
using checkin::QrMatrix;

namespace {

// Reads the image back with ZXing in "pure" mode (a clean, axis-aligned symbol).
ZXing::Result readBack(const QImage &image)
{
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(grey.constBits(), grey.width(), grey.height(), ZXing::ImageFormat::Lum,
                                int(grey.bytesPerLine()));
    return ZXing::ReadBarcode(view, ZXing::DecodeHints().setFormats(ZXing::BarcodeFormat::QRCode));
}

// The failure text of an expected, safe to evaluate when it holds a value (QVERIFY2 always evaluates it).
template<typename Expected>
QByteArray why(const Expected &e)
{
    return e.has_value() ? QByteArray() : e.error().toUtf8();
}

} // namespace

class TestQrEncoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shortTextFitsVersionOne()
    {
        const auto m = QrEncoder::encode(u"HELLO"_s);
        QVERIFY2(m.has_value(), why(m).constData());
        QCOMPARE(m->size, 21);
        QCOMPARE(m->version(), 1);
        QCOMPARE(m->modules.size(), 21 * 21);
        // Finder pattern corners are dark, the separator beside them light; outside the symbol is light.
        QVERIFY(m->at(0, 0));
        QVERIFY(m->at(20, 0));
        QVERIFY(m->at(0, 20));
        QVERIFY(!m->at(7, 0));
        QVERIFY(!m->at(-1, 0));
        QVERIFY(!m->at(21, 5));
        QVERIFY(!QrMatrix().at(0, 0));
        QCOMPARE(QrMatrix().version(), 0);
    }

    void invitationTokenFitsVersionSeven()
    {
        // Invitation tokens are designed as at most 178 decimal digits: version ≤ 7 (≤ 45 modules) at level M.
        QString digits;
        for (int i = 0; i < 178; ++i)
            digits.append(QChar(u'0' + (i * 7 + 3) % 10));
        const auto m = QrEncoder::encode(digits, QrErrorCorrection::M);
        QVERIFY2(m.has_value(), why(m).constData());
        qInfo("178 digits at level M: version %d, %d modules", m->version(), m->size);
        QVERIFY(m->version() >= 1);
        QVERIFY(m->version() <= 7);
        QVERIFY(m->size <= 45);
        QCOMPARE(QString::fromStdString(readBack(QrEncoder::toImage(*m, 4)).text()), digits);
    }

    void errorCorrectionLevelIsHonoured_data()
    {
        QTest::addColumn<QrErrorCorrection>("ecc");
        QTest::addColumn<QString>("expected");
        QTest::newRow("L") << QrErrorCorrection::L << u"L"_s;
        QTest::newRow("M") << QrErrorCorrection::M << u"M"_s;
        QTest::newRow("Q") << QrErrorCorrection::Q << u"Q"_s;
        QTest::newRow("H") << QrErrorCorrection::H << u"H"_s;
    }

    void errorCorrectionLevelIsHonoured()
    {
        QFETCH(QrErrorCorrection, ecc);
        QFETCH(QString, expected);
        const QString text = u"https://www.ietf.org/policymakers/"_s;
        const auto m = QrEncoder::encode(text, ecc);
        QVERIFY2(m.has_value(), why(m).constData());
        const ZXing::Result r = readBack(QrEncoder::toImage(*m, 4));
        QVERIFY(r.isValid());
        QCOMPARE(QString::fromStdString(r.text()), text);
        QCOMPARE(QString::fromStdString(r.ecLevel()), expected);
    }

    void higherLevelsNeverShrinkTheSymbol()
    {
        const QString text = u"IETF Policymaker Program invitation 0123456789"_s;
        int previous = 0;
        for (auto ecc : {QrErrorCorrection::L, QrErrorCorrection::M, QrErrorCorrection::Q, QrErrorCorrection::H}) {
            const auto m = QrEncoder::encode(text, ecc);
            QVERIFY2(m.has_value(), why(m).constData());
            QVERIFY(m->size >= previous);
            previous = m->size;
        }
    }

    void nonAsciiTextRoundTrips_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("vietnamese") << u"Nguyễn Thị Minh Khai"_s;
        QTest::newRow("cyrillic") << u"Ольга Смирнова"_s;
        QTest::newRow("latin-1") << u"Zoë Ångström"_s;
        QTest::newRow("cjk") << u"王小明"_s;
        QTest::newRow("arabic") << u"محمد بن سلمان"_s;
    }

    void nonAsciiTextRoundTrips()
    {
        QFETCH(QString, text);
        const auto m = QrEncoder::encode(text);
        QVERIFY2(m.has_value(), why(m).constData());
        QCOMPARE(QString::fromStdString(readBack(QrEncoder::toImage(*m, 4)).text()), text);
    }

    void emptyTextIsAnError()
    {
        const auto m = QrEncoder::encode(QString());
        QVERIFY(!m.has_value());
        QVERIFY(m.error().contains(u"empty"_s));
    }

    void tooLongTextIsAnError()
    {
        const auto m = QrEncoder::encode(QString(8000, u'x'), QrErrorCorrection::H);
        QVERIFY(!m.has_value());
        QVERIFY2(m.error().contains(u"8000"_s), qPrintable(m.error())); // m holds an error here
    }

    void imageHasQuietZoneAndModuleSize()
    {
        const auto m = QrEncoder::encode(u"quiet"_s);
        QVERIFY(m.has_value());
        const QImage image = QrEncoder::toImage(*m, 5, 4);
        QCOMPARE(image.format(), QImage::Format_Grayscale8);
        QCOMPARE(image.width(), (m->size + 8) * 5);
        QCOMPARE(image.height(), image.width());
        // Quiet zone light, top-left finder module dark across its whole 5×5 pixel block.
        for (int i = 0; i < 20; ++i) {
            QCOMPARE(qGray(image.pixel(i, i)), 255);
            QCOMPARE(qGray(image.pixel(image.width() - 1 - i, i)), 255);
        }
        for (int y = 20; y < 25; ++y)
            for (int x = 20; x < 25; ++x)
                QCOMPARE(qGray(image.pixel(x, y)), 0);
        QVERIFY(QrEncoder::toImage(QrMatrix()).isNull());
        QVERIFY(QrEncoder::toImage(*m, 0).isNull());
    }

    void pngIsWrittenAtomicallyAndReadsBack()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"token.png"_s);
        const auto m = QrEncoder::encode(u"0123456789012345678901234567890123456789"_s);
        QVERIFY(m.has_value());
        const auto written = QrEncoder::writePng(*m, path, 6);
        QVERIFY2(written.has_value(), why(written).constData());

        const QImage image(path);
        QCOMPARE(image.width(), (m->size + 8) * 6);
        QCOMPARE(QString::fromStdString(readBack(image).text()), u"0123456789012345678901234567890123456789"_s);
        // Only the final file remains: the temporary file was renamed into place.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"token.png"_s});

        // Overwriting keeps a complete file too.
        const auto other = QrEncoder::encode(u"second"_s);
        QVERIFY(other.has_value());
        QVERIFY(QrEncoder::writePng(*other, path).has_value());
        QCOMPARE(QString::fromStdString(readBack(QImage(path)).text()), u"second"_s);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);
    }

    void pngWriteFailuresAreReported()
    {
        const auto m = QrEncoder::encode(u"x"_s);
        QVERIFY(m.has_value());

        // A missing folder is made (saveFile); one that cannot be, because a file has its name, is an error.
        QTemporaryDir dir;
        QFile blocker(dir.filePath(u"not-a-folder"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QString underAFile = blocker.fileName() + u"/qr.png"_s;
        const auto noDir = QrEncoder::writePng(*m, underAFile);
        QVERIFY(!noDir.has_value());
        QVERIFY2(!noDir.has_value() && noDir.error().startsWith(u"cannot write QR image "_s + underAFile),
                 why(noDir).constData());
        QVERIFY2(noDir.error().contains(u"cannot be created"_s), qPrintable(noDir.error()));
        const QString made = dir.filePath(u"new/folder/qr.png"_s);
        QVERIFY2(QrEncoder::writePng(*m, made).has_value() && QFile::exists(made), qPrintable(made));

        const auto empty = QrEncoder::writePng(QrMatrix(), u"unused.png"_s);
        QVERIFY(!empty.has_value());
        QVERIFY(empty.error().contains(u"empty"_s));

        const auto badSize = QrEncoder::writePng(*m, u"unused.png"_s, 0);
        QVERIFY(!badSize.has_value());
        QVERIFY(!QFileInfo::exists(u"unused.png"_s));
    }
};

QTEST_GUILESS_MAIN(TestQrEncoder)
#include "tst_qrencoder.moc"
