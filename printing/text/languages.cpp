#include "printing/text/languages.h"

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace checkin {

namespace {

// Arabic is written for Egypt and keyboards in "ar_AR" because those are the forms Qt's locale data and
// Qt Virtual Keyboard's layouts know for the language as a whole.
constexpr std::array<KioskLanguage, 6> Table = {{
    {u"en", u"English", QLocale::English, QLocale::UnitedStates, QLocale::UnitedKingdom, u"", u"en", u"en_GB"},
    {u"fr", u"Français", QLocale::French, QLocale::France, QLocale::France, u"fr", u"fr", u"fr_FR"},
    {u"es", u"Español", QLocale::Spanish, QLocale::Spain, QLocale::Spain, u"es", u"es", u"es_ES"},
    {u"ar", u"العربية", QLocale::Arabic, QLocale::Egypt, QLocale::Egypt, u"ar", u"ar", u"ar_AR"},
    {u"zh", u"中文", QLocale::Chinese, QLocale::China, QLocale::China, u"zh_CN", u"zh-Hans", u"zh_CN"},
    {u"ru", u"Русский", QLocale::Russian, QLocale::Russia, QLocale::Russia, u"ru", u"ru", u"ru_RU"},
}};

} // namespace

std::span<const KioskLanguage> kioskLanguages()
{
    return Table;
}

const KioskLanguage *findKioskLanguage(QStringView code)
{
    const auto it = std::find_if(Table.cbegin(), Table.cend(),
                                 [code](const KioskLanguage &l) { return l.code == code; });
    return it == Table.cend() ? nullptr : &*it;
}

const KioskLanguage *kioskLanguageForTag(const QString &tag)
{
    return findKioskLanguage(tag.section(u'-', 0, 0).section(u'_', 0, 0).trimmed().toLower());
}

const KioskLanguage &kioskLanguageOrEnglish(const QString &tag)
{
    const KioskLanguage *language = kioskLanguageForTag(tag);
    return language ? *language : Table.front();
}

QStringList kioskLanguageCodes()
{
    QStringList codes;
    for (const KioskLanguage &language : Table)
        codes.append(language.code.toString());
    return codes;
}

} // namespace checkin
