#pragma once

#include "printing/text/textline.h"
#include "printing/text/textstyle.h"

#include <QString>

#include <expected>

namespace checkin::text {

class FontLibrary;

// Sanitises text (sanitizeForPrint), runs the Unicode bidi algorithm (ICU), splits it by script and
// picks for every character cluster the first font of that script's Noto fallback list that has it,
// then shapes each run with HarfBuzz. Never fails on odd input (missing glyphs become placeholder
// boxes); fails only when the fonts themselves are missing.
[[nodiscard]] std::expected<TextLine, QString> shapeLine(FontLibrary &fonts, const QString &text,
                                                         const TextStyle &style);
// The same with only a size and a weight.
[[nodiscard]] std::expected<TextLine, QString> shapeLine(FontLibrary &fonts, const QString &text, double sizePt,
                                                         FontWeight weight = FontWeight::Regular);

} // namespace checkin::text
