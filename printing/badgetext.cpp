#include "printing/badgerenderer_p.h"

#include "printing/text/hpdftextpainter.h"
#include "printing/text/textfitter.h"
#include "printing/text/textsanitizer.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace checkin {

namespace badge {

namespace {

constexpr double Tolerance = 0.01; // pt

text::TextAlignment textAlignment(BadgeAlignment a)
{
    switch (a) {
    case BadgeAlignment::Start:
        return text::TextAlignment::Start;
    case BadgeAlignment::Center:
        return text::TextAlignment::Center;
    case BadgeAlignment::End:
        return text::TextAlignment::End;
    case BadgeAlignment::Left:
        return text::TextAlignment::Left;
    case BadgeAlignment::Right:
        return text::TextAlignment::Right;
    }
    return text::TextAlignment::Start;
}

QString countryNameOf(const BadgeData &d)
{
    if (!text::sanitizeForPrint(d.countryName).isEmpty())
        return d.countryName;
    const QString code = d.countryCode.trimmed().toUpper();
    if (code.size() != 2)
        return {};
    const QLocale::Territory territory = QLocale::codeToTerritory(code);
    return territory == QLocale::AnyTerritory ? code : QLocale::territoryToString(territory);
}

} // namespace

bool isNameBinding(BadgeBinding b)
{
    return b == BadgeBinding::GivenName || b == BadgeBinding::FamilyName || b == BadgeBinding::DisplayName
           || b == BadgeBinding::LatinName || b == BadgeBinding::LatinNameIfDifferent;
}

bool isGuestSupplied(BadgeBinding b)
{
    return isNameBinding(b) || b == BadgeBinding::Organisation || b == BadgeBinding::CountryName;
}

QString displayNameOf(const BadgeData &d)
{
    if (!text::sanitizeForPrint(d.displayName).isEmpty())
        return d.displayName;
    const QString joined = QString(d.givenName.trimmed() + u' ' + d.familyName.trimmed()).trimmed();
    return joined.isEmpty() ? d.latinName : joined;
}

QString boundText(const BadgeElement &e, const BadgeData &data, const BadgeRole &role, const QString &displayName)
{
    switch (e.binding) {
    case BadgeBinding::Literal:
        return e.text;
    case BadgeBinding::GivenName:
        return text::sanitizeForPrint(data.givenName).isEmpty() ? displayName : data.givenName;
    case BadgeBinding::FamilyName:
        return data.familyName;
    case BadgeBinding::DisplayName:
        return displayName;
    case BadgeBinding::LatinName:
        return data.latinName;
    case BadgeBinding::LatinNameIfDifferent:
        return latinNameIfDifferent(displayName, data.latinName);
    case BadgeBinding::Organisation:
        return data.organisation;
    case BadgeBinding::CountryName:
        return countryNameOf(data);
    case BadgeBinding::CountryCode:
        return data.countryCode.trimmed().toUpper();
    case BadgeBinding::RoleLabel:
        return role.label;
    case BadgeBinding::EventName:
        return data.eventName;
    case BadgeBinding::EventDates:
        return data.eventDates;
    }
    return {};
}

} // namespace badge

using namespace badge;

QString latinNameIfDifferent(const QString &name, const QString &latinName)
{
    const QString native = text::sanitizeForPrint(name);
    const QString latin = text::sanitizeForPrint(latinName);
    if (latin.isEmpty() || native.compare(latin, Qt::CaseInsensitive) == 0)
        return {};
    const QList<uint> codePoints = native.toUcs4();
    const bool otherScript = std::any_of(codePoints.cbegin(), codePoints.cend(), [](uint c) {
        const QChar::Script script = QChar::script(char32_t(c));
        return QChar::isLetter(char32_t(c)) && script != QChar::Script_Latin && script != QChar::Script_Common
               && script != QChar::Script_Inherited;
    });
    return otherScript || native.isEmpty() ? latin : QString();
}

