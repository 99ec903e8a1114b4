#pragma once

#include "db/records.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimeZone>

#include <expected>
#include <memory>

namespace checkin {

namespace db {
class Database;
}
class GuestSearchIndex;
class VenueWideAttendance;

// One guest as staff lists and the manual lookup show them, with today's arrival.
struct DirectoryGuest
{
    qint64 guestId = 0;
    QString externalId;
    QString name; // as the guest writes it
    QString organisation;
    QString country;     // ISO 3166-1 alpha-2
    QString countryName; // English short name
    QString language;
    bool expectedToday = false;
    QString checkinId;      // today's live check-in; empty when not arrived today
    QDateTime arrivedAt;    // venue time of today's check-in
    QString arrivedKiosk;   // the kiosk that checked them in today
    bool annulHere = false; // today's check-in is in this kiosk's file, so it can be annulled here
    int daysAttended = 0;   // programme days with a live check-in
    bool revoked = false;   // every invitation of the guest is revoked
};

struct DirectoryDay
{
    QDate date;
    int dayNumber = 0;
    int expected = 0;
    int arrived = 0;
};

struct DirectoryPrintJob
{
    qint64 id = 0;
    QString guestName;
    QString kind;   // badge | agenda
    QString reason; // checkin | reprint
    QString state;  // queued | sent | printed | failed
    int attempts = 0;
    QString lastError;
    QDateTime updatedAt; // venue time
};

// Who a search is for. Staff: an empty query lists every guest, arrivals are venue-wide when there is a venue
// database. Guest (the manual lookup): an empty query finds nobody, and nothing waits on the network.
enum class DirectoryAudience { Staff, Guest };

// What the staff dashboard shows, read in one go.
struct DirectorySnapshot
{
    QDate today;       // venue date
    int dayNumber = 0; // 0 outside the programme
    int expectedToday = 0;
    int arrivedToday = 0;
    int guests = 0;
    int revoked = 0;
    QList<DirectoryDay> days;
    QList<DirectoryPrintJob> jobs; // newest first, at most kMaxJobs
    int queuedJobs = 0;            // queued or sent
    int failedJobs = 0;
    int printedJobs = 0;
    QString error; // a sentence for staff when the snapshot could not be read
    // With a venue database: arrivals are every kiosk's (venueWide), or this kiosk's alone because the venue
    // database could not be read (venueError says why).
    bool venueConfigured = false;
    bool venueWide = false;
    QString venueError;
};

// The staff side's reads and corrections, on a background thread with its own SQLite connection: the dashboard
// snapshot, guest search (accents and scripts folded by GuestSearch), reprint, annul, revoke and the report
// export. With a venue database (setVenueDatabase) arrivals are read venue-wide, every kiosk's check-ins, and the
// kiosk's own file stands in whenever the venue database cannot be read. Create on the GUI thread, move to its thread,
// then call open() there (GuestDirectory does all this).
class DirectoryWorker : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DirectoryWorker)

public:
    static constexpr int kMaxJobs = 60;

    DirectoryWorker(QString databasePath, db::EventRecord event, QString kioskId);
    ~DirectoryWorker() override;

public Q_SLOTS:
    void open();
    // Reads arrivals from the venue database at conninfo (a libpq connection string) from now on.
    void setVenueDatabase(const QString &conninfo);
    // Reads the dashboard snapshot for the venue day at nowUtc; emits snapshotReady().
    void refresh(const QDateTime &nowUtc);
    // Guests matching query (any script, any accents), filtered by today's arrival (all | arrived |
    // not_arrived), at most limit, for audience. Emits searchReady().
    void search(quint64 requestId, const QString &query, const QString &filter, const QDateTime &nowUtc, int limit,
                checkin::DirectoryAudience audience);
    void reprint(qint64 guestId, const QString &kind, const QString &actor);
    void annul(const QString &checkinId, const QString &reason, const QString &actor);
    void revoke(const QString &externalId, const QString &reason, const QString &actor);
    // Writes the attendance report (CSV and PDF) into folder.
    void exportReport(const QString &folder, const QDateTime &nowUtc, const QString &actor);

Q_SIGNALS:
    void snapshotReady(const checkin::DirectorySnapshot &snapshot);
    void searchReady(quint64 requestId, const QList<checkin::DirectoryGuest> &guests, const QString &error);
    // action: reprint | annul | revoke | export; message: what happened, for staff, in English (the dashboard shows
    // its own translated sentence for success and this one for errors).
    void actionDone(const QString &action, bool ok, const QString &message, const QStringList &files);

private:
    // Reloads the guests and the search index when the guest list changed since the last load.
    [[nodiscard]] QString loadGuests();
    [[nodiscard]] QDate venueDay(const QDateTime &nowUtc) const;
    [[nodiscard]] bool ensureOpen(const QString &action);
    // Live check-ins of every day: every kiosk's when the venue database answers (venueWide set; with this file's
    // not sent yet), else this file's (venueError set when a venue database is configured).
    struct Arrivals
    {
        QList<db::AttendanceRecord> rows;
        QSet<QString> localUids; // the rows in this file
        bool venueWide = false;
        QString venueError;
    };
    [[nodiscard]] std::expected<Arrivals, QString> arrivals(bool venueWide);

    QString m_databasePath;
    db::EventRecord m_event;
    QString m_kioskId;
    QTimeZone m_zone;
    QString m_openError;
    std::unique_ptr<db::Database> m_db;
    QString m_listVersion;
    QList<db::GuestRecord> m_guests;
    QHash<qint64, int> m_rowOf; // guest id → index into m_guests
    QList<int> m_byName;        // indexes into m_guests in the order of their names
    std::unique_ptr<GuestSearchIndex> m_search;
    std::unique_ptr<VenueWideAttendance> m_venue;
};

} // namespace checkin

Q_DECLARE_METATYPE(checkin::DirectorySnapshot)
Q_DECLARE_METATYPE(checkin::DirectoryGuest)
