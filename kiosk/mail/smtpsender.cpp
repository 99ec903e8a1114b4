#include "kiosk/mail/smtpsender.h"

#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>

#include <curl/curl.h>

#include <cstring>
#include <mutex>

using namespace Qt::StringLiterals;

// Debug lines (each message's curl result and reply) only when asked: QT_LOGGING_RULES="checkin.mail.smtp.debug=true".
Q_LOGGING_CATEGORY(lcSmtp, "checkin.mail.smtp", QtWarningMsg)

namespace checkin::mail {

namespace {

bool isLoopback(const QString &host)
{
    static const QRegularExpression ipv4Loopback(uR"(^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$)"_s);
    return host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0 || host == u"::1"
           || ipv4Loopback.match(host).hasMatch();
}

// The SMTP commands whose replies we tell apart; AUTH's continuation lines (credentials) are none of them.
const QByteArrayList kVerbs = {"EHLO", "HELO", "STARTTLS", "AUTH", "MAIL", "RCPT", "DATA", "RSET", "QUIT", "NOOP"};

} // namespace

struct SmtpSender::Private
{
    SmtpSettings settings;
    SmtpTls tls = SmtpTls::Required;
    CURL *curl = nullptr;

    // One transfer's state, reset by send().
    QByteArray payload;
    qsizetype offset = 0;
    QByteArray incoming; // server bytes not yet ending a line
    QString response;    // continuation lines of the reply being read ("250-…")
    QString lastReply;   // the last complete reply
    QString lastFailure; // the last reply with a 4xx or 5xx code
    int lastFailureCode = 0;
    QByteArray lastCommand;    // the verb of the last command sent
    QByteArray failureCommand; // the command lastFailure answered
    char errorBuffer[CURL_ERROR_SIZE] = {};

    ~Private()
    {
        if (curl)
            curl_easy_cleanup(curl);
    }

    void reset()
    {
        offset = 0;
        incoming.clear();
        response.clear();
        lastReply.clear();
        lastFailure.clear();
        lastFailureCode = 0;
        lastCommand.clear();
        failureCommand.clear();
        errorBuffer[0] = '\0';
    }

    void serverLine(const QByteArray &line)
    {
        const QString text = QString::fromUtf8(line).trimmed();
        if (text.size() > 3 && text.at(3) == u'-') {
            response += (response.isEmpty() ? QString() : u" "_s) + text;
            return;
        }
        lastReply = response.isEmpty() ? text : response + u' ' + text;
        response.clear();
        const int code = text.left(3).toInt();
        if (code >= 400) {
            lastFailure = lastReply;
            lastFailureCode = code;
            failureCommand = lastCommand;
        }
    }

    // libcurl's debug callback: the conversation with the server, read for its reply texts (libcurl gives only the
    // code). Nothing is logged: the client's lines include the credentials.
    static int debug(CURL *, curl_infotype type, char *data, size_t size, void *user)
    {
        auto *self = static_cast<Private *>(user);
        if (type == CURLINFO_HEADER_OUT) {
            const QByteArray verb = QByteArray(data, qsizetype(size)).trimmed().split(' ').value(0).toUpper();
            if (kVerbs.contains(verb))
                self->lastCommand = verb;
        } else if (type == CURLINFO_HEADER_IN) {
            self->incoming.append(data, qsizetype(size));
            for (qsizetype end; (end = self->incoming.indexOf('\n')) >= 0;) {
                self->serverLine(self->incoming.left(end));
                self->incoming.remove(0, end + 1);
            }
        }
        return 0;
    }

    static size_t read(char *buffer, size_t size, size_t count, void *user)
    {
        auto *self = static_cast<Private *>(user);
        const qsizetype n = std::min<qsizetype>(qsizetype(size * count), self->payload.size() - self->offset);
        std::memcpy(buffer, self->payload.constData() + self->offset, size_t(n));
        self->offset += n;
        return size_t(n);
    }
};

std::expected<SmtpTls, QString> SmtpSender::tlsPolicy(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return std::unexpected(
            u"--smtp \"%1\" is not a mail server URL: write smtp://host:587 or smtps://host:465."_s.arg(
                url.toString()));
    if (!url.password().isEmpty() || !url.userName().isEmpty())
        return std::unexpected(u"--smtp must not hold a user name or password: give --smtp-user, and the password in "
                               "--smtp-password-file or $CHECKIN_SMTP_PASSWORD."_s);
    const QString scheme = url.scheme().toLower();
    if (scheme == u"smtps")
        return SmtpTls::Implicit;
    if (scheme == u"smtp")
        return isLoopback(url.host()) ? SmtpTls::Opportunistic : SmtpTls::Required;
    return std::unexpected(u"--smtp \"%1\": use smtp://host:587 (STARTTLS) or smtps://host:465."_s.arg(url.toString()));
}

long SmtpSender::curlUseSsl(SmtpTls tls)
{
    return tls == SmtpTls::Opportunistic ? long(CURLUSESSL_TRY) : long(CURLUSESSL_ALL);
}

std::expected<std::unique_ptr<SmtpSender>, QString> SmtpSender::create(const SmtpSettings &settings)
{
    auto tls = tlsPolicy(settings.url);
    if (!tls)
        return std::unexpected(tls.error());
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });

    auto d = std::make_unique<Private>();
    d->settings = settings;
    d->tls = *tls;
    d->curl = curl_easy_init();
    if (!d->curl)
        return std::unexpected(u"Cannot start libcurl to send mail."_s);
    CURL *c = d->curl;
    if (d->settings.url.port() < 0 && *tls == SmtpTls::Required)
        d->settings.url.setPort(
            587); // submission; libcurl's default for smtp:// is 25, where many servers refuse clients
    const QUrl &url = d->settings.url;
    curl_easy_setopt(c, CURLOPT_URL, url.toString(QUrl::FullyEncoded).toUtf8().constData());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(c, CURLOPT_USE_SSL, curlUseSsl(*tls));
    if (!settings.user.isEmpty()) {
        curl_easy_setopt(c, CURLOPT_USERNAME, settings.user.toUtf8().constData());
        curl_easy_setopt(c, CURLOPT_PASSWORD, settings.password.toUtf8().constData());
    }
    if (!settings.caFile.isEmpty())
        curl_easy_setopt(c, CURLOPT_CAINFO, QFile::encodeName(settings.caFile).constData());
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 30L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 300L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, d->errorBuffer);
    curl_easy_setopt(c, CURLOPT_VERBOSE, 1L); // feeds the debug callback; nothing is printed
    curl_easy_setopt(c, CURLOPT_DEBUGFUNCTION, &Private::debug);
    curl_easy_setopt(c, CURLOPT_DEBUGDATA, d.get());
    curl_easy_setopt(c, CURLOPT_READFUNCTION, &Private::read);
    curl_easy_setopt(c, CURLOPT_READDATA, d.get());
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    return std::unique_ptr<SmtpSender>(new SmtpSender(std::move(d)));
}

