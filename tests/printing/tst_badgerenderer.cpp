#include "printing/badgerenderer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <ZXing/ReadBarcode.h>

#include <algorithm>
#include <cmath>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using checkin::BadgeBox;
using checkin::BadgeData;
using checkin::BadgeElementType;
using checkin::BadgeLayout;
using checkin::BadgeRenderer;

namespace {

template<typename Expected>
QByteArray why(const Expected &e)
{
    return e.has_value() ? QByteArray() : e.error().toUtf8();
}

// A token shaped like the real ones: 178 decimal digits.
QString sampleToken(int seed = 0)
{
    QString digits;
    for (int i = 0; i < 178; ++i)
        digits.append(QChar(u'0' + (i * 7 + i / 5 + 3 + seed) % 10));
    return digits;
}

struct Guest
{
    const char *tag;
    QString given;
    QString display;
    QString latin;
    QString language;
};

// A name in every script a guest list can hold, and the 90-character Latin name.
const QList<Guest> &guests()
{
    static const QList<Guest> list{
        {"vietnamese", u"Khai"_s, u"Nguyễn Thị Minh Khai"_s, u"Nguyen Thi Minh Khai"_s, u"vi"_s},
        {"russian", u"Ольга"_s, u"Ольга Смирнова"_s, u"Olga Smirnova"_s, u"ru"_s},
        {"japanese", u"太郎"_s, u"山田太郎"_s, u"Yamada Taro"_s, u"ja"_s},
        {"korean", u"민준"_s, u"김민준"_s, u"Kim Min-jun"_s, u"ko"_s},
        {"arabic", u"ليلى"_s, u"ليلى حسن"_s, u"Layla Hassan"_s, u"ar"_s},
        {"hebrew", u"שרה"_s, u"שרה כהן"_s, u"Sarah Cohen"_s, u"he"_s},
        {"thai", u"สมชาย"_s, u"สมชาย ใจดี"_s, u"Somchai Jaidee"_s, u"th"_s},
        {"devanagari", u"अमित"_s, u"अमित शर्मा"_s, u"Amit Sharma"_s, u"hi"_s},
        {"bengali", u"রহিম"_s, u"রহিম আহমেদ"_s, u"Rahim Ahmed"_s, u"bn"_s},
        {"tamil", u"கார்த்திக்"_s, u"கார்த்திக் சுப்பிரமணியன்"_s, u"Karthik Subramanian"_s, u"ta"_s},
        {"amharic", u"አበበ"_s, u"አበበ ቢቂላ"_s, u"Abebe Bikila"_s, u"am"_s},
        {"georgian", u"ნინო"_s, u"ნინო ბერიძე"_s, u"Nino Beridze"_s, u"ka"_s},
        {"armenian", u"Արամ"_s, u"Արամ Պետրոսյան"_s, u"Aram Petrosyan"_s, u"hy"_s},
        {"khmer", u"សុភា"_s, u"សុខ សុភា"_s, u"Sok Sophea"_s, u"km"_s},
        {"sinhala", u"චමරි"_s, u"චමරි පෙරේරා"_s, u"Chamari Perera"_s, u"si"_s},
        {"myanmar", u"မောင်မောင်"_s, u"မောင်မောင်"_s, u"Maung Maung"_s, u"my"_s},
        {"latin-90", u"Maximiliana Wilhelmina"_s,
         u"Maximiliana Wilhelmina Konstantinopoulou-Vanderbilt de la Cruz y Montenegro Abernathy Lowe"_s, QString(),
         u"en"_s},
    };
    return list;
}

BadgeData badgeFor(const Guest &g, const QString &role = u"policymaker"_s)
{
    BadgeData d;
    d.givenName = g.given;
    d.displayName = g.display;
    d.latinName = g.latin;
    d.language = g.language;
    d.organisation =
        u"Directorate-General for Communications Networks, Content and Technology of the European Commission"_s;
    d.countryCode = u"BE"_s;
    d.role = role;
    d.eventName = u"IETF 125 Shenzhen"_s;
    d.eventDates = u"14–20 March 2026"_s;
    d.token = sampleToken();
    return d;
}

struct ToolResult
{
    int exitCode = -1;
    QByteArray out;
};

ToolResult runTool(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit)
        return {};
    return {p.exitCode(), p.readAllStandardOutput()};
}

