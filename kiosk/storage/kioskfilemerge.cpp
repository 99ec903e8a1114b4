#include "kiosk/storage/kioskfilemerge.h"

#include "db/attendancestore.h"
#include "db/database.h"
#include "db/eventstore.h"
#include "db/gueststore.h"
#include "db/mergestore.h"
#include "db/printjobstore.h"
#include "db/records.h"
#include "db/staffactionstore.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace checkin {

namespace {

// Everything of the event that the other file holds.
struct OtherFile
{
    QList<db::GuestRecord> guests;
    QList<db::InvitationRecord> invitations;
    QList<db::AttendanceRecord> attendance;
    QList<db::ScanLogRecord> scans;
    QList<db::PrintJobRecord> printJobs;
    QList<db::StaffActionRecord> staffActions;
};

std::expected<OtherFile, QString> readOther(db::Database &other, qint64 eventId)
{
    OtherFile f;
    db::GuestStore guests(other);
    db::MergeStore merge(other);
    auto g = guests.forEvent(eventId);
    auto i = guests.invitationsForEvent(eventId);
    auto a = db::AttendanceStore(other).allForEvent(eventId);
    auto s = merge.scans(eventId);
    auto p = db::PrintJobStore(other).jobs(eventId);
    auto x = db::StaffActionStore(other).forEvent(eventId);
    for (const db::DbError *e : {g ? nullptr : &g.error(), i ? nullptr : &i.error(), a ? nullptr : &a.error(),
                                 s ? nullptr : &s.error(), p ? nullptr : &p.error(), x ? nullptr : &x.error()}) {
        if (e)
            return std::unexpected(u"Cannot read the other kiosk's file: %1"_s.arg(e->message));
    }
    f.guests = *g;
    f.invitations = *i;
    f.attendance = *a;
    f.scans = *s;
    f.printJobs = *p;
    f.staffActions = *x;
    return f;
}

bool isFinal(const QString &state)
{
    return state == u"printed" || state == u"failed";
}

} // namespace

QJsonObject KioskFileMerge::Summary::toJson() const
{
    return QJsonObject{{u"other_kiosks"_s, QJsonArray::fromStringList(otherKiosks)},
                       {u"guests_added"_s, guestsAdded},
                       {u"invitations_added"_s, invitationsAdded},
                       {u"invitations_revoked"_s, invitationsRevoked},
                       {u"checkins_added"_s, checkinsAdded},
                       {u"checkins_already_here"_s, checkinsKnown},
                       {u"duplicates"_s, duplicates},
                       {u"annulments"_s, annulments},
                       {u"scans_added"_s, scansAdded},
                       {u"print_jobs_added"_s, printJobsAdded},
                       {u"print_jobs_updated"_s, printJobsUpdated},
                       {u"print_jobs_in_progress"_s, printJobsInProgress},
                       {u"staff_actions_added"_s, staffActionsAdded}};
}

bool KioskFileMerge::Summary::changedAnything() const
{
    return guestsAdded + invitationsAdded + invitationsRevoked + checkinsAdded + annulments + scansAdded
               + printJobsAdded + printJobsUpdated + staffActionsAdded
           > 0;
}

KioskFileMerge::KioskFileMerge(db::Database &db, const db::EventRecord &event, QString kioskId, QString actor)
    : m_db(db)
    , m_event(event)
    , m_kioskId(std::move(kioskId))
    , m_actor(std::move(actor))
{
}

