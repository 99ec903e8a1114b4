#include "db/printjobstore.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace checkin::db {

namespace {

#define PRINT_JOB_COLUMNS                                                                                              \
    "id, uid, kiosk_id, event_id, guest_id, kind, reason, idempotency_key, state, attempts, last_error, "              \
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

std::optional<qint64> optionalId(qint64 id)
{
    return id ? std::optional<qint64>(id) : std::nullopt;
}

// A new updated_at for a row last stamped `previous`: now, but always later than before, so that the stamp is a
// version number for the compare-and-set transitions even when two changes fall in the same millisecond.
QString nextStamp(const QString &previous)
{
    QString now = utcNowText();
    if (now > previous)
        return now;
    const QDateTime last = QDateTime::fromString(previous, Qt::ISODateWithMs);
    return last.isValid() ? last.addMSecs(1).toUTC().toString(Qt::ISODateWithMs) : now;
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

DbResult<std::optional<PrintJobRecord>> PrintJobStore::byUid(const QString &uid)
{
    auto stmt = m_db.prepare("SELECT " PRINT_JOB_COLUMNS " FROM print_job WHERE uid = ?1");
    if (stmt)
        stmt->bind(1, uid);
    return firstRow(stmt, readJob);
}

DbResult<std::optional<PrintJobRecord>> PrintJobStore::byId(qint64 id)
{
    auto stmt = m_db.prepare("SELECT " PRINT_JOB_COLUMNS " FROM print_job WHERE id = ?1");
    if (stmt)
        stmt->bind(1, id);
    return firstRow(stmt, readJob);
}

DbResult<QList<PrintJobRecord>> PrintJobStore::inState(const QString &state, const QString &kioskId)
{
    auto stmt = m_db.prepare("SELECT " PRINT_JOB_COLUMNS " FROM print_job "
                             "WHERE state = ?1 AND (?2 IS NULL OR kiosk_id = ?2) ORDER BY id");
    if (stmt)
        stmt->bind(1, state).bindOptional(2, kioskId);
    return collectRows(stmt, readJob);
}

DbResult<std::optional<PrintJobRecord>> PrintJobStore::claimNext(
    const std::function<bool(const PrintJobRecord &)> &isDue, const QString &kioskId)
{
    // The queue is read without holding the write lock (kiosks checking guests in wait for that lock); the claim
    // itself is one UPDATE that only applies while the row is still as read, so two workers never claim one job.
    auto queued = inState(u"queued"_s, kioskId);
    if (!queued)
        return std::unexpected(queued.error());
    for (PrintJobRecord job : *queued) {
        if (!isDue(job))
            continue;
        auto claimed = transition(job, u"sent"_s, QString(), job.attempts + 1, job.lastError);
        if (!claimed)
            return std::unexpected(claimed.error());
        if (*claimed)
            return std::optional<PrintJobRecord>(job);
    }
    return std::optional<PrintJobRecord>{};
}

DbResult<bool> PrintJobStore::transition(PrintJobRecord &job, const QString &state, const QString &printer,
                                         int attempts, const QString &error)
{
    auto stmt = m_db.prepare("UPDATE print_job SET state = ?1, printer = ?2, attempts = ?3, last_error = ?4, "
                             "updated_at = ?5 "
                             "WHERE id = ?6 AND state = ?7 AND printer = ?8 AND attempts = ?9 AND updated_at = ?10");
    if (!stmt)
        return std::unexpected(stmt.error());
    const QString stamp = nextStamp(job.updatedAt);
    stmt->bind(1, state)
        .bind(2, printer)
        .bind(3, attempts)
        .bind(4, error)
        .bind(5, stamp)
        .bind(6, job.id)
        .bind(7, job.state)
        .bind(8, job.printer)
        .bind(9, job.attempts)
        .bind(10, job.updatedAt);
    if (auto ok = stmt->run(); !ok)
        return std::unexpected(ok.error());
    if (m_db.changes() == 0)
        return false;
    job.state = state;
    job.printer = printer;
    job.attempts = attempts;
    job.lastError = error;
    job.updatedAt = stamp;
    return true;
}

DbResult<bool> PrintJobStore::markSent(PrintJobRecord &job, const QString &handle)
{
    return transition(job, u"sent"_s, handle, job.attempts, QString());
}

DbResult<bool> PrintJobStore::markPrinted(PrintJobRecord &job)
{
    return transition(job, u"printed"_s, job.printer, job.attempts, QString());
}

DbResult<bool> PrintJobStore::markFailed(PrintJobRecord &job, const QString &error)
{
    return transition(job, u"failed"_s, job.printer, job.attempts, error);
}

DbResult<bool> PrintJobStore::markRetry(PrintJobRecord &job, const QString &error)
{
    return transition(job, u"queued"_s, QString(), job.attempts, error);
}

DbResult<bool> PrintJobStore::noteProblem(PrintJobRecord &job, const QString &error)
{
    return transition(job, job.state, job.printer, job.attempts, error);
}

DbResult<PrintJobRecord> PrintJobStore::reprint(qint64 eventId, qint64 guestId, const QString &kind,
                                                const QString &kioskId)
{
    if (kind != u"badge"_s && kind != u"agenda"_s)
        return std::unexpected(
            DbError{0, u"Cannot reprint '%1': only a badge or an agenda can be reprinted."_s.arg(kind)});
    auto stmt = m_db.prepare("SELECT e.number, g.external_id FROM guest g JOIN event e ON e.id = g.event_id "
                             "WHERE g.id = ?1 AND g.event_id = ?2");
    if (stmt)
        stmt->bind(1, guestId).bind(2, eventId);
    auto names = firstRow(stmt, [](const Statement &s) { return std::pair(s.int64(0), s.text(1)); });
    if (!names)
        return std::unexpected(names.error());
    if (!*names)
        return std::unexpected(DbError{0, u"Cannot reprint: guest %1 is not a guest of this event."_s.arg(guestId)});

    PrintJobRecord job;
    job.uid = newUid();
    job.kioskId = kioskId;
    job.eventId = eventId;
    job.guestId = guestId;
    job.kind = kind;
    job.reason = u"reprint"_s;
    job.idempotencyKey = u"%1/%2/%3/reprint/%4"_s.arg(kind).arg((*names)->first).arg((*names)->second, job.uid);
    auto queued = enqueue(job);
    if (!queued)
        return std::unexpected(queued.error());
    auto stored = byKey(job.idempotencyKey);
    if (!stored)
        return std::unexpected(stored.error());
    if (!*stored)
        return std::unexpected(DbError{0, u"The reprint was not recorded; try again."_s});
    return **stored;
}

} // namespace checkin::db
