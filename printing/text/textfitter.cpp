#include "printing/text/textfitter.h"

#include "printing/text/fontlibrary.h"
#include "printing/text/textline_p.h"
#include "printing/text/textsanitizer.h"
#include "printing/text/textshaper_p.h"

#include <unicode/ubrk.h>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace checkin::text {

namespace {

constexpr double kTolerance = 1e-6;

struct BreakDeleter
{
    void operator()(UBreakIterator *it) const { ubrk_close(it); }
};

// Break positions (excluding 0, including text.size()) of an ICU line or character iterator.
QList<qsizetype> boundaries(UBreakIteratorType type, const QString &text, const QString &language)
{
    QList<qsizetype> result;
    UErrorCode status = U_ZERO_ERROR;
    const QByteArray locale = language.toLatin1().replace('-', '_');
    std::unique_ptr<UBreakIterator, BreakDeleter> it(ubrk_open(
        type, locale.constData(), reinterpret_cast<const UChar *>(text.utf16()), int32_t(text.size()), &status));
    if (U_SUCCESS(status)) {
        for (int32_t pos = ubrk_next(it.get()); pos != UBRK_DONE; pos = ubrk_next(it.get()))
            result.append(pos);
    }
    if (result.isEmpty() || result.back() != text.size())
        result.append(text.size());
    return result;
}

// Widths of logical ranges from one shaping of the whole text: a cluster's advance counts at its first
// character. Exact for ranges that end at cluster boundaries, up to contextual effects (kerning across
// a line break), which the final shaping of each line corrects.
class RangeWidths
{
public:
    RangeWidths(const TextLine &line, double perSize)
        : m_text(line.text())
    {
        m_prefix.fill(0.0, m_text.size() + 1);
        QList<double> advances(m_text.size(), 0.0);
        for (const TextCluster &cluster : TextLineAccess::d(line)->clusters)
            if (cluster.start < advances.size())
                advances[cluster.start] += cluster.width * perSize;
        for (qsizetype i = 0; i < m_text.size(); ++i)
            m_prefix[i + 1] = m_prefix[i] + advances[i];
    }

