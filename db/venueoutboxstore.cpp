#include "db/venueoutboxstore.h"

#include "db/gueststore.h"

using namespace Qt::StringLiterals;

namespace checkin::db {

namespace {

const QString kAttendanceKey = u"venue.sent.attendance"_s;
const QString kScansKey = u"venue.sent.scan_log"_s;
const QString kStaffActionsKey = u"venue.sent.staff_action"_s;
const QString kPulledKey = u"venue.pulled.change_seq"_s;
const QString kPrintJobsAtKey = u"venue.sent.print_job_at"_s;
const QString kPrintJobsIdKey = u"venue.sent.print_job_id"_s;

DbResult<qint64> readMark(Database &db, const QString &key)
{
    auto stmt = db.prepare("SELECT value FROM setting WHERE key = ?1");
    if (stmt)
        stmt->bind(1, key);
    auto value = firstRow(stmt, [](const Statement &s) { return s.text(0).toLongLong(); });
    if (!value)
        return std::unexpected(value.error());
    return value->value_or(0);
}

DbResult<void> writeMark(Database &db, const QString &key, qint64 value)
{
    auto stmt = db.prepare("INSERT INTO setting (key, value) VALUES (?1, ?2) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, key).bind(2, QString::number(value));
    return stmt->run();
}

DbResult<void> writeText(Database &db, const QString &key, const QString &value)
{
    auto stmt = db.prepare("INSERT INTO setting (key, value) VALUES (?1, ?2) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, key).bind(2, value);
    return stmt->run();
}

} // namespace

DbResult<OutboxMarks> VenueOutboxStore::marks()
{
    OutboxMarks m;
    auto a = readMark(m_db, kAttendanceKey);
    auto s = readMark(m_db, kScansKey);
    auto st = readMark(m_db, kStaffActionsKey);
    if (!a)
        return std::unexpected(a.error());
    if (!s)
        return std::unexpected(s.error());
    if (!st)
        return std::unexpected(st.error());
    m.attendance = *a;
    m.scans = *s;
    m.staffActions = *st;
    auto pjId = readMark(m_db, kPrintJobsIdKey);
    if (!pjId)
        return std::unexpected(pjId.error());
    m.printJobsId = *pjId;
    auto stmt = m_db.prepare("SELECT value FROM setting WHERE key = ?1");
    if (stmt)
        stmt->bind(1, kPrintJobsAtKey);
    auto pjAt = firstRow(stmt, [](const Statement &s) { return s.text(0); });
    if (!pjAt)
        return std::unexpected(pjAt.error());
    m.printJobsAt = pjAt->value_or(QString());
    return m;
}

DbResult<qint64> VenueOutboxStore::pulledSeq()
{
    return readMark(m_db, kPulledKey);
}

DbResult<void> VenueOutboxStore::setMarks(const OutboxMarks &marks)
{
    Transaction tx(m_db);
    if (auto ok = tx.begin(); !ok)
        return ok;
    if (auto ok = writeMark(m_db, kAttendanceKey, marks.attendance); !ok)
        return ok;
    if (auto ok = writeMark(m_db, kScansKey, marks.scans); !ok)
        return ok;
    if (auto ok = writeMark(m_db, kStaffActionsKey, marks.staffActions); !ok)
        return ok;
    if (!marks.printJobsAt.isEmpty()) {
        if (auto ok = writeText(m_db, kPrintJobsAtKey, marks.printJobsAt); !ok)
            return ok;
        if (auto ok = writeMark(m_db, kPrintJobsIdKey, marks.printJobsId); !ok)
            return ok;
    }
    return tx.commit();
}

DbResult<QList<OutboxAttendance>> VenueOutboxStore::attendanceAfter(qint64 eventId, qint64 mark, int limit)
{
    auto stmt = m_db.prepare(
        "SELECT a.id, a.uid, a.kiosk_id, a.event_id, a.guest_id, coalesce(a.invitation_id, 0), a.day, a.scanned_at, "
        "a.method, coalesce(a.annulled_at, ''), coalesce(a.annul_reason, ''), g.external_id, i.token_id "
        "FROM attendance a JOIN guest g ON g.id = a.guest_id LEFT JOIN invitation i ON i.id = a.invitation_id "
        "WHERE a.id > ?2 AND a.event_id = ?1 ORDER BY a.id LIMIT ?3");
    if (stmt)
        stmt->bind(1, eventId).bind(2, mark).bind(3, limit);
    return collectRows(stmt, [](const Statement &s) {
        OutboxAttendance o;
        o.rowId = s.int64(0);
        o.row.id = o.rowId;
        o.row.uid = s.text(1);
        o.row.kioskId = s.text(2);
        o.row.eventId = s.int64(3);
        o.row.guestId = s.int64(4);
        o.row.invitationId = s.int64(5);
        o.row.day = QDate::fromString(s.text(6), Qt::ISODate);
        o.row.scannedAt = s.text(7);
        o.row.method = s.text(8);
        o.row.annulledAt = s.text(9);
        o.row.annulReason = s.text(10);
        o.guestExternalId = s.text(11);
        o.tokenId = s.blob(12);
        return o;
    });
}

DbResult<QList<OutboxScan>> VenueOutboxStore::scansAfter(qint64 eventId, qint64 mark, int limit)
{
    // Scans that matched no event (a foreign QR code, an unreadable one) are the kiosk's too: they go along, with no
    // event, as here.
    auto stmt = m_db.prepare(
        "SELECT l.id, l.uid, l.kiosk_id, l.scanned_at, l.source, l.outcome, coalesce(l.guest_id, 0), l.token_id, "
        "coalesce(l.attendance_uid, ''), l.detail, coalesce(g.external_id, ''), coalesce(l.event_id, 0) "
        "FROM scan_log l LEFT JOIN guest g ON g.id = l.guest_id "
        "WHERE l.id > ?2 AND (l.event_id = ?1 OR l.event_id IS NULL) ORDER BY l.id LIMIT ?3");
    if (stmt)
        stmt->bind(1, eventId).bind(2, mark).bind(3, limit);
    return collectRows(stmt, [](const Statement &s) {
        OutboxScan o;
        o.rowId = s.int64(0);
        o.row.uid = s.text(1);
        o.row.kioskId = s.text(2);
        o.row.scannedAt = s.text(3);
        o.row.source = s.text(4);
        o.row.outcome = s.text(5);
        o.row.eventId = s.int64(11);
        o.row.guestId = s.int64(6);
        o.row.tokenId = s.blob(7);
        o.row.attendanceUid = s.text(8);
        o.row.detail = s.text(9);
        o.guestExternalId = s.text(10);
        return o;
    });
}

DbResult<QList<OutboxStaffAction>> VenueOutboxStore::staffActionsAfter(qint64 eventId, qint64 mark, int limit)
{
    auto stmt = m_db.prepare(
        "SELECT s.id, s.uid, s.kiosk_id, s.at, s.actor, s.action, coalesce(s.event_id, 0), coalesce(s.guest_id, 0), "
        "coalesce(s.target_uid, ''), s.detail, coalesce(g.external_id, '') "
        "FROM staff_action s LEFT JOIN guest g ON g.id = s.guest_id "
        "WHERE s.id > ?2 AND (s.event_id = ?1 OR s.event_id IS NULL) ORDER BY s.id LIMIT ?3");
    if (stmt)
        stmt->bind(1, eventId).bind(2, mark).bind(3, limit);
    return collectRows(stmt, [](const Statement &s) {
        OutboxStaffAction o;
        o.rowId = s.int64(0);
        o.row.uid = s.text(1);
        o.row.kioskId = s.text(2);
        o.row.at = s.text(3);
        o.row.actor = s.text(4);
        o.row.action = s.text(5);
        o.row.eventId = s.int64(6);
        o.row.guestId = s.int64(7);
        o.row.targetUid = s.text(8);
        o.row.detail = s.text(9);
        o.guestExternalId = s.text(10);
        return o;
    });
}

DbResult<QList<OutboxPrintJob>> VenueOutboxStore::printJobsAfter(qint64 eventId, const QString &updatedAt, qint64 id,
                                                                 int limit)
{
    auto stmt = m_db.prepare(
        "SELECT p.id, p.uid, p.kiosk_id, p.guest_id, p.kind, p.reason, p.idempotency_key, p.state, p.attempts, "
        "p.last_error, p.printer, p.created_at, p.updated_at, g.external_id "
        "FROM print_job p JOIN guest g ON g.id = p.guest_id "
        "WHERE p.event_id = ?1 AND (p.updated_at, p.id) > (?2, ?3) ORDER BY p.updated_at, p.id LIMIT ?4");
    if (stmt)
        stmt->bind(1, eventId).bind(2, updatedAt).bind(3, id).bind(4, limit);
    return collectRows(stmt, [eventId](const Statement &s) {
        OutboxPrintJob o;
        o.row.id = s.int64(0);
        o.row.uid = s.text(1);
        o.row.kioskId = s.text(2);
        o.row.eventId = eventId;
        o.row.guestId = s.int64(3);
        o.row.kind = s.text(4);
        o.row.reason = s.text(5);
        o.row.idempotencyKey = s.text(6);
        o.row.state = s.text(7);
        o.row.attempts = int(s.int64(8));
        o.row.lastError = s.text(9);
        o.row.printer = s.text(10);
        o.row.createdAt = s.text(11);
        o.row.updatedAt = s.text(12);
        o.guestExternalId = s.text(13);
        return o;
    });
}

DbResult<qint64> VenueOutboxStore::waiting(qint64 eventId, const OutboxMarks &marks)
{
    auto stmt = m_db.prepare(
        "SELECT (SELECT count(*) FROM attendance WHERE id > ?2 AND event_id = ?1) "
        "+ (SELECT count(*) FROM scan_log WHERE id > ?3 AND (event_id = ?1 OR event_id IS NULL)) "
        "+ (SELECT count(*) FROM staff_action WHERE id > ?4 AND (event_id = ?1 OR event_id IS NULL)) "
        "+ (SELECT count(*) FROM print_job WHERE event_id = ?1 AND (updated_at, id) > (?5, ?6))");
    if (stmt) {
        stmt->bind(1, eventId)
            .bind(2, marks.attendance)
            .bind(3, marks.scans)
            .bind(4, marks.staffActions)
            .bind(5, marks.printJobsAt)
            .bind(6, marks.printJobsId);
    }
    auto n = firstRow(stmt, [](const Statement &s) { return s.int64(0); });
    if (!n)
        return std::unexpected(n.error());
    return n->value_or(0);
}

DbResult<QList<AttendanceRecord>> VenueOutboxStore::annulledAttendance(qint64 eventId)
{
    auto stmt = m_db.prepare("SELECT uid, annulled_at, coalesce(annul_reason, '') FROM attendance "
                             "WHERE event_id = ?1 AND annulled_at IS NOT NULL ORDER BY id");
    if (stmt)
        stmt->bind(1, eventId);
    return collectRows(stmt, [](const Statement &s) {
        AttendanceRecord a;
        a.uid = s.text(0);
        a.annulledAt = s.text(1);
        a.annulReason = s.text(2);
        return a;
    });
}

DbResult<QList<std::pair<QByteArray, QString>>> VenueOutboxStore::revokedInvitations(qint64 eventId)
{
    auto stmt = m_db.prepare("SELECT token_id, coalesce(revoked_at, issued_at) FROM invitation "
                             "WHERE event_id = ?1 AND status = 'revoked' ORDER BY id");
    if (stmt)
        stmt->bind(1, eventId);
    return collectRows(stmt, [](const Statement &s) { return std::pair<QByteArray, QString>{s.blob(0), s.text(1)}; });
}

DbResult<PullApplied> VenueOutboxStore::applyPull(qint64 eventId, const QList<GuestRecord> &guests,
                                                  const QList<PulledInvitation> &invitations,
                                                  const PulledProgramme &programme, qint64 pulledSeq)
{
    Transaction tx(m_db);
    if (auto ok = tx.begin(); !ok)
        return std::unexpected(ok.error());
    PullApplied applied;
    GuestStore guestStore(m_db);
    for (GuestRecord g : guests) {
        g.eventId = eventId;
        auto upserted = guestStore.upsert(g);
        if (!upserted)
            return std::unexpected(upserted.error());
        applied.guestsAdded += *upserted == GuestStore::Upserted::Inserted ? 1 : 0;
        applied.guestsUpdated += *upserted == GuestStore::Upserted::Updated ? 1 : 0;
    }
    // Revocations before additions: a reissued invitation arrives with the old one revoked, and a guest may hold
    // one active invitation at a time.
    for (const PulledInvitation &i : invitations) {
        if (i.status != u"revoked")
            continue;
        auto stmt = m_db.prepare("UPDATE invitation SET status = 'revoked', revoked_at = ?3 "
                                 "WHERE event_id = ?1 AND token_id = ?2 AND status = 'active'");
        if (!stmt)
            return std::unexpected(stmt.error());
        stmt->bind(1, eventId).bindBlob(2, i.tokenId).bind(3, i.revokedAt);
        if (auto ok = stmt->run(); !ok)
            return std::unexpected(ok.error());
        applied.revoked += int(m_db.changes());
    }
    for (const PulledInvitation &i : invitations) {
        // OR IGNORE: a token this file has already, or a second active invitation for the guest, is left out.
        auto stmt = m_db.prepare(
            "INSERT OR IGNORE INTO invitation (event_id, guest_id, token_id, status, issued_at, revoked_at, signature) "
            "SELECT ?1, g.id, ?3, ?4, ?5, ?6, ?7 FROM guest g WHERE g.event_id = ?1 AND g.external_id = ?2");
        if (!stmt)
            return std::unexpected(stmt.error());
        stmt->bind(1, eventId)
            .bind(2, i.guestExternalId)
            .bindBlob(3, i.tokenId)
            .bind(4, i.status)
            .bind(5, i.issuedAt)
            .bindOptional(6, i.revokedAt);
        if (i.signature.isEmpty())
            stmt->bindNull(7);
        else
            stmt->bindBlob(7, i.signature);
        if (auto ok = stmt->run(); !ok)
            return std::unexpected(ok.error());
        applied.invitationsAdded += int(m_db.changes());
        if (!i.signature.isEmpty()) {
            auto sig = m_db.prepare("UPDATE invitation SET signature = ?3 "
                                    "WHERE event_id = ?1 AND token_id = ?2 AND signature IS NULL");
            if (!sig)
                return std::unexpected(sig.error());
            sig->bind(1, eventId).bindBlob(2, i.tokenId).bindBlob(3, i.signature);
            if (auto ok = sig->run(); !ok)
                return std::unexpected(ok.error());
        }
    }
    AgendaStore agenda(m_db);
    for (AgendaItemRecord item : programme.sessions) {
        item.eventId = eventId;
        auto upserted = agenda.upsert(item);
        if (!upserted)
            return std::unexpected(upserted.error());
        applied.sessionsChanged += upserted->what != AgendaStore::Upserted::Unchanged ? 1 : 0;
    }
    for (const PulledAttendee &a : programme.attendees) {
        auto stmt = a.attending
                        ? m_db.prepare("INSERT OR IGNORE INTO guest_agenda (guest_id, agenda_item_id) "
                                       "SELECT g.id, i.id FROM guest g JOIN agenda_item i ON i.event_id = g.event_id "
                                       "WHERE g.event_id = ?1 AND g.external_id = ?2 AND i.source_id = ?3")
                        : m_db.prepare(
                            "DELETE FROM guest_agenda WHERE guest_id = (SELECT id FROM guest WHERE event_id = ?1 "
                            "AND external_id = ?2) AND agenda_item_id = (SELECT id FROM agenda_item "
                            "WHERE event_id = ?1 AND source_id = ?3)");
        if (!stmt)
            return std::unexpected(stmt.error());
        stmt->bind(1, eventId).bind(2, a.guestExternalId).bind(3, a.sourceId);
        if (auto ok = stmt->run(); !ok)
            return std::unexpected(ok.error());
        applied.linksChanged += int(m_db.changes());
    }
    if (auto ok = writeMark(m_db, kPulledKey, pulledSeq); !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    return applied;
}

} // namespace checkin::db
