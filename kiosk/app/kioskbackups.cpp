#include "kiosk/app/kioskbackups.h"

#include "kiosk/storage/backupschedule.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QTimer>

Q_DECLARE_LOGGING_CATEGORY(lcKiosk)

namespace checkin {

KioskBackups::KioskBackups(QString databasePath, int eventNumber, std::chrono::minutes interval, QObject *parent)
    : QObject(parent)
    , m_databasePath(std::move(databasePath))
    , m_eventNumber(eventNumber)
    , m_timer(new QTimer) // no parent: it moves to m_thread
{
    m_thread.setObjectName(QStringLiteral("backups"));
    m_timer->setInterval(interval);
    m_timer->moveToThread(&m_thread);
    // The timer's own thread runs the copy: the context object decides where the lambda runs.
    connect(m_timer, &QTimer::timeout, m_timer, [this] { takeBackup(); });
    connect(&m_thread, &QThread::started, m_timer, [this] {
        takeBackup();
        m_timer->start();
    });
}

KioskBackups::~KioskBackups()
{
    if (m_thread.isRunning()) {
        QMetaObject::invokeMethod(m_timer, &QTimer::stop, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    delete m_timer;
}

void KioskBackups::start()
{
    m_thread.start(QThread::LowPriority);
}

// Runs on m_thread.
void KioskBackups::takeBackup()
{
    BackupSchedule schedule(m_databasePath);
    auto backup = schedule.takeBackup(m_eventNumber, QDateTime::currentDateTimeUtc());
    if (backup)
        qCInfo(lcKiosk) << "Backup written:" << backup->path;
    else
        qCWarning(lcKiosk) << "Backup failed:" << backup.error();
}

} // namespace checkin
