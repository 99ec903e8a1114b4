#pragma once

#include "db/database.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace checkin::db {

// One session of the meeting programme. Times are UTC; shown in the venue's zone by the caller.
struct AgendaItemRecord
{
    qint64 id = 0;
    qint64 eventId = 0;
    QString sourceId; // stable id in its source, prefixed by the source kind: dt:12345, ics:<uid>, pp:<id>
    QString title;
    QString kind; // wg, bof, plenary, briefing, roundtable, meeting, social, …
    QString room;
    QString area;
    QString acronym;
    QString description;
    QDateTime startsAt; // UTC
    QDateTime endsAt;   // UTC
    QString updatedAt;

    friend bool operator==(const AgendaItemRecord &, const AgendaItemRecord &) = default;
};

// The meeting programme of an event and which guests attend which session.
class AgendaStore
{
public:
    explicit AgendaStore(Database &db)
        : m_db(db)
    {
    }

    enum class Upserted { Inserted, Updated, Unchanged };
    struct UpsertResult
    {
        Upserted what = Upserted::Unchanged;
        qint64 id = 0; // row id of the item
    };
    // How many guest–session links a change added and removed.
    struct LinkChange
    {
        int added = 0;
        int removed = 0;
    };

    // Inserts the item, or updates the one with the same (event, source id); never duplicates.
    [[nodiscard]] DbResult<UpsertResult> upsert(const AgendaItemRecord &item);
    // The item with this source id in the event, if any.
    [[nodiscard]] DbResult<std::optional<AgendaItemRecord>> bySourceId(qint64 eventId, const QString &sourceId);
    // Items of the event by start time; with valid bounds, only those starting in [fromUtc, toUtc).
    [[nodiscard]] DbResult<QList<AgendaItemRecord>> forEvent(qint64 eventId, const QDateTime &fromUtc = {},
                                                             const QDateTime &toUtc = {});
    // The sessions a guest attends, by start time.
    [[nodiscard]] DbResult<QList<AgendaItemRecord>> forGuest(qint64 guestId);
    // Source ids of the event's items that begin with prefix (e.g. "dt:"), sorted.
    [[nodiscard]] DbResult<QStringList> sourceIds(qint64 eventId, const QString &prefix);

    // Replaces every session of the guest with itemIds.
    [[nodiscard]] DbResult<LinkChange> setGuestSessions(qint64 guestId, const QList<qint64> &itemIds);
    // Makes guestIds exactly the attendees of the item; the guests' other sessions are untouched.
    [[nodiscard]] DbResult<LinkChange> setAttendees(qint64 itemId, const QList<qint64> &guestIds);
    // Guest row ids attending the item, ascending.
    [[nodiscard]] DbResult<QList<qint64>> attendees(qint64 itemId);

    // Number of programme items of the event.
    [[nodiscard]] DbResult<qint64> itemCount(qint64 eventId);
    // Number of guest–session links among the event's items.
    [[nodiscard]] DbResult<qint64> linkCount(qint64 eventId);

private:
    Database &m_db;
};

} // namespace checkin::db
