#include "printing/hpdfdocument.h"
#include "printing/invitationpdf.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <ZXing/ReadBarcode.h>

#include <algorithm>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using checkin::InvitationData;
using checkin::InvitationPdf;

namespace {

template<typename Expected>
QByteArray why(const Expected &e)
{
    return e.has_value() ? QByteArray() : e.error().toUtf8();
}

// A token shaped like the real ones: 178 decimal digits.
QString sampleToken()
{
    QString digits;
    for (int i = 0; i < 178; ++i)
        digits.append(QChar(u'0' + (i * 7 + i / 5 + 3) % 10));
    return digits;
}

InvitationData sampleInvitation(const QString &name = u"Nguyễn Thị Minh Khai"_s)
{
    InvitationData d;
    d.eventNumber = 122;
    d.eventName = u"IETF 122"_s;
    d.eventCity = u"Bangkok"_s;
    d.firstDay = QDate(2026, 11, 2);
    d.lastDay = QDate(2026, 11, 5);
    d.guestName = name;
    d.guestLatinName = u"Nguyen Thi Minh Khai"_s;
    d.organisation = u"Ministry of Science and Technology"_s;
    d.token = sampleToken();
    return d;
}

// Runs a poppler tool and returns its standard output; fails the test on error.
QByteArray run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning("%s %s failed: %s", qPrintable(program), qPrintable(args.join(u' ')),
                 p.readAllStandardError().constData());
        return {};
    }
    return p.readAllStandardOutput();
}

struct Word
{
    QString text;
    QRectF box;
};

QList<Word> wordsWithBoxes(const QString &pdfPath)
{
    const QByteArray xml = run(u"pdftotext"_s, {u"-bbox"_s, u"-enc"_s, u"UTF-8"_s, pdfPath, u"-"_s});
    QList<Word> words;
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::StartElement && reader.name() == u"word"_s) {
            const auto a = reader.attributes();
            const QPointF topLeft(a.value(u"xMin"_s).toDouble(), a.value(u"yMin"_s).toDouble());
            const QPointF bottomRight(a.value(u"xMax"_s).toDouble(), a.value(u"yMax"_s).toDouble());
            words.append({reader.readElementText(), QRectF(topLeft, bottomRight)});
        }
    }
    return words;
}

