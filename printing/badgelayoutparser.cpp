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

void BadgeLayoutParser::parsePage(const QJsonValue &value)
{
    const QString where = u"page"_s;
    if (value.isUndefined()) {
        problem(where, u"missing: give {\"size\": \"4x3in\"} or {\"width\": …, \"height\": …} in mm"_s);
        return;
    }
    if (!value.isObject()) {
        problem(where, u"must be an object, not %1"_s.arg(typeName(value)));
        return;
    }
    const QJsonObject page = value.toObject();
    checkKeys(page, {u"size"_s, u"width"_s, u"height"_s, u"margin"_s}, where);
    if (page.contains(u"size"_s)) {
        if (page.contains(u"width"_s) || page.contains(u"height"_s))
            problem(where, u"give either \"size\" or \"width\" and \"height\", not both"_s);
        if (const auto name = string(page, u"size"_s, where, std::nullopt))
            if (const auto size = namedSize(*name, where, u"size"_s))
                layout.m_pageSizeMm = *size;
    } else {
        const auto w = readNumber(page, u"width"_s, where, std::nullopt, 20, 1000);
        const auto h = readNumber(page, u"height"_s, where, std::nullopt, 20, 1000);
        if (w && h)
            layout.m_pageSizeMm = QSizeF(*w, *h);
    }
    if (const auto margin = readNumber(page, u"margin"_s, where, 3.0, 0, 30))
        layout.m_marginMm = *margin;
}

void BadgeLayoutParser::parseMedia(const QJsonObject &root)
{
    const auto media = string(root, u"media"_s, u"layout"_s, QString());
    if (!media)
        return;
    static const QRegularExpression word(u"^[A-Za-z0-9][A-Za-z0-9._-]*$"_s);
    if (!media->isEmpty() && !word.match(*media).hasMatch()) {
        problem(u"layout"_s, u"\"media\" is \"%1\": write one CUPS media name such as \"oe_4x6-label_4x6in\" "
                             "(letters, digits, '.', '_' and '-')"_s.arg(*media));
        return;
    }
    layout.m_media = *media;
}

void BadgeLayoutParser::parseSheet(const QJsonValue &value)
{
    if (value.isUndefined())
        return;
    const QString where = u"sheet"_s;
    if (!value.isObject()) {
        problem(where, u"must be an object, not %1"_s.arg(typeName(value)));
        return;
    }
    const QJsonObject sheet = value.toObject();
    checkKeys(sheet, {u"paper"_s, u"columns"_s, u"rows"_s, u"gutter"_s, u"cropMarks"_s}, where);
    BadgeSheet s;
    const QJsonValue paper = sheet.value(u"paper"_s);
    if (paper.isString()) {
        if (const auto size = namedSize(paper.toString(), where, u"paper"_s))
            s.paperMm = *size;
    } else if (paper.isObject()) {
        const QJsonObject p = paper.toObject();
        const QString paperWhere = where + u" paper"_s;
        checkKeys(p, {u"width"_s, u"height"_s}, paperWhere);
        const auto w = readNumber(p, u"width"_s, paperWhere, std::nullopt, 50, 2000);
        const auto h = readNumber(p, u"height"_s, paperWhere, std::nullopt, 50, 2000);
        if (w && h)
            s.paperMm = QSizeF(*w, *h);
    } else {
        problem(where, paper.isUndefined() ? u"missing \"paper\""_s
                                           : u"\"paper\" must be a size name or {\"width\", \"height\"}"_s);
    }
    const auto columns = readNumber(sheet, u"columns"_s, where, std::nullopt, 1, 20);
    const auto rows = readNumber(sheet, u"rows"_s, where, std::nullopt, 1, 30);
    if (columns && *columns != std::floor(*columns))
        problem(where, u"\"columns\" must be a whole number"_s);
    if (rows && *rows != std::floor(*rows))
        problem(where, u"\"rows\" must be a whole number"_s);
    s.columns = columns ? int(*columns) : 1;
    s.rows = rows ? int(*rows) : 1;
    const QJsonValue gutter = sheet.value(u"gutter"_s);
    if (gutter.isDouble() && gutter.toDouble() >= 0 && gutter.toDouble() <= 50) {
        s.gutterMm = QSizeF(gutter.toDouble(), gutter.toDouble());
    } else if (gutter.isArray() && gutter.toArray().size() == 2 && gutter.toArray().at(0).isDouble()
               && gutter.toArray().at(1).isDouble()) {
        s.gutterMm = QSizeF(gutter.toArray().at(0).toDouble(), gutter.toArray().at(1).toDouble());
    } else if (!gutter.isUndefined()) {
        problem(where, u"\"gutter\" must be a number of mm (0–50) or [across, down]"_s);
    }
    s.cropMarks = boolean(sheet, u"cropMarks"_s, where, false);
    layout.m_sheet = s;
}

