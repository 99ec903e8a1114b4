#include "db/venue/venueevents.h"

#include "db/agendastore.h"
#include "db/database.h"
#include "db/gueststore.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace checkin::venue {

namespace {

// pg_advisory_xact_lock key taken by every writer of the pulled tables (see venueschema.cpp): change_seq values then
// commit in the order they were drawn.
constexpr const char *kLockChangesSql = "SELECT pg_advisory_xact_lock(7310595474590336002)";

VenueError localError(const db::DbError &e)
{
    return {VenueError::Kind::Failed, u"Reading the event database failed: %1"_s.arg(e.message), {}};
}

QString daysArray(const QList<QDate> &days)
{
    QStringList parts;
    for (const QDate &d : days) {
        if (d.isValid())
            parts << d.toString(Qt::ISODate);
    }
    return u'{' + parts.join(u',') + u'}';
}

QString utcText(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

// Counts the outcome of a batch upsert of `sent` rows whose RETURNING has (xmax = 0) first: a row returned was
// inserted (xmax 0) or updated; a row not returned was there unchanged (or had no guest to belong to).
PushCounts countsOf(const VenueRows &rows, int sent)
{
    PushCounts counts;
    for (int r = 0; r < rows.count(); ++r) {
        if (rows.boolean(r, 0))
            ++counts.inserted;
        else
            ++counts.updated;
    }
    counts.unchanged = sent - rows.count();
    return counts;
}

QString json(const QJsonArray &rows)
{
    return QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact));
}

} // namespace

