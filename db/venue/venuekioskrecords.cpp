#include "db/venue/venuekioskrecords.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace checkin::venue {

namespace {

QString json(const QJsonArray &rows)
{
    return QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact));
}

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonValue hexOrNull(const QByteArray &bytes)
{
    return bytes.isEmpty() ? QJsonValue() : QJsonValue(QString::fromLatin1(bytes.toHex()));
}

// The lock every writer of the pulled tables takes (venueevents.cpp, venueschema.cpp): change_seq values commit in
// the order they were drawn.
constexpr const char *kLockChangesSql = "SELECT pg_advisory_xact_lock(7310595474590336002)";

} // namespace

VenueResult<qint64> VenueKioskRecords::eventId(int number, const QByteArray &verifyKey)
{
    auto rows = m_venue.exec("SELECT id, verify_key FROM events WHERE number = $1", {number});
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->count() == 0) {
        return std::unexpected(
            VenueError{VenueError::Kind::Conflict,
                       u"Event %1 is not in the venue database yet: push it from the organiser's database first "
                       "(checkinctl venue push). This kiosk keeps working offline meanwhile."_s.arg(number),
                       {}});
    }
    if (rows->bytes(0, 1) != verifyKey) {
        return std::unexpected(VenueError{
            VenueError::Kind::Conflict,
            u"Event %1 in the venue database has another public key than this kiosk's: it was pushed from a "
            "different event database. Nothing was sent; check which database this kiosk was set up from."_s.arg(
                number),
            {}});
    }
    return rows->int64(0, 0);
}

