#pragma once

#include "kiosk/attendance/attendancereport.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <expected>
#include <memory>
#include <optional>

namespace checkin::db {
class Database;
struct AttendanceRecord;
struct EventRecord;
} // namespace checkin::db

namespace checkin {

class AttendanceReportRenderer;
struct AttendanceReportData;

// Exports the attendance report, CSV and PDF, into a folder staff choose (a USB stick for the sponsors).
// Both files appear or neither does; the export is recorded as a staff action ("export") with the file names.
// Threading: use an instance only on the thread that made it, with a db::Database connection opened on that
// thread (the kiosk dashboard runs it on a worker thread; see exportWithOwnConnection()).
class ReportExport
{
public:
    struct Files
    {
        QString csvPath; // absolute
        QString pdfPath; // absolute
    };

    // Reads from and records into db; kioskId and actor go into the report and the staff action log.
    ReportExport(db::Database &db, QString kioskId, QString actor);
    ~ReportExport();
    ReportExport(const ReportExport &) = delete;
    ReportExport &operator=(const ReportExport &) = delete;

    // Counts these live check-ins (every kiosk's, read from the venue database by VenueWideAttendance, guest ids of
    // db) instead of db's own; the PDF says the report covers every kiosk.
    void useVenueWideRows(QList<db::AttendanceRecord> rows);

    // Writes <folder>/ietf<N>-attendance-<venue date>-<HHmm>.csv and .pdf (no personal data in the names; "-2"…
    // added rather than overwrite an earlier export). Errors are sentences staff can act on: the folder is missing,
    // read-only or full.
    [[nodiscard]] std::expected<Files, QString> exportTo(const db::EventRecord &event, const QString &folder,
                                                         const QDateTime &now = QDateTime::currentDateTimeUtc());

    // The same from any thread: opens its own connection to dbPath, finds event eventNumber and exports.
    [[nodiscard]] static std::expected<Files, QString> exportWithOwnConnection(const QString &dbPath, int eventNumber,
                                                                               const QString &folder,
                                                                               const QString &kioskId,
                                                                               const QString &actor);

    // The PDF's data for a built report: one row per guest of the event (sorted by name), a mark per day.
    [[nodiscard]] std::expected<AttendanceReportData, QString> reportData(const db::EventRecord &event,
                                                                          const QList<AttendanceReport::Day> &days,
                                                                          const QDateTime &now) const;
    // "ietf121-attendance-2026-11-28-1405": the venue's local time of now.
    [[nodiscard]] static QString baseName(const db::EventRecord &event, const QDateTime &now);

private:
    db::Database &m_db;
    QString m_kioskId;
    QString m_actor;
    std::unique_ptr<AttendanceReportRenderer> m_renderer;
    std::optional<QList<db::AttendanceRecord>> m_venueRows;
};

} // namespace checkin
