#pragma once

// Internal to checkin_text.

#include "printing/text/fontlibrary_p.h"
#include "printing/text/textline.h"

namespace checkin::text {

// The characters [start, start + length) of the text and the horizontal span of their glyphs.
struct TextCluster
{
    qsizetype start = 0;
    qsizetype length = 0;
    double x = 0;
    double width = 0;
    bool rightToLeft = false;
};

struct TextLineData
{
    std::shared_ptr<FontLibraryPrivate> fonts;
    QString text;
    double fontSize = 0;
    double width = 0;
    double ascent = 0;
    double descent = 0;
    double inkTop = 0;
    double inkBottom = 0;
    bool rightToLeft = false;
    bool placeholders = false;
    QList<ShapedGlyph> glyphs;   // visual order
    QList<TextCluster> clusters; // visual order
};

struct TextLineAccess
{
    static const std::shared_ptr<const TextLineData> &d(const TextLine &line) { return line.d; }
    static TextLine make(std::shared_ptr<const TextLineData> data)
    {
        TextLine line;
        line.d = std::move(data);
        return line;
    }
};

} // namespace checkin::text
