#pragma once

#include "printing/text/textline.h"
#include "printing/text/textstyle.h"

#include <QList>
#include <QString>

#include <expected>

namespace checkin::text {

class FontLibrary;

// A box to fit a name into: at most maxLines lines of boxWidthPt, between maxSizePt and minSizePt.
struct FitOptions
{
    double boxWidthPt = 0;
    int maxLines = 1;
    double maxSizePt = 24;
    double minSizePt = 8;
    FontWeight weight = FontWeight::Regular;
    TextDirection direction = TextDirection::Auto;
    QString language; // see TextStyle::language
};

struct FitResult
{
    QList<TextLine> lines; // top to bottom; each no wider than the box
    double fontSize = 0;
    // The text did not fit in maxLines at minSizePt: lines are at minSizePt and the cut ones end in "…".
    bool truncated = false;
};

// Fits text into the box: the largest size on one line, shrinking down to minSizePt; only if it still
// does not fit, wraps at line-break opportunities (ICU: spaces, and dictionary breaks for Thai, Khmer,
// Lao, Myanmar, CJK) into up to maxLines lines as balanced as possible, again as large as possible;
// failing that, truncates at minSizePt with an ellipsis. All lines share the paragraph direction.
[[nodiscard]] std::expected<FitResult, QString> fitText(FontLibrary &fonts, const QString &text,
                                                        const FitOptions &options);
[[nodiscard]] std::expected<FitResult, QString> fitText(FontLibrary &fonts, const QString &text, double boxWidthPt,
                                                        int maxLines, double maxSizePt, double minSizePt,
                                                        FontWeight weight = FontWeight::Regular);

// Shapes text on one line no wider than widthPt, cutting it at a character boundary and ending it
// with "…" (at the logical end: the left side of a right-to-left line) when it is too long.
[[nodiscard]] std::expected<TextLine, QString> elideText(FontLibrary &fonts, const QString &text, double widthPt,
                                                         const TextStyle &style);

// X of the line's left end for an alignment inside [boxLeft, boxLeft + boxWidth]; Start is the right
// edge for a right-to-left line.
[[nodiscard]] double alignedX(const TextLine &line, double boxLeft, double boxWidth, TextAlignment alignment);

} // namespace checkin::text
