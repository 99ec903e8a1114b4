#include "bench/venuesim/simkiosk.h"

#include "db/database.h"
#include "db/venueoutboxstore.h"
#include "kiosk/checkin/checkinservice.h"
#include "kiosk/venue/venuesync.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace checkin::venuesim {

qint64 wallMicros()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

SimKiosk::SimKiosk(QString kioskId, QString dbPath, db::EventRecord event, QString conninfo,
                   std::vector<PlannedScan> scans, const QStringList &tokens, std::chrono::milliseconds syncInterval)
    : m_id(std::move(kioskId))
    , m_dbPath(std::move(dbPath))
    , m_event(std::move(event))
    , m_conninfo(std::move(conninfo))
    , m_scans(std::move(scans))
    , m_tokens(tokens)
    , m_interval(syncInterval)
{
}

SimKiosk::~SimKiosk()
{
    stopSync();
    joinCheckIns();
}

void SimKiosk::startSync()
{
    m_syncThread = std::thread([this] { syncLoop(); });
}

void SimKiosk::startCheckIns(const Timeline &timeline)
{
    m_checkInThread = std::thread([this, timeline] { checkInLoop(timeline); });
}

void SimKiosk::joinCheckIns()
{
    if (m_checkInThread.joinable())
        m_checkInThread.join();
}

void SimKiosk::stopSync()
{
    {
        std::lock_guard lock(m_stopMutex);
        m_stop = true;
    }
    m_stopChanged.notify_all();
    if (m_syncThread.joinable())
        m_syncThread.join();
}

void SimKiosk::fail(const QString &message)
{
    std::lock_guard lock(m_errorMutex);
    if (m_figures.error.isEmpty())
        m_figures.error = m_id + u": "_s + message;
}

// Runs on the check-in thread, with a connection of its own (as the kiosk's KioskWorker has).
void SimKiosk::checkInLoop(const Timeline &timeline)
{
    auto db = db::Database::open(m_dbPath);
    if (!db) {
        fail(db.error().message);
        m_checkInsFinished = true;
        return;
    }
    CheckInService service(**db, m_event, m_id);
    m_figures.committed.reserve(m_scans.size());
    m_figures.checkInAtUs.reserve(m_scans.size());
    m_figures.latenessUs.reserve(m_scans.size());
    for (const PlannedScan &scan : m_scans) {
        const auto due = timeline.wallAt(scan.simMs);
        std::this_thread::sleep_until(due);
        m_figures.latenessUs.push_back(
            std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - due).count());
        const CheckInOutcome outcome = service.checkIn(
            m_tokens.at(scan.guest), QDateTime::fromMSecsSinceEpoch(scan.utcMs, Qt::UTC), u"camera"_s);
        // The moment the check-in is durable in this kiosk's file: where a sync lag starts.
        const qint64 committedAt = wallMicros();
        m_figures.checkInAtUs.push_back(committedAt);
        ++m_figures.outcomes[std::size_t(outcome.kind)];
        if (outcome.kind == OutcomeKind::Welcome || outcome.kind == OutcomeKind::WelcomeBack)
            m_figures.committed.emplace_back(outcome.checkinId, committedAt);
        else if (outcome.kind == OutcomeKind::SystemError)
            fail(u"check-in failed: "_s + outcome.message);
        ++m_scansDone;
    }
    m_checkInsFinished = true;
}

// Runs on the sync thread, with its own connection, like KioskSync::runRound.
void SimKiosk::syncLoop()
{
    auto db = db::Database::open(m_dbPath);
    if (!db) {
        fail(db.error().message);
        return;
    }
    VenueSync sync(**db, m_event, m_id, m_conninfo);
    db::VenueOutboxStore outbox(**db);
    qint64 confirmedMark = 0;
    for (;;) {
        RoundStat stat;
        stat.startUs = wallMicros();
        const VenueSyncRound round = sync.syncOnce();
        stat.endUs = wallMicros();
        stat.online = round.online;
        stat.waiting = round.waiting;
        stat.records = round.attendanceLive + round.attendanceDuplicates + round.attendanceAnnulled + round.scans
                       + round.staffActions + round.printJobs;
        m_figures.rounds.push_back(stat);
        m_lastWaiting = round.waiting;
        m_lastOnline = round.online;
        if (!round.online && !round.unreachable)
            fail(u"sync round failed: "_s + round.error);

        if (round.revocationsApplied > 0) {
            // The round's pull has committed the revocation to this file: from now on the kiosk refuses it.
            if (auto revoked = outbox.revokedInvitations(m_event.id)) {
                for (const auto &[tokenId, at] : *revoked) {
                    if (!m_figures.revokedSeenUs.contains(tokenId))
                        m_figures.revokedSeenUs.insert(tokenId, stat.endUs);
                }
            }
        }
        if (round.online) {
            // The kiosk's own view of its lag: a row counts as sent once the round that moved the mark past it ends.
            auto marks = outbox.marks();
            if (marks && marks->attendance > confirmedMark) {
                auto rows = outbox.attendanceAfter(m_event.id, confirmedMark, int(marks->attendance - confirmedMark));
                if (rows) {
                    for (const db::OutboxAttendance &row : *rows) {
                        if (row.rowId <= marks->attendance)
                            m_figures.confirmedUs.insert(row.row.uid, stat.endUs);
                    }
                }
                confirmedMark = marks->attendance;
            }
            ++m_onlineRounds;
        }

        std::unique_lock lock(m_stopMutex);
        if (m_stopChanged.wait_for(lock, m_interval, [this] { return m_stop; }))
            break;
    }
}

} // namespace checkin::venuesim
