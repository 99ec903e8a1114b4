#pragma once

#include <QString>

#include <expected>

#include "db/records.h"

namespace checkin::db {
class Database;
class Transaction;
} // namespace checkin::db

namespace checkin {

// Corrections staff make: annul a check-in, revoke an invitation. Each is one transaction with its audit row.
class StaffActions
{
public:
    StaffActions(db::Database &db, const db::EventRecord &event, QString kioskId, QString actor);

    // Annuls the check-in with this id (attendance uid); the row stays, marked, and the audit log says why.
    [[nodiscard]] std::expected<void, QString> annul(const QString &checkinId, const QString &reason);
    // Revokes the guest's active invitation (guest named by external id); later scans are refused.
    [[nodiscard]] std::expected<void, QString> revoke(const QString &externalId, const QString &reason);
    // Queues a new print job of kind (badge | agenda) for the guest with this row id: reprints are explicit,
    // never deduplicated against the first print.
    [[nodiscard]] std::expected<db::PrintJobRecord, QString> reprint(qint64 guestId, const QString &kind);

private:
    // Appends the correction's audit row in tx, then commits tx: the correction and its record land together.
    [[nodiscard]] std::expected<void, QString> recordAndCommit(db::Transaction &tx, const QString &action,
                                                               qint64 guestId, const QString &targetUid,
                                                               const QString &detail);

    db::Database &m_db;
    const db::EventRecord &m_event;
    QString m_kioskId;
    QString m_actor;
};

} // namespace checkin