// Text without white space. The name's glyphs are outlines with an invisible Type 3 text layer;
// poppler guesses a Type 3 font's size from its glyph widths, and its line grouping of such text can
// split a name over lines: what the page says, in order, is what counts.
QString squeezed(QString text)
{
    text.remove(QRegularExpression(u"[\u202A-\u202E]"_s));
    return text.remove(QRegularExpression(u"\\s+"_s));
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

class TestInvitationPdf : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // Renders the invitation into the temporary folder (and into $CHECKIN_KEEP_PDF_DIR for eyeballing).
    QString renderToFile(const InvitationData &data, const QString &name)
    {
        const auto pdf = InvitationPdf::render(data);
        if (!pdf) {
            qWarning("render failed: %s", qPrintable(pdf.error()));
            return {};
        }
        const QString path = m_dir.filePath(name + u".pdf"_s);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(*pdf) != pdf->size())
            return {};
        f.close();
        if (const QString keep = qEnvironmentVariable("CHECKIN_KEEP_PDF_DIR"); !keep.isEmpty())
            QFile::copy(path, QDir(keep).filePath(name + u".pdf"_s));
        return path;
    }

    QString text(const QString &pdfPath)
    {
        return QString::fromUtf8(run(u"pdftotext"_s, {u"-enc"_s, u"UTF-8"_s, pdfPath, u"-"_s}));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        for (const QString &tool : {u"pdftotext"_s, u"pdfinfo"_s, u"pdftoppm"_s, u"pdfimages"_s}) {
            if (QStandardPaths::findExecutable(tool).isEmpty())
                QSKIP(qPrintable(tool + u" not found: install the Debian package poppler-utils"_s));
        }
    }

    void isOneA4Page()
    {
        const QString path = renderToFile(sampleInvitation(), u"a4"_s);
        QVERIFY(!path.isEmpty());
        const QString info = QString::fromUtf8(run(u"pdfinfo"_s, {path}));
        QVERIFY2(info.contains(u"Pages:           1\n"_s), qPrintable(info));
        QVERIFY2(info.contains(u"Page size:       595.276 x 841.89 pts (A4)"_s), qPrintable(info));
        QVERIFY2(info.contains(u"Creator:         ietf-checkin"_s), qPrintable(info));
        QVERIFY2(info.contains(u"Title:           IETF 122 Policymaker Program invitation"_s), qPrintable(info));
    }

    void showsEventProgrammeAndGuest_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("vietnamese") << u"Nguyễn Thị Minh Khai"_s;
        QTest::newRow("cyrillic") << u"Ольга Смирнова"_s;
        QTest::newRow("greek") << u"Αλέξανδρος Παπαδόπουλος"_s;
        QTest::newRow("latin") << u"Zoë Ångström-Ørsted"_s;
    }

    void showsEventProgrammeAndGuest()
    {
        QFETCH(QString, name);
        const QString path = renderToFile(sampleInvitation(name),
                                          u"guest-"_s + QString::fromLatin1(QTest::currentDataTag()));
        QVERIFY(!path.isEmpty());
        const QString t = text(path);
        QVERIFY2(squeezed(t).contains(squeezed(name)), qPrintable(t));
        QVERIFY(t.contains(u"IETF 122"_s));
        QVERIFY(t.contains(u"Bangkok"_s));
        QVERIFY(t.contains(u"2–5 November 2026"_s));
        QVERIFY(t.contains(u"Policymaker Program — Invitation"_s));
        QVERIFY(t.contains(u"Ministry of Science and Technology"_s));
        QVERIFY(t.contains(u"Show this code at a check-in kiosk."_s));
        QVERIFY(t.contains(u"The code contains no personal data."_s));
        QVERIFY(!t.contains(sampleToken().left(20))); // the token is only in the QR code
    }

    void decomposedNameIsPrintedComposed()
    {
        // "Nguyễn" typed with combining marks (NFD) must come out as the precomposed letters.
        const QString nfd = u"Nguye\u0302\u0303n Va\u0306n An"_s;
        const QString path = renderToFile(sampleInvitation(nfd), u"nfd"_s);
        QVERIFY(!path.isEmpty());
        QVERIFY(text(path).contains(u"Nguyễn Văn An"_s));
    }

    void namesPrintInTheirOwnScriptWithTheLatinNameBelow_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("latin");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QStringList>("absent");
        QTest::newRow("arabic") << u"محمد بن راشد"_s << u"Mohammed bin Rashid"_s
                                << QStringList{u"محمد"_s, u"بن"_s, u"راشد"_s, u"Mohammed bin Rashid"_s}
                                << QStringList();
        QTest::newRow("chinese") << u"王小明"_s << u"Wang Xiaoming"_s << QStringList{u"王小明"_s, u"Wang Xiaoming"_s}
                                 << QStringList();
        QTest::newRow("thai") << u"สมชาย ใจดี"_s << u"Somchai Jaidee"_s
                              << QStringList{u"สมชาย ใจดี"_s, u"Somchai Jaidee"_s} << QStringList();
        QTest::newRow("hindi") << u"प्रिया शर्मा"_s << u"Priya Sharma"_s
                               << QStringList{u"प्रिया शर्मा"_s, u"Priya Sharma"_s} << QStringList();
        QTest::newRow("vietnamese") << u"Nguyễn Thị Minh Khai"_s << u"Nguyen Thi Minh Khai"_s
                                    << QStringList{u"Nguyễn Thị Minh Khai"_s} << QStringList{u"Nguyen Thi"_s};
        QTest::newRow("emoji") << u"Ana 🌍"_s << u"Ana"_s << QStringList{u"Ana"_s} << QStringList();
        QTest::newRow("direction override") << u"Ana \u202Eavlis\u202C\u200B"_s << QString()
                                            << QStringList{u"Ana avlis"_s} << QStringList{u"\u202E"_s, u"\u200B"_s};
        QTest::newRow("no latin name") << u"王小明"_s << QString() << QStringList{u"王小明"_s} << QStringList();
        QTest::newRow("no name at all") << QString() << QString() << QStringList{u"Guest"_s} << QStringList();
        QTest::newRow("latin name only") << QString() << u"Kim Min-jun"_s << QStringList{u"Kim Min-jun"_s}
                                         << QStringList();
    }

    void namesPrintInTheirOwnScriptWithTheLatinNameBelow()
    {
        QFETCH(QString, name);
        QFETCH(QString, latin);
        QFETCH(QStringList, expected);
        QFETCH(QStringList, absent);
        InvitationData d = sampleInvitation(name);
        d.guestLatinName = latin;
        const QString path = renderToFile(d, u"name-"_s
                                                 + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
        QVERIFY(!path.isEmpty());
        const QString raw = text(path);
        for (const QString &e : expected)
            QVERIFY2(squeezed(raw).contains(squeezed(e)), qPrintable(raw));
        for (const QString &a : absent)
            QVERIFY2(!raw.contains(a), qPrintable(raw));
    }

    void longNameShrinksToFitThePage()
    {
        const QString ninety =
            u"Maximiliana Wilhelmina Konstantinopoulou-Vanderbilt de la Cruz y Montenegro Abernathy Lowe"_s;
        QCOMPARE(ninety.size(), 90);
        InvitationData d = sampleInvitation(ninety);
        d.organisation =
            u"Directorate-General for Communications Networks, Content and Technology of the European Commission"_s;
        const QString path = renderToFile(d, u"long-name"_s);
        QVERIFY(!path.isEmpty());

        const QList<Word> words = wordsWithBoxes(path);
        QVERIFY(!words.isEmpty());
        const qreal margin = 22 * 72 / 25.4;
        for (const Word &w : words) {
            QVERIFY2(w.box.left() >= margin - 1 && w.box.right() <= 595.276 - margin + 1,
                     qPrintable(u"%1 at %2…%3"_s.arg(w.text).arg(w.box.left()).arg(w.box.right())));
            QVERIFY(w.box.top() >= 0 && w.box.bottom() <= 841.89);
        }
        // Every part of the name is printed (a line may end after the hyphen of a double name).
        QStringList printed;
        for (const Word &w : words)
            printed += w.text.split(u'-', Qt::SkipEmptyParts);
        for (const QString &part : ninety.split(QRegularExpression(u"[ -]"_s)))
            QVERIFY2(printed.contains(part), qPrintable(part));
        // Large enough to read as a name: the words are at least 14 pt tall.
        const auto nameWord = std::find_if(words.cbegin(), words.cend(),
                                           [](const Word &w) { return w.text == u"Maximiliana"_s; });
        QVERIFY(nameWord != words.cend());
        QVERIFY2(nameWord->box.height() >= 14, qPrintable(QString::number(nameWord->box.height())));
    }

    void formatsEventDays_data()
    {
        QTest::addColumn<QDate>("first");
        QTest::addColumn<QDate>("last");
        QTest::addColumn<QString>("expected");
        QTest::newRow("same month") << QDate(2026, 11, 2) << QDate(2026, 11, 5) << u"2–5 November 2026"_s;
        QTest::newRow("across months") << QDate(2026, 10, 30) << QDate(2026, 11, 2)
                                       << u"30 October – 2 November 2026"_s;
        QTest::newRow("across years") << QDate(2026, 12, 30) << QDate(2027, 1, 2)
                                      << u"30 December 2026 – 2 January 2027"_s;
        QTest::newRow("one day") << QDate(2026, 11, 5) << QDate(2026, 11, 5) << u"5 November 2026"_s;
        QTest::newRow("no last day") << QDate(2026, 11, 5) << QDate() << u"5 November 2026"_s;
    }

    void formatsEventDays()
    {
        QFETCH(QDate, first);
        QFETCH(QDate, last);
        QFETCH(QString, expected);
        InvitationData d = sampleInvitation();
        d.firstDay = first;
        d.lastDay = last;
        const QString path = renderToFile(d, u"days"_s);
        QVERIFY(!path.isEmpty());
        const QString t = text(path);
        QVERIFY2(t.contains(expected), qPrintable(t));
    }

    void eventNameFallsBackToNumber()
    {
        InvitationData d = sampleInvitation();
        d.eventName.clear();
        d.eventNumber = 125;
        const QString path = renderToFile(d, u"event-number"_s);
        QVERIFY(!path.isEmpty());
        QVERIFY(text(path).contains(u"IETF 125"_s));
    }

    void qrCodeIsVectorAndDecodesToTheToken()
    {
        const InvitationData d = sampleInvitation();
        const QString path = renderToFile(d, u"qr"_s);
        QVERIFY(!path.isEmpty());

        // No raster images in the file: the QR code is drawn as filled rectangles.
        const QString images = QString::fromUtf8(run(u"pdfimages"_s, {u"-list"_s, path}));
        QCOMPARE(images.trimmed().split(u'\n').size(), 2); // header lines only

        const QString prefix = m_dir.filePath(u"qr-page"_s);
        run(u"pdftoppm"_s, {u"-png"_s, u"-r"_s, u"150"_s, u"-singlefile"_s, path, prefix});
        const QImage page(prefix + u".png"_s);
        QVERIFY(!page.isNull());
        QVERIFY(qAbs(page.width() - 1240) <= 1); // A4 at 150 dpi
        const QImage grey = page.convertToFormat(QImage::Format_Grayscale8);
        const ZXing::ImageView view(grey.constBits(), grey.width(), grey.height(), ZXing::ImageFormat::Lum,
                                    int(grey.bytesPerLine()));
        const ZXing::Results results = ZXing::ReadBarcodes(
            view, ZXing::DecodeHints().setFormats(ZXing::BarcodeFormat::QRCode).setTryHarder(true));
        QCOMPARE(int(results.size()), 1);
        QCOMPARE(QString::fromStdString(results.front().text()), d.token);

        // About 50 mm wide: measure the symbol's corners at 150 dpi (59.06 px per cm).
        const auto &pos = results.front().position();
        const double widthMm = (pos.topRight().x - pos.topLeft().x) / 150.0 * 25.4;
        qInfo("QR symbol on paper: %.1f mm wide (finder-pattern corners)", widthMm);
        QVERIFY(widthMm > 40 && widthMm < 60);
    }

    void missingTokenIsAnError()
    {
        InvitationData d = sampleInvitation();
        d.token.clear();
        const auto pdf = InvitationPdf::render(d);
        QVERIFY(!pdf.has_value());
        QVERIFY2(pdf.error().startsWith(u"cannot create the invitation PDF: "_s), qPrintable(pdf.error()));
        QVERIFY(pdf.error().contains(u"token"_s));
    }

    void missingFontNamesTheDebianPackage()
    {
        const auto found = checkin::pdf::findFontFile(u"NotoSans-Regular.ttf"_s, u"fonts-noto-core"_s);
        QVERIFY2(found.has_value(), why(found).constData());
        QVERIFY(found->endsWith(u"/NotoSans-Regular.ttf"_s));

        const auto missing = checkin::pdf::findFontFile(u"NotoSans-Nonexistent.ttf"_s, u"fonts-noto-core"_s);
        QVERIFY(!missing.has_value());
        QVERIFY2(missing.error().contains(u"NotoSans-Nonexistent.ttf"_s), qPrintable(missing.error()));
        QVERIFY2(missing.error().contains(u"install the Debian package fonts-noto-core"_s),
                 qPrintable(missing.error()));
    }

    void libharuErrorsBecomeMessages()
    {
        checkin::pdf::HpdfDocument doc;
        QVERIFY(doc.begin().has_value());
        const auto font = doc.trueTypeFont(u"/nonexistent/NotoSans-Regular.ttf"_s);
        QVERIFY(!font.has_value());
        QVERIFY2(font.error().startsWith(u"loading font /nonexistent/NotoSans-Regular.ttf: cannot open the file"_s),
                 qPrintable(font.error()));
        // The error was consumed: the document carries on.
        QVERIFY(doc.check(u"after").has_value());
    }

    void rendersAreRepeatableAndFast()
    {
        // Fonts stay loaded between documents on this thread; the output must not depend on it.
        const InvitationData d = sampleInvitation();
        const auto first = InvitationPdf::render(d);
        QVERIFY2(first.has_value(), why(first).constData());
        std::vector<double> ms;
        for (int i = 0; i < 20; ++i) {
            QElapsedTimer timer;
            timer.start();
            const auto again = InvitationPdf::render(d);
            ms.push_back(timer.nsecsElapsed() / 1e6);
            QVERIFY2(again.has_value(), why(again).constData());
            QCOMPARE(*again, *first);
        }
        qInfo("invitation PDF: %lld bytes, median %.1f ms per render with fonts already loaded",
              qlonglong(first->size()), median(ms));

        // A fresh thread loads the fonts itself and produces the same bytes.
        std::vector<double> firstRenderMs;
        QByteArray fromThread;
        std::thread worker([&] {
            QElapsedTimer timer;
            timer.start();
            const auto pdf = InvitationPdf::render(d);
            firstRenderMs.push_back(timer.nsecsElapsed() / 1e6);
            if (pdf)
                fromThread = *pdf;
        });
        worker.join();
        qInfo("first render on a new thread (fonts loaded): %.1f ms", firstRenderMs.front());
        QCOMPARE(fromThread, *first);
    }

    void rendersConcurrentlyOnSeveralThreads()
    {
        std::vector<std::thread> threads;
        std::vector<QByteArray> results(4);
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([t, &results] {
                for (int i = 0; i < 5; ++i) {
                    const auto pdf = InvitationPdf::render(sampleInvitation(u"Ольга Смирнова %1"_s.arg(t)));
                    if (pdf && pdf->startsWith("%PDF-"))
                        results[t] = *pdf;
                }
            });
        }
        for (auto &t : threads)
            t.join();
        for (const QByteArray &r : results)
            QVERIFY(r.startsWith("%PDF-") && r.trimmed().endsWith("%%EOF"));
    }
};

QTEST_GUILESS_MAIN(TestInvitationPdf)
#include "tst_invitationpdf.moc"
