#pragma once

#include <QString>
#include <QStringView>

#include <optional>

// How a guest's name is put together from its parts, by the script it is written in.
namespace checkin::personname {

// True when the letters of text are Latin (or it has no letters).
[[nodiscard]] bool isLatin(QStringView text);
// True when every letter of text is Chinese, Japanese or Korean (names written family name first, without a space).
[[nodiscard]] bool isEastAsian(QStringView text);
// The name order a guest list writes (given-first, family-first; empty or "auto": as the script suggests), as
// "given-first", "family-first" or empty; nullopt for anything else.
[[nodiscard]] std::optional<QString> orderFrom(const QString &text);
// The display name from its parts: nameOrder given-first or family-first, else family name first without a space
// when both parts are East Asian, else given name first.
[[nodiscard]] QString compose(const QString &given, const QString &family, const QString &nameOrder);

} // namespace checkin::personname
