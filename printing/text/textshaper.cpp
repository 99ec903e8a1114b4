#include "printing/text/textshaper.h"

#include "printing/text/fontlibrary.h"
#include "printing/text/fontlibrary_p.h"
#include "printing/text/textline_p.h"
#include "printing/text/textsanitizer.h"
#include "printing/text/textshaper_p.h"

#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace checkin::text {

namespace {

struct BidiDeleter
{
    void operator()(UBiDi *bidi) const { ubidi_close(bidi); }
};

struct HbBufferDeleter
{
    void operator()(hb_buffer_t *buffer) const { hb_buffer_destroy(buffer); }
};

// A grapheme-like unit that must come from one font: a base and its marks, joiners, selectors.
struct Cluster
{
    qsizetype start = 0;
    qsizetype end = 0;
    char32_t base = 0;
    UScriptCode script = USCRIPT_COMMON;
};

// Consecutive clusters of one script drawn with one font: one HarfBuzz run.
struct Item
{
    qsizetype start = 0;
    qsizetype end = 0;
    UScriptCode script = USCRIPT_COMMON;
    int fontId = -1;
};

char32_t codePointAt(const QString &text, qsizetype i, qsizetype *length)
{
    const QChar c = text.at(i);
    if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
        *length = 2;
        return QChar::surrogateToUcs4(c, text.at(i + 1));
    }
    *length = 1;
    return c.unicode();
}

bool isJoinerOrSelector(char32_t c)
{
    return c == 0x200C || c == 0x200D || c == 0x034F || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF)
           || (c >= 0x180B && c <= 0x180F);
}

bool extendsCluster(char32_t c)
{
    if (isJoinerOrSelector(c))
        return true;
    const auto gcb = u_getIntPropertyValue(UChar32(c), UCHAR_GRAPHEME_CLUSTER_BREAK);
    return gcb == U_GCB_EXTEND || gcb == U_GCB_SPACING_MARK;
}

UScriptCode scriptOf(char32_t c)
{
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(UChar32(c), &status);
    if (U_FAILURE(status))
        return USCRIPT_COMMON;
    switch (script) {
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_KATAKANA_OR_HIRAGANA:
    case USCRIPT_BOPOMOFO:
        return USCRIPT_HAN; // one font, one shaper, one run
    case USCRIPT_INHERITED:
    case USCRIPT_UNKNOWN:
        return USCRIPT_COMMON;
    default:
        return script;
    }
}

QList<Cluster> segment(const QString &text)
{
    QList<Cluster> clusters;
    qsizetype i = 0;
    while (i < text.size()) {
        qsizetype length = 0;
        Cluster cluster;
        cluster.start = i;
        cluster.base = codePointAt(text, i, &length);
        i += length;
        bool afterZwj = cluster.base == 0x200D;
        while (i < text.size()) {
            const char32_t next = codePointAt(text, i, &length);
            if (!afterZwj && !extendsCluster(next))
                break;
            afterZwj = next == 0x200D;
            i += length;
        }
        cluster.end = i;
        cluster.script = scriptOf(cluster.base);
        clusters.append(cluster);
    }
    // Common characters (spaces, digits, punctuation) and marks take the script around them.
    UScriptCode last = USCRIPT_COMMON;
    for (Cluster &cluster : clusters) {
        if (cluster.script != USCRIPT_COMMON)
            last = cluster.script;
        else
            cluster.script = last;
    }
    const auto firstReal = std::find_if(clusters.cbegin(), clusters.cend(),
                                        [](const Cluster &c) { return c.script != USCRIPT_COMMON; });
    if (firstReal != clusters.cend()) {
        const UScriptCode leading = firstReal->script;
        for (auto it = clusters.begin(); it->script == USCRIPT_COMMON; ++it)
            it->script = leading;
    }
    return clusters;
}

bool faceCovers(const FontFace &face, const QString &text, const Cluster &cluster)
{
    for (qsizetype i = cluster.start; i < cluster.end;) {
        qsizetype length = 0;
        const char32_t c = codePointAt(text, i, &length);
        i += length;
        // HarfBuzz hides joiners and selectors the font lacks.
        if (!isJoinerOrSelector(c) && !face.hasCharacter(c))
            return false;
    }
    return true;
}

