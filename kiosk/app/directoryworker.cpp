#include "kiosk/app/directoryworker.h"

#include "db/attendancestore.h"
#include "db/database.h"
#include "db/gueststore.h"
#include "db/printjobstore.h"
#include "kiosk/attendance/attendancereport.h"
#include "kiosk/attendance/reportexport.h"
#include "kiosk/guests/countries.h"
#include "kiosk/guests/guestexpectation.h"
#include "kiosk/guests/guestsearch.h"
#include "kiosk/staff/staffactions.h"
#include "kiosk/venue/venuewideattendance.h"

#include <QHash>
#include <QLoggingCategory>
#include <QSet>

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcKiosk)

namespace checkin {

DirectoryWorker::DirectoryWorker(QString databasePath, db::EventRecord event, QString kioskId)
    : m_databasePath(std::move(databasePath))
    , m_event(std::move(event))
    , m_kioskId(std::move(kioskId))
    , m_zone(m_event.timeZone.toUtf8())
{
}

// Runs on the directory thread (deleted from QThread::finished), so the connection closes where it was opened.
DirectoryWorker::~DirectoryWorker() = default;

void DirectoryWorker::open()
{
    auto database = db::Database::open(m_databasePath, db::Database::OpenMode::MustExist);
    if (!database) {
        m_openError = database.error().message;
        qCWarning(lcKiosk) << "staff directory cannot open" << m_databasePath << ':' << m_openError;
        return;
    }
    m_db = std::move(*database);
}

void DirectoryWorker::setVenueDatabase(const QString &conninfo)
{
    m_venue = conninfo.trimmed().isEmpty() ? nullptr : std::make_unique<VenueWideAttendance>(conninfo, m_event);
}

std::expected<DirectoryWorker::Arrivals, QString> DirectoryWorker::arrivals(bool venueWide)
{
    Arrivals out;
    auto local = db::AttendanceStore(*m_db).liveForEvent(m_event.id);
    if (!local)
        return std::unexpected(local.error().message);
    for (const db::AttendanceRecord &a : std::as_const(*local))
        out.localUids.insert(a.uid);
    if (m_venue && venueWide) {
        auto venueRows = m_venue->liveRows(m_guests, *local);
        if (venueRows) {
            out.rows = std::move(*venueRows);
            out.venueWide = true;
            return out;
        }
        out.venueError = venueRows.error();
    }
    out.rows = std::move(*local);
    return out;
}

bool DirectoryWorker::ensureOpen(const QString &action)
{
    if (m_db)
        return true;
    Q_EMIT actionDone(action, false, u"The kiosk has no database connection: %1"_s.arg(m_openError), {});
    return false;
}

QDate DirectoryWorker::venueDay(const QDateTime &nowUtc) const
{
    return m_zone.isValid() ? nowUtc.toTimeZone(m_zone).date() : nowUtc.toUTC().date();
}

QString DirectoryWorker::loadGuests()
{
    auto version = db::GuestStore(*m_db).listVersion(m_event.id);
    if (!version)
        return version.error().message;
    if (*version == m_listVersion)
        return {};
    auto guests = db::GuestStore(*m_db).forEvent(m_event.id);
    if (!guests)
        return guests.error().message;
    m_guests = std::move(*guests);
    m_rowOf.clear();
    for (int i = 0; i < m_guests.size(); ++i)
        m_rowOf.insert(m_guests.at(i).id, i);
    m_search = std::make_unique<GuestSearchIndex>(m_guests);
    m_byName.resize(m_guests.size());
    std::iota(m_byName.begin(), m_byName.end(), 0);
    std::sort(m_byName.begin(), m_byName.end(), [this](int a, int b) {
        return QString::localeAwareCompare(m_guests.at(a).displayName, m_guests.at(b).displayName) < 0;
    });
    m_listVersion = *version;
    return {};
}

void DirectoryWorker::refresh(const QDateTime &nowUtc)
{
    DirectorySnapshot snap;
    snap.today = venueDay(nowUtc);
    if (snap.today >= m_event.firstDay && snap.today <= m_event.lastDay)
        snap.dayNumber = int(m_event.firstDay.daysTo(snap.today)) + 1;
    if (!m_db) {
        snap.error = u"The kiosk has no database connection: %1"_s.arg(m_openError);
        Q_EMIT snapshotReady(snap);
        return;
    }
    if (QString error = loadGuests(); !error.isEmpty()) {
        snap.error = error;
        Q_EMIT snapshotReady(snap);
        return;
    }
    snap.guests = int(m_guests.size());

    // Expected guests come from this file (every kiosk pulls the same guest list); arrivals are every kiosk's when
    // the venue database answers.
    auto attendance = arrivals(true);
    if (!attendance) {
        snap.error = attendance.error();
        Q_EMIT snapshotReady(snap);
        return;
    }
    snap.venueConfigured = m_venue != nullptr;
    snap.venueWide = attendance->venueWide;
    snap.venueError = attendance->venueError;
    auto days = AttendanceReport::build(*m_db, m_event, attendance->rows);
    if (!days) {
        snap.error = days.error();
        Q_EMIT snapshotReady(snap);
        return;
    }
    for (const AttendanceReport::Day &d : *days) {
        snap.days.append({d.day, d.dayNumber, d.expected, d.arrived});
        if (d.day == snap.today) {
            snap.expectedToday = d.expected;
            snap.arrivedToday = d.arrived;
        }
    }
    if (auto revoked = db::GuestStore(*m_db).revokedGuests(m_event.id))
        snap.revoked = int(revoked->size());

    auto jobs = db::PrintJobStore(*m_db).jobs(m_event.id);
    if (!jobs) {
        snap.error = jobs.error().message;
        Q_EMIT snapshotReady(snap);
        return;
    }
    QHash<qint64, QString> names;
    for (const db::GuestRecord &g : std::as_const(m_guests))
        names.insert(g.id, g.displayName);
    QList<DirectoryPrintJob> rows;
    for (const db::PrintJobRecord &job : std::as_const(*jobs)) {
        if (job.state == u"queued" || job.state == u"sent")
            ++snap.queuedJobs;
        else if (job.state == u"failed")
            ++snap.failedJobs;
        else if (job.state == u"printed")
            ++snap.printedJobs;
        const QDateTime updated = QDateTime::fromString(job.updatedAt, Qt::ISODateWithMs);
        rows.append({job.id, names.value(job.guestId), job.kind, job.reason, job.state, job.attempts, job.lastError,
                     m_zone.isValid() ? updated.toTimeZone(m_zone) : updated});
    }
    // Problems first, then what is still to print, then the newest printed.
    auto rank = [](const QString &state) { return state == u"failed" ? 0 : state == u"printed" ? 2 : 1; };
    std::stable_sort(rows.begin(), rows.end(), [&](const DirectoryPrintJob &a, const DirectoryPrintJob &b) {
        if (rank(a.state) != rank(b.state))
            return rank(a.state) < rank(b.state);
        return a.updatedAt > b.updatedAt;
    });
    snap.jobs = rows.mid(0, kMaxJobs);
    Q_EMIT snapshotReady(snap);
}

void DirectoryWorker::search(quint64 requestId, const QString &query, const QString &filter, const QDateTime &nowUtc,
                             int limit, DirectoryAudience audience)
{
    if (!m_db) {
        Q_EMIT searchReady(requestId, {}, u"The kiosk has no database connection: %1"_s.arg(m_openError));
        return;
    }
    if (QString error = loadGuests(); !error.isEmpty()) {
        Q_EMIT searchReady(requestId, {}, error);
        return;
    }
    const bool emptyQuery = query.trimmed().isEmpty();
    if (emptyQuery && audience == DirectoryAudience::Guest) {
        Q_EMIT searchReady(requestId, {}, {});
        return;
    }
    const QDate today = venueDay(nowUtc);
    auto attendance = arrivals(audience == DirectoryAudience::Staff);
    if (!attendance) {
        Q_EMIT searchReady(requestId, {}, attendance.error());
        return;
    }
    auto revoked = db::GuestStore(*m_db).revokedGuests(m_event.id);
    if (!revoked) {
        Q_EMIT searchReady(requestId, {}, revoked.error().message);
        return;
    }
    QHash<qint64, const db::AttendanceRecord *> todayRows;
    QHash<qint64, int> daysAttended;
    for (const db::AttendanceRecord &a : std::as_const(attendance->rows)) {
        ++daysAttended[a.guestId];
        if (a.day == today)
            todayRows.insert(a.guestId, &a);
    }

    auto passes = [&](qint64 guestId) {
        const bool arrived = todayRows.contains(guestId);
        return filter == u"arrived" ? arrived : filter == u"not_arrived" ? !arrived : true;
    };
    QList<int> rows;
    if (emptyQuery) {
        for (int i : std::as_const(m_byName)) {
            if (rows.size() >= limit)
                break;
            if (passes(m_guests.at(i).id))
                rows << i;
        }
    } else {
        for (const GuestSearchHit &hit : m_search->search(query, limit, passes))
            rows << m_rowOf.value(hit.guestId);
    }

    QList<DirectoryGuest> found;
    for (int row : std::as_const(rows)) {
        const db::GuestRecord &g = m_guests.at(row);
        const db::AttendanceRecord *arrival = todayRows.value(g.id);
        DirectoryGuest d;
        d.guestId = g.id;
        d.externalId = g.externalId;
        d.name = g.displayName;
        d.organisation = g.organisation;
        d.country = g.country;
        d.countryName = Countries::englishName(g.country);
        d.language = g.language;
        d.expectedToday = GuestExpectation::expectedOn(g, today);
        if (arrival) {
            d.checkinId = arrival->uid;
            d.arrivedKiosk = arrival->kioskId;
            // A check-in another kiosk made is annulled at that kiosk: only rows of this file can be annulled here.
            d.annulHere = attendance->localUids.contains(arrival->uid);
            const QDateTime at = QDateTime::fromString(arrival->scannedAt, Qt::ISODateWithMs);
            d.arrivedAt = m_zone.isValid() ? at.toTimeZone(m_zone) : at;
        }
        d.daysAttended = daysAttended.value(g.id);
        d.revoked = revoked->contains(g.id);
        found.append(d);
    }
    Q_EMIT searchReady(requestId, found, {});
}

void DirectoryWorker::reprint(qint64 guestId, const QString &kind, const QString &actor)
{
    if (!ensureOpen(u"reprint"_s))
        return;
    auto job = StaffActions(*m_db, m_event, m_kioskId, actor).reprint(guestId, kind);
    Q_EMIT actionDone(u"reprint"_s, job.has_value(), job ? job->kind : job.error(), {});
}

void DirectoryWorker::annul(const QString &checkinId, const QString &reason, const QString &actor)
{
    if (!ensureOpen(u"annul"_s))
        return;
    auto done = StaffActions(*m_db, m_event, m_kioskId, actor).annul(checkinId, reason);
    Q_EMIT actionDone(u"annul"_s, done.has_value(), done ? QString() : done.error(), {});
}

void DirectoryWorker::revoke(const QString &externalId, const QString &reason, const QString &actor)
{
    if (!ensureOpen(u"revoke"_s))
        return;
    auto done = StaffActions(*m_db, m_event, m_kioskId, actor).revoke(externalId, reason);
    Q_EMIT actionDone(u"revoke"_s, done.has_value(), done ? QString() : done.error(), {});
}

void DirectoryWorker::exportReport(const QString &folder, const QDateTime &nowUtc, const QString &actor)
{
    if (!ensureOpen(u"export"_s))
        return;
    ReportExport exporter(*m_db, m_kioskId, actor);
    // Every kiosk's check-ins when the venue database answers; the PDF says which.
    if (m_venue && loadGuests().isEmpty()) {
        if (auto read = arrivals(true); read && read->venueWide)
            exporter.useVenueWideRows(std::move(read->rows));
    }
    auto files = exporter.exportTo(m_event, folder, nowUtc);
    if (!files) {
        Q_EMIT actionDone(u"export"_s, false, files.error(), {});
        return;
    }
    Q_EMIT actionDone(u"export"_s, true, {}, {files->csvPath, files->pdfPath});
}

} // namespace checkin
