#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <expected>
#include <memory>

namespace checkin::mail {

// How the connection to the mail server is protected.
enum class SmtpTls {
    Implicit,      // smtps://: TLS from the first byte
    Required,      // smtp:// to another machine: STARTTLS, and no mail at all if the server does not offer it
    Opportunistic, // smtp:// to this machine (127.0.0.1, ::1, localhost): STARTTLS whenever the server offers it
};

// Where and as whom to send.
struct SmtpSettings
{
    QUrl url;         // smtp://host:587 (submission with STARTTLS) or smtps://host:465
    QString user;     // empty: no login
    QString password; // never from the command line: a file or $CHECKIN_SMTP_PASSWORD
    QString caFile;   // a private certificate authority to trust (PEM); empty: the system's
};

// The server's answer to one message.
struct SmtpReply
{
    enum class Outcome {
        Accepted, // 2xx after the message: it is on its way
        Deferred, // 4xx for this recipient or message: try again later
        Refused,  // 5xx for this recipient or message: will not be delivered as it is
    };
    Outcome outcome = Outcome::Accepted;
    int code = 0; // the SMTP reply code (250, 450, 550…)
    QString text; // the server's reply line(s), e.g. "550 5.1.1 <x@example.org>: Recipient address rejected"
};

// Sends messages through one SMTP server with libcurl, reusing the connection between messages. A reply about
// the recipient or the message (RCPT, DATA) is the message's outcome; anything else (cannot connect, no TLS,
// login refused, sender refused) is an error for the whole run: nothing was sent.
class SmtpSender
{
public:
    // The TLS policy for url, or why the URL cannot be used.
    [[nodiscard]] static std::expected<SmtpTls, QString> tlsPolicy(const QUrl &url);
    // The CURLOPT_USE_SSL value for the policy (CURLUSESSL_ALL, or CURLUSESSL_TRY on loopback).
    [[nodiscard]] static long curlUseSsl(SmtpTls tls);

    // A sender for settings, or why the settings cannot work.
    [[nodiscard]] static std::expected<std::unique_ptr<SmtpSender>, QString> create(const SmtpSettings &settings);
    ~SmtpSender();
    SmtpSender(const SmtpSender &) = delete;
    SmtpSender &operator=(const SmtpSender &) = delete;

    // Sends message (RFC 5322 bytes) from envelope sender `from` to `recipient` (bare addresses).
    [[nodiscard]] std::expected<SmtpReply, QString> send(const QString &from, const QString &recipient,
                                                         const QByteArray &message);
    // The server this sender talks to, for messages ("mail.example.org:587").
    [[nodiscard]] QString serverName() const;

private:
    struct Private;
    explicit SmtpSender(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace checkin::mail
