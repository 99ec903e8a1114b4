#include "kiosk/app/guestlookup.h"

#include "kiosk/app/guestdirectory.h"
#include "kiosk/app/kioskstaff.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcKiosk)

namespace checkin {

GuestLookup::GuestLookup(GuestDirectory &directory, KioskStaff &staff, QObject *parent)
    : QObject(parent)
    , m_directory(directory)
    , m_staff(staff)
{
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(kDefaultIdleTimeout);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcKiosk) << "manual lookup closed after" << m_idleTimer.interval() << "ms without a touch";
        close();
    });
    connect(&m_directory, &GuestDirectory::searchReady, this, &GuestLookup::onSearch);
}

void GuestLookup::setIdleTimeout(int ms)
{
    if (ms == m_idleTimer.interval())
        return;
    m_idleTimer.setInterval(ms);
    Q_EMIT idleTimeoutChanged();
}

void GuestLookup::start()
{
    m_idleTimer.start();
    if (m_open)
        return;
    m_open = true;
    Q_EMIT openChanged();
}

void GuestLookup::close()
{
    m_idleTimer.stop();
    m_searchId = 0; // an answer still on its way is for no one
    const bool wasOpen = m_open;
    m_open = false;
    m_confirming = false;
    m_chosen = {};
    m_searched = false;
    m_results.setGuests({});
    if (!m_query.isEmpty()) {
        m_query.clear();
        Q_EMIT queryChanged();
    }
    Q_EMIT chosenChanged();
    Q_EMIT resultsChanged();
    if (wasOpen)
        Q_EMIT openChanged();
}

void GuestLookup::setQuery(const QString &query)
{
    if (!m_open || query == m_query)
        return;
    m_query = query;
    m_idleTimer.start();
    Q_EMIT queryChanged();
    if (query.trimmed().isEmpty()) {
        m_searchId = 0;
        m_searched = false;
        m_results.setGuests({});
        Q_EMIT resultsChanged();
        return;
    }
    m_searchId = m_directory.search(query, u"all"_s, kMaxResults, DirectoryAudience::Guest);
}

void GuestLookup::onSearch(quint64 requestId, const QList<DirectoryGuest> &guests, const QString &error)
{
    if (requestId != m_searchId || m_searchId == 0)
        return; // an older keystroke's, or the staff dashboard's
    if (!error.isEmpty())
        qCWarning(lcKiosk) << "manual lookup failed:" << error;
    m_searched = true;
    m_results.setGuests(guests);
    Q_EMIT resultsChanged();
}

GuestCard GuestLookup::chosen() const
{
    return m_chosen.guestId == 0 ? GuestCard() : GuestCard::of(m_chosen, m_results.locale());
}

void GuestLookup::choose(qint64 guestId)
{
    const DirectoryGuest *g = m_results.find(guestId);
    if (!g)
        return;
    m_idleTimer.start();
    m_chosen = *g;
    m_confirming = false;
    Q_EMIT chosenChanged();
}

void GuestLookup::back()
{
    m_idleTimer.start();
    if (m_confirming)
        m_confirming = false;
    else
        m_chosen = {};
    Q_EMIT chosenChanged();
}

void GuestLookup::askStaff()
{
    if (m_chosen.guestId == 0)
        return;
    m_idleTimer.start();
    m_confirming = true;
    Q_EMIT chosenChanged();
}

void GuestLookup::confirm(const QString &pin)
{
    if (m_confirming)
        m_staff.confirm(pin);
}

void GuestLookup::cancelConfirm()
{
    if (m_confirming)
        back();
}

void GuestLookup::activity()
{
    if (m_open)
        m_idleTimer.start();
}

} // namespace checkin
