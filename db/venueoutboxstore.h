#pragma once

#include "db/agendastore.h"
#include "db/database.h"
#include "db/records.h"

namespace checkin::db {

// One of the kiosk's own rows waiting to go to the venue database, with what the venue needs to name its guest and
// invitation (external id, token id) instead of this file's row ids.
struct OutboxAttendance
{
    qint64 rowId = 0;
    AttendanceRecord row;
    QString guestExternalId;
    QByteArray tokenId; // empty for a manual check-in
};

struct OutboxScan
{
    qint64 rowId = 0;
    ScanLogRecord row;
    QString guestExternalId; // empty when the scan named no guest
};

struct OutboxStaffAction
{
    qint64 rowId = 0;
    StaffActionRecord row;
    QString guestExternalId;
};

struct OutboxPrintJob
{
    PrintJobRecord row;
    QString guestExternalId;
};

// An invitation as the venue database holds it, for a pull.
struct PulledInvitation
{
    QString guestExternalId;
    QByteArray tokenId;
    QByteArray signature; // empty when the venue does not know it
    QString status;       // active | revoked
    QString issuedAt;
    QString revokedAt;
};

// A guest–session link as the venue database holds it: attending false once the organiser took the guest off.
struct PulledAttendee
{
    QString sourceId;
    QString guestExternalId;
    bool attending = true;
};

// The programme changes of a pull: sessions (eventId and id left 0, matched by source id) and links.
struct PulledProgramme
{
    QList<AgendaItemRecord> sessions;
    QList<PulledAttendee> attendees;
};

// What a pull changed in this file.
struct PullApplied
{
    int guestsAdded = 0;
    int guestsUpdated = 0;
    int invitationsAdded = 0;
    int revoked = 0;
    int sessionsChanged = 0; // added or updated
    int linksChanged = 0;    // guest–session links added or removed
};

// How far this file's rows have been sent to the venue database: every row of the kind with a row id up to the mark
// is in the venue database. Kept in the setting table (keys venue.sent.*), one mark per kind. A mark works because the
// three tables are append-only and SQLite writers take turns, so row ids commit in increasing order: a row committed
// later never has a smaller id than one already sent.
//
// Print jobs change state (queued, sent, printed, failed), so their mark is (updated_at, id) of the last job sent:
// a job is sent again whenever it changes. updated_at comes from this kiosk's clock; a clock set back by more than
// the time since the last sync could hold a job's new state back until it changes again.
struct OutboxMarks
{
    qint64 attendance = 0;
    qint64 scans = 0;
    qint64 staffActions = 0;
    QString printJobsAt;
    qint64 printJobsId = 0;
};

// The kiosk side of the venue sync: reads this file's rows not yet sent, moves the marks after the venue has them,
// and applies revocations pulled from the venue. Only rows of one event (and staff actions of no event) are sent.
class VenueOutboxStore
{
public:
    explicit VenueOutboxStore(Database &db)
        : m_db(db)
    {
    }

    // The marks as stored (zeros before the first sync).
    [[nodiscard]] DbResult<OutboxMarks> marks();
    // Moves the marks forward (one transaction).
    [[nodiscard]] DbResult<void> setMarks(const OutboxMarks &marks);
    // The venue change number up to which invitations have been pulled (0 before the first pull).
    [[nodiscard]] DbResult<qint64> pulledSeq();

    // Up to limit rows of each kind after the marks, oldest first.
    [[nodiscard]] DbResult<QList<OutboxAttendance>> attendanceAfter(qint64 eventId, qint64 mark, int limit);
    [[nodiscard]] DbResult<QList<OutboxScan>> scansAfter(qint64 eventId, qint64 mark, int limit);
    [[nodiscard]] DbResult<QList<OutboxStaffAction>> staffActionsAfter(qint64 eventId, qint64 mark, int limit);
    [[nodiscard]] DbResult<QList<OutboxPrintJob>> printJobsAfter(qint64 eventId, const QString &updatedAt, qint64 id,
                                                                 int limit);
    // How many rows of the event (all kinds) are after the marks: the records waiting to be sent.
    [[nodiscard]] DbResult<qint64> waiting(qint64 eventId, const OutboxMarks &marks);

    // Every annulled attendance row of the event: (uid, annulled at, reason). Sent each round; the venue database
    // annuls those it has and has not annulled yet (annulments are rare staff corrections, so no mark is kept).
    [[nodiscard]] DbResult<QList<AttendanceRecord>> annulledAttendance(qint64 eventId);
    // Every invitation of the event revoked in this file: (token id, revoked at). Sent each round; the venue
    // database revokes those still active there (a handful per event, so no mark is kept).
    [[nodiscard]] DbResult<QList<std::pair<QByteArray, QString>>> revokedInvitations(qint64 eventId);
    // Applies a pull in one transaction, then moves the pull mark to pulledSeq, so a crash half-way pulls the same
    // changes again. Guests are added or updated by external id (GuestStore::upsert); invitations revoked there are
    // revoked here (a revocation is one-way: a pulled 'active' never re-activates one revoked here); invitations new
    // to this file are added as the venue has them (one that would give a guest a second active invitation here is
    // skipped, as is one whose guest this file does not have).
    // Sessions are added or updated by source id (AgendaStore::upsert); a link is added, or removed when the venue
    // has it with attending false (the organiser's programme is the reference for who attends what).
    [[nodiscard]] DbResult<PullApplied> applyPull(qint64 eventId, const QList<GuestRecord> &guests,
                                                  const QList<PulledInvitation> &invitations,
                                                  const PulledProgramme &programme, qint64 pulledSeq);

private:
    Database &m_db;
};

} // namespace checkin::db
