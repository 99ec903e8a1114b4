#include "db/retentionstore.h"

namespace checkin::db {

namespace {

// The guests of event ?1, and every row that names one of them or the event's tokens.
#define EVENT_GUESTS "(SELECT id FROM guest WHERE event_id = ?1)"

DbResult<qint64> countOf(DbResult<Statement> stmt, qint64 eventId)
{
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, eventId);
    auto row = stmt->step();
    if (!row)
        return std::unexpected(row.error());
    return *row ? stmt->int64(0) : 0;
}

DbResult<qint64> changed(Database &db, DbResult<Statement> stmt, qint64 eventId)
{
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, eventId);
    if (auto ok = stmt->run(); !ok)
        return std::unexpected(ok.error());
    return db.changes();
}

} // namespace

DbResult<PersonalDataCounts> RetentionStore::count(qint64 eventId)
{
    PersonalDataCounts c;
    const std::pair<qint64 *, const char *> queries[] = {
        {&c.guestAgenda, "SELECT count(*) FROM guest_agenda WHERE guest_id IN " EVENT_GUESTS},
        {&c.printJobs, "SELECT count(*) FROM print_job WHERE event_id = ?1 OR guest_id IN " EVENT_GUESTS},
        {&c.scanLog, "SELECT count(*) FROM scan_log WHERE event_id = ?1 OR guest_id IN " EVENT_GUESTS},
        {&c.attendance, "SELECT count(*) FROM attendance WHERE event_id = ?1 OR guest_id IN " EVENT_GUESTS},
        {&c.staffActions, "SELECT count(*) FROM staff_action WHERE guest_id IN " EVENT_GUESTS},
        {&c.invitationMails, "SELECT count(*) FROM invitation_mail WHERE event_id = ?1 OR guest_id IN " EVENT_GUESTS},
        {&c.invitations, "SELECT count(*) FROM invitation WHERE event_id = ?1 OR guest_id IN " EVENT_GUESTS},
        {&c.guests, "SELECT count(*) FROM guest WHERE event_id = ?1"},
    };
    for (const auto &[target, sql] : queries) {
        auto n = countOf(m_db.prepare(sql), eventId);
        if (!n)
            return std::unexpected(n.error());
        *target = *n;
    }
    return c;
}

DbResult<QList<DayTotal>> RetentionStore::arrivalsPerDay(qint64 eventId)
{
    auto stmt = m_db.prepare(
        "SELECT day, count(DISTINCT guest_id) FROM attendance "
        "WHERE event_id = ?1 AND annulled_at IS NULL AND duplicate_of IS NULL GROUP BY day ORDER BY day");
    if (stmt)
        stmt->bind(1, eventId);
    return collectRows(stmt, [](const Statement &s) {
        return DayTotal{QDate::fromString(s.text(0), Qt::ISODate), int(s.int64(1))};
    });
}

DbResult<PersonalDataCounts> RetentionStore::purge(qint64 eventId)
{
    PersonalDataCounts c;
    // Children before parents: foreign keys are on.
    const std::pair<qint64 *, const char *> steps[] = {
        {&c.guestAgenda, "DELETE FROM guest_agenda WHERE guest_id IN " EVENT_GUESTS},
        {&c.printJobs, "DELETE FROM print_job WHERE event_id = ?1 OR guest_id IN " EVENT_GUESTS},
        {&c.scanLog, "DELETE FROM scan_log WHERE event_id = ?1 OR guest_id IN " EVENT_GUESTS},
        {&c.attendance, "DELETE FROM attendance WHERE event_id = ?1 OR guest_id IN " EVENT_GUESTS},
        // The audit trail stays (who did what, when); whom it was done to goes.
        {&c.staffActions, "UPDATE staff_action SET guest_id = NULL, target_uid = NULL, detail = '{}' "
                          "WHERE guest_id IN " EVENT_GUESTS},
        {&c.invitationMails, "DELETE FROM invitation_mail WHERE event_id = ?1 OR guest_id IN " EVENT_GUESTS},
        {&c.invitations, "DELETE FROM invitation WHERE event_id = ?1 OR guest_id IN " EVENT_GUESTS},
        {&c.guests, "DELETE FROM guest WHERE event_id = ?1"},
    };
    for (const auto &[target, sql] : steps) {
        auto n = changed(m_db, m_db.prepare(sql), eventId);
        if (!n)
            return std::unexpected(n.error());
        *target = *n;
    }
    return c;
}

DbResult<void> RetentionStore::compact()
{
    if (auto ok = m_db.exec("VACUUM"); !ok)
        return ok;
    return m_db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

} // namespace checkin::db
