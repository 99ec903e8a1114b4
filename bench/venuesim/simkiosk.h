#pragma once

#include "bench/venuesim/programme.h"

#include "db/records.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace checkin::venuesim {

// Wall-clock microseconds since the epoch: the clock PostgreSQL's now() reads on this machine, so the kiosks' commit
// times and the venue's received_at can be subtracted.
[[nodiscard]] qint64 wallMicros();

// The compressed clock: simulated milliseconds since the programme opened ↔ wall-clock moments.
class Timeline
{
public:
    Timeline(std::chrono::steady_clock::time_point start, double compress)
        : m_start(start)
        , m_compress(compress)
    {
    }

    [[nodiscard]] std::chrono::steady_clock::time_point wallAt(qint64 simMs) const
    {
        return m_start + std::chrono::microseconds(qint64(double(simMs) * 1000.0 / m_compress));
    }
    [[nodiscard]] qint64 simNow() const
    {
        const auto elapsed = std::chrono::steady_clock::now() - m_start;
        return qint64(std::chrono::duration<double, std::milli>(elapsed).count() * m_compress);
    }
    [[nodiscard]] double compress() const { return m_compress; }

private:
    std::chrono::steady_clock::time_point m_start;
    double m_compress;
};

// One sync round as the kiosk saw it.
struct RoundStat
{
    qint64 startUs = 0;
    qint64 endUs = 0;
    int records = 0; // rows new to the venue database (attendance, scans, staff actions, print job states)
    bool online = false;
    qint64 waiting = 0;
};

// What a kiosk measured, read once its threads have stopped.
struct KioskFigures
{
    std::vector<std::pair<QString, qint64>> committed; // attendance uid → wall µs when the check-in committed here
    std::vector<qint64> checkInAtUs;                   // wall µs of every scan's commit (refusals included)
    std::vector<qint64> latenessUs;                    // how far each scan ran behind its planned wall moment
    std::array<int, 10> outcomes{};                    // by OutcomeKind
    std::vector<RoundStat> rounds;
    QHash<QByteArray, qint64> revokedSeenUs; // token id → end of the round that revoked it in this kiosk's file
    QHash<QString, qint64> confirmedUs;      // attendance uid → end of the round after which the kiosk had it sent
    QString error;                           // the first failure, as a sentence
};

// One kiosk as the app runs it: its own SQLite file, check-ins on one thread (CheckInService, real signed
// invitations, commit never waits for the venue), VenueSync::syncOnce() every interval on another thread, the next
// round timed from the end of the last, like KioskSync.
class SimKiosk
{
public:
    SimKiosk(QString kioskId, QString dbPath, db::EventRecord event, QString conninfo, std::vector<PlannedScan> scans,
             const QStringList &tokens, std::chrono::milliseconds syncInterval);
    ~SimKiosk();
    SimKiosk(const SimKiosk &) = delete;
    SimKiosk &operator=(const SimKiosk &) = delete;

    // Starts the sync thread (before the programme: its first round pulls every guest, as a kiosk set up the day
    // before would have).
    void startSync();
    // Starts the check-in thread on timeline.
    void startCheckIns(const Timeline &timeline);
    void joinCheckIns();
    // Stops the sync loop after its current round.
    void stopSync();

    [[nodiscard]] const QString &id() const { return m_id; }
    [[nodiscard]] const QString &dbPath() const { return m_dbPath; }
    [[nodiscard]] int plannedScans() const { return int(m_scans.size()); }
    [[nodiscard]] int scansDone() const { return m_scansDone.load(); }
    [[nodiscard]] bool checkInsFinished() const { return m_checkInsFinished.load(); }
    [[nodiscard]] int onlineRounds() const { return m_onlineRounds.load(); }
    [[nodiscard]] qint64 lastWaiting() const { return m_lastWaiting.load(); }
    [[nodiscard]] bool lastOnline() const { return m_lastOnline.load(); }
    // Valid once both threads have stopped.
    [[nodiscard]] const KioskFigures &figures() const { return m_figures; }

private:
    void checkInLoop(const Timeline &timeline);
    void syncLoop();
    void fail(const QString &message);

    QString m_id;
    QString m_dbPath;
    db::EventRecord m_event;
    QString m_conninfo;
    std::vector<PlannedScan> m_scans;
    const QStringList &m_tokens;
    std::chrono::milliseconds m_interval;

    KioskFigures m_figures; // check-in fields written by the check-in thread, sync fields by the sync thread
    std::mutex m_errorMutex;
    std::thread m_checkInThread;
    std::thread m_syncThread;
    std::mutex m_stopMutex;
    std::condition_variable m_stopChanged;
    bool m_stop = false;
    std::atomic<int> m_scansDone{0};
    std::atomic<bool> m_checkInsFinished{false};
    std::atomic<int> m_onlineRounds{0};
    std::atomic<qint64> m_lastWaiting{0};
    std::atomic<bool> m_lastOnline{false};
};

} // namespace checkin::venuesim
