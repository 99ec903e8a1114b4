#include "printing/text/textline.h"

#include "printing/text/textline_p.h"

namespace checkin::text {

namespace {
const std::shared_ptr<const TextLineData> &emptyData()
{
    static const auto empty = std::make_shared<const TextLineData>();
    return empty;
}
} // namespace

TextLine::TextLine()
    : d(emptyData())
{
}

QString TextLine::text() const
{
    return d->text;
}
double TextLine::fontSize() const
{
    return d->fontSize;
}
double TextLine::width() const
{
    return d->width;
}
double TextLine::ascent() const
{
    return d->ascent;
}
double TextLine::descent() const
{
    return d->descent;
}
double TextLine::inkTop() const
{
    return d->inkTop;
}
double TextLine::inkBottom() const
{
    return d->inkBottom;
}
bool TextLine::isRightToLeft() const
{
    return d->rightToLeft;
}
bool TextLine::isEmpty() const
{
    return d->glyphs.isEmpty();
}
bool TextLine::hasPlaceholders() const
{
    return d->placeholders;
}
QList<ShapedGlyph> TextLine::glyphs() const
{
    return d->glyphs;
}

} // namespace checkin::text
