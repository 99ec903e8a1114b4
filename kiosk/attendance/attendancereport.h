#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <expected>
#include <optional>

namespace checkin::db {
class Database;
struct AttendanceRecord;
struct EventRecord;
} // namespace checkin::db

namespace checkin {

// Who was expected and who arrived, per programme day: the register programme sponsors ask for.
class AttendanceReport
{
public:
    struct Entry
    {
        QString externalId;
        QString name;
        QString organisation;
        QString country;
        bool arrived = false;
        QDateTime firstScanLocal; // venue time; invalid when not arrived
        QString kioskId;
        QString checkinId;
    };
    struct Day
    {
        QDate day;
        int dayNumber = 0;
        int expected = 0;
        int arrived = 0;
        QList<Entry> guests; // expected guests and anyone else who arrived, arrivals first by time

        [[nodiscard]] QJsonObject toJson() const;
    };

    // Builds the report for every programme day, or only `day`, from this kiosk's check-ins.
    [[nodiscard]] static std::expected<QList<Day>, QString> build(db::Database &db, const db::EventRecord &event,
                                                                  std::optional<QDate> day = {});
    // The same from live check-ins read elsewhere (the venue-wide rows of every kiosk, VenueWideAttendance), with
    // guest ids of db's guests.
    [[nodiscard]] static std::expected<QList<Day>, QString> build(db::Database &db, const db::EventRecord &event,
                                                                  const QList<db::AttendanceRecord> &liveRows,
                                                                  std::optional<QDate> day = {});
    // RFC 4180 CSV with a header row, one row per guest per day; cells that a spreadsheet would run as a
    // formula (starting with = + - @ or a control character) are prefixed with an apostrophe.
    [[nodiscard]] static QByteArray toCsv(const QList<Day> &days);
    // A CSV cell, quoted when needed and neutralised against formula injection.
    [[nodiscard]] static QString csvCell(const QString &value);
};

} // namespace checkin
