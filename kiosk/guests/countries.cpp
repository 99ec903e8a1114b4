#include "kiosk/guests/countries.h"

#include <QHash>

#include <QLocale>

#include <array>

using namespace Qt::StringLiterals;

namespace checkin {

namespace {

// CLDR, and so QLocale, knows a few two-letter territory codes that ISO 3166-1 has not assigned to a country:
// the "exceptionally reserved" AC, CP, DG, EA, IC, TA (parts of other countries) and EU, plus the private-use
// QO. XK is private-use too but is the de-facto code for Kosovo (EU, IMF, CLDR); it is accepted on purpose so
// that a guest from Kosovo can be imported.
constexpr std::array NotCountries = {u"AC", u"CP", u"DG", u"EA", u"EU", u"IC", u"QO", u"TA"};

// Codes people commonly write instead of the ISO one.
struct Alias
{
    const char16_t *alias;
    const char16_t *code;
};
constexpr std::array Aliases = {Alias{u"UK", u"GB"}, Alias{u"EL", u"GR"}, Alias{u"USA", u"US"}, Alias{u"U.S.", u"US"},
                                Alias{u"U.K.", u"GB"}};

} // namespace

std::optional<QString> Countries::normalisedCode(QStringView code)
{
    code = code.trimmed();
    if (code.size() != 2 || !code[0].isLetter() || !code[1].isLetter() || code[0].unicode() > 0x7f
        || code[1].unicode() > 0x7f)
        return std::nullopt;
    const QString upper = code.toString().toUpper();
    for (const char16_t *excluded : NotCountries) {
        if (upper == QStringView(excluded))
            return std::nullopt;
    }
    if (QLocale::codeToTerritory(upper) == QLocale::AnyTerritory)
        return std::nullopt;
    return upper;
}

QString Countries::englishName(QStringView code)
{
    const std::optional<QString> normalised = normalisedCode(code);
    if (!normalised)
        return {};
    return QLocale::territoryToString(QLocale::codeToTerritory(*normalised));
}

QString Countries::suggestion(QStringView value)
{
    value = value.trimmed();
    if (value.isEmpty())
        return {};
    for (const Alias &alias : Aliases) {
        if (value.compare(QStringView(alias.alias), Qt::CaseInsensitive) == 0)
            return QString::fromUtf16(alias.code);
    }
    // English territory names by their case-folded form, built once (a file can ask two million times).
    static const QHash<QString, QString> byName = [] {
        QHash<QString, QString> names;
        for (int t = int(QLocale::LastTerritory); t >= 1; --t) { // the first territory of a name wins
            const auto territory = QLocale::Territory(t);
            if (std::optional<QString> code = normalisedCode(QLocale::territoryToCode(territory)))
                names.insert(QLocale::territoryToString(territory).toCaseFolded(), *code);
        }
        return names;
    }();
    return byName.value(value.toString().toCaseFolded());
}

} // namespace checkin
