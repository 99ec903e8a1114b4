#include "printing/text/hpdftextpainter.h"

#include "printing/text/fontlibrary_p.h"
#include "printing/text/hpdftextresources_p.h"
#include "printing/text/textline_p.h"

// libharu 2.3 has no API for marked content; its installed internal headers expose the page's content
// stream, which every HPDF_Page_* operator also writes to, so what we write lands in order.
#include <hpdf_error.h>
#include <hpdf_gstate.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cmath>
#include <utility>

using namespace Qt::StringLiterals;

// How the text stays text. libharu cannot embed the fonts we need (the CFF-based Noto CJK does not
// load, composite glyphs above index 32767 and nested composites come out wrong) and does no shaping,
// so the glyphs are drawn as filled FreeType outlines, marked /Artifact. Each distinct outline of a
// document is one Form XObject (HpdfTextResources), drawn with "cm" and "Do" wherever it is used: a
// 500-badge sheet holds each letter once instead of at every use. Outlines carry no text, so on top of
// them goes an invisible text layer (3 Tr) in Type 3 fonts shared by the document: their glyphs draw
// nothing, and their ToUnicode CMap maps each code to one character. Every character sits on its share
// of its cluster's advance, in the cluster's direction, so readers rebuild logical order from
// positions exactly as for any PDF. The layer's glyphs are half an em wide and stretched with Tz to
// their share: poppler guesses a Type 3 font's size from its glyph widths and takes half an em for an
// average letter, so it then sees the real size (with 1-em glyphs it saw twice the size, made word boxes
// 2.6 em tall, split and merged lines, and lost spaces in -raw mode); the font descriptor's ascent and
// descent make its word boxes the em box of the drawn glyphs.
//
// Why Form XObjects and not a Type 3 font for the visible glyphs too: both hold one stream per glyph,
// and with relative positioning both cost a byte or two per use, but a Type 3 font is text. Its glyphs
// have no Unicode of their own, so pdftotext, Ghostscript's txtwrite and copy-paste would return them
// next to the real text layer (or depend on how each reader treats empty ToUnicode entries). A form
// draws paths only, which no extractor reads. Measured on a 500-badge A4 sheet: 14.3 MB of inline
// outlines became 1.3 MB (forms 0.1 MB; the rest is mostly the QR codes' rectangles).
//
// Measured with poppler 22.12 and Ghostscript 10.0 on every script of the test set; alternatives
// tried and dropped for the text layer:
// - /ActualText spans around the outlines alone: pdftotext prints nothing (poppler only emits
//   ActualText when a text-showing operator occurs inside the span);
// - one ActualText span per line around an invisible glyph: right-to-left and mixed lines come out
//   reversed (poppler treats a multi-character replacement as a visual-order ligature);
// - one ActualText span per character around an invisible Helvetica "x": right in pdftotext, but
//   Ghostscript's txtwrite (no ActualText support) extracts "xxxx";
// - an invisible layer in a TrueType font libharu loads: no such font covers CJK.

