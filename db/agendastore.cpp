#include "db/agendastore.h"

#include <QSet>

#include <utility>

using namespace Qt::StringLiterals;

namespace checkin::db {

namespace {

#define AGENDA_COLUMNS                                                                                                 \
    "id, event_id, source_id, title, kind, room, area, acronym, description, starts_at, ends_at, updated_at"

// Stored like every other time in the schema: 2026-11-02T08:15:30.000Z, so text order is time order.
QString timeToText(const QDateTime &utc)
{
    return utc.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime timeFromText(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : t;
}

AgendaItemRecord readItem(const Statement &s)
{
    AgendaItemRecord a;
    a.id = s.int64(0);
    a.eventId = s.int64(1);
    a.sourceId = s.text(2);
    a.title = s.text(3);
    a.kind = s.text(4);
    a.room = s.text(5);
    a.area = s.text(6);
    a.acronym = s.text(7);
    a.description = s.text(8);
    a.startsAt = timeFromText(s.text(9));
    a.endsAt = timeFromText(s.text(10));
    a.updatedAt = s.text(11);
    return a;
}

qint64 readId(const Statement &s)
{
    return s.int64(0);
}

// Runs a statement on one guest–session link: guest id as ?1, agenda item id as ?2.
DbResult<void> runOnLink(DbResult<Statement> stmt, qint64 guestId, qint64 itemId)
{
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, guestId).bind(2, itemId);
    return stmt->run();
}

DbResult<void> unlink(Database &db, qint64 guestId, qint64 itemId)
{
    return runOnLink(db.prepare("DELETE FROM guest_agenda WHERE guest_id = ?1 AND agenda_item_id = ?2"), guestId,
                     itemId);
}

DbResult<void> link(Database &db, qint64 guestId, qint64 itemId)
{
    return runOnLink(db.prepare("INSERT INTO guest_agenda (guest_id, agenda_item_id) VALUES (?1, ?2)"), guestId,
                     itemId);
}

// Links and unlinks so that of the ids linked now (current) exactly wanted stay linked; pairOf(id) is the
// (guest id, agenda item id) link of one of them.
template<typename PairOf>
DbResult<AgendaStore::LinkChange> relink(Database &db, const QList<qint64> &current, const QList<qint64> &wanted,
                                         PairOf pairOf)
{
    const QSet<qint64> have(current.cbegin(), current.cend());
    const QSet<qint64> want(wanted.cbegin(), wanted.cend());

    AgendaStore::LinkChange change;
    for (qint64 id : have) {
        if (want.contains(id))
            continue;
        const auto [guestId, itemId] = pairOf(id);
        if (auto ok = unlink(db, guestId, itemId); !ok)
            return std::unexpected(ok.error());
        ++change.removed;
    }
    for (qint64 id : want) {
        if (have.contains(id))
            continue;
        const auto [guestId, itemId] = pairOf(id);
        if (auto ok = link(db, guestId, itemId); !ok)
            return std::unexpected(ok.error());
        ++change.added;
    }
    return change;
}

} // namespace

DbResult<AgendaStore::UpsertResult> AgendaStore::upsert(const AgendaItemRecord &item)
{
    auto existing = bySourceId(item.eventId, item.sourceId);
    if (!existing)
        return std::unexpected(existing.error());

    const char *sql =
        *existing
            ? "UPDATE agenda_item SET title = ?3, kind = ?4, room = ?5, area = ?6, acronym = ?7, description = ?8, "
              "starts_at = ?9, ends_at = ?10, updated_at = ?11 "
              "WHERE event_id = ?1 AND source_id = ?2 AND (title, kind, room, area, acronym, description, starts_at, "
              "ends_at) IS NOT (?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
            : "INSERT INTO agenda_item (event_id, source_id, title, kind, room, area, acronym, description, "
              "starts_at, ends_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
    auto stmt = m_db.prepare(sql);
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, item.eventId)
        .bind(2, item.sourceId)
        .bind(3, item.title)
        .bind(4, item.kind)
        .bind(5, item.room)
        .bind(6, item.area)
        .bind(7, item.acronym)
        .bind(8, item.description)
        .bind(9, timeToText(item.startsAt))
        .bind(10, timeToText(item.endsAt))
        .bind(11, utcNowText());
    if (auto ok = stmt->run(); !ok)
        return std::unexpected(ok.error());
    if (!*existing)
        return UpsertResult{Upserted::Inserted, m_db.lastInsertId()};
    return UpsertResult{m_db.changes() > 0 ? Upserted::Updated : Upserted::Unchanged, (*existing)->id};
}