// pdftotext's text without the bidi embedding marks it adds around right-to-left runs, NFC.
QString extractedText(const QString &pdfPath)
{
    QString text = QString::fromUtf8(runTool(u"pdftotext"_s, {u"-enc"_s, u"UTF-8"_s, pdfPath, u"-"_s}).out);
    text.remove(QRegularExpression(u"[\u202A-\u202E]"_s));
    return text.normalized(QString::NormalizationForm_C);
}

// Text without white space or hyphens: a name wrapped over lines still matches (pdftotext joins a
// word hyphenated at a line end without its hyphen).
QString squeezed(QString text)
{
    return text.remove(QRegularExpression(u"[\\s-]+"_s));
}

// What pdftotext reads inside a rectangle of the page (mm from the top-left corner), bidi marks removed.
// Reading one element's area keeps poppler's reading-order guesses for the rest of the page out of it.
QString extractedTextIn(const QString &pdfPath, const QRectF &mm)
{
    const QRectF pt(mm.topLeft() * (72.0 / 25.4), mm.size() * (72.0 / 25.4));
    const QStringList args{u"-r"_s,   u"72"_s,
                           u"-x"_s,   QString::number(int(std::floor(pt.x()))),
                           u"-y"_s,   QString::number(int(std::floor(pt.y()))),
                           u"-W"_s,   QString::number(int(std::ceil(pt.width())) + 1),
                           u"-H"_s,   QString::number(int(std::ceil(pt.height())) + 1),
                           u"-enc"_s, u"UTF-8"_s,
                           pdfPath,   u"-"_s};
    QString text = QString::fromUtf8(runTool(u"pdftotext"_s, args).out);
    text.remove(QRegularExpression(u"[\u202A-\u202E]"_s));
    return text.normalized(QString::NormalizationForm_C);
}

// pdfinfo's "Pages" and the first page's size in points.
struct PdfInfo
{
    int pages = 0;
    QSizeF sizePt;
};

PdfInfo pdfInfo(const QString &pdfPath)
{
    const QString info = QString::fromUtf8(runTool(u"pdfinfo"_s, {pdfPath}).out);
    PdfInfo result;
    const auto pages = QRegularExpression(u"Pages:\\s+(\\d+)"_s).match(info);
    if (pages.hasMatch())
        result.pages = pages.captured(1).toInt();
    const auto size = QRegularExpression(u"Page size:\\s+([\\d.]+) x ([\\d.]+) pts"_s).match(info);
    if (size.hasMatch())
        result.sizePt = QSizeF(size.captured(1).toDouble(), size.captured(2).toDouble());
    return result;
}

QSizeF mmToPt(QSizeF mm)
{
    return mm * (72.0 / 25.4);
}

bool sameSize(QSizeF a, QSizeF b)
{
    return std::abs(a.width() - b.width()) < 0.01 && std::abs(a.height() - b.height()) < 0.01;
}

