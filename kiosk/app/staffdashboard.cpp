#include "kiosk/app/staffdashboard.h"

#include "kiosk/app/guestdirectory.h"

#include <QDir>
#include <QFileInfo>
#include <QStorageInfo>

using namespace Qt::StringLiterals;

namespace checkin {

StaffDashboard::StaffDashboard(GuestDirectory &directory, QString defaultExportFolder, QString actor, QObject *parent)
    : QObject(parent)
    , m_directory(directory)
    , m_defaultExportFolder(std::move(defaultExportFolder))
    , m_actor(std::move(actor))
{
    m_refreshTimer.setInterval(kDefaultRefreshInterval);
    connect(&m_refreshTimer, &QTimer::timeout, this, &StaffDashboard::refresh);
    connect(&m_directory, &GuestDirectory::snapshotReady, this, &StaffDashboard::onSnapshot);
    connect(&m_directory, &GuestDirectory::searchReady, this, &StaffDashboard::onSearch);
    connect(&m_directory, &GuestDirectory::actionDone, this, &StaffDashboard::onAction);
}

QString StaffDashboard::todayText() const
{
    return m_snapshot.today.isValid() ? m_locale.toString(m_snapshot.today, QLocale::LongFormat) : QString();
}

namespace {

CheckIn::JobState jobState(const QString &state)
{
    if (state == u"sent")
        return CheckIn::JobState::Sent;
    if (state == u"printed")
        return CheckIn::JobState::Printed;
    if (state == u"failed")
        return CheckIn::JobState::Failed;
    return CheckIn::JobState::Queued;
}

} // namespace

// The lists hold text in the UI language: filled again with every snapshot and every language.
void StaffDashboard::fillLists()
{
    QList<StaffDay> days;
    for (const DirectoryDay &d : std::as_const(m_snapshot.days))
        days.append({d.dayNumber, m_locale.toString(d.date, u"ddd d MMM"_s), d.expected, d.arrived,
                     d.date == m_snapshot.today});
    m_days.setRows(days);
    QList<StaffPrintJob> jobs;
    for (const DirectoryPrintJob &j : std::as_const(m_snapshot.jobs))
        jobs.append({j.guestName, j.kind, j.reason, jobState(j.state), j.attempts, j.lastError,
                     m_locale.toString(j.updatedAt.time(), QLocale::ShortFormat)});
    m_jobs.setRows(jobs);
}

void StaffDashboard::setVenueDoubleBadges(const QVariantList &badges)
{
    m_venueDoubleBadges.clear();
    for (const QVariant &badge : badges)
        m_venueDoubleBadges.append(badge.toMap().value(u"name"_s).toString());
    Q_EMIT venueSyncChanged();
}

void StaffDashboard::setQuery(const QString &query)
{
    if (query == m_query)
        return;
    m_query = query;
    Q_EMIT queryChanged();
    runSearch();
}

void StaffDashboard::setFilter(const QString &filter)
{
    if (filter == m_filter || (filter != u"all" && filter != u"arrived" && filter != u"not_arrived"))
        return;
    m_filter = filter;
    Q_EMIT queryChanged();
    runSearch();
}

GuestCard StaffDashboard::selected() const
{
    return m_selectedId == 0 ? GuestCard() : GuestCard::of(m_selectedGuest, m_locale);
}

void StaffDashboard::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    if (active) {
        refresh();
        refreshExportFolders();
        m_refreshTimer.start();
        return;
    }
    // Nothing personal stays on the dashboard once staff mode closes.
    m_refreshTimer.stop();
    m_query.clear();
    m_filter = u"all"_s;
    Q_EMIT queryChanged();
    m_guests.setGuests({});
    clearSelection();
    clearMessage();
}

void StaffDashboard::setLocale(const QLocale &locale)
{
    m_locale = locale;
    m_guests.setLocale(locale);
    fillLists();
    Q_EMIT snapshotChanged();
    Q_EMIT selectedChanged();
}

void StaffDashboard::refresh()
{
    m_directory.refresh();
    runSearch();
}

void StaffDashboard::runSearch()
{
    if (m_active)
        m_searchId = m_directory.search(m_query, m_filter, kMaxListed, DirectoryAudience::Staff);
}

void StaffDashboard::onSnapshot(const DirectorySnapshot &snapshot)
{
    if (!m_active)
        return;
    m_snapshot = snapshot;
    m_loaded = true;
    fillLists();
    Q_EMIT snapshotChanged();
}

void StaffDashboard::onSearch(quint64 requestId, const QList<DirectoryGuest> &guests, const QString &error)
{
    if (requestId != m_searchId || !m_active)
        return; // an older search, or the guests' lookup's
    if (!error.isEmpty())
        setMessage(tr("The guest list could not be read: %1").arg(error), true);
    m_guests.setGuests(guests);
    if (const DirectoryGuest *g = m_guests.find(m_selectedId)) {
        m_selectedGuest = *g;
        Q_EMIT selectedChanged();
    }
}

