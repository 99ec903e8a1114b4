#include "kiosk/app/kiosksync.h"

#include "db/database.h"
#include "kiosk/venue/venuesync.h"

#include <QLoggingCategory>
#include <QTimer>
#include <QVariantMap>

Q_DECLARE_LOGGING_CATEGORY(lcKiosk)

using namespace Qt::StringLiterals;

namespace checkin {

KioskSync::KioskSync(QString databasePath, db::EventRecord event, QString kioskId, QString conninfo,
                     std::chrono::milliseconds interval, QObject *parent)
    : QObject(parent)
    , m_databasePath(std::move(databasePath))
    , m_event(std::move(event))
    , m_kioskId(std::move(kioskId))
    , m_conninfo(std::move(conninfo))
    , m_timer(new QTimer) // no parent: it moves to m_thread
{
    m_thread.setObjectName(u"venue-sync"_s);
    // Single shot, restarted after each round: a round that waits on a dead server never piles up behind itself.
    m_timer->setSingleShot(true);
    m_timer->setInterval(interval);
    m_timer->moveToThread(&m_thread);
    connect(m_timer, &QTimer::timeout, m_timer, [this] { runRound(); });
    connect(&m_thread, &QThread::started, m_timer, [this] { runRound(); });
}

KioskSync::~KioskSync()
{
    if (m_thread.isRunning()) {
        QMetaObject::invokeMethod(
            m_timer,
            [this] {
                m_timer->stop();
                m_sync.reset();
                m_db.reset();
            },
            Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    delete m_timer;
}

void KioskSync::start()
{
    m_thread.start(QThread::LowPriority);
}

void KioskSync::syncSoon()
{
    // Queued behind a round in progress; a round that has not started yet (before start()) is left to start().
    QMetaObject::invokeMethod(m_timer, [this] {
        if (m_timer->isActive()) {
            m_timer->stop();
            runRound();
        }
    });
}

// Runs on m_thread.
void KioskSync::runRound()
{
    bool online = false;
    qint64 waiting = -1;
    QString error;
    QDateTime at = QDateTime::currentDateTimeUtc();
    QVariantList doubles;
    if (!m_sync) {
        auto opened = db::Database::open(m_databasePath);
        if (opened) {
            m_db = std::move(*opened);
            m_sync = std::make_unique<VenueSync>(*m_db, m_event, m_kioskId, m_conninfo);
        } else {
            error = opened.error().message;
        }
    }
    if (m_sync) {
        const VenueSyncRound round = m_sync->syncOnce();
        online = round.online;
        waiting = round.waiting;
        error = round.error;
        at = round.finishedAt;
        for (const VenueDoubleBadge &b : round.doubleBadges) {
            doubles << QVariantMap{{u"externalId"_s, b.externalId}, {u"name"_s, b.name}, {u"kiosks"_s, b.kiosks}};
        }
        if (round.revocationsApplied > 0)
            qCInfo(lcKiosk) << "Venue sync: revocations applied:" << round.revocationsApplied;
    }
    QMetaObject::invokeMethod(
        this, [this, online, waiting, error, at, doubles] { onRound(online, waiting, error, at, doubles); });
    m_timer->start();
}

void KioskSync::onRound(bool online, qint64 waiting, const QString &error, const QDateTime &at,
                        const QVariantList &doubles)
{
    if (error != m_error && !error.isEmpty())
        qCWarning(lcKiosk) << "Venue sync:" << error;
    m_online = online;
    m_waiting = waiting;
    m_error = error;
    if (online)
        m_lastSync = at;
    ++m_rounds;
    Q_EMIT stateChanged(m_online, m_lastSync, m_waiting, m_error);
    if (online)
        Q_EMIT doubleBadgesChanged(doubles);
}

} // namespace checkin
