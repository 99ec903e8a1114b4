#pragma once

#include "kiosk/app/guestlistmodel.h"
#include "kiosk/app/kioskenums.h"
#include "kiosk/app/rowlistmodel.h"

#include <QDateTime>
#include <QLocale>
#include <QObject>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace checkin {

class GuestDirectory;

// One programme day of the dashboard's day-by-day table (StaffDashboard::days).
struct StaffDay
{
    Q_GADGET
    Q_PROPERTY(int dayNumber MEMBER dayNumber)
    Q_PROPERTY(QString date MEMBER date)
    Q_PROPERTY(int expected MEMBER expected)
    Q_PROPERTY(int arrived MEMBER arrived)
    Q_PROPERTY(bool today MEMBER today)

public:
    int dayNumber = 0;
    QString date; // short, in the UI language
    int expected = 0;
    int arrived = 0;
    bool today = false;
};

// One print job of the dashboard's print panel (StaffDashboard::jobs).
struct StaffPrintJob
{
    Q_GADGET
    Q_PROPERTY(QString guestName MEMBER guestName)
    Q_PROPERTY(QString kind MEMBER kind)
    Q_PROPERTY(QString reason MEMBER reason)
    Q_PROPERTY(checkin::CheckIn::JobState state MEMBER state)
    Q_PROPERTY(int attempts MEMBER attempts)
    Q_PROPERTY(QString lastError MEMBER lastError)
    Q_PROPERTY(QString time MEMBER time)

public:
    QString guestName;
    QString kind;   // badge | agenda
    QString reason; // why it was queued (checkin, reprint …)
    CheckIn::JobState state = CheckIn::JobState::Queued;
    int attempts = 0;
    QString lastError;
    QString time; // of the last change, short, in the UI language
};

// A folder the attendance report can be saved to (StaffDashboard::exportFolders).
struct ExportFolder
{
    Q_GADGET
    Q_PROPERTY(QString label MEMBER label)
    Q_PROPERTY(QString path MEMBER path)

public:
    friend bool operator==(const ExportFolder &, const ExportFolder &) = default;

    QString label; // in the UI language
    QString path;
};

