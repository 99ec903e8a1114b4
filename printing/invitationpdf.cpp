#include "printing/invitationpdf.h"

#include "printing/badgerenderer.h"
#include "printing/daterange.h"

#include "printing/hpdfdocument.h"
#include "printing/pdfpage_p.h"
#include "printing/qrencoder.h"
#include "printing/text/fontlibrary.h"
#include "printing/text/hpdftextpainter.h"
#include "printing/text/textfitter.h"
#include "printing/text/textsanitizer.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;

namespace checkin {

namespace {

Q_LOGGING_CATEGORY(lcInvitation, "checkin.printing.invitation")

constexpr float Mm = 72.0f / 25.4f;
constexpr float Margin = 22 * Mm;
constexpr float BandHeight = 60 * Mm;
constexpr float QrSymbolSide = 48 * Mm; // the modules; the 4-module quiet zone comes on top
constexpr int QrQuietModules = 4;

using text::Rgb;

using namespace pdf::colours; // the house look

struct Fonts
{
    pdf::TrueTypeFont regular;
    pdf::TrueTypeFont bold;
};

// Draws one line of UTF-8 text with libharu's own text layout, its baseline `baseline` points below the top of the
// page.
void drawText(const pdf::Page &page, const pdf::TrueTypeFont &font, float size, Rgb colour, float x, float baseline,
              const QByteArray &utf8, float tracking = 0)
{
    const HPDF_Page p = page.handle();
    HPDF_Page_BeginText(p);
    HPDF_Page_SetFontAndSize(p, font.font, size);
    HPDF_Page_SetRGBFill(p, HPDF_REAL(colour.red), HPDF_REAL(colour.green), HPDF_REAL(colour.blue));
    HPDF_Page_SetCharSpace(p, tracking);
    HPDF_Page_TextOut(p, x, float(page.height()) - baseline, utf8.constData());
    HPDF_Page_SetCharSpace(p, 0);
    HPDF_Page_EndText(p);
}

// Lines of text and the size at which they fit a width.
struct FittedText
{
    float size = 0;
    QList<QByteArray> lines;
};

// Largest size ≤ preferred at which the text fits maxWidth: on one line if that keeps it at least
// `comfortable` points, otherwise split at the space that best balances up to two lines. Never wider than maxWidth.
FittedText fitText(const pdf::TrueTypeFont &font, const QString &text, float maxWidth, float preferred,
                   float comfortable, int maxLines)
{
    const QByteArray utf8 = text.toUtf8();
    const float widthAt1 = font.width(utf8, 1.0f);
    if (widthAt1 <= 0)
        return {preferred, {utf8}};
    // Rounded down to 0.1 pt so that float noise never pushes the last glyph past the margin.
    const auto sizeFor = [&](float w) { return std::min(preferred, std::floor(maxWidth / w * 10.0f) / 10.0f); };

    FittedText single{sizeFor(widthAt1), {utf8}};
    if (single.size >= comfortable || maxLines < 2 || !text.contains(u' '))
        return single;

    // The most balanced split has the narrowest longer line, hence the largest size.
    float narrowest = widthAt1;
    QList<QByteArray> lines;
    qsizetype space = -1;
    while ((space = text.indexOf(u' ', space + 1)) >= 0) {
        const QByteArray first = text.left(space).toUtf8();
        const QByteArray second = text.mid(space + 1).toUtf8();
        const float wider = std::max(font.width(first, 1.0f), font.width(second, 1.0f));
        if (wider < narrowest) {
            narrowest = wider;
            lines = {first, second};
        }
    }
    if (lines.isEmpty())
        return single;
    return {sizeFor(narrowest), lines};
}

// Greedy word wrap at a fixed size.
QList<QByteArray> wrapText(const pdf::TrueTypeFont &font, const QString &text, float size, float maxWidth)
{
    QList<QByteArray> lines;
    QString line;
    for (const QString &word : text.split(u' ', Qt::SkipEmptyParts)) {
        const QString candidate = line.isEmpty() ? word : line + u' ' + word;
        if (!line.isEmpty() && font.width(candidate.toUtf8(), size) > maxWidth) {
            lines.append(line.toUtf8());
            line = word;
        } else {
            line = candidate;
        }
    }
    if (!line.isEmpty())
        lines.append(line.toUtf8());
    return lines;
}

// Shaped lines (HarfBuzz, any script, extractable text) stacked from `top` (points below the page's
// top): the first line's tallest ink or cap height touches `top`; lines never touch each other.
// Returns the position just below the last line's descenders.
std::expected<float, QString> drawShapedLines(const pdf::Page &page, const QList<text::TextLine> &lines, float x,
                                              float top, float width, Rgb colour)
{
    double baseline = top;
    double below = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const text::TextLine &line = lines[i];
        const double size = line.fontSize();
        const double above = std::max(line.inkTop(), 0.72 * size);
        baseline += i == 0 ? above : std::max(1.2 * size, below + 0.12 * size + above);
        below = std::max(-line.inkBottom(), 0.24 * size);
        // The invitation is an English, left-to-right page: a right-to-left name starts at its left margin too.
        const double left = text::alignedX(line, x, width, text::TextAlignment::Left);
        CHECKIN_TRY(page.drawLine(line, left, baseline, colour));
    }
    return float(baseline + std::max(below, 0.3 * (lines.isEmpty() ? 0 : lines.constLast().fontSize())));
}

// The one place that decides how the guest's name is drawn: in the guest's own script, shaped with
// HarfBuzz over the Noto fonts (Arabic, CJK, Thai, Indic … as well as Latin), shrunk and then wrapped
// onto two lines to fit the width; the Latin transcription as a smaller line below when the name is in
// another script; "Guest" when there is no name at all. Every string is sanitised (invisible and
// direction-override characters removed) by the text engine. Returns the position below the name.
std::expected<float, QString> drawGuestName(const pdf::Page &page, text::FontLibrary &fonts, const InvitationData &data,
                                            float x, float top, float maxWidth)
{
    QString name = text::sanitizeForPrint(data.guestName);
    // The same rule as the badges' latin_name_if_different; nothing when there is no name to go under.
    const QString latin = name.isEmpty() ? QString() : latinNameIfDifferent(name, data.guestLatinName);
    if (name.isEmpty())
        name = text::sanitizeForPrint(data.guestLatinName);
    if (name.isEmpty())
        name = u"Guest"_s;

    const auto fitted = text::fitText(fonts, name, maxWidth, 2, 30.0, 16.0, text::FontWeight::Bold);
    if (!fitted)
        return std::unexpected(fitted.error());
    if (std::any_of(fitted->lines.cbegin(), fitted->lines.cend(),
                    [](const text::TextLine &l) { return l.hasPlaceholders(); }))
        qCInfo(lcInvitation)
            << "no font has some characters of a guest's name - they print as boxes"; // no names in logs
    auto y = drawShapedLines(page, fitted->lines, x, top, maxWidth, Ink);
    if (!y || latin.isEmpty())
        return y;
    const auto latinFit = text::fitText(fonts, latin, maxWidth, 1, 14.0, 10.0);
    if (!latinFit)
        return std::unexpected(latinFit.error());
    return drawShapedLines(page, latinFit->lines, x, *y + 2 * Mm, maxWidth, Muted);
}

// The QR code as vector squares: one rectangle per horizontal run of dark modules, all filled at once
// (one path, so no hairline seams between rows), on a white square that includes the quiet zone.
void drawQrCode(const pdf::Page &page, const QrMatrix &qr, float x, float top, float symbolSide)
{
    const float module = symbolSide / float(qr.size);
    const float quiet = module * QrQuietModules;
    page.fillRect<float>(x, top, symbolSide + 2 * quiet, symbolSide + 2 * quiet, White);

    const HPDF_Page p = page.handle();
    HPDF_Page_SetRGBFill(p, 0, 0, 0);
    for (int row = 0; row < qr.size; ++row) {
        int col = 0;
        while (col < qr.size) {
            if (!qr.at(col, row)) {
                ++col;
                continue;
            }
            const int start = col;
            while (col < qr.size && qr.at(col, row))
                ++col;
            const float bottom = page.height() - (top + quiet + float(row + 1) * module);
            HPDF_Page_Rectangle(p, x + quiet + float(start) * module, bottom, float(col - start) * module, module);
        }
    }
    HPDF_Page_Fill(p);
}

// Per thread, because libharu handles are not thread-safe. The document handle outlives each render
// so that the parsed Noto Sans fonts are reused (HPDF_FreeDoc keeps font definitions).
struct Renderer
{
    pdf::HpdfDocument doc;
    text::FontLibrary fonts; // HarfBuzz faces and glyph outlines for names in any script
    QString regularPath;
    QString boldPath;
};

std::expected<QByteArray, QString> renderWith(Renderer &r, const InvitationData &data, const QrMatrix &qr)
{
    if (r.regularPath.isEmpty() || r.boldPath.isEmpty()) {
        const auto regular = pdf::findFontFile(u"NotoSans-Regular.ttf"_s, u"fonts-noto-core"_s);
        CHECKIN_TRY(regular);
        const auto bold = pdf::findFontFile(u"NotoSans-Bold.ttf"_s, u"fonts-noto-core"_s);
        CHECKIN_TRY(bold);
        r.regularPath = *regular;
        r.boldPath = *bold;
    }

    pdf::HpdfDocument &doc = r.doc;
    CHECKIN_TRY(doc.begin());
    Fonts fonts;
    {
        auto regular = doc.trueTypeFont(r.regularPath);
        CHECKIN_TRY(regular);
        auto bold = doc.trueTypeFont(r.boldPath);
        CHECKIN_TRY(bold);
        fonts = {*regular, *bold};
    }

    const QString eventTitle = [&] {
        const QString name = pdf::cleaned(data.eventName);
        if (!name.isEmpty() && fonts.bold.covers(name))
            return name;
        return data.eventNumber > 0 ? u"IETF %1"_s.arg(data.eventNumber) : u"IETF"_s;
    }();
    const QString title = u"%1 Policymaker Program invitation"_s.arg(eventTitle);
    CHECKIN_TRY(pdf::setDocumentInfo(doc, title, "IETF Policymaker Program invitation"));

    const auto handle = pdf::addPage(doc, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT, u"the page");
    CHECKIN_TRY(handle);
    const pdf::Page page(*handle, HPDF_Page_GetWidth(*handle), HPDF_Page_GetHeight(*handle));
    const float contentWidth = page.width() - 2 * Margin;

    // Header band: organisation label, event, city and days.
    page.fillRect<float>(0, 0, page.width(), BandHeight, Accent);
    const float labelTracking = 1.6f;
    drawText(page, fonts.bold, 8.5f, BandLabel, Margin, 17 * Mm, "INTERNET ENGINEERING TASK FORCE", labelTracking);
    const FittedText titleFit = fitText(fonts.bold, eventTitle, contentWidth, 40.0f, 40.0f, 1);
    drawText(page, fonts.bold, titleFit.size, White, Margin, 17 * Mm + 46, titleFit.lines.first());
    QStringList where;
    if (const QString city = pdf::cleaned(data.eventCity); !city.isEmpty() && fonts.regular.covers(city))
        where.append(city);
    if (const QString days = formatDateRange(data.firstDay, data.lastDay); !days.isEmpty())
        where.append(days);
    if (!where.isEmpty()) {
        const FittedText whereFit = fitText(fonts.regular, where.join(u"  ·  "_s), contentWidth, 15.0f, 15.0f, 1);
        drawText(page, fonts.regular, whereFit.size, White, Margin, 17 * Mm + 46 + 30, whereFit.lines.first());
    }
    CHECKIN_TRY(doc.check(u"drawing the header"));

    // Programme line with a short accent rule, then the guest.
    float y = BandHeight + 22 * Mm;
    drawText(page, fonts.bold, 12.0f, Accent, Margin, y, u"Policymaker Program — Invitation"_s.toUtf8(), 0.3f);
    page.fillRect<float>(Margin, y + 10, 14 * Mm, 1.6f, Accent);
    y += 16 * Mm;
    drawText(page, fonts.regular, 12.0f, Muted, Margin, y, "We look forward to welcoming");
    y += 8 * Mm;
    CHECKIN_TRY(doc.check(u"drawing the programme title"));

    {
        const auto below = drawGuestName(page, r.fonts, data, Margin, y, contentWidth);
        CHECKIN_TRY(below);
        y = *below;
    }
    CHECKIN_TRY(doc.check(u"drawing the guest's name"));

    if (const QString organisation = text::sanitizeForPrint(data.organisation); !organisation.isEmpty()) {
        const auto fitted = text::fitText(r.fonts, organisation, contentWidth, 2, 14.0, 11.0);
        CHECKIN_TRY(fitted);
        const auto below = drawShapedLines(page, fitted->lines, Margin, y + 4 * Mm, contentWidth, Muted);
        CHECKIN_TRY(below);
        y = *below;
    }
    CHECKIN_TRY(doc.check(u"drawing the organisation"));

    // The check-in card: QR code on white with its quiet zone, instructions beside it.
    const float module = QrSymbolSide / float(qr.size);
    const float qrBox = QrSymbolSide + 2 * QrQuietModules * module;
    const float padding = 7 * Mm;
    const float cardTop = std::max(y + 14 * Mm, BandHeight + 104 * Mm);
    const float cardHeight = qrBox + 2 * padding;
    page.fillRect<float>(Margin, cardTop, contentWidth, cardHeight, AccentTint);
    drawQrCode(page, qr, Margin + padding, cardTop + padding, QrSymbolSide);
    CHECKIN_TRY(doc.check(u"drawing the QR code"));

    const float textX = Margin + padding + qrBox + 9 * Mm;
    const float textWidth = Margin + contentWidth - padding - textX;
    const QList<QByteArray> show = wrapText(fonts.regular, u"Show this code at a check-in kiosk."_s, 12.0f, textWidth);
    const QList<QByteArray> privacy = wrapText(fonts.regular, u"The code contains no personal data."_s, 10.0f,
                                               textWidth);
    const float blockHeight = 15.0f + 10.0f + float(show.size()) * 16.0f + 6.0f + float(privacy.size()) * 13.0f;
    float ty = cardTop + cardHeight / 2 - blockHeight / 2 + 11.0f;
    drawText(page, fonts.bold, 14.0f, Ink, textX, ty, "Your check-in code");
    ty += 10.0f;
    for (const QByteArray &line : show) {
        ty += 16.0f;
        drawText(page, fonts.regular, 12.0f, Ink, textX, ty, line);
    }
    ty += 6.0f;
    for (const QByteArray &line : privacy) {
        ty += 13.0f;
        drawText(page, fonts.regular, 10.0f, Muted, textX, ty, line);
    }
    CHECKIN_TRY(doc.check(u"drawing the instructions"));

    // Footer.
    const float footerTop = page.height() - 20 * Mm;
    page.fillRect<float>(Margin, footerTop, contentWidth, 0.6f, Hairline);
    drawText(page, fonts.regular, 8.5f, Muted, Margin, footerTop + 14,
             "Internet Engineering Task Force  ·  Policymaker Program");
    const QByteArray site = "www.ietf.org";
    drawText(page, fonts.regular, 8.5f, Muted, Margin + contentWidth - fonts.regular.width(site, 8.5f), footerTop + 14,
             site);
    CHECKIN_TRY(doc.check(u"drawing the footer"));

    return doc.save();
}

} // namespace

std::expected<QByteArray, QString> InvitationPdf::render(const InvitationData &data)
{
    const QString failed = u"cannot create the invitation PDF: "_s;
    if (data.token.isEmpty())
        return std::unexpected(failed + u"the invitation has no token to put in the QR code"_s);
    const auto qr = QrEncoder::encode(data.token, QrErrorCorrection::M);
    if (!qr)
        return std::unexpected(failed + qr.error());

    thread_local std::unique_ptr<Renderer> renderer;
    if (!renderer)
        renderer = std::make_unique<Renderer>();
    auto pdf = renderWith(*renderer, data, *qr);
    if (!pdf) {
        // After a libharu error the handle's state is unknown: start afresh next time.
        renderer.reset();
        return std::unexpected(failed + pdf.error());
    }
    return pdf;
}

} // namespace checkin
