#pragma once

#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace checkin {

// One thing wrong with a CSV file, located so that staff can find it in a spreadsheet.
struct CsvProblem
{
    int line = 0;       // 1-based physical line; 0 = the file as a whole
    int column = 0;     // 1-based column; 0 = the whole row
    QString columnName; // header name of that column, if known
    QString message;

    // Human-readable form, e.g. `line 7, column 3 (country_code): unknown country code "XX"`.
    [[nodiscard]] QString toString() const;

    friend bool operator==(const CsvProblem &, const CsvProblem &) = default;
};

// A file with a problem on every one of its two million rows must not produce a two-million-line answer: lists
// of problems keep the first kMaxListedProblems by line and count the rest.
inline constexpr qsizetype kMaxListedProblems = 100;

// Appends problem to problems; when that already holds kMaxListedProblems, counts one in unlisted and keeps the
// problem that comes first in the file.
void appendProblem(QList<CsvProblem> &problems, int &unlisted, CsvProblem problem);
// "…and 1,999,900 more problems not listed", or empty when unlisted is 0.
[[nodiscard]] QString unlistedProblemsNote(int unlisted);

// One data row and the physical line on which it starts.
struct CsvRecord
{
    int line = 0;
    QStringList fields;

    friend bool operator==(const CsvRecord &, const CsvRecord &) = default;
};

// A parsed file: the header (first non-blank record), well-formed data records, and every problem found.
struct CsvTable
{
    int headerLine = 0; // 0 if the file has no header
    QStringList header;
    QList<CsvRecord> records;   // records with a problem are left out
    QList<CsvProblem> problems; // in file order, at most kMaxListedProblems
    int unlistedProblems = 0;   // found beyond those, counted only
};

// RFC 4180 reader: comma-separated, UTF-8 (optional BOM), CRLF/LF/CR line ends, "quoted" fields with
// commas, line breaks and doubled quotes. Blank (or blank-looking, whitespace-only) lines are skipped and
// spaces around a quoted field are ignored, because hand-edited files have them.
class CsvReader
{
    Q_DECLARE_TR_FUNCTIONS(CsvReader)

public:
    CsvReader() = delete;

    // Parses the bytes of a file; a field longer than maxFieldLength characters is a problem (<= 0: no limit).
    [[nodiscard]] static CsvTable parse(QByteArrayView bytes, qsizetype maxFieldLength = 1000);
};

} // namespace checkin
