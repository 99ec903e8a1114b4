#include "venueevents.h"

#include <agendastore.h>
#include <database.h>
#include <gueststore.h>

#include <QHash>
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
    for (const QDate &d : days)
        parts << d.toString(Qt::ISODate);
    return u'{' + parts.join(u',') + u'}';
}

QString idArray(const QList<qint64> &ids)
{
    QStringList parts;
    for (qint64 id : ids)
        parts << QString::number(id);
    return u'{' + parts.join(u',') + u'}';
}

QString utcText(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

// Counts the outcome of an upsert whose RETURNING has (xmax = 0) first: a row returned is inserted or updated, none
// means the row was there unchanged.
void count(PushCounts &counts, const VenueRows &rows)
{
    if (rows.count() == 0)
        ++counts.unchanged;
    else if (rows.boolean(0, 0))
        ++counts.inserted;
    else
        ++counts.updated;
}

// external id (or source id) → venue row id, for one event.
VenueResult<QHash<QString, qint64>> idsByKey(VenueConnection &venue, const char *sql, qint64 eventId)
{
    auto rows = venue.exec(sql, {eventId});
    if (!rows)
        return std::unexpected(rows.error());
    QHash<QString, qint64> ids;
    for (int r = 0; r < rows->count(); ++r)
        ids.insert(rows->text(r, 0), rows->int64(r, 1));
    return ids;
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
        return std::unexpected(VenueError{VenueError::Kind::Conflict,
            u"Event %1 in the venue database has another public key: it was pushed from a different event database. "
            "Nothing was changed; push from the database that created event %1, or use another meeting number."_s
                .arg(event.number), {}});
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

    for (const db::GuestRecord &g : *guests) {
        auto row = m_venue.exec(
            "INSERT INTO guests (event_id, external_id, display_name, given_name, family_name, latin_name, "
            "organisation, country, role, email, language, reg_type, ticket_type, days) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) "
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
            {eventId, g.externalId, g.displayName, g.givenName, g.familyName, g.latinName, g.organisation, g.country,
             g.role.isEmpty() ? u"policymaker"_s : g.role, g.email, g.language.isEmpty() ? u"en"_s : g.language,
             g.regType, g.ticketType, daysArray(g.days)});
        if (!row)
            return std::unexpected(row.error());
        count(summary.guests, *row);
    }
    auto guestIds = idsByKey(m_venue, "SELECT external_id, id FROM guests WHERE event_id = $1", eventId);
    if (!guestIds)
        return std::unexpected(guestIds.error());
    const auto venueGuestId = [&](qint64 localGuestId) { return guestIds->value(externalIdOf.value(localGuestId), 0); };

    for (const db::InvitationRecord &i : *invitations) {
        const qint64 guestId = venueGuestId(i.guestId);
        if (guestId == 0)
            continue; // an invitation of a guest not in this event's list cannot happen (foreign key); skip, never guess
        const bool revoked = i.status == u"revoked";
        const QString revokedAt = revoked && i.revokedAt.isEmpty() ? i.issuedAt : i.revokedAt;
        // Revocation is one-way: a venue row already revoked (by a kiosk's staff) stays revoked whatever is pushed.
        auto row = m_venue.exec(
            "WITH before AS (SELECT status FROM invitations WHERE event_id = $1 AND token_id = $3) "
            "INSERT INTO invitations (event_id, guest_id, token_id, signature, status, issued_at, revoked_at) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7) "
            "ON CONFLICT (event_id, token_id) DO UPDATE SET "
            "signature = coalesce(invitations.signature, EXCLUDED.signature), "
            "status = CASE WHEN invitations.status = 'revoked' THEN 'revoked' ELSE EXCLUDED.status END, "
            "revoked_at = coalesce(invitations.revoked_at, EXCLUDED.revoked_at) "
            "WHERE (invitations.signature IS NULL AND EXCLUDED.signature IS NOT NULL) "
            "OR (invitations.status = 'active' AND EXCLUDED.status = 'revoked') "
            "RETURNING (xmax = 0), status, (SELECT status FROM before)",
            {eventId, guestId, VenueParam::bytes(i.tokenId),
             i.signature.isEmpty() ? VenueParam(std::nullopt) : VenueParam::bytes(i.signature),
             revoked ? u"revoked"_s : u"active"_s, i.issuedAt, VenueParam::textOrNull(revoked ? revokedAt : QString())});
        if (!row)
            return std::unexpected(row.error());
        count(summary.invitations, *row);
        if (row->count() > 0 && !row->boolean(0, 0) && row->text(0, 1) == u"revoked" && row->text(0, 2) == u"active")
            ++summary.invitationsRevoked;
    }

    for (const db::AgendaItemRecord &s : *sessions) {
        auto row = m_venue.exec(
            "INSERT INTO sessions (event_id, source_id, title, kind, room, area, acronym, description, starts_at, "
            "ends_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
            "ON CONFLICT (event_id, source_id) DO UPDATE SET title = EXCLUDED.title, kind = EXCLUDED.kind, "
            "room = EXCLUDED.room, area = EXCLUDED.area, acronym = EXCLUDED.acronym, "
            "description = EXCLUDED.description, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at "
            "WHERE (sessions.title, sessions.kind, sessions.room, sessions.area, sessions.acronym, "
            "sessions.description, sessions.starts_at, sessions.ends_at) IS DISTINCT FROM (EXCLUDED.title, "
            "EXCLUDED.kind, EXCLUDED.room, EXCLUDED.area, EXCLUDED.acronym, EXCLUDED.description, "
            "EXCLUDED.starts_at, EXCLUDED.ends_at) "
            "RETURNING (xmax = 0)",
            {eventId, s.sourceId, s.title, s.kind, s.room, s.area, s.acronym, s.description, utcText(s.startsAt),
             utcText(s.endsAt)});
        if (!row)
            return std::unexpected(row.error());
        count(summary.sessions, *row);
    }
    auto sessionIds = idsByKey(m_venue, "SELECT source_id, id FROM sessions WHERE event_id = $1", eventId);
    if (!sessionIds)
        return std::unexpected(sessionIds.error());

    for (qsizetype n = 0; n < sessions->size(); ++n) {
        const qint64 sessionId = sessionIds->value(sessions->at(n).sourceId);
        QList<qint64> attending;
        for (qint64 localGuestId : attendeesOf.at(n)) {
            const qint64 guestId = venueGuestId(localGuestId);
            if (guestId == 0)
                continue;
            attending << guestId;
            auto row = m_venue.exec(
                "INSERT INTO session_attendees (session_id, guest_id) VALUES ($1, $2) "
                "ON CONFLICT (session_id, guest_id) DO UPDATE SET attending = true WHERE NOT session_attendees.attending "
                "RETURNING (xmax = 0)",
                {sessionId, guestId});
            if (!row)
                return std::unexpected(row.error());
            count(summary.attendees, *row);
        }
        // Kiosks that pulled the old link learn it ended from the row's new change_seq: it is never deleted.
        auto withdrawn = m_venue.exec("UPDATE session_attendees SET attending = false WHERE session_id = $1 "
                                      "AND attending AND NOT (guest_id = ANY ($2::bigint[]))",
                                      {sessionId, idArray(attending)});
        if (!withdrawn)
            return std::unexpected(withdrawn.error());
        summary.attendeesWithdrawn += int(withdrawn->affected());
    }

    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    return summary;
}

VenueResult<QList<VenueEventOverview>> VenueEvents::overview()
{
    auto rows = m_venue.exec(
        "SELECT e.number, e.name, "
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
