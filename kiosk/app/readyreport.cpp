#include "kiosk/app/readyreport.h"

#include "kiosk/app/kioskcontroller.h"

#include <QCoreApplication>
#include <QQuickWindow>

#include <cstdio>

namespace checkin {

ReadyReport::ReadyReport(KioskController &controller, QQuickWindow &window, QElapsedTimer sinceStart, bool quit,
                         QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_sinceStart(sinceStart)
    , m_quit(quit)
{
    connect(&controller, &KioskController::readyChanged, this, &ReadyReport::check);
    // frameSwapped comes from the render thread with the threaded render loop: queued, so check() runs here.
    connect(
        &window, &QQuickWindow::frameSwapped, this,
        [this] {
            m_drawn = true;
            check();
        },
        Qt::QueuedConnection);
    check();
}

void ReadyReport::check()
{
    if (m_reported)
        return;
    const bool failed = !m_controller.isReady() && !m_controller.serviceError().isEmpty();
    if (!failed && !(m_controller.isReady() && m_drawn))
        return;
    m_reported = true;
    if (failed)
        std::printf("not-ready %s\n", qPrintable(m_controller.serviceError()));
    else
        std::printf("ready %lld\n", static_cast<long long>(m_sinceStart.elapsed()));
    std::fflush(stdout);
    if (m_quit)
        QCoreApplication::exit(failed ? 1 : 0);
}

} // namespace checkin