namespace checkin::text {

namespace {

// decimals: 3 for page coordinates (1/1000 pt), more for the scale of a glyph in font units.
void appendNumber(QByteArray &out, double value, int decimals = 3)
{
    const double factor = std::pow(10.0, decimals);
    const double rounded = std::round(value * factor) / factor;
    if (rounded == std::floor(rounded) && std::abs(rounded) < 1e15) {
        out += QByteArray::number(qint64(rounded));
    } else {
        QByteArray number = QByteArray::number(rounded, 'f', decimals);
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

// One invisible character of the text layer: which character, where, how wide.
struct Anchor
{
    QStringView character;
    double x = 0;
    double width = 0;
};

QList<Anchor> textLayerAnchors(const TextLineData &d, double x)
{
    // Each character of a cluster gets an equal share of the cluster's advance, in the cluster's
    // direction, so readers rebuild logical order from positions as for any PDF.
    QList<Anchor> anchors;
    for (const TextCluster &cluster : d.clusters) {
        if (cluster.length <= 0)
            continue;
        QList<QStringView> characters;
        for (qsizetype i = cluster.start; i < cluster.start + cluster.length;) {
            const qsizetype length = d.text.at(i).isHighSurrogate() && i + 1 < cluster.start + cluster.length ? 2 : 1;
            characters.append(QStringView(d.text).mid(i, length));
            i += length;
        }
        if (cluster.rightToLeft)
            std::reverse(characters.begin(), characters.end());
        const double slot = std::max(cluster.width / characters.size(), 0.001);
        for (qsizetype k = 0; k < characters.size(); ++k)
            anchors.append(Anchor{characters[k], x + cluster.x + k * slot, slot});
    }
    return anchors;
}

} // namespace

std::expected<void, QString> drawLine(HPDF_Page page, const TextLine &line, double x, double baselineY, Rgb color)
{
    if (!page || !HPDF_Page_Validate(page))
        return std::unexpected(u"No PDF page to draw on."_s);
    const auto &d = TextLineAccess::d(line);
    if (d->glyphs.isEmpty())
        return {};
    if (HPDF_Page_GetGMode(page) != HPDF_GMODE_PAGE_DESCRIPTION)
        return std::unexpected(u"drawLine() called inside a text or path object."_s);
    const auto resources = HpdfTextResources::of(page);
    if (!resources)
        return std::unexpected(resources.error());

    const double size = d->fontSize;
    QByteArray out;
    out.reserve(512 + d->glyphs.size() * 48 + d->text.size() * 12);

    out += "q\n/Artifact BMC\n";
    appendNumbers(out, {color.red, color.green, color.blue});
    out += "rg\n";
    appendNumbers(out, {color.red, color.green, color.blue});
    out += "RG\n";
    // Glyphs in 1/1000 em: "q s 0 0 s x y cm" at the first glyph, then each next glyph's offset from
    // the previous one in that unit ("1 0 0 1 560 0 cm /G7 Do"). Offsets are the fonts' own advances,
    // short integers that repeat and deflate to a byte or two per glyph.
    // 7 decimals: 13.37 pt is 0.01337 pt per unit, which 3 decimals would draw 3 % too small. Offsets are
    // computed with the value as written, so rounding it moves no glyph.
    const double unit = std::round(size / 1000.0 * 1e7) / 1e7;
    bool grouped = false;
    double originX = 0, originY = 0; // page position of the group, as written
    double penX = 0, penY = 0;       // current offset from it in 1/1000 em, as written
    const auto moveTo = [&](double gx, double gy) {
        if (!grouped) {
            originX = std::round(gx * 1000.0) / 1000.0;
            originY = std::round(gy * 1000.0) / 1000.0;
            out += "q ";
            appendNumber(out, unit, 7);
            out += " 0 0 ";
            appendNumber(out, unit, 7);
            out += ' ';
            appendNumbers(out, {originX, originY});
            out += "cm ";
            grouped = true;
            penX = penY = 0;
            return;
        }
        const double dx = std::round(((gx - originX) / unit - penX) * 1000.0) / 1000.0;
        const double dy = std::round(((gy - originY) / unit - penY) * 1000.0) / 1000.0;
        if (dx != 0 || dy != 0) {
            out += "1 0 0 1 ";
            appendNumbers(out, {dx, dy});
            out += "cm ";
            penX += dx;
            penY += dy;
        }
    };
    for (const ShapedGlyph &glyph : d->glyphs) {
        const double gx = x + glyph.x;
        const double gy = baselineY + glyph.y;
        if (glyph.fontId < 0) {
            if (std::exchange(grouped, false))
                out += "Q\n";
            appendPlaceholder(out, gx, gy, glyph.advance, size);
            continue;
        }
        const auto name = (*resources)->glyph(page, d->fonts, glyph.fontId, glyph.glyphId);
        if (!name)
            return std::unexpected(name.error());
        if (!name->isEmpty()) {
            moveTo(gx, gy);
            out += '/' + *name + " Do\n";
            continue;
        }
        // No name: no ink (a space), or no room left in the resources, where the outline goes inline.
        FontFace *face = d->fonts->face(glyph.fontId);
        const GlyphOutline &outline = face->outline(glyph.glyphId);
        if (outline.path.isEmpty())
            continue;
        moveTo(gx, gy);
        out += "q ";
        if (face->unitsPerEm != 1000) {
            appendNumber(out, 1000.0 / face->unitsPerEm, 7);
            out += " 0 0 ";
            appendNumber(out, 1000.0 / face->unitsPerEm, 7);
            out += " 0 0 cm ";
        }
        out += '\n' + outline.path;
        if (face->syntheticBold) {
            out += "1 j [] 0 d ";
            appendNumber(out, 0.035 * face->unitsPerEm, 0);
            out += " w B Q\n";
        } else {
            out += "f Q\n";
        }
    }
    if (grouped)
        out += "Q\n";
    out += "EMC\n";

    // The text layer: one positioning per line, then the characters, each stretched by Tz over its
    // share of its cluster; the pen moves by exactly that share, so consecutive characters need no
    // further positioning. Text state lives in the graphics state, restored by the final Q.
    out += "BT 3 Tr\n";
    const HPDF_GState gstate = static_cast<HPDF_PageAttr>(page->attr)->gstate;
    if (gstate->char_space != 0)
        out += "0 Tc ";
    if (gstate->word_space != 0)
        out += "0 Tw ";
    if (gstate->text_rise != 0)
        out += "0 Ts ";
    const double glyphEm = HpdfTextResources::kTextGlyphWidth / 1000.0;
    QByteArray currentFont;
    double currentScale = -1;
    double pen = -1e9;
    QByteArray codes;
    const auto flush = [&] {
        if (!codes.isEmpty())
            out += '<' + codes + "> Tj\n";
        codes.clear();
    };
    for (const Anchor &anchor : textLayerAnchors(*d, x)) {
        const auto code = (*resources)->character(page, anchor.character);
        if (!code)
            return std::unexpected(code.error());
        if (code->fontName != currentFont) {
            flush();
            currentFont = code->fontName;
            out += '/' + currentFont + ' ';
            appendNumber(out, size);
            out += " Tf\n";
        }
        if (std::abs(pen - anchor.x) > 0.001) {
            flush();
            out += "1 0 0 1 ";
            appendNumbers(out, {anchor.x, baselineY});
            out += "Tm\n";
            pen = std::round(anchor.x * 1000.0) / 1000.0;
        }
        const double scale = std::round(anchor.width / (glyphEm * size) * 100.0 * 1000.0) / 1000.0;
        if (scale != currentScale) {
            flush();
            appendNumber(out, scale);
            out += " Tz\n";
            currentScale = scale;
        }
        codes += QByteArray::number(code->code, 16).rightJustified(2, '0');
        pen += glyphEm * size * scale / 100.0;
    }
    flush();
    out += "ET\nQ\n";

    HPDF_Stream stream = static_cast<HPDF_PageAttr>(page->attr)->stream;
    if (HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE *>(out.constData()), HPDF_UINT(out.size()))
        != HPDF_OK)
        return std::unexpected(
            u"libharu error %1 while writing the page."_s.arg(HPDF_Error_GetCode(page->error), 0, 16));
    return {};
}

} // namespace checkin::text
