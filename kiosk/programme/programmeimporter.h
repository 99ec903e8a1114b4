#pragma once

#include "kiosk/common/csvreader.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <expected>
#include <optional>

namespace checkin::db {
class Database;
struct EventRecord;
} // namespace checkin::db

namespace checkin {

// Imports the meeting programme into an event from the datatracker's agenda.json / agenda.csv, an iCalendar
// file, or our own programme CSV (which also says which guests attend which session): all in one transaction
// with its audit row, or nothing. Re-importing updates items by their source id and never duplicates them;
// items missing from a re-imported file are kept and counted as "not in this file".
class ProgrammeImporter
{
    Q_DECLARE_TR_FUNCTIONS(ProgrammeImporter)

public:
    enum class Format { DatatrackerJson, DatatrackerCsv, Ics, Csv };

    struct Summary
    {
        Format format = Format::Csv;
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        int notInFile = 0;          // items of the same source kind already stored but not in this file (kept)
        int attendeesLinked = 0;    // guest–session pairs the file lists
        int attendeesUnlinked = 0;  // guests removed from a session of this file since the last import
        int skippedOutsideDays = 0; // only with setSkipOutsideProgrammeDays(true)
    };
    struct Failure
    {
        QString message;              // one sentence for the whole failure
        QList<CsvProblem> problems;   // problems by line (and column), at most kMaxListedProblems; empty for I/O or
                                      // database errors
        int unlistedProblems = 0;     // found beyond those, counted only
        int outsideProgrammeDays = 0; // sessions refused for being outside the programme days (skippable)
    };

    // actor is who the audit row names (checkinctl's --actor, or the operating-system user).
    ProgrammeImporter(db::Database &db, const db::EventRecord &event, QString kioskId,
                      QString actor = QStringLiteral("checkinctl"));

    // Reads, validates and stores the file; the format defaults from the extension (.csv by its header).
    [[nodiscard]] std::expected<Summary, Failure> importFile(const QString &path,
                                                             std::optional<Format> format = std::nullopt);
    // Same for bytes already in memory; name is used for the format, in messages and in the audit log.
    [[nodiscard]] std::expected<Summary, Failure> importBytes(const QByteArray &bytes, const QString &name,
                                                              std::optional<Format> format = std::nullopt);
    // Skip (and count) sessions outside the programme days instead of rejecting the file: a datatracker agenda
    // covers the whole IETF week, the Policymaker Program only some days of it. Off by default.
    void setSkipOutsideProgrammeDays(bool skip) { m_skipOutsideDays = skip; }

    // The format for a --format name: datatracker-json, datatracker-csv, ics or csv.
    [[nodiscard]] static std::optional<Format> formatFromName(const QString &name);
    // The --format name of a format.
    [[nodiscard]] static QString formatName(Format format);
    // The format a file most likely has: by extension, and for .csv by its header line.
    [[nodiscard]] static std::optional<Format> detectFormat(const QString &name, const QByteArray &bytes);

private:
    db::Database &m_db;
    const db::EventRecord &m_event;
    QString m_kioskId;
    QString m_actor;
    bool m_skipOutsideDays = false;
};

} // namespace checkin
