#pragma once

// The simulation's own look at both sides, to measure and to check the outcome: what the venue database holds and
// what a kiosk's file holds. The SQL here reads (and, for the revocations, writes the venue database the way
// tst_venuesync does); it is benchmark code, not part of the kiosk.

#include "db/database.h"
#include "db/venue/venueconnection.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <memory>

namespace checkin::venuesim {

// Counts of the event in the venue database.
struct VenueTotals
{
    qint64 attendance = 0;
    qint64 live = 0; // not annulled, not a duplicate
    qint64 duplicates = 0;
    qint64 guestDaysTwiceLive = 0; // (guest, day) pairs with more than one live row: must be 0
    qint64 scans = 0;
    qint64 duplicateScans = 0;
    qint64 printJobs = 0;
    qint64 revoked = 0;
    qint64 databaseBytes = 0;
};

// One statement's cost as pg_stat_statements counted it (top-level statements, all sessions).
struct StatementCost
{
    QString query;
    qint64 calls = 0;
    double meanMs = 0;
    double totalSeconds = 0;
};

class VenueProbe
{
public:
    explicit VenueProbe(std::unique_ptr<venue::VenueConnection> conn)
        : m_conn(std::move(conn))
    {
    }

    // The venue's id of event number.
    [[nodiscard]] venue::VenueResult<qint64> eventId(int number);
    // Revokes the invitation tokenId as the venue's staff would (under the change lock every writer of the pulled
    // tables takes, so kiosks' pulls cannot miss it); returns the wall µs just after the commit.
    [[nodiscard]] venue::VenueResult<qint64> revoke(qint64 eventId, const QByteArray &tokenId);
    [[nodiscard]] venue::VenueResult<VenueTotals> totals(qint64 eventId);
    // Starts counting statements (the server must preload pg_stat_statements).
    [[nodiscard]] venue::VenueResult<void> countStatements();
    // The statements that took the most server time in all, with their calls and mean time.
    [[nodiscard]] venue::VenueResult<QList<StatementCost>> costliestStatements(int limit);
    // When an attendance row reached the venue database, in wall µs: received_at (now(), the start of the push
    // transaction, which may then wait for the attendance lock) and the commit of the transaction that last wrote
    // the row (track_commit_timestamp; the insert's own commit unless the live slot changed hands later; 0 unknown).
    struct Arrival
    {
        qint64 receivedUs = 0;
        qint64 committedUs = 0;
    };
    [[nodiscard]] venue::VenueResult<QHash<QString, Arrival>> attendanceArrivals(qint64 eventId);
    [[nodiscard]] venue::VenueResult<QSet<QString>> scanUids(qint64 eventId);
    // "external id|YYYY-MM-DD" of every live attendance row.
    [[nodiscard]] venue::VenueResult<QSet<QString>> liveGuestDays(qint64 eventId);

private:
    venue::VenueResult<qint64> count(const char *sql, qint64 eventId);

    std::unique_ptr<venue::VenueConnection> m_conn;
};

// How far a kiosk's file goes: the newest row of each kind pushed kiosks send (the backlog at a moment).
struct KioskHighWater
{
    qint64 attendance = 0;
    qint64 scans = 0;
    QString printJobAt;
    qint64 printJobId = 0;
};

// What a kiosk's own file holds, read over a connection of the caller's thread.
class KioskFileProbe
{
public:
    explicit KioskFileProbe(std::unique_ptr<db::Database> db)
        : m_db(std::move(db))
    {
    }

    [[nodiscard]] db::Database &db() { return *m_db; }
    [[nodiscard]] db::DbResult<KioskHighWater> highWater();
    // True once the kiosk's sent marks cover everything up to mark.
    [[nodiscard]] db::DbResult<bool> sentUpTo(const KioskHighWater &mark);
    // Records waiting to be sent (all kinds), as VenueSync::waiting() counts them.
    [[nodiscard]] db::DbResult<qint64> waiting(qint64 eventId);
    [[nodiscard]] db::DbResult<qint64> attendanceRows();
    [[nodiscard]] db::DbResult<qint64> printJobs();
    [[nodiscard]] db::DbResult<QSet<QString>> attendanceUids();
    [[nodiscard]] db::DbResult<QSet<QString>> scanUids();
    // "external id|YYYY-MM-DD" of every attendance row not annulled.
    [[nodiscard]] db::DbResult<QSet<QString>> guestDays();

private:
    db::DbResult<QSet<QString>> column(db::DbResult<db::Statement> stmt);
    db::DbResult<qint64> number(db::DbResult<db::Statement> stmt);

    std::unique_ptr<db::Database> m_db;
};

} // namespace checkin::venuesim
