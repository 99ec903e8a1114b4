#pragma once

#include <QString>

namespace checkin::text {

enum class FontWeight { Regular, Bold };

// Paragraph direction. Auto follows the first strong character (Unicode bidi rules P2/P3).
enum class TextDirection { Auto, LeftToRight, RightToLeft };

// Start and End follow the paragraph direction: Start is the right edge of a right-to-left line.
enum class TextAlignment { Start, Left, Center, Right, End };

// How one line is shaped. Callers never pick a font: it follows from each character's script.
struct TextStyle
{
    double sizePt = 12.0;
    FontWeight weight = FontWeight::Regular;
    TextDirection direction = TextDirection::Auto;
    // Optional BCP 47 hint ("ja", "zh-Hant", "ko", "fa"): picks the CJK glyph forms for Han-only names,
    // the OpenType language rules and the line-break dictionary. Empty when unknown.
    QString language;
};

} // namespace checkin::text
