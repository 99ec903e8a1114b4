#include "printing/badgelayout.h"
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

constexpr int MaxExtendsDepth = 4;

const QString BuiltInFolder = u":/checkin/layouts"_s;

} // namespace

double nominalTextHeightMm(double sizePt, int lines)
{
    if (lines < 1)
        return 0;
    const double em = lines * (BadgeLineAscentEm + BadgeLineDescentEm) + (lines - 1) * BadgeLineGapEm;
    return em * sizePt / BadgeLayoutParser::PtPerMm;
}

QPointF BadgeSheet::cellOrigin(int cell, QSizeF badgeMm) const
{
    if (isEmpty())
        return {};
    const double gridWidth = columns * badgeMm.width() + (columns - 1) * gutterMm.width();
    const double gridHeight = rows * badgeMm.height() + (rows - 1) * gutterMm.height();
    const double left = (paperMm.width() - gridWidth) / 2;
    const double top = (paperMm.height() - gridHeight) / 2;
    const int column = cell % columns;
    const int row = (cell / columns) % rows;
    return {left + column * (badgeMm.width() + gutterMm.width()), top + row * (badgeMm.height() + gutterMm.height())};
}

BadgeRole BadgeLayout::role(const QString &key) const
{
    const QString wanted = key.trimmed();
    for (const BadgeRole &r : m_roles) {
        if (r.key.compare(wanted, Qt::CaseInsensitive) == 0)
            return r;
    }
    BadgeRole fallback = m_roles.isEmpty() ? BadgeRole{QString(), QString(), QColor(0, 0, 0)} : m_roles.constFirst();
    if (!wanted.isEmpty()) {
        fallback.key = wanted;
        fallback.label = wanted.left(1).toUpper() + wanted.mid(1);
    }
    return fallback;
}

namespace {

std::expected<QJsonObject, QString> parseJsonObject(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        const QByteArray before = json.left(error.offset);
        const int line = int(before.count('\n')) + 1;
        const int column = int(error.offset - (before.lastIndexOf('\n') + 1)) + 1;
        return std::unexpected(u"line %1, column %2: %3"_s.arg(line).arg(column).arg(error.errorString()));
    }
    if (!document.isObject())
        return std::unexpected(u"the layout must be a JSON object { … }"_s);
    return document.object();
}

std::expected<QByteArray, QString> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(u"cannot read the layout file %1: %2"_s.arg(path, file.errorString()));
    return file.readAll();
}

// The layout object with its "extends" chain applied: the base file's keys, overridden by this
// file's (palette merged colour by colour). Image paths of the base are made absolute first.
std::expected<QJsonObject, QString> resolveExtends(QJsonObject root, const QString &baseDir, int depth)
{
    const QJsonValue extends = root.value(u"extends"_s);
    if (extends.isUndefined())
        return root;
    if (!extends.isString())
        return std::unexpected(u"layout: \"extends\" must be the name of another layout file"_s);
    if (depth >= MaxExtendsDepth)
        return std::unexpected(u"layout: \"extends\" nests more than %1 files deep (a loop?)"_s.arg(MaxExtendsDepth));
    const QString path = QDir::isAbsolutePath(extends.toString()) || extends.toString().startsWith(u':')
                             ? extends.toString()
                             : QDir(baseDir).filePath(extends.toString());
    const auto bytes = readFile(path);
    if (!bytes)
        return std::unexpected(u"layout: \"extends\": "_s + bytes.error());
    auto base = parseJsonObject(*bytes);
    if (!base)
        return std::unexpected(u"layout: \"extends\" %1: %2"_s.arg(path, base.error()));
    const QString parentDir = QFileInfo(path).path();
    auto resolved = resolveExtends(*base, parentDir, depth + 1);
    if (!resolved)
        return std::unexpected(u"in %1: %2"_s.arg(path, resolved.error()));

    QJsonObject merged = *resolved;
    merged.remove(u"extends"_s);
    if (merged.value(u"elements"_s).isArray()) {
        QJsonArray elements = merged.value(u"elements"_s).toArray();
        for (qsizetype i = 0; i < elements.size(); ++i) {
            QJsonObject e = elements.at(i).toObject();
            if (e.value(u"src"_s).isString() && !QDir::isAbsolutePath(e.value(u"src"_s).toString())
                && !e.value(u"src"_s).toString().startsWith(u':')) {
                e.insert(u"src"_s, QDir(parentDir).filePath(e.value(u"src"_s).toString()));
                elements.replace(i, e);
            }
        }
        merged.insert(u"elements"_s, elements);
    }
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (it.key() == u"extends"_s)
            continue;
        if (it.key() == u"palette"_s && it.value().isObject() && merged.value(u"palette"_s).isObject()) {
            QJsonObject palette = merged.value(u"palette"_s).toObject();
            const QJsonObject own = it.value().toObject();
            for (auto c = own.begin(); c != own.end(); ++c)
                palette.insert(c.key(), c.value());
            merged.insert(u"palette"_s, palette);
            continue;
        }
        merged.insert(it.key(), it.value());
    }
    return merged;
}

} // namespace

std::expected<BadgeLayout, QString> BadgeLayout::fromJson(const QByteArray &json, const QString &baseDir)
{
    auto root = parseJsonObject(json);
    if (!root)
        return std::unexpected(root.error());
    auto resolved = resolveExtends(*root, baseDir, 0);
    if (!resolved)
        return std::unexpected(resolved.error());
    BadgeLayoutParser parser;
    parser.parse(*resolved, baseDir);
    if (!parser.problems.isEmpty())
        return std::unexpected(parser.problems.join(u'\n'));
    return parser.layout;
}

std::expected<BadgeLayout, QString> BadgeLayout::load(const QString &path)
{
    const auto bytes = readFile(path);
    if (!bytes)
        return std::unexpected(bytes.error());
    auto layout = fromJson(*bytes, QFileInfo(path).path());
    if (!layout) {
        const QStringList problems = layout.error().split(u'\n');
        return std::unexpected(u"the badge layout %1 has %2:\n%3"_s.arg(
            path, problems.size() == 1 ? u"a problem"_s : u"%1 problems"_s.arg(problems.size()), layout.error()));
    }
    return layout;
}

QStringList BadgeLayout::builtInNames()
{
    return {u"policymaker-4x3in"_s, u"a6-portrait"_s, u"a6-landscape"_s,   u"id1-card"_s,
            u"card-90x54"_s,        u"a4-sheet-8"_s,  u"label-62x100mm"_s, u"label-4x6in"_s};
}

std::expected<BadgeLayout, QString> BadgeLayout::builtIn(const QString &name)
{
    if (!builtInNames().contains(name))
        return std::unexpected(
            u"there is no built-in badge layout \"%1\"; choose one of %2, or give a layout file"_s.arg(
                name, builtInNames().join(u", "_s)));
    return load(BuiltInFolder + u'/' + name + u".json"_s);
}

QStringList BadgeLayout::pageSizeNames()
{
    QStringList names;
    for (const BadgeLayoutParser::NamedSize &s : BadgeLayoutParser::pageSizes())
        names.append(s.name);
    return names;
}

} // namespace checkin
