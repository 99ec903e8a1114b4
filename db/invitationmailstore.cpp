#include "db/invitationmailstore.h"

namespace checkin::db {

namespace {

#define INVITATION_MAIL_COLUMNS                                                                                        \
    "id, uid, kiosk_id, event_id, guest_id, invitation_id, recipient, state, attempts, last_reply, message_id, "       \
    "sent_at, created_at, updated_at"

InvitationMailRecord readMail(const Statement &s)
{
    InvitationMailRecord r;
    r.id = s.int64(0);
    r.uid = s.text(1);
    r.kioskId = s.text(2);
    r.eventId = s.int64(3);
    r.guestId = s.int64(4);
    r.invitationId = s.int64(5);
    r.recipient = s.text(6);
    r.state = s.text(7);
    r.attempts = int(s.int64(8));
    r.lastReply = s.text(9);
    r.messageId = s.text(10);
    r.sentAt = s.text(11);
    r.createdAt = s.text(12);
    r.updatedAt = s.text(13);
    return r;
}

} // namespace

DbResult<std::optional<InvitationMailRecord>> InvitationMailStore::find(qint64 eventId, qint64 guestId,
                                                                        qint64 invitationId)
{
    auto stmt = m_db.prepare("SELECT " INVITATION_MAIL_COLUMNS " FROM invitation_mail "
                             "WHERE event_id = ?1 AND guest_id = ?2 AND invitation_id = ?3");
    if (stmt)
        stmt->bind(1, eventId).bind(2, guestId).bind(3, invitationId);
    return firstRow(stmt, readMail);
}

DbResult<InvitationMailRecord> InvitationMailStore::recordAttempt(const InvitationMailRecord &attempt)
{
    const QString now = utcNowText();
    auto stmt = m_db.prepare(
        "INSERT INTO invitation_mail (uid, kiosk_id, event_id, guest_id, invitation_id, recipient, state, attempts, "
        "last_reply, message_id, sent_at, created_at, updated_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8, ?9, CASE WHEN ?7 = 'sent' THEN ?10 END, ?10, ?10) "
        "ON CONFLICT (event_id, guest_id, invitation_id) DO UPDATE SET kiosk_id = excluded.kiosk_id, "
        "recipient = excluded.recipient, state = excluded.state, attempts = attempts + 1, "
        "last_reply = excluded.last_reply, message_id = excluded.message_id, "
        "sent_at = excluded.sent_at, updated_at = excluded.updated_at");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, attempt.uid.isEmpty() ? newUid() : attempt.uid)
        .bind(2, attempt.kioskId)
        .bind(3, attempt.eventId)
        .bind(4, attempt.guestId)
        .bind(5, attempt.invitationId)
        .bind(6, attempt.recipient)
        .bind(7, attempt.state)
        .bind(8, attempt.lastReply)
        .bind(9, attempt.messageId)
        .bind(10, now);
    if (auto ok = stmt->run(); !ok)
        return std::unexpected(ok.error());
    auto stored = find(attempt.eventId, attempt.guestId, attempt.invitationId);
    if (!stored)
        return std::unexpected(stored.error());
    if (!*stored)
        return std::unexpected(DbError{0, QStringLiteral("The invitation e-mail record was not stored.")});
    return **stored;
}

DbResult<QList<InvitationMailRecord>> InvitationMailStore::forEvent(qint64 eventId)
{
    auto stmt = m_db.prepare("SELECT " INVITATION_MAIL_COLUMNS " FROM invitation_mail WHERE event_id = ?1 ORDER BY id");
    if (stmt)
        stmt->bind(1, eventId);
    return collectRows(stmt, readMail);
}

} // namespace checkin::db