    // End of [start, end) without trailing white space.
    [[nodiscard]] qsizetype trimmedEnd(qsizetype start, qsizetype end) const
    {
        while (end > start && m_text.at(end - 1).isSpace())
            --end;
        return end;
    }
    [[nodiscard]] double width(qsizetype start, qsizetype end) const
    {
        return m_prefix[trimmedEnd(start, end)] - m_prefix[start];
    }

private:
    QString m_text;
    QList<double> m_prefix;
};

// Minimal "widest line" over all ways to break candidates[from..] into at most `lines` lines.
struct Partition
{
    double widest = std::numeric_limits<double>::infinity();
    QList<qsizetype> ends; // candidate indices where each line ends
};

Partition bestPartition(const RangeWidths &widths, const QList<qsizetype> &candidates, int maxLines)
{
    const qsizetype k = candidates.size(); // candidates[0] == 0, back() == text size
    // best[m][i]: widest line laying out candidates[i]..end in at most m lines; next[m][i]: first line's end.
    QList<QList<double>> best(maxLines + 1, QList<double>(k, std::numeric_limits<double>::infinity()));
    QList<QList<qsizetype>> next(maxLines + 1, QList<qsizetype>(k, k - 1));
    for (qsizetype i = 0; i < k - 1; ++i)
        best[1][i] = widths.width(candidates[i], candidates[k - 1]);
    for (int m = 2; m <= maxLines; ++m) {
        for (qsizetype i = 0; i < k - 1; ++i) {
            best[m][i] = best[m - 1][i];
            next[m][i] = next[m - 1][i];
            for (qsizetype j = i + 1; j < k - 1; ++j) {
                const double widest = std::max(widths.width(candidates[i], candidates[j]), best[m - 1][j]);
                if (widest < best[m][i] - kTolerance) {
                    best[m][i] = widest;
                    next[m][i] = j;
                }
            }
        }
    }
    Partition result;
    result.widest = best[maxLines][0];
    qsizetype at = 0;
    for (int m = maxLines; m >= 1 && at < k - 1; --m) {
        const qsizetype end = m == 1 ? k - 1 : next[m][at];
        result.ends.append(end);
        at = end;
    }
    return result;
}

std::expected<TextLine, QString> elideSanitized(const std::shared_ptr<FontLibraryPrivate> &fonts, const QString &clean,
                                                double widthPt, const TextStyle &style)
{
    auto full = shapeSanitized(fonts, clean, style);
    if (!full || full->width() <= widthPt + kTolerance)
        return full;
    const QString ellipsis = u"…"_s;
    auto ellipsisLine = shapeSanitized(fonts, ellipsis, style);
    if (!ellipsisLine)
        return ellipsisLine;

    const RangeWidths widths(*full, 1.0);
    QList<qsizetype> graphemes = boundaries(UBRK_CHARACTER, clean, style.language);
    graphemes.prepend(0);
    // Longest prefix whose estimated width leaves room for the ellipsis, then confirmed by shaping.
    qsizetype index = qsizetype(
                          std::upper_bound(graphemes.cbegin(), graphemes.cend(), widthPt - ellipsisLine->width(),
                                           [&](double room, qsizetype end) { return room < widths.width(0, end); })
                          - graphemes.cbegin())
                      - 1;
    for (; index > 0; --index) {
        const qsizetype end = widths.trimmedEnd(0, graphemes[index]);
        if (end == 0)
            break;
        auto candidate = shapeSanitized(fonts, clean.left(end) + ellipsis, style);
        if (!candidate)
            return candidate;
        if (candidate->width() <= widthPt + kTolerance)
            return candidate;
    }
    return ellipsisLine;
}

} // namespace

