#include "kiosk/checkin/checkinservice.h"

#include "kiosk/invitations/invitationtoken.h"

#include "db/attendancestore.h"
#include "db/database.h"
#include "db/eventstore.h"
#include "db/gueststore.h"
#include "db/printjobstore.h"
#include "db/staffactionstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcCheckIn, "checkin.engine")

namespace checkin {

struct CheckInService::Private
{
    db::Database &db;
    db::EventRecord event;
    QTimeZone zone;
    QString kioskId;

    // The fields every outcome carries, before the rules decide.
    CheckInOutcome base() const
    {
        CheckInOutcome o;
        o.programmeFirstDay = event.firstDay;
        o.programmeLastDay = event.lastDay;
        return o;
    }

    // One attempt as one transaction: decide(log) applies the rules and writes its rows, then the scan log row
    // is appended and everything commits together, or nothing is recorded and the outcome is SystemError.
    template<typename Decide>
    CheckInOutcome record(const QDateTime &nowUtc, const QString &source, Decide decide);

    db::DbResult<CheckInOutcome> decide(const QString &payload, const QDateTime &nowUtc, db::ScanLogRecord &log);
    db::DbResult<CheckInOutcome> decideManual(qint64 guestId, const QDateTime &nowUtc, const QString &actor,
                                              db::ScanLogRecord &log);
    // The rules once the guest and their invitation (null: none was ever issued) are known, the same for a scan
    // and a manual check-in: revoked? programme day? already today? record attendance, first-day print jobs.
    db::DbResult<CheckInOutcome> admit(CheckInOutcome o, const db::GuestRecord &guest,
                                       const db::InvitationRecord *invitation, const QDateTime &nowUtc,
                                       const QString &method, db::ScanLogRecord &log);
};

CheckInService::CheckInService(db::Database &db, const db::EventRecord &event, QString kioskId)
    : d(new Private{db, event, QTimeZone(event.timeZone.toUtf8()), std::move(kioskId)})
{
    if (!d->zone.isValid())
        qCWarning(lcCheckIn) << "Unknown time zone" << event.timeZone << "- using UTC";
}

CheckInService::~CheckInService() = default;

QDate CheckInService::programmeDay(const QDateTime &nowUtc) const
{
    return d->zone.isValid() ? nowUtc.toTimeZone(d->zone).date() : nowUtc.toUTC().date();
}

template<typename Decide>
CheckInOutcome CheckInService::Private::record(const QDateTime &nowUtc, const QString &source, Decide decide)
{
    db::ScanLogRecord log;
    log.uid = db::newUid();
    log.kioskId = kioskId;
    log.scannedAt = nowUtc.toUTC().toString(Qt::ISODateWithMs);
    log.source = source;

    db::Transaction tx(db);
    db::DbResult<CheckInOutcome> outcome;
    if (auto begun = tx.begin(); !begun)
        outcome = std::unexpected(begun.error());
    else
        outcome = decide(log);
    if (outcome) {
        log.outcome = outcomeName(outcome->kind);
        db::AttendanceStore attendance(db);
        auto committed = attendance.appendScan(log);
        if (committed)
            committed = tx.commit();
        if (committed)
            return *outcome;
        outcome = std::unexpected(committed.error());
    }

    // Nothing of this attempt was recorded: the transaction rolls back as tx goes out of scope.
    const db::DbError &error = outcome.error();
    CheckInOutcome failed = base();
    failed.kind = OutcomeKind::SystemError;
    failed.message =
        error.isDiskFull()
            ? u"The kiosk's disk is full: the check-in was not recorded. Free disk space, then scan again."_s
            : u"The check-in was not recorded: %1"_s.arg(error.message);
    qCWarning(lcCheckIn) << "check-in failed:" << error.message;
    return failed;
}

CheckInOutcome CheckInService::checkIn(const QString &payload, const QDateTime &nowUtc, const QString &source)
{
    return d->record(nowUtc, source, [&](db::ScanLogRecord &log) { return d->decide(payload, nowUtc, log); });
}

CheckInOutcome CheckInService::checkInGuest(qint64 guestId, const QDateTime &nowUtc, const QString &actor)
{
    if (actor.trimmed().isEmpty()) {
        CheckInOutcome refused = d->base();
        refused.kind = OutcomeKind::SystemError;
        refused.message = u"A manual check-in needs the name of the staff member who confirmed the guest."_s;
        return refused;
    }
    return d->record(nowUtc, u"manual"_s,
                     [&](db::ScanLogRecord &log) { return d->decideManual(guestId, nowUtc, actor, log); });
}

db::DbResult<CheckInOutcome> CheckInService::Private::decide(const QString &payload, const QDateTime &nowUtc,
                                                             db::ScanLogRecord &log)
{
    CheckInOutcome o = base();
    log.eventId = event.id;

    auto token = InvitationToken::parse(payload);
    if (!token) {
        if (token.error() == InvitationToken::ParseError::NotAToken) {
            o.kind = OutcomeKind::Unreadable;
            o.message = u"This code is not an invitation for this kiosk."_s;
            log.detail = u"payload of %1 characters"_s.arg(payload.size());
        } else {
            o.kind = OutcomeKind::Forged;
            o.message = u"This invitation is damaged or forged: it could not be verified."_s;
            log.detail = u"malformed token"_s;
        }
        return o;
    }
    log.tokenId = token->tokenId();

    // Verify with the key of the event the token names when we know it, else with ours: a genuine invitation
    // for another meeting signed by the same organiser key is "other event", anything else is forged.
    if (token->eventNumber() != event.number) {
        db::EventStore events(db);
        auto other = events.byNumber(token->eventNumber());
        if (!other)
            return std::unexpected(other.error());
        const QByteArray key = *other ? (*other)->verifyKey : event.verifyKey;
        if (!token->verify(key)) {
            o.kind = OutcomeKind::Forged;
            o.message = u"This invitation could not be verified (forged, damaged or signed by another key)."_s;
            log.detail = u"bad signature, token for event %1"_s.arg(token->eventNumber());
            return o;
        }
        o.kind = OutcomeKind::OtherEvent;
        o.tokenEventNumber = token->eventNumber();
        o.message = u"This invitation is for IETF %1, not for %2."_s.arg(token->eventNumber()).arg(event.name);
        return o;
    }
    if (!token->verify(event.verifyKey)) {
        o.kind = OutcomeKind::Forged;
        o.message = u"This invitation could not be verified (forged, damaged or signed by another key)."_s;
        log.detail = u"bad signature"_s;
        return o;
    }

    db::GuestStore guests(db);
    auto invitation = guests.invitationByToken(event.id, token->tokenId());
    if (!invitation)
        return std::unexpected(invitation.error());
    if (!*invitation) {
        o.kind = OutcomeKind::Unknown;
        o.message = u"This invitation is genuine but not in this kiosk's guest list."_s;
        return o;
    }
    auto guest = guests.byId((*invitation)->guestId);
    if (!guest)
        return std::unexpected(guest.error());
    if (!*guest)
        return std::unexpected(db::DbError{0, u"The guest of invitation %1 is missing."_s.arg((*invitation)->id)});
    if ((*invitation)->signature.isEmpty()) {
        // A genuine token issued by another tool: keep its signature so a badge can carry the same QR.
        if (auto ok = guests.recordSignature((*invitation)->id, token->signature()); !ok)
            return std::unexpected(ok.error());
    }
    return admit(o, **guest, &**invitation, nowUtc, u"qr"_s, log);
}

db::DbResult<CheckInOutcome> CheckInService::Private::decideManual(qint64 guestId, const QDateTime &nowUtc,
                                                                   const QString &actor, db::ScanLogRecord &log)
{
    CheckInOutcome o = base();
    log.eventId = event.id;

    db::StaffActionRecord audit;
    audit.kioskId = kioskId;
    audit.at = log.scannedAt;
    audit.actor = actor;
    audit.action = u"manual-checkin"_s;
    audit.eventId = event.id;

    db::GuestStore guests(db);
    auto guest = guests.byId(guestId);
    if (!guest)
        return std::unexpected(guest.error());
    if (!*guest) {
        o.kind = OutcomeKind::Unknown;
        o.message = u"There is no guest %1 in this kiosk's guest list."_s.arg(guestId);
        log.detail = u"manual check-in of unknown guest row %1"_s.arg(guestId);
    } else if ((*guest)->eventId != event.id) {
        db::EventStore events(db);
        auto other = events.byId((*guest)->eventId);
        if (!other)
            return std::unexpected(other.error());
        o.kind = OutcomeKind::OtherEvent;
        o.tokenEventNumber = *other ? (*other)->number : 0;
        o.message = u"%1 is on the guest list of %2, not of %3."_s.arg(
            (*guest)->displayName, *other ? (*other)->name : u"another event"_s, event.name);
        log.detail = u"manual check-in of guest row %1 of another event"_s.arg(guestId);
    } else {
        auto invitation = guests.currentInvitation((*guest)->id);
        if (!invitation)
            return std::unexpected(invitation.error());
        auto admitted = admit(o, **guest, *invitation ? &**invitation : nullptr, nowUtc, u"manual"_s, log);
        if (!admitted)
            return admitted;
        o = *admitted;
        audit.guestId = (*guest)->id;
        audit.targetUid = o.checkinId;
    }

    // Who let the guest in without an invitation, refused attempts included: the same transaction as the
    // attendance row, so one is never recorded without the other.
    QJsonObject detail{{u"outcome"_s, outcomeName(o.kind)}, {u"guest_row"_s, guestId}, {u"scan"_s, log.uid}};
    if (o.day.isValid())
        detail[u"day"_s] = o.day.toString(Qt::ISODate);
    audit.detail = QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
    if (auto ok = db::StaffActionStore(db).append(audit); !ok)
        return std::unexpected(ok.error());
    return o;
}

db::DbResult<CheckInOutcome> CheckInService::Private::admit(CheckInOutcome o, const db::GuestRecord &guest,
                                                            const db::InvitationRecord *invitation,
                                                            const QDateTime &nowUtc, const QString &method,
                                                            db::ScanLogRecord &log)
{
    log.guestId = guest.id;
    o.guestId = guest.id;
    o.guestExternalId = guest.externalId;
    o.guestName = guest.displayName;
    o.guestLanguage = guest.language;

    if (invitation && invitation->status != u"active") {
        o.kind = OutcomeKind::Revoked;
        o.message = u"This invitation was revoked. Please see staff."_s;
        return o;
    }

    const QDate day = zone.isValid() ? nowUtc.toTimeZone(zone).date() : nowUtc.toUTC().date();
    o.day = day;
    if (day < event.firstDay || day > event.lastDay) {
        o.kind = OutcomeKind::NotProgrammeDay;
        o.message = day < event.firstDay ? u"The programme starts on %1."_s.arg(event.firstDay.toString(Qt::ISODate))
                                         : u"The programme ended on %1."_s.arg(event.lastDay.toString(Qt::ISODate));
        return o;
    }
    o.dayNumber = int(event.firstDay.daysTo(day)) + 1;

    db::AttendanceStore attendance(db);
    auto today = attendance.liveForGuestDay(guest.id, day);
    if (!today)
        return std::unexpected(today.error());
    if (*today) {
        o.kind = OutcomeKind::AlreadyCheckedIn;
        o.checkinId = (*today)->uid;
        const QDateTime first = QDateTime::fromString((*today)->scannedAt, Qt::ISODateWithMs);
        o.firstScanLocal = zone.isValid() ? first.toTimeZone(zone) : first;
        o.message = u"Already checked in today at %1."_s.arg(o.firstScanLocal.toString(u"HH:mm"_s));
        log.attendanceUid = (*today)->uid;
        return o;
    }

    auto otherDays = attendance.liveDaysOtherThan(guest.id, day);
    if (!otherDays)
        return std::unexpected(otherDays.error());

    db::AttendanceRecord row;
    row.uid = db::newUid();
    row.kioskId = kioskId;
    row.eventId = event.id;
    row.guestId = guest.id;
    row.invitationId = invitation ? invitation->id : 0;
    row.day = day;
    row.scannedAt = log.scannedAt;
    row.method = method;
    if (auto ok = attendance.insert(row); !ok)
        return std::unexpected(ok.error());
    o.checkinId = row.uid;
    log.attendanceUid = row.uid;

    if (*otherDays > 0) {
        o.kind = OutcomeKind::WelcomeBack;
        o.message = u"Welcome back, day %1 recorded."_s.arg(o.dayNumber);
        return o;
    }

    // First check-in: the badge and agenda print once per guest and event, whatever happens later (an annulled
    // and repeated first check-in finds the jobs already queued). Reprints are explicit staff jobs.
    o.kind = OutcomeKind::Welcome;
    db::PrintJobStore jobs(db);
    for (const QString &kind : {u"badge"_s, u"agenda"_s}) {
        db::PrintJobRecord job;
        job.uid = db::newUid();
        job.kioskId = kioskId;
        job.eventId = event.id;
        job.guestId = guest.id;
        job.kind = kind;
        job.reason = u"checkin"_s;
        job.idempotencyKey = u"%1/%2/%3/first"_s.arg(kind).arg(event.number).arg(guest.externalId);
        job.createdAt = log.scannedAt;
        auto queued = jobs.enqueue(job);
        if (!queued)
            return std::unexpected(queued.error());
        if (*queued)
            o.printJobsQueued << kind;
    }
    o.message = o.printJobsQueued.isEmpty()
                    ? u"Welcome. The badge and agenda were already printed earlier; staff can reprint them."_s
                    : u"Welcome. Badge and agenda are queued for printing."_s;
    return o;
}

} // namespace checkin
