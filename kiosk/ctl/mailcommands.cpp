// checkinctl: e-mailing invitations (invitations send).
#include "kiosk/ctl/commands.h"
#include "kiosk/ctl/ctlcommon.h"

#include "kiosk/invitations/invitationissuer.h"
#include "kiosk/invitations/signingkey.h"
#include "kiosk/mail/invitationmailer.h"
#include "kiosk/mail/mailaddress.h"
#include "kiosk/mail/smtpsender.h"

#include "db/database.h"
#include "db/records.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace checkin::ctl {

namespace {

const char *const kSendHelp =
    R"(checkinctl invitations send --key FILE --out DIR --smtp URL --from ADDRESS [--reply-to ADDRESS]
                           [--smtp-user NAME [--smtp-password-file FILE]] [--ca-file FILE]
                           [--dry-run] [--retry-failed] [--actor NAME] [GUEST...]

E-mails every guest (or the named ones) their invitation: a short text in the guest's language (en fr es ar zh
ru) and the invitation PDF attached. The invitations are issued first, as 'invitations issue' does (the same
codes for guests who have one), into DIR.
URL is the mail server: smtp://HOST:587 (submission; STARTTLS is required, except on this machine - 127.0.0.1,
::1, localhost - where it is used whenever offered) or smtps://HOST:465. FILE given to --ca-file is a private
certificate authority (PEM) to trust for the server.
The password is read from --smtp-password-file FILE (its first line) or from $CHECKIN_SMTP_PASSWORD, never from
the command line. ADDRESS is name@example.org or "Name <name@example.org>"; replies go to --reply-to if given.
Each invitation is sent once: a re-run sends only what was not sent. A reply 4xx (try later) is recorded as
deferred and tried again on the next run; a reply 5xx (refused) is recorded as failed and tried again only with
--retry-failed (after correcting the address with 'guests import'). A re-issued invitation is sent anew. Every
attempt is in the staff action log (--actor). Guests without an e-mail address are skipped and named.
--dry-run writes each message to DIR/mail/<external_id>.eml instead of sending it (no --smtp needed; nothing is
recorded).
Prints one JSON line per guest: guest, email, state (sent, failed, deferred, skipped or written), and reply (the
server's answer, or why it was skipped) or eml. Exit status 0 when every guest was sent or skipped, 2 when any
failed or was deferred.
)";

// The mail server password: --smtp-password-file's first line, else $CHECKIN_SMTP_PASSWORD.
std::expected<QString, QString> smtpPassword(const Context &ctx)
{
    if (ctx.isSet("smtp-password-file")) {
        QFile file(ctx.value("smtp-password-file"));
        if (!file.open(QIODevice::ReadOnly))
            return std::unexpected(u"Cannot read the password file %1: %2."_s.arg(file.fileName(), file.errorString()));
        if (file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)) {
            std::fprintf(stderr,
                         "checkinctl: warning: other users can read the password file %s; make it private "
                         "with chmod 600\n",
                         qPrintable(file.fileName()));
        }
        const QString password = QString::fromUtf8(file.readLine()).remove(u'\n').remove(u'\r');
        if (password.isEmpty())
            return std::unexpected(
                u"The password file %1 is empty: its first line is the password."_s.arg(file.fileName()));
        return password;
    }
    return qEnvironmentVariable("CHECKIN_SMTP_PASSWORD");
}

// How many guests ended in each state, for the summary line.
struct Tally
{
    int sent = 0;
    int failed = 0;
    int deferred = 0;
    int alreadySent = 0;
    int written = 0;
    QStringList failedReplies;
    QStringList deferredReplies;
    QStringList withoutAddress; // skipped guests and why
    QString dryRunDir;

    void add(const mail::InvitationMailer::Result &r)
    {
        using State = mail::InvitationMailer::State;
        switch (r.state) {
        case State::Sent:
            ++sent;
            break;
        case State::Failed:
            ++failed;
            failedReplies << r.externalId + u": "_s + r.reply
                                 + (r.earlierFailure ? u" - in an earlier run"_s : QString());
            break;
        case State::Deferred:
            ++deferred;
            deferredReplies << r.externalId + u": "_s + r.reply;
            break;
        case State::Written:
            ++written;
            break;
        case State::Skipped:
            if (r.alreadySent)
                ++alreadySent;
            else
                withoutAddress << u"%1 (%2: %3)"_s.arg(r.externalId, r.name, r.reply);
            break;
        }
    }

    void print() const
    {
        QStringList parts;
        if (!dryRunDir.isEmpty())
            parts << u"%1 message(s) written to %2 (dry run: nothing was sent)"_s.arg(written).arg(dryRunDir);
        else
            parts << u"%1 sent"_s.arg(sent);
        if (failed > 0)
            parts << u"%1 failed (%2)"_s.arg(failed).arg(failedReplies.join(u"; "_s));
        if (deferred > 0)
            parts << u"%1 deferred (%2)"_s.arg(deferred).arg(deferredReplies.join(u"; "_s));
        if (alreadySent > 0)
            parts << u"%1 already sent"_s.arg(alreadySent);
        if (!withoutAddress.isEmpty())
            parts << u"%1 skipped"_s.arg(withoutAddress.size());
        std::fprintf(stderr, "checkinctl: %s\n", qPrintable(parts.join(u", "_s)));
        if (!withoutAddress.isEmpty()) {
            std::fprintf(stderr, "checkinctl: not e-mailed, add an address with 'guests import': %s\n",
                         qPrintable(withoutAddress.join(u", "_s)));
        }
        if (deferred > 0) {
            std::fprintf(stderr,
                         "checkinctl: the mail server asked to try %d message(s) again later: run the same "
                         "command again in a while; it sends only those not sent yet\n",
                         deferred);
        }
        if (failed > 0) {
            std::fprintf(stderr,
                         "checkinctl: the mail server refused %d message(s): correct those guests' addresses "
                         "('guests import'), then run again with --retry-failed\n",
                         failed);
        }
    }
};