VenueResult<KioskPushResult> VenueKioskRecords::push(qint64 eventId, const KioskPushBatch &batch)
{
    QJsonArray attendance;
    for (const db::OutboxAttendance &a : batch.attendance) {
        attendance.append(QJsonObject{{u"uid"_s, a.row.uid},
                                      {u"kiosk_id"_s, a.row.kioskId},
                                      {u"external_id"_s, a.guestExternalId},
                                      {u"token_id"_s, hexOrNull(a.tokenId)},
                                      {u"day"_s, a.row.day.toString(Qt::ISODate)},
                                      {u"scanned_at"_s, a.row.scannedAt},
                                      {u"method"_s, a.row.method},
                                      {u"annulled_at"_s, orNull(a.row.annulledAt)},
                                      {u"annul_reason"_s, orNull(a.row.annulReason)}});
    }
    QJsonArray scans;
    for (const db::OutboxScan &s : batch.scans) {
        scans.append(QJsonObject{{u"uid"_s, s.row.uid},
                                 {u"kiosk_id"_s, s.row.kioskId},
                                 {u"scanned_at"_s, s.row.scannedAt},
                                 {u"source"_s, s.row.source},
                                 {u"outcome"_s, s.row.outcome},
                                 {u"has_event"_s, s.row.eventId != 0},
                                 {u"external_id"_s, orNull(s.guestExternalId)},
                                 {u"token_id"_s, hexOrNull(s.row.tokenId)},
                                 {u"attendance_uid"_s, orNull(s.row.attendanceUid)},
                                 {u"detail"_s, s.row.detail}});
    }
    QJsonArray actions;
    for (const db::OutboxStaffAction &s : batch.staffActions) {
        actions.append(QJsonObject{{u"uid"_s, s.row.uid},
                                   {u"kiosk_id"_s, s.row.kioskId},
                                   {u"at"_s, s.row.at},
                                   {u"actor"_s, s.row.actor},
                                   {u"action"_s, s.row.action},
                                   {u"has_event"_s, s.row.eventId != 0},
                                   {u"external_id"_s, orNull(s.guestExternalId)},
                                   {u"target_uid"_s, orNull(s.row.targetUid)},
                                   {u"detail"_s, s.row.detail}});
    }

    QJsonArray printJobs;
    for (const db::OutboxPrintJob &j : batch.printJobs) {
        printJobs.append(QJsonObject{{u"uid"_s, j.row.uid},
                                     {u"kiosk_id"_s, j.row.kioskId},
                                     {u"external_id"_s, j.guestExternalId},
                                     {u"kind"_s, j.row.kind},
                                     {u"reason"_s, j.row.reason},
                                     {u"idempotency_key"_s, j.row.idempotencyKey},
                                     {u"state"_s, j.row.state},
                                     {u"attempts"_s, j.row.attempts},
                                     {u"last_error"_s, j.row.lastError},
                                     {u"printer"_s, j.row.printer},
                                     {u"created_at"_s, j.row.createdAt},
                                     {u"updated_at"_s, j.row.updatedAt}});
    }

    KioskPushResult result;
    VenueTransaction tx(m_venue);
    if (auto ok = tx.begin(); !ok)
        return std::unexpected(ok.error());
    if (!attendance.isEmpty()) {
        auto rows = m_venue.exec("SELECT out_outcome FROM venue_push_attendance($1, $2::jsonb)",
                                 {eventId, json(attendance)});
        if (!rows) {
            VenueError e = rows.error();
            if (e.sqlState == u"23503")
                e.kind = VenueError::Kind::Conflict;
            return std::unexpected(e);
        }
        for (int r = 0; r < rows->count(); ++r) {
            const QString outcome = rows->text(r, 0);
            if (outcome == u"live")
                ++result.attendanceLive;
            else if (outcome == u"duplicate")
                ++result.attendanceDuplicates;
            else if (outcome == u"annulled")
                ++result.attendanceAnnulled;
            else
                ++result.attendanceAlready;
        }
    }
    if (!scans.isEmpty()) {
        auto rows = m_venue.exec(
            "INSERT INTO scan_log (uid, kiosk_id, scanned_at, source, outcome, event_id, guest_id, token_id, "
            "attendance_uid, detail) "
            "SELECT x.uid, x.kiosk_id, x.scanned_at, x.source, x.outcome, CASE WHEN x.has_event THEN $1 END, g.id, "
            "decode(x.token_id, 'hex'), x.attendance_uid, x.detail FROM jsonb_to_recordset($2::jsonb) AS x(uid text, "
            "kiosk_id text, scanned_at timestamptz, source text, outcome text, has_event boolean, external_id text, "
            "token_id text, "
            "attendance_uid text, detail text) "
            "LEFT JOIN guests g ON g.event_id = $1 AND g.external_id = x.external_id "
            "ON CONFLICT (uid) DO NOTHING",
            {eventId, json(scans)});
        if (!rows)
            return std::unexpected(rows.error());
        result.scans = int(rows->affected());
    }
    if (!actions.isEmpty()) {
        auto rows = m_venue.exec(
            "INSERT INTO staff_actions (uid, kiosk_id, at, actor, action, event_id, guest_id, target_uid, detail) "
            "SELECT x.uid, x.kiosk_id, x.at, x.actor, x.action, CASE WHEN x.has_event THEN $1 END, g.id, "
            "x.target_uid, x.detail FROM jsonb_to_recordset($2::jsonb) AS x(uid text, kiosk_id text, "
            "at timestamptz, actor text, action text, has_event boolean, external_id text, target_uid text, "
            "detail text) "
            "LEFT JOIN guests g ON g.event_id = $1 AND g.external_id = x.external_id "
            "ON CONFLICT (uid) DO NOTHING",
            {eventId, json(actions)});
        if (!rows)
            return std::unexpected(rows.error());
        result.staffActions = int(rows->affected());
    }
    if (!printJobs.isEmpty()) {
        // A job's state only moves forward in time: an older state sent late never overwrites a newer one.
        auto rows = m_venue.exec(
            "INSERT INTO print_job_states (uid, kiosk_id, event_id, guest_id, kind, reason, idempotency_key, state, "
            "attempts, last_error, printer, created_at, updated_at) "
            "SELECT x.uid, x.kiosk_id, $1, g.id, x.kind, x.reason, x.idempotency_key, x.state, x.attempts, "
            "x.last_error, x.printer, x.created_at, x.updated_at FROM jsonb_to_recordset($2::jsonb) AS x(uid text, "
            "kiosk_id text, external_id text, kind text, reason text, idempotency_key text, state text, "
            "attempts integer, last_error text, printer text, created_at timestamptz, updated_at timestamptz) "
            "JOIN guests g ON g.event_id = $1 AND g.external_id = x.external_id "
            "ON CONFLICT (uid) DO UPDATE SET state = EXCLUDED.state, attempts = EXCLUDED.attempts, "
            "last_error = EXCLUDED.last_error, printer = EXCLUDED.printer, updated_at = EXCLUDED.updated_at "
            "WHERE EXCLUDED.updated_at >= print_job_states.updated_at AND (print_job_states.state, "
            "print_job_states.attempts, print_job_states.last_error, print_job_states.printer) IS DISTINCT FROM "
            "(EXCLUDED.state, EXCLUDED.attempts, EXCLUDED.last_error, EXCLUDED.printer)",
            {eventId, json(printJobs)});
        if (!rows)
            return std::unexpected(rows.error());
        result.printJobs = int(rows->affected());
    }
    if (!attendance.isEmpty() || !scans.isEmpty()) {
        QStringList attendanceUids;
        for (const db::OutboxAttendance &a : batch.attendance)
            attendanceUids << a.row.uid;
        QStringList scanUids;
        for (const db::OutboxScan &sc : batch.scans)
            scanUids << sc.row.uid;
        if (auto ok = markDuplicateScans(eventId, attendanceUids, scanUids); !ok)
            return std::unexpected(ok.error());
    }
    if (auto ok = m_venue.exec(
            "INSERT INTO kiosks (kiosk_id, event_id, last_push_at) VALUES ($1, $2, now()) "
            "ON CONFLICT (kiosk_id) DO UPDATE SET event_id = EXCLUDED.event_id, last_seen_at = now(), "
            "last_push_at = now()",
            {batch.kioskId, eventId});
        !ok) {
        return std::unexpected(ok.error());
    }
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    return result;
}

