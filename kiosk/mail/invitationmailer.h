#pragma once

#include "kiosk/invitations/invitationissuer.h"
#include "kiosk/mail/invitationmailtext.h"
#include "kiosk/mail/mailaddress.h"

#include <QList>
#include <QString>

#include <expected>
#include <functional>
#include <optional>

namespace checkin::db {
class Database;
struct EventRecord;
} // namespace checkin::db

namespace checkin::mail {

class SmtpSender;

// E-mails each guest their invitation PDF, once: the invitation_mail record says what was sent, deferred (4xx:
// tried again on the next run) or failed (5xx: tried again only with retryFailed). A re-issued invitation is a new
// send. Each attempt is recorded together with a staff_action row in one transaction.
class InvitationMailer
{
public:
    struct Options
    {
        MailAddress from;
        std::optional<MailAddress> replyTo;
        QString actor;   // who the staff action log names
        QString kioskId; // this machine, for the records
        bool retryFailed = false;
        QString dryRunDir; // non-empty: write <dir>/<external_id>.eml instead of sending (nothing is recorded)
    };

    enum class State { Sent, Failed, Deferred, Skipped, Written };

    // What happened to one guest's invitation e-mail in this run.
    struct Result
    {
        QString externalId;
        QString name;
        QString email;
        State state = State::Skipped;
        QString reply;               // the server's reply (sent, failed, deferred), or why it was skipped
        QString emlPath;             // written: the .eml file
        bool alreadySent = false;    // skipped because an earlier run sent it
        bool earlierFailure = false; // failed in an earlier run and not tried again (no retryFailed)
    };

    // sender is null for a dry run.
    InvitationMailer(db::Database &db, const db::EventRecord &event, Options options, SmtpSender *sender);

    // Mails the issued invitations, reporting each guest via progress. An error stops the run (the server cannot
    // be used, the database or a file failed); what was done before it stays recorded.
    [[nodiscard]] std::expected<QList<Result>, QString> run(const QList<InvitationIssuer::Issued> &issued,
                                                            const std::function<void(const Result &)> &progress = {});

    // "sent", "failed", "deferred", "skipped", "written".
    [[nodiscard]] static QString stateName(State state);

private:
    std::expected<Result, QString> mailOne(const InvitationIssuer::Issued &item);

    db::Database &m_db;
    const db::EventRecord &m_event;
    Options m_options;
    SmtpSender *m_sender;
    InvitationMailText m_texts;
};

} // namespace checkin::mail
