#include "db/gueststore.h"

using namespace Qt::StringLiterals;

namespace checkin::db {

namespace {

#define GUEST_COLUMNS                                                                                                  \
    "id, event_id, external_id, display_name, given_name, family_name, latin_name, organisation, country, "            \
    "role, email, language, reg_type, ticket_type, days, name_order"

QString daysToText(const QList<QDate> &days)
{
    QStringList parts;
    for (const QDate &d : days)
        parts << d.toString(Qt::ISODate);
    return parts.join(u' ');
}

QList<QDate> daysFromText(const QString &text)
{
    QList<QDate> days;
    for (const QString &part : text.split(u' ', Qt::SkipEmptyParts))
        days << QDate::fromString(part, Qt::ISODate);
    return days;
}

GuestRecord readGuest(const Statement &s)
{
    GuestRecord g;
    g.id = s.int64(0);
    g.eventId = s.int64(1);
    g.externalId = s.text(2);
    g.displayName = s.text(3);
    g.givenName = s.text(4);
    g.familyName = s.text(5);
    g.latinName = s.text(6);
    g.organisation = s.text(7);
    g.country = s.text(8);
    g.role = s.text(9);
    g.email = s.text(10);
    g.language = s.text(11);
    g.regType = s.text(12);
    g.ticketType = s.text(13);
    g.days = daysFromText(s.text(14));
    g.nameOrder = s.text(15);
    return g;
}

#define INVITATION_COLUMNS "id, event_id, guest_id, token_id, status, issued_at, revoked_at, signature"

InvitationRecord readInvitation(const Statement &s)
{
    InvitationRecord i;
    i.id = s.int64(0);
    i.eventId = s.int64(1);
    i.guestId = s.int64(2);
    i.tokenId = s.blob(3);
    i.status = s.text(4);
    i.issuedAt = s.text(5);
    i.revokedAt = s.text(6);
    i.signature = s.blob(7);
    return i;
}

} // namespace

DbResult<GuestStore::Upserted> GuestStore::upsert(const GuestRecord &guest)
{
    auto existing = byExternalId(guest.eventId, guest.externalId);
    if (!existing)
        return std::unexpected(existing.error());

    const QString now = utcNowText();
    const char *sql =
        *existing
            ? "UPDATE guest SET display_name = ?3, given_name = ?4, family_name = ?5, latin_name = ?6, "
              "organisation = ?7, country = ?8, role = ?9, email = ?10, language = ?11, reg_type = ?12, "
              "ticket_type = ?13, days = ?14, name_order = ?17, updated_at = ?15 "
              "WHERE id = ?16 AND (display_name, given_name, family_name, latin_name, "
              "organisation, country, role, email, language, reg_type, ticket_type, days, name_order) IS NOT "
              "(?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?17)"
            : "INSERT INTO guest (event_id, external_id, display_name, given_name, family_name, latin_name, "
              "organisation, country, role, email, language, reg_type, ticket_type, days, updated_at, created_at, "
              "name_order) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15, ?17)";
    auto stmt = m_db.prepare(sql);
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, guest.eventId)
        .bind(2, guest.externalId)
        .bind(3, guest.displayName)
        .bind(4, guest.givenName)
        .bind(5, guest.familyName)
        .bind(6, guest.latinName)
        .bind(7, guest.organisation)
        .bind(8, guest.country)
        .bind(9, guest.role.isEmpty() ? u"policymaker"_s : guest.role)
        .bind(10, guest.email)
        .bind(11, guest.language.isEmpty() ? u"en"_s : guest.language)
        .bind(12, guest.regType)
        .bind(13, guest.ticketType)
        .bind(14, daysToText(guest.days))
        .bind(15, now)
        .bind(17, guest.nameOrder);
    if (*existing)
        stmt->bind(16, (*existing)->id); // the stored guest, whatever the case of the id in this file
    if (auto ok = stmt->run(); !ok)
        return std::unexpected(ok.error());
    if (!*existing)
        return Upserted::Inserted;
    return m_db.changes() > 0 ? Upserted::Updated : Upserted::Unchanged;
}

DbResult<std::optional<GuestRecord>> GuestStore::byExternalId(qint64 eventId, const QString &externalId)
{
    // Ids are ASCII ([A-Za-z0-9._-]) and one guest whatever their case: "G1" finds "g1" (their invitation files
    // would overwrite each other on a FAT or exFAT stick). A database from before this rule may hold both; then
    // the exact spelling wins.
    auto stmt = m_db.prepare("SELECT " GUEST_COLUMNS " FROM guest WHERE event_id = ?1 "
                             "AND external_id = ?2 COLLATE NOCASE ORDER BY external_id = ?2 DESC, id LIMIT 1");
    if (stmt)
        stmt->bind(1, eventId).bind(2, externalId);
    return firstRow(stmt, readGuest);
}

