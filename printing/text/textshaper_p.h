#pragma once

// Internal to checkin_text.

#include "printing/text/fontlibrary_p.h"
#include "printing/text/textline.h"

#include <expected>

namespace checkin::text {

// shapeLine() without the sanitising step, for text that sanitizeForPrint() already cleaned.
std::expected<TextLine, QString> shapeSanitized(const std::shared_ptr<FontLibraryPrivate> &fonts, const QString &clean,
                                                const TextStyle &style);

// Which regional forms Han characters take: the language hint, else kana → Japanese, Hangul → Korean,
// else Simplified Chinese.
CjkVariant cjkVariantFor(const QString &text, const QString &language);

} // namespace checkin::text
