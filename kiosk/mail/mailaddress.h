#pragma once

#include <QString>

#include <expected>

namespace checkin::mail {

// An e-mail address with an optional display name, as staff write it: "pmp@example.org" or
// "IETF Policymaker Program <pmp@example.org>".
struct MailAddress
{
    QString name;    // display name, may be empty or non-ASCII
    QString address; // local@domain, ASCII

    // Parses "addr" or "Name <addr>"; the error says what is wrong with it.
    [[nodiscard]] static std::expected<MailAddress, QString> parse(const QString &text);
    // The part after '@'.
    [[nodiscard]] QString domain() const;
};

} // namespace checkin::mail
