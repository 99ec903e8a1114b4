#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <expected>

namespace checkin::db {
class Database;
struct EventRecord;
} // namespace checkin::db

namespace checkin {

// Two kiosks without a venue server: brings another kiosk's database file (copied on a USB stick) into this one,
// for the same event. Check-ins, scans, print jobs and staff actions are matched by uid, so merging again (or
// merging back and forth) adds nothing twice; guests by external id (a walk-in added at the other kiosk comes
// along), invitations by token (a revocation there is a revocation here). The venue database's conflict rule: of
// two live check-ins of one guest on one day, the earliest counts, the other is kept marked as its duplicate.
// Print jobs still queued or printing at the other kiosk are left for a later merge: they never print here.
// The other file is opened read-only (through a migrated copy); another event or key is refused; everything is
// written in one transaction with its staff action row.
class KioskFileMerge
{
public:
    struct Summary
    {
        QStringList otherKiosks; // kiosk ids whose rows the other file holds
        int guestsAdded = 0;
        int invitationsAdded = 0;
        int invitationsRevoked = 0;
        int checkinsAdded = 0;
        int checkinsKnown = 0;
        int duplicates = 0; // check-ins of a guest and day that already had one (kept, not counted)
        int annulments = 0;
        int scansAdded = 0;
        int printJobsAdded = 0;
        int printJobsUpdated = 0;
        int printJobsInProgress = 0; // queued or printing at the other kiosk: merged once finished
        int staffActionsAdded = 0;

        [[nodiscard]] QJsonObject toJson() const;
        [[nodiscard]] bool changedAnything() const;
    };

    KioskFileMerge(db::Database &db, const db::EventRecord &event, QString kioskId, QString actor);

    [[nodiscard]] std::expected<Summary, QString> mergeFrom(const QString &otherPath);

private:
    db::Database &m_db;
    const db::EventRecord &m_event;
    QString m_kioskId;
    QString m_actor;
};

} // namespace checkin
