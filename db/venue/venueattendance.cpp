#include "db/venue/venueattendance.h"

using namespace Qt::StringLiterals;

namespace checkin::venue {

VenueResult<QList<VenueLiveAttendance>> VenueAttendance::liveRows(qint64 eventId)
{
    // The same UTC text form the kiosks write (AttendanceRecord::scannedAt), so both sources read alike.
    auto rows = m_venue.exec("SELECT a.uid, a.kiosk_id, g.external_id, a.day, "
                             "to_char(a.scanned_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), a.method "
                             "FROM attendance a JOIN guests g ON g.id = a.guest_id "
                             "WHERE a.event_id = $1 AND a.annulled_at IS NULL AND a.duplicate_of IS NULL "
                             "ORDER BY a.scanned_at, a.uid",
                             {eventId});
    if (!rows)
        return std::unexpected(rows.error());
    QList<VenueLiveAttendance> live;
    live.reserve(rows->count());
    for (int r = 0; r < rows->count(); ++r) {
        live.append({rows->text(r, 0), rows->text(r, 1), rows->text(r, 2),
                     QDate::fromString(rows->text(r, 3), Qt::ISODate), rows->text(r, 4), rows->text(r, 5)});
    }
    return live;
}

} // namespace checkin::venue
