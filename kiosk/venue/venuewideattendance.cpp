#include "kiosk/venue/venuewideattendance.h"

#include "db/venue/venueattendance.h"
#include "db/venue/venueconnection.h"
#include "db/venue/venuekioskrecords.h"
#include "db/venue/venueschema.h"

#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace checkin {

VenueWideAttendance::VenueWideAttendance(QString conninfo, db::EventRecord event)
    : m_conninfo(std::move(conninfo))
    , m_event(std::move(event))
{
}

VenueWideAttendance::~VenueWideAttendance() = default;

QString VenueWideAttendance::failed(const QString &message, bool connectionLost)
{
    if (connectionLost) {
        m_conn.reset();
        m_eventId = 0;
    }
    m_retryAt.setRemainingTime(std::chrono::seconds(kRetryAfterSeconds));
    m_lastError = message;
    return message;
}

std::expected<qint64, QString> VenueWideAttendance::ready()
{
    if (m_conn && m_eventId != 0)
        return m_eventId;
    if (!m_retryAt.hasExpired())
        return std::unexpected(m_lastError);
    auto conn = venue::VenueConnection::open(m_conninfo);
    if (!conn)
        return std::unexpected(failed(conn.error().message, true));
    if (auto schema = venue::VenueSchema::check(**conn); !schema)
        return std::unexpected(failed(schema.error().message, true));
    auto id = venue::VenueKioskRecords(**conn).eventId(m_event.number, m_event.verifyKey);
    if (!id)
        return std::unexpected(failed(id.error().message, true));
    m_conn = std::move(*conn);
    m_eventId = *id;
    m_lastError.clear();
    return m_eventId;
}

std::expected<QList<db::AttendanceRecord>, QString> VenueWideAttendance::liveRows(
    const QList<db::GuestRecord> &guests, const QList<db::AttendanceRecord> &local)
{
    // A connection kept from the last read may have died since (the server restarted in between): its first use fails
    // as unreachable, and one fresh connection now saves staff the fallback until the retry.
    const bool reusing = m_conn != nullptr;
    auto rows = readOnce(guests);
    if (!rows && reusing && !m_conn) {
        m_retryAt.setRemainingTime(0);
        rows = readOnce(guests);
    }
    if (!rows)
        return rows;
    QSet<std::pair<qint64, QDate>> held;
    for (const db::AttendanceRecord &a : std::as_const(*rows))
        held.insert({a.guestId, a.day});
    for (const db::AttendanceRecord &a : local) {
        if (!held.contains({a.guestId, a.day}))
            rows->append(a);
    }
    return rows;
}

std::expected<QList<db::AttendanceRecord>, QString> VenueWideAttendance::readOnce(const QList<db::GuestRecord> &guests)
{
    auto eventId = ready();
    if (!eventId)
        return std::unexpected(eventId.error());
    auto rows = venue::VenueAttendance(*m_conn).liveRows(*eventId);
    if (!rows)
        return std::unexpected(failed(rows.error().message, rows.error().isUnreachable()));
    QHash<QString, qint64> idOf;
    idOf.reserve(guests.size());
    for (const db::GuestRecord &g : guests)
        idOf.insert(g.externalId, g.id);
    QList<db::AttendanceRecord> out;
    out.reserve(rows->size());
    for (const venue::VenueLiveAttendance &row : std::as_const(*rows)) {
        const qint64 guestId = idOf.value(row.externalId);
        if (guestId == 0)
            continue;
        db::AttendanceRecord a;
        a.uid = row.uid;
        a.kioskId = row.kioskId;
        a.eventId = m_event.id;
        a.guestId = guestId;
        a.day = row.day;
        a.scannedAt = row.scannedAt;
        a.method = row.method;
        out.append(a);
    }
    return out;
}

} // namespace checkin
