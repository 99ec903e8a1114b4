#pragma once

#include "kiosk/common/csvreader.h"

#include <QByteArrayView>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QTime>
#include <QTimeZone>

#include <optional>

namespace checkin {

// Where something is in a programme file, so that a problem can point staff at it.
struct SourcePosition
{
    int line = 0;   // 1-based physical line; 0 = the file as a whole
    int column = 0; // 1-based CSV column; 0 where the format has no columns
    QString field;  // column, JSON key or iCalendar property name, if known

    friend bool operator==(const SourcePosition &, const SourcePosition &) = default;
};

// One session of the programme as read from a file, before it is stored. Times are UTC.
struct ProgrammeItem
{
    SourcePosition position;     // the item as a whole: its row, its JSON object, its VEVENT
    SourcePosition timePosition; // where its start time is written
    QString sourceId;            // stable id, prefixed by the source kind: dt:12345, ics:<uid>, pp:<id>
    QString title;
    QString kind;
    QString room;
    QString area;
    QString acronym;
    QString description;
    QDateTime start; // UTC
    QDateTime end;   // UTC

    friend bool operator==(const ProgrammeItem &, const ProgrammeItem &) = default;
};

// "This guest attends this session", from the attendees column of our programme CSV.
struct ProgrammeAttendance
{
    SourcePosition position; // the attendees cell
    QString sourceId;        // the session's prefixed source id
    QString guestExternalId;

    friend bool operator==(const ProgrammeAttendance &, const ProgrammeAttendance &) = default;
};

// The items of a file that could be read and every problem found in it. Only a file without problems may be
// imported; the items of a bad one are kept so that the importer can add its own checks to the list.
struct ProgrammeParse
{
    QList<ProgrammeItem> items;            // items without a problem of their own
    QList<ProgrammeAttendance> attendance; // our programme CSV only
    bool listsAttendees = false;           // the file has an attendees column: it says who attends its sessions
    QList<CsvProblem> problems;            // sorted by line, then column
    int unlistedProblems = 0;              // the CSV reader's problems beyond its kMaxListedProblems, counted only

    // True if the file can be imported.
    [[nodiscard]] bool ok() const { return problems.isEmpty(); }
};

// Small helpers every programme reader shares.
namespace programme {

// What a programme file may hold, whatever its format (docs/programme-import.md). A file over any of them is
// refused whole, with the line and what to change: a small file must not be able to fill a kiosk's disk or
// memory, and a real Policymaker Program (four days, a few dozen sessions; a whole IETF week is about 1,500)
// stays far below them.
inline constexpr qsizetype kMaxFieldLength = 1000; // characters in any text of a session (title, room, ...)
inline constexpr int kMaxOccurrences = 500;        // occurrences of one repeating event within the programme days
inline constexpr int kMaxSessions = 5000;          // sessions of one event, stored and imported together

// A problem located at pos.
[[nodiscard]] CsvProblem problemAt(const SourcePosition &pos, const QString &message);
// The 1-based line of the first byte that is not valid UTF-8, if any.
[[nodiscard]] std::optional<int> firstInvalidUtf8Line(QByteArrayView bytes);
// The UTC instant of a wall-clock time in zone; invalid when the clocks skip that time (DST gap).
[[nodiscard]] QDateTime wallClockToUtc(QDate date, QTime time, const QTimeZone &zone);
// Sorts problems by line, then column (stable).
void sortProblems(QList<CsvProblem> &problems);
// A problem for every text of item longer than kMaxFieldLength characters, at the item's position.
[[nodiscard]] QList<CsvProblem> fieldLengthProblems(const ProgrammeItem &item);
// A value quoted for a message: short and on one line.
[[nodiscard]] QString quoted(QStringView value);

// "Session ID", " session-id " and "SESSION_ID" all mean session_id.
[[nodiscard]] QString normalisedHeader(QString name);
// Columns of a CSV table by normalised header name (1-based); reports a repeated column or a file that uses
// semicolons or tabs. Returns nullopt when the rows cannot be read at all.
[[nodiscard]] std::optional<QHash<QString, int>> mapColumns(const CsvTable &table, QList<CsvProblem> &problems);
// A calendar date written 2026-11-02.
[[nodiscard]] std::optional<QDate> parseDate(QStringView text);
// A clock time written 09:30, 9:30, 09:30:00 or 0930 (the datatracker's form).
[[nodiscard]] std::optional<QTime> parseClock(QStringView text);

} // namespace programme

} // namespace checkin
