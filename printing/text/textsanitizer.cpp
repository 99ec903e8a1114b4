#include "printing/text/textsanitizer.h"

#include <QList>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

using namespace Qt::StringLiterals;

namespace checkin::text {

namespace {

constexpr char32_t kZwnj = 0x200C;
constexpr char32_t kZwj = 0x200D;

bool isVariationSelector(char32_t c)
{
    return (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF) || (c >= 0x180B && c <= 0x180D)
           || c == 0x180F;
}

bool isLineBreakingSpace(char32_t c)
{
    return c == 0x2028 || c == 0x2029 || (u_charType(UChar32(c)) == U_CONTROL_CHAR && u_isUWhiteSpace(UChar32(c)));
}

// Marks and other grapheme extenders belong to the letter before them.
bool isExtender(char32_t c)
{
    const auto gcb = u_getIntPropertyValue(UChar32(c), UCHAR_GRAPHEME_CLUSTER_BREAK);
    return gcb == U_GCB_EXTEND || gcb == U_GCB_SPACING_MARK;
}

// ZWJ/ZWNJ only change shaping between two letters of a script with joining or conjunct behaviour
// (Arabic, Indic, Sinhala, Khmer, Myanmar …) or between emoji; anywhere else they are invisible noise
// that makes two names look alike, so they go.
// Scripts where ZWJ/ZWNJ select joining, conjunct or ligature forms: right-to-left joining scripts
// and the uncased scripts of South and South-East Asia (the CJK ideographic scripts excepted).
bool usesJoiners(UScriptCode script)
{
    switch (script) {
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED:
    case USCRIPT_UNKNOWN:
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_HANGUL:
    case USCRIPT_BOPOMOFO:
    case USCRIPT_YI:
        return false;
    default:
        return uscript_isRightToLeft(script) || !uscript_isCased(script);
    }
}

bool joinerIsMeaningful(const QList<char32_t> &cps, qsizetype at)
{
    qsizetype before = at - 1;
    while (before >= 0 && (isExtender(cps[before]) || isVariationSelector(cps[before])))
        --before;
    qsizetype after = at + 1;
    while (after < cps.size() && (cps[after] == kZwj || cps[after] == kZwnj))
        ++after;
    if (before < 0 || after >= cps.size())
        return false;
    const UChar32 a = UChar32(cps[before]);
    const UChar32 b = UChar32(cps[after]);
    if (cps[at] == kZwj && u_hasBinaryProperty(a, UCHAR_EXTENDED_PICTOGRAPHIC)
        && u_hasBinaryProperty(b, UCHAR_EXTENDED_PICTOGRAPHIC))
        return true;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode scriptA = uscript_getScript(a, &status);
    const UScriptCode scriptB = uscript_getScript(b, &status);
    if (U_FAILURE(status) || scriptA != scriptB || !usesJoiners(scriptA))
        return false;
    const auto isLetterOrMark = [](UChar32 c) { return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_M_MASK)) != 0; };
    return isLetterOrMark(a) && isLetterOrMark(b);
}

bool has(char32_t c, UProperty property)
{
    return u_hasBinaryProperty(UChar32(c), property);
}

// Characters that only continue an emoji sequence: skin tones, VS15/VS16, the keycap mark, tag characters.
bool continuesEmoji(char32_t c)
{
    return has(c, UCHAR_EMOJI_MODIFIER) || c == 0xFE0E || c == 0xFE0F || c == 0x20E3 || (c >= 0xE0020 && c <= 0xE007F);
}

bool isUnassignedOrPrivate(char32_t c)
{
    const int8_t type = u_charType(UChar32(c));
    return type == U_PRIVATE_USE_CHAR || type == U_UNASSIGNED || has(c, UCHAR_NONCHARACTER_CODE_POINT);
}

QList<char32_t> codePoints(const QString &text)
{
    QList<char32_t> cps;
    cps.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            cps.append(QChar::surrogateToUcs4(c, text.at(i + 1)));
            ++i;
        } else if (c.isSurrogate()) {
            cps.append(0xFFFD);
        } else {
            cps.append(c.unicode());
        }
    }
    return cps;
}

} // namespace

