#pragma once

// The one header of checkin_text with a third-party type: only PDF renderers include it.

#include "printing/text/textline.h"

#include <QString>

#include <hpdf.h>

#include <expected>

namespace checkin::text {

struct Rgb
{
    double red = 0; // 0 … 1
    double green = 0;
    double blue = 0;
};

// Draws a shaped line with its left end at x and its baseline at baselineY (PDF points, y up) on a page
// in page-description mode (not between BeginText/EndText or inside a path).
// The glyphs are filled outlines, each written once per document as a Form XObject and drawn by name;
// the characters are also written as an invisible text layer (Type 3 fonts with a ToUnicode map), so
// pdftotext, search and copy return the text. The page's XObject resources become a dictionary shared
// by the document's pages (images libharu draws later join it). Leaves the page's graphics state as it
// found it. A document's glyph cache lives and dies with the document (HPDF_FreeDoc, HPDF_NewDoc).
[[nodiscard]] std::expected<void, QString> drawLine(HPDF_Page page, const TextLine &line, double x, double baselineY,
                                                    Rgb color = {});

} // namespace checkin::text
