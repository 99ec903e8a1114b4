#include "kiosk/mail/mailmessage.h"

#include <QLocale>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace checkin::mail {

namespace {

bool isPrintableAscii(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() >= 0x20 && c.unicode() < 0x7f; });
}

// Base64 in lines of 76 characters, each ended by CRLF (RFC 2045 §6.8).
QByteArray base64Lines(const QByteArray &data)
{
    const QByteArray encoded = data.toBase64();
    QByteArray out;
    out.reserve(encoded.size() + encoded.size() / 76 * 2 + 2);
    for (qsizetype i = 0; i < encoded.size(); i += 76)
        out += encoded.mid(i, 76) + "\r\n";
    return out;
}

// A display name that needs quoting as an RFC 5322 phrase (has specials), quoted; atoms as they are.
QByteArray phrase(const QString &name)
{
    static const QString specials = u"()<>[]:;@\\,.\""_s;
    if (std::none_of(name.cbegin(), name.cend(), [](QChar c) { return specials.contains(c); }))
        return name.toLatin1();
    QString quoted = name;
    quoted.replace(u"\\"_s, u"\\\\"_s).replace(u"\""_s, u"\\\""_s);
    return '"' + quoted.toLatin1() + '"';
}

// Date in RFC 5322 form, always in English: "Mon, 07 Dec 2026 15:59:38 +0000".
QByteArray rfc5322Date(const QDateTime &when)
{
    return QLocale::c().toString(when.toUTC(), u"ddd, dd MMM yyyy HH:mm:ss '+0000'"_s).toLatin1();
}

} // namespace

QString MailMessage::newMessageId(const QString &domain)
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces) + u'@' + (domain.isEmpty() ? u"localhost"_s : domain);
}

QByteArray MailMessage::encodeHeaderText(const QString &text)
{
    if (isPrintableAscii(text))
        return text.toLatin1();
    // At most 39 bytes of UTF-8 per word: 52 base64 characters, a 64-character word, so that even after
    // "Reply-To: " a line stays within 78 characters (RFC 2047 allows 75). Cut only between whole characters so
    // that each word decodes on its own (RFC 2047 §5).
    QList<QByteArray> words;
    QByteArray chunk;
    for (qsizetype i = 0; i < text.size();) {
        const qsizetype length = (text.at(i).isHighSurrogate() && i + 1 < text.size()) ? 2 : 1;
        const QByteArray character = text.mid(i, length).toUtf8();
        if (chunk.size() + character.size() > 39) {
            words << "=?UTF-8?B?" + chunk.toBase64() + "?=";
            chunk.clear();
        }
        chunk += character;
        i += length;
    }
    if (!chunk.isEmpty())
        words << "=?UTF-8?B?" + chunk.toBase64() + "?=";
    return words.join("\r\n ");
}

QByteArray MailMessage::encodeAddress(const MailAddress &address)
{
    if (address.name.isEmpty())
        return address.address.toLatin1();
    const QByteArray name = isPrintableAscii(address.name) ? phrase(address.name) : encodeHeaderText(address.name);
    return name + " <" + address.address.toLatin1() + '>';
}

QByteArray MailMessage::toBytes() const
{
    const QByteArray boundary = "=_checkin_" + QUuid::createUuid().toByteArray(QUuid::Id128);
    const QDateTime when = date.isValid() ? date : QDateTime::currentDateTimeUtc();
    const QString id = messageId.isEmpty() ? newMessageId(from.domain()) : messageId;

    QByteArray out;
    out += "Date: " + rfc5322Date(when) + "\r\n";
    out += "From: " + encodeAddress(from) + "\r\n";
    if (replyTo)
        out += "Reply-To: " + encodeAddress(*replyTo) + "\r\n";
    out += "To: " + encodeAddress(to) + "\r\n";
    out += "Subject: " + encodeHeaderText(subject) + "\r\n";
    out += "Message-ID: <" + id.toLatin1() + ">\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: multipart/mixed;\r\n boundary=\"" + boundary + "\"\r\n";
    out += "\r\n";
    out += "This is a MIME message: a text and an attachment.\r\n";

    out += "\r\n--" + boundary + "\r\n";
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    out += "Content-Transfer-Encoding: base64\r\n";
    if (!language.isEmpty())
        out += "Content-Language: " + language.toLatin1() + "\r\n";
    out += "\r\n";
    QString text = body;
    text.replace(u"\r\n"_s, u"\n"_s).replace(u'\n', u"\r\n"_s);
    out += base64Lines(text.toUtf8());

    out += "\r\n--" + boundary + "\r\n";
    out += "Content-Type: " + attachmentType + ";\r\n name=\"" + attachmentName.toLatin1() + "\"\r\n";
    out += "Content-Transfer-Encoding: base64\r\n";
    out += "Content-Disposition: attachment;\r\n filename=\"" + attachmentName.toLatin1() + "\"\r\n";
    out += "\r\n";
    out += base64Lines(attachment);
    out += "\r\n--" + boundary + "--\r\n";
    return out;
}

} // namespace checkin::mail