std::expected<FitResult, QString> fitText(FontLibrary &library, const QString &text, const FitOptions &options)
{
    if (!(options.boxWidthPt > 0) || options.maxLines < 1 || !(options.minSizePt > 0)
        || options.maxSizePt < options.minSizePt)
        return std::unexpected(u"Invalid text box: width %1 pt, %2 lines, %3–%4 pt."_s.arg(options.boxWidthPt)
                                   .arg(options.maxLines)
                                   .arg(options.minSizePt)
                                   .arg(options.maxSizePt));
    const auto &fonts = FontLibraryAccess::d(library);
    const QString clean = sanitizeForPrint(text);
    FitResult result;
    result.fontSize = options.maxSizePt;
    if (clean.isEmpty())
        return result;

    // Shaping is unhinted, in font units: every width is proportional to the size, so one shaping at
    // 1 pt measures every candidate line at every size.
    TextStyle style;
    style.sizePt = 1.0;
    style.weight = options.weight;
    style.direction = options.direction;
    style.language = options.language;
    const auto whole = shapeSanitized(fonts, clean, style);
    if (!whole)
        return std::unexpected(whole.error());
    style.direction = whole->isRightToLeft() ? TextDirection::RightToLeft : TextDirection::LeftToRight;
    const RangeWidths widths(*whole, 1.0);

    QList<qsizetype> candidates = boundaries(UBRK_LINE, clean, options.language);
    candidates.prepend(0);
    const double boxWidth = options.boxWidthPt;

    const auto shapeRanges = [&](const QList<qsizetype> &starts, const QList<qsizetype> &ends,
                                 double size) -> std::expected<QList<TextLine>, QString> {
        QList<TextLine> lines;
        TextStyle lineStyle = style;
        lineStyle.sizePt = size;
        for (qsizetype i = 0; i < starts.size(); ++i) {
            const qsizetype end = widths.trimmedEnd(starts[i], ends[i]);
            auto line = shapeSanitized(fonts, clean.mid(starts[i], end - starts[i]), lineStyle);
            if (!line)
                return std::unexpected(line.error());
            lines.append(*line);
        }
        return lines;
    };

    // Shrink first, then wrap: the fewest lines that fit at or above the minimum size.
    for (int lineCount = 1; lineCount <= options.maxLines; ++lineCount) {
        const Partition partition = bestPartition(widths, candidates, lineCount);
        if (!(partition.widest > 0))
            break;
        double size = std::min(options.maxSizePt, std::floor(boxWidth / partition.widest * 100.0) / 100.0);
        if (size < options.minSizePt)
            continue;
        QList<qsizetype> starts{0};
        QList<qsizetype> ends;
        for (const qsizetype end : partition.ends) {
            ends.append(candidates[end]);
            starts.append(candidates[end]);
        }
        starts.removeLast();
        // Confirm with the real shaping of each line; a kerning pair lost at a break can change a hair.
        for (int attempt = 0; attempt < 4 && size >= options.minSizePt; ++attempt) {
            auto lines = shapeRanges(starts, ends, size);
            if (!lines)
                return std::unexpected(lines.error());
            double widest = 0;
            for (const TextLine &line : std::as_const(*lines))
                widest = std::max(widest, line.width());
            if (widest <= boxWidth + kTolerance) {
                result.lines = *lines;
                result.fontSize = size;
                return result;
            }
            size = std::floor(size * boxWidth / widest * 100.0 - 1.0) / 100.0;
        }
    }

    // Does not fit even at the minimum size: fill lines greedily, cut what is left with an ellipsis.
    result.truncated = true;
    result.fontSize = options.minSizePt;
    style.sizePt = options.minSizePt;
    const double limit = boxWidth / options.minSizePt; // box width in 1 pt units
    qsizetype at = 0;                                  // index into candidates
    for (int lineIndex = 0; lineIndex < options.maxLines && at < candidates.size() - 1; ++lineIndex) {
        const bool last = lineIndex == options.maxLines - 1;
        qsizetype end = at + 1;
        if (last) {
            end = candidates.size() - 1;
        } else {
            while (end + 1 < candidates.size() && widths.width(candidates[at], candidates[end + 1]) <= limit)
                ++end;
        }
        const qsizetype from = candidates[at];
        const QString piece = clean.mid(from, widths.trimmedEnd(from, candidates[end]) - from);
        auto line = elideSanitized(fonts, piece, boxWidth, style);
        if (!line)
            return std::unexpected(line.error());
        result.lines.append(*line);
        at = end;
    }
    return result;
}

std::expected<FitResult, QString> fitText(FontLibrary &fonts, const QString &text, double boxWidthPt, int maxLines,
                                          double maxSizePt, double minSizePt, FontWeight weight)
{
    FitOptions options;
    options.boxWidthPt = boxWidthPt;
    options.maxLines = maxLines;
    options.maxSizePt = maxSizePt;
    options.minSizePt = minSizePt;
    options.weight = weight;
    return fitText(fonts, text, options);
}

std::expected<TextLine, QString> elideText(FontLibrary &fonts, const QString &text, double widthPt,
                                           const TextStyle &style)
{
    return elideSanitized(FontLibraryAccess::d(fonts), sanitizeForPrint(text), widthPt, style);
}

double alignedX(const TextLine &line, double boxLeft, double boxWidth, TextAlignment alignment)
{
    switch (alignment) {
    case TextAlignment::Start:
        alignment = line.isRightToLeft() ? TextAlignment::Right : TextAlignment::Left;
        break;
    case TextAlignment::End:
        alignment = line.isRightToLeft() ? TextAlignment::Left : TextAlignment::Right;
        break;
    default:
        break;
    }
    switch (alignment) {
    case TextAlignment::Right:
        return boxLeft + boxWidth - line.width();
    case TextAlignment::Center:
        return boxLeft + (boxWidth - line.width()) / 2.0;
    default:
        return boxLeft;
    }
}

} // namespace checkin::text
