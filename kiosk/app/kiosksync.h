#pragma once

#include "db/records.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QThread>
#include <QVariantList>

#include <chrono>
#include <memory>

class QTimer;

namespace checkin::db {
class Database;
}

namespace checkin {

class VenueSync;
struct VenueSyncRound;

// The kiosk's venue sync loop (VenueSync) on a thread of its own, so a slow or dead network never delays a scan:
// check-ins commit to the local file first and the loop sends them when it can. A round right after start, then
// one every interval (default 2 s: a revocation made in the venue database reaches this kiosk within one interval and
// a round; one made at another kiosk, which sends it at once (syncSoon), within about the same), each on the
// thread's own database connection and venue connection.
class KioskSync : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KioskSync)

public:
    static constexpr std::chrono::milliseconds kDefaultInterval{2000};

    KioskSync(QString databasePath, db::EventRecord event, QString kioskId, QString conninfo,
              std::chrono::milliseconds interval = kDefaultInterval, QObject *parent = nullptr);
    // Stops the thread; a round in progress finishes first (at most the venue's connect timeout).
    ~KioskSync() override;

    // Starts the thread and the first round.
    void start();
    // Runs a round now instead of at the end of the interval (after the round in progress, if one is): a revocation
    // made here reaches the other kiosks one interval sooner.
    void syncSoon();

    // The state after the last round (read on the thread that owns this object).
    [[nodiscard]] bool isOnline() const { return m_online; }
    [[nodiscard]] QDateTime lastSync() const { return m_lastSync; } // UTC; invalid before the first good round
    [[nodiscard]] qint64 waiting() const { return m_waiting; }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] int rounds() const { return m_rounds; }

Q_SIGNALS:
    // After every round: online, the last good round's time, records waiting, the reason when not online.
    void stateChanged(bool online, const QDateTime &lastSync, qint64 waiting, const QString &error);
    // After every round that reached the venue: the guests whose check-in badge was printed at two kiosks or more,
    // as {externalId, name, kiosks} maps.
    void doubleBadgesChanged(const QVariantList &badges);

private:
    void runRound(); // on m_thread
    // On the owner's thread.
    void onRound(bool online, qint64 waiting, const QString &error, const QDateTime &at, const QVariantList &doubles);

    QString m_databasePath;
    db::EventRecord m_event;
    QString m_kioskId;
    QString m_conninfo;
    QThread m_thread;
    QTimer *m_timer;                   // lives in m_thread
    std::unique_ptr<VenueSync> m_sync; // made and used on m_thread
    std::unique_ptr<db::Database> m_db;

    bool m_online = false;
    QDateTime m_lastSync;
    qint64 m_waiting = 0;
    QString m_error;
    int m_rounds = 0;
};

} // namespace checkin