VenueResult<void> VenueKioskRecords::markDuplicateScans(qint64 eventId, const QStringList &attendanceUids,
                                                        const QStringList &scanUids)
{
    // The scan that created an attendance row which lost the live slot (now, in this kiosk's earlier push, or when
    // another kiosk's earlier scan arrived) is marked duplicate; one whose row won it back is unmarked. Only the
    // admitting scans (welcome, welcome_back) count: a later "already checked in" scan at the same kiosk names the
    // same row but admitted nobody. Only the scans that can have changed are looked at: those in scanUids, and those
    // of every attendance row of the guests and days of attendanceUids. (No event_id test on scan_log: uids are
    // globally unique, and with it the planner, misled by a fresh table's statistics, looped over every scan of the
    // event once per candidate.)
    auto marked = m_venue.exec(
        "WITH touched AS (SELECT DISTINCT t.guest_id, t.day FROM attendance t "
        "  WHERE t.uid IN (SELECT jsonb_array_elements_text($2::jsonb))), "
        "candidates AS (SELECT a.uid, (a.duplicate_of IS NOT NULL) AS dup FROM attendance a "
        "  JOIN touched t ON t.guest_id = a.guest_id AND t.day = a.day WHERE a.event_id = $1 "
        "  UNION SELECT a.uid, (a.duplicate_of IS NOT NULL) FROM attendance a JOIN scan_log s "
        "  ON s.attendance_uid = a.uid WHERE s.uid IN (SELECT jsonb_array_elements_text($3::jsonb))) "
        "UPDATE scan_log l SET duplicate = c.dup FROM candidates c "
        "WHERE l.attendance_uid = c.uid AND l.outcome IN ('welcome', 'welcome_back') "
        "AND l.duplicate IS DISTINCT FROM c.dup",
        {eventId, json(QJsonArray::fromStringList(attendanceUids)), json(QJsonArray::fromStringList(scanUids))});
    if (!marked)
        return std::unexpected(marked.error());
    return {};
}

