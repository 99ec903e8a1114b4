#pragma once

#include "kiosk/common/csvreader.h"
#include "kiosk/programme/programmeitem.h"

#include <QByteArrayView>
#include <QHash>
#include <QTimeZone>

#include <algorithm>

namespace checkin::programme {

// What the two CSV programme readers (datatracker agenda.csv, our programme CSV) share: the table read once,
// columns by normalised header name, cell values and positions for problems, and the result being built.
class CsvProgrammeParser
{
protected:
    CsvProgrammeParser(QByteArrayView bytes, const QTimeZone &zone)
        : m_table(CsvReader::parse(bytes, kMaxFieldLength))
        , m_zone(zone)
    {
    }

    // Starts the result with the reader's problems and maps the header; false when the rows cannot be read.
    bool mapHeader()
    {
        m_result.problems = m_table.problems;
        m_result.unlistedProblems = m_table.unlistedProblems;
        const auto columns = mapColumns(m_table, m_result.problems);
        if (!columns)
            return false;
        m_columns = *columns;
        return true;
    }

    // Calls readRow for every record that is not blank.
    template<typename Fn>
    void forEachRow(Fn readRow)
    {
        for (const CsvRecord &record : m_table.records) {
            if (std::all_of(record.fields.begin(), record.fields.end(),
                            [](const QString &f) { return f.trimmed().isEmpty(); }))
                continue;
            readRow(record);
        }
    }

    // The result, problems sorted by line and column.
    ProgrammeParse finish()
    {
        sortProblems(m_result.problems);
        return std::move(m_result);
    }

    // The trimmed cell of column name in record (empty when the file has no such column).
    QString value(const CsvRecord &record, const QString &name) const
    {
        const int column = m_columns.value(name);
        return column > 0 ? record.fields.value(column - 1).trimmed() : QString();
    }

    // Where a problem with column name in record is reported.
    SourcePosition at(const CsvRecord &record, const QString &name) const
    {
        const int column = m_columns.value(name);
        return SourcePosition{record.line, column, column > 0 ? m_table.header.at(column - 1).trimmed() : QString()};
    }

    void problem(const SourcePosition &pos, const QString &message)
    {
        m_result.problems.append(problemAt(pos, message));
    }

    CsvTable m_table;
    QTimeZone m_zone;
    QHash<QString, int> m_columns;
    ProgrammeParse m_result;
};

} // namespace checkin::programme
