#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace checkin {

// ISO 3166-1 alpha-2 country codes, backed by Qt's (CLDR) territory data rather than a table of our own.
class Countries
{
public:
    Countries() = delete;

    // The upper-case code if code (any case, spaces around ignored) is an assigned ISO 3166-1 alpha-2 code.
    [[nodiscard]] static std::optional<QString> normalisedCode(QStringView code);
    // English short name of a known code ("FR" → "France"); empty for an unknown code.
    [[nodiscard]] static QString englishName(QStringView code);
    // The code probably meant by a wrong value ("UK" → "GB", "france" → "FR"); empty if there is no guess.
    [[nodiscard]] static QString suggestion(QStringView value);
};

} // namespace checkin
