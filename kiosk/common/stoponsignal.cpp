#include "kiosk/common/stoponsignal.h"

#include <QLoggingCategory>
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcSignals, "checkin.signals")

namespace checkin {

namespace {

int g_fds[2] = {-1, -1}; // [0] written by the handler, [1] read by the event loop

} // namespace

StopOnSignal::StopOnSignal(QObject *parent)
    : QObject(parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_fds) != 0) {
        qCWarning(lcSignals) << "cannot watch for SIGTERM: socketpair failed";
        return;
    }
    m_notifier = new QSocketNotifier(g_fds[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        char signal = 0;
        if (::read(g_fds[1], &signal, 1) != 1)
            return;
        qCInfo(lcSignals) << "signal" << int(signal) << "received: stopping";
        Q_EMIT received(int(signal));
    });
    struct sigaction action = {};
    action.sa_handler = &StopOnSignal::handle;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int signal : {SIGTERM, SIGINT})
        ::sigaction(signal, &action, nullptr);
}

StopOnSignal::~StopOnSignal()
{
    struct sigaction action = {};
    action.sa_handler = SIG_DFL;
    for (int signal : {SIGTERM, SIGINT})
        ::sigaction(signal, &action, nullptr);
    delete m_notifier;
    m_notifier = nullptr;
    for (int &fd : g_fds) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
}

// Async-signal-safe: write(2) only.
void StopOnSignal::handle(int signal)
{
    const char byte = char(signal);
    if (g_fds[0] >= 0) [[maybe_unused]]
        const auto written = ::write(g_fds[0], &byte, 1);
}

} // namespace checkin
