#include "printing/badgerenderer.h"
#include "printing/badgerenderer_p.h"

#include "printing/hpdfdocument.h"
#include "printing/qrencoder.h"
#include "printing/text/fontlibrary.h"
#include "printing/text/hpdftextpainter.h"
#include "printing/text/textfitter.h"
#include "printing/text/textsanitizer.h"

#include <QHash>
#include <QLocale>
#include <QLoggingCategory>
#include <QSet>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace checkin {

namespace badge {

Q_LOGGING_CATEGORY(lcBadge, "checkin.printing.badge")

namespace {

constexpr double CropMarkLengthMm = 5;
constexpr double CropMarkGapMm = 2;

QString isAsciiOr(const QString &text, const char *fallback)
{
    const bool ascii = !text.isEmpty() && std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.unicode() >= 0x20 && c.unicode() < 0x7f;
    });
    return ascii ? text : QString::fromLatin1(fallback);
}

} // namespace

} // namespace badge

using namespace badge;

std::expected<void, QString> BadgeRendererPrivate::beginDocument(const QString &title)
{
    if (!fonts.isUsable())
        return std::unexpected(u"the Noto fonts are missing: install the Debian packages fonts-noto-core and "
                               "fonts-noto-cjk (apt install fonts-noto-core fonts-noto-cjk)"_s);
    if (!doc)
        doc = std::make_unique<pdf::HpdfDocument>();
    CHECKIN_TRY(doc->begin());
    HPDF_SetInfoAttr(doc->handle(), HPDF_INFO_CREATOR, "ietf-checkin");
    // Document info strings are PDFDocEncoding in libharu: only ASCII survives unchanged.
    HPDF_SetInfoAttr(doc->handle(), HPDF_INFO_TITLE, title.toLatin1().constData());
    return doc->check(u"setting the document properties");
}

std::expected<HPDF_Page, QString> BadgeRendererPrivate::addPage(QSizeF mm)
{
    const HPDF_Page page = HPDF_AddPage(doc->handle());
    CHECKIN_TRY(doc->check(u"adding a page"));
    HPDF_Page_SetWidth(page, HPDF_REAL(mm.width() * Mm));
    HPDF_Page_SetHeight(page, HPDF_REAL(mm.height() * Mm));
    CHECKIN_TRY(doc->check(u"setting the page size"));
    return page;
}

// The QR code as vector squares: one rectangle per horizontal run of dark modules, all in one path
// filled at once (no hairline seams between rows), on a white square that holds the quiet zone.
std::expected<void, QString> BadgeRendererPrivate::drawQr(const Canvas &canvas, const BadgeElement &e,
                                                          const QColor &dark, const QString &token)
{
    const auto qr = QrEncoder::encode(token, e.ecc);
    if (!qr)
        return std::unexpected(u"%1: %2"_s.arg(e.label, qr.error()));
    const int total = qr->size + 2 * e.quietZoneModules;
    const double module = e.box.width() * Mm / total;
    canvas.fill(e.box, Qt::white);

    const text::Rgb c = rgb(dark);
    HPDF_Page_SetRGBFill(canvas.page, HPDF_REAL(c.red), HPDF_REAL(c.green), HPDF_REAL(c.blue));
    const double left = canvas.x(e.box.left()) + e.quietZoneModules * module;
    const double top = canvas.y(e.box.top()) - e.quietZoneModules * module;
    for (int row = 0; row < qr->size; ++row) {
        int column = 0;
        while (column < qr->size) {
            if (!qr->at(column, row)) {
                ++column;
                continue;
            }
            const int start = column;
            while (column < qr->size && qr->at(column, row))
                ++column;
            HPDF_Page_Rectangle(canvas.page, HPDF_REAL(left + start * module), HPDF_REAL(top - (row + 1) * module),
                                HPDF_REAL((column - start) * module), HPDF_REAL(module));
        }
    }
    HPDF_Page_Fill(canvas.page);
    return doc->check(e.label);
}

