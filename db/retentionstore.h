#pragma once

#include "db/database.h"

#include <QDate>
#include <QList>

namespace checkin::db {

// How many rows of one event hold or point at personal data, table by table.
struct PersonalDataCounts
{
    qint64 guests = 0;
    qint64 invitations = 0;
    qint64 attendance = 0;
    qint64 scanLog = 0;
    qint64 printJobs = 0;
    qint64 guestAgenda = 0;
    qint64 invitationMails = 0;
    qint64 staffActions = 0; // rows whose guest reference and details are cleared, not deleted
};

// Guests who arrived on one programme day: a count, nobody named.
struct DayTotal
{
    QDate day;
    int arrived = 0;
};

// Data retention (GDPR-style): removes one event's personal data and keeps what is anonymous (the event, its
// programme, per-day totals written by the caller into the audit log).
class RetentionStore
{
public:
    explicit RetentionStore(Database &db)
        : m_db(db)
    {
    }

    // The rows purge() would remove or clear.
    [[nodiscard]] DbResult<PersonalDataCounts> count(qint64 eventId);
    // Live (not annulled) arrivals per programme day, oldest day first.
    [[nodiscard]] DbResult<QList<DayTotal>> arrivalsPerDay(qint64 eventId);
    // Deletes the event's guests, invitations, invitation e-mails, attendance, scan log, print jobs and guests'
    // sessions, and clears the guest references and details of staff actions that named its guests. Run it inside a
    // Transaction so that all of it, or none, happens. Returns what it removed.
    [[nodiscard]] DbResult<PersonalDataCounts> purge(qint64 eventId);
    // Rebuilds the file without the freed pages and empties the WAL, so deleted rows are gone from the disk too
    // (outside any transaction).
    [[nodiscard]] DbResult<void> compact();

private:
    Database &m_db;
};

} // namespace checkin::db
