#include "bench/venuesim/probes.h"

#include "bench/venuesim/simkiosk.h"

#include "db/venueoutboxstore.h"

using namespace Qt::StringLiterals;

namespace checkin::venuesim {

// The advisory lock every writer of the pulled tables takes (db/venue/venueevents.cpp, venuekioskrecords.cpp).
constexpr const char *kLockChangesSql = "SELECT pg_advisory_xact_lock(7310595474590336002)";

venue::VenueResult<qint64> VenueProbe::eventId(int number)
{
    auto rows = m_conn->exec("SELECT id FROM events WHERE number = $1", {number});
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->count() != 1)
        return std::unexpected(venue::VenueError{
            venue::VenueError::Kind::Failed, u"event %1 is not in the venue database"_s.arg(number), {}});
    return rows->int64(0, 0);
}

venue::VenueResult<qint64> VenueProbe::revoke(qint64 eventId, const QByteArray &tokenId)
{
    venue::VenueTransaction tx(*m_conn);
    if (auto ok = tx.begin(); !ok)
        return std::unexpected(ok.error());
    if (auto ok = m_conn->exec(kLockChangesSql); !ok)
        return std::unexpected(ok.error());
    auto updated = m_conn->exec("UPDATE invitations SET status = 'revoked', revoked_at = now() "
                                "WHERE event_id = $1 AND token_id = $2 AND status = 'active'",
                                {eventId, venue::VenueParam::bytes(tokenId)});
    if (!updated)
        return std::unexpected(updated.error());
    if (updated->affected() != 1)
        return std::unexpected(venue::VenueError{
            venue::VenueError::Kind::Failed, u"the invitation to revoke was not active in the venue database"_s, {}});
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    return wallMicros();
}

venue::VenueResult<qint64> VenueProbe::count(const char *sql, qint64 eventId)
{
    auto rows = m_conn->exec(sql, {eventId});
    if (!rows)
        return std::unexpected(rows.error());
    return rows->int64(0, 0);
}

venue::VenueResult<VenueTotals> VenueProbe::totals(qint64 eventId)
{
    VenueTotals t;
    const std::pair<const char *, qint64 *> queries[] = {
        {"SELECT count(*) FROM attendance WHERE event_id = $1", &t.attendance},
        {"SELECT count(*) FROM attendance WHERE event_id = $1 AND duplicate_of IS NULL AND annulled_at IS NULL",
         &t.live},
        {"SELECT count(*) FROM attendance WHERE event_id = $1 AND duplicate_of IS NOT NULL", &t.duplicates},
        {"SELECT count(*) FROM (SELECT 1 FROM attendance WHERE event_id = $1 AND duplicate_of IS NULL "
         "AND annulled_at IS NULL GROUP BY guest_id, day HAVING count(*) > 1) twice",
         &t.guestDaysTwiceLive},
        {"SELECT count(*) FROM scan_log WHERE event_id = $1", &t.scans},
        {"SELECT count(*) FROM scan_log WHERE event_id = $1 AND duplicate", &t.duplicateScans},
        {"SELECT count(*) FROM print_job_states WHERE event_id = $1", &t.printJobs},
        {"SELECT count(*) FROM invitations WHERE event_id = $1 AND status = 'revoked'", &t.revoked},
        {"SELECT pg_database_size(current_database()) + 0 * $1", &t.databaseBytes},
    };
    for (const auto &[sql, target] : queries) {
        auto n = count(sql, eventId);
        if (!n)
            return std::unexpected(n.error());
        *target = *n;
    }
    return t;
}

venue::VenueResult<void> VenueProbe::countStatements()
{
    if (auto ok = m_conn->exec("CREATE EXTENSION IF NOT EXISTS pg_stat_statements"); !ok)
        return std::unexpected(ok.error());
    if (auto ok = m_conn->exec("SELECT pg_stat_statements_reset()"); !ok)
        return std::unexpected(ok.error());
    return {};
}

venue::VenueResult<QList<StatementCost>> VenueProbe::costliestStatements(int limit)
{
    auto rows = m_conn->exec("SELECT regexp_replace(query, '\\s+', ' ', 'g'), calls, mean_exec_time, "
                             "total_exec_time / 1000 FROM pg_stat_statements "
                             "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                             "ORDER BY total_exec_time DESC LIMIT $1",
                             {limit});
    if (!rows)
        return std::unexpected(rows.error());
    QList<StatementCost> costs;
    for (int r = 0; r < rows->count(); ++r)
        costs << StatementCost{rows->text(r, 0), rows->int64(r, 1), rows->text(r, 2).toDouble(),
                               rows->text(r, 3).toDouble()};
    return costs;
}