// Every QR code ZXing finds on the first page rendered at `dpi`.
ZXing::Results decodePage(const QString &pdfPath, int dpi)
{
    const QString prefix = pdfPath + u".qr"_s + QString::number(dpi);
    runTool(u"pdftoppm"_s, {u"-png"_s, u"-r"_s, QString::number(dpi), u"-singlefile"_s, pdfPath, prefix});
    const QImage grey = QImage(prefix + u".png"_s).convertToFormat(QImage::Format_Grayscale8);
    if (grey.isNull())
        return {};
    const ZXing::ImageView view(grey.constBits(), grey.width(), grey.height(), ZXing::ImageFormat::Lum,
                                int(grey.bytesPerLine()));
    return ZXing::ReadBarcodes(view, ZXing::DecodeHints().setFormats(ZXing::BarcodeFormat::QRCode).setTryHarder(true));
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

class TestBadgeRenderer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QHash<QString, std::shared_ptr<BadgeRenderer>> m_renderers; // one per layout, kept like a print worker does

    BadgeRenderer &renderer(const QString &layoutName)
    {
        auto &r = m_renderers[layoutName];
        if (!r) {
            const auto layout = BadgeLayout::builtIn(layoutName);
            if (!layout)
                qFatal("%s", qPrintable(layout.error()));
            r = std::make_shared<BadgeRenderer>(*layout);
        }
        return *r;
    }

    // Writes the PDF into the temporary folder (and a copy into $CHECKIN_KEEP_PDF_DIR for eyeballing).
    QString save(const QByteArray &pdf, const QString &name)
    {
        const QString path = m_dir.filePath(name + u".pdf"_s);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(pdf) != pdf.size())
            return {};
        f.close();
        if (const QString keep = qEnvironmentVariable("CHECKIN_KEEP_PDF_DIR"); !keep.isEmpty()) {
            QDir().mkpath(keep);
            QFile::remove(QDir(keep).filePath(name + u".pdf"_s));
            QFile::copy(path, QDir(keep).filePath(name + u".pdf"_s));
        }
        return path;
    }

    // The boxes the renderer reported must all lie inside the card, in the safe margin for content,
    // and no two text lines or a text line and the QR code may overlap.
    void verifyNothingLeavesTheCardOrCollides(const QList<BadgeBox> &boxes, const BadgeLayout &layout)
    {
        const QRectF card(QPointF(0, 0), layout.pageSizeMm());
        const double m = layout.marginMm() - 0.01;
        const QRectF safe = card.adjusted(m, m, -m, -m);
        QList<BadgeBox> content;
        for (const BadgeBox &b : boxes) {
            QVERIFY2(card.contains(b.rectMm), qPrintable(u"%1 leaves the card"_s.arg(b.text)));
            if (b.type == BadgeElementType::Text || b.type == BadgeElementType::Qr) {
                QVERIFY2(safe.contains(b.rectMm),
                         qPrintable(u"\"%1\" (element %2) comes into the margin: %3,%4 %5×%6 mm"_s.arg(b.text)
                                        .arg(b.element + 1)
                                        .arg(b.rectMm.x())
                                        .arg(b.rectMm.y())
                                        .arg(b.rectMm.width())
                                        .arg(b.rectMm.height())));
                content.append(b);
            }
            if (b.type == BadgeElementType::Text) {
                // Within the element's box across; down, flow may have moved it up, never below it.
                const QRectF box = layout.elements().at(b.element).box;
                QVERIFY2(b.rectMm.left() >= box.left() - 0.01 && b.rectMm.right() <= box.right() + 0.01,
                         qPrintable(u"\"%1\" is wider than its box"_s.arg(b.text)));
                QVERIFY2(b.rectMm.bottom() <= box.bottom() + 0.01,
                         qPrintable(u"\"%1\" drops below its box"_s.arg(b.text)));
            }
        }
        for (qsizetype i = 0; i < content.size(); ++i) {
            for (qsizetype j = i + 1; j < content.size(); ++j) {
                const QRectF common = content[i].rectMm.intersected(content[j].rectMm);
                QVERIFY2(common.width() < 0.01 || common.height() < 0.01,
                         qPrintable(u"\"%1\" overlaps \"%2\""_s.arg(content[i].text, content[j].text.left(20))));
            }
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        for (const QString &tool : {u"pdftotext"_s, u"pdfinfo"_s, u"pdftoppm"_s, u"pdfimages"_s})
            QVERIFY2(!QStandardPaths::findExecutable(tool).isEmpty(),
                     qPrintable(tool + u" not found: install the Debian package poppler-utils"_s));
        QVERIFY2(QFile::exists(u"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"_s),
                 "fonts-noto-cjk is not installed");
    }

    void everyScriptPrintsAsTextInEveryLayout_data()
    {
        QTest::addColumn<QString>("layoutName");
        QTest::addColumn<int>("guest");
        for (const QString &layout : BadgeLayout::builtInNames())
            for (int i = 0; i < guests().size(); ++i)
                QTest::newRow(qPrintable(layout + u'/' + QString::fromLatin1(guests().at(i).tag))) << layout << i;
    }

    void everyScriptPrintsAsTextInEveryLayout()
    {
        QFETCH(QString, layoutName);
        QFETCH(int, guest);
        const Guest &g = guests().at(guest);
        BadgeRenderer &r = renderer(layoutName);
        const auto pdf = r.render(badgeFor(g));
        QVERIFY2(pdf, why(pdf));
        const QString path = save(*pdf, layoutName + u'-' + QString::fromLatin1(g.tag));
        QVERIFY(!path.isEmpty());

        const PdfInfo info = pdfInfo(path);
        QCOMPARE(info.pages, 1);
        QVERIFY2(sameSize(info.sizePt, mmToPt(r.layout().pageSizeMm())),
                 qPrintable(u"%1 x %2 pt"_s.arg(info.sizePt.width()).arg(info.sizePt.height())));

        // The full name, read from where it is printed (the hero when it is the same as the given name).
        const QList<BadgeBox> boxes = r.lastLayoutBoxes();
        QRectF nameArea;
        for (const checkin::BadgeBinding binding :
             {checkin::BadgeBinding::DisplayName, checkin::BadgeBinding::GivenName}) {
            for (const BadgeBox &b : boxes)
                if (b.type == BadgeElementType::Text && r.layout().elements().at(b.element).binding == binding)
                    nameArea |= b.rectMm;
            if (!nameArea.isEmpty())
                break;
        }
        QVERIFY(!nameArea.isEmpty());
        const QString display = g.display.normalized(QString::NormalizationForm_C);
        const QString inNameArea = extractedTextIn(path, nameArea.adjusted(-0.5, -0.5, 0.5, 0.5));
        QVERIFY2(squeezed(inNameArea) == squeezed(display), qPrintable(inNameArea));

        // And on the whole page every word of it, the given name, the Latin name under a non-Latin one.
        const QString text = squeezed(extractedText(path));
        for (const QString &word : display.split(u' '))
            QVERIFY2(text.contains(squeezed(word)), qPrintable(text));
        QVERIFY2(text.contains(squeezed(g.given)), qPrintable(text));
        if (!g.latin.isEmpty() && g.tag != "vietnamese"_ba) {
            for (const QString &word : g.latin.split(u' ')) // the Latin line under a non-Latin name
                QVERIFY2(text.contains(squeezed(word)), qPrintable(text));
        }
        if (g.tag == "vietnamese"_ba)
            QVERIFY2(!text.contains(squeezed(g.latin)), "a Latin name with diacritics needs no transcription below it");
        QVERIFY(text.contains(u"POLICYMAKERPROGRAM"_s));
        QVERIFY(text.contains(u"Belgium"_s));
        QVERIFY(text.contains(u"IETF125Shenzhen"_s));
        QVERIFY(text.contains(u"14–20March2026"_s));
        QVERIFY(!text.contains(sampleToken().left(20))); // the token is only in the QR code

        verifyNothingLeavesTheCardOrCollides(boxes, r.layout());
        if (QTest::currentTestFailed())
            return;
        for (const BadgeBox &b : boxes)
            QVERIFY2(!b.truncated || r.layout().elements().at(b.element).binding == checkin::BadgeBinding::Organisation,
                     qPrintable(u"a name was cut: "_s + b.text));
    }

    void rightToLeftNamesAlignToTheRight_data()
    {
        QTest::addColumn<QString>("layoutName");
        QTest::addColumn<int>("guest");
        QTest::addColumn<bool>("rightToLeft");
        QTest::newRow("4x3 arabic") << u"policymaker-4x3in"_s << 4 << true;
        QTest::newRow("4x3 hebrew") << u"policymaker-4x3in"_s << 5 << true;
        QTest::newRow("4x3 russian") << u"policymaker-4x3in"_s << 1 << false;
        QTest::newRow("card arabic") << u"card-90x54"_s << 4 << true;
    }

    void rightToLeftNamesAlignToTheRight()
    {
        QFETCH(QString, layoutName);
        QFETCH(int, guest);
        QFETCH(bool, rightToLeft);
        BadgeRenderer &r = renderer(layoutName);
        QVERIFY(r.render(badgeFor(guests().at(guest))));
        // The guest's block (hero, full name, Latin name, organisation) shares one edge: the right one
        // for a right-to-left name (alignment "start" = right), else the left one.
        int checked = 0;
        for (const BadgeBox &b : r.lastLayoutBoxes()) {
            const auto &e = r.layout().elements().at(b.element);
            if (e.type != BadgeElementType::Text || e.alignment != checkin::BadgeAlignment::Start)
                continue;
            using checkin::BadgeBinding;
            if (e.binding != BadgeBinding::GivenName && e.binding != BadgeBinding::DisplayName
                && e.binding != BadgeBinding::LatinNameIfDifferent && e.binding != BadgeBinding::Organisation)
                continue;
            if (rightToLeft)
                QVERIFY2(std::abs(b.rectMm.right() - e.box.right()) < 0.05, qPrintable(b.text));
            else
                QVERIFY2(std::abs(b.rectMm.left() - e.box.left()) < 0.05, qPrintable(b.text));
            ++checked;
        }
        QVERIFY(checked >= 4);
    }

    void longNamesShrinkThenWrapAndStayWhole()
    {
        BadgeRenderer &r = renderer(u"policymaker-4x3in"_s);
        const Guest &g = guests().constLast();
        QCOMPARE(g.display.size(), 90);
        QVERIFY(r.render(badgeFor(g)));
        QList<BadgeBox> nameLines;
        double heroSize = 0;
        for (const BadgeBox &b : r.lastLayoutBoxes()) {
            const auto binding = r.layout().elements().at(b.element).binding;
            if (binding == checkin::BadgeBinding::DisplayName)
                nameLines.append(b);
            if (binding == checkin::BadgeBinding::GivenName)
                heroSize = b.fontSizePt;
        }
        QVERIFY2(nameLines.size() >= 2, "the long name should wrap");
        QString joined;
        for (const BadgeBox &b : nameLines) {
            QVERIFY(!b.truncated);
            joined += b.text;
        }
        QCOMPARE(squeezed(joined), squeezed(g.display));
        // Still readable: never below the element's minimum size.
        QVERIFY(nameLines.front().fontSizePt >= r.layout().elements().at(nameLines.front().element).minSizePt);
        QVERIFY(heroSize >= 20);

        // A short name stays on one line at the largest size.
        QVERIFY(r.render(badgeFor(guests().at(1))));
        for (const BadgeBox &b : r.lastLayoutBoxes()) {
            const auto &e = r.layout().elements().at(b.element);
            if (e.binding == checkin::BadgeBinding::GivenName)
                QCOMPARE(b.fontSizePt, e.maxSizePt);
        }
    }

    void qrCodeIsVectorAndDecodesToTheToken_data()
    {
        QTest::addColumn<QString>("layoutName");
        QTest::addColumn<int>("dpi");
        for (const QString &layout : BadgeLayout::builtInNames()) {
            QTest::newRow(qPrintable(layout + u" 150 dpi"_s)) << layout << 150;
            QTest::newRow(qPrintable(layout + u" 200 dpi"_s)) << layout << 200;
        }
    }

    void qrCodeIsVectorAndDecodesToTheToken()
    {
        QFETCH(QString, layoutName);
        QFETCH(int, dpi);
        BadgeRenderer &r = renderer(layoutName);
        BadgeData d = badgeFor(guests().at(4));
        d.token = sampleToken(dpi);
        const auto pdf = r.render(d);
        QVERIFY2(pdf, why(pdf));
        const QString path = save(*pdf, u"qr-"_s + layoutName + QString::number(dpi));

        // No raster image in the file: the QR code is filled rectangles.
        const QString images = QString::fromUtf8(runTool(u"pdfimages"_s, {u"-list"_s, path}).out);
        QCOMPARE(images.trimmed().split(u'\n').size(), 2); // the header lines only

        const ZXing::Results results = decodePage(path, dpi);
        QCOMPARE(int(results.size()), 1);
        QCOMPARE(QString::fromStdString(results.front().text()), d.token);
        const QString ecc = QString::fromStdString(results.front().ecLevel());
        QVERIFY2(ecc == u"M"_s || ecc == u"Q"_s || ecc == u"H"_s, qPrintable(ecc));
        const auto &pos = results.front().position();
        const double widthMm = (pos.topRight().x - pos.topLeft().x) / double(dpi) * 25.4;
        qInfo("%s: QR symbol %.1f mm wide", qPrintable(layoutName), widthMm);
        QVERIFY(widthMm >= 14);
    }

    void fiveHundredBadgesFillSheets()
    {
        BadgeRenderer &r = renderer(u"a4-sheet-8"_s);
        QList<BadgeData> badges;
        for (int i = 0; i < 500; ++i) {
            BadgeData d = badgeFor(guests().at(i % guests().size()), i % 10 == 0 ? u"staff"_s : u"policymaker"_s);
            d.token = sampleToken(i);
            badges.append(d);
        }
        QElapsedTimer timer;
        timer.start();
        const auto pdf = r.renderSheet(badges);
        const double ms = timer.nsecsElapsed() / 1e6;
        QVERIFY2(pdf, why(pdf));
        qInfo("500 badges on A4 sheets: %.0f ms (%.2f ms per badge), %lld kB", ms, ms / 500,
              qlonglong(pdf->size() / 1024));
        const QString path = save(*pdf, u"sheet-500"_s);

        const PdfInfo info = pdfInfo(path);
        QCOMPARE(info.pages, 63); // 500 / 8, rounded up
        QVERIFY2(sameSize(info.sizePt, mmToPt(QSizeF(210, 297))), "the sheet is not A4");
        const QString images = QString::fromUtf8(runTool(u"pdfimages"_s, {u"-list"_s, path}).out);
        QCOMPARE(images.trimmed().split(u'\n').size(), 2);

        // Every badge is there, each inside its own card.
        const QList<BadgeBox> boxes = r.lastLayoutBoxes();
        QSet<int> badgesDrawn;
        for (const BadgeBox &b : boxes)
            badgesDrawn.insert(b.badge);
        QCOMPARE(badgesDrawn.size(), 500);
        for (int badge : {0, 7, 8, 499}) {
            QList<BadgeBox> own;
            for (const BadgeBox &b : boxes)
                if (b.badge == badge)
                    own.append(b);
            verifyNothingLeavesTheCardOrCollides(own, r.layout());
        }

        // The first page holds the first eight guests; the last page the last four.
        const QString first = squeezed(QString::fromUtf8(
            runTool(u"pdftotext"_s, {u"-f"_s, u"1"_s, u"-l"_s, u"1"_s, u"-enc"_s, u"UTF-8"_s, path, u"-"_s}).out));
        for (int i = 0; i < 8; ++i)
            QVERIFY2(first.contains(squeezed(badges[i].givenName)), qPrintable(badges[i].givenName));
        const QString last = squeezed(QString::fromUtf8(
            runTool(u"pdftotext"_s, {u"-f"_s, u"63"_s, u"-l"_s, u"63"_s, u"-enc"_s, u"UTF-8"_s, path, u"-"_s}).out));
        for (int i = 496; i < 500; ++i)
            QVERIFY2(last.contains(squeezed(badges[i].givenName)), qPrintable(badges[i].givenName));
        QVERIFY(first.contains(u"STAFF"_s));

        // Page 1 at 150 dpi: eight QR codes, each its own token.
        const QString onePage = m_dir.filePath(u"sheet-page1.pdf"_s);
        runTool(u"pdfseparate"_s, {u"-f"_s, u"1"_s, u"-l"_s, u"1"_s, path, onePage});
        if (QFile::exists(onePage)) {
            const ZXing::Results codes = decodePage(onePage, 150);
            QSet<QString> tokens;
            for (const auto &c : codes)
                tokens.insert(QString::fromStdString(c.text()));
            QCOMPARE(tokens.size(), 8);
            for (int i = 0; i < 8; ++i)
                QVERIFY(tokens.contains(sampleToken(i)));
        }
    }

    void layoutsWithoutASheetPrintOneBadgePerPage()
    {
        BadgeRenderer &r = renderer(u"policymaker-4x3in"_s);
        const auto pdf = r.renderSheet({badgeFor(guests().at(0)), badgeFor(guests().at(1)), badgeFor(guests().at(2))});
        QVERIFY2(pdf, why(pdf));
        const PdfInfo info = pdfInfo(save(*pdf, u"three-badges"_s));
        QCOMPARE(info.pages, 3);
        QVERIFY(sameSize(info.sizePt, QSizeF(288, 216))); // 4 x 3 in

        const auto none = r.renderSheet({});
        QVERIFY(!none);
        QVERIFY2(none.error().contains(u"no badges"_s), qPrintable(none.error()));
    }

    void hostileAndMissingInputStillPrints()
    {
        BadgeRenderer &r = renderer(u"policymaker-4x3in"_s);
        BadgeData d = badgeFor(guests().at(1));
        // A right-to-left override and invisible characters in the name, an emoji, a character no font has.
        d.givenName = u"Ana\u200B\u202E"_s;
        d.displayName = u"Ana \u202Eavlis\u202C 🌍 \U000E0041\u2066Silva\u2069 \u0378"_s;
        d.latinName.clear();
        d.organisation = u"\u200E\u200FAnatel\uFEFF"_s;
        d.countryCode = u"br"_s;
        d.role = u"speaker"_s;
        const auto pdf = r.render(d);
        QVERIFY2(pdf, why(pdf));
        const QString path = save(*pdf, u"hostile"_s);
        const QString raw = QString::fromUtf8(runTool(u"pdftotext"_s, {u"-enc"_s, u"UTF-8"_s, path, u"-"_s}).out);
        for (const QChar c : {QChar(0x200B), QChar(0x202E), QChar(0x2066), QChar(0xFEFF)})
            QVERIFY2(!raw.contains(c), qPrintable(u"U+%1 reached the PDF"_s.arg(c.unicode(), 4, 16, QChar(u'0'))));
        const QString text = squeezed(extractedText(path));
        QVERIFY2(text.contains(u"Anaavlis"_s), qPrintable(text)); // the override no longer reverses "avlis"
        QVERIFY(text.contains(u"Anatel"_s));
        QVERIFY(text.contains(u"Brazil"_s));  // country name from the code
        QVERIFY(text.contains(u"SPEAKER"_s)); // an unknown role prints its own name
        // The emoji and the unassigned character are left out, not printed as placeholder boxes.
        QVERIFY2(text.contains(u"AnaavlisSilva"_s), qPrintable(text));
        for (const BadgeBox &b : r.lastLayoutBoxes()) {
            QVERIFY2(!b.text.contains(QChar(0x0378)) && !b.text.contains(u"🌍"_s), qPrintable(b.text));
        }

        // No names at all, no organisation, no token: a badge with the event and role, no QR code.
        BadgeData empty;
        empty.eventName = u"IETF 125"_s;
        const auto bare = r.render(empty);
        QVERIFY2(bare, why(bare));
        for (const BadgeBox &b : r.lastLayoutBoxes())
            QVERIFY(b.type != BadgeElementType::Qr);
        QVERIFY(extractedText(save(*bare, u"bare"_s)).contains(u"POLICYMAKER PROGRAM"_s));
    }

    // A kiosk without the Noto fonts: the print job's error names the packages to install, nothing crashes.
    void missingFontsNameTheDebianPackagesToInstall()
    {
        QTemporaryDir noFonts;
        const auto layout = BadgeLayout::builtIn(u"policymaker-4x3in"_s);
        QVERIFY(layout);
        BadgeRenderer r(*layout, {noFonts.path()});
        const auto pdf = r.render(badgeFor(guests().at(1)));
        QVERIFY(!pdf);
        QVERIFY2(pdf.error().contains(u"apt install fonts-noto-core fonts-noto-cjk"_s), qPrintable(pdf.error()));
    }

    void givenNameFallsBackAndNamesAreNotRepeated()
    {
        BadgeRenderer &r = renderer(u"policymaker-4x3in"_s);
        BadgeData d = badgeFor(guests().at(1));
        d.givenName.clear();
        QVERIFY(r.render(d));
        int shown = 0;
        for (const BadgeBox &b : r.lastLayoutBoxes())
            shown += b.text == d.displayName ? 1 : 0;
        QCOMPARE(shown, 1); // the hero shows the full name, the full-name line is left out
    }

    void rolesColourTheBand()
    {
        BadgeRenderer &r = renderer(u"policymaker-4x3in"_s);
        QHash<QString, QRgb> bandColours;
        for (const QString &role : {u"policymaker"_s, u"staff"_s, u"host"_s}) {
            const auto pdf = r.render(badgeFor(guests().at(1), role));
            QVERIFY2(pdf, why(pdf));
            const QString path = save(*pdf, u"role-"_s + role);
            QVERIFY(extractedText(path).contains(r.layout().role(role).label.toUpper()));
            const QString prefix = path + u".png"_s;
            runTool(u"pdftoppm"_s, {u"-png"_s, u"-r"_s, u"50"_s, u"-singlefile"_s, path, path});
            const QImage page(prefix);
            QVERIFY(!page.isNull());
            bandColours.insert(role, page.pixel(2, page.height() - 3)); // bottom-left corner: the band
            const QColor expected = r.layout().role(role).colour;
            const QColor seen = QColor::fromRgb(bandColours.value(role));
            QVERIFY2(std::abs(seen.red() - expected.red()) <= 3 && std::abs(seen.blue() - expected.blue()) <= 3,
                     qPrintable(seen.name() + u" instead of "_s + expected.name()));
        }
        QCOMPARE(QSet<QRgb>(bandColours.cbegin(), bandColours.cend()).size(), 3);
    }

    void logoImagesAreEmbedded()
    {
        QImage logo(300, 100, QImage::Format_ARGB32);
        logo.fill(Qt::transparent);
        for (int y = 20; y < 80; ++y)
            for (int x = 20; x < 280; ++x)
                logo.setPixelColor(x, y, QColor(22, 58, 104));
        const QString logoPath = m_dir.filePath(u"logo.png"_s);
        QVERIFY(logo.save(logoPath));
        QFile base(QStringLiteral(CHECKIN_SOURCE_DIR) + u"/printing/layouts/policymaker-4x3in.json"_s);
        QVERIFY(base.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(base.readAll()).object();
        QJsonArray elements = root.value(u"elements"_s).toArray();
        elements.append(QJsonObject{{u"type"_s, u"image"_s},
                                    {u"src"_s, u"logo.png"_s},
                                    {u"x"_s, 72.6},
                                    {u"y"_s, 15},
                                    {u"w"_s, 24},
                                    {u"h"_s, 8},
                                    {u"align"_s, u"end"_s}});
        root.insert(u"elements"_s, elements);
        const auto layout = BadgeLayout::fromJson(QJsonDocument(root).toJson(), m_dir.path());
        QVERIFY2(layout, why(layout));
        BadgeRenderer r(*layout);
        const auto pdf = r.render(badgeFor(guests().at(0)));
        QVERIFY2(pdf, why(pdf));
        const QString images = QString::fromUtf8(runTool(u"pdfimages"_s, {u"-list"_s, save(*pdf, u"logo"_s)}).out);
        const QStringList rows = images.trimmed().split(u'\n');
        QCOMPARE(rows.size(), 4); // header, the logo and its soft mask (alpha)
        QVERIFY2(rows.at(2).contains(u"image"_s) && rows.at(3).contains(u"smask"_s), qPrintable(images));
    }

    void oneRendererPerThreadRendersConcurrently()
    {
        const auto layout = BadgeLayout::builtIn(u"policymaker-4x3in"_s);
        QVERIFY2(layout, why(layout));
        QByteArray expected;
        {
            BadgeRenderer single(*layout);
            const auto pdf = single.render(badgeFor(guests().at(4)));
            QVERIFY2(pdf, why(pdf));
            expected = *pdf;
        }
        std::vector<QByteArray> results(3);
        std::vector<std::thread> threads;
        for (int t = 0; t < 3; ++t) {
            threads.emplace_back([&, t] {
                BadgeRenderer own(*layout); // the rule: each print worker owns its renderer
                for (int i = 0; i < 5; ++i) {
                    const auto pdf = own.render(badgeFor(guests().at((t * 5 + i) % guests().size())));
                    if (!pdf)
                        return;
                }
                if (const auto pdf = own.render(badgeFor(guests().at(4))))
                    results[t] = *pdf;
            });
        }
        for (auto &t : threads)
            t.join();
        for (const QByteArray &r : results)
            QCOMPARE(r, expected);
    }

    void rendersAreRepeatableAndReportTiming()
    {
        BadgeRenderer &r = renderer(u"policymaker-4x3in"_s);
        std::vector<double> ms;
        for (const Guest &g : guests()) {
            const BadgeData d = badgeFor(g);
            const auto first = r.render(d); // fonts for this script loaded
            QVERIFY2(first, why(first));
            QElapsedTimer timer;
            timer.start();
            const auto again = r.render(d);
            ms.push_back(timer.nsecsElapsed() / 1e6);
            QVERIFY(again);
            QCOMPARE(*again, *first);
        }
        // Figures for the report only (benchmarks live in bench/).
        qInfo("badge PDF with fonts loaded: median %.2f ms, slowest %.2f ms over %d scripts", median(ms),
              *std::max_element(ms.begin(), ms.end()), int(ms.size()));
    }
};

QTEST_GUILESS_MAIN(TestBadgeRenderer)
#include "tst_badgerenderer.moc"
