#include "printing/text/fontlibrary.h"
#include "printing/text/hpdftextpainter.h"
#include "printing/text/textfitter.h"
#include "printing/text/textline.h"
#include "printing/text/textsanitizer.h"
#include "printing/text/textshaper.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRectF>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <hpdf.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <memory>
#include <thread>

using namespace Qt::StringLiterals;
using namespace checkin::text;

namespace {

constexpr double kMm = 72.0 / 25.4;

struct Sample
{
    const char *tag;
    QString text;
    QString face; // the font the script must come from
    // pdftotext's line where it differs from the text (mixed directions), bidi marks written out.
    QString extracted = {};
};

// One real-looking name per script a guest list can hold.
const QList<Sample> &samples()
{
    static const QList<Sample> list{
        {"latin-vietnamese", u"Nguyễn Thị Minh Khai"_s, u"NotoSans-Regular.ttf"_s},
        {"greek", u"Γιώργος Παπαδόπουλος"_s, u"NotoSans-Regular.ttf"_s},
        {"cyrillic", u"Ольга Смирнова"_s, u"NotoSans-Regular.ttf"_s},
        {"chinese", u"王秀英"_s, u"NotoSansCJK-Regular.ttc#2"_s},
        {"japanese-kanji", u"山田太郎"_s, u"NotoSansCJK-Regular.ttc#2"_s}, // no hint, no kana: Chinese forms
        {"japanese-kana", u"佐藤さくら"_s, u"NotoSansCJK-Regular.ttc"_s},
        {"korean", u"김민준"_s, u"NotoSansCJK-Regular.ttc#1"_s},
        {"arabic", u"ليلى حسن"_s, u"NotoSansArabic-Regular.ttf"_s},
        {"arabic-harakat", u"مُحَمَّد عَلِيّ"_s, u"NotoSansArabic-Regular.ttf"_s},
        {"hebrew-niqqud", u"שָׁלוֹם כֹּהֵן"_s, u"NotoSansHebrew-Regular.ttf"_s},
        {"persian-zwnj", u"مهدی\u200Cزاده"_s, u"NotoSansArabic-Regular.ttf"_s},
        {"hebrew", u"נועה כהן"_s, u"NotoSansHebrew-Regular.ttf"_s},
        {"thai", u"สมชาย ใจดี"_s, u"NotoSansThai-Regular.ttf"_s},
        {"devanagari", u"अर्जुन शर्मा"_s, u"NotoSansDevanagari-Regular.ttf"_s},
        {"bengali", u"রবীন্দ্রনাথ ঠাকুর"_s, u"NotoSansBengali-Regular.ttf"_s},
        {"tamil", u"சுப்பிரமணியன் கார்த்திக்"_s, u"NotoSansTamil-Regular.ttf"_s},
        {"amharic", u"አበበ ቢቂላ"_s, u"NotoSansEthiopic-Regular.ttf"_s},
        {"georgian", u"ნინო ბერიძე"_s, u"NotoSansGeorgian-Regular.ttf"_s},
        {"armenian", u"Արամ Խաչատրյան"_s, u"NotoSansArmenian-Regular.ttf"_s},
        {"khmer", u"ស្រីមុំ ចាន់"_s, u"NotoSansKhmer-Regular.ttf"_s},
        {"sinhala-zwj", u"ශ්\u200Dරීමති පෙරේරා"_s, u"NotoSansSinhala-Regular.ttf"_s},
        {"myanmar", u"ခင်မောင်ကျော်"_s, u"NotoSansMyanmar-Regular.ttf"_s},
        {"telugu", u"వెంకటేశ్వర్లు"_s, u"NotoSansTelugu-Regular.ttf"_s},
        {"malayalam", u"കൃഷ്ണൻ നായർ"_s, u"NotoSansMalayalam-Regular.ttf"_s},
        {"gurmukhi", u"ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ"_s, u"NotoSansGurmukhi-Regular.ttf"_s},
        {"lao", u"ສົມພອນ ພົມມະຈັນ"_s, u"NotoSansLao-Regular.ttf"_s},
        {"tibetan", u"བསྟན་འཛིན"_s, u"NotoSerifTibetan-Regular.ttf"_s},
        {"syriac", u"ܡܪܝܡ ܐܕܝ"_s, u"NotoSansSyriac-Regular.ttf"_s},
        // poppler puts the space at a direction change inside the embedding: displayed, the line reads right.
        {"mixed-latin-arabic", u"Leila ليلى Hassan"_s, u"NotoSansArabic-Regular.ttf"_s,
         u"Leila \u202B ليلى\u202CHassan"_s},
        {"digits-inside-rtl", u"ليلى 42 حسن"_s, u"NotoSansArabic-Regular.ttf"_s,
         u"\u202Bليلى \u202A 42\u202Cحسن\u202C"_s},
    };
    return list;
}

// libharu errors recorded into user data, never longjmp.
struct HpdfErrors
{
    HPDF_STATUS first = HPDF_OK;
    static void handler(HPDF_STATUS error, HPDF_STATUS, void *user)
    {
        auto *self = static_cast<HpdfErrors *>(user);
        if (self->first == HPDF_OK)
            self->first = error;
    }
};

struct PdfPage
{
    HpdfErrors errors;
    std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, decltype(&HPDF_Free)> doc{nullptr, &HPDF_Free};
    HPDF_Page page = nullptr;

    explicit PdfPage(double width = 400, double height = 200)
    {
        doc.reset(HPDF_New(&HpdfErrors::handler, &errors));
        HPDF_SetCompressionMode(doc.get(), HPDF_COMP_ALL);
        page = HPDF_AddPage(doc.get());
        HPDF_Page_SetWidth(page, HPDF_REAL(width));
        HPDF_Page_SetHeight(page, HPDF_REAL(height));
    }
    bool save(const QString &path)
    {
        return HPDF_SaveToFile(doc.get(), QFile::encodeName(path).constData()) == HPDF_OK;
    }
};

template<typename Expected>
QByteArray why(const Expected &e)
{
    return e.has_value() ? QByteArray() : e.error().toUtf8();
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
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit)
        return {};
    return {p.exitCode(), p.readAllStandardOutput()};
}

// pdftotext wraps every right-to-left stretch in U+202B…U+202C (and left-to-right islands in U+202A),
// for any PDF; the characters between them are what the page says.
QString extractedText(const QString &pdfPath)
{
    const ToolResult r = runTool(u"pdftotext"_s, {u"-enc"_s, u"UTF-8"_s, pdfPath, u"-"_s});
    QString text = QString::fromUtf8(r.out);
    text.remove(QRegularExpression(u"[\u202A-\u202E]"_s));
    text.replace(u'\f', u'\n');
    return text.trimmed().normalized(QString::NormalizationForm_C);
}

enum class TextMode { Default, Raw, Layout };

// pdftotext's output as it is (bidi marks kept), page breaks as line breaks, without the final ones.
QString pdftotext(const QString &pdfPath, TextMode mode = TextMode::Default)
{
    QStringList args{u"-enc"_s, u"UTF-8"_s};
    if (mode == TextMode::Raw)
        args << u"-raw"_s;
    else if (mode == TextMode::Layout)
        args << u"-layout"_s;
    const ToolResult r = runTool(u"pdftotext"_s, args << pdfPath << u"-"_s);
    QString text = QString::fromUtf8(r.out).normalized(QString::NormalizationForm_C);
    text.replace(u'\f', u'\n');
    while (text.endsWith(u'\n'))
        text.chop(1);
    return text;
}

QString withoutBidiMarks(QString text)
{
    return text.remove(QRegularExpression(u"[\u202A-\u202E]"_s));
}

// The words pdftotext finds, in order. On a line mixing directions poppler reorders by its own rules
// and leaves the space at a direction change inside the embedding ("Leila ‫ ليلى‬Hassan"): right when
// displayed, but only the words and their order can be compared.
QStringList extractedWords(const QString &pdfPath)
{
    const ToolResult r = runTool(u"pdftotext"_s, {u"-enc"_s, u"UTF-8"_s, pdfPath, u"-"_s});
    QString text = QString::fromUtf8(r.out).normalized(QString::NormalizationForm_C);
    text.replace(QRegularExpression(u"[\u202A-\u202E]"_s), u" "_s);
    return text.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts);
}

// A grey-scale raster of page 1 (pdftoppm writes PGM without -png), 0 = black.
struct Raster
{
    int width = 0;
    int height = 0;
    QByteArray pixels;
    [[nodiscard]] bool ink(int x, int y) const { return uchar(pixels[y * width + x]) < 128; }
};