std::expected<KioskFileMerge::Summary, QString> KioskFileMerge::mergeFrom(const QString &otherPath)
{
    const QFileInfo otherInfo(otherPath);
    if (otherInfo.exists() && otherInfo.canonicalFilePath() == QFileInfo(m_db.path()).canonicalFilePath())
        return std::unexpected(u"%1 is this kiosk's own database: give the other kiosk's file."_s.arg(otherPath));
    if (auto report = db::Database::inspectFile(otherPath); !report)
        return std::unexpected(u"%1 cannot be merged: %2"_s.arg(otherPath, report.error().message));
    else if (report->applicationId != db::Database::kApplicationId && !report->hasCheckinTables)
        return std::unexpected(u"%1 is not an ietf-checkin database."_s.arg(otherPath));
    else if (report->quickCheck != u"ok")
        return std::unexpected(
            u"%1 is damaged (%2): merge a backup of it instead."_s.arg(otherPath, report->quickCheck));

    // The other file is never written: a copy is migrated to this build's schema and read.
    QTemporaryDir scratch;
    if (!scratch.isValid())
        return std::unexpected(
            u"Cannot make a temporary folder to read %1: %2."_s.arg(otherPath, scratch.errorString()));
    const QString copyPath = scratch.filePath(u"other.sqlite"_s);
    if (auto copied = db::Database::copyFile(otherPath, copyPath); !copied)
        return std::unexpected(copied.error().message);
    auto other = db::Database::open(copyPath);
    if (!other)
        return std::unexpected(u"%1 cannot be read: %2"_s.arg(otherPath, other.error().message));
    auto otherEvent = db::EventStore(**other).byNumber(m_event.number);
    if (!otherEvent)
        return std::unexpected(otherEvent.error().message);
    if (!*otherEvent) {
        QStringList numbers;
        if (auto all = db::EventStore(**other).all())
            for (const db::EventRecord &e : *all)
                numbers << QString::number(e.number);
        return std::unexpected(u"%1 has no event %2 (it holds: %3): merge files of the same meeting."_s.arg(
            otherPath, QString::number(m_event.number), numbers.isEmpty() ? u"no event"_s : numbers.join(u", "_s)));
    }
    if ((*otherEvent)->verifyKey != m_event.verifyKey) {
        return std::unexpected(u"%1's event %2 was set up with another verify key: its invitations are not this "
                               "event's. Nothing was merged."_s.arg(otherPath)
                                   .arg(m_event.number));
    }
    auto read = readOther(**other, (*otherEvent)->id);
    if (!read)
        return std::unexpected(read.error());
    const OtherFile &in = *read;

    Summary summary;
    QSet<QString> kiosks;
    for (const db::AttendanceRecord &a : in.attendance)
        kiosks.insert(a.kioskId);
    for (const db::ScanLogRecord &s : in.scans)
        kiosks.insert(s.kioskId);
    kiosks.remove(m_kioskId);
    summary.otherKiosks = kiosks.values();
    summary.otherKiosks.sort();

    const auto dbFail = [](const db::DbError &e) { return std::unexpected(e.message); };
    db::Transaction tx(m_db);
    if (auto ok = tx.begin(); !ok)
        return dbFail(ok.error());
    db::GuestStore guests(m_db);
    db::AttendanceStore attendance(m_db);
    db::MergeStore merge(m_db);

    // Guests by external id; a guest only the other file has (a walk-in) is added.
    QHash<qint64, qint64> guestId; // other's id → ours
    for (const db::GuestRecord &g : in.guests) {
        auto mine = guests.byExternalId(m_event.id, g.externalId);
        if (!mine)
            return dbFail(mine.error());
        if (!*mine) {
            db::GuestRecord copy = g;
            copy.id = 0;
            copy.eventId = m_event.id;
            if (auto ok = guests.upsert(copy); !ok)
                return dbFail(ok.error());
            mine = guests.byExternalId(m_event.id, g.externalId);
            if (!mine || !*mine)
                return std::unexpected(u"The guest %1 could not be added."_s.arg(g.externalId));
            ++summary.guestsAdded;
        }
        guestId.insert(g.id, (*mine)->id);
    }

    // Invitations by token: new ones are added, a revocation made there is made here.
    QHash<qint64, qint64> invitationId; // other's id → ours
    for (const db::InvitationRecord &i : in.invitations) {
        auto mine = guests.invitationByToken(m_event.id, i.tokenId);
        if (!mine)
            return dbFail(mine.error());
        qint64 id = *mine ? (*mine)->id : 0;
        bool active = *mine && (*mine)->status == u"active";
        if (!*mine) {
            const qint64 owner = guestId.value(i.guestId);
            auto current = guests.activeInvitation(owner);
            if (!current)
                return dbFail(current.error());
            // The guest holds another invitation here: the organiser's file decides, and a code this file does not
            // know is refused here anyway (an active one from there would also break one-active-per-guest).
            if (*current)
                continue;
            auto created = guests.createInvitation(m_event.id, owner, i.tokenId, i.signature);
            if (!created)
                return dbFail(created.error());
            id = *created;
            active = true;
            ++summary.invitationsAdded;
        }
        if (i.status == u"revoked" && active) {
            if (auto ok = guests.revokeInvitation(id); !ok)
                return dbFail(ok.error());
            if (*mine)
                ++summary.invitationsRevoked;
        }
        invitationId.insert(i.id, id);
    }

    // Check-ins by uid, earliest first: the earliest live one of a guest and day counts, later ones are duplicates.
    for (db::AttendanceRecord a : in.attendance) {
        auto known = attendance.byUid(a.uid);
        if (!known)
            return dbFail(known.error());
        if (*known) {
            ++summary.checkinsKnown;
            if (!a.annulledAt.isEmpty() && (*known)->annulledAt.isEmpty()) {
                auto annulled = merge.annulAs(a.uid, a.annulledAt, a.annulReason);
                if (!annulled)
                    return dbFail(annulled.error());
                summary.annulments += *annulled;
            }
            continue;
        }
        a.eventId = m_event.id;
        a.guestId = guestId.value(a.guestId);
        a.invitationId = invitationId.value(a.invitationId);
        a.duplicateOf.clear();
        if (a.annulledAt.isEmpty()) {
            auto live = attendance.liveForGuestDay(a.guestId, a.day);
            if (!live)
                return dbFail(live.error());
            if (*live) {
                const db::AttendanceRecord &here = **live;
                const bool earlier = a.scannedAt < here.scannedAt
                                     || (a.scannedAt == here.scannedAt && a.uid < here.uid);
                if (earlier) {
                    // The merged check-in came first: it counts, the one here becomes its duplicate.
                    if (auto ok = merge.markDuplicate(here.uid, a.uid); !ok)
                        return dbFail(ok.error());
                    if (auto ok = merge.repointDuplicates(here.uid, a.uid); !ok)
                        return dbFail(ok.error());
                } else {
                    a.duplicateOf = here.uid;
                }
                ++summary.duplicates;
            }
        }
        if (auto ok = attendance.insert(a); !ok)
            return dbFail(ok.error());
        ++summary.checkinsAdded;
    }

    for (db::ScanLogRecord s : in.scans) {
        auto known = merge.hasScan(s.uid);
        if (!known)
            return dbFail(known.error());
        if (*known)
            continue;
        s.eventId = m_event.id;
        s.guestId = guestId.value(s.guestId);
        if (auto ok = attendance.appendScan(s); !ok)
            return dbFail(ok.error());
        ++summary.scansAdded;
    }

    for (db::PrintJobRecord j : in.printJobs) {
        auto known = db::PrintJobStore(m_db).byUid(j.uid);
        if (!known)
            return dbFail(known.error());
        j.eventId = m_event.id;
        j.guestId = guestId.value(j.guestId);
        if (*known) {
            // A job of the other kiosk merged before, finished there since.
            if ((*known)->kioskId != m_kioskId && j.updatedAt > (*known)->updatedAt && j.state != (*known)->state
                && isFinal(j.state)) {
                if (auto ok = merge.updatePrintJobState(j); !ok)
                    return dbFail(ok.error());
                ++summary.printJobsUpdated;
            }
            continue;
        }
        if (!isFinal(j.state)) {
            ++summary.printJobsInProgress; // never printed here: the other kiosk prints it
            continue;
        }
        auto added = merge.insertPrintJob(j);
        if (!added)
            return dbFail(added.error());
        summary.printJobsAdded += *added;
    }

    db::StaffActionStore actions(m_db);
    for (db::StaffActionRecord x : in.staffActions) {
        auto known = merge.hasStaffAction(x.uid);
        if (!known)
            return dbFail(known.error());
        if (*known)
            continue;
        x.eventId = m_event.id;
        x.guestId = guestId.value(x.guestId);
        if (auto ok = actions.append(x); !ok)
            return dbFail(ok.error());
        ++summary.staffActionsAdded;
    }

    db::StaffActionRecord audit;
    audit.kioskId = m_kioskId;
    audit.actor = m_actor;
    audit.action = u"merge"_s;
    audit.eventId = m_event.id;
    QJsonObject detail = summary.toJson();
    detail.insert(u"file"_s, otherInfo.absoluteFilePath());
    audit.detail = QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
    if (auto ok = actions.append(audit); !ok)
        return dbFail(ok.error());
    if (auto ok = tx.commit(); !ok)
        return dbFail(ok.error());
    return summary;
}

} // namespace checkin
