#pragma once

#include <QObject>
#include <QString>
#include <QThread>

#include <chrono>

class QTimer;

namespace checkin {

// The kiosk's rotating online backups (BackupSchedule) on a thread of their own, so a copy never delays a scan:
// one right after start, then one every interval, each on its own short-lived connection.
class KioskBackups : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KioskBackups)

public:
    KioskBackups(QString databasePath, int eventNumber, std::chrono::minutes interval, QObject *parent = nullptr);
    // Stops the thread; a backup in progress finishes first.
    ~KioskBackups() override;

    // Starts the thread and takes the first backup.
    void start();

private:
    void takeBackup();

    QString m_databasePath;
    int m_eventNumber;
    QThread m_thread;
    QTimer *m_timer; // lives in m_thread
};

} // namespace checkin