// The staff dashboard's state for QML (Kiosk.dashboard): today's arrivals against expected, the day-by-day table,
// the guest list with search and the arrived / not yet arrived filter, per-guest corrections (reprint, annul,
// revoke), the print queue, and the report export. Reads run on the GuestDirectory thread; while active (staff
// mode is open) everything refreshes every refreshInterval ms, so other kiosks' arrivals show up live.
class StaffDashboard : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StaffDashboard)
    QML_ELEMENT
    QML_UNCREATABLE("Kiosk.dashboard provides it")

    Q_PROPERTY(bool loaded READ isLoaded NOTIFY snapshotChanged)
    Q_PROPERTY(QString error READ error NOTIFY snapshotChanged)
    Q_PROPERTY(QString todayText READ todayText NOTIFY snapshotChanged)
    Q_PROPERTY(int dayNumber READ dayNumber NOTIFY snapshotChanged)
    Q_PROPERTY(int expectedToday READ expectedToday NOTIFY snapshotChanged)
    Q_PROPERTY(int arrivedToday READ arrivedToday NOTIFY snapshotChanged)
    Q_PROPERTY(int guestCount READ guestCount NOTIFY snapshotChanged)
    Q_PROPERTY(int revokedCount READ revokedCount NOTIFY snapshotChanged)
    Q_PROPERTY(checkin::RowListModel *days READ days CONSTANT)
    Q_PROPERTY(checkin::RowListModel *jobs READ jobs CONSTANT)
    Q_PROPERTY(int queuedJobs READ queuedJobs NOTIFY snapshotChanged)
    Q_PROPERTY(int failedJobs READ failedJobs NOTIFY snapshotChanged)
    Q_PROPERTY(int printedJobs READ printedJobs NOTIFY snapshotChanged)
    // With a venue database: the arrivals shown are every kiosk's (true), or this kiosk's alone because the venue
    // database could not be read (false; venueReadError says why).
    Q_PROPERTY(bool venueWide READ venueWide NOTIFY snapshotChanged)
    Q_PROPERTY(QString venueReadError READ venueReadError NOTIFY snapshotChanged)

    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY queryChanged)
    Q_PROPERTY(checkin::GuestListModel *guests READ guests CONSTANT)
    Q_PROPERTY(checkin::GuestCard selected READ selected NOTIFY selectedChanged)

    Q_PROPERTY(bool busy READ isBusy NOTIFY messageChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(bool messageIsError READ messageIsError NOTIFY messageChanged)
    Q_PROPERTY(checkin::RowListModel *exportFolders READ exportFolders CONSTANT)

    // The venue sync (KioskSync), when the kiosk has a venue database (TodayPanel.qml shows it).
    Q_PROPERTY(bool venueSyncEnabled READ venueSyncEnabled NOTIFY venueSyncChanged)
    Q_PROPERTY(bool venueOnline READ venueOnline NOTIFY venueSyncChanged)
    Q_PROPERTY(QDateTime venueLastSync READ venueLastSync NOTIFY venueSyncChanged)
    Q_PROPERTY(QString venueLastSyncText READ venueLastSyncText NOTIFY venueSyncChanged)
    Q_PROPERTY(int venueRecordsWaiting READ venueRecordsWaiting NOTIFY venueSyncChanged)
    Q_PROPERTY(QString venueSyncError READ venueSyncError NOTIFY venueSyncChanged)
    Q_PROPERTY(QStringList venueDoubleBadges READ venueDoubleBadges NOTIFY venueSyncChanged)

public:
    static constexpr int kDefaultRefreshInterval = 3000;
    static constexpr int kMaxListed = 5000;

    StaffDashboard(GuestDirectory &directory, QString defaultExportFolder, QString actor, QObject *parent = nullptr);

    [[nodiscard]] bool isLoaded() const { return m_loaded; }
    [[nodiscard]] QString error() const { return m_snapshot.error; }
    [[nodiscard]] QString todayText() const;
    [[nodiscard]] int dayNumber() const { return m_snapshot.dayNumber; }
    [[nodiscard]] int expectedToday() const { return m_snapshot.expectedToday; }
    [[nodiscard]] int arrivedToday() const { return m_snapshot.arrivedToday; }
    [[nodiscard]] int guestCount() const { return m_snapshot.guests; }
    [[nodiscard]] int revokedCount() const { return m_snapshot.revoked; }
    // Every programme day (StaffDay rows).
    [[nodiscard]] RowListModel *days() { return &m_days; }
    // The recent print jobs (StaffPrintJob rows), newest first.
    [[nodiscard]] RowListModel *jobs() { return &m_jobs; }
    [[nodiscard]] int queuedJobs() const { return m_snapshot.queuedJobs; }
    [[nodiscard]] int failedJobs() const { return m_snapshot.failedJobs; }
    [[nodiscard]] int printedJobs() const { return m_snapshot.printedJobs; }
    [[nodiscard]] bool venueWide() const { return m_snapshot.venueWide; }
    [[nodiscard]] QString venueReadError() const { return m_snapshot.venueError; }

    [[nodiscard]] QString query() const { return m_query; }
    void setQuery(const QString &query);
    // all | arrived | not_arrived (today)
    [[nodiscard]] QString filter() const { return m_filter; }
    void setFilter(const QString &filter);
    [[nodiscard]] GuestListModel *guests() { return &m_guests; }
    // The guest the action panel is for; not valid when none.
    [[nodiscard]] GuestCard selected() const;

    [[nodiscard]] bool isBusy() const { return !m_pendingAction.isEmpty(); }
    // The answer to the last action, in the UI language.
    [[nodiscard]] QString message() const { return m_message; }
    [[nodiscard]] bool messageIsError() const { return m_messageIsError; }
    // Where the report can go (ExportFolder rows): the kiosk's reports folder first, then USB sticks and other
    // removable drives that are mounted and writable.
    [[nodiscard]] RowListModel *exportFolders() { return &m_exportFolders; }

    // Staff mode opened (refresh now and every refreshInterval) or closed (stop, forget the selection and query).
    void setActive(bool active);
    void setRefreshInterval(int ms) { m_refreshTimer.setInterval(ms); }
    void setLocale(const QLocale &locale);

    [[nodiscard]] bool venueSyncEnabled() const { return m_venueSyncEnabled; }
    [[nodiscard]] bool venueOnline() const { return m_venueOnline; }
    // UTC time of the last round that reached the venue database; invalid before the first.
    [[nodiscard]] QDateTime venueLastSync() const { return m_venueLastSync; }
    // Its local time in the UI language ("" before the first).
    [[nodiscard]] QString venueLastSyncText() const
    {
        return m_venueLastSync.isValid() ? m_locale.toString(m_venueLastSync.toLocalTime().time(), QLocale::LongFormat)
                                         : QString();
    }
    // This kiosk's records not yet in the venue database (-1: unknown).
    [[nodiscard]] int venueRecordsWaiting() const { return int(m_venueWaiting); }
    // Why the last round did not reach the venue database (English, for staff and the log); empty when online.
    [[nodiscard]] QString venueSyncError() const { return m_venueSyncError; }
    // The names of the guests whose check-in badge was printed at two kiosks or more (venue-wide).
    [[nodiscard]] QStringList venueDoubleBadges() const { return m_venueDoubleBadges; }
    // KioskSync::doubleBadgesChanged's list ({externalId, name, kiosks} each).
    void setVenueDoubleBadges(const QVariantList &badges);
    // The venue sync's state after a round (KioskSync::stateChanged).
    void setVenueSyncState(bool online, const QDateTime &lastSync, qint64 waiting, const QString &error)
    {
        m_venueSyncEnabled = true;
        m_venueOnline = online;
        m_venueLastSync = lastSync;
        m_venueWaiting = waiting;
        m_venueSyncError = error;
        Q_EMIT venueSyncChanged();
    }

    Q_INVOKABLE void refresh();
    Q_INVOKABLE void select(qint64 guestId);
    Q_INVOKABLE void clearSelection();
    // kind: badge | agenda
    Q_INVOKABLE void reprint(const QString &kind);
    // reason: mistake | wrong_person
    Q_INVOKABLE void annulToday(const QString &reason);
    Q_INVOKABLE void revoke();
    Q_INVOKABLE void exportReport(const QString &folder);
    Q_INVOKABLE void refreshExportFolders();
    Q_INVOKABLE void clearMessage();

Q_SIGNALS:
    void snapshotChanged();
    void queryChanged();
    void selectedChanged();
    void messageChanged();
    void venueSyncChanged();
    // A correction the other kiosks must learn of (a revocation, an annulled check-in) is in this kiosk's file: the
    // venue sync sends it at once rather than at its next round.
    void correctionRecorded();

private:
    void onSnapshot(const DirectorySnapshot &snapshot);
    void onSearch(quint64 requestId, const QList<DirectoryGuest> &guests, const QString &error);
    void onAction(const QString &action, bool ok, const QString &message, const QStringList &files);
    void runSearch();
    bool startAction(const QString &action);
    void setMessage(const QString &message, bool isError);
    void fillLists();

    GuestDirectory &m_directory;
    QString m_defaultExportFolder;
    QString m_actor;
    QLocale m_locale;
    bool m_active = false;
    bool m_loaded = false;
    DirectorySnapshot m_snapshot;
    RowListModel m_days{StaffDay::staticMetaObject};
    RowListModel m_jobs{StaffPrintJob::staticMetaObject};
    QTimer m_refreshTimer;

    QString m_query;
    QString m_filter = QStringLiteral("all");
    quint64 m_searchId = 0;
    GuestListModel m_guests;
    qint64 m_selectedId = 0;
    DirectoryGuest m_selectedGuest; // kept while a refresh lists it no more (a filter changed under it)

    QString m_pendingAction;
    QString m_pendingName; // the guest the pending action is for, for its message
    QString m_message;
    bool m_messageIsError = false;
    QList<ExportFolder> m_folders;
    RowListModel m_exportFolders{ExportFolder::staticMetaObject};

    bool m_venueSyncEnabled = false;
    bool m_venueOnline = false;
    QDateTime m_venueLastSync;
    qint64 m_venueWaiting = 0;
    QString m_venueSyncError;
    QStringList m_venueDoubleBadges;
};

} // namespace checkin
