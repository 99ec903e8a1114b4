#pragma once

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTime>

#include <expected>
#include <memory>

namespace checkin {

// One guest's attendance on one programme day.
struct AttendanceMark
{
    bool expected = true; // the guest was invited for this day
    QTime firstScan;      // venue time of the first scan that day; invalid when the guest did not arrive

    [[nodiscard]] bool arrived() const { return firstScan.isValid(); }
};

// One line of the register: a guest and a mark per programme day (same order as AttendanceReportData::days).
struct AttendanceRegisterRow
{
    QString name; // as the guest writes it, any script
    QString organisation;
    QString country; // ISO 3166-1 alpha-2
    QList<AttendanceMark> days;
};

// One programme day as printed.
struct AttendanceReportDay
{
    QDate date;     // in the venue's time zone
    int number = 0; // 1 for the first programme day
};

// Everything printed on the attendance report; plain data, no database types. The per-day totals are counted
// from the rows, so the totals table, the register's totals row and the rows can never disagree.
struct AttendanceReportData
{
    QString eventTitle;  // "IETF 121 Dublin"
    int eventNumber = 0; // 121
    QString city;        // "Dublin"
    QDate firstDay;
    QDate lastDay;
    QString timeZoneLabel;  // "Europe/Dublin (UTC+0)": every time in the report is in this zone
    QString generatedAt;    // "28 November 2026, 14:05", venue time
    QString kioskId;        // the machine that produced the report
    bool venueWide = false; // counts every kiosk's check-ins (the venue database), not only kioskId's
    QString expectedBasis;  // how "expected" was counted (remote and one-day registrations), under the totals
    QList<AttendanceReportDay> days;
    QList<AttendanceRegisterRow> rows; // printed in this order
};

// Renders the attendance report that programme sponsors ask for as an A4 PDF: a title block, a per-day totals
// table, the register (guests × days, first scan time per day, a totals row; the table header repeated on every
// page), "Page x of y" on every page and a "Certified correct by" signature block at the end. English only (the
// document is for sponsors); names in any script are shaped with HarfBuzz and shrunk or cut to fit their cell.
// Portrait up to 5 programme days, landscape beyond, at most 14 days.
// Keeps fonts loaded between reports. Not thread-safe: one instance per thread, used only by the thread that made it.
class AttendanceReportRenderer
{
    Q_DISABLE_COPY_MOVE(AttendanceReportRenderer)

public:
    // Finds the Noto fonts in fontDirectories, or in the standard Debian folders when empty.
    explicit AttendanceReportRenderer(QStringList fontDirectories = {});
    ~AttendanceReportRenderer();

    // The report as PDF bytes, or a message a staff member can act on (a missing font package, too many days).
    [[nodiscard]] std::expected<QByteArray, QString> render(const AttendanceReportData &data);

    // The most programme days the register can show side by side.
    static constexpr int MaxDays = 14;

private:
    struct Private;
    std::unique_ptr<Private> m_d;
};

} // namespace checkin
