#pragma once

#include "printing/text/textstyle.h"

#include <QList>
#include <QString>

#include <memory>

namespace checkin::text {

struct TextLineData;

// One glyph of a shaped line, in visual (left-to-right drawing) order.
struct ShapedGlyph
{
    int fontId = -1;       // FontLibrary face (see FontLibrary::faceName); -1 = placeholder box
    quint32 glyphId = 0;   // glyph index in that face
    double x = 0;          // glyph origin from the line's left end, pt
    double y = 0;          // glyph origin above the baseline, pt (marks, Indic/Thai stacking)
    double advance = 0;    // pt
    qsizetype cluster = 0; // UTF-16 index in TextLine::text() of the first character this glyph shows
};

// A line of text shaped at one size: glyphs in visual order, ready to measure and draw. Cheap to copy
// (shared, immutable). Keeps its FontLibrary's fonts alive; same threading rule as the library.
class TextLine
{
public:
    // An empty line: no glyphs, zero width.
    TextLine();

    // The sanitised text in logical order — what the PDF reports as the line's text.
    [[nodiscard]] QString text() const;
    // The size the line was shaped at, pt.
    [[nodiscard]] double fontSize() const;
    // Sum of the advances, pt.
    [[nodiscard]] double width() const;
    // Largest font ascender/descender among the fonts used (descent positive, below the baseline), pt.
    [[nodiscard]] double ascent() const;
    [[nodiscard]] double descent() const;
    // Highest and lowest ink of the drawn glyphs relative to the baseline (bottom negative below), pt.
    [[nodiscard]] double inkTop() const;
    [[nodiscard]] double inkBottom() const;
    // Paragraph direction the line was laid out with.
    [[nodiscard]] bool isRightToLeft() const;
    // True when there is nothing to draw.
    [[nodiscard]] bool isEmpty() const;
    // True when some character had no glyph in any font and is drawn as a placeholder box.
    [[nodiscard]] bool hasPlaceholders() const;
    // The glyphs in visual order.
    [[nodiscard]] QList<ShapedGlyph> glyphs() const;

private:
    friend struct TextLineAccess;
    std::shared_ptr<const TextLineData> d;
};

} // namespace checkin::text