struct FontChoice
{
    int fontId = -1;
    bool covered = false;
};

FontChoice chooseFont(FontLibraryPrivate &fonts, const QList<FaceSpec> &chain, const QString &text,
                      const Cluster &cluster)
{
    for (const FaceSpec &spec : chain) {
        const int id = fonts.faceId(spec);
        if (id >= 0 && faceCovers(*fonts.face(id), text, cluster))
            return {id, true};
    }
    int fallback = -1;
    for (const FaceSpec &spec : chain) {
        const int id = fonts.faceId(spec);
        if (id < 0)
            continue;
        if (fonts.face(id)->hasCharacter(cluster.base))
            return {id, true};
        if (fallback < 0)
            fallback = id;
    }
    return {fallback, false}; // no font has it: HarfBuzz gives glyph 0, drawn as a placeholder box
}

// The font for a cluster: from its script's list; for punctuation shared by a few scripts (Arabic
// comma, Devanagari danda, CJK marks) that the surrounding script's fonts lack, from the lists of the
// scripts the character is used with (Unicode Script_Extensions).
int fontFor(FontLibraryPrivate &fonts, const QString &text, const Cluster &cluster, FontWeight weight, CjkVariant cjk)
{
    FontChoice choice = chooseFont(fonts, fonts.chain(cluster.script, weight, cjk), text, cluster);
    if (choice.covered)
        return choice.fontId;
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode extensions[64];
    const int count = uscript_getScriptExtensions(UChar32(cluster.base), extensions, 64, &status);
    for (int i = 0; U_SUCCESS(status) && i < count; ++i) {
        if (extensions[i] == cluster.script || extensions[i] == USCRIPT_COMMON || extensions[i] == USCRIPT_INHERITED)
            continue;
        const FontChoice other = chooseFont(fonts, fonts.chain(extensions[i], weight, cjk), text, cluster);
        if (other.covered)
            return other.fontId;
    }
    return choice.fontId;
}

hb_script_t hbScript(UScriptCode script)
{
    const char *tag = uscript_getShortName(script);
    return tag ? hb_script_from_string(tag, -1) : HB_SCRIPT_COMMON;
}

} // namespace

CjkVariant cjkVariantFor(const QString &text, const QString &language)
{
    const QString lang = language.toLower().replace(u'_', u'-');
    const QString primary = lang.section(u'-', 0, 0);
    if (primary == u"ja"_s)
        return CjkVariant::Japanese;
    if (primary == u"ko"_s)
        return CjkVariant::Korean;
    if (primary == u"zh"_s) {
        if (lang.contains(u"-hk"_s))
            return CjkVariant::HongKong;
        if (lang.contains(u"hant"_s) || lang.contains(u"-tw"_s) || lang.contains(u"-mo"_s))
            return CjkVariant::TraditionalChinese;
        return CjkVariant::SimplifiedChinese;
    }
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if ((c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) || (c >= 0xFF66 && c <= 0xFF9D))
            return CjkVariant::Japanese;
        if ((c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F))
            return CjkVariant::Korean;
    }
    return CjkVariant::SimplifiedChinese;
}