QString withoutUnprintable(const QString &text, QString *removed)
{
    const QList<char32_t> cps = codePoints(text);
    QList<char32_t> kept;
    kept.reserve(cps.size());
    QList<char32_t> taken;
    for (qsizetype i = 0; i < cps.size(); ++i) {
        const char32_t c = cps[i];
        const char32_t next = i + 1 < cps.size() ? cps[i + 1] : 0;
        const bool emoji = has(c, UCHAR_EMOJI_PRESENTATION) || has(c, UCHAR_REGIONAL_INDICATOR)
                           || (has(c, UCHAR_EXTENDED_PICTOGRAPHIC)
                               && (next == 0xFE0F || has(next, UCHAR_EMOJI_MODIFIER)));
        if (emoji) {
            // The whole sequence goes: its modifiers and selectors, and pictographs joined to it by ZWJ.
            taken.append(c);
            while (i + 1 < cps.size()) {
                const char32_t n = cps[i + 1];
                const char32_t after = i + 2 < cps.size() ? cps[i + 2] : 0;
                if (continuesEmoji(n) || (has(c, UCHAR_REGIONAL_INDICATOR) && has(n, UCHAR_REGIONAL_INDICATOR))) {
                    taken.append(n);
                    ++i;
                } else if (n == 0x200D && has(after, UCHAR_EXTENDED_PICTOGRAPHIC)) {
                    taken.append(n);
                    taken.append(after);
                    i += 2;
                } else {
                    break;
                }
            }
            continue;
        }
        // A keycap ("1️⃣") keeps its digit; a stray selector or tag goes.
        if (continuesEmoji(c) || isUnassignedOrPrivate(c)) {
            taken.append(c);
            continue;
        }
        kept.append(c);
    }
    if (removed)
        *removed = QString::fromUcs4(taken.constData(), taken.size());
    if (taken.isEmpty())
        return text;
    return QString::fromUcs4(kept.constData(), kept.size());
}

QString sanitizeForPrint(const QString &text)
{
    const QList<char32_t> cps = codePoints(withoutUnprintable(text));

    QString out;
    out.reserve(text.size());
    bool pendingSpace = false; // white space seen since the last visible character
    bool lastWasJoiner = false;
    const auto appendCodePoint = [&](char32_t c) {
        if (pendingSpace && !out.isEmpty() && !out.back().isSpace())
            out += u' ';
        pendingSpace = false;
        out += QString::fromUcs4(&c, 1);
    };

    for (qsizetype i = 0; i < cps.size(); ++i) {
        const char32_t c = cps[i];
        const UChar32 u = UChar32(c);
        if (isLineBreakingSpace(c) || (u_isUWhiteSpace(u) && c < 0x80)) {
            pendingSpace = true;
            continue;
        }
        if (u_isUWhiteSpace(u)) {
            // Keep the kind of space (U+3000 between Japanese names, NBSP) but never a run of them.
            if (!pendingSpace && !out.isEmpty() && !out.back().isSpace())
                out += QString::fromUcs4(&c, 1);
            lastWasJoiner = false;
            continue;
        }
        if (u_charType(u) == U_CONTROL_CHAR || (c >= 0xFFF9 && c <= 0xFFFB))
            continue;
        if (c == kZwj || c == kZwnj) {
            if (!lastWasJoiner && !pendingSpace && joinerIsMeaningful(cps, i)) {
                appendCodePoint(c);
                lastWasJoiner = true;
            }
            continue;
        }
        if (isVariationSelector(c)) {
            if (!out.isEmpty() && !pendingSpace && !out.back().isSpace())
                out += QString::fromUcs4(&c, 1);
            continue;
        }
        if (u_hasBinaryProperty(u, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
            continue;
        appendCodePoint(c);
        lastWasJoiner = false;
    }
    while (!out.isEmpty() && out.back().isSpace())
        out.chop(1);

    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2 *nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status))
        return out;
    icu::UnicodeString normalized = nfc->normalize(
        icu::UnicodeString(false, reinterpret_cast<const UChar *>(out.utf16()), int32_t(out.size())), status);
    if (U_FAILURE(status))
        return out;
    return QString(reinterpret_cast<const QChar *>(normalized.getBuffer()), normalized.length());
}

} // namespace checkin::text
