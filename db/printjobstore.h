#pragma once

#include "db/database.h"
#include "db/records.h"

#include <functional>
#include <optional>

namespace checkin::db {

// The persistent print queue: one row per badge/agenda job, deduplicated by idempotency key.
//
// A job's life: 'queued' → claimed by a worker ('sent' with no printer handle yet, one more attempt) → handed to
// the printer ('sent', printer = the printer's job handle, e.g. "badges-42") → 'printed'; or back to 'queued' to
// be retried, or 'failed' when it will not print without staff. Several worker processes may share the file:
// claiming is one BEGIN IMMEDIATE transaction, and every later transition is a compare-and-set on the row as the
// worker last saw it (state, printer, attempts, updated_at), so a worker that lost a race writes nothing.
class PrintJobStore
{
public:
    explicit PrintJobStore(Database &db)
        : m_db(db)
    {
    }

    // Queues the job unless one with the same idempotency key exists; true when a new job was queued.
    [[nodiscard]] DbResult<bool> enqueue(const PrintJobRecord &job);
    // Jobs of a guest (all guests when guestId is 0), oldest first.
    [[nodiscard]] DbResult<QList<PrintJobRecord>> jobs(qint64 eventId, qint64 guestId = 0);
    // The job with this idempotency key, if any.
    [[nodiscard]] DbResult<std::optional<PrintJobRecord>> byKey(const QString &idempotencyKey);
    // The job with this uid, if any.
    [[nodiscard]] DbResult<std::optional<PrintJobRecord>> byUid(const QString &uid);
    // The job with this row id, if any.
    [[nodiscard]] DbResult<std::optional<PrintJobRecord>> byId(qint64 id);
    // Jobs in state (queued|sent|printed|failed) of every event, of one kiosk (all when kioskId is empty), oldest
    // first.
    [[nodiscard]] DbResult<QList<PrintJobRecord>> inState(const QString &state, const QString &kioskId = {});

    // Claims the oldest queued job (of kioskId, or of any kiosk when empty) for which isDue(job) is true: it becomes
    // 'sent' with an empty printer handle and one more attempt, by one compare-and-set UPDATE (a job another worker
    // claimed since it was read is skipped). Returns the claimed job as now stored, or nullopt when none is due.
    [[nodiscard]] DbResult<std::optional<PrintJobRecord>> claimNext(
        const std::function<bool(const PrintJobRecord &)> &isDue, const QString &kioskId = {});

    // Transitions. Each applies only while the row is still as `job` describes and then updates `job`;
    // false (and nothing written) when another worker changed the job first.
    // The printer has the job under `handle`; clears last_error.
    [[nodiscard]] DbResult<bool> markSent(PrintJobRecord &job, const QString &handle);
    // The printer finished the job; clears last_error.
    [[nodiscard]] DbResult<bool> markPrinted(PrintJobRecord &job);
    // The job will not print without staff; error says why and what to do.
    [[nodiscard]] DbResult<bool> markFailed(PrintJobRecord &job, const QString &error);
    // Back to 'queued' with no printer handle, to be tried again; error says why it did not print this time.
    [[nodiscard]] DbResult<bool> markRetry(PrintJobRecord &job, const QString &error);
    // Records a problem the job is waiting on (or its end, with an empty error) without changing the state.
    [[nodiscard]] DbResult<bool> noteProblem(PrintJobRecord &job, const QString &error);

    // Queues a new, explicit reprint of the guest's badge or agenda (kind) for kiosk kioskId: reason 'reprint',
    // idempotency key "<kind>/<event number>/<guest external id>/reprint/<uid>". Returns the new job.
    [[nodiscard]] DbResult<PrintJobRecord> reprint(qint64 eventId, qint64 guestId, const QString &kind,
                                                   const QString &kioskId);

private:
    DbResult<bool> transition(PrintJobRecord &job, const QString &state, const QString &printer, int attempts,
                              const QString &error);

    Database &m_db;
};

} // namespace checkin::db
