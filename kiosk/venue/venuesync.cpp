#include "kiosk/venue/venuesync.h"

#include "db/venue/venueconnection.h"
#include "db/venue/venuekioskrecords.h"
#include "db/venue/venueschema.h"
#include "db/venueoutboxstore.h"

#include "db/database.h"

#include <QElapsedTimer>

using namespace Qt::StringLiterals;

namespace checkin {

struct VenueSync::Impl
{
    db::Database &local;
    db::EventRecord event;
    QString kioskId;
    QString conninfo;
    std::unique_ptr<venue::VenueConnection> conn;
    qint64 venueEventId = 0;
    QList<VenueDoubleBadge> doubleBadges; // the venue's answer, asked again by doubleBadgesDue()
    QElapsedTimer doubleBadgesAge;

    // Connects (once; again after a lost connection) and checks the schema and the event.
    venue::VenueResult<void> connect()
    {
        if (conn)
            return {};
        auto opened = venue::VenueConnection::open(conninfo);
        if (!opened)
            return std::unexpected(opened.error());
        auto version = venue::VenueSchema::check(**opened);
        if (!version)
            return std::unexpected(version.error());
        if (*version < 2) {
            return std::unexpected(venue::VenueError{
                venue::VenueError::Kind::NotInitialised,
                u"The venue database has schema version %1; kiosk sync needs version 2. Run 'checkinctl venue init' "
                "once with this version of ietf-checkin."_s.arg(*version),
                {}});
        }
        auto id = venue::VenueKioskRecords(**opened).eventId(event.number, event.verifyKey);
        if (!id)
            return std::unexpected(id.error());
        venueEventId = *id;
        conn = std::move(*opened);
        return {};
    }

    qint64 waiting()
    {
        db::VenueOutboxStore outbox(local);
        auto marks = outbox.marks();
        if (!marks)
            return -1;
        return outbox.waiting(event.id, *marks).value_or(-1);
    }

    // The badges printed at two kiosks are asked for after a round that sent print job states of this kiosk, and
    // otherwise at most every kDoubleBadgesSeconds: the query reads every check-in badge of the event, and 20 kiosks
    // asking it every 2 s was a measurable share of the venue server's time (bench_venue_sim).
    bool doubleBadgesDue(int printJobsSent) const
    {
        return printJobsSent > 0 || !doubleBadgesAge.isValid()
               || doubleBadgesAge.hasExpired(qint64(kDoubleBadgesSeconds) * 1000);
    }

