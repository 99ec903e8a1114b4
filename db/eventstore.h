#pragma once

#include "db/database.h"
#include "db/records.h"

#include <optional>

namespace checkin::db {

// Events: one row per IETF meeting this database knows.
class EventStore
{
public:
    explicit EventStore(Database &db)
        : m_db(db)
    {
    }

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

    // What rests on an event: the care 'event edit' and 'event delete' take.
    struct Usage
    {
        qint64 invitations = 0;     // issued (active or revoked): they carry the meeting number and the key
        qint64 checkins = 0;        // check-ins that count
        qint64 checkinsOutside = 0; // of those, on days outside [first, last]
        qint64 guests = 0;
        qint64 sessions = 0;
    };
    [[nodiscard]] DbResult<Usage> usage(qint64 eventId, QDate first, QDate last);
    // Stores the event's number, name, city, zone, days and key (by id); a number already taken is an error.
    [[nodiscard]] DbResult<void> update(const EventRecord &event);
    // Removes the event with everything recorded for it (guests, invitations, check-ins, scans, print jobs,
    // programme); the staff action log keeps its rows, no longer linked to the event or its guests. Run it in a
    // transaction.
    [[nodiscard]] DbResult<void> remove(qint64 eventId);

private:
    Database &m_db;
};

} // namespace checkin::db