Raster rasterize(const QString &pdfPath, int dpi)
{
    const QString prefix = pdfPath + u".raster"_s;
    runTool(u"pdftoppm"_s, {u"-gray"_s, u"-r"_s, QString::number(dpi), u"-singlefile"_s, pdfPath, prefix});
    QFile file(prefix + u".pgm"_s);
    Raster raster;
    if (!file.open(QIODevice::ReadOnly))
        return raster;
    const QByteArray data = file.readAll();
    // "P5\n<w> <h>\n255\n" then bytes.
    const QList<QByteArray> header = data.left(64).split('\n');
    if (header.size() < 3 || header[0] != "P5")
        return raster;
    const QList<QByteArray> size = header[1].split(' ');
    raster.width = size.value(0).toInt();
    raster.height = size.value(1).toInt();
    const qsizetype offset = header[0].size() + header[1].size() + header[2].size() + 3;
    raster.pixels = data.mid(offset, qsizetype(raster.width) * raster.height);
    if (raster.pixels.size() != qsizetype(raster.width) * raster.height)
        raster = {};
    return raster;
}

QStringList facesUsed(const FontLibrary &fonts, const TextLine &line)
{
    QStringList faces;
    for (const ShapedGlyph &glyph : line.glyphs())
        if (!faces.contains(fonts.faceName(glyph.fontId)))
            faces.append(fonts.faceName(glyph.fontId));
    return faces;
}

// One line of a page mock-up: text at a size, against the left or right edge of the content box.
struct Element
{
    QString text;
    double size = 10;
    FontWeight weight = FontWeight::Regular;
    double x = 0;       // from the left edge of the content box
    bool right = false; // right-aligned at the right edge instead
};

// Rows of elements sharing a baseline, top to bottom, each row `pitch` below the previous baseline.
struct Row
{
    double pitch = 0;
    QList<Element> elements;
};

// Badge 4 × 3 in as the shipped layouts print it: event line with the dates on the right, given name,
// full name, organisation on three tight lines, role band with the country on the right.
QList<Row> badgeRows(const QString &given, const QString &display, const QString &latin)
{
    QList<Row> rows{
        {24,
         {{u"IETF 125 Shenzhen"_s, 10, FontWeight::Bold}, {u"14–20 March 2026"_s, 9, FontWeight::Regular, 0, true}}},
        {48, {{given, 40, FontWeight::Bold}}},
        {24, {{display, 16}}},
    };
    if (!latin.isEmpty())
        rows.append({14, {{latin, 10}}});
    rows.append({15, {{u"Directorate-General for Communications"_s, 9}}});
    rows.append({10.5, {{u"Networks, Content and Technology"_s, 9}}});
    rows.append({10.5, {{u"of the European Commission"_s, 9}}});
    rows.append(
        {34, {{u"POLICYMAKER PROGRAM"_s, 11, FontWeight::Bold}, {u"Belgium"_s, 11, FontWeight::Regular, 0, true}}});
    return rows;
}

// An agenda page: guest and event on one header line, then sessions in three columns at 9.5 pt.
QList<Row> agendaRows()
{
    QList<Row> rows{
        {16, {{u"Ольга Смирнова"_s, 16, FontWeight::Bold}, {u"IETF 122 Bangkok"_s, 16, FontWeight::Bold, 0, true}}},
        {14, {{u"Olga Smirnova"_s, 10}, {u"Bangkok · 15–18 March 2025"_s, 10, FontWeight::Regular, 0, true}}},
        {26, {{u"Saturday, March 15, 2025"_s, 12, FontWeight::Bold}}},
    };
    const QList<std::array<QString, 3>> sessions{
        {u"09:00–10:30"_s, u"Registration and badge pick-up"_s, u"Foyer"_s},
        {u"09:30–17:30"_s, u"IETF Hackathon"_s, u"Ballroom"_s},
        {u"10:00–11:00"_s, u"Welcome to the Policymaker Program"_s, u"Boardroom 2 (Level 22)"_s},
        {u"11:30–13:00"_s, u"How the IETF works: from Internet-Draft to RFC"_s, u"Boardroom 2"_s},
        {u"13:00–14:00"_s, u"午餐与交流"_s, u"Lotus Terrace"_s},
        {u"14:00–15:30"_s, u"Newcomers' tutorial"_s, u"Chitlada 1"_s},
        {u"16:00–17:00"_s, u"ورشة عمل السياسات"_s, u"Chitlada 2"_s},
        {u"17:00–19:00"_s, u"Welcome reception"_s, u"Riverside Restaurant"_s},
    };
    for (const auto &[time, title, room] : sessions)
        rows.append(
            {13, {{time, 9.5}, {title, 9.5, FontWeight::Regular, 70}, {room, 9.5, FontWeight::Regular, 0, true}}});
    return rows;
}

// Every element is a whole line, or part of a line made only of elements of its own row: nothing is
// split over lines and nothing merges with a row above or below. `texts` are the rows' elements as
// pdftotext should write them.
QString lineGroupingProblem(const QString &output, const QList<QStringList> &texts)
{
    QSet<QString> found;
    for (const QString &outputLine : output.split(u'\n', Qt::SkipEmptyParts)) {
        if (outputLine.trimmed().isEmpty())
            continue;
        bool matched = false;
        for (const QStringList &row : texts) {
            QString rest = outputLine;
            QStringList inLine;
            for (const QString &text : row) {
                const qsizetype at = rest.indexOf(text);
                if (at >= 0) {
                    rest.remove(at, text.size());
                    inLine.append(text);
                }
            }
            if (!inLine.isEmpty() && rest.trimmed().isEmpty()) {
                for (const QString &text : std::as_const(inLine))
                    found.insert(text);
                matched = true;
                break;
            }
        }
        if (!matched)
            return u"line \"%1\" is not made of whole elements of one row"_s.arg(outputLine);
    }
    for (const QStringList &row : texts)
        for (const QString &text : row)
            if (!found.contains(text))
                return u"\"%1\" is not on a line of its own row in:\n%2"_s.arg(text, output);
    return {};
}

// pdftotext -bbox's words: text and box (points, y down from the top of the page).
QList<std::pair<QString, QRectF>> wordBoxes(const QString &pdfPath)
{
    const ToolResult r = runTool(u"pdftotext"_s, {u"-bbox"_s, u"-enc"_s, u"UTF-8"_s, pdfPath, u"-"_s});
    static const QRegularExpression word(
        u"<word xMin=\"([-0-9.]+)\" yMin=\"([-0-9.]+)\" xMax=\"([-0-9.]+)\" yMax=\"([-0-9.]+)\">([^<]*)</word>"_s);
    QList<std::pair<QString, QRectF>> words;
    for (auto it = word.globalMatch(QString::fromUtf8(r.out)); it.hasNext();) {
        const auto m = it.next();
        words.append({m.captured(5), QRectF(QPointF(m.captured(1).toDouble(), m.captured(2).toDouble()),
                                            QPointF(m.captured(3).toDouble(), m.captured(4).toDouble()))});
    }
    return words;
}

int formXObjectCount(const QString &pdfPath)
{
    QFile file(pdfPath);
    return file.open(QIODevice::ReadOnly) ? int(file.readAll().count("/Subtype /Form")) : -1;
}

} // namespace

class TestTextShaping : public QObject
{
    Q_OBJECT

private:
    FontLibrary m_fonts;
    QTemporaryDir m_dir;

    QString pdfPath(const QString &name) const { return m_dir.filePath(name + u".pdf"_s); }

    // Writes one page with each line at its baseline and returns the file path.
    QString writePdf(const QString &name, const QList<TextLine> &lines, double width = 400, double height = 200)
    {
        PdfPage pdf(width, height);
        double baseline = height - 20;
        for (const TextLine &line : lines) {
            baseline -= line.ascent();
            const auto drawn = drawLine(pdf.page, line, 20, baseline);
            if (!drawn)
                qWarning() << "drawLine:" << drawn.error();
            baseline -= line.descent() + 4;
        }
        const QString path = pdfPath(name);
        if (!pdf.save(path) || pdf.errors.first != HPDF_OK)
            qWarning("libharu error 0x%04x", unsigned(pdf.errors.first));
        return path;
    }

