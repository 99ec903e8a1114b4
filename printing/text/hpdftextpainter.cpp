#include "hpdftextpainter.h"

#include "fontlibrary_p.h"
#include "textline_p.h"

// libharu 2.3 has no API for marked content; its installed internal headers expose the page's content
// stream, which every HPDF_Page_* operator also writes to, so what we write lands in order.
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

// How the text stays text. libharu cannot embed the fonts we need (CFF-based Noto CJK does not load,
// composite glyphs above index 32767 and nested composites come out wrong, and it has no shaping),
// so glyphs are drawn as filled FreeType outlines. Outlines alone carry no text, and a marked-content
// span with /ActualText around paths alone is not enough: poppler (pdftotext 22.12, measured) only
// emits ActualText when a text-showing operator occurs inside the span. So every character also
// gets an invisible (3 Tr) glyph of the standard Helvetica font, stretched with Tz over its share of
// its cluster's advance, inside its own /Span <</ActualText <FEFF…>>> BDC … EMC. Helvetica is never
// embedded and never shown; the ActualText says which character it stands for. One span per
// character, placed where the character is drawn, lets readers rebuild logical order from positions
// the way they do for any PDF: a single span holding a whole right-to-left or mixed line comes out of
// pdftotext reversed (measured). The visible outlines are marked /Artifact so tagged-PDF readers
// skip them. (An invisible text layer in a libharu-loaded TrueType font was the alternative; it needs
// a font libharu can load for every script, which CJK does not have.)

namespace checkin::text {

namespace {

void appendNumber(QByteArray &out, double value)
{
    const double rounded = std::round(value * 1000.0) / 1000.0;
    if (rounded == std::floor(rounded) && std::abs(rounded) < 1e15) {
        out += QByteArray::number(qint64(rounded));
    } else {
        QByteArray number = QByteArray::number(rounded, 'f', 3);
        while (number.endsWith('0'))
            number.chop(1);
        out += number;
    }
}

void appendNumbers(QByteArray &out, std::initializer_list<double> values)
{
    for (const double value : values) {
        appendNumber(out, value);
        out += ' ';
    }
}

void appendUtf16Hex(QByteArray &out, QStringView text)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        out += hex[(u >> 12) & 0xF];
        out += hex[(u >> 8) & 0xF];
        out += hex[(u >> 4) & 0xF];
        out += hex[u & 0xF];
    }
}

// A hollow box for a character no font has (emoji, unassigned code points), like a .notdef glyph.
void appendPlaceholder(QByteArray &out, double x, double baseline, double advance, double size)
{
    const double margin = std::min(0.08 * size, 0.15 * advance);
    const double width = std::max(advance - 2 * margin, 0.3 * size);
    const double height = 0.7 * size;
    const double stroke = 0.06 * size;
    appendNumbers(out, {x + margin, baseline, width, height});
    out += "re\n";
    appendNumbers(out, {x + margin + stroke, baseline + stroke, width - 2 * stroke, height - 2 * stroke});
    out += "re\nf*\n";
}

} // namespace

std::expected<void, QString> drawLine(HPDF_Doc doc, HPDF_Page page, const TextLine &line, double x, double baselineY,
                                      Rgb color)
{
    if (!HPDF_HasDoc(doc) || !page)
        return std::unexpected(u"No PDF document or page to draw on."_s);
    const auto &d = TextLineAccess::d(line);
    if (d->glyphs.isEmpty())
        return {};
    if (HPDF_Page_GetGMode(page) != HPDF_GMODE_PAGE_DESCRIPTION)
        return std::unexpected(u"drawLine() called inside a text or path object."_s);

    HPDF_Font anchorFont = HPDF_GetFont(doc, "Helvetica", nullptr);
    const char *anchorName = anchorFont ? HPDF_Page_GetLocalFontName(page, anchorFont) : nullptr;
    if (!anchorName)
        return std::unexpected(u"libharu error %1 while adding the text font."_s.arg(HPDF_GetError(doc), 0, 16));

    const double size = d->fontSize;
    QByteArray out;
    out.reserve(1024 + d->glyphs.size() * 600);

    out += "q\n/Artifact BMC\n";
    appendNumbers(out, {color.red, color.green, color.blue});
    out += "rg\n";
    appendNumbers(out, {color.red, color.green, color.blue});
    out += "RG\n1 j\n";
    for (const ShapedGlyph &glyph : d->glyphs) {
        const double gx = x + glyph.x;
        const double gy = baselineY + glyph.y;
        if (glyph.fontId < 0) {
            appendPlaceholder(out, gx, gy, glyph.advance, size);
            continue;
        }
        FontFace *face = d->fonts->face(glyph.fontId);
        const GlyphOutline &outline = face->outline(glyph.glyphId);
        if (outline.path.isEmpty())
            continue;
        const double scale = size / face->unitsPerEm;
        out += "q ";
        appendNumbers(out, {scale, 0, 0, scale, gx, gy});
        out += "cm\n";
        out += outline.path;
        if (face->syntheticBold) {
            // No Bold file for this script: thicken the regular outline with a stroke in its colour.
            appendNumber(out, 0.035 * face->unitsPerEm);
            out += " w B\nQ\n";
        } else {
            out += "f\nQ\n";
        }
    }
    out += "EMC\n";

    out += "BT\n/";
    out += anchorName;
    out += ' ';
    appendNumber(out, size);
    out += " Tf 3 Tr\n";
    for (const TextCluster &cluster : d->clusters) {
        if (cluster.length <= 0)
            continue;
        QList<QStringView> characters;
        for (qsizetype i = cluster.start; i < cluster.start + cluster.length;) {
            const qsizetype length = d->text.at(i).isHighSurrogate() && i + 1 < cluster.start + cluster.length ? 2 : 1;
            characters.append(QStringView(d->text).mid(i, length));
            i += length;
        }
        if (cluster.rightToLeft)
            std::reverse(characters.begin(), characters.end());
        const double slot = std::max(cluster.width / characters.size(), 0.001);
        for (qsizetype k = 0; k < characters.size(); ++k) {
            out += "/Span <</ActualText <FEFF";
            appendUtf16Hex(out, characters[k]);
            out += ">>> BDC ";
            // Helvetica's "x" is 500/1000 em wide: Tz stretches it over the slot.
            appendNumber(out, slot / (0.5 * size) * 100.0);
            out += " Tz 1 0 0 1 ";
            appendNumbers(out, {x + cluster.x + k * slot, baselineY});
            out += "Tm (x) Tj EMC\n";
        }
    }
    out += "ET\nQ\n";

    HPDF_Stream stream = static_cast<HPDF_PageAttr>(page->attr)->stream;
    if (HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE *>(out.constData()), HPDF_UINT(out.size()))
        != HPDF_OK)
        return std::unexpected(u"libharu error %1 while writing the page."_s.arg(HPDF_GetError(doc), 0, 16));
    return {};
}

} // namespace checkin::text
