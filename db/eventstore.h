#pragma once

#include "database.h"
#include "records.h"

#include <optional>

namespace checkin::db {

// Events: one row per IETF meeting this database knows.
class EventStore
{
public:
    explicit EventStore(Database &db) : m_db(db) {}

    // Inserts a new event and returns its id; a meeting number already present is an error.
    [[nodiscard]] DbResult<qint64> create(const EventRecord &event);
    // The event with this IETF meeting number, if any.
    [[nodiscard]] DbResult<std::optional<EventRecord>> byNumber(int number);
    // The event with this row id, if any.
    [[nodiscard]] DbResult<std::optional<EventRecord>> byId(qint64 id);
    // The event with the highest meeting number, if any.
    [[nodiscard]] DbResult<std::optional<EventRecord>> latest();
    // Every event, by meeting number.
    [[nodiscard]] DbResult<QList<EventRecord>> all();

private:
    Database &m_db;
};

} // namespace checkin::db
