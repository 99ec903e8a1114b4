#include "printing/badgelayoutparser_p.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace checkin {

QString BadgeLayoutParser::describeRect(const QRectF &r)
{
    return u"x %1–%2 mm, y %3–%4 mm"_s.arg(number(r.left()), number(r.right()), number(r.top()), number(r.bottom()));
}

bool BadgeLayoutParser::overlaps(const QRectF &a, const QRectF &b)
{
    // Touching edges is fine; a shared area of more than a hair is not. Zero-height boxes (lines)
    // are widened by the epsilon so that a rule through a text box is still caught.
    const QRectF aa = a.adjusted(-Epsilon, -Epsilon, Epsilon, Epsilon);
    const QRectF bb = b.adjusted(-Epsilon, -Epsilon, Epsilon, Epsilon);
    const QRectF common = aa.intersected(bb);
    return common.width() > 3 * Epsilon && common.height() > 3 * Epsilon;
}

bool BadgeLayoutParser::contains(const QRectF &outer, const QRectF &inner)
{
    return inner.left() >= outer.left() - Epsilon && inner.right() <= outer.right() + Epsilon
           && inner.top() >= outer.top() - Epsilon && inner.bottom() <= outer.bottom() + Epsilon;
}

bool BadgeLayoutParser::isDecoration(BadgeElementType type)
{
    return type == BadgeElementType::Band || type == BadgeElementType::Line;
}

void BadgeLayoutParser::checkGeometry()
{
    const QSizeF page = layout.m_pageSizeMm;
    const QRectF card(QPointF(0, 0), page);
    const double m = layout.m_marginMm;
    const QRectF safe = card.adjusted(m, m, -m, -m);
    const QString cardText = u"the %1 × %2 mm card"_s.arg(number(page.width()), number(page.height()));
    const auto &elements = layout.m_elements;

    for (const BadgeElement &e : elements) {
        if (!contains(card, e.box)) {
            problem(e.label, u"lies outside %1 (%2)"_s.arg(cardText, describeRect(e.box)));
        } else if (!isDecoration(e.type) && !contains(safe, e.box)) {
            problem(e.label,
                    u"comes closer than the %1 mm margin to the card's edge (%2; keep within x %3–%4, y %5–%6)"_s.arg(
                        number(m), describeRect(e.box), number(safe.left()), number(safe.right()), number(safe.top()),
                        number(safe.bottom())));
        }
        if (e.type == BadgeElementType::Text && e.maxSizePt >= e.minSizePt) {
            const double needed = nominalTextHeightMm(e.minSizePt, e.maxLines);
            if (e.box.height() + Epsilon < needed) {
                int fits = 0;
                while (fits < e.maxLines && nominalTextHeightMm(e.minSizePt, fits + 1) <= e.box.height() + Epsilon)
                    ++fits;
                problem(e.label,
                        u"box height %1 mm holds %2 at minSize %3 pt; maxLines %4 needs %5 mm"_s.arg(
                            number(e.box.height()),
                            fits == 0   ? u"no line"_s
                            : fits == 1 ? u"1 line"_s
                                        : u"%1 lines"_s.arg(fits),
                            number(e.minSizePt), QString::number(e.maxLines), number(std::ceil(needed * 10) / 10)));
            }
        }
    }

    // Where each element can end up: a flow element can move up to the top of its chain.
    QList<QRectF> reach(elements.size());
    QList<int> chainStart(elements.size());
    for (qsizetype i = 0; i < elements.size(); ++i) {
        reach[i] = elements[i].box;
        chainStart[i] = int(i);
        const BadgeElement &e = elements[i];
        if (e.type != BadgeElementType::Text || !e.flow)
            continue;
        qsizetype previous = i - 1;
        while (previous >= 0 && elements[previous].type != BadgeElementType::Text)
            --previous;
        if (previous < 0) {
            problem(e.label, u"\"flow\" needs a text element before it to follow"_s);
            continue;
        }
        if (elements[previous].box.bottom() > e.box.top() + Epsilon) {
            problem(
                e.label,
                u"\"flow\" follows %1, which must end above this box (it ends at y %2 mm, this starts at %3 mm)"_s.arg(
                    elements[previous].label, number(elements[previous].box.bottom()), number(e.box.top())));
            continue;
        }
        chainStart[i] = chainStart[previous];
        reach[i] = QRectF(QPointF(e.box.left(), elements[chainStart[i]].box.top()), e.box.bottomRight());
    }
    // Members of one chain never overlap each other: each starts below the previous one.
    const auto sameChain = [&](qsizetype a, qsizetype b) { return chainStart[a] == chainStart[b]; };

    for (qsizetype i = 0; i < elements.size(); ++i) {
        const BadgeElement &a = elements[i];
        if (a.type == BadgeElementType::Band)
            continue;
        const bool content = !isDecoration(a.type);
        for (qsizetype j = 0; j < elements.size(); ++j) {
            if (j == i)
                continue;
            const BadgeElement &b = elements[j];
            if (b.type == BadgeElementType::Band) {
                // Content on a band sits wholly on it; straddling its edge is a collision.
                if (content && !a.allowOverlap && overlaps(reach[i], b.box) && !contains(b.box, reach[i]))
                    problem(
                        a.label,
                        u"straddles the edge of %1 (%2): place it wholly on or off the band, or mark it \"allowOverlap\": true"_s
                            .arg(b.label, describeRect(b.box)));
                continue;
            }
            if (j < i || sameChain(i, j) || a.allowOverlap || b.allowOverlap)
                continue;
            if (overlaps(reach[i], reach[j]))
                problem(a.label, u"overlaps %1 (%2 and %3): move one, or mark one \"allowOverlap\": true"_s.arg(
                                     b.label, describeRect(reach[i]), describeRect(reach[j])));
        }
    }
}

void BadgeLayoutParser::checkSheet()
{
    const BadgeSheet &s = layout.m_sheet;
    if (s.isEmpty())
        return;
    const QSizeF badge = layout.m_pageSizeMm;
    const double gridWidth = s.columns * badge.width() + (s.columns - 1) * s.gutterMm.width();
    const double gridHeight = s.rows * badge.height() + (s.rows - 1) * s.gutterMm.height();
    const double minMargin = s.cropMarks ? MinCropMarkMarginMm : MinSheetMarginMm;
    const auto check = [&](double grid, double paper, int count, double size, double gutter, const QString &what) {
        const double margin = (paper - grid) / 2;
        if (margin + Epsilon < minMargin)
            problem(u"sheet"_s,
                    u"%1 %2 of %3 mm with %4 mm gutters need %5 mm, leaving %6 mm margins on the %7 mm paper; "
                    "at least %8 mm are needed%9"_s.arg(QString::number(count), what, number(size), number(gutter),
                                                        number(grid), number(margin), number(paper), number(minMargin),
                                                        s.cropMarks ? u" for crop marks"_s : u" for the printer"_s));
    };
    check(gridWidth, s.paperMm.width(), s.columns, badge.width(), s.gutterMm.width(), u"columns"_s);
    check(gridHeight, s.paperMm.height(), s.rows, badge.height(), s.gutterMm.height(), u"rows"_s);
}

} // namespace checkin
