#pragma once

#include <QObject>

class QSocketNotifier;

namespace checkin {

// SIGTERM or SIGINT (systemd stopping a service, Ctrl+C) as a Qt signal on the event loop, so that a program stops
// between two pieces of work and its destructors run: the kiosk quits its event loop (the print job in hand
// finishes, the databases close), `checkinctl print-worker` stops between jobs, `checkinctl sync --interval` between
// rounds. A signal handler may do almost nothing, so it only writes a byte to a socket pair that the event loop
// watches. One per process; the destructor restores the default handlers.
class StopOnSignal : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StopOnSignal)

public:
    explicit StopOnSignal(QObject *parent = nullptr);
    ~StopOnSignal() override;

Q_SIGNALS:
    // SIGTERM or SIGINT arrived (its number).
    void received(int signal);

private:
    static void handle(int signal);

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace checkin