// Fits the text into the element's box: as large as possible within the size range, on as few lines
// as possible (text::fitText decides width and wrapping), then smaller still while the lines are
// taller than the box. Line heights come from the ink, never less than the nominal metrics, so stacked
// marks (Vietnamese, Thai, Myanmar) get room and never touch the line above.
std::expected<Block, QString> BadgeRendererPrivate::fitBlock(const QString &value, const BadgeElement &e,
                                                             const QString &language)
{
    const double boxWidth = e.box.width() * Mm;
    const double boxHeight = e.box.height() * Mm;
    text::FitOptions options;
    options.boxWidthPt = boxWidth;
    options.maxLines = e.maxLines;
    options.maxSizePt = e.maxSizePt;
    options.minSizePt = e.minSizePt;
    options.weight = e.bold ? text::FontWeight::Bold : text::FontWeight::Regular;
    options.language = language;

    Block block;
    for (int attempt = 0; attempt < 16; ++attempt) {
        const auto fit = text::fitText(fonts, value, options);
        if (!fit)
            return std::unexpected(fit.error());
        block = Block();
        block.fontSize = fit->fontSize;
        block.truncated = fit->truncated;
        for (const text::TextLine &line : fit->lines) {
            PlacedLine placed;
            placed.line = line;
            placed.above = std::max(line.inkTop(), BadgeLineAscentEm * line.fontSize());
            placed.below = std::max(-line.inkBottom(), BadgeLineDescentEm * line.fontSize());
            block.height += placed.above + placed.below;
            block.lines.append(placed);
        }
        block.height += std::max<qsizetype>(0, block.lines.size() - 1) * BadgeLineGapEm * fit->fontSize;
        if (block.lines.isEmpty() || block.height <= boxHeight + Tolerance)
            break;
        const double scaled = std::floor(fit->fontSize * boxHeight / block.height * 100.0 - 1.0) / 100.0;
        if (fit->fontSize > options.minSizePt + Tolerance) {
            options.maxSizePt = std::max(options.minSizePt, scaled);
        } else if (fit->lines.size() > 1) {
            options.maxLines = int(fit->lines.size()) - 1;
        } else {
            // One line at the minimum size is still too tall (ink reaching far above or below): nothing
            // may leave the box, so go below the layout's minimum.
            qCInfo(lcBadge) << e.label << "prints below its minSize to fit the box:" << scaled << "pt";
            options.minSizePt = options.maxSizePt = std::max(1.0, scaled);
        }
    }
    if (!block.lines.isEmpty() && block.height > boxHeight + Tolerance)
        return std::unexpected(u"%1: the text does not fit its box at any size"_s.arg(e.label));

    double y = e.box.top() * Mm;
    if (e.verticalAlignment == BadgeVerticalAlignment::Middle)
        y += (boxHeight - block.height) / 2;
    else if (e.verticalAlignment == BadgeVerticalAlignment::Bottom)
        y += boxHeight - block.height;
    for (PlacedLine &placed : block.lines) {
        placed.baseline = y + placed.above;
        placed.x = text::alignedX(placed.line, e.box.left() * Mm, boxWidth, textAlignment(e.alignment));
        y += placed.above + placed.below + BadgeLineGapEm * block.fontSize;
    }
    return block;
}

std::expected<void, QString> BadgeRendererPrivate::drawText(const Canvas &canvas, int index, const QString &value,
                                                            const QString &language, const QColor &colour,
                                                            BadgeTextState &state, int badgeIndex)
{
    const QList<BadgeElement> &elements = layout.elements();
    const BadgeElement &e = elements[index];
    BadgeTextState::Element own;
    if (e.flow && state.previous >= 0) {
        const BadgeElement &previous = elements[state.previous];
        const BadgeTextState::Element before = state.elements.value(state.previous);
        own.gapAbove = (e.box.top() - previous.box.bottom()) * Mm;
        own.shift = before.shift;
        if (before.empty) {
            // Take the empty element's place, keeping the larger of its gap and this one's.
            own.shift += (e.box.top() - previous.box.top()) * Mm + before.gapAbove
                         - std::max(before.gapAbove, own.gapAbove);
        } else if (previous.verticalAlignment == BadgeVerticalAlignment::Top) {
            own.shift += previous.box.height() * Mm - before.used;
        }
    }
    state.previous = index;
    if (value.isEmpty()) {
        state.elements.insert(index, own);
        return {};
    }

    BadgeElement aligned = e;
    if (state.rightToLeftGuest && isGuestSupplied(e.binding)) {
        // The guest's lines are one block: a right-to-left name right-aligns its Latin transcription
        // and organisation too, so that the block keeps one edge.
        if (e.alignment == BadgeAlignment::Start)
            aligned.alignment = BadgeAlignment::Right;
        else if (e.alignment == BadgeAlignment::End)
            aligned.alignment = BadgeAlignment::Left;
    }
    const auto block = fitBlock(value, aligned, language);
    if (!block)
        return std::unexpected(block.error());
    own.empty = block->lines.isEmpty();
    own.used = block->height;
    state.elements.insert(index, own);

    const text::Rgb c = rgb(colour);
    for (const PlacedLine &placed : std::as_const(block->lines)) {
        const double baseline = placed.baseline - own.shift;
        CHECKIN_TRY(text::drawLine(canvas.page, placed.line, canvas.left + placed.x, canvas.top - baseline, c));
        const QRectF ink(placed.x / Mm, (baseline - placed.above) / Mm, placed.line.width() / Mm,
                         (placed.above + placed.below) / Mm);
        boxes.append({badgeIndex, index, e.type, ink, placed.line.text(), placed.line.fontSize(), block->truncated});
    }
    return doc->check(e.label);
}

} // namespace checkin