VenueResult<int> VenueKioskRecords::pushAnnulments(qint64 eventId, const QList<db::AttendanceRecord> &annulled)
{
    if (annulled.isEmpty())
        return 0;
    QJsonArray rows;
    QStringList uids;
    for (const db::AttendanceRecord &a : annulled) {
        rows.append(QJsonObject{
            {u"uid"_s, a.uid}, {u"annulled_at"_s, a.annulledAt}, {u"annul_reason"_s, orNull(a.annulReason)}});
        uids << a.uid;
    }
    // Most rounds find every one annulled there already (or not there yet): look first.
    auto pending = m_venue.exec("SELECT count(*) FROM attendance a WHERE a.event_id = $1 AND a.annulled_at IS NULL "
                                "AND a.uid IN (SELECT jsonb_array_elements_text($2::jsonb))",
                                {eventId, json(QJsonArray::fromStringList(uids))});
    if (!pending)
        return std::unexpected(pending.error());
    if (pending->int64(0, 0) == 0)
        return 0;
    VenueTransaction tx(m_venue);
    if (auto ok = tx.begin(); !ok)
        return std::unexpected(ok.error());
    auto annulledRows = m_venue.exec("SELECT venue_annul_attendance($1, $2::jsonb)", {eventId, json(rows)});
    if (!annulledRows)
        return std::unexpected(annulledRows.error());
    if (auto ok = markDuplicateScans(eventId, uids, {}); !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    return int(annulledRows->int64(0, 0));
}

VenueResult<int> VenueKioskRecords::pushRevocations(qint64 eventId,
                                                    const QList<std::pair<QByteArray, QString>> &revoked)
{
    if (revoked.isEmpty())
        return 0;
    QJsonArray rows;
    for (const auto &[tokenId, revokedAt] : revoked)
        rows.append(QJsonObject{{u"token_id"_s, QString::fromLatin1(tokenId.toHex())}, {u"revoked_at"_s, revokedAt}});
    // Most rounds find every one revoked there already: look first, and take the change lock only when needed.
    auto active = m_venue.exec(
        "SELECT count(*) FROM invitations i JOIN jsonb_to_recordset($2::jsonb) AS x(token_id text, revoked_at text) "
        "ON i.token_id = decode(x.token_id, 'hex') WHERE i.event_id = $1 AND i.status = 'active'",
        {eventId, json(rows)});
    if (!active)
        return std::unexpected(active.error());
    if (active->int64(0, 0) == 0)
        return 0;
    VenueTransaction tx(m_venue);
    if (auto ok = tx.begin(); !ok)
        return std::unexpected(ok.error());
    if (auto ok = m_venue.exec(kLockChangesSql); !ok)
        return std::unexpected(ok.error());
    auto updated = m_venue.exec(
        "UPDATE invitations i SET status = 'revoked', revoked_at = x.revoked_at "
        "FROM jsonb_to_recordset($2::jsonb) AS x(token_id text, revoked_at timestamptz) "
        "WHERE i.event_id = $1 AND i.token_id = decode(x.token_id, 'hex') AND i.status = 'active'",
        {eventId, json(rows)});
    if (!updated)
        return std::unexpected(updated.error());
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    return int(updated->affected());
}

VenueResult<QList<DoubleBadge>> VenueKioskRecords::doubleBadges(qint64 eventId)
{
    auto rows = m_venue.exec(
        "SELECT g.external_id, g.display_name, string_agg(DISTINCT p.kiosk_id, ',' ORDER BY p.kiosk_id) "
        "FROM print_job_states p JOIN guests g ON g.id = p.guest_id "
        "WHERE p.event_id = $1 AND p.kind = 'badge' AND p.reason = 'checkin' AND p.state IN ('sent', 'printed') "
        "GROUP BY g.id, g.external_id, g.display_name HAVING count(DISTINCT p.kiosk_id) > 1 ORDER BY g.display_name",
        {eventId});
    if (!rows)
        return std::unexpected(rows.error());
    QList<DoubleBadge> badges;
    for (int r = 0; r < rows->count(); ++r)
        badges << DoubleBadge{rows->text(r, 0), rows->text(r, 1), rows->text(r, 2).split(u',')};
    return badges;
}

VenueResult<VenuePull> VenueKioskRecords::pullChanges(qint64 eventId, qint64 sinceSeq, const QString &kioskId)
{
    VenueTransaction tx(m_venue);
    if (auto ok = tx.begin(); !ok)
        return std::unexpected(ok.error());
    if (auto ok = m_venue.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"); !ok)
        return std::unexpected(ok.error());
    VenuePull pull;
    pull.lastSeq = sinceSeq;
    auto guests = m_venue.exec(
        "SELECT external_id, display_name, given_name, family_name, latin_name, organisation, country, role, email, "
        "language, reg_type, ticket_type, array_to_string(days, ','), change_seq "
        "FROM guests WHERE event_id = $1 AND change_seq > $2 ORDER BY change_seq",
        {eventId, sinceSeq});
    if (!guests)
        return std::unexpected(guests.error());
    for (int r = 0; r < guests->count(); ++r) {
        db::GuestRecord g;
        g.externalId = guests->text(r, 0);
        g.displayName = guests->text(r, 1);
        g.givenName = guests->text(r, 2);
        g.familyName = guests->text(r, 3);
        g.latinName = guests->text(r, 4);
        g.organisation = guests->text(r, 5);
        g.country = guests->text(r, 6);
        g.role = guests->text(r, 7);
        g.email = guests->text(r, 8);
        g.language = guests->text(r, 9);
        g.regType = guests->text(r, 10);
        g.ticketType = guests->text(r, 11);
        for (const QString &day : guests->text(r, 12).split(u',', Qt::SkipEmptyParts))
            g.days << QDate::fromString(day, Qt::ISODate);
        pull.guests << g;
        pull.lastSeq = std::max(pull.lastSeq, guests->int64(r, 13));
    }
    auto invitations = m_venue.exec(
        "SELECT g.external_id, i.token_id, i.signature, i.status, "
        "to_char(i.issued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), "
        "coalesce(to_char(i.revoked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), ''), i.change_seq "
        "FROM invitations i JOIN guests g ON g.id = i.guest_id "
        "WHERE i.event_id = $1 AND i.change_seq > $2 ORDER BY i.change_seq",
        {eventId, sinceSeq});
    if (!invitations)
        return std::unexpected(invitations.error());
    for (int r = 0; r < invitations->count(); ++r) {
        db::PulledInvitation i;
        i.guestExternalId = invitations->text(r, 0);
        i.tokenId = invitations->bytes(r, 1);
        i.signature = invitations->isNull(r, 2) ? QByteArray() : invitations->bytes(r, 2);
        i.status = invitations->text(r, 3);
        i.issuedAt = invitations->text(r, 4);
        i.revokedAt = invitations->text(r, 5);
        pull.invitations << i;
        pull.lastSeq = std::max(pull.lastSeq, invitations->int64(r, 6));
    }
    auto sessions = m_venue.exec("SELECT source_id, title, kind, room, area, acronym, description, "
                                 "to_char(starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), "
                                 "to_char(ends_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), change_seq "
                                 "FROM sessions WHERE event_id = $1 AND change_seq > $2 ORDER BY change_seq",
                                 {eventId, sinceSeq});
    if (!sessions)
        return std::unexpected(sessions.error());
    for (int r = 0; r < sessions->count(); ++r) {
        db::AgendaItemRecord item;
        item.sourceId = sessions->text(r, 0);
        item.title = sessions->text(r, 1);
        item.kind = sessions->text(r, 2);
        item.room = sessions->text(r, 3);
        item.area = sessions->text(r, 4);
        item.acronym = sessions->text(r, 5);
        item.description = sessions->text(r, 6);
        item.startsAt = QDateTime::fromString(sessions->text(r, 7), Qt::ISODateWithMs);
        item.endsAt = QDateTime::fromString(sessions->text(r, 8), Qt::ISODateWithMs);
        pull.programme.sessions << item;
        pull.lastSeq = std::max(pull.lastSeq, sessions->int64(r, 9));
    }
    auto links = m_venue.exec(
        "SELECT s.source_id, g.external_id, sa.attending, sa.change_seq FROM session_attendees sa "
        "JOIN sessions s ON s.id = sa.session_id JOIN guests g ON g.id = sa.guest_id "
        "WHERE s.event_id = $1 AND sa.change_seq > $2 ORDER BY sa.change_seq",
        {eventId, sinceSeq});
    if (!links)
        return std::unexpected(links.error());
    for (int r = 0; r < links->count(); ++r) {
        pull.programme.attendees << db::PulledAttendee{links->text(r, 0), links->text(r, 1), links->boolean(r, 2)};
        pull.lastSeq = std::max(pull.lastSeq, links->int64(r, 3));
    }
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    if (auto ok = m_venue.exec(
            "INSERT INTO kiosks (kiosk_id, event_id, last_pull_seq) VALUES ($1, $2, $3) "
            "ON CONFLICT (kiosk_id) DO UPDATE SET event_id = EXCLUDED.event_id, last_seen_at = now(), "
            "last_pull_seq = EXCLUDED.last_pull_seq",
            {kioskId, eventId, pull.lastSeq});
        !ok) {
        return std::unexpected(ok.error());
    }
    return pull;
}

} // namespace checkin::venue