VenueResult<EventPushSummary> VenueEvents::push(db::Database &local, const db::EventRecord &event)
{
    // Everything is read from the event database first, so the venue transaction stays short.
    db::GuestStore guestStore(local);
    db::AgendaStore agendaStore(local);
    auto guests = guestStore.forEvent(event.id);
    if (!guests)
        return std::unexpected(localError(guests.error()));
    auto invitations = guestStore.invitationsForEvent(event.id);
    if (!invitations)
        return std::unexpected(localError(invitations.error()));
    auto sessions = agendaStore.forEvent(event.id);
    if (!sessions)
        return std::unexpected(localError(sessions.error()));
    QHash<qint64, QString> externalIdOf;
    for (const db::GuestRecord &g : *guests)
        externalIdOf.insert(g.id, g.externalId);
    QList<QList<qint64>> attendeesOf; // local guest ids, per session in `sessions` order
    for (const db::AgendaItemRecord &s : *sessions) {
        auto attendees = agendaStore.attendees(s.id);
        if (!attendees)
            return std::unexpected(localError(attendees.error()));
        attendeesOf << *attendees;
    }

    EventPushSummary summary;
    summary.eventNumber = event.number;
    VenueTransaction tx(m_venue);
    if (auto ok = tx.begin(); !ok)
        return std::unexpected(ok.error());
    if (auto ok = m_venue.exec(kLockChangesSql); !ok)
        return std::unexpected(ok.error());

    // The event. Its public key decides which invitations kiosks accept: another key under the same number means
    // another organiser's event database, and merging the two would mix their guests.
    auto existing = m_venue.exec("SELECT id, verify_key FROM events WHERE number = $1", {event.number});
    if (!existing)
        return std::unexpected(existing.error());
    if (existing->count() > 0 && existing->bytes(0, 1) != event.verifyKey) {
        return std::unexpected(VenueError{
            VenueError::Kind::Conflict,
            u"Event %1 in the venue database has another public key: it was pushed from a different event database. "
            "Nothing was changed; push from the database that created event %1, or use another meeting number."_s.arg(
                event.number),
            {}});
    }
    auto eventRow = m_venue.exec(
        "INSERT INTO events (number, name, city, time_zone, first_day, last_day, verify_key) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7) "
        "ON CONFLICT (number) DO UPDATE SET name = EXCLUDED.name, city = EXCLUDED.city, "
        "time_zone = EXCLUDED.time_zone, first_day = EXCLUDED.first_day, last_day = EXCLUDED.last_day "
        "WHERE (events.name, events.city, events.time_zone, events.first_day, events.last_day) IS DISTINCT FROM "
        "(EXCLUDED.name, EXCLUDED.city, EXCLUDED.time_zone, EXCLUDED.first_day, EXCLUDED.last_day) "
        "RETURNING (xmax = 0), id",
        {event.number, event.name, event.city, event.timeZone, event.firstDay, event.lastDay,
         VenueParam::bytes(event.verifyKey)});
    if (!eventRow)
        return std::unexpected(eventRow.error());
    summary.eventInserted = eventRow->count() > 0 && eventRow->boolean(0, 0);
    summary.eventUpdated = eventRow->count() > 0 && !eventRow->boolean(0, 0);
    const qint64 eventId = eventRow->count() > 0 ? eventRow->int64(0, 1) : existing->int64(0, 0);

    // Each kind of row goes in one statement, its rows as one JSON parameter: a push holds the change lock (which
    // kiosks' revocations wait for) for a few statements, not for a round trip per guest.
    QJsonArray guestRows;
    for (const db::GuestRecord &g : *guests) {
        guestRows.append(QJsonObject{{u"external_id"_s, g.externalId},
                                     {u"display_name"_s, g.displayName},
                                     {u"given_name"_s, g.givenName},
                                     {u"family_name"_s, g.familyName},
                                     {u"latin_name"_s, g.latinName},
                                     {u"organisation"_s, g.organisation},
                                     {u"country"_s, g.country},
                                     {u"role"_s, g.role.isEmpty() ? u"policymaker"_s : g.role},
                                     {u"email"_s, g.email},
                                     {u"language"_s, g.language.isEmpty() ? u"en"_s : g.language},
                                     {u"reg_type"_s, g.regType},
                                     {u"ticket_type"_s, g.ticketType},
                                     {u"days"_s, daysArray(g.days)}});
    }
    auto guestRowsWritten = m_venue.exec(
        "INSERT INTO guests (event_id, external_id, display_name, given_name, family_name, latin_name, "
        "organisation, country, role, email, language, reg_type, ticket_type, days) "
        "SELECT $1, x.external_id, x.display_name, x.given_name, x.family_name, x.latin_name, x.organisation, "
        "x.country, x.role, x.email, x.language, x.reg_type, x.ticket_type, x.days::date[] "
        "FROM jsonb_to_recordset($2::jsonb) AS x(external_id text, display_name text, given_name text, "
        "family_name text, latin_name text, organisation text, country text, role text, email text, language text, "
        "reg_type text, ticket_type text, days text) "
        "ON CONFLICT (event_id, external_id) DO UPDATE SET display_name = EXCLUDED.display_name, "
        "given_name = EXCLUDED.given_name, family_name = EXCLUDED.family_name, latin_name = EXCLUDED.latin_name, "
        "organisation = EXCLUDED.organisation, country = EXCLUDED.country, role = EXCLUDED.role, "
        "email = EXCLUDED.email, language = EXCLUDED.language, reg_type = EXCLUDED.reg_type, "
        "ticket_type = EXCLUDED.ticket_type, days = EXCLUDED.days "
        "WHERE (guests.display_name, guests.given_name, guests.family_name, guests.latin_name, guests.organisation, "
        "guests.country, guests.role, guests.email, guests.language, guests.reg_type, guests.ticket_type, "
        "guests.days) IS DISTINCT FROM (EXCLUDED.display_name, EXCLUDED.given_name, EXCLUDED.family_name, "
        "EXCLUDED.latin_name, EXCLUDED.organisation, EXCLUDED.country, EXCLUDED.role, EXCLUDED.email, "
        "EXCLUDED.language, EXCLUDED.reg_type, EXCLUDED.ticket_type, EXCLUDED.days) "
        "RETURNING (xmax = 0)",
        {eventId, json(guestRows)});
    if (!guestRowsWritten)
        return std::unexpected(guestRowsWritten.error());
    summary.guests = countsOf(*guestRowsWritten, int(guestRows.size()));

    QJsonArray invitationRows;
    for (const db::InvitationRecord &i : *invitations) {
        const bool revoked = i.status == u"revoked";
        const QString revokedAt = revoked && i.revokedAt.isEmpty() ? i.issuedAt : i.revokedAt;
        invitationRows.append(
            QJsonObject{{u"external_id"_s, externalIdOf.value(i.guestId)},
                        {u"token_id"_s, QString::fromLatin1(i.tokenId.toHex())},
                        {u"signature"_s,
                         i.signature.isEmpty() ? QJsonValue() : QJsonValue(QString::fromLatin1(i.signature.toHex()))},
                        {u"status"_s, revoked ? u"revoked"_s : u"active"_s},
                        {u"issued_at"_s, i.issuedAt},
                        {u"revoked_at"_s, revoked ? QJsonValue(revokedAt) : QJsonValue()}});
    }
    // Revocation is one-way: a venue row already revoked (by a kiosk's staff) stays revoked whatever is pushed.
    auto invitationRowsWritten = m_venue.exec(
        "WITH before AS (SELECT token_id, status FROM invitations WHERE event_id = $1) "
        "INSERT INTO invitations (event_id, guest_id, token_id, signature, status, issued_at, revoked_at) "
        "SELECT $1, g.id, decode(x.token_id, 'hex'), decode(x.signature, 'hex'), x.status, x.issued_at, x.revoked_at "
        "FROM jsonb_to_recordset($2::jsonb) AS x(external_id text, token_id text, signature text, status text, "
        "issued_at timestamptz, revoked_at timestamptz) "
        "JOIN guests g ON g.event_id = $1 AND g.external_id = x.external_id "
        "ON CONFLICT (event_id, token_id) DO UPDATE SET "
        "signature = coalesce(invitations.signature, EXCLUDED.signature), "
        "status = CASE WHEN invitations.status = 'revoked' THEN 'revoked' ELSE EXCLUDED.status END, "
        "revoked_at = coalesce(invitations.revoked_at, EXCLUDED.revoked_at) "
        "WHERE (invitations.signature IS NULL AND EXCLUDED.signature IS NOT NULL) "
        "OR (invitations.status = 'active' AND EXCLUDED.status = 'revoked') "
        "RETURNING (xmax = 0), status, (SELECT b.status FROM before b WHERE b.token_id = invitations.token_id)",
        {eventId, json(invitationRows)});
    if (!invitationRowsWritten)
        return std::unexpected(invitationRowsWritten.error());
    summary.invitations = countsOf(*invitationRowsWritten, int(invitationRows.size()));
    for (int r = 0; r < invitationRowsWritten->count(); ++r) {
        if (!invitationRowsWritten->boolean(r, 0) && invitationRowsWritten->text(r, 1) == u"revoked"
            && invitationRowsWritten->text(r, 2) == u"active")
            ++summary.invitationsRevoked;
    }

    QJsonArray sessionRows;
    QJsonArray sessionKeys;
    QJsonArray attendeeRows;
    for (qsizetype n = 0; n < sessions->size(); ++n) {
        const db::AgendaItemRecord &s = sessions->at(n);
        sessionRows.append(QJsonObject{{u"source_id"_s, s.sourceId},
                                       {u"title"_s, s.title},
                                       {u"kind"_s, s.kind},
                                       {u"room"_s, s.room},
                                       {u"area"_s, s.area},
                                       {u"acronym"_s, s.acronym},
                                       {u"description"_s, s.description},
                                       {u"starts_at"_s, utcText(s.startsAt)},
                                       {u"ends_at"_s, utcText(s.endsAt)}});
        sessionKeys.append(s.sourceId);
        for (qint64 localGuestId : attendeesOf.at(n))
            attendeeRows.append(
                QJsonObject{{u"source_id"_s, s.sourceId}, {u"external_id"_s, externalIdOf.value(localGuestId)}});
    }
    auto sessionRowsWritten = m_venue.exec(
        "INSERT INTO sessions (event_id, source_id, title, kind, room, area, acronym, description, starts_at, "
        "ends_at) SELECT $1, x.source_id, x.title, x.kind, x.room, x.area, x.acronym, x.description, x.starts_at, "
        "x.ends_at FROM jsonb_to_recordset($2::jsonb) AS x(source_id text, title text, kind text, room text, "
        "area text, acronym text, description text, starts_at timestamptz, ends_at timestamptz) "
        "ON CONFLICT (event_id, source_id) DO UPDATE SET title = EXCLUDED.title, kind = EXCLUDED.kind, "
        "room = EXCLUDED.room, area = EXCLUDED.area, acronym = EXCLUDED.acronym, "
        "description = EXCLUDED.description, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at "
        "WHERE (sessions.title, sessions.kind, sessions.room, sessions.area, sessions.acronym, "
        "sessions.description, sessions.starts_at, sessions.ends_at) IS DISTINCT FROM (EXCLUDED.title, "
        "EXCLUDED.kind, EXCLUDED.room, EXCLUDED.area, EXCLUDED.acronym, EXCLUDED.description, "
        "EXCLUDED.starts_at, EXCLUDED.ends_at) "
        "RETURNING (xmax = 0)",
        {eventId, json(sessionRows)});
    if (!sessionRowsWritten)
        return std::unexpected(sessionRowsWritten.error());
    summary.sessions = countsOf(*sessionRowsWritten, int(sessionRows.size()));

    auto attendeeRowsWritten = m_venue.exec(
        "INSERT INTO session_attendees (session_id, guest_id) "
        "SELECT s.id, g.id FROM jsonb_to_recordset($2::jsonb) AS x(source_id text, external_id text) "
        "JOIN sessions s ON s.event_id = $1 AND s.source_id = x.source_id "
        "JOIN guests g ON g.event_id = $1 AND g.external_id = x.external_id "
        "ON CONFLICT (session_id, guest_id) DO UPDATE SET attending = true WHERE NOT session_attendees.attending "
        "RETURNING (xmax = 0)",
        {eventId, json(attendeeRows)});
    if (!attendeeRowsWritten)
        return std::unexpected(attendeeRowsWritten.error());
    summary.attendees = countsOf(*attendeeRowsWritten, int(attendeeRows.size()));
    // Links of the pushed sessions that the event database no longer has: kept, with attending = false, so kiosks
    // that pulled them learn from the row's new change_seq that they ended.
    auto withdrawn = m_venue.exec(
        "UPDATE session_attendees sa SET attending = false FROM sessions s "
        "WHERE sa.session_id = s.id AND s.event_id = $1 AND sa.attending "
        "AND s.source_id IN (SELECT jsonb_array_elements_text($3::jsonb)) "
        "AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset($2::jsonb) AS x(source_id text, external_id text) "
        "JOIN guests g ON g.event_id = $1 AND g.external_id = x.external_id "
        "WHERE x.source_id = s.source_id AND g.id = sa.guest_id)",
        {eventId, json(attendeeRows), json(sessionKeys)});
    if (!withdrawn)
        return std::unexpected(withdrawn.error());
    summary.attendeesWithdrawn = int(withdrawn->affected());

    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    return summary;
}