DbResult<std::optional<GuestRecord>> GuestStore::byId(qint64 id)
{
    auto stmt = m_db.prepare("SELECT " GUEST_COLUMNS " FROM guest WHERE id = ?1");
    if (stmt)
        stmt->bind(1, id);
    return firstRow(stmt, readGuest);
}

DbResult<QList<GuestRecord>> GuestStore::forEvent(qint64 eventId)
{
    auto stmt = m_db.prepare("SELECT " GUEST_COLUMNS " FROM guest WHERE event_id = ?1 ORDER BY external_id");
    if (stmt)
        stmt->bind(1, eventId);
    return collectRows(stmt, readGuest);
}

DbResult<std::optional<InvitationRecord>> GuestStore::activeInvitation(qint64 guestId)
{
    auto stmt = m_db.prepare("SELECT " INVITATION_COLUMNS " FROM invitation WHERE guest_id = ?1 "
                             "AND status = 'active'");
    if (stmt)
        stmt->bind(1, guestId);
    return firstRow(stmt, readInvitation);
}

DbResult<std::optional<InvitationRecord>> GuestStore::currentInvitation(qint64 guestId)
{
    auto stmt = m_db.prepare("SELECT " INVITATION_COLUMNS " FROM invitation WHERE guest_id = ?1 "
                             "ORDER BY status = 'active' DESC, id DESC LIMIT 1");
    if (stmt)
        stmt->bind(1, guestId);
    return firstRow(stmt, readInvitation);
}

DbResult<std::optional<InvitationRecord>> GuestStore::invitationByToken(qint64 eventId, const QByteArray &tokenId)
{
    auto stmt = m_db.prepare("SELECT " INVITATION_COLUMNS " FROM invitation WHERE event_id = ?1 "
                             "AND token_id = ?2");
    if (stmt)
        stmt->bind(1, eventId).bindBlob(2, tokenId);
    return firstRow(stmt, readInvitation);
}

DbResult<QList<InvitationRecord>> GuestStore::invitationsForEvent(qint64 eventId)
{
    auto stmt = m_db.prepare("SELECT " INVITATION_COLUMNS " FROM invitation WHERE event_id = ?1 ORDER BY guest_id, id");
    if (stmt)
        stmt->bind(1, eventId);
    return collectRows(stmt, readInvitation);
}

DbResult<qint64> GuestStore::createInvitation(qint64 eventId, qint64 guestId, const QByteArray &tokenId,
                                              const QByteArray &signature)
{
    auto stmt = m_db.prepare("INSERT INTO invitation (event_id, guest_id, token_id, status, issued_at, signature) "
                             "VALUES (?1, ?2, ?3, 'active', ?4, ?5)");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, eventId).bind(2, guestId).bindBlob(3, tokenId).bind(4, utcNowText());
    if (signature.isEmpty())
        stmt->bindNull(5);
    else
        stmt->bindBlob(5, signature);
    if (auto ok = stmt->run(); !ok)
        return std::unexpected(ok.error());
    return m_db.lastInsertId();
}

DbResult<void> GuestStore::recordSignature(qint64 invitationId, const QByteArray &signature)
{
    auto stmt = m_db.prepare("UPDATE invitation SET signature = ?2 WHERE id = ?1 AND signature IS NULL");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, invitationId).bindBlob(2, signature);
    return stmt->run();
}

DbResult<bool> GuestStore::revokeInvitation(qint64 invitationId)
{
    auto stmt = m_db.prepare("UPDATE invitation SET status = 'revoked', revoked_at = ?2 "
                             "WHERE id = ?1 AND status = 'active'");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, invitationId).bind(2, utcNowText());
    if (auto ok = stmt->run(); !ok)
        return std::unexpected(ok.error());
    return m_db.changes() > 0;
}

DbResult<QSet<qint64>> GuestStore::revokedGuests(qint64 eventId)
{
    auto stmt = m_db.prepare("SELECT guest_id FROM invitation WHERE event_id = ?1 GROUP BY guest_id "
                             "HAVING sum(status = 'active') = 0");
    if (stmt)
        stmt->bind(1, eventId);
    auto ids = collectRows(stmt, [](const Statement &s) { return s.int64(0); });
    if (!ids)
        return std::unexpected(ids.error());
    return QSet<qint64>(ids->cbegin(), ids->cend());
}

DbResult<QString> GuestStore::listVersion(qint64 eventId)
{
    auto stmt = m_db.prepare("SELECT count(*), coalesce(max(id), 0), coalesce(max(updated_at), '') FROM guest "
                             "WHERE event_id = ?1");
    if (stmt)
        stmt->bind(1, eventId);
    auto version = firstRow(
        stmt, [](const Statement &s) { return u"%1/%2/%3"_s.arg(s.int64(0)).arg(s.int64(1)).arg(s.text(2)); });
    if (!version)
        return std::unexpected(version.error());
    return version->value_or(QString());
}

} // namespace checkin::db
