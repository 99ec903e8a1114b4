#include "kiosk/mail/invitationmailer.h"

#include "kiosk/mail/mailmessage.h"
#include "kiosk/mail/smtpsender.h"

#include "printing/savefile.h"

#include "db/database.h"
#include "db/invitationmailstore.h"
#include "db/records.h"
#include "db/staffactionstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace checkin::mail {

namespace {

// The attachment's name as the guest sees it: the PDF's own name when it is plain ASCII (external ids usually are).
QString attachmentName(const QString &pdfPath)
{
    static const QRegularExpression safe(u"^[A-Za-z0-9._-]+$"_s);
    const QString name = QFileInfo(pdfPath).fileName();
    return safe.match(name).hasMatch() ? name : u"invitation.pdf"_s;
}

} // namespace

InvitationMailer::InvitationMailer(db::Database &db, const db::EventRecord &event, Options options, SmtpSender *sender)
    : m_db(db)
    , m_event(event)
    , m_options(std::move(options))
    , m_sender(sender)
{
}

QString InvitationMailer::stateName(State state)
{
    switch (state) {
    case State::Sent:
        return u"sent"_s;
    case State::Failed:
        return u"failed"_s;
    case State::Deferred:
        return u"deferred"_s;
    case State::Skipped:
        return u"skipped"_s;
    case State::Written:
        return u"written"_s;
    }
    return {};
}

std::expected<QList<InvitationMailer::Result>, QString> InvitationMailer::run(
    const QList<InvitationIssuer::Issued> &issued, const std::function<void(const Result &)> &progress)
{
    if (m_options.dryRunDir.isEmpty() && !m_sender)
        return std::unexpected(u"No mail server to send through."_s);
    QList<Result> results;
    for (const InvitationIssuer::Issued &item : issued) {
        auto result = mailOne(item);
        if (!result)
            return std::unexpected(result.error());
        if (progress)
            progress(*result);
        results << *result;
    }
    return results;
}

std::expected<InvitationMailer::Result, QString> InvitationMailer::mailOne(const InvitationIssuer::Issued &item)
{
    Result result;
    result.externalId = item.externalId;
    result.name = item.name;
    result.email = item.email;
    if (item.email.trimmed().isEmpty()) {
        result.reply = u"no e-mail address in the guest list"_s;
        return result;
    }
    auto to = MailAddress::parse(item.email);
    if (!to) {
        result.reply = to.error();
        return result;
    }
    to->name = item.name;

    const bool dryRun = !m_options.dryRunDir.isEmpty();
    db::InvitationMailStore store(m_db);
    if (!dryRun) {
        auto earlier = store.find(m_event.id, item.guestId, item.invitationId);
        if (!earlier)
            return std::unexpected(earlier.error().message);
        if (*earlier && (*earlier)->state == u"sent") {
            result.alreadySent = true;
            result.reply = u"already sent to %1 at %2"_s.arg((*earlier)->recipient, (*earlier)->sentAt);
            return result;
        }
        if (*earlier && (*earlier)->state == u"failed" && !m_options.retryFailed) {
            result.state = State::Failed;
            result.earlierFailure = true;
            result.reply = (*earlier)->lastReply;
            return result;
        }
    }

    QFile pdf(item.pdfPath);
    if (!pdf.open(QIODevice::ReadOnly))
        return std::unexpected(u"Cannot read the invitation %1: %2."_s.arg(item.pdfPath, pdf.errorString()));

    const InvitationMailText::Event event{m_event.name, m_event.number, m_event.city, m_event.firstDay,
                                          m_event.lastDay};
    const InvitationMailText::Text text = m_texts.compose(item.language, item.name, event,
                                                          m_options.replyTo ? m_options.replyTo->address : QString());
    MailMessage message;
    message.from = m_options.from;
    message.replyTo = m_options.replyTo;
    message.to = *to;
    message.subject = text.subject;
    message.body = text.body;
    message.language = text.language;
    message.attachment = pdf.readAll();
    message.attachmentName = attachmentName(item.pdfPath);
    message.messageId = MailMessage::newMessageId(m_options.from.domain());
    const QByteArray bytes = message.toBytes();

    if (dryRun) {
        result.emlPath = QDir(m_options.dryRunDir).absoluteFilePath(item.externalId + u".eml"_s);
        if (auto saved = saveFile(result.emlPath, bytes); !saved)
            return std::unexpected(u"Cannot write %1: %2."_s.arg(result.emlPath, saved.error()));
        result.state = State::Written;
        return result;
    }

    auto reply = m_sender->send(m_options.from.address, to->address, bytes);
    if (!reply)
        return std::unexpected(reply.error());
    result.reply = reply->text;
    db::InvitationMailRecord attempt;
    attempt.kioskId = m_options.kioskId;
    attempt.eventId = m_event.id;
    attempt.guestId = item.guestId;
    attempt.invitationId = item.invitationId;
    attempt.recipient = to->address;
    attempt.lastReply = reply->text;
    attempt.messageId = message.messageId;
    switch (reply->outcome) {
    case SmtpReply::Outcome::Accepted:
        result.state = State::Sent;
        break;
    case SmtpReply::Outcome::Deferred:
        result.state = State::Deferred;
        break;
    case SmtpReply::Outcome::Refused:
        result.state = State::Failed;
        break;
    }
    attempt.state = stateName(result.state);

    // The record and its audit row commit together, or neither does.
    db::Transaction tx(m_db);
    if (auto ok = tx.begin(); !ok)
        return std::unexpected(ok.error().message);
    auto stored = store.recordAttempt(attempt);
    if (!stored)
        return std::unexpected(stored.error().message);
    db::StaffActionRecord audit;
    audit.kioskId = m_options.kioskId;
    audit.actor = m_options.actor;
    audit.action = u"invitation-mail"_s;
    audit.eventId = m_event.id;
    audit.guestId = item.guestId;
    audit.targetUid = stored->uid;
    audit.detail = QString::fromUtf8(QJsonDocument(QJsonObject{{u"state"_s, stored->state},
                                                               {u"email"_s, stored->recipient},
                                                               {u"reply"_s, stored->lastReply},
                                                               {u"message_id"_s, stored->messageId},
                                                               {u"attempts"_s, stored->attempts}})
                                         .toJson(QJsonDocument::Compact));
    if (auto ok = db::StaffActionStore(m_db).append(audit); !ok)
        return std::unexpected(ok.error().message);
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(u"The mail server took the message for %1, but recording it failed: %2"_s.arg(
            item.externalId, ok.error().message));
    return result;
}

} // namespace checkin::mail
