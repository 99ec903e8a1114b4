#include "kiosk/app/kioskstaff.h"

#include "db/database.h"
#include "kiosk/staff/staffauth.h"

#include <QLocale>
#include <QLoggingCategory>

#include <memory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcStaff, "checkin.kiosk.staff")

namespace checkin {

KioskStaff::KioskStaff(QString databasePath, QString kioskId, qint64 eventId, QObject *parent)
    : QObject(parent)
    , m_databasePath(std::move(databasePath))
    , m_kioskId(std::move(kioskId))
    , m_eventId(eventId)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(kDefaultIdleTimeout);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcStaff) << "staff mode locked after" << m_idleTimer.interval() << "ms without activity";
        leaveStaffMode();
    });
}

KioskStaff::~KioskStaff()
{
    // Its finished() handler dies with this object: wait for the check, then delete the thread here.
    if (m_running) {
        m_running->wait();
        delete m_running.data();
    }
}

void KioskStaff::unlock(const QString &pin)
{
    check(pin, Purpose::Unlock);
}

void KioskStaff::confirm(const QString &pin)
{
    check(pin, Purpose::Confirm);
}

void KioskStaff::check(const QString &pin, Purpose purpose)
{
    if (m_running)
        return;
    auto result = std::make_shared<StaffVerifyResult>();
    // Its own connection on its own thread: connections are per thread here, and the hash check is slow.
    QThread *thread = QThread::create(
        [result, pin, path = m_databasePath, kioskId = m_kioskId, eventId = m_eventId, now = m_clock()] {
            auto db = db::Database::open(path);
            if (!db) {
                result->kind = StaffVerifyResult::Kind::Error;
                result->message = db.error().message;
            } else {
                StaffAuth auth(**db, kioskId);
                auth.setEventId(eventId);
                *result = auth.verify(pin, now);
            }
        });
    thread->setObjectName(u"staff-pin"_s);
    m_running = thread;
    // The thread object lives on the GUI thread: finished() reaches this by queued connection.
    connect(thread, &QThread::finished, this, [this, thread, result, purpose] {
        thread->deleteLater();
        m_running = nullptr;
        onVerified(*result, purpose);
    });
    thread->start();
    Q_EMIT staffChanged();
}

void KioskStaff::onVerified(const StaffVerifyResult &result, Purpose purpose)
{
    using Kind = StaffVerifyResult::Kind;
    switch (result.kind) {
    case Kind::Accepted:
        m_message.clear();
        if (purpose == Purpose::Confirm) {
            qCInfo(lcStaff) << "staff confirmed a manual lookup";
            Q_EMIT staffChanged();
            Q_EMIT confirmed();
            return;
        }
        qCInfo(lcStaff) << "staff mode unlocked";
        m_staffMode = true;
        m_pinPadOpen = false; // staff home replaces the pad
        m_idleTimer.start();
        break;
    case Kind::Rejected:
        m_message = tr("Wrong PIN. %n more attempt(s) before staff mode locks for a while.", "",
                       result.remainingBeforeLockout);
        break;
    case Kind::LockedOut:
        m_message = tr("Too many wrong PINs. Staff mode is locked until %1.")
                        .arg(QLocale().toString(result.lockedUntil.toLocalTime().time(), QLocale::ShortFormat));
        break;
    case Kind::NoPin:
        m_message = tr("Staff mode is not set up on this kiosk: run “checkinctl staff-pin set” first.");
        break;
    case Kind::Error:
        qCWarning(lcStaff) << "staff PIN check failed:" << result.message;
        m_message = tr("The PIN could not be checked: %1").arg(result.message);
        break;
    }
    Q_EMIT staffChanged();
}

void KioskStaff::openPinPad()
{
    if (m_pinPadOpen || m_staffMode)
        return;
    m_pinPadOpen = true;
    Q_EMIT staffChanged();
}

void KioskStaff::cancel()
{
    if (!m_pinPadOpen)
        return;
    m_pinPadOpen = false;
    m_message.clear(); // the next opening starts clean
    leaveStaffMode();
    Q_EMIT staffChanged();
}

void KioskStaff::lock()
{
    m_pinPadOpen = false;
    leaveStaffMode();
    Q_EMIT staffChanged();
}

void KioskStaff::leaveStaffMode()
{
    m_idleTimer.stop();
    if (!m_staffMode && m_message.isEmpty())
        return;
    m_staffMode = false;
    m_message.clear();
    Q_EMIT staffChanged();
}

void KioskStaff::enterForShowcase()
{
    if (m_staffMode)
        return;
    m_staffMode = true;
    m_pinPadOpen = false;
    m_message.clear();
    Q_EMIT staffChanged();
}

void KioskStaff::noteActivity()
{
    if (m_staffMode)
        m_idleTimer.start();
}

void KioskStaff::setIdleTimeout(int ms)
{
    m_idleTimer.setInterval(ms);
}

} // namespace checkin
