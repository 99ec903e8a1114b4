#pragma once

#include "db/venue/venueconnection.h"

#include "db/records.h"

namespace checkin::db {
class Database;
}

namespace checkin::venue {

// How many rows of one kind a push added, changed or found as they were.
struct PushCounts
{
    int inserted = 0;
    int updated = 0;
    int unchanged = 0;
};

// What 'venue push' did to the venue database.
struct EventPushSummary
{
    int eventNumber = 0;
    bool eventInserted = false;
    bool eventUpdated = false;
    PushCounts guests;
    PushCounts invitations;
    int invitationsRevoked = 0; // active in the venue database before this push, revoked now
    PushCounts sessions;
    PushCounts attendees;       // guest–session links
    int attendeesWithdrawn = 0; // links the event database no longer has, kept with attending = false
};

// One event as the venue database holds it, for 'venue status'.
struct VenueEventOverview
{
    int number = 0;
    QString name;
    qint64 guests = 0;
    qint64 invitations = 0;
    qint64 revoked = 0;
    qint64 sessions = 0;
    qint64 attendance = 0; // live rows (not annulled, not duplicates)
    qint64 scans = 0;
    qint64 kiosks = 0;
};

// Events in the venue database: uploading one from an organiser's SQLite file, and what each holds.
class VenueEvents
{
public:
    explicit VenueEvents(VenueConnection &venue)
        : m_venue(venue)
    {
    }

    // Uploads the event (with its public key), its guests, invitations (revocations included) and programme from the
    // SQLite database local, in one transaction: all of it or nothing. Idempotent: the same data pushed again changes
    // nothing. A revocation already in the venue database is never undone by a push. An event of the same number
    // with another public key is refused (Conflict) with nothing changed.
    [[nodiscard]] VenueResult<EventPushSummary> push(db::Database &local, const db::EventRecord &event);
    // Every event in the venue database, by number, with its counts.
    [[nodiscard]] VenueResult<QList<VenueEventOverview>> overview();

private:
    VenueConnection &m_venue;
};

} // namespace checkin::venue