    VenueSyncRound round();
};

VenueSync::VenueSync(db::Database &local, db::EventRecord event, QString kioskId, QString conninfo)
    : d(std::make_unique<Impl>(Impl{local, std::move(event), std::move(kioskId), std::move(conninfo), {}, 0, {}, {}}))
{
}

VenueSync::~VenueSync() = default;

qint64 VenueSync::waiting()
{
    return d->waiting();
}

VenueSyncRound VenueSync::syncOnce()
{
    // A connection kept from the last round may have died since (the server restarted in between): its first use
    // fails as unreachable. One fresh connection within the round saves waiting a whole interval for the next.
    const bool reusing = d->conn != nullptr;
    VenueSyncRound round = d->round();
    if (reusing && round.unreachable)
        round = d->round();
    return round;
}

VenueSyncRound VenueSync::Impl::round()
{
    VenueSyncRound round;
    auto finish = [&](const QString &error, bool unreachable) {
        round.error = error;
        round.unreachable = unreachable;
        round.online = error.isEmpty();
        round.waiting = waiting();
        round.finishedAt = QDateTime::currentDateTimeUtc();
        return round;
    };
    auto venueFailed = [&](const venue::VenueError &e) {
        // Drop the connection after any venue error: the next round starts clean (a lost link, a restarted server).
        conn.reset();
        return finish(e.message, e.isUnreachable());
    };
    auto localFailed = [&](const db::DbError &e) {
        return finish(u"Reading or writing this kiosk's database for the venue sync failed: %1"_s.arg(e.message),
                      false);
    };

    if (auto ok = connect(); !ok)
        return venueFailed(ok.error());
    venue::VenueKioskRecords venueRecords(*conn);
    db::VenueOutboxStore outbox(local);
    auto marks = outbox.marks();
    if (!marks)
        return localFailed(marks.error());

    // Revocations first: the one kind of change that other kiosks must act on at once.
    auto revokedHere = outbox.revokedInvitations(event.id);
    if (!revokedHere)
        return localFailed(revokedHere.error());
    auto revocationsSent = venueRecords.pushRevocations(venueEventId, *revokedHere);
    if (!revocationsSent)
        return venueFailed(revocationsSent.error());
    round.revocationsSent = *revocationsSent;
    auto annulledHere = outbox.annulledAttendance(event.id);
    if (!annulledHere)
        return localFailed(annulledHere.error());
    auto annulmentsSent = venueRecords.pushAnnulments(venueEventId, *annulledHere);
    if (!annulmentsSent)
        return venueFailed(annulmentsSent.error());
    round.annulmentsSent = *annulmentsSent;

    // Then what changed in the venue database (revocations made elsewhere above all): before this kiosk's records,
    // so a long push can never hold a revocation back.
    auto since = outbox.pulledSeq();
    if (!since)
        return localFailed(since.error());
    auto pulled = venueRecords.pullChanges(venueEventId, *since, kioskId);
    if (!pulled)
        return venueFailed(pulled.error());
    auto applied = outbox.applyPull(event.id, pulled->guests, pulled->invitations, pulled->programme, pulled->lastSeq);
    if (!applied)
        return localFailed(applied.error());
    round.revocationsApplied = applied->revoked;
    round.guestsAdded = applied->guestsAdded;
    round.guestsUpdated = applied->guestsUpdated;
    round.invitationsAdded = applied->invitationsAdded;
    round.sessionsChanged = applied->sessionsChanged;
    round.sessionLinksChanged = applied->linksChanged;

    // This kiosk's records, at most as many as were waiting when the round began: during a rush check-ins come in
    // faster than a batch goes, and an unbounded loop ran for 7-13 s (bench_venue_sim); rows that arrive meanwhile
    // go with the next round, one interval later.
    auto budget = outbox.waiting(event.id, *marks);
    if (!budget)
        return localFailed(budget.error());
    for (qint64 sent = 0; sent < *budget;) {
        venue::KioskPushBatch batch;
        batch.kioskId = kioskId;
        auto attendance = outbox.attendanceAfter(event.id, marks->attendance, kBatchSize);
        if (!attendance)
            return localFailed(attendance.error());
        auto scans = outbox.scansAfter(event.id, marks->scans, kBatchSize);
        if (!scans)
            return localFailed(scans.error());
        auto actions = outbox.staffActionsAfter(event.id, marks->staffActions, kBatchSize);
        if (!actions)
            return localFailed(actions.error());
        auto printJobs = outbox.printJobsAfter(event.id, marks->printJobsAt, marks->printJobsId, kBatchSize);
        if (!printJobs)
            return localFailed(printJobs.error());
        if (attendance->isEmpty() && scans->isEmpty() && actions->isEmpty() && printJobs->isEmpty())
            break;
        batch.printJobs = std::move(*printJobs);
        batch.attendance = std::move(*attendance);
        batch.scans = std::move(*scans);
        batch.staffActions = std::move(*actions);
        auto pushed = venueRecords.push(venueEventId, batch);
        if (!pushed)
            return venueFailed(pushed.error());
        round.attendanceLive += pushed->attendanceLive;
        round.attendanceDuplicates += pushed->attendanceDuplicates;
        round.attendanceAnnulled += pushed->attendanceAnnulled;
        round.attendanceAlready += pushed->attendanceAlready;
        round.scans += pushed->scans;
        round.staffActions += pushed->staffActions;
        round.printJobs += pushed->printJobs;
        // The venue has committed the batch: only now move the marks (a crash before this line sends it again,
        // which the venue ignores row by row).
        if (!batch.attendance.isEmpty())
            marks->attendance = batch.attendance.last().rowId;
        if (!batch.scans.isEmpty())
            marks->scans = batch.scans.last().rowId;
        if (!batch.staffActions.isEmpty())
            marks->staffActions = batch.staffActions.last().rowId;
        if (!batch.printJobs.isEmpty()) {
            marks->printJobsAt = batch.printJobs.last().row.updatedAt;
            marks->printJobsId = batch.printJobs.last().row.id;
        }
        if (auto ok = outbox.setMarks(*marks); !ok)
            return localFailed(ok.error());
        sent += batch.attendance.size() + batch.scans.size() + batch.staffActions.size() + batch.printJobs.size();
    }

    if (doubleBadgesDue(round.printJobs)) {
        auto doubles = venueRecords.doubleBadges(venueEventId);
        if (!doubles)
            return venueFailed(doubles.error());
        doubleBadges.clear();
        for (const venue::DoubleBadge &b : *doubles)
            doubleBadges << VenueDoubleBadge{b.externalId, b.displayName, b.kiosks};
        doubleBadgesAge.start();
    }
    round.doubleBadges = doubleBadges;
    return finish({}, false);
}

} // namespace checkin
