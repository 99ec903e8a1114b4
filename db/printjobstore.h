#pragma once

#include "database.h"
#include "records.h"

#include <optional>

namespace checkin::db {

// The persistent print queue: one row per badge/agenda job, deduplicated by idempotency key.
class PrintJobStore
{
public:
    explicit PrintJobStore(Database &db) : m_db(db) {}

    // Queues the job unless one with the same idempotency key exists; true when a new job was queued.
    [[nodiscard]] DbResult<bool> enqueue(const PrintJobRecord &job);
    // Jobs of a guest (all guests when guestId is 0), oldest first.
    [[nodiscard]] DbResult<QList<PrintJobRecord>> jobs(qint64 eventId, qint64 guestId = 0);
    // The job with this idempotency key, if any.
    [[nodiscard]] DbResult<std::optional<PrintJobRecord>> byKey(const QString &idempotencyKey);

private:
    Database &m_db;
};

// The audit log of staff actions (annul, revoke, reprint, imports…).
class StaffActionStore
{
public:
    explicit StaffActionStore(Database &db) : m_db(db) {}

    // Appends one action.
    [[nodiscard]] DbResult<void> append(const StaffActionRecord &action);
    // Every action of the event, oldest first.
    [[nodiscard]] DbResult<QList<StaffActionRecord>> forEvent(qint64 eventId);

private:
    Database &m_db;
};

} // namespace checkin::db