void BadgeLayoutParser::parsePalette(const QJsonValue &value)
{
    if (value.isUndefined())
        return;
    if (!value.isObject()) {
        problem(u"palette"_s, u"must be an object of names and \"#RRGGBB\" colours"_s);
        return;
    }
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString where = u"palette colour \"%1\""_s.arg(it.key());
        if (it.key() == u"role"_s) {
            problem(where, u"\"role\" is reserved for the guest's role colour; choose another name"_s);
            continue;
        }
        static const QRegularExpression hex(u"^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$"_s);
        if (!it.value().isString() || !hex.match(it.value().toString()).hasMatch()) {
            problem(where, u"must be \"#RRGGBB\""_s);
            continue;
        }
        palette.insert(it.key(), QColor::fromString(it.value().toString()));
    }
}

void BadgeLayoutParser::parseRoles(const QJsonValue &value)
{
    if (value.isUndefined())
        return;
    if (!value.isArray()) {
        problem(u"roles"_s, u"must be a list of {\"key\", \"label\", \"colour\"}"_s);
        return;
    }
    const QJsonArray roles = value.toArray();
    for (qsizetype i = 0; i < roles.size(); ++i) {
        const QString where = u"role %1"_s.arg(i + 1);
        if (!roles.at(i).isObject()) {
            problem(where, u"must be an object, not %1"_s.arg(typeName(roles.at(i))));
            continue;
        }
        const QJsonObject object = roles.at(i).toObject();
        checkKeys(object, {u"key"_s, u"label"_s, u"colour"_s}, where);
        const auto key = string(object, u"key"_s, where, std::nullopt);
        const auto label = string(object, u"label"_s, where, std::nullopt);
        const auto colourText = string(object, u"colour"_s, where, std::nullopt);
        if (!key || !label || !colourText)
            continue;
        const auto c = parseColour(*colourText);
        if (!c) {
            problem(where, u"\"colour\" is \"%1\": write \"#RRGGBB\" or a palette colour"_s.arg(*colourText));
            continue;
        }
        if (std::any_of(layout.m_roles.cbegin(), layout.m_roles.cend(),
                        [&](const BadgeRole &r) { return r.key.compare(*key, Qt::CaseInsensitive) == 0; }))
            problem(where, u"role \"%1\" is listed twice"_s.arg(*key));
        layout.m_roles.append({key->trimmed(), *label, *c});
    }
}

std::optional<QRectF> BadgeLayoutParser::box(const QJsonObject &object, const QString &where)
{
    const auto x = readNumber(object, u"x"_s, where, std::nullopt, -1000, 1000);
    const auto y = readNumber(object, u"y"_s, where, std::nullopt, -1000, 1000);
    const auto w = readNumber(object, u"w"_s, where, std::nullopt, 0.1, 2000);
    const auto h = readNumber(object, u"h"_s, where, std::nullopt, 0.1, 2000);
    if (!x || !y || !w || !h)
        return std::nullopt;
    return QRectF(*x, *y, *w, *h);
}

void BadgeLayoutParser::parseAlignment(const QJsonObject &object, const QString &where, BadgeElement &e)
{
    if (const auto a = choice(object, u"align"_s, where, {u"start"_s, u"center"_s, u"end"_s, u"left"_s, u"right"_s}, 0))
        e.alignment = BadgeAlignment(*a);
    if (const auto v = choice(object, u"valign"_s, where, {u"top"_s, u"middle"_s, u"bottom"_s}, 0))
        e.verticalAlignment = BadgeVerticalAlignment(*v);
}