std::expected<TextLine, QString> shapeSanitized(const std::shared_ptr<FontLibraryPrivate> &fonts, const QString &clean,
                                                const TextStyle &style)
{
    FontLibraryPrivate &lib = *fonts;
    const int baseFace = lib.baseFaceId(style.weight);
    if (baseFace < 0)
        return std::unexpected(u"The badge font (Noto Sans) is not installed; install fonts-noto-core."_s);
    if (!(style.sizePt > 0) || style.sizePt > 10000)
        return std::unexpected(u"Invalid font size %1 pt."_s.arg(style.sizePt));

    auto data = std::make_shared<TextLineData>();
    data->fonts = fonts;
    data->text = clean;
    data->fontSize = style.sizePt;
    {
        const FontFace *base = lib.face(baseFace);
        data->ascent = base->ascender * style.sizePt / base->unitsPerEm;
        data->descent = base->descender * style.sizePt / base->unitsPerEm;
    }
    data->rightToLeft = style.direction == TextDirection::RightToLeft;
    if (clean.isEmpty())
        return TextLineAccess::make(std::move(data));

    // 1. Fonts: per cluster, the first font of its script's list that has every character.
    const CjkVariant cjk = cjkVariantFor(clean, style.language);
    QList<Item> items;
    for (const Cluster &cluster : segment(clean)) {
        int fontId = fontFor(lib, clean, cluster, style.weight, cjk);
        if (fontId < 0)
            fontId = baseFace;
        if (!items.isEmpty() && items.back().end == cluster.start && items.back().script == cluster.script
            && items.back().fontId == fontId) {
            items.back().end = cluster.end;
        } else {
            items.append(Item{cluster.start, cluster.end, cluster.script, fontId});
        }
    }

    // 2. Bidi: visual runs in left-to-right order, each a logical range with one direction.
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UBiDi, BidiDeleter> bidi(ubidi_open());
    const auto *utf16 = reinterpret_cast<const UChar *>(clean.utf16());
    UBiDiLevel paragraphLevel = UBIDI_DEFAULT_LTR;
    if (style.direction == TextDirection::LeftToRight)
        paragraphLevel = 0;
    else if (style.direction == TextDirection::RightToLeft)
        paragraphLevel = 1;
    ubidi_setPara(bidi.get(), utf16, int32_t(clean.size()), paragraphLevel, nullptr, &status);
    const int32_t runCount = U_SUCCESS(status) ? ubidi_countRuns(bidi.get(), &status) : 0;
    if (U_FAILURE(status))
        return std::unexpected(u"Bidi analysis failed: %1"_s.arg(QString::fromLatin1(u_errorName(status))));
    data->rightToLeft = (ubidi_getParaLevel(bidi.get()) & 1) != 0;

    // 3. Shape every (visual run ∩ item) with HarfBuzz, placing runs left to right.
    std::unique_ptr<hb_buffer_t, HbBufferDeleter> buffer(hb_buffer_create());
    const hb_language_t language = style.language.isEmpty()
                                       ? HB_LANGUAGE_INVALID
                                       : hb_language_from_string(style.language.toLatin1().constData(), -1);
    const auto *hbText = reinterpret_cast<const uint16_t *>(clean.utf16());
    double penX = 0;
    double inkTop = -std::numeric_limits<double>::infinity();
    double inkBottom = std::numeric_limits<double>::infinity();
    QList<int> usedFaces;

    for (int32_t run = 0; run < runCount; ++run) {
        int32_t runStart = 0;
        int32_t runLength = 0;
        const bool rtl = ubidi_getVisualRun(bidi.get(), run, &runStart, &runLength) == UBIDI_RTL;
        const qsizetype runEnd = runStart + runLength;
        QList<Item> pieces;
        for (const Item &item : std::as_const(items)) {
            const qsizetype start = std::max<qsizetype>(item.start, runStart);
            const qsizetype end = std::min(item.end, runEnd);
            if (start < end)
                pieces.append(Item{start, end, item.script, item.fontId});
        }
        if (rtl)
            std::reverse(pieces.begin(), pieces.end());

        for (const Item &piece : std::as_const(pieces)) {
            FontFace *face = lib.face(piece.fontId);
            const double scale = style.sizePt / face->unitsPerEm;
            if (!usedFaces.contains(piece.fontId)) {
                usedFaces.append(piece.fontId);
                data->ascent = std::max(data->ascent, face->ascender * scale);
                data->descent = std::max(data->descent, face->descender * scale);
            }

            hb_buffer_t *buf = buffer.get();
            hb_buffer_clear_contents(buf);
            // The whole line goes in as context, so joining and conjuncts see their neighbours.
            hb_buffer_add_utf16(buf, hbText, int(clean.size()), unsigned(piece.start), int(piece.end - piece.start));
            hb_buffer_set_direction(buf, rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
            hb_buffer_set_script(buf, hbScript(piece.script));
            if (language != HB_LANGUAGE_INVALID)
                hb_buffer_set_language(buf, language);
            // Joiners and selectors act during shaping and then leave no glyph behind.
            hb_buffer_set_flags(buf, hb_buffer_flags_t(HB_BUFFER_FLAG_REMOVE_DEFAULT_IGNORABLES
                                                       | (piece.start == 0 ? HB_BUFFER_FLAG_BOT : 0)
                                                       | (piece.end == clean.size() ? HB_BUFFER_FLAG_EOT : 0)));
            hb_shape(face->hbFont, buf, nullptr, 0);

            unsigned count = 0;
            const hb_glyph_info_t *infos = hb_buffer_get_glyph_infos(buf, &count);
            const hb_glyph_position_t *positions = hb_buffer_get_glyph_positions(buf, &count);
            const qsizetype firstCluster = data->clusters.size();
            for (unsigned k = 0; k < count; ++k) {
                const hb_glyph_info_t &info = infos[k];
                const hb_glyph_position_t &pos = positions[k];
                const double advance = pos.x_advance * scale;
                const bool missing = info.codepoint == 0;

                if (data->clusters.size() == firstCluster || data->clusters.back().start != qsizetype(info.cluster))
                    data->clusters.append(TextCluster{qsizetype(info.cluster), 0, penX, 0, rtl});
                data->clusters.back().width += advance;

                if (missing && !data->glyphs.isEmpty() && data->glyphs.back().fontId < 0) {
                    // One box per cluster, and per emoji ZWJ sequence (HarfBuzz keeps its parts apart).
                    const qsizetype previous = data->glyphs.back().cluster;
                    const qsizetype later = std::max(previous, qsizetype(info.cluster));
                    if (previous == qsizetype(info.cluster) || clean.at(later - 1) == QChar(0x200D)) {
                        data->glyphs.back().advance += advance;
                        penX += advance;
                        continue;
                    }
                }
                ShapedGlyph glyph;
                glyph.fontId = missing ? -1 : piece.fontId;
                glyph.glyphId = info.codepoint;
                glyph.x = penX + pos.x_offset * scale;
                glyph.y = pos.y_offset * scale;
                glyph.advance = advance;
                glyph.cluster = qsizetype(info.cluster);
                data->glyphs.append(glyph);
                penX += advance;

                if (missing) {
                    data->placeholders = true;
                    inkTop = std::max(inkTop, 0.7 * style.sizePt);
                    inkBottom = std::min(inkBottom, 0.0);
                } else if (const GlyphOutline &outline = face->outline(info.codepoint); !outline.path.isEmpty()) {
                    inkTop = std::max(inkTop, glyph.y + outline.yMax * scale);
                    inkBottom = std::min(inkBottom, glyph.y + outline.yMin * scale);
                }
            }

            // Each cluster covers the characters up to the next cluster start in logical order.
            QList<qsizetype> starts;
            for (qsizetype c = firstCluster; c < data->clusters.size(); ++c)
                starts.append(data->clusters[c].start);
            std::sort(starts.begin(), starts.end());
            for (qsizetype c = firstCluster; c < data->clusters.size(); ++c) {
                TextCluster &cluster = data->clusters[c];
                const auto next = std::upper_bound(starts.cbegin(), starts.cend(), cluster.start);
                const qsizetype end = next == starts.cend() ? piece.end : *next;
                if (cluster.start == starts.front())
                    cluster.start = piece.start; // characters HarfBuzz folded away at the start
                cluster.length = end - cluster.start;
            }
        }
    }

    data->width = penX;
    data->inkTop = std::isfinite(inkTop) ? inkTop : 0;
    data->inkBottom = std::isfinite(inkBottom) ? inkBottom : 0;
    return TextLineAccess::make(std::move(data));
}

std::expected<TextLine, QString> shapeLine(FontLibrary &fonts, const QString &text, const TextStyle &style)
{
    return shapeSanitized(FontLibraryAccess::d(fonts), sanitizeForPrint(text), style);
}

std::expected<TextLine, QString> shapeLine(FontLibrary &fonts, const QString &text, double sizePt, FontWeight weight)
{
    TextStyle style;
    style.sizePt = sizePt;
    style.weight = weight;
    return shapeLine(fonts, text, style);
}

} // namespace checkin::text