void StaffDashboard::select(qint64 guestId)
{
    const DirectoryGuest *g = m_guests.find(guestId);
    if (!g)
        return;
    m_selectedId = guestId;
    m_selectedGuest = *g;
    clearMessage();
    Q_EMIT selectedChanged();
}

void StaffDashboard::clearSelection()
{
    if (m_selectedId == 0)
        return;
    m_selectedId = 0;
    m_selectedGuest = {};
    Q_EMIT selectedChanged();
}

bool StaffDashboard::startAction(const QString &action)
{
    if (isBusy())
        return false;
    m_pendingAction = action;
    m_pendingName = m_selectedGuest.name;
    m_message.clear();
    Q_EMIT messageChanged();
    return true;
}

void StaffDashboard::reprint(const QString &kind)
{
    if (m_selectedId == 0 || (kind != u"badge" && kind != u"agenda") || !startAction(u"reprint"_s))
        return;
    m_directory.reprint(m_selectedId, kind, m_actor);
}

void StaffDashboard::annulToday(const QString &reason)
{
    // Another kiosk's check-in (seen in the venue-wide view) is annulled at that kiosk, which holds it.
    if (m_selectedGuest.checkinId.isEmpty() || !m_selectedGuest.annulHere || !startAction(u"annul"_s))
        return;
    // The audit log keeps an English reason whatever language the screen shows.
    const QString text = reason == u"wrong_person" ? u"wrong person checked in (annulled at the kiosk)"_s
                                                   : u"scanned by mistake (annulled at the kiosk)"_s;
    m_directory.annul(m_selectedGuest.checkinId, text, m_actor);
}

void StaffDashboard::revoke()
{
    if (m_selectedId == 0 || m_selectedGuest.revoked || !startAction(u"revoke"_s))
        return;
    m_directory.revoke(m_selectedGuest.externalId, u"revoked by staff at the kiosk"_s, m_actor);
}

void StaffDashboard::exportReport(const QString &folder)
{
    if (folder.isEmpty() || !startAction(u"export"_s))
        return;
    if (folder == m_defaultExportFolder)
        QDir().mkpath(folder); // the kiosk's own reports folder appears with its first report
    m_directory.exportReport(folder, m_actor);
}

void StaffDashboard::onAction(const QString &action, bool ok, const QString &message, const QStringList &files)
{
    if (action != m_pendingAction)
        return;
    m_pendingAction.clear();
    if (!ok) {
        setMessage(tr("That did not work: %1").arg(message), true);
        return;
    }
    if (action == u"reprint") {
        setMessage(message == u"badge" ? tr("A new badge for %1 is queued for printing.").arg(m_pendingName)
                                       : tr("A new agenda for %1 is queued for printing.").arg(m_pendingName),
                   false);
    } else if (action == u"annul") {
        setMessage(tr("Today's check-in of %1 is annulled. They can scan again.").arg(m_pendingName), false);
    } else if (action == u"revoke") {
        setMessage(tr("The invitation of %1 is revoked: this kiosk refuses it from now on.").arg(m_pendingName), false);
    } else if (action == u"export") {
        QStringList names;
        for (const QString &file : files)
            names << QFileInfo(file).fileName();
        const QString folder = files.isEmpty() ? QString() : QDir::toNativeSeparators(QFileInfo(files.first()).path());
        setMessage(tr("Report saved in %1: %2").arg(folder, names.join(u", "_s)), false);
    }
    if (action == u"annul" || action == u"revoke")
        Q_EMIT correctionRecorded();
    refresh();
}

void StaffDashboard::setMessage(const QString &message, bool isError)
{
    m_message = message;
    m_messageIsError = isError;
    Q_EMIT messageChanged();
}

void StaffDashboard::clearMessage()
{
    if (m_message.isEmpty())
        return;
    m_message.clear();
    m_messageIsError = false;
    Q_EMIT messageChanged();
}

void StaffDashboard::refreshExportFolders()
{
    QList<ExportFolder> folders;
    folders.append({tr("This kiosk (%1)").arg(QDir::toNativeSeparators(m_defaultExportFolder)), m_defaultExportFolder});
    // USB sticks: mounted under the usual automount places, writable, ready.
    for (const QStorageInfo &volume : QStorageInfo::mountedVolumes()) {
        const QString root = volume.rootPath();
        const bool removable = root.startsWith(u"/media/"_s) || root.startsWith(u"/run/media/"_s)
                               || root.startsWith(u"/mnt/"_s);
        if (!removable || !volume.isValid() || !volume.isReady() || volume.isReadOnly())
            continue;
        const QString name = volume.displayName().isEmpty() ? root : volume.displayName();
        folders.append(
            {tr("USB drive %1 (%2 free)").arg(name, m_locale.formattedDataSize(volume.bytesAvailable())), root});
    }
    if (folders != m_folders) {
        m_folders = folders;
        m_exportFolders.setRows(m_folders);
    }
}

} // namespace checkin