void BadgeLayoutParser::parseText(const QJsonObject &object, const QString &where, BadgeElement &e)
{
    checkKeys(object,
              {u"type"_s, u"bind"_s, u"text"_s, u"x"_s, u"y"_s, u"w"_s, u"h"_s, u"minSize"_s, u"maxSize"_s,
               u"maxLines"_s, u"weight"_s, u"align"_s, u"valign"_s, u"colour"_s, u"uppercase"_s, u"flow"_s,
               u"allowOverlap"_s},
              where);
    if (object.contains(u"bind"_s) == object.contains(u"text"_s))
        problem(where, u"give either \"bind\" (a guest or event field) or \"text\" (fixed words), not %1"_s.arg(
                           object.contains(u"bind"_s) ? u"both"_s : u"neither"_s));
    if (object.contains(u"text"_s)) {
        if (const auto text = string(object, u"text"_s, where, std::nullopt)) {
            e.text = *text;
            if (text->trimmed().isEmpty())
                problem(where, u"\"text\" is empty"_s);
        }
    }
    if (const auto b = box(object, where))
        e.box = *b;
    const auto minSize = readNumber(object, u"minSize"_s, where, std::nullopt, 4, 200);
    const auto maxSize = readNumber(object, u"maxSize"_s, where, std::nullopt, 4, 200);
    if (minSize && maxSize) {
        e.minSizePt = *minSize;
        e.maxSizePt = *maxSize;
        if (*maxSize < *minSize)
            problem(where, u"maxSize %1 is below minSize %2"_s.arg(number(*maxSize), number(*minSize)));
    }
    if (const auto lines = readNumber(object, u"maxLines"_s, where, 1.0, 1, 4)) {
        if (*lines != std::floor(*lines))
            problem(where, u"\"maxLines\" must be a whole number"_s);
        e.maxLines = int(*lines);
    }
    if (const auto weight = choice(object, u"weight"_s, where, {u"regular"_s, u"bold"_s}, 0))
        e.bold = *weight == 1;
    parseAlignment(object, where, e);
    e.colour = colour(object, u"colour"_s, where, palette.value(u"ink"_s, QColor(0, 0, 0)));
    e.uppercase = boolean(object, u"uppercase"_s, where, false);
    e.flow = boolean(object, u"flow"_s, where, false);
    e.allowOverlap = boolean(object, u"allowOverlap"_s, where, false);
    if (e.binding == BadgeBinding::RoleLabel) {
        rolesNeeded = true;
        if (roleUser.isEmpty())
            roleUser = where;
    }
}

void BadgeLayoutParser::parseQr(const QJsonObject &object, const QString &where, BadgeElement &e)
{
    checkKeys(object, {u"type"_s, u"x"_s, u"y"_s, u"size"_s, u"ecc"_s, u"quietZone"_s, u"colour"_s, u"allowOverlap"_s},
              where);
    const auto x = readNumber(object, u"x"_s, where, std::nullopt, -1000, 1000);
    const auto y = readNumber(object, u"y"_s, where, std::nullopt, -1000, 1000);
    const auto size = readNumber(object, u"size"_s, where, std::nullopt, 0.1, 1000);
    if (x && y && size) {
        e.box = QRectF(*x, *y, *size, *size);
        if (*size < MinQrSizeMm)
            problem(where, u"\"size\" %1 mm is too small to scan from a kiosk camera: make it at least %2 mm"_s.arg(
                               number(*size), number(MinQrSizeMm)));
    }
    if (const QJsonValue ecc = object.value(u"ecc"_s); ecc.isString() && ecc.toString() == u"L"_s) {
        problem(where, u"\"ecc\" L is below the required M: a scuffed badge must still scan; use M, Q or H"_s);
    } else if (const auto level = choice(object, u"ecc"_s, where, {u"M"_s, u"Q"_s, u"H"_s}, 0)) {
        e.ecc = *level == 0 ? QrErrorCorrection::M : *level == 1 ? QrErrorCorrection::Q : QrErrorCorrection::H;
    }
    if (const auto quiet = readNumber(object, u"quietZone"_s, where, 4.0, 2, 10)) {
        if (*quiet != std::floor(*quiet))
            problem(where, u"\"quietZone\" must be a whole number of modules"_s);
        e.quietZoneModules = int(*quiet);
    }
    e.colour = colour(object, u"colour"_s, where, QColor(0, 0, 0));
    e.allowOverlap = boolean(object, u"allowOverlap"_s, where, false);
}

