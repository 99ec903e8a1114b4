#pragma once

#include "kiosk/mail/mailaddress.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace checkin::mail {

// One e-mail with a plain-text body and one attachment, as RFC 5322/2045 bytes: multipart/mixed, the text as
// UTF-8 in base64, the attachment in base64, non-ASCII subject and display names as RFC 2047 encoded words, CRLF
// line ends and no line longer than 78 characters.
struct MailMessage
{
    MailAddress from;
    std::optional<MailAddress> replyTo;
    MailAddress to;
    QString subject;
    QString body;     // plain text; line ends become CRLF
    QString language; // Content-Language of the body (en fr es ar zh ru), may be empty
    QByteArray attachment;
    QString attachmentName; // file name shown to the recipient; ASCII
    QByteArray attachmentType = "application/pdf";
    QDateTime date;    // when written (default: now)
    QString messageId; // without angle brackets (default: a new one at from's domain)

    // The message as it goes over SMTP (DATA) or into a .eml file.
    [[nodiscard]] QByteArray toBytes() const;

    // A new globally unique Message-ID at domain ("<uuid>@domain", without angle brackets).
    [[nodiscard]] static QString newMessageId(const QString &domain);
    // A header value: as it is when printable ASCII, else RFC 2047 encoded words (UTF-8, base64) each at most 75
    // characters (64 here, so that
    // a header line stays within 78), folded onto continuation lines.
    [[nodiscard]] static QByteArray encodeHeaderText(const QString &text);
    // An address header value: "name <address>" with the name quoted or encoded as needed, or the bare address.
    [[nodiscard]] static QByteArray encodeAddress(const MailAddress &address);
};

} // namespace checkin::mail
