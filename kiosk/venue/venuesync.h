#pragma once

#include "db/records.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <memory>

namespace checkin::db {
class Database;
}

namespace checkin {

// A guest whose check-in badge was printed at more than one kiosk (two kiosks offline, or not yet synced).
struct VenueDoubleBadge
{
    QString externalId;
    QString name;
    QStringList kiosks;
};

// What one sync round did, and the state a kiosk shows (online, last sync, records waiting).
struct VenueSyncRound
{
    bool online = false;      // the round reached the venue database and finished
    QString error;            // why not, as a sentence for staff (empty when online)
    bool unreachable = false; // the server did not answer (keep working offline; the next round retries)
    int attendanceLive = 0;
    int attendanceDuplicates = 0;
    int attendanceAnnulled = 0;
    int attendanceAlready = 0;
    int scans = 0;
    int staffActions = 0;
    int printJobs = 0;
    int annulmentsSent = 0;     // check-ins annulled here after they were sent, now annulled there too
    int revocationsSent = 0;    // invitations revoked here that the venue database now has revoked too
    int revocationsApplied = 0; // invitations revoked here because the venue database has them revoked
    int guestsAdded = 0;        // pulled: guests new to this file, guests whose details changed, invitations new here
    int guestsUpdated = 0;
    int invitationsAdded = 0;
    int sessionsChanged = 0; // pulled programme: sessions added or updated, guest–session links added or removed
    int sessionLinksChanged = 0;
    QList<VenueDoubleBadge> doubleBadges; // venue-wide, after the round (staff should look at these guests' badges)
    qint64 waiting = 0;                   // this kiosk's records not yet in the venue database, after the round
    QDateTime finishedAt;                 // UTC
};

// The kiosk's offline-first sync with the venue database: check-ins always commit to the local SQLite file first;
// a round sends what the venue database does not have yet and brings back what changed there.
//
// Push: invitations revoked on this kiosk (so every other kiosk pulls them); check-ins annulled here after they
// were sent; then, after the pull, attendance, scan log, staff actions and print job states of the kiosk's event, in
// batches, each batch in one venue transaction keyed by the rows' uids (idempotent). Only after the venue commits are
// the local marks (VenueOutboxStore) moved, so a kiosk killed in between sends the same batch again and the venue adds
// nothing. Pull: guests and invitations changed since the last pulled change number (a late registration, a reissued
// invitation); a revoked one is revoked here too, so the next scan of it is refused; and the programme (sessions, who
// attends which). Nothing is deleted on either side. Conflicts between kiosks (the same guest checked in on the same
// day at two kiosks while offline) are settled in the venue database: the earliest scan holds the live row, the other
// is kept as a duplicate; the kiosks' own files keep what they recorded.
class VenueSync
{
public:
    // Rows of each kind per venue transaction.
    static constexpr int kBatchSize = 500;
    // How long a round reuses the venue's list of badges printed at two kiosks when it sent no print job itself.
    static constexpr int kDoubleBadgesSeconds = 10;

    // Syncs event of local as kiosk kioskId with the venue database at conninfo (a libpq connection string).
    VenueSync(db::Database &local, db::EventRecord event, QString kioskId, QString conninfo);
    ~VenueSync();
    VenueSync(const VenueSync &) = delete;
    VenueSync &operator=(const VenueSync &) = delete;

    // One round: connect if needed (once more within the round when a kept connection turns out dead), push this
    // kiosk's revocations and annulments, pull, then push the records that were waiting when the round began (not
    // those that arrive meanwhile: a round stays short in a rush). Never throws and never blocks longer than the
    // connect timeout on a dead server; a failed round keeps what it had already sent and the next one goes on.
    [[nodiscard]] VenueSyncRound syncOnce();
    // Records waiting to be sent, from the local file alone (no network).
    [[nodiscard]] qint64 waiting();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace checkin