void BadgeLayoutParser::parseBand(const QJsonObject &object, const QString &where, BadgeElement &e)
{
    checkKeys(object, {u"type"_s, u"x"_s, u"y"_s, u"w"_s, u"h"_s, u"colour"_s}, where);
    if (const auto b = box(object, where))
        e.box = *b;
    if (!object.contains(u"colour"_s))
        problem(where, u"missing \"colour\" (\"#RRGGBB\", a palette colour or \"role\")"_s);
    e.colour = colour(object, u"colour"_s, where, QColor(0, 0, 0));
}

void BadgeLayoutParser::parseImage(const QJsonObject &object, const QString &where, const QString &baseDir,
                                   BadgeElement &e)
{
    checkKeys(object, {u"type"_s, u"src"_s, u"x"_s, u"y"_s, u"w"_s, u"h"_s, u"align"_s, u"valign"_s, u"allowOverlap"_s},
              where);
    if (const auto b = box(object, where))
        e.box = *b;
    parseAlignment(object, where, e);
    e.allowOverlap = boolean(object, u"allowOverlap"_s, where, false);
    const auto src = string(object, u"src"_s, where, std::nullopt);
    if (!src)
        return;
    const QString path = QDir::isAbsolutePath(*src) || src->startsWith(u':') ? *src : QDir(baseDir).filePath(*src);
    QImageReader reader(path);
    const QByteArray format = reader.format();
    if (format != "png" && format != "jpeg") {
        problem(where, reader.canRead()
                           ? u"\"src\" %1 is %2: use a PNG or JPEG file"_s.arg(path, QString::fromLatin1(format))
                           : u"cannot read the image \"src\" %1: %2"_s.arg(path, reader.errorString()));
        return;
    }
    QImage image = reader.read();
    if (image.isNull()) {
        problem(where, u"cannot read the image \"src\" %1: %2"_s.arg(path, reader.errorString()));
        return;
    }
    // Printing needs no more than MaxImageDpi at the box size; a large logo only bloats every badge.
    const double maxPixels = std::max(e.box.width(), e.box.height()) / 25.4 * MaxImageDpi;
    if (std::max(image.width(), image.height()) > maxPixels)
        image = image.scaled(QSize(int(maxPixels), int(maxPixels)), Qt::KeepAspectRatio, Qt::SmoothTransformation);
    e.image = image.hasAlphaChannel() ? image.convertToFormat(QImage::Format_ARGB32)
                                      : image.convertToFormat(QImage::Format_RGB888);
    e.imageSource = path;
}

void BadgeLayoutParser::parseLine(const QJsonObject &object, const QString &where, BadgeElement &e)
{
    checkKeys(object, {u"type"_s, u"x1"_s, u"y1"_s, u"x2"_s, u"y2"_s, u"width"_s, u"colour"_s, u"allowOverlap"_s},
              where);
    const auto x1 = readNumber(object, u"x1"_s, where, std::nullopt, -1000, 1000);
    const auto y1 = readNumber(object, u"y1"_s, where, std::nullopt, -1000, 1000);
    const auto x2 = readNumber(object, u"x2"_s, where, std::nullopt, -1000, 1000);
    const auto y2 = readNumber(object, u"y2"_s, where, std::nullopt, -1000, 1000);
    if (const auto width = readNumber(object, u"width"_s, where, 0.5, 0.1, 20))
        e.lineWidthPt = *width;
    e.colour = colour(object, u"colour"_s, where, palette.value(u"ink"_s, QColor(0, 0, 0)));
    e.allowOverlap = boolean(object, u"allowOverlap"_s, where, false);
    if (!x1 || !y1 || !x2 || !y2)
        return;
    e.from = QPointF(*x1, *y1);
    e.to = QPointF(*x2, *y2);
    if (*x1 != *x2 && *y1 != *y2)
        problem(where, u"lines must be horizontal (y1 = y2) or vertical (x1 = x2)"_s);
    const double half = e.lineWidthPt / PtPerMm / 2;
    e.box = QRectF(QPointF(std::min(*x1, *x2), std::min(*y1, *y2)), QPointF(std::max(*x1, *x2), std::max(*y1, *y2)))
                .adjusted(*y1 == *y2 ? 0 : -half, *y1 == *y2 ? -half : 0, *y1 == *y2 ? 0 : half, *y1 == *y2 ? half : 0);
}