VenueResult<QList<VenueEventOverview>> VenueEvents::overview()
{
    auto rows = m_venue.exec("SELECT e.number, e.name, "
                             "(SELECT count(*) FROM guests g WHERE g.event_id = e.id), "
                             "(SELECT count(*) FROM invitations i WHERE i.event_id = e.id), "
                             "(SELECT count(*) FROM invitations i WHERE i.event_id = e.id AND i.status = 'revoked'), "
                             "(SELECT count(*) FROM sessions s WHERE s.event_id = e.id), "
                             "(SELECT count(*) FROM attendance a WHERE a.event_id = e.id AND a.annulled_at IS NULL "
                             " AND a.duplicate_of IS NULL), "
                             "(SELECT count(*) FROM scan_log l WHERE l.event_id = e.id), "
                             "(SELECT count(*) FROM kiosks k WHERE k.event_id = e.id) "
                             "FROM events e ORDER BY e.number");
    if (!rows)
        return std::unexpected(rows.error());
    QList<VenueEventOverview> events;
    for (int r = 0; r < rows->count(); ++r) {
        VenueEventOverview o;
        o.number = int(rows->int64(r, 0));
        o.name = rows->text(r, 1);
        o.guests = rows->int64(r, 2);
        o.invitations = rows->int64(r, 3);
        o.revoked = rows->int64(r, 4);
        o.sessions = rows->int64(r, 5);
        o.attendance = rows->int64(r, 6);
        o.scans = rows->int64(r, 7);
        o.kiosks = rows->int64(r, 8);
        events << o;
    }
    return events;
}

} // namespace checkin::venue
