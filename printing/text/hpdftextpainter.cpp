#include "hpdftextpainter.h"

#include "fontlibrary_p.h"
#include "textline_p.h"

// libharu 2.3 has no API for marked content; its installed internal headers expose the page's content
// stream, which every HPDF_Page_* operator also writes to, so what we write lands in order.
#include <hpdf_error.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <QHash>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

// How the text stays text. libharu cannot embed the fonts we need (the CFF-based Noto CJK does not
// load, composite glyphs above index 32767 and nested composites come out wrong) and does no shaping,
// so the glyphs are drawn as filled FreeType outlines, marked /Artifact. Outlines carry no text, so on
// top of them goes an invisible text layer (3 Tr) in a Type 3 font made for the line: its glyphs draw
// nothing, and its ToUnicode CMap maps each code to one character of the line. Every character sits
// on its share of its cluster's advance, in the cluster's direction, so readers rebuild logical order
// from positions exactly as for any PDF. Measured with poppler 22.12 and Ghostscript 10.0 on every
// script of the test set; alternatives tried and dropped:
// - /ActualText spans around the outlines alone: pdftotext prints nothing (poppler only emits
//   ActualText when a text-showing operator occurs inside the span);
// - one ActualText span per line around an invisible glyph: right-to-left and mixed lines come out
//   reversed (poppler treats a multi-character replacement as a visual-order ligature);
// - one ActualText span per character around an invisible Helvetica "x": right in pdftotext, but
//   Ghostscript's txtwrite (no ActualText support) extracts "xxxx";
// - an invisible layer in a TrueType font libharu loads: no such font covers CJK.
// The Type 3 font is built with libharu's exported object functions (hpdf_objects.h), as libharu has
// no API for it; the page's content stream comes from hpdf_pages.h.

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

// One invisible character of the text layer: which character, where, how wide.
struct Anchor
{
    QStringView character;
    double x = 0;
    double width = 0;
};

HPDF_Array numberArray(HPDF_MMgr mmgr, std::initializer_list<double> values)
{
    HPDF_Array array = HPDF_Array_New(mmgr);
    if (array)
        for (const double value : values)
            HPDF_Array_AddReal(array, HPDF_REAL(value));
    return array;
}

// The ToUnicode CMap: code n (one byte) is characters[n - 1].
QByteArray toUnicodeCMap(const QList<QStringView> &characters)
{
    QByteArray cmap = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                      "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n";
    for (qsizetype first = 0; first < characters.size(); first += 100) {
        const qsizetype count = std::min<qsizetype>(100, characters.size() - first);
        cmap += QByteArray::number(count) + " beginbfchar\n";
        for (qsizetype i = first; i < first + count; ++i) {
            cmap += '<' + QByteArray::number(int(i + 1), 16).rightJustified(2, '0').toUpper() + "> <";
            appendUtf16Hex(cmap, characters[i]);
            cmap += ">\n";
        }
        cmap += "endbfchar\n";
    }
    cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return cmap;
}

