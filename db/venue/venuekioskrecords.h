#pragma once

#include "db/venue/venueconnection.h"

#include "db/venueoutboxstore.h"

#include <QStringList>

namespace checkin::venue {

// One round of a kiosk's own rows for the venue database.
struct KioskPushBatch
{
    QString kioskId;
    QList<db::OutboxAttendance> attendance;
    QList<db::OutboxScan> scans;
    QList<db::OutboxStaffAction> staffActions;
    QList<db::OutboxPrintJob> printJobs;
};

// A guest whose first-day badge was printed at more than one kiosk (while they could not see each other's jobs).
struct DoubleBadge
{
    QString externalId;
    QString displayName;
    QStringList kiosks;
};

// What a push did: rows new to the venue database, and what became of the new attendance rows.
struct KioskPushResult
{
    int attendanceLive = 0;       // new rows that hold the guest's live slot for the day (earliest scan)
    int attendanceDuplicates = 0; // new rows kept with duplicate_of: another kiosk scanned the guest earlier
    int attendanceAnnulled = 0;   // new rows already annulled on the kiosk
    int attendanceAlready = 0;    // sent before (a repeated push after a crash): left as they were
    int scans = 0;                // new scan log rows (the others were there already)
    int staffActions = 0;
    int printJobs = 0; // print job rows new or with a newer state
};

// Guests and invitations changed since a kiosk's last pull, read in one snapshot.
struct VenuePull
{
    QList<db::GuestRecord> guests;           // eventId and id left 0: the kiosk matches them by external id
    QList<db::PulledInvitation> invitations; // revoked ones included
    db::PulledProgramme programme;
    qint64 lastSeq = 0; // the change_seq to pull after next time
};

// The venue side of a kiosk's sync: its records in, the venue's changes out. Every call is idempotent.
class VenueKioskRecords
{
public:
    explicit VenueKioskRecords(VenueConnection &venue)
        : m_venue(venue)
    {
    }

    // The venue's row id of event number with public key verifyKey. Conflict when the event was never pushed
    // (or was pushed from another event database).
    [[nodiscard]] VenueResult<qint64> eventId(int number, const QByteArray &verifyKey);
    // Writes the batch in one transaction (all of it or none), rows keyed by their uid so a batch sent again adds
    // nothing. Attendance follows venue_push_attendance (schema v2): one live row per guest per day venue-wide, the
    // earliest scan wins, the others are kept with duplicate_of and their scan log rows marked duplicate. Records the
    // kiosk as seen. A guest the venue database does not know is refused (Conflict) with nothing written.
    [[nodiscard]] VenueResult<KioskPushResult> push(qint64 eventId, const KioskPushBatch &batch);
    // Annuls in the venue database the attendance rows (uid, annulled at, reason) a kiosk annulled after sending
    // them (venue_push_attendance's counterpart, schema v2: the earliest duplicate takes an annulled live row's slot)
    // and re-marks the scans concerned; returns how many rows it annulled. Rows not in the venue database yet are
    // left for the ordinary push, which sends them annulled.
    [[nodiscard]] VenueResult<int> pushAnnulments(qint64 eventId, const QList<db::AttendanceRecord> &annulled);
    // Revokes in the venue database the invitations (token id, revoked at) that a kiosk revoked and that are still
    // active there, under the change lock so other kiosks pull them; returns how many it revoked. A revocation is
    // one-way: nothing here makes an invitation active again.
    [[nodiscard]] VenueResult<int> pushRevocations(qint64 eventId,
                                                   const QList<std::pair<QByteArray, QString>> &revoked);
    // Guests of the event whose check-in badge (not a reprint) was sent to a printer at two kiosks or more: flagged on
    // the staff dashboard, never settled silently.
    [[nodiscard]] VenueResult<QList<DoubleBadge>> doubleBadges(qint64 eventId);
    // Guests, invitations, sessions and guest–session links of the event changed after change number sinceSeq, in one
    // snapshot (REPEATABLE READ: a row committed between two reads can never fall under the returned mark unseen), and
    // records the pull for the kiosk.
    [[nodiscard]] VenueResult<VenuePull> pullChanges(qint64 eventId, qint64 sinceSeq, const QString &kioskId);

private:
    VenueResult<void> markDuplicateScans(qint64 eventId, const QStringList &attendanceUids,
                                         const QStringList &scanUids);

    VenueConnection &m_venue;
};

} // namespace checkin::venue
