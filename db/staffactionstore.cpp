#include "db/staffactionstore.h"

namespace checkin::db {

namespace {

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
