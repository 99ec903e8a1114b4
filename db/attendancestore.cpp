#include "db/attendancestore.h"

namespace checkin::db {

namespace {

#define ATTENDANCE_COLUMNS                                                                                             \
    "id, uid, kiosk_id, event_id, guest_id, invitation_id, day, scanned_at, method, annulled_at, annul_reason, "       \
    "duplicate_of"

AttendanceRecord readAttendance(const Statement &s)
{
    AttendanceRecord a;
    a.id = s.int64(0);
    a.uid = s.text(1);
    a.kioskId = s.text(2);
    a.eventId = s.int64(3);
    a.guestId = s.int64(4);
    a.invitationId = s.int64(5);
    a.day = QDate::fromString(s.text(6), Qt::ISODate);
    a.scannedAt = s.text(7);
    a.method = s.text(8);
    a.annulledAt = s.text(9);
    a.annulReason = s.text(10);
    a.duplicateOf = s.text(11);
    return a;
}

} // namespace

DbResult<std::optional<AttendanceRecord>> AttendanceStore::liveForGuestDay(qint64 guestId, QDate day)
{
    auto stmt = m_db.prepare("SELECT " ATTENDANCE_COLUMNS " FROM attendance "
                             "WHERE guest_id = ?1 AND day = ?2 AND annulled_at IS NULL AND duplicate_of IS NULL");
    if (stmt)
        stmt->bind(1, guestId).bind(2, day.toString(Qt::ISODate));
    return firstRow(stmt, readAttendance);
}

DbResult<QList<AttendanceRecord>> AttendanceStore::forGuest(qint64 guestId)
{
    auto stmt = m_db.prepare("SELECT " ATTENDANCE_COLUMNS " FROM attendance WHERE guest_id = ?1 "
                             "ORDER BY day, scanned_at, id");
    if (stmt)
        stmt->bind(1, guestId);
    return collectRows(stmt, readAttendance);
}

DbResult<int> AttendanceStore::liveDaysOtherThan(qint64 guestId, QDate day)
{
    auto stmt = m_db.prepare("SELECT count(*) FROM attendance "
                             "WHERE guest_id = ?1 AND day <> ?2 AND annulled_at IS NULL AND duplicate_of IS NULL");
    if (stmt)
        stmt->bind(1, guestId).bind(2, day.toString(Qt::ISODate));
    auto count = firstRow(stmt, [](const Statement &s) { return int(s.int64(0)); });
    if (!count)
        return std::unexpected(count.error());
    return count->value_or(0);
}

DbResult<void> AttendanceStore::insert(const AttendanceRecord &row)
{
    auto stmt = m_db.prepare("INSERT INTO attendance (uid, kiosk_id, event_id, guest_id, invitation_id, day, "
                             "scanned_at, method, annulled_at, annul_reason, duplicate_of) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, row.uid)
        .bind(2, row.kioskId)
        .bind(3, row.eventId)
        .bind(4, row.guestId)
        .bind(5, row.invitationId ? std::optional<qint64>(row.invitationId) : std::nullopt)
        .bind(6, row.day.toString(Qt::ISODate))
        .bind(7, row.scannedAt)
        .bind(8, row.method)
        .bindOptional(9, row.annulledAt)
        .bindOptional(10, row.annulledAt.isEmpty() ? QString() : row.annulReason)
        .bindOptional(11, row.duplicateOf);
    return stmt->run();
}

DbResult<std::optional<AttendanceRecord>> AttendanceStore::byUid(const QString &uid)
{
    auto stmt = m_db.prepare("SELECT " ATTENDANCE_COLUMNS " FROM attendance WHERE uid = ?1");
    if (stmt)
        stmt->bind(1, uid);
    return firstRow(stmt, readAttendance);
}

DbResult<bool> AttendanceStore::annul(const QString &uid, const QString &reason)
{
    auto stmt = m_db.prepare("UPDATE attendance SET annulled_at = ?2, annul_reason = ?3 "
                             "WHERE uid = ?1 AND annulled_at IS NULL");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, uid).bind(2, utcNowText()).bind(3, reason);
    if (auto ok = stmt->run(); !ok)
        return std::unexpected(ok.error());
    return m_db.changes() > 0;
}

DbResult<QList<AttendanceRecord>> AttendanceStore::liveForEvent(qint64 eventId, std::optional<QDate> day)
{
    auto stmt = m_db.prepare(
        "SELECT " ATTENDANCE_COLUMNS " FROM attendance "
        "WHERE event_id = ?1 AND annulled_at IS NULL AND duplicate_of IS NULL AND (?2 IS NULL OR day = ?2) "
        "ORDER BY day, scanned_at");
    if (stmt)
        stmt->bind(1, eventId).bindOptional(2, day ? day->toString(Qt::ISODate) : QString());
    return collectRows(stmt, readAttendance);
}

DbResult<QList<AttendanceRecord>> AttendanceStore::allForEvent(qint64 eventId)
{
    auto stmt = m_db.prepare("SELECT " ATTENDANCE_COLUMNS
                             " FROM attendance WHERE event_id = ?1 ORDER BY scanned_at, id");
    if (stmt)
        stmt->bind(1, eventId);
    return collectRows(stmt, readAttendance);
}

DbResult<void> AttendanceStore::appendScan(const ScanLogRecord &scan)
{
    auto stmt = m_db.prepare("INSERT INTO scan_log (uid, kiosk_id, scanned_at, source, outcome, event_id, "
                             "guest_id, token_id, attendance_uid, detail) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, scan.uid)
        .bind(2, scan.kioskId)
        .bind(3, scan.scannedAt)
        .bind(4, scan.source)
        .bind(5, scan.outcome)
        .bind(6, scan.eventId ? std::optional<qint64>(scan.eventId) : std::nullopt)
        .bind(7, scan.guestId ? std::optional<qint64>(scan.guestId) : std::nullopt)
        .bindOptional(9, scan.attendanceUid)
        .bind(10, scan.detail);
    if (scan.tokenId.isEmpty())
        stmt->bindNull(8);
    else
        stmt->bindBlob(8, scan.tokenId);
    return stmt->run();
}

DbResult<qint64> AttendanceStore::scanCount(const QString &outcome)
{
    auto stmt = m_db.prepare("SELECT count(*) FROM scan_log WHERE ?1 IS NULL OR outcome = ?1");
    if (stmt)
        stmt->bindOptional(1, outcome);
    auto count = firstRow(stmt, [](const Statement &s) { return s.int64(0); });
    if (!count)
        return std::unexpected(count.error());
    return count->value_or(0);
}

} // namespace checkin::db