SmtpSender::SmtpSender(std::unique_ptr<Private> d)
    : d(std::move(d))
{
}

SmtpSender::~SmtpSender() = default;

QString SmtpSender::serverName() const
{
    const QUrl &url = d->settings.url;
    return url.port() > 0 ? u"%1:%2"_s.arg(url.host()).arg(url.port()) : url.host();
}

std::expected<SmtpReply, QString> SmtpSender::send(const QString &from, const QString &recipient,
                                                   const QByteArray &message)
{
    d->reset();
    d->payload = message;
    const QByteArray mailFrom = '<' + from.toUtf8() + '>';
    curl_easy_setopt(d->curl, CURLOPT_MAIL_FROM, mailFrom.constData());
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> recipients(
        curl_slist_append(nullptr, QByteArray('<' + recipient.toUtf8() + '>').constData()), &curl_slist_free_all);
    curl_easy_setopt(d->curl, CURLOPT_MAIL_RCPT, recipients.get());

    const CURLcode rc = curl_easy_perform(d->curl);
    curl_easy_setopt(d->curl, CURLOPT_MAIL_RCPT, nullptr);
    long code = 0;
    curl_easy_getinfo(d->curl, CURLINFO_RESPONSE_CODE, &code);
    qCDebug(lcSmtp) << "to" << recipient << "curl" << rc << "code" << code << d->lastReply << d->lastFailure;

    if (rc == CURLE_OK)
        return SmtpReply{SmtpReply::Outcome::Accepted, int(code), d->lastReply};
    // A reply about this recipient or this message: the message's outcome, the run goes on.
    if ((d->failureCommand == "RCPT" || d->failureCommand == "DATA") && d->lastFailureCode >= 400
        && d->lastFailureCode < 600) {
        return SmtpReply{d->lastFailureCode < 500 ? SmtpReply::Outcome::Deferred : SmtpReply::Outcome::Refused,
                         d->lastFailureCode, d->lastFailure};
    }

    const QString server = serverName();
    const QString detail = !d->lastFailure.isEmpty() ? d->lastFailure
                           : d->errorBuffer[0]       ? QString::fromUtf8(d->errorBuffer)
                                                     : QString::fromUtf8(curl_easy_strerror(rc));
    switch (rc) {
    case CURLE_LOGIN_DENIED:
        return std::unexpected(u"The mail server %1 refused the user name or password (%2). Check --smtp-user and the "
                               "password in --smtp-password-file or $CHECKIN_SMTP_PASSWORD."_s.arg(server, detail));
    case CURLE_USE_SSL_FAILED:
        return std::unexpected(u"The mail server %1 does not offer STARTTLS, so the password and the invitations would "
                               "cross the network unencrypted (%2). Use the server's submission port (smtp://HOST:587) "
                               "or smtps://HOST:465."_s.arg(server, detail));
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CONNECT_ERROR:
        return std::unexpected(
            u"Cannot set up an encrypted connection to the mail server %1 (%2). If its certificate "
            "comes from a private certificate authority, give that with --ca-file."_s.arg(server, detail));
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
        return std::unexpected(
            u"Cannot reach the mail server %1 (%2). Check --smtp and the network."_s.arg(server, detail));
    default:
        break;
    }
    if (d->lastFailureCode == 530)
        return std::unexpected(u"The mail server %1 wants a login before it takes mail (%2): give --smtp-user, and the "
                               "password in --smtp-password-file or $CHECKIN_SMTP_PASSWORD."_s.arg(server, detail));
    if (d->failureCommand == "MAIL")
        return std::unexpected(u"The mail server %1 refused the sender %2 (%3). Check --from: it must be an address "
                               "this server account may send as."_s.arg(server, from, detail));
    if (d->failureCommand == "AUTH")
        return std::unexpected(
            u"The mail server %1 refused the login (%2). Check --smtp-user and the password."_s.arg(server, detail));
    if (d->failureCommand == "EHLO" || d->failureCommand == "HELO" || d->failureCommand == "STARTTLS"
        || d->failureCommand.isEmpty()) {
        return std::unexpected(u"The mail server %1 refused the connection (%2). Check --smtp."_s.arg(server, detail));
    }
    return std::unexpected(u"Sending through the mail server %1 failed (%2)."_s.arg(server, detail));
}

} // namespace checkin::mail
