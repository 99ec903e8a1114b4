#pragma once

#include <QElapsedTimer>
#include <QObject>

class QQuickWindow;

namespace checkin {

class KioskController;

// Tells whoever started the kiosk (a supervisor, bench_kiosk) the moment it can take a scan: the check-in database is
// open on the worker thread (the controller is ready) and the screens are loaded and drawn once. Prints one line
// `ready <ms since main() began>` on standard output, or `not-ready <why>` when the database cannot be used; with
// quit, then ends the event loop (exit status 0 ready, 1 not).
class ReadyReport : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReadyReport)

public:
    /// Watches controller and window (create it before the window is shown); sinceStart runs from main()'s start.
    ReadyReport(KioskController &controller, QQuickWindow &window, QElapsedTimer sinceStart, bool quit,
                QObject *parent = nullptr);

private:
    void check();

    KioskController &m_controller;
    QElapsedTimer m_sinceStart;
    bool m_quit = false;
    bool m_drawn = false;
    bool m_reported = false;
};

} // namespace checkin
