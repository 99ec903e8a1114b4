#pragma once

#include "db/database.h"
#include "db/records.h"

namespace checkin::db {

// The audit log of staff actions (annul, revoke, reprint, imports…).
class StaffActionStore
{
public:
    explicit StaffActionStore(Database &db)
        : m_db(db)
    {
    }

    // Appends one action.
    [[nodiscard]] DbResult<void> append(const StaffActionRecord &action);
    // Every action of the event, oldest first.
    [[nodiscard]] DbResult<QList<StaffActionRecord>> forEvent(qint64 eventId);

private:
    Database &m_db;
};

} // namespace checkin::db