std::expected<void, QString> BadgeRendererPrivate::drawImage(const Canvas &canvas, const BadgeElement &e, int index)
{
    const QImage &image = e.image;
    if (image.isNull())
        return {};
    auto it = imageSamples.find(index);
    if (it == imageSamples.end()) {
        QByteArray colour;
        QByteArray alpha;
        colour.reserve(qsizetype(image.width()) * image.height() * 3);
        const bool hasAlpha = image.hasAlphaChannel();
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const QRgb p = image.pixel(x, y);
                colour.append(char(qRed(p))).append(char(qGreen(p))).append(char(qBlue(p)));
                if (hasAlpha)
                    alpha.append(char(qAlpha(p)));
            }
        }
        it = imageSamples.insert(index, {colour, alpha});
    }
    const auto &[colour, alpha] = *it;
    HPDF_Image picture = HPDF_LoadRawImageFromMem(
        doc->handle(), reinterpret_cast<const HPDF_BYTE *>(colour.constData()), HPDF_UINT(image.width()),
        HPDF_UINT(image.height()), HPDF_CS_DEVICE_RGB, 8);
    CHECKIN_TRY(doc->check(e.label));
    if (!alpha.isEmpty()) {
        HPDF_Image mask = HPDF_LoadRawImageFromMem(
            doc->handle(), reinterpret_cast<const HPDF_BYTE *>(alpha.constData()), HPDF_UINT(image.width()),
            HPDF_UINT(image.height()), HPDF_CS_DEVICE_GRAY, 8);
        HPDF_Image_AddSMask(picture, mask);
        CHECKIN_TRY(doc->check(e.label));
    }
    // Fitted into the box, keeping its proportions, aligned as the layout says.
    const double scale = std::min(e.box.width() / image.width(), e.box.height() / image.height());
    const QSizeF size(image.width() * scale, image.height() * scale);
    double x = e.box.left();
    if (e.alignment == BadgeAlignment::Center)
        x += (e.box.width() - size.width()) / 2;
    else if (e.alignment == BadgeAlignment::End || e.alignment == BadgeAlignment::Right)
        x += e.box.width() - size.width();
    double y = e.box.top();
    if (e.verticalAlignment == BadgeVerticalAlignment::Middle)
        y += (e.box.height() - size.height()) / 2;
    else if (e.verticalAlignment == BadgeVerticalAlignment::Bottom)
        y += e.box.height() - size.height();
    HPDF_Page_DrawImage(canvas.page, picture, HPDF_REAL(canvas.x(x)), HPDF_REAL(canvas.y(y + size.height())),
                        HPDF_REAL(size.width() * Mm), HPDF_REAL(size.height() * Mm));
    return doc->check(e.label);
}

void BadgeRendererPrivate::drawLineElement(const Canvas &canvas, const BadgeElement &e, const QColor &colour)
{
    const text::Rgb c = rgb(colour);
    HPDF_Page_SetRGBStroke(canvas.page, HPDF_REAL(c.red), HPDF_REAL(c.green), HPDF_REAL(c.blue));
    HPDF_Page_SetLineWidth(canvas.page, HPDF_REAL(e.lineWidthPt));
    HPDF_Page_SetLineCap(canvas.page, HPDF_BUTT_END);
    HPDF_Page_MoveTo(canvas.page, HPDF_REAL(canvas.x(e.from.x())), HPDF_REAL(canvas.y(e.from.y())));
    HPDF_Page_LineTo(canvas.page, HPDF_REAL(canvas.x(e.to.x())), HPDF_REAL(canvas.y(e.to.y())));
    HPDF_Page_Stroke(canvas.page);
}

