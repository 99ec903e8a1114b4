#include "db/mergestore.h"

using namespace Qt::StringLiterals;

namespace checkin::db {

namespace {

DbResult<bool> exists(DbResult<Statement> stmt, const QString &uid)
{
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, uid);
    auto row = stmt->step();
    if (!row)
        return std::unexpected(row.error());
    return *row;
}

} // namespace

DbResult<void> MergeStore::markDuplicate(const QString &uid, const QString &ofUid)
{
    auto stmt = m_db.prepare("UPDATE attendance SET duplicate_of = ?2 WHERE uid = ?1");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, uid).bind(2, ofUid);
    return stmt->run();
}

DbResult<void> MergeStore::repointDuplicates(const QString &fromUid, const QString &toUid)
{
    auto stmt = m_db.prepare("UPDATE attendance SET duplicate_of = ?2 WHERE duplicate_of = ?1");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, fromUid).bind(2, toUid);
    return stmt->run();
}

DbResult<bool> MergeStore::annulAs(const QString &uid, const QString &annulledAt, const QString &reason)
{
    auto stmt = m_db.prepare("UPDATE attendance SET annulled_at = ?2, annul_reason = ?3 "
                             "WHERE uid = ?1 AND annulled_at IS NULL");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, uid).bind(2, annulledAt).bind(3, reason);
    if (auto ok = stmt->run(); !ok)
        return std::unexpected(ok.error());
    return m_db.changes() > 0;
}

DbResult<QList<ScanLogRecord>> MergeStore::scans(qint64 eventId)
{
    auto stmt = m_db.prepare("SELECT uid, kiosk_id, scanned_at, source, outcome, coalesce(event_id, 0), "
                             "coalesce(guest_id, 0), token_id, coalesce(attendance_uid, ''), detail FROM scan_log "
                             "WHERE event_id = ?1 OR guest_id IN (SELECT id FROM guest WHERE event_id = ?1) "
                             "ORDER BY id");
    if (stmt)
        stmt->bind(1, eventId);
    return collectRows(stmt, [](const Statement &s) {
        ScanLogRecord r;
        r.uid = s.text(0);
        r.kioskId = s.text(1);
        r.scannedAt = s.text(2);
        r.source = s.text(3);
        r.outcome = s.text(4);
        r.eventId = s.int64(5);
        r.guestId = s.int64(6);
        r.tokenId = s.blob(7);
        r.attendanceUid = s.text(8);
        r.detail = s.text(9);
        return r;
    });
}

DbResult<bool> MergeStore::hasScan(const QString &uid)
{
    return exists(m_db.prepare("SELECT 1 FROM scan_log WHERE uid = ?1"), uid);
}

DbResult<bool> MergeStore::insertPrintJob(const PrintJobRecord &job)
{
    auto stmt = m_db.prepare("INSERT INTO print_job (uid, kiosk_id, event_id, guest_id, kind, reason, "
                             "idempotency_key, state, attempts, last_error, printer, created_at, updated_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) "
                             "ON CONFLICT (idempotency_key) DO NOTHING");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, job.uid)
        .bind(2, job.kioskId)
        .bind(3, job.eventId)
        .bind(4, job.guestId)
        .bind(5, job.kind)
        .bind(6, job.reason)
        .bind(7, job.idempotencyKey)
        .bind(8, job.state)
        .bind(9, job.attempts)
        .bind(10, job.lastError)
        .bind(11, job.printer)
        .bind(12, job.createdAt)
        .bind(13, job.updatedAt);
    if (auto ok = stmt->run(); !ok)
        return std::unexpected(ok.error());
    return m_db.changes() > 0;
}

DbResult<void> MergeStore::updatePrintJobState(const PrintJobRecord &job)
{
    auto stmt = m_db.prepare("UPDATE print_job SET state = ?2, attempts = ?3, last_error = ?4, printer = ?5, "
                             "updated_at = ?6 WHERE uid = ?1");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, job.uid)
        .bind(2, job.state)
        .bind(3, job.attempts)
        .bind(4, job.lastError)
        .bind(5, job.printer)
        .bind(6, job.updatedAt);
    return stmt->run();
}

DbResult<bool> MergeStore::hasStaffAction(const QString &uid)
{
    return exists(m_db.prepare("SELECT 1 FROM staff_action WHERE uid = ?1"), uid);
}

} // namespace checkin::db
