#include "kiosk/staff/staffactions.h"

#include "db/attendancestore.h"
#include "db/database.h"
#include "db/gueststore.h"
#include "db/printjobstore.h"
#include "db/records.h"
#include "db/staffactionstore.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace checkin {

namespace {

QString detailJson(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

std::expected<void, QString> StaffActions::recordAndCommit(db::Transaction &tx, const QString &action, qint64 guestId,
                                                           const QString &targetUid, const QString &detail)
{
    db::StaffActionRecord audit;
    audit.kioskId = m_kioskId;
    audit.actor = m_actor;
    audit.action = action;
    audit.eventId = m_event.id;
    audit.guestId = guestId;
    audit.targetUid = targetUid;
    audit.detail = detail;
    if (auto ok = db::StaffActionStore(m_db).append(audit); !ok)
        return std::unexpected(ok.error().message);
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error().message);
    return {};
}

StaffActions::StaffActions(db::Database &db, const db::EventRecord &event, QString kioskId, QString actor)
    : m_db(db)
    , m_event(event)
    , m_kioskId(std::move(kioskId))
    , m_actor(std::move(actor))
{
}

std::expected<void, QString> StaffActions::annul(const QString &checkinId, const QString &reason)
{
    if (reason.trimmed().isEmpty())
        return std::unexpected(u"Give a reason for annulling the check-in (--reason)."_s);
    db::Transaction tx(m_db);
    if (auto ok = tx.begin(); !ok)
        return std::unexpected(ok.error().message);
    db::AttendanceStore attendance(m_db);
    auto row = attendance.byUid(checkinId);
    if (!row)
        return std::unexpected(row.error().message);
    if (!*row || (*row)->eventId != m_event.id)
        return std::unexpected(u"No check-in %1 in %2."_s.arg(checkinId, m_event.name));
    if (!(*row)->annulledAt.isEmpty())
        return std::unexpected(u"Check-in %1 was already annulled at %2."_s.arg(checkinId, (*row)->annulledAt));
    auto changed = attendance.annul(checkinId, reason);
    if (!changed)
        return std::unexpected(changed.error().message);

    const QString detail = detailJson({{u"reason"_s, reason}, {u"day"_s, (*row)->day.toString(Qt::ISODate)}});
    if (auto ok = recordAndCommit(tx, u"annul"_s, (*row)->guestId, checkinId, detail); !ok)
        return std::unexpected(ok.error());
    return {};
}

std::expected<void, QString> StaffActions::revoke(const QString &externalId, const QString &reason)
{
    db::Transaction tx(m_db);
    if (auto ok = tx.begin(); !ok)
        return std::unexpected(ok.error().message);
    db::GuestStore guests(m_db);
    auto guest = guests.byExternalId(m_event.id, externalId);
    if (!guest)
        return std::unexpected(guest.error().message);
    if (!*guest)
        return std::unexpected(u"No guest %1 in %2."_s.arg(externalId, m_event.name));
    auto invitation = guests.activeInvitation((*guest)->id);
    if (!invitation)
        return std::unexpected(invitation.error().message);
    if (!*invitation)
        return std::unexpected(u"Guest %1 has no active invitation to revoke."_s.arg(externalId));
    if (auto ok = guests.revokeInvitation((*invitation)->id); !ok)
        return std::unexpected(ok.error().message);

    const QString detail = detailJson(
        {{u"reason"_s, reason}, {u"invitation"_s, QString::fromLatin1((*invitation)->tokenId.toHex())}});
    if (auto ok = recordAndCommit(tx, u"revoke"_s, (*guest)->id, QString(), detail); !ok)
        return std::unexpected(ok.error());
    return {};
}

std::expected<db::PrintJobRecord, QString> StaffActions::reprint(qint64 guestId, const QString &kind)
{
    if (kind != u"badge" && kind != u"agenda")
        return std::unexpected(u"Only a badge or an agenda can be reprinted, not “%1”."_s.arg(kind));
    db::Transaction tx(m_db);
    if (auto ok = tx.begin(); !ok)
        return std::unexpected(ok.error().message);
    auto guest = db::GuestStore(m_db).byId(guestId);
    if (!guest)
        return std::unexpected(guest.error().message);
    if (!*guest || (*guest)->eventId != m_event.id)
        return std::unexpected(u"No such guest in %1."_s.arg(m_event.name));
    auto job = db::PrintJobStore(m_db).reprint(m_event.id, guestId, kind, m_kioskId);
    if (!job)
        return std::unexpected(job.error().message);

    if (auto ok = recordAndCommit(tx, u"reprint"_s, guestId, job->uid, detailJson({{u"kind"_s, kind}})); !ok)
        return std::unexpected(ok.error());
    return *job;
}

} // namespace checkin