DbResult<std::optional<AgendaItemRecord>> AgendaStore::bySourceId(qint64 eventId, const QString &sourceId)
{
    auto stmt = m_db.prepare("SELECT " AGENDA_COLUMNS " FROM agenda_item WHERE event_id = ?1 AND source_id = ?2");
    if (stmt)
        stmt->bind(1, eventId).bind(2, sourceId);
    return firstRow(stmt, readItem);
}

DbResult<QList<AgendaItemRecord>> AgendaStore::forEvent(qint64 eventId, const QDateTime &fromUtc,
                                                        const QDateTime &toUtc)
{
    // Open bounds are bound as text that sorts before or after every stored time.
    auto stmt = m_db.prepare("SELECT " AGENDA_COLUMNS " FROM agenda_item WHERE event_id = ?1 "
                             "AND starts_at >= ?2 AND starts_at < ?3 ORDER BY starts_at, ends_at, title, id");
    if (stmt) {
        stmt->bind(1, eventId)
            .bind(2, fromUtc.isValid() ? timeToText(fromUtc) : u""_s)
            .bind(3, toUtc.isValid() ? timeToText(toUtc) : u"~"_s);
    }
    return collectRows(stmt, readItem);
}

DbResult<QList<AgendaItemRecord>> AgendaStore::forGuest(qint64 guestId)
{
    auto stmt = m_db.prepare("SELECT a.id, a.event_id, a.source_id, a.title, a.kind, a.room, a.area, a.acronym, "
                             "a.description, a.starts_at, a.ends_at, a.updated_at FROM agenda_item a "
                             "JOIN guest_agenda g ON g.agenda_item_id = a.id WHERE g.guest_id = ?1 "
                             "ORDER BY a.starts_at, a.ends_at, a.title, a.id");
    if (stmt)
        stmt->bind(1, guestId);
    return collectRows(stmt, readItem);
}

DbResult<QStringList> AgendaStore::sourceIds(qint64 eventId, const QString &prefix)
{
    // substr, not LIKE: a prefix is matched literally, whatever characters it holds.
    auto stmt = m_db.prepare("SELECT source_id FROM agenda_item WHERE event_id = ?1 "
                             "AND substr(source_id, 1, length(?2)) = ?2 ORDER BY source_id");
    if (stmt)
        stmt->bind(1, eventId).bind(2, prefix);
    auto rows = collectRows(stmt, [](const Statement &s) { return s.text(0); });
    if (!rows)
        return std::unexpected(rows.error());
    return QStringList(*rows);
}

DbResult<AgendaStore::LinkChange> AgendaStore::setGuestSessions(qint64 guestId, const QList<qint64> &itemIds)
{
    auto stmt = m_db.prepare("SELECT agenda_item_id FROM guest_agenda WHERE guest_id = ?1");
    if (stmt)
        stmt->bind(1, guestId);
    auto current = collectRows(stmt, readId);
    if (!current)
        return std::unexpected(current.error());
    return relink(m_db, *current, itemIds, [guestId](qint64 itemId) { return std::pair{guestId, itemId}; });
}

DbResult<AgendaStore::LinkChange> AgendaStore::setAttendees(qint64 itemId, const QList<qint64> &guestIds)
{
    auto current = attendees(itemId);
    if (!current)
        return std::unexpected(current.error());
    return relink(m_db, *current, guestIds, [itemId](qint64 guestId) { return std::pair{guestId, itemId}; });
}

DbResult<QList<qint64>> AgendaStore::attendees(qint64 itemId)
{
    auto stmt = m_db.prepare("SELECT guest_id FROM guest_agenda WHERE agenda_item_id = ?1 ORDER BY guest_id");
    if (stmt)
        stmt->bind(1, itemId);
    return collectRows(stmt, readId);
}

DbResult<qint64> AgendaStore::itemCount(qint64 eventId)
{
    auto stmt = m_db.prepare("SELECT count(*) FROM agenda_item WHERE event_id = ?1");
    if (stmt)
        stmt->bind(1, eventId);
    auto row = firstRow(stmt, readId);
    if (!row)
        return std::unexpected(row.error());
    return row->value_or(0);
}

DbResult<qint64> AgendaStore::linkCount(qint64 eventId)
{
    auto stmt = m_db.prepare("SELECT count(*) FROM guest_agenda g JOIN agenda_item a ON a.id = g.agenda_item_id "
                             "WHERE a.event_id = ?1");
    if (stmt)
        stmt->bind(1, eventId);
    auto row = firstRow(stmt, readId);
    if (!row)
        return std::unexpected(row.error());
    return row->value_or(0);
}

} // namespace checkin::db