std::expected<void, QString> BadgeRendererPrivate::drawBadge(const Canvas &canvas, const BadgeData &data,
                                                             int badgeIndex)
{
    const BadgeRole role = layout.role(data.role);
    const QString displayName = displayNameOf(data);
    BadgeTextState textState;
    textState.rightToLeftGuest = text::sanitizeForPrint(displayName).isRightToLeft();

    const QList<BadgeElement> &elements = layout.elements();
    for (int i = 0; i < elements.size(); ++i) {
        const BadgeElement &e = elements[i];
        const QColor colour = e.colour.fromRole ? role.colour : e.colour.rgb;
        switch (e.type) {
        case BadgeElementType::Band:
            canvas.fill(e.box, colour);
            CHECKIN_TRY(doc->check(e.label));
            boxes.append({badgeIndex, i, e.type, e.box, {}, 0, false});
            break;
        case BadgeElementType::Line:
            drawLineElement(canvas, e, colour);
            CHECKIN_TRY(doc->check(e.label));
            boxes.append({badgeIndex, i, e.type, e.box, {}, 0, false});
            break;
        case BadgeElementType::Image:
            CHECKIN_TRY(drawImage(canvas, e, i));
            boxes.append({badgeIndex, i, e.type, e.box, {}, 0, false});
            break;
        case BadgeElementType::Qr:
            if (text::sanitizeForPrint(data.token).isEmpty()) {
                qCDebug(lcBadge) << "no token: badge" << badgeIndex << "has no QR code";
                break;
            }
            CHECKIN_TRY(drawQr(canvas, e, colour, data.token));
            boxes.append({badgeIndex, i, e.type, e.box, data.token, 0, false});
            break;
        case BadgeElementType::Text: {
            QString value = text::sanitizeForPrint(boundText(e, data, role, displayName));
            if (isNameBinding(e.binding)) {
                if (textState.namesShown.contains(value))
                    value.clear();
                else if (!value.isEmpty())
                    textState.namesShown.insert(value);
            }
            if (e.uppercase)
                value = value.toUpper();
            // The language hint picks CJK glyph forms and line breaking for the guest's own words only.
            const bool inGuestsLanguage = isGuestSupplied(e.binding) && e.binding != BadgeBinding::LatinName
                                          && e.binding != BadgeBinding::LatinNameIfDifferent;
            CHECKIN_TRY(drawText(canvas, i, value, inGuestsLanguage ? data.language : QString(), colour, textState,
                                 badgeIndex));
            break;
        }
        }
    }
    return {};
}

// Cut lines for every column and row edge, drawn only in the paper's margins (never on a badge).
void BadgeRendererPrivate::drawCropMarks(HPDF_Page page, int used)
{
    const BadgeSheet &sheet = layout.sheet();
    const QSizeF badge = layout.pageSizeMm();
    const QSizeF paper = sheet.paperMm;
    const int usedRows = (used + sheet.columns - 1) / sheet.columns;
    const int usedColumns = std::min(used, sheet.columns);
    const QPointF origin = sheet.cellOrigin(0, badge);
    const double gridRight = origin.x() + usedColumns * badge.width() + (usedColumns - 1) * sheet.gutterMm.width();
    const double gridBottom = origin.y() + usedRows * badge.height() + (usedRows - 1) * sheet.gutterMm.height();
    const double pageTop = paper.height() * Mm;

    HPDF_Page_SetRGBStroke(page, 0, 0, 0);
    HPDF_Page_SetLineWidth(page, 0.25f);
    const auto line = [&](double x1, double y1, double x2, double y2) {
        HPDF_Page_MoveTo(page, HPDF_REAL(x1 * Mm), HPDF_REAL(pageTop - y1 * Mm));
        HPDF_Page_LineTo(page, HPDF_REAL(x2 * Mm), HPDF_REAL(pageTop - y2 * Mm));
    };
    for (int column = 0; column < usedColumns; ++column) {
        const double left = sheet.cellOrigin(column, badge).x();
        for (const double x : {left, left + badge.width()}) {
            line(x, origin.y() - CropMarkGapMm - CropMarkLengthMm, x, origin.y() - CropMarkGapMm);
            line(x, gridBottom + CropMarkGapMm, x, gridBottom + CropMarkGapMm + CropMarkLengthMm);
        }
    }
    for (int row = 0; row < usedRows; ++row) {
        const double top = sheet.cellOrigin(row * sheet.columns, badge).y();
        for (const double y : {top, top + badge.height()}) {
            line(origin.x() - CropMarkGapMm - CropMarkLengthMm, y, origin.x() - CropMarkGapMm, y);
            line(gridRight + CropMarkGapMm, y, gridRight + CropMarkGapMm + CropMarkLengthMm, y);
        }
    }
    HPDF_Page_Stroke(page);
}

