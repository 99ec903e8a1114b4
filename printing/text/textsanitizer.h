#pragma once

#include <QString>

namespace checkin::text {

// Makes a guest-supplied name safe and printable, before it is shaped (shapeLine and fitText call it):
// - removes bidi embeddings, overrides, isolates and marks (U+202A–U+202E, U+2066–U+2069, U+200E/F,
//   U+061C), so a name cannot reorder itself or the text around it; the bidi algorithm decides order;
// - removes the other invisible characters used for spoofing (every Default_Ignorable code point:
//   ZWSP, word joiner, BOM, soft hyphen, Hangul fillers, tags, invisible operators …), except
//   ZWJ/ZWNJ between two letters of one complex script (Persian "می‌خواهم", Sinhala "ශ්‍රී", Indic
//   half forms) or ZWJ inside an emoji sequence, and variation selectors after a visible character;
// - turns controls and line/paragraph separators into spaces, collapses runs of white space, trims;
// - replaces unpaired surrogates with U+FFFD and normalises to NFC.
// - leaves out what no badge font can draw (withoutUnprintable), so nothing prints as a placeholder box.
[[nodiscard]] QString sanitizeForPrint(const QString &text);

// text without what a badge cannot print: emoji (Emoji_Presentation characters and every emoji sequence: a
// pictograph with VS16, skin-tone modifiers, flags of regional indicators, ZWJ sequences, keycaps, tag
// sequences), variation selectors 15/16, private-use, unassigned and noncharacter code points. The badge fonts
// are monochrome Noto fonts without emoji; text-style symbols they do have (©, ®, ™, ★, ☎) are kept.
// removed, if given, receives what was taken out, in order.
[[nodiscard]] QString withoutUnprintable(const QString &text, QString *removed = nullptr);

} // namespace checkin::text
