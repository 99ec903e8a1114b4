#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <span>

namespace checkin {

// One of the kiosk's six languages (en fr es ar zh ru): everything the kiosk's screens, its keyboard, the
// printed agenda and the invitation e-mail need to know about it. The one table of them is languages().
struct KioskLanguage
{
    QStringView code;       // what a guest's record carries: "zh"
    QStringView nativeName; // the picker's label, in the language itself: "中文"
    QLocale::Language language;
    QLocale::Territory territory;       // documents and e-mails (English: United States)
    QLocale::Territory screenTerritory; // the kiosk's screens (English: United Kingdom, 24-hour times)
    QStringView translationSuffix;      // <domain>_<suffix>.qm in :/i18n/; empty for English, the source language
    QStringView scriptTag;              // BCP 47 hint for shaping: CJK glyph forms, OpenType rules ("zh-Hans")
    QStringView keyboardLocale;         // the Qt Virtual Keyboard layout ("ar_AR")

    /// The locale of documents and e-mails in this language.
    [[nodiscard]] QLocale locale() const { return QLocale(language, territory); }
    /// The locale of the kiosk's screens in this language.
    [[nodiscard]] QLocale screenLocale() const { return QLocale(language, screenTerritory); }
    /// True for English, the language the sources are written in.
    [[nodiscard]] bool isSourceLanguage() const { return translationSuffix.isEmpty(); }
};

/// Every language, English first, in the picker's order.
[[nodiscard]] std::span<const KioskLanguage> kioskLanguages();
/// The language with exactly this (lower-case) code; nullptr for any other string.
[[nodiscard]] const KioskLanguage *findKioskLanguage(QStringView code);
/// The language a tag names by its first subtag ("FR", "zh-CN", " zh_Hans"); nullptr for an unknown language.
[[nodiscard]] const KioskLanguage *kioskLanguageForTag(const QString &tag);
/// kioskLanguageForTag, or English for an unknown language.
[[nodiscard]] const KioskLanguage &kioskLanguageOrEnglish(const QString &tag);
/// Every code in the table's order.
[[nodiscard]] QStringList kioskLanguageCodes();

} // namespace checkin
