#include "printjobstore.h"

namespace checkin::db {

namespace {

#define PRINT_JOB_COLUMNS                                                                                     \
    "id, uid, kiosk_id, event_id, guest_id, kind, reason, idempotency_key, state, attempts, last_error, "     \
    "printer, created_at, updated_at"

PrintJobRecord readJob(const Statement &s)
{
    PrintJobRecord j;
    j.id = s.int64(0);
    j.uid = s.text(1);
    j.kioskId = s.text(2);
    j.eventId = s.int64(3);
    j.guestId = s.int64(4);
    j.kind = s.text(5);
    j.reason = s.text(6);
    j.idempotencyKey = s.text(7);
    j.state = s.text(8);
    j.attempts = int(s.int64(9));
    j.lastError = s.text(10);
    j.printer = s.text(11);
    j.createdAt = s.text(12);
    j.updatedAt = s.text(13);
    return j;
}

#define STAFF_ACTION_COLUMNS "uid, kiosk_id, at, actor, action, event_id, guest_id, target_uid, detail"

StaffActionRecord readAction(const Statement &s)
{
    StaffActionRecord a;
    a.uid = s.text(0);
    a.kioskId = s.text(1);
    a.at = s.text(2);
    a.actor = s.text(3);
    a.action = s.text(4);
    a.eventId = s.int64(5);
    a.guestId = s.int64(6);
    a.targetUid = s.text(7);
    a.detail = s.text(8);
    return a;
}

std::optional<qint64> optionalId(qint64 id)
{
    return id ? std::optional<qint64>(id) : std::nullopt;
}

} // namespace

DbResult<bool> PrintJobStore::enqueue(const PrintJobRecord &job)
{
    auto stmt = m_db.prepare("INSERT INTO print_job (uid, kiosk_id, event_id, guest_id, kind, reason, "
                             "idempotency_key, state, created_at, updated_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'queued', ?8, ?8) "
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
        .bind(8, job.createdAt.isEmpty() ? utcNowText() : job.createdAt);
    if (auto ok = stmt->run(); !ok)
        return std::unexpected(ok.error());
    return m_db.changes() > 0;
}

DbResult<QList<PrintJobRecord>> PrintJobStore::jobs(qint64 eventId, qint64 guestId)
{
    auto stmt = m_db.prepare("SELECT " PRINT_JOB_COLUMNS " FROM print_job "
                             "WHERE event_id = ?1 AND (?2 IS NULL OR guest_id = ?2) ORDER BY id");
    if (stmt)
        stmt->bind(1, eventId).bind(2, optionalId(guestId));
    return collectRows(stmt, readJob);
}

DbResult<std::optional<PrintJobRecord>> PrintJobStore::byKey(const QString &idempotencyKey)
{
    auto stmt = m_db.prepare("SELECT " PRINT_JOB_COLUMNS " FROM print_job WHERE idempotency_key = ?1");
    if (stmt)
        stmt->bind(1, idempotencyKey);
    return firstRow(stmt, readJob);
}

DbResult<void> StaffActionStore::append(const StaffActionRecord &action)
{
    auto stmt = m_db.prepare("INSERT INTO staff_action (uid, kiosk_id, at, actor, action, event_id, guest_id, "
                             "target_uid, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, action.uid.isEmpty() ? newUid() : action.uid)
        .bind(2, action.kioskId)
        .bind(3, action.at.isEmpty() ? utcNowText() : action.at)
        .bind(4, action.actor)
        .bind(5, action.action)
        .bind(6, optionalId(action.eventId))
        .bind(7, optionalId(action.guestId))
        .bindOptional(8, action.targetUid)
        .bind(9, action.detail.isEmpty() ? QStringLiteral("{}") : action.detail);
    return stmt->run();
}

DbResult<QList<StaffActionRecord>> StaffActionStore::forEvent(qint64 eventId)
{
    auto stmt = m_db.prepare("SELECT " STAFF_ACTION_COLUMNS " FROM staff_action WHERE event_id = ?1 ORDER BY id");
    if (stmt)
        stmt->bind(1, eventId);
    return collectRows(stmt, readAction);
}

} // namespace checkin::db
