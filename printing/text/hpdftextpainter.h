#pragma once

// The one header of checkin_text with a third-party type: only PDF renderers include it.

#include "textline.h"

#include <QString>

#include <hpdf.h>

#include <expected>

namespace checkin::text {

struct Rgb
{
    double red = 0;   // 0 … 1
    double green = 0;
    double blue = 0;
};

// Draws a shaped line with its left end at x and its baseline at baselineY (PDF points, y up) on a page
// in page-description mode (not between BeginText/EndText or inside a path).
// The glyphs are filled outlines; the characters are also written as an invisible text layer (a
// Type 3 font with a ToUnicode map), so pdftotext, search and copy return the text. Leaves the
// page's graphics state as it found it.
[[nodiscard]] std::expected<void, QString> drawLine(HPDF_Page page, const TextLine &line, double x, double baselineY,
                                                    Rgb color = {});

} // namespace checkin::text