void BadgeLayoutParser::parseElements(const QJsonValue &value, const QString &baseDir)
{
    if (!value.isArray() || value.toArray().isEmpty()) {
        problem(u"elements"_s, value.isUndefined() ? u"missing: list what the badge shows"_s
                                                   : u"must be a non-empty list of elements"_s);
        return;
    }
    const QJsonArray elements = value.toArray();
    for (qsizetype i = 0; i < elements.size(); ++i) {
        const QString number = QString::number(i + 1);
        if (!elements.at(i).isObject()) {
            problem(u"element "_s + number, u"must be an object, not %1"_s.arg(typeName(elements.at(i))));
            continue;
        }
        const QJsonObject object = elements.at(i).toObject();
        const QString type = object.value(u"type"_s).toString();
        static const QStringList types{u"text"_s, u"qr"_s, u"band"_s, u"image"_s, u"line"_s};
        if (!types.contains(type)) {
            problem(u"element "_s + number,
                    object.contains(u"type"_s)
                        ? u"\"type\" is \"%1\", must be one of %2"_s.arg(type, types.join(u", "_s))
                        : u"missing \"type\" (%1)"_s.arg(types.join(u", "_s)));
            continue;
        }
        BadgeElement e;
        e.type = BadgeElementType(types.indexOf(type));
        QString what = type;
        if (e.type == BadgeElementType::Text) {
            if (object.value(u"bind"_s).isString()) {
                const QString bind = object.value(u"bind"_s).toString();
                what += u" '%1'"_s.arg(bind);
                const qsizetype index = bindingNames().indexOf(bind);
                if (index <= 0) {
                    QStringList names = bindingNames();
                    names.removeFirst();
                    problem(u"element %1 (%2)"_s.arg(number, what),
                            u"\"bind\" is \"%1\", must be one of %2"_s.arg(bind, names.join(u", "_s)));
                } else {
                    e.binding = BadgeBinding(index);
                }
            } else if (object.value(u"text"_s).isString()) {
                what += u" \"%1\""_s.arg(object.value(u"text"_s).toString().left(30));
            }
        }
        const QString where = u"element %1 (%2)"_s.arg(number, what);
        e.label = where;
        switch (e.type) {
        case BadgeElementType::Text:
            parseText(object, where, e);
            break;
        case BadgeElementType::Qr:
            parseQr(object, where, e);
            break;
        case BadgeElementType::Band:
            parseBand(object, where, e);
            break;
        case BadgeElementType::Image:
            parseImage(object, where, baseDir, e);
            break;
        case BadgeElementType::Line:
            parseLine(object, where, e);
            break;
        }
        layout.m_elements.append(e);
    }
}

void BadgeLayoutParser::parse(const QJsonObject &root, const QString &baseDir)
{
    checkKeys(root,
              {u"name"_s, u"description"_s, u"version"_s, u"extends"_s, u"page"_s, u"media"_s, u"sheet"_s, u"palette"_s,
               u"roles"_s, u"elements"_s},
              u"layout"_s);
    if (const QJsonValue version = root.value(u"version"_s); !version.isUndefined() && version.toInt(-1) != 1)
        problem(u"layout"_s, u"\"version\" must be 1 (this program reads layout version 1)"_s);
    if (const auto name = string(root, u"name"_s, u"layout"_s, QString()))
        layout.m_name = *name;
    string(root, u"description"_s, u"layout"_s, QString());
    parseMedia(root);
    parsePalette(root.value(u"palette"_s));
    parsePage(root.value(u"page"_s));
    parseSheet(root.value(u"sheet"_s));
    parseRoles(root.value(u"roles"_s));
    parseElements(root.value(u"elements"_s), baseDir);
    if (rolesNeeded && layout.m_roles.isEmpty())
        problem(roleUser, u"uses the guest's role, but the layout has no \"roles\" list"_s);
    if (problems.isEmpty() && layout.m_pageSizeMm.isValid()) {
        checkGeometry();
        checkSheet();
    }
}

} // namespace checkin
