#pragma once

#include "db/records.h"

#include <QDate>
#include <QDeadlineTimer>
#include <QList>
#include <QString>

#include <expected>
#include <memory>

namespace checkin {

namespace venue {
class VenueConnection;
}

// The venue-wide attendance for a kiosk's staff dashboard and 'checkinctl attendance': every kiosk's check-ins, read
// from the venue database, with the guest ids of this kiosk's file. Has its own connection (one per thread, like
// every VenueConnection). After a read fails (the server is down, the event is not pushed yet) it does not ask again
// for kRetryAfterSeconds, so a dashboard refreshing every few seconds never stalls on a dead network: meanwhile
// callers show the kiosk's own check-ins and say so.
class VenueWideAttendance
{
public:
    static constexpr int kRetryAfterSeconds = 30;

    // The venue database at conninfo (a libpq connection string), for event (found there by number and public key).
    VenueWideAttendance(QString conninfo, db::EventRecord event);
    ~VenueWideAttendance();
    VenueWideAttendance(const VenueWideAttendance &) = delete;
    VenueWideAttendance &operator=(const VenueWideAttendance &) = delete;

    // The live check-ins of every kiosk as rows of this file (guestId is the id in guests with the same external id),
    // with those of local (this file's live check-ins) for a guest and day the venue database has none for yet: a
    // check-in of the last seconds, not sent yet, counts at once. Check-ins of guests missing from guests (registered
    // late and not pulled here yet; the next sync round brings them) are left out. The error is a sentence for staff.
    [[nodiscard]] std::expected<QList<db::AttendanceRecord>, QString> liveRows(
        const QList<db::GuestRecord> &guests, const QList<db::AttendanceRecord> &local);

private:
    // One read of the venue's live rows, mapped to guests' ids.
    std::expected<QList<db::AttendanceRecord>, QString> readOnce(const QList<db::GuestRecord> &guests);
    // The venue's id of the event, connecting first when needed; an error while backing off after a failure.
    std::expected<qint64, QString> ready();
    QString failed(const QString &message, bool connectionLost);

    QString m_conninfo;
    db::EventRecord m_event;
    std::unique_ptr<venue::VenueConnection> m_conn;
    qint64 m_eventId = 0;
    QDeadlineTimer m_retryAt{0};
    QString m_lastError;
};

} // namespace checkin