venue::VenueResult<QHash<QString, VenueProbe::Arrival>> VenueProbe::attendanceArrivals(qint64 eventId)
{
    auto rows = m_conn->exec("SELECT uid, (extract(epoch FROM received_at) * 1000000)::bigint, "
                             "coalesce((extract(epoch FROM pg_xact_commit_timestamp(xmin)) * 1000000)::bigint, 0) "
                             "FROM attendance WHERE event_id = $1",
                             {eventId});
    if (!rows)
        return std::unexpected(rows.error());
    QHash<QString, Arrival> arrivals;
    arrivals.reserve(rows->count());
    for (int r = 0; r < rows->count(); ++r)
        arrivals.insert(rows->text(r, 0), Arrival{rows->int64(r, 1), rows->int64(r, 2)});
    return arrivals;
}

venue::VenueResult<QSet<QString>> VenueProbe::scanUids(qint64 eventId)
{
    auto rows = m_conn->exec("SELECT uid FROM scan_log WHERE event_id = $1", {eventId});
    if (!rows)
        return std::unexpected(rows.error());
    QSet<QString> uids;
    uids.reserve(rows->count());
    for (int r = 0; r < rows->count(); ++r)
        uids.insert(rows->text(r, 0));
    return uids;
}

venue::VenueResult<QSet<QString>> VenueProbe::liveGuestDays(qint64 eventId)
{
    auto rows = m_conn->exec("SELECT g.external_id || '|' || to_char(a.day, 'YYYY-MM-DD') FROM attendance a "
                             "JOIN guests g ON g.id = a.guest_id WHERE a.event_id = $1 "
                             "AND a.duplicate_of IS NULL AND a.annulled_at IS NULL",
                             {eventId});
    if (!rows)
        return std::unexpected(rows.error());
    QSet<QString> days;
    for (int r = 0; r < rows->count(); ++r)
        days.insert(rows->text(r, 0));
    return days;
}

db::DbResult<QSet<QString>> KioskFileProbe::column(db::DbResult<db::Statement> stmt)
{
    auto rows = db::collectRows(stmt, [](const db::Statement &s) { return s.text(0); });
    if (!rows)
        return std::unexpected(rows.error());
    return QSet<QString>(rows->begin(), rows->end());
}

db::DbResult<qint64> KioskFileProbe::number(db::DbResult<db::Statement> stmt)
{
    auto row = db::firstRow(stmt, [](const db::Statement &s) { return s.int64(0); });
    if (!row)
        return std::unexpected(row.error());
    return row->value_or(0);
}

db::DbResult<KioskHighWater> KioskFileProbe::highWater()
{
    // No transaction (Transaction takes the write lock, which would hold the check-ins up): a check-in committed
    // between two reads only moves a later mark further, which makes the backlog measured larger, never smaller.
    KioskHighWater mark;
    auto attendance = number(m_db->prepare("SELECT coalesce(max(id), 0) FROM attendance"));
    auto scans = number(m_db->prepare("SELECT coalesce(max(id), 0) FROM scan_log"));
    if (!attendance)
        return std::unexpected(attendance.error());
    if (!scans)
        return std::unexpected(scans.error());
    mark.attendance = *attendance;
    mark.scans = *scans;
    auto stmt = m_db->prepare("SELECT updated_at, id FROM print_job ORDER BY updated_at DESC, id DESC LIMIT 1");
    auto job = db::firstRow(stmt, [](const db::Statement &s) { return std::pair{s.text(0), s.int64(1)}; });
    if (!job)
        return std::unexpected(job.error());
    if (*job)
        std::tie(mark.printJobAt, mark.printJobId) = **job;
    return mark;
}

db::DbResult<bool> KioskFileProbe::sentUpTo(const KioskHighWater &mark)
{
    auto marks = db::VenueOutboxStore(*m_db).marks();
    if (!marks)
        return std::unexpected(marks.error());
    const bool printJobsSent = mark.printJobId == 0
                               || std::pair{marks->printJobsAt, marks->printJobsId}
                                      >= std::pair{mark.printJobAt, mark.printJobId};
    return marks->attendance >= mark.attendance && marks->scans >= mark.scans && printJobsSent;
}

db::DbResult<qint64> KioskFileProbe::waiting(qint64 eventId)
{
    db::VenueOutboxStore outbox(*m_db);
    auto marks = outbox.marks();
    if (!marks)
        return std::unexpected(marks.error());
    return outbox.waiting(eventId, *marks);
}

db::DbResult<qint64> KioskFileProbe::attendanceRows()
{
    return number(m_db->prepare("SELECT count(*) FROM attendance"));
}

db::DbResult<qint64> KioskFileProbe::printJobs()
{
    return number(m_db->prepare("SELECT count(*) FROM print_job"));
}

db::DbResult<QSet<QString>> KioskFileProbe::attendanceUids()
{
    return column(m_db->prepare("SELECT uid FROM attendance"));
}

db::DbResult<QSet<QString>> KioskFileProbe::scanUids()
{
    return column(m_db->prepare("SELECT uid FROM scan_log"));
}

db::DbResult<QSet<QString>> KioskFileProbe::guestDays()
{
    return column(m_db->prepare("SELECT g.external_id || '|' || a.day FROM attendance a JOIN guest g "
                                "ON g.id = a.guest_id WHERE a.annulled_at IS NULL"));
}

} // namespace checkin::venuesim
