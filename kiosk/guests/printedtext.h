#pragma once

#include <QString>

namespace checkin::printedtext {

// The one rule for text about a guest that is shown and printed (names, organisation), applied once, when a guest
// list is imported, so the welcome screen, the badge, the agenda, CSV and JSON all carry the same characters.

// Characters that change how the text around them is shown without being seen themselves: bidi embeddings,
// overrides and isolates (U+202A–U+202E, U+2066–U+2069), direction marks (U+200E, U+200F, U+061C), zero-width
// space, word joiner and BOM (U+200B, U+2060, U+FEFF), soft hyphen, invisible operators (U+2061–U+2064),
// interlinear annotation (U+FFF9–U+FFFB), the Mongolian vowel separator and tag characters (U+E0000–U+E007F).
// ZERO WIDTH NON-JOINER and JOINER (U+200C, U+200D) are kept: Persian and Indic names need them.
[[nodiscard]] bool isInvisibleControl(char32_t c);

// text without its invisible controls ("Evil\u202Egnp.exe" becomes "Evilgnp.exe", shown as written everywhere).
[[nodiscard]] QString withoutInvisibleControls(const QString &text);

// What a badge cannot print (emoji and emoji sequences, private-use and unassigned code points: the badge's own
// rule, printableText) taken out of text, with the spaces left around it tidied: "José 😀 Silva" → "José Silva".
struct Printable
{
    QString text;
    QString removed; // empty when nothing was taken out
};
[[nodiscard]] Printable withoutUnprintable(const QString &text);

// The longest run of combining marks (Unicode Mn, Me) after one character: 2 in a decomposed "ễ", 500 in a "Zalgo"
// flood that no badge can print.
[[nodiscard]] int longestCombiningRun(const QString &text);

// More marks on one character than any script's names use (Vietnamese stacks 2, Thai and Hebrew up to 3).
inline constexpr int kMaxCombiningRun = 4;

} // namespace checkin::printedtext