int cmdInvitationsSend(Context &ctx)
{
    const bool dryRun = ctx.isSet("dry-run");
    QStringList missing;
    for (const char *name : {"key", "out", "from"}) {
        if (!ctx.isSet(name))
            missing << u"--"_s + QString::fromLatin1(name);
    }
    if (!dryRun && !ctx.isSet("smtp"))
        missing << u"--smtp"_s;
    if (!missing.isEmpty()) {
        return fail(
            u"invitations send is missing %1 (see 'checkinctl help invitations')."_s.arg(missing.join(u", "_s)));
    }
    auto from = mail::MailAddress::parse(ctx.value("from"));
    if (!from)
        return fail(u"--from: %1"_s.arg(from.error()));
    std::optional<mail::MailAddress> replyTo;
    if (ctx.isSet("reply-to")) {
        auto parsed = mail::MailAddress::parse(ctx.value("reply-to"));
        if (!parsed)
            return fail(u"--reply-to: %1"_s.arg(parsed.error()));
        replyTo = *parsed;
    }

    std::unique_ptr<mail::SmtpSender> sender;
    if (!dryRun) {
        mail::SmtpSettings settings;
        settings.url = QUrl(ctx.value("smtp"), QUrl::StrictMode);
        settings.user = ctx.value("smtp-user");
        auto password = smtpPassword(ctx);
        if (!password)
            return fail(password.error());
        settings.password = *password;
        if (settings.user.isEmpty() && ctx.isSet("smtp-password-file"))
            return fail(u"--smtp-password-file needs --smtp-user NAME: whose password is it?"_s);
        if (!settings.user.isEmpty() && settings.password.isEmpty()) {
            return fail(u"--smtp-user %1 needs a password: put it in a file given with --smtp-password-file FILE "
                        "(mode 0600) or in $CHECKIN_SMTP_PASSWORD; it is never taken from the command line."_s.arg(
                            settings.user));
        }
        if (ctx.isSet("ca-file")) {
            settings.caFile = ctx.value("ca-file");
            if (!QFileInfo(settings.caFile).isReadable())
                return fail(u"Cannot read the certificate authority file %1 (--ca-file)."_s.arg(settings.caFile));
        }
        auto created = mail::SmtpSender::create(settings);
        if (!created)
            return fail(created.error());
        sender = std::move(*created);
    }

    auto key = SigningKey::load(ctx.value("key"));
    if (!key)
        return fail(key.error());
    auto opened = openEvent(ctx);
    if (!opened)
        return fail(opened.error());
    db::Database &db = *opened->db;
    const db::EventRecord &event = opened->event;
    auto issued = InvitationIssuer(db, event, *key).issue(ctx.value("out"), ctx.args);
    if (!issued)
        return fail(issued.error());

    mail::InvitationMailer::Options options;
    options.from = *from;
    options.replyTo = replyTo;
    options.actor = actorName(ctx);
    options.kioskId = ctx.kioskId;
    options.retryFailed = ctx.isSet("retry-failed");
    if (dryRun)
        options.dryRunDir = QDir(ctx.value("out")).absoluteFilePath(u"mail"_s);
    Tally tally;
    tally.dryRunDir = options.dryRunDir;
    mail::InvitationMailer mailer(db, event, options, sender.get());
    auto done = mailer.run(*issued, [&tally](const mail::InvitationMailer::Result &r) {
        QJsonObject line{{u"guest"_s, r.externalId},
                         {u"email"_s, r.email},
                         {u"state"_s, mail::InvitationMailer::stateName(r.state)}};
        if (r.state == mail::InvitationMailer::State::Written)
            line[u"eml"_s] = r.emlPath;
        else
            line[u"reply"_s] = r.reply;
        printJson(line);
        tally.add(r);
    });
    tally.print();
    if (!done)
        return fail(
            u"%1 Sending stopped; run the same command again once fixed: what was sent is not sent twice."_s.arg(
                done.error()));
    return tally.failed > 0 || tally.deferred > 0 ? kFailed : kOk;
}

} // namespace

const QList<Command> &mailCommands()
{
    static const QList<Command> commands = {
        {u"invitations send"_s,
         {u"key"_s, u"out"_s, u"smtp"_s, u"smtp-user"_s, u"smtp-password-file"_s, u"ca-file"_s, u"from"_s,
          u"reply-to"_s, u"dry-run"_s, u"retry-failed"_s, u"actor"_s},
         kSendHelp,
         cmdInvitationsSend},
    };
    return commands;
}

} // namespace checkin::ctl