    // Draws rows of elements on one page (margin on every side) and returns the file path; shaped gets
    // each element's line, row by row.
    QString writeRows(const QString &name, const QList<Row> &rows, double width, double height, double margin,
                      QList<QList<TextLine>> &shaped)
    {
        PdfPage pdf(width, height);
        double baseline = height - margin;
        for (const Row &row : rows) {
            baseline -= row.pitch;
            QList<TextLine> lines;
            for (const Element &e : row.elements) {
                const auto line = shapeLine(m_fonts, e.text, e.size, e.weight);
                if (!line) {
                    qWarning() << "shapeLine:" << line.error();
                    return {};
                }
                const double x = e.right ? width - margin - line->width() : margin + e.x;
                if (const auto drawn = drawLine(pdf.page, *line, x, baseline); !drawn) {
                    qWarning() << "drawLine:" << drawn.error();
                    return {};
                }
                lines.append(*line);
            }
            shaped.append(lines);
        }
        const QString path = pdfPath(name);
        if (!pdf.save(path) || pdf.errors.first != HPDF_OK)
            return {};
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_fonts.isUsable(), "fonts-noto-core is not installed");
        QVERIFY2(QFile::exists(u"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"_s),
                 "fonts-noto-cjk is not installed");
        QVERIFY2(runTool(u"pdftotext"_s, {u"-v"_s}).exitCode == 0, "poppler-utils is not installed");
        if (qEnvironmentVariableIsSet("CHECKIN_KEEP_PDFS"))
            m_dir.setAutoRemove(false);
    }

    void everyScriptPrintsAsExtractableText_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("face");
        QTest::addColumn<QString>("extracted");
        for (const Sample &s : samples())
            QTest::newRow(s.tag) << s.text << s.face << s.extracted;
    }

    // Exactly the name, spaces included, on one line in each of pdftotext's modes (the one other tests
    // and staff use, -raw and -layout): the text layer's words are as tall as the font size, so poppler
    // neither splits a name nor loses its spaces.
    void everyScriptPrintsAsExtractableText()
    {
        QFETCH(QString, name);
        QFETCH(QString, face);
        QFETCH(QString, extracted);
        const auto line = shapeLine(m_fonts, name, 24);
        QVERIFY2(line, why(line));
        QVERIFY2(!line->hasPlaceholders(), "a character has no glyph (tofu)");
        QVERIFY(line->width() > 0);
        const QStringList faces = facesUsed(m_fonts, *line);
        QVERIFY2(faces.contains(face), qPrintable(faces.join(u", "_s)));

        const QString path = writePdf(QString::fromLatin1(QTest::currentDataTag()), {*line});
        QCOMPARE(runTool(u"pdfinfo"_s, {path}).exitCode, 0);
        const QString expected = name.normalized(QString::NormalizationForm_C);
        if (extracted.isEmpty()) // pdftotext wraps a right-to-left line in U+202B … U+202C
            extracted = line->isRightToLeft() ? u"\u202B"_s + expected + u"\u202C"_s : expected;
        QCOMPARE(pdftotext(path), extracted);
        QCOMPARE(pdftotext(path, TextMode::Layout), extracted);

        // -raw follows the content stream, drawn left to right as in any PDF: the words of a
        // right-to-left line come in visual order, each one read right to left, and a combining mark
        // that ends a word (the shadda of "عَلِيّ") may stand before it. One line, the same spaces.
        const QString raw = withoutBidiMarks(pdftotext(path, TextMode::Raw));
        QVERIFY2(!raw.contains(u'\n'), qPrintable(raw));
        if (!line->isRightToLeft()) {
            QCOMPARE(raw, expected);
        } else {
            QStringList words = expected.split(u' ');
            std::reverse(words.begin(), words.end());
            const auto sorted = [](QString word) {
                std::sort(word.begin(), word.end());
                return word;
            };
            const QStringList rawWords = raw.split(u' ');
            QCOMPARE(rawWords.size(), words.size());
            for (qsizetype i = 0; i < words.size(); ++i)
                QCOMPARE(sorted(rawWords[i]), sorted(words[i]));
        }
    }

    void cjkGlyphFormsFollowTheLanguage_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("face");
        QTest::newRow("han, no hint: simplified chinese")
            << u"山田太郎"_s << QString() << u"NotoSansCJK-Regular.ttc#2"_s;
        QTest::newRow("han, ja") << u"山田太郎"_s << u"ja"_s << u"NotoSansCJK-Regular.ttc"_s;
        QTest::newRow("han, zh-Hant") << u"陳美玲"_s << u"zh-Hant"_s << u"NotoSansCJK-Regular.ttc#3"_s;
        QTest::newRow("han, zh-HK") << u"陳美玲"_s << u"zh-HK"_s << u"NotoSansCJK-Regular.ttc#4"_s;
        QTest::newRow("kana makes it japanese") << u"佐藤さくら"_s << QString() << u"NotoSansCJK-Regular.ttc"_s;
        QTest::newRow("hangul makes it korean") << u"金민준"_s << QString() << u"NotoSansCJK-Regular.ttc#1"_s;
    }

    void cjkGlyphFormsFollowTheLanguage()
    {
        QFETCH(QString, name);
        QFETCH(QString, language);
        QFETCH(QString, face);
        TextStyle style;
        style.sizePt = 24;
        style.language = language;
        const auto line = shapeLine(m_fonts, name, style);
        QVERIFY2(line, why(line));
        QCOMPARE(facesUsed(m_fonts, *line), QStringList{face});
    }

    void arabicLettersJoinAndRunRightToLeft_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("glyphCount");
        QTest::newRow("hassan: initial, medial, final") << u"حسن"_s << 3;
        QTest::newRow("leila: lam-yeh, lam-alef maksura ligature") << u"ليلى"_s << 3;
        QTest::newRow("mohammed") << u"محمد"_s << 4;
    }

    void arabicLettersJoinAndRunRightToLeft()
    {
        QFETCH(QString, name);
        QFETCH(int, glyphCount);
        const auto joined = shapeLine(m_fonts, name, 24);
        QVERIFY2(joined, why(joined));
        QVERIFY(joined->isRightToLeft());
        const QList<ShapedGlyph> glyphs = joined->glyphs();
        QCOMPARE(glyphs.size(), glyphCount);
        // Visual order is right to left: the first letter is drawn last, at the right end.
        QCOMPARE(glyphs.constLast().cluster, 0);
        for (qsizetype i = 1; i < glyphs.size(); ++i) {
            QVERIFY(glyphs[i].cluster < glyphs[i - 1].cluster);
            QVERIFY(glyphs[i].x > glyphs[i - 1].x);
        }
        // Each letter takes its contextual form (or a ligature): never the glyph of the letter alone.
        for (const ShapedGlyph &glyph : glyphs) {
            const auto isolated = shapeLine(m_fonts, name.mid(glyph.cluster, 1), 24);
            QVERIFY2(isolated, why(isolated));
            QCOMPARE(isolated->glyphs().size(), 1);
            QVERIFY2(isolated->glyphs().constFirst().glyphId != glyph.glyphId,
                     qPrintable(u"letter %1 is drawn in its isolated form"_s.arg(glyph.cluster)));
        }
    }

    void hebrewRunsRightToLeft()
    {
        const auto line = shapeLine(m_fonts, u"נועה"_s, 24);
        QVERIFY2(line, why(line));
        QVERIFY(line->isRightToLeft());
        const QList<ShapedGlyph> glyphs = line->glyphs();
        QCOMPARE(glyphs.size(), 4);
        QCOMPARE(glyphs.constFirst().cluster, 3);
        QCOMPARE(glyphs.constLast().cluster, 0);
    }

    void mixedDirectionsAreInVisualOrder()
    {
        // Left-to-right paragraph with an Arabic word: Latin, then the Arabic reversed, then Latin.
        const QString name = u"Leila ليلى Hassan"_s;
        const auto line = shapeLine(m_fonts, name, 24);
        QVERIFY2(line, why(line));
        QVERIFY(!line->isRightToLeft());
        QList<qsizetype> clusters;
        for (const ShapedGlyph &glyph : line->glyphs())
            clusters.append(glyph.cluster);
        QCOMPARE(clusters.mid(0, 6), (QList<qsizetype>{0, 1, 2, 3, 4, 5}));                          // "Leila "
        QCOMPARE(clusters.mid(clusters.size() - 7), (QList<qsizetype>{10, 11, 12, 13, 14, 15, 16})); // " Hassan"
        const QList<qsizetype> arabic = clusters.mid(6, clusters.size() - 13); // "ليلى", reversed
        QVERIFY2(std::is_sorted(arabic.crbegin(), arabic.crend()), qPrintable(QDebug::toString(clusters)));
        QVERIFY(arabic.constFirst() <= 9 && arabic.constLast() == 6);

        // Right-to-left paragraph with digits: the number keeps its left-to-right order.
        const auto rtl = shapeLine(m_fonts, u"ليلى 42 حسن"_s, 24);
        QVERIFY2(rtl, why(rtl));
        QVERIFY(rtl->isRightToLeft());
        QList<qsizetype> digitClusters;
        for (const ShapedGlyph &glyph : rtl->glyphs())
            if (glyph.cluster == 5 || glyph.cluster == 6)
                digitClusters.append(glyph.cluster);
        QCOMPARE(digitClusters, (QList<qsizetype>{5, 6}));
        QCOMPARE(rtl->glyphs().constFirst().cluster, 10); // the last letter is leftmost
    }

    void paragraphDirectionCanBeForced()
    {
        TextStyle style;
        style.sizePt = 24;
        style.direction = TextDirection::LeftToRight;
        const auto line = shapeLine(m_fonts, u"ليلى Hassan"_s, style);
        QVERIFY2(line, why(line));
        QVERIFY(!line->isRightToLeft());
        // Arabic first, on the left, still drawn right to left: its last letters come first.
        QVERIFY(line->glyphs().constFirst().cluster >= 2 && line->glyphs().constFirst().cluster <= 3);
        QCOMPARE(line->glyphs().constLast().cluster, 10);
    }

    void stackedVietnameseDiacriticsKeepBothAccents()
    {
        const auto plain = shapeLine(m_fonts, u"e"_s, 100);
        const auto stacked = shapeLine(m_fonts, u"ễ"_s, 100);
        const auto decomposed = shapeLine(m_fonts, u"e\u0302\u0303"_s, 100);
        QVERIFY(plain && stacked && decomposed);
        QCOMPARE(stacked->text(), decomposed->text()); // NFC before shaping
        // The circumflex and the tilde above it reach well above the e (x-height 0.54 em).
        QVERIFY2(stacked->inkTop() > plain->inkTop() + 0.3 * 100, qPrintable(QString::number(stacked->inkTop())));

        // And the raster shows two separate accents above the bowl: in the middle columns, a vertical
        // scan crosses ink 3 times for "e" (top, bar, bottom) and at least 5 times for "ễ".
        const auto inkRuns = [&](const TextLine &line, const QString &name) {
            const QString path = writePdf(name, {line}, 200, 200);
            const Raster raster = rasterize(path, 100);
            int most = 0;
            const int left = int(20 * 100 / 72.0);
            const int right = int((20 + line.width()) * 100 / 72.0);
            for (int x = left + (right - left) / 3; x < right - (right - left) / 3; ++x) {
                int runs = 0;
                bool inside = false;
                for (int y = 0; y < raster.height; ++y) {
                    const bool ink = raster.ink(x, y);
                    runs += ink && !inside;
                    inside = ink;
                }
                most = std::max(most, runs);
            }
            return most;
        };
        QCOMPARE(inkRuns(*plain, u"plain-e"_s), 3);
        QVERIFY(inkRuns(*stacked, u"stacked-e"_s) >= 5);
    }

    void sanitizingRemovesInvisibleAndOverrideCharacters_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("right-to-left override") << u"\u202Eevil.exe\u202C"_s << u"evil.exe"_s;
        QTest::newRow("embeddings") << u"A\u202AB\u202BC\u202CD\u202DE"_s << u"ABCDE"_s;
        QTest::newRow("isolates") << u"A\u2066B\u2067C\u2068D\u2069"_s << u"ABCD"_s;
        QTest::newRow("marks") << u"Anna\u200E Lee\u200F\u061C"_s << u"Anna Lee"_s;
        QTest::newRow("zero width space") << u"Jo\u200Bhn"_s << u"John"_s;
        QTest::newRow("joiners in Latin") << u"Jo\u200Dh\u200Cn"_s << u"John"_s;
        QTest::newRow("byte order mark") << u"\uFEFFAnna"_s << u"Anna"_s;
        QTest::newRow("word joiner and invisible operators") << u"A\u2060n\u2062n\u2064a"_s << u"Anna"_s;
        QTest::newRow("soft hyphen") << u"Ma\u00ADria"_s << u"Maria"_s;
        QTest::newRow("hangul filler posing as a blank name") << u"\u3164"_s << QString();
        QTest::newRow("tag characters") << u"Anna\U000E0041\U000E007F"_s << u"Anna"_s;
        QTest::newRow("white space collapses and trims") << u"  Anna \t\n Lee\u2028 "_s << u"Anna Lee"_s;
        QTest::newRow("controls") << u"An\u0007na\u0000"_s << u"Anna"_s;
        QTest::newRow("ideographic space kept") << u"山田\u3000太郎"_s << u"山田\u3000太郎"_s;
        QTest::newRow("decomposed to NFC") << u"Nguye\u0302\u0303n"_s << u"Nguyễn"_s;
        QTest::newRow("lone surrogate") << QString(QChar(0xD800)) + u"x"_s << u"\uFFFDx"_s;
        QTest::newRow("persian ZWNJ kept") << u"مهدی\u200Cزاده"_s << u"مهدی\u200Cزاده"_s;
        QTest::newRow("sinhala ZWJ kept") << u"ශ්\u200Dරී"_s << u"ශ්\u200Dරී"_s;
        QTest::newRow("devanagari half form ZWJ kept") << u"क्\u200Dष"_s << u"क्\u200Dष"_s;
        QTest::newRow("doubled joiner collapses") << u"مهدی\u200C\u200Cزاده"_s << u"مهدی\u200Cزاده"_s;
        QTest::newRow("joiner at a word edge") << u"مهدی\u200C زاده"_s << u"مهدی زاده"_s;
        // The badge fonts have no emoji: what they cannot draw is left out, never printed as a box.
        QTest::newRow("emoji ZWJ sequence left out") << u"\U0001F469\u200D\U0001F4BB"_s << QString();
        QTest::newRow("emoji between names") << u"Anna \U0001F600 Lee"_s << u"Anna Lee"_s;
        QTest::newRow("skin tone") << u"Anna \U0001F44D\U0001F3FD"_s << u"Anna"_s;
        QTest::newRow("flag") << u"\U0001F1EB\U0001F1F7 Marie"_s << u"Marie"_s;
        QTest::newRow("pictograph with VS16") << u"I \u2764\uFE0F NY"_s << u"I NY"_s;
        QTest::newRow("keycap keeps its digit") << u"1\uFE0F\u20E3 Team"_s << u"1 Team"_s;
        QTest::newRow("text-style symbols kept")
            << u"Acme\u00AE \u2122 \u2605 \u260E"_s << u"Acme\u00AE \u2122 \u2605 \u260E"_s;
        QTest::newRow("private use and unassigned") << u"An\uE000na \u0378Lee\U00050000"_s << u"Anna Lee"_s;
        QTest::newRow("variation selector after a letter") << u"葛\U000E0100"_s << u"葛\U000E0100"_s;
        QTest::newRow("variation selector alone") << u"\uFE0F Anna"_s << u"Anna"_s;
    }

    void sanitizingRemovesInvisibleAndOverrideCharacters()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(sanitizeForPrint(input), expected);
    }

    void overrideCannotReorderThePrintedName()
    {
        const auto spoofed = shapeLine(m_fonts, u"\u202Eanna"_s, 24);
        QVERIFY2(spoofed, why(spoofed));
        QCOMPARE(spoofed->text(), u"anna"_s);
        QVERIFY(!spoofed->isRightToLeft());
        QCOMPARE(spoofed->glyphs().constFirst().cluster, 0);
    }

    void missingGlyphsAreLeftOutNotPrintedAsPlaceholders_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("emoji") << u"Anna \U0001F600 Lee"_s;
        QTest::newRow("emoji ZWJ sequence") << u"Anna \U0001F469\u200D\U0001F4BB Lee"_s;
        QTest::newRow("unassigned BMP") << u"Anna \u0378 Lee"_s;
        QTest::newRow("unassigned plane 5") << u"Anna \U00050000 Lee"_s;
        QTest::newRow("private use") << u"Anna \uE000 Lee"_s;
        QTest::newRow("noncharacter") << u"Anna \uFFFF Lee"_s;
    }

    void missingGlyphsAreLeftOutNotPrintedAsPlaceholders()
    {
        QFETCH(QString, name);
        const auto line = shapeLine(m_fonts, name, 24);
        QVERIFY2(line, why(line));
        QVERIFY(!line->hasPlaceholders());
        const QList<ShapedGlyph> glyphs = line->glyphs();
        QCOMPARE(std::count_if(glyphs.cbegin(), glyphs.cend(), [](const ShapedGlyph &g) { return g.fontId < 0; }), 0);
        QCOMPARE(line->text(), u"Anna Lee"_s);
        const QString path = writePdf(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'), {*line});
        QCOMPARE(runTool(u"pdfinfo"_s, {path}).exitCode, 0);
        QCOMPARE(extractedText(path), u"Anna Lee"_s);
    }

    void sharedPunctuationComesFromAFontThatHasIt_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("arabic comma after latin") << u"Hassan، Leila"_s;
        QTest::newRow("devanagari danda after latin") << u"Arjun।"_s;
        QTest::newRow("ideographic full stop after latin") << u"Yamada。"_s;
        QTest::newRow("fullwidth digits") << u"Anna ３"_s;
    }

    void sharedPunctuationComesFromAFontThatHasIt()
    {
        QFETCH(QString, name);
        const auto line = shapeLine(m_fonts, name, 24);
        QVERIFY2(line, why(line));
        QVERIFY(!line->hasPlaceholders());
    }

    void boldUsesBoldFontsOrSyntheticBold()
    {
        const auto latin = shapeLine(m_fonts, u"Anna"_s, 24, FontWeight::Bold);
        QVERIFY2(latin, why(latin));
        QCOMPARE(facesUsed(m_fonts, *latin), QStringList{u"NotoSans-Bold.ttf"_s});
        const auto arabic = shapeLine(m_fonts, u"ليلى"_s, 24, FontWeight::Bold);
        QVERIFY2(arabic, why(arabic));
        QCOMPARE(facesUsed(m_fonts, *arabic), QStringList{u"NotoSansArabic-Bold.ttf"_s});
        const auto cjk = shapeLine(m_fonts, u"王秀英"_s, 24, FontWeight::Bold);
        QVERIFY2(cjk, why(cjk));
        QCOMPARE(facesUsed(m_fonts, *cjk), QStringList{u"NotoSansCJK-Bold.ttc#2"_s});
        // Syriac has no Bold file in fonts-noto-core: its regular outlines get a stroke.
        const auto syriac = shapeLine(m_fonts, u"ܡܪܝܡ"_s, 24, FontWeight::Bold);
        QVERIFY2(syriac, why(syriac));
        QCOMPARE(facesUsed(m_fonts, *syriac), QStringList{u"NotoSansSyriac-Regular.ttf (synthetic bold)"_s});
        PdfPage pdf;
        QVERIFY(drawLine(pdf.page, *syriac, 20, 100));
    }

    void fontsLoadLazilyAndOnce()
    {
        FontLibrary fonts;
        QCOMPARE(fonts.loadedFaceCount(), 0);
        QVERIFY(shapeLine(fonts, u"Ольга Смирнова"_s, 24));
        QCOMPARE(fonts.loadedFaceCount(), 1); // Latin and Cyrillic: Noto Sans only
        QVERIFY(shapeLine(fonts, u"ليلى حسن"_s, 24));
        const int afterArabic = fonts.loadedFaceCount();
        QVERIFY(afterArabic >= 2);
        for (int i = 0; i < 3; ++i)
            QVERIFY(shapeLine(fonts, u"ليلى حسن Ольга"_s, 24));
        QCOMPARE(fonts.loadedFaceCount(), afterArabic);
    }

    void linesKeepTheirFontsAliveAfterTheLibrary()
    {
        TextLine line;
        {
            FontLibrary fonts;
            const auto shaped = shapeLine(fonts, u"สมชาย ใจดี"_s, 24);
            QVERIFY2(shaped, why(shaped));
            line = *shaped;
        }
        PdfPage pdf;
        QVERIFY(drawLine(pdf.page, line, 20, 100));
        QCOMPARE(pdf.errors.first, HPDF_OK);
    }

    // A badge and an agenda page: every element comes out whole, on a line of its own row, in each of
    // pdftotext's modes. With 1-em glyphs poppler took the text for twice its size and split
    // "IETF 122 Bangkok" over three lines, merged a given name into the event line and the names below.
    void elementsOfAPageStayOnTheirOwnLines_data()
    {
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("display");
        QTest::addColumn<QString>("latin");
        QTest::newRow("badge vietnamese") << u"Khai"_s << u"Nguyễn Thị Minh Khai"_s << QString();
        QTest::newRow("badge russian") << u"Ольга"_s << u"Ольга Смирнова"_s << u"Olga Smirnova"_s;
        QTest::newRow("badge arabic") << u"ليلى"_s << u"ليلى حسن"_s << u"Layla Hassan"_s;
        QTest::newRow("badge hebrew") << u"שרה"_s << u"שרה כהן"_s << u"Sarah Cohen"_s;
        QTest::newRow("badge japanese") << u"太郎"_s << u"山田太郎"_s << u"Yamada Taro"_s;
        QTest::newRow("badge thai") << u"สมชาย"_s << u"สมชาย ใจดี"_s << u"Somchai Jaidee"_s;
        QTest::newRow("badge devanagari") << u"अमित"_s << u"अमित शर्मा"_s << u"Amit Sharma"_s;
        QTest::newRow("badge tamil") << u"கார்த்திக்"_s << u"கார்த்திக் சுப்பிரமணியன்"_s << u"Karthik Subramanian"_s;
        QTest::newRow("agenda") << QString() << QString() << QString();
    }

    void elementsOfAPageStayOnTheirOwnLines()
    {
        QFETCH(QString, given);
        QFETCH(QString, display);
        QFETCH(QString, latin);
        const bool agenda = given.isEmpty();
        const QList<Row> rows = agenda ? agendaRows() : badgeRows(given, display, latin);
        QList<QList<TextLine>> shaped;
        const QString path = agenda ? writeRows(u"agenda-page"_s, rows, 595.276, 841.89, 40, shaped)
                                    : writeRows(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'), rows,
                                                288, 216, 14, shaped);
        QVERIFY(!path.isEmpty());
        for (const TextMode mode : {TextMode::Default, TextMode::Raw, TextMode::Layout}) {
            QList<QStringList> texts;
            for (const QList<TextLine> &row : std::as_const(shaped)) {
                QStringList inRow;
                for (const TextLine &line : row) {
                    QStringList words = line.text().normalized(QString::NormalizationForm_C).split(u' ');
                    if (mode == TextMode::Raw && line.isRightToLeft()) // content order: visual
                        std::reverse(words.begin(), words.end());
                    inRow.append(words.join(u' '));
                }
                texts.append(inRow);
            }
            const QString problem = lineGroupingProblem(withoutBidiMarks(pdftotext(path, mode)), texts);
            QVERIFY2(problem.isEmpty(), qPrintable((mode == TextMode::Raw      ? u"-raw: "_s
                                                    : mode == TextMode::Layout ? u"-layout: "_s
                                                                               : QString())
                                                   + problem));
        }
    }

    // poppler's word boxes are the em box of the drawn glyphs: as tall as the font size, 0.8 of it
    // above the baseline, and as wide as the words' glyphs.
    void wordBoxesAreTheEmBoxOfTheGlyphs()
    {
        const double size = 20, x = 20, height = 200;
        const auto line = shapeLine(m_fonts, u"Anna Lee"_s, size);
        QVERIFY2(line, why(line));
        const auto anna = shapeLine(m_fonts, u"Anna"_s, size);
        QVERIFY(anna);
        const QString path = writePdf(u"word-boxes"_s, {*line}, 400, height);
        const double baseline = height - 20 - line->ascent(); // as writePdf places it
        const auto words = wordBoxes(path);
        QCOMPARE(words.size(), 2);
        QCOMPARE(words[0].first, u"Anna"_s);
        QCOMPARE(words[1].first, u"Lee"_s);
        for (const auto &[text, box] : words) {
            QVERIFY2(qAbs(box.height() - size) < 0.01, qPrintable(u"%1: %2 pt tall"_s.arg(text).arg(box.height())));
            QVERIFY2(qAbs(box.top() - (height - baseline - 0.8 * size)) < 0.01, qPrintable(text));
        }
        QVERIFY(qAbs(words[0].second.left() - x) < 0.01);
        QVERIFY(qAbs(words[0].second.right() - (x + anna->width())) < 0.01);
        QVERIFY(qAbs(words[1].second.right() - (x + line->width())) < 0.01);
    }

    // The same glyph on every page and every line is one Form XObject per document, and each page
    // still shows and extracts its own text.
    void glyphOutlinesAreWrittenOncePerDocument()
    {
        const auto line = shapeLine(m_fonts, u"Anna Anna"_s, 24);
        QVERIFY2(line, why(line));
        PdfPage pdf;
        for (int page = 0; page < 20; ++page) {
            if (page > 0) {
                pdf.page = HPDF_AddPage(pdf.doc.get());
                HPDF_Page_SetWidth(pdf.page, 400);
                HPDF_Page_SetHeight(pdf.page, 200);
            }
            QVERIFY(drawLine(pdf.page, *line, 20, 150));
            QVERIFY(drawLine(pdf.page, *line, 20, 100, Rgb{0.8, 0.1, 0.1}));
        }
        const QString path = pdfPath(u"twenty-pages"_s);
        QVERIFY(pdf.save(path));
        QCOMPARE(pdf.errors.first, HPDF_OK);
        QCOMPARE(formXObjectCount(path), 3); // A, n, a
        const QString last = QString::fromUtf8(
            runTool(u"pdftotext"_s, {u"-f"_s, u"20"_s, u"-l"_s, u"20"_s, u"-enc"_s, u"UTF-8"_s, path, u"-"_s}).out);
        QCOMPARE(last.trimmed(), u"Anna Anna\nAnna Anna"_s);
        const Raster raster = rasterize(path, 72); // page 1
        QVERIFY(raster.width > 0);
        for (const int baseline : {150, 100}) {
            int ink = 0;
            for (int y = 200 - baseline - 18; y < 200 - baseline; ++y)
                for (int x = 20; x < int(20 + line->width()); ++x)
                    ink += raster.ink(x, y);
            QVERIFY2(ink > 200, qPrintable(u"line at %1: %2 pixels of ink"_s.arg(baseline).arg(ink)));
        }
    }

    // Renderers start every document on the same HPDF_Doc handle (HPDF_NewDoc), and a new document's
    // objects may land at the addresses of the last one's: the glyph cache belongs to the document, so
    // each document comes out byte for byte as from a fresh handle.
    void reusedDocumentHandleStartsWithoutTheLastDocumentsGlyphs()
    {
        const QStringList texts{u"Anna Lee"_s, u"Ольга Смирнова"_s, u"山田太郎"_s, u"ليلى حسن"_s, u"Anna Lee"_s};
        const auto render = [this](HPDF_Doc doc, const QString &text) {
            HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
            HPDF_Page page = HPDF_AddPage(doc);
            HPDF_Page_SetWidth(page, 400);
            HPDF_Page_SetHeight(page, 200);
            const auto line = shapeLine(m_fonts, text, 24);
            if (!line || !drawLine(page, *line, 20, 100))
                return QByteArray();
            HPDF_SaveToStream(doc);
            HPDF_UINT32 size = HPDF_GetStreamSize(doc);
            QByteArray bytes(qsizetype(size), Qt::Uninitialized);
            HPDF_ReadFromStream(doc, reinterpret_cast<HPDF_BYTE *>(bytes.data()), &size);
            bytes.truncate(qsizetype(size));
            return bytes;
        };
        HpdfErrors reusedErrors;
        std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, decltype(&HPDF_Free)> reused(
            HPDF_New(&HpdfErrors::handler, &reusedErrors), &HPDF_Free);
        for (int round = 0; round < 3; ++round) {
            for (const QString &text : texts) {
                HPDF_NewDoc(reused.get()); // frees the last document, as HpdfDocument::begin() does
                const QByteArray again = render(reused.get(), text);
                PdfPage fresh;
                HPDF_FreeDoc(fresh.doc.get());
                HPDF_NewDoc(fresh.doc.get());
                const QByteArray once = render(fresh.doc.get(), text);
                QVERIFY(!once.isEmpty());
                QCOMPARE(reusedErrors.first, HPDF_OK);
                QCOMPARE(fresh.errors.first, HPDF_OK);
                QVERIFY2(again == once, qPrintable(text));
            }
        }
        const QString path = pdfPath(u"reused-handle"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(render((HPDF_NewDoc(reused.get()), reused.get()), u"Ольга Смирнова"_s));
        file.close();
        QCOMPARE(extractedText(path), u"Ольга Смирнова"_s);
    }

    // libharu holds at most 4095 entries in a dictionary: past that many different glyphs on a page,
    // the outlines are drawn inline, and the page still shows and extracts every character.
    void moreGlyphsThanADictionaryHoldsDrawInline()
    {
        QString text;
        for (char16_t c = 0x4E00; c < 0x4E00 + 4200; ++c)
            text += QChar(c);
        PdfPage pdf(600, 900);
        QList<TextLine> lines;
        for (qsizetype first = 0; first < text.size(); first += 70) {
            const auto line = shapeLine(m_fonts, text.mid(first, 70), 8);
            QVERIFY2(line, why(line));
            QVERIFY(!line->hasPlaceholders());
            QVERIFY(drawLine(pdf.page, *line, 10, 890 - 14 * (first / 70 + 1)));
            lines.append(*line);
        }
        const QString path = pdfPath(u"many-glyphs"_s);
        QVERIFY(pdf.save(path));
        QCOMPARE(pdf.errors.first, HPDF_OK);
        QCOMPARE(formXObjectCount(path), 4095);
        QCOMPARE(extractedText(path).remove(u'\n'), text);
        // The last line (inline outlines) has as much ink as the first (forms).
        const Raster raster = rasterize(path, 72);
        QVERIFY(raster.width > 0);
        const auto inkIn = [&](double baseline) {
            int ink = 0;
            for (int y = int(900 - baseline - 8); y < int(900 - baseline + 2); ++y)
                for (int x = 10; x < 590; ++x)
                    ink += raster.ink(x, y);
            return ink;
        };
        const double firstBaseline = 890 - 14, lastBaseline = 890 - 14 * lines.size();
        QVERIFY2(inkIn(lastBaseline) > 0.5 * inkIn(firstBaseline) * lines.constLast().text().size() / 70,
                 qPrintable(u"%1 vs %2"_s.arg(inkIn(lastBaseline)).arg(inkIn(firstBaseline))));
    }

    // The glyph forms are written by the painter, not by libharu: they follow the document's compression
    // and, with a password, are encrypted with the rest.
    void glyphFormsFollowCompressionAndEncryption_data()
    {
        QTest::addColumn<bool>("compressed");
        QTest::addColumn<bool>("encrypted");
        QTest::newRow("compressed") << true << false;
        QTest::newRow("compressed, encrypted") << true << true;
        QTest::newRow("uncompressed") << false << false;
        QTest::newRow("uncompressed, encrypted") << false << true;
    }

    void glyphFormsFollowCompressionAndEncryption()
    {
        QFETCH(bool, compressed);
        QFETCH(bool, encrypted);
        const auto line = shapeLine(m_fonts, u"Nguyễn Thị Minh Khai"_s, 24);
        QVERIFY2(line, why(line));
        PdfPage pdf;
        if (!compressed)
            HPDF_SetCompressionMode(pdf.doc.get(), HPDF_COMP_NONE);
        if (encrypted) {
            QCOMPARE(HPDF_SetPassword(pdf.doc.get(), "owner-secret", ""), HPDF_OK);
            QCOMPARE(HPDF_SetEncryptionMode(pdf.doc.get(), HPDF_ENCRYPT_R3, 16), HPDF_OK);
        }
        // A page added after the change: libharu sets a page's filter when it creates the page.
        pdf.page = HPDF_AddPage(pdf.doc.get());
        HPDF_Page_SetWidth(pdf.page, 400);
        HPDF_Page_SetHeight(pdf.page, 200);
        QVERIFY(drawLine(pdf.page, *line, 20, 100));
        const QString path = pdfPath(u"forms-"_s
                                     + QString::fromLatin1(QTest::currentDataTag()).replace(u", "_s, u"-"_s));
        QVERIFY(pdf.save(path));
        QCOMPARE(pdf.errors.first, HPDF_OK);
        const QString info = QString::fromUtf8(runTool(u"pdfinfo"_s, {path}).out);
        QCOMPARE(info.contains(QRegularExpression(u"Encrypted: +yes"_s)), encrypted);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QCOMPARE(bytes.contains("/Filter /FlateDecode"), compressed);
        QCOMPARE(
            QString::fromUtf8(runTool(u"pdftotext"_s, {u"-f"_s, u"2"_s, u"-l"_s, u"2"_s, path, u"-"_s}).out).trimmed(),
            u"Nguyễn Thị Minh Khai"_s);
        const QString page2 = pdfPath(u"forms-page2"_s);
        runTool(u"pdfseparate"_s, {u"-f"_s, u"2"_s, u"-l"_s, u"2"_s, path, page2});
        const Raster raster = rasterize(page2, 72);
        QCOMPARE(raster.width, 400);
        int ink = 0;
        for (int y = 200 - 100 - 20; y < 200 - 100; ++y)
            for (int x = 20; x < int(20 + line->width()); ++x)
                ink += raster.ink(x, y);
        QVERIFY2(ink > 200, qPrintable(QString::number(ink)));
    }

    // Pages list the glyph forms in one XObject dictionary the document shares, which libharu's own
    // images then join; a page where an image came first keeps its own dictionary and gets the forms
    // it uses added to it.
    void imagesAndGlyphFormsShareThePageResources()
    {
        const auto line = shapeLine(m_fonts, u"Anna Lee"_s, 24);
        QVERIFY2(line, why(line));
        PdfPage pdf;
        const QByteArray black(16 * 16, '\0');
        HPDF_Image image = HPDF_LoadRawImageFromMem(
            pdf.doc.get(), reinterpret_cast<const HPDF_BYTE *>(black.constData()), 16, 16, HPDF_CS_DEVICE_GRAY, 8);
        QVERIFY(image);
        QCOMPARE(HPDF_Page_DrawImage(pdf.page, image, 300, 20, 40, 40), HPDF_OK); // page 1: image first
        QVERIFY(drawLine(pdf.page, *line, 20, 100));
        for (int page = 2; page <= 3; ++page) {
            pdf.page = HPDF_AddPage(pdf.doc.get());
            HPDF_Page_SetWidth(pdf.page, 400);
            HPDF_Page_SetHeight(pdf.page, 200);
            QVERIFY(drawLine(pdf.page, *line, 20, 100));
            if (page == 2) // text first, then the image
                QCOMPARE(HPDF_Page_DrawImage(pdf.page, image, 300, 20, 40, 40), HPDF_OK);
        }
        const QString path = pdfPath(u"images-and-glyphs"_s);
        QVERIFY(pdf.save(path));
        QCOMPARE(pdf.errors.first, HPDF_OK);
        QCOMPARE(formXObjectCount(path), 5); // A n a L e (the space has no ink)
        const QStringList images =
            QString::fromUtf8(runTool(u"pdfimages"_s, {u"-list"_s, path}).out).trimmed().split(u'\n');
        QCOMPARE(images.size(), 2 + 2); // header lines, then pages 1 and 2
        for (int page = 1; page <= 3; ++page) {
            const QString text = QString::fromUtf8(
                runTool(u"pdftotext"_s, {u"-f"_s, QString::number(page), u"-l"_s, QString::number(page), path, u"-"_s})
                    .out);
            QCOMPARE(text.trimmed(), u"Anna Lee"_s);
            const QString single = pdfPath(u"images-and-glyphs-%1"_s.arg(page));
            runTool(u"pdfseparate"_s, {u"-f"_s, QString::number(page), u"-l"_s, QString::number(page), path, single});
            const Raster raster = rasterize(single, 72);
            QVERIFY(raster.width == 400);
            int ink = 0;
            for (int y = 200 - 100 - 18; y < 200 - 100; ++y)
                for (int x = 20; x < int(20 + line->width()); ++x)
                    ink += raster.ink(x, y);
            QVERIFY2(ink > 200, qPrintable(u"page %1: %2 pixels of ink"_s.arg(page).arg(ink)));
            QCOMPARE(raster.ink(320, 200 - 40), page <= 2);
        }
    }

    void textLayerHoldsMoreThan255DistinctCharacters()
    {
        // One Type 3 font holds 255 codes; a longer line gets more than one.
        QString text;
        for (char16_t c = 0x4E00; c < 0x4E00 + 300; ++c)
            text += QChar(c);
        const auto line = shapeLine(m_fonts, text, 6);
        QVERIFY2(line, why(line));
        QVERIFY(!line->hasPlaceholders());
        const QString path = writePdf(u"many-characters"_s, {*line}, line->width() + 40, 60);
        QCOMPARE(extractedText(path), text);
    }

    void separateLibrariesWorkInParallelThreads()
    {
        // The threading rule: one FontLibrary per thread, no sharing.
        std::atomic<int> failures = 0;
        const auto work = [&failures] {
            FontLibrary fonts;
            PdfPage pdf;
            for (int i = 0; i < 20; ++i) {
                for (const Sample &s : samples()) {
                    const auto fit = fitText(fonts, s.text, 80 * kMm, 2, 28, 12);
                    if (!fit) {
                        ++failures;
                        continue;
                    }
                    for (const TextLine &line : fit->lines)
                        failures += drawLine(pdf.page, line, 20, 100) ? 0 : 1;
                }
            }
        };
        std::thread first(work);
        std::thread second(work);
        first.join();
        second.join();
        QCOMPARE(failures.load(), 0);
    }

    void drawingInsideATextObjectIsRefused()
    {
        const auto line = shapeLine(m_fonts, u"Anna"_s, 24);
        QVERIFY(line);
        PdfPage pdf;
        HPDF_Page_BeginText(pdf.page);
        QVERIFY(!drawLine(pdf.page, *line, 20, 100));
        HPDF_Page_EndText(pdf.page);
        QVERIFY(drawLine(pdf.page, *line, 20, 100));
    }

    void measuresWidthAscentAndDescent()
    {
        const auto small = shapeLine(m_fonts, u"Ольга Смирнова"_s, 10);
        const auto large = shapeLine(m_fonts, u"Ольга Смирнова"_s, 20);
        QVERIFY(small && large);
        QVERIFY(small->width() > 0);
        QVERIFY(qFuzzyCompare(large->width(), 2 * small->width())); // unhinted: linear in size
        QVERIFY(large->ascent() > 0.9 * 20 && large->ascent() < 1.2 * 20);
        QVERIFY(large->descent() > 0.15 * 20 && large->descent() < 0.4 * 20);
        // Scripts with tall stacks report taller lines.
        const auto myanmar = shapeLine(m_fonts, u"ခင်မောင်ကျော်"_s, 20);
        QVERIFY(myanmar);
        QVERIFY(myanmar->ascent() + myanmar->descent() > large->ascent() + large->descent());
        const auto empty = shapeLine(m_fonts, QString(), 20);
        QVERIFY(empty && empty->isEmpty() && empty->width() == 0);
    }

    void fitNeverExceedsTheBox_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<double>("minSize");
        const QString latin =
            u"Maximiliano Alejandro de la Santísima Trinidad Fernández-Rodríguez y Montenegro Villanueva"_s;
        QTest::newRow("latin 90 chars") << latin << 8.0;
        QTest::newRow("latin 90 chars, truncated") << latin << 20.0;
        QTest::newRow("arabic")
            << u"عبد الرحمن بن محمد بن عبد الله بن إبراهيم آل سعود الهاشمي القرشي المكي الحجازي العربي"_s << 8.0;
        QTest::newRow("thai without spaces")
            << u"สมชายใจดีมีความสุขมากในวันนี้และทุกวันตลอดไปจนถึงวันสุดท้ายของชีวิตนี้สมชายใจดีมีความสุขมาก"_s << 8.0;
        QTest::newRow("chinese")
            << u"王秀英李小龍張偉劉洋陳靜楊帆趙敏黃磊周杰吳昊徐麗孫濤胡軍朱紅高峰林芳何勇郭晶馬超羅蘭梁冰宋佳鄭凱謝霆韓梅唐宇馮鞏于謙董卿蕭薔程曉曹操袁泉鄧超許晴傅彪沈騰曾黎"_s
            << 8.0;
        QTest::newRow("one long word") << QString(90, u'W') << 8.0;
        QTest::newRow("one long word, truncated") << QString(90, u'W') << 16.0;
    }

    void fitNeverExceedsTheBox()
    {
        QFETCH(QString, name);
        QFETCH(double, minSize);
        const double box = 80 * kMm;
        const auto fit = fitText(m_fonts, name, box, 2, 28, minSize);
        QVERIFY2(fit, why(fit));
        QVERIFY(!fit->lines.isEmpty() && fit->lines.size() <= 2);
        QVERIFY(fit->fontSize >= minSize && fit->fontSize <= 28);
        for (const TextLine &line : fit->lines) {
            QVERIFY2(line.width() <= box + 1e-6, qPrintable(u"%1 > %2"_s.arg(line.width()).arg(box)));
            QCOMPARE(line.fontSize(), fit->fontSize);
        }
        if (fit->truncated) {
            QCOMPARE(fit->fontSize, minSize);
            QVERIFY(fit->lines.constLast().text().endsWith(u"…"_s));
        } else {
            QString joined;
            for (const TextLine &line : fit->lines)
                joined += line.text();
            QString compact = name;
            QCOMPARE(joined.remove(u' '), compact.remove(u' '));
        }
        const QString path = writePdf(u"fit-"_s + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'),
                                      fit->lines, box + 40, 120);
        QCOMPARE(runTool(u"pdfinfo"_s, {path}).exitCode, 0);
    }

    void fitShrinksBeforeItWraps()
    {
        const double box = 80 * kMm;
        // Fits at the maximum size: one line, 28 pt.
        const auto shortName = fitText(m_fonts, u"Anna Lee"_s, box, 2, 28, 12);
        QVERIFY(shortName);
        QCOMPARE(shortName->lines.size(), 1);
        QCOMPARE(shortName->fontSize, 28.0);
        // Too wide at 28 pt but fine at a smaller size above the minimum: shrinks, stays on one line.
        const QString medium = u"Nguyễn Thị Minh Khai Phạm"_s;
        const auto mediumLine = shapeLine(m_fonts, medium, 28);
        QVERIFY(mediumLine && mediumLine->width() > box && mediumLine->width() * 12 / 28 < box);
        const auto shrunk = fitText(m_fonts, medium, box, 2, 28, 12);
        QVERIFY(shrunk);
        QCOMPARE(shrunk->lines.size(), 1);
        QVERIFY(shrunk->fontSize < 28 && shrunk->fontSize >= 12);
        QVERIFY(shrunk->lines.constFirst().width() > 0.97 * box); // as large as fits
        // Does not fit on one line at the minimum: wraps at a word boundary, larger than the minimum.
        const QString longName = u"Maximiliano Alejandro Fernández-Rodríguez Montenegro"_s;
        const auto oneLine = shapeLine(m_fonts, longName, 12);
        QVERIFY(oneLine && oneLine->width() > box);
        const auto wrapped = fitText(m_fonts, longName, box, 2, 28, 12);
        QVERIFY(wrapped);
        QCOMPARE(wrapped->lines.size(), 2);
        QVERIFY(wrapped->fontSize > 12);
        QVERIFY(!wrapped->truncated);
        // Broken at a space or after the hyphen, nothing lost.
        QString joined = wrapped->lines[0].text() + wrapped->lines[1].text();
        QString expected = longName;
        QCOMPARE(joined.remove(u' '), expected.remove(u' '));
        QVERIFY(wrapped->lines[0].text().endsWith(u'-') || longName.at(wrapped->lines[0].text().size()) == u' ');
    }

    void fitBreaksThaiAtWordsWithoutSpaces()
    {
        const QString name = u"สมชายใจดีมีความสุขมากในวันนี้"_s;
        const auto fit = fitText(m_fonts, name, 60 * kMm, 2, 28, 20);
        QVERIFY2(fit, why(fit));
        QCOMPARE(fit->lines.size(), 2);
        QCOMPARE(fit->lines[0].text() + fit->lines[1].text(), name);
        // ICU's dictionary breaks between words ("สมชาย|ใจ|ดี|มี|ความ|สุข|มาก|ใน|วัน|นี้"), never inside one.
        QList<qsizetype> wordEnds;
        qsizetype at = 0;
        for (const QString &word : u"สมชาย|ใจ|ดี|มี|ความ|สุข|มาก|ใน|วัน|นี้"_s.split(u'|'))
            wordEnds.append(at += word.size());
        QVERIFY2(wordEnds.contains(fit->lines[0].text().size()), qPrintable(fit->lines[0].text()));
    }

    void elidingEndsWithAnEllipsisThatFits()
    {
        TextStyle style;
        style.sizePt = 20;
        const auto latin = elideText(m_fonts, u"Maximiliano Alejandro Fernández-Rodríguez"_s, 100, style);
        QVERIFY2(latin, why(latin));
        QVERIFY(latin->width() <= 100);
        QVERIFY(latin->text().startsWith(u"Maxim"_s) && latin->text().endsWith(u"…"_s));
        const auto arabic = elideText(m_fonts, u"عبد الرحمن بن محمد بن عبد الله"_s, 100, style);
        QVERIFY2(arabic, why(arabic));
        QVERIFY(arabic->width() <= 100 && arabic->text().endsWith(u"…"_s));
        QVERIFY(arabic->isRightToLeft());
        QCOMPARE(arabic->glyphs().constFirst().cluster, arabic->text().size() - 1); // "…" on the left
        const auto untouched = elideText(m_fonts, u"Anna"_s, 100, style);
        QVERIFY(untouched && untouched->text() == u"Anna"_s);
    }

    void alignmentStartIsRightForRightToLeft()
    {
        const auto ltr = shapeLine(m_fonts, u"Anna"_s, 20);
        const auto rtl = shapeLine(m_fonts, u"ليلى"_s, 20);
        QVERIFY(ltr && rtl);
        QCOMPARE(alignedX(*ltr, 10, 200, TextAlignment::Start), 10.0);
        QCOMPARE(alignedX(*ltr, 10, 200, TextAlignment::End), 210 - ltr->width());
        QCOMPARE(alignedX(*rtl, 10, 200, TextAlignment::Start), 210 - rtl->width());
        QCOMPARE(alignedX(*rtl, 10, 200, TextAlignment::End), 10.0);
        QCOMPARE(alignedX(*rtl, 10, 200, TextAlignment::Left), 10.0);
        QCOMPARE(alignedX(*ltr, 10, 200, TextAlignment::Center), 10 + (200 - ltr->width()) / 2);
    }

    // Writes every sample at several sizes and both weights into one PDF to look at:
    // CHECKIN_TEXT_SPECIMEN=/path/specimen.pdf, then pdftoppm -png -r 100.
    void specimenSheetHoldsEveryName()
    {
        const QString path = qEnvironmentVariableIsSet("CHECKIN_TEXT_SPECIMEN")
                                 ? qEnvironmentVariable("CHECKIN_TEXT_SPECIMEN")
                                 : pdfPath(u"specimen"_s);
        PdfPage pdf(595, 842);
        double y = 842 - 30;
        const auto newPageIfNeeded = [&](double needed) {
            if (y - needed > 20)
                return;
            pdf.page = HPDF_AddPage(pdf.doc.get());
            HPDF_Page_SetWidth(pdf.page, 595);
            HPDF_Page_SetHeight(pdf.page, 842);
            y = 842 - 30;
        };
        const auto drawRow = [&](const QList<TextLine> &row) {
            double x = 20;
            double rowHeight = 0;
            double ascent = 0;
            for (const TextLine &line : row) {
                rowHeight = std::max(rowHeight, line.ascent() + line.descent());
                ascent = std::max(ascent, line.ascent());
            }
            newPageIfNeeded(rowHeight + 6);
            const double baseline = y - ascent;
            for (const TextLine &line : row) {
                // The line box (ascent + descent) as a hairline, to judge placement.
                HPDF_Page_SetRGBStroke(pdf.page, 0.8f, 0.8f, 1.0f);
                HPDF_Page_SetLineWidth(pdf.page, 0.3f);
                HPDF_Page_Rectangle(pdf.page, HPDF_REAL(x), HPDF_REAL(baseline - line.descent()),
                                    HPDF_REAL(line.width()), HPDF_REAL(line.ascent() + line.descent()));
                HPDF_Page_Stroke(pdf.page);
                QVERIFY(drawLine(pdf.page, line, x, baseline));
                x += line.width() + 12;
            }
            y -= rowHeight + 6;
        };
        for (const Sample &s : samples()) {
            // 10, 16, 24 pt regular, then 24 pt bold; a row wraps where the page ends.
            QList<TextLine> row;
            double width = 20;
            for (const auto &[size, weight] : {std::pair{10.0, FontWeight::Regular},
                                               {16.0, FontWeight::Regular},
                                               {24.0, FontWeight::Regular},
                                               {24.0, FontWeight::Bold}}) {
                const auto line = shapeLine(m_fonts, s.text, size, weight);
                QVERIFY2(line, why(line));
                if (!row.isEmpty() && width + line->width() > 575) {
                    drawRow(row);
                    if (QTest::currentTestFailed())
                        return;
                    row.clear();
                    width = 20;
                }
                row.append(*line);
                width += line->width() + 12;
            }
            drawRow(row);
            if (QTest::currentTestFailed())
                return;
        }
        // A fitted name box as the badge will use it: 80 mm, two lines, 28 → 12 pt, centred.
        const double box = 80 * kMm;
        for (const QString &name :
             {u"Maximiliano Alejandro de la Santísima Trinidad Fernández-Rodríguez"_s,
              u"عبد الرحمن بن محمد بن عبد الله بن إبراهيم آل سعود"_s, u"สมชายใจดีมีความสุขมากในวันนี้และทุกวัน"_s}) {
            const auto fit = fitText(m_fonts, name, box, 2, 28, 12);
            QVERIFY2(fit, why(fit));
            newPageIfNeeded(80);
            HPDF_Page_SetRGBStroke(pdf.page, 1.0f, 0.6f, 0.6f);
            HPDF_Page_Rectangle(pdf.page, 20, HPDF_REAL(y - 70), HPDF_REAL(box), 70);
            HPDF_Page_Stroke(pdf.page);
            double baseline = y;
            for (const TextLine &line : fit->lines) {
                baseline -= line.ascent();
                QVERIFY(drawLine(pdf.page, line, alignedX(line, 20, box, TextAlignment::Center), baseline,
                                 Rgb{0.1, 0.1, 0.5}));
                baseline -= line.descent();
            }
            y -= 80;
        }
        QVERIFY(pdf.save(path));
        QCOMPARE(pdf.errors.first, HPDF_OK);
        QCOMPARE(runTool(u"pdfinfo"_s, {path}).exitCode, 0);
        const QStringList words = extractedWords(path);
        for (const Sample &s : samples())
            for (const QString &word : s.text.normalized(QString::NormalizationForm_C).split(u' '))
                QVERIFY2(words.contains(word), s.tag);
        qInfo("specimen: %s", qPrintable(path));
    }

    // ms to shape and draw one name with the fonts loaded (no assertion: figures for the report).
    void benchmarkShapeAndDrawOneName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("latin") << u"Nguyễn Thị Minh Khai"_s;
        QTest::newRow("arabic") << u"ليلى حسن"_s;
        QTest::newRow("devanagari") << u"अर्जुन शर्मा"_s;
        QTest::newRow("japanese") << u"山田太郎"_s;
    }

    void benchmarkShapeAndDrawOneName()
    {
        QFETCH(QString, name);
        QVERIFY(shapeLine(m_fonts, name, 24)); // fonts and glyph outlines loaded
        PdfPage pdf;
        QBENCHMARK {
            const auto fit = fitText(m_fonts, name, 80 * kMm, 2, 28, 12);
            for (const TextLine &line : fit->lines)
                (void)drawLine(pdf.page, line, 20, 100);
        }
    }
};

QTEST_GUILESS_MAIN(TestTextShaping)
#include "tst_textshaping.moc"
