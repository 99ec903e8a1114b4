#pragma once

#include "db/venue/venueconnection.h"

#include <QDate>
#include <QList>
#include <QString>

namespace checkin::venue {

// One live check-in as the venue database holds it: the row that holds the guest's slot for the day venue-wide
// (not annulled, not a duplicate of an earlier scan at another kiosk).
struct VenueLiveAttendance
{
    QString uid;
    QString kioskId;
    QString externalId; // the guest, as every kiosk's file knows them
    QDate day;          // programme day, venue-local
    QString scannedAt;  // UTC ISO 8601 with milliseconds, as the kiosks write it
    QString method;     // qr | manual
};

// The venue-wide view of attendance that the staff dashboard and 'checkinctl attendance' read when a venue database
// is configured: every kiosk's check-ins, one per guest per day (venue_push_attendance keeps the earliest).
class VenueAttendance
{
public:
    explicit VenueAttendance(VenueConnection &venue)
        : m_venue(venue)
    {
    }

    // Live rows of the event (venue row id eventId), oldest first.
    [[nodiscard]] VenueResult<QList<VenueLiveAttendance>> liveRows(qint64 eventId);

private:
    VenueConnection &m_venue;
};

} // namespace checkin::venue
