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

namespace {

// Levenshtein distance, for "did you mean" on a mistyped key.
int editDistance(const QString &a, const QString &b)
{
    QList<int> row(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int above = row[j];
            row[j] = std::min(
                {row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1].toLower() == b[j - 1].toLower() ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

} // namespace

const QList<BadgeLayoutParser::NamedSize> &BadgeLayoutParser::pageSizes()
{
    static const QList<NamedSize> sizes{
        {u"4x3in"_s, {101.6, 76.2}},    {u"3x4in"_s, {76.2, 101.6}},     {u"4x6in"_s, {101.6, 152.4}},
        {u"A6-portrait"_s, {105, 148}}, {u"A6-landscape"_s, {148, 105}}, {u"ID-1"_s, {85.6, 53.98}},
        {u"90x54"_s, {90, 54}},         {u"A5"_s, {148, 210}},           {u"A4"_s, {210, 297}},
        {u"letter"_s, {215.9, 279.4}},
    };
    return sizes;
}

const QStringList &BadgeLayoutParser::bindingNames()
{
    static const QStringList names{
        QString(),         u"given_name"_s,   u"family_name"_s,
        u"display_name"_s, u"latin_name"_s,   u"latin_name_if_different"_s,
        u"organisation"_s, u"country_name"_s, u"country_code"_s,
        u"role_label"_s,   u"event_name"_s,   u"event_dates"_s,
    };
    return names;
}

QString BadgeLayoutParser::number(double value)
{
    return QLocale::c().toString(value, 'g', 6);
}

QString BadgeLayoutParser::typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"true/false"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::String:
        return u"a string"_s;
    case QJsonValue::Array:
        return u"a list"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    default:
        return u"nothing"_s;
    }
}

QString BadgeLayoutParser::suggestion(const QString &key, const QStringList &allowed)
{
    QString best;
    int bestDistance = 3;
    for (const QString &candidate : allowed) {
        const int d = editDistance(key, candidate);
        if (d < bestDistance) {
            bestDistance = d;
            best = candidate;
        }
    }
    return best.isEmpty() ? QString() : u" (did you mean \"%1\"?)"_s.arg(best);
}

bool BadgeLayoutParser::checkKeys(const QJsonObject &object, const QStringList &allowed, const QString &where)
{
    bool ok = true;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key()) && it.key() != u"comment"_s) {
            problem(where, u"unknown key \"%1\"%2"_s.arg(it.key(), suggestion(it.key(), allowed)));
            ok = false;
        }
    }
    return ok;
}

std::optional<double> BadgeLayoutParser::readNumber(const QJsonObject &object, const QString &key, const QString &where,
                                                    std::optional<double> fallback, double min, double max)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined()) {
        if (!fallback)
            problem(where, u"missing \"%1\""_s.arg(key));
        return fallback;
    }
    if (!value.isDouble()) {
        problem(where, u"\"%1\" must be a number, not %2"_s.arg(key, typeName(value)));
        return std::nullopt;
    }
    const double v = value.toDouble();
    if (!std::isfinite(v) || v < min || v > max) {
        problem(where, u"\"%1\" is %2, must be between %3 and %4"_s.arg(key, number(v), number(min), number(max)));
        return std::nullopt;
    }
    return v;
}

std::optional<QString> BadgeLayoutParser::string(const QJsonObject &object, const QString &key, const QString &where,
                                                 std::optional<QString> fallback)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined()) {
        if (!fallback)
            problem(where, u"missing \"%1\""_s.arg(key));
        return fallback;
    }
    if (!value.isString()) {
        problem(where, u"\"%1\" must be a string, not %2"_s.arg(key, typeName(value)));
        return std::nullopt;
    }
    return value.toString();
}

bool BadgeLayoutParser::boolean(const QJsonObject &object, const QString &key, const QString &where, bool fallback)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return fallback;
    if (!value.isBool()) {
        problem(where, u"\"%1\" must be true or false, not %2"_s.arg(key, typeName(value)));
        return fallback;
    }
    return value.toBool();
}

std::optional<int> BadgeLayoutParser::choice(const QJsonObject &object, const QString &key, const QString &where,
                                             const QStringList &choices, std::optional<int> fallback)
{
    const auto text = string(object, key, where, fallback ? std::optional(choices.at(*fallback)) : std::nullopt);
    if (!text)
        return std::nullopt;
    const qsizetype index = choices.indexOf(*text);
    if (index < 0) {
        problem(where, u"\"%1\" is \"%2\", must be one of %3"_s.arg(key, *text, choices.join(u", "_s)));
        return std::nullopt;
    }
    return int(index);
}

std::optional<QColor> BadgeLayoutParser::parseColour(const QString &text) const
{
    if (palette.contains(text))
        return palette.value(text);
    static const QRegularExpression hex(u"^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$"_s);
    if (!hex.match(text).hasMatch())
        return std::nullopt;
    return QColor::fromString(text);
}

BadgeColour BadgeLayoutParser::colour(const QJsonObject &object, const QString &key, const QString &where,
                                      QColor fallback)
{
    const auto text = string(object, key, where, QString());
    if (!text || text->isEmpty())
        return {fallback, false};
    if (*text == u"role"_s) {
        rolesNeeded = true;
        if (roleUser.isEmpty())
            roleUser = where;
        return {fallback, true};
    }
    if (const auto c = parseColour(*text))
        return {*c, false};
    QString known;
    if (!palette.isEmpty()) {
        QStringList names = palette.keys();
        names.sort();
        known = u", a palette colour (%1)"_s.arg(names.join(u", "_s));
    }
    problem(where, u"\"%1\" is \"%2\": write \"#RRGGBB\"%3 or \"role\""_s.arg(key, *text, known));
    return {fallback, false};
}

std::optional<QSizeF> BadgeLayoutParser::namedSize(const QString &name, const QString &where, const QString &key)
{
    for (const NamedSize &s : pageSizes()) {
        if (s.name.compare(name, Qt::CaseInsensitive) == 0)
            return s.mm;
    }
    problem(where, u"\"%1\" is \"%2\", must be one of %3 (or give \"width\" and \"height\" in mm)"_s.arg(
                       key, name, BadgeLayout::pageSizeNames().join(u", "_s)));
    return std::nullopt;
}

} // namespace checkin