// A Type 3 font whose glyphs draw nothing and are 1 em wide, and whose ToUnicode maps code n to
// characters[n - 1] (at most 255): the text layer's font. libharu has no API for Type 3 fonts; its
// exported object functions (hpdf_objects.h) build one, and the document frees it with the rest.
HPDF_Dict createTextLayerFont(HPDF_Page page, const QList<QStringView> &characters)
{
    const auto attr = static_cast<HPDF_PageAttr>(page->attr);
    HPDF_MMgr mmgr = page->mmgr;
    HPDF_Xref xref = attr->xref;
    const bool compress = attr->contents && attr->contents->filter != HPDF_STREAM_FILTER_NONE;

    HPDF_Dict font = HPDF_Dict_New(mmgr);
    if (!font || HPDF_Xref_Add(xref, font) != HPDF_OK) // Xref_Add frees the object when it fails
        return nullptr;
    HPDF_Dict emptyGlyph = HPDF_DictStream_New(mmgr, xref);
    HPDF_Dict toUnicode = HPDF_DictStream_New(mmgr, xref);
    HPDF_Dict charProcs = HPDF_Dict_New(mmgr);
    HPDF_Dict encoding = HPDF_Dict_New(mmgr);
    HPDF_Array differences = HPDF_Array_New(mmgr);
    HPDF_Array widths = HPDF_Array_New(mmgr);
    HPDF_Dict resources = HPDF_Dict_New(mmgr);
    if (!emptyGlyph || !toUnicode || !charProcs || !encoding || !differences || !widths || !resources)
        return nullptr;

    HPDF_STATUS status = HPDF_Stream_WriteStr(emptyGlyph->stream, "1000 0 d0\n");
    const QByteArray cmap = toUnicodeCMap(characters);
    status |= HPDF_Stream_Write(toUnicode->stream, reinterpret_cast<const HPDF_BYTE *>(cmap.constData()),
                                HPDF_UINT(cmap.size()));
    if (compress)
        toUnicode->filter = HPDF_STREAM_FILTER_FLATE_DECODE;

    status |= HPDF_Array_AddNumber(differences, 1);
    for (qsizetype i = 0; i < characters.size(); ++i) {
        const QByteArray name = "g" + QByteArray::number(i + 1);
        status |= HPDF_Array_AddName(differences, name.constData());
        status |= HPDF_Dict_Add(charProcs, name.constData(), emptyGlyph);
        status |= HPDF_Array_AddNumber(widths, 1000);
    }
    status |= HPDF_Dict_AddName(encoding, "Type", "Encoding");
    status |= HPDF_Dict_Add(encoding, "Differences", differences);

    status |= HPDF_Dict_AddName(font, "Type", "Font");
    status |= HPDF_Dict_AddName(font, "Subtype", "Type3");
    status |= HPDF_Dict_Add(font, "FontBBox", numberArray(mmgr, {0, -200, 1000, 800}));
    status |= HPDF_Dict_Add(font, "FontMatrix", numberArray(mmgr, {0.001, 0, 0, 0.001, 0, 0}));
    status |= HPDF_Dict_Add(font, "CharProcs", charProcs);
    status |= HPDF_Dict_Add(font, "Encoding", encoding);
    status |= HPDF_Dict_AddNumber(font, "FirstChar", 1);
    status |= HPDF_Dict_AddNumber(font, "LastChar", HPDF_INT32(characters.size()));
    status |= HPDF_Dict_Add(font, "Widths", widths);
    status |= HPDF_Dict_Add(font, "Resources", resources);
    status |= HPDF_Dict_Add(font, "ToUnicode", toUnicode);
    return status == HPDF_OK ? font : nullptr;
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

    // The text layer: each character of a cluster gets an equal share of the cluster's advance, in the
    // cluster's direction, so readers rebuild logical order from positions as for any PDF.
    QList<Anchor> anchors;
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
        for (qsizetype k = 0; k < characters.size(); ++k)
            anchors.append(Anchor{characters[k], x + cluster.x + k * slot, slot});
    }
    QList<QStringView> distinct;
    QHash<QStringView, qsizetype> indexOf;
    for (const Anchor &anchor : std::as_const(anchors)) {
        if (!indexOf.contains(anchor.character)) {
            indexOf.insert(anchor.character, distinct.size());
            distinct.append(anchor.character);
        }
    }
    QList<QByteArray> fontNames;
    for (qsizetype first = 0; first < distinct.size(); first += 255) {
        HPDF_Dict font = createTextLayerFont(page, distinct.mid(first, 255));
        const char *name = font ? HPDF_Page_GetLocalFontName(page, reinterpret_cast<HPDF_Font>(font)) : nullptr;
        if (!name)
            return std::unexpected(u"libharu error %1 while adding the text layer font."_s.arg(HPDF_Error_GetCode(page->error), 0, 16));
        fontNames.append(QByteArray(name));
    }

    out += "BT 3 Tr\n";
    qsizetype currentFont = -1;
    for (const Anchor &anchor : std::as_const(anchors)) {
        const qsizetype index = indexOf.value(anchor.character);
        if (index / 255 != currentFont) {
            currentFont = index / 255;
            out += '/' + fontNames[currentFont] + ' ';
            appendNumber(out, size);
            out += " Tf\n";
        }
        // The glyph is 1 em wide; Tz stretches it over the character's share of the cluster.
        appendNumber(out, anchor.width / size * 100.0);
        out += " Tz 1 0 0 1 ";
        appendNumbers(out, {anchor.x, baselineY});
        out += "Tm <" + QByteArray::number(int(index % 255 + 1), 16).rightJustified(2, '0') + "> Tj\n";
    }
    out += "ET\nQ\n";

    HPDF_Stream stream = static_cast<HPDF_PageAttr>(page->attr)->stream;
    if (HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE *>(out.constData()), HPDF_UINT(out.size()))
        != HPDF_OK)
        return std::unexpected(u"libharu error %1 while writing the page."_s.arg(HPDF_Error_GetCode(page->error), 0, 16));
    return {};
}

} // namespace checkin::text
