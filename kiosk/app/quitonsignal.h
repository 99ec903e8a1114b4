#pragma once

#include <QObject>

class QSocketNotifier;

namespace checkin {

// Quits the application's event loop on SIGTERM or SIGINT (systemd stopping the kiosk, Ctrl+C), so that main's
// destructors run: the print worker finishes the job in hand and the databases close. A signal handler may do
// almost nothing, so it only writes a byte to a socket pair that the event loop watches. One per process.
class QuitOnSignal : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuitOnSignal)

public:
    // Installs the handlers for SIGTERM and SIGINT; the destructor restores the defaults.
    explicit QuitOnSignal(QObject *parent = nullptr);
    ~QuitOnSignal() override;

private:
    static void handle(int signal);

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace checkin
