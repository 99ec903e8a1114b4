#pragma once

#include "kiosk/common/csvreader.h"

#include <QList>
#include <QString>

#include <expected>

namespace checkin::db {
class Database;
struct EventRecord;
struct GuestRecord;
} // namespace checkin::db

namespace checkin {

struct GuestImportRow;

// Imports a guest-list CSV into an event: all rows in one transaction, or none.
class GuestImporter
{
public:
    struct Summary
    {
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        QList<CsvProblem> warnings; // what was changed on the way in, by line (the file was imported)
    };
    struct Failure
    {
        QString message;            // one sentence for the whole failure
        QList<CsvProblem> problems; // problems by line and column, at most kMaxListedProblems (empty for I/O or
                                    // database errors)
        int unlistedProblems = 0;   // found beyond those, counted only
    };

    // actor is who the audit row names (checkinctl's --actor, or the operating-system user).
    GuestImporter(db::Database &db, const db::EventRecord &event, QString kioskId,
                  QString actor = QStringLiteral("checkinctl"));

    // The guest a validated row describes, for event eventId (row id 0: matched by external id when stored).
    [[nodiscard]] static db::GuestRecord recordFrom(const GuestImportRow &row, qint64 eventId);

    // Reads and validates the file, then upserts every guest; a bad file changes nothing.
    [[nodiscard]] std::expected<Summary, Failure> importFile(const QString &path);
    // Same for bytes already in memory (name is used in messages and the audit log).
    [[nodiscard]] std::expected<Summary, Failure> importBytes(const QByteArray &bytes, const QString &name);

private:
    db::Database &m_db;
    const db::EventRecord &m_event;
    QString m_kioskId;
    QString m_actor;
};

} // namespace checkin
