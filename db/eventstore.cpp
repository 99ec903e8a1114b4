#include "db/eventstore.h"
#include "db/retentionstore.h"

using namespace Qt::StringLiterals;

namespace checkin::db {

namespace {

#define EVENT_COLUMNS "id, number, name, city, time_zone, first_day, last_day, verify_key"

EventRecord readEvent(const Statement &s)
{
    EventRecord e;
    e.id = s.int64(0);
    e.number = int(s.int64(1));
    e.name = s.text(2);
    e.city = s.text(3);
    e.timeZone = s.text(4);
    e.firstDay = QDate::fromString(s.text(5), Qt::ISODate);
    e.lastDay = QDate::fromString(s.text(6), Qt::ISODate);
    e.verifyKey = s.blob(7);
    return e;
}

} // namespace

DbResult<qint64> EventStore::create(const EventRecord &event)
{
    auto stmt = m_db.prepare("INSERT INTO event (number, name, city, time_zone, first_day, last_day, verify_key, "
                             "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, qint64(event.number))
        .bind(2, event.name)
        .bind(3, event.city)
        .bind(4, event.timeZone)
        .bind(5, event.firstDay.toString(Qt::ISODate))
        .bind(6, event.lastDay.toString(Qt::ISODate))
        .bindBlob(7, event.verifyKey)
        .bind(8, utcNowText());
    if (auto ok = stmt->run(); !ok) {
        if (ok.error().isConstraint()) {
            return std::unexpected(
                DbError{ok.error().code, u"Event %1 already exists in this database."_s.arg(event.number)});
        }
        return std::unexpected(ok.error());
    }
    return m_db.lastInsertId();
}

DbResult<EventStore::Usage> EventStore::usage(qint64 eventId, QDate first, QDate last)
{
    auto stmt = m_db.prepare(
        "SELECT (SELECT count(*) FROM invitation WHERE event_id = ?1), "
        "(SELECT count(*) FROM attendance WHERE event_id = ?1 AND annulled_at IS NULL AND duplicate_of IS NULL), "
        "(SELECT count(*) FROM attendance WHERE event_id = ?1 AND annulled_at IS NULL AND duplicate_of IS NULL "
        " AND (day < ?2 OR day > ?3)), "
        "(SELECT count(*) FROM guest WHERE event_id = ?1), (SELECT count(*) FROM agenda_item WHERE event_id = ?1)");
    if (stmt)
        stmt->bind(1, eventId).bind(2, first.toString(Qt::ISODate)).bind(3, last.toString(Qt::ISODate));
    auto row = firstRow(stmt, [](const Statement &s) {
        return Usage{s.int64(0), s.int64(1), s.int64(2), s.int64(3), s.int64(4)};
    });
    if (!row)
        return std::unexpected(row.error());
    return row->value_or(Usage{});
}

DbResult<void> EventStore::update(const EventRecord &event)
{
    auto stmt = m_db.prepare("UPDATE event SET number = ?2, name = ?3, city = ?4, time_zone = ?5, first_day = ?6, "
                             "last_day = ?7, verify_key = ?8 WHERE id = ?1");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, event.id)
        .bind(2, qint64(event.number))
        .bind(3, event.name)
        .bind(4, event.city)
        .bind(5, event.timeZone)
        .bind(6, event.firstDay.toString(Qt::ISODate))
        .bind(7, event.lastDay.toString(Qt::ISODate))
        .bindBlob(8, event.verifyKey);
    if (auto ok = stmt->run(); !ok) {
        if (ok.error().isConstraint())
            return std::unexpected(
                DbError{ok.error().code, u"Event %1 already exists in this database."_s.arg(event.number)});
        return std::unexpected(ok.error());
    }
    return {};
}

DbResult<void> EventStore::remove(qint64 eventId)
{
    if (auto purged = RetentionStore(m_db).purge(eventId); !purged)
        return std::unexpected(purged.error());
    const char *const steps[] = {
        "DELETE FROM guest_agenda WHERE agenda_item_id IN (SELECT id FROM agenda_item WHERE event_id = ?1)",
        "DELETE FROM agenda_item WHERE event_id = ?1",
        "UPDATE staff_action SET event_id = NULL WHERE event_id = ?1",
        "DELETE FROM event WHERE id = ?1",
    };
    for (const char *sql : steps) {
        auto stmt = m_db.prepare(sql);
        if (!stmt)
            return std::unexpected(stmt.error());
        stmt->bind(1, eventId);
        if (auto ok = stmt->run(); !ok)
            return std::unexpected(ok.error());
    }
    return {};
}

DbResult<std::optional<EventRecord>> EventStore::byNumber(int number)
{
    auto stmt = m_db.prepare("SELECT " EVENT_COLUMNS " FROM event WHERE number = ?1");
    if (stmt)
        stmt->bind(1, qint64(number));
    return firstRow(stmt, readEvent);
}

DbResult<std::optional<EventRecord>> EventStore::byId(qint64 id)
{
    auto stmt = m_db.prepare("SELECT " EVENT_COLUMNS " FROM event WHERE id = ?1");
    if (stmt)
        stmt->bind(1, id);
    return firstRow(stmt, readEvent);
}

DbResult<std::optional<EventRecord>> EventStore::latest()
{
    auto stmt = m_db.prepare("SELECT " EVENT_COLUMNS " FROM event ORDER BY number DESC LIMIT 1");
    return firstRow(stmt, readEvent);
}

DbResult<QList<EventRecord>> EventStore::all()
{
    auto stmt = m_db.prepare("SELECT " EVENT_COLUMNS " FROM event ORDER BY number");
    return collectRows(stmt, readEvent);
}

} // namespace checkin::db