std::expected<QByteArray, QString> BadgeRendererPrivate::finish(const std::expected<void, QString> &drawn,
                                                                const QString &what)
{
    std::expected<QByteArray, QString> pdf = drawn ? doc->save() : std::unexpected(drawn.error());
    if (!pdf) {
        // After a libharu error the handle's state is unknown: start afresh next time.
        doc.reset();
        return std::unexpected(u"cannot create the %1 PDF: %2"_s.arg(what, pdf.error()));
    }
    return pdf;
}

BadgeRenderer::BadgeRenderer(const BadgeLayout &layout, const QStringList &fontDirectories)
    : d(std::make_unique<BadgeRendererPrivate>(layout, fontDirectories))
{
}

BadgeRenderer::~BadgeRenderer() = default;

const BadgeLayout &BadgeRenderer::layout() const
{
    return d->layout;
}

void BadgeRenderer::preload(const QStringList &texts)
{
    for (const QString &t : texts) {
        d->fonts.preload(t, text::FontWeight::Regular);
        d->fonts.preload(t, text::FontWeight::Bold);
    }
}

std::expected<QByteArray, QString> BadgeRenderer::render(const BadgeData &data)
{
    d->boxes.clear();
    const auto drawn = [&]() -> std::expected<void, QString> {
        CHECKIN_TRY(d->beginDocument(isAsciiOr(d->layout.name(), "Badge")));
        const auto page = d->addPage(d->layout.pageSizeMm());
        CHECKIN_TRY(page);
        const Canvas canvas{*page, 0, d->layout.pageSizeMm().height() * Mm};
        return d->drawBadge(canvas, data, 0);
    }();
    return d->finish(drawn, u"badge"_s);
}

std::expected<QByteArray, QString> BadgeRenderer::renderSheet(const QList<BadgeData> &badges)
{
    d->boxes.clear();
    if (badges.isEmpty())
        return std::unexpected(u"cannot create the badge sheet PDF: there are no badges to print"_s);
    const BadgeSheet &sheet = d->layout.sheet();
    const QSizeF badge = d->layout.pageSizeMm();
    const QSizeF paper = sheet.isEmpty() ? badge : sheet.paperMm;
    const int perPage = sheet.perPage();

    const auto drawn = [&]() -> std::expected<void, QString> {
        CHECKIN_TRY(d->beginDocument(isAsciiOr(d->layout.name(), "Badges")));
        HPDF_Page page = nullptr;
        for (int i = 0; i < badges.size(); ++i) {
            const int cell = i % perPage;
            if (cell == 0) {
                const auto added = d->addPage(paper);
                CHECKIN_TRY(added);
                page = *added;
                if (sheet.cropMarks) {
                    d->drawCropMarks(page, int(std::min<qsizetype>(perPage, badges.size() - i)));
                    CHECKIN_TRY(d->doc->check(u"drawing crop marks"));
                }
            }
            const QPointF origin = sheet.cellOrigin(cell, badge);
            const Canvas canvas{page, origin.x() * Mm, (paper.height() - origin.y()) * Mm};
            if (auto ok = d->drawBadge(canvas, badges[i], i); !ok)
                return std::unexpected(u"badge %1 of %2: %3"_s.arg(i + 1).arg(badges.size()).arg(ok.error()));
        }
        return {};
    }();
    return d->finish(drawn, u"badge sheet"_s);
}

QList<BadgeBox> BadgeRenderer::lastLayoutBoxes() const
{
    return d->boxes;
}

} // namespace checkin
