#include "kiosk/common/csvreader.h"

#include <QLocale>

#include <QStringDecoder>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace checkin {

QString CsvProblem::toString() const
{
    if (line <= 0)
        return message;
    if (column <= 0)
        return CsvReader::tr("line %1: %2").arg(QString::number(line), message);
    if (columnName.isEmpty())
        return CsvReader::tr("line %1, column %2: %3").arg(QString::number(line), QString::number(column), message);
    return CsvReader::tr("line %1, column %2 (%3): %4")
        .arg(QString::number(line), QString::number(column), columnName, message);
}

namespace {

constexpr char Quote = '"';
constexpr char Separator = ',';

[[nodiscard]] bool isNewline(char c)
{
    return c == '\r' || c == '\n';
}

[[nodiscard]] bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

// A short, single-line rendering of file content for a message.
[[nodiscard]] QString excerpt(const QString &text)
{
    constexpr qsizetype MaxLength = 20;
    QString shown = text.left(MaxLength);
    for (QChar &c : shown) {
        if (c.category() == QChar::Other_Control)
            c = u'\uFFFD';
    }
    if (text.size() > MaxLength)
        shown += u'…';
    return u'"' + shown + u'"';
}

// Stateless so that a sequence cut off at the end is an error; ConvertInitialBom so that a field starting
// with U+FEFF keeps it (the file's own BOM is removed before parsing).
[[nodiscard]] std::optional<QString> decodeUtf8(QByteArrayView bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8,
                           QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

// Index just past the line break at pos: CRLF, a lone CR and LF each end one line.
[[nodiscard]] qsizetype newlineEnd(QByteArrayView bytes, qsizetype pos)
{
    if (bytes[pos] == '\r' && pos + 1 < bytes.size() && bytes[pos + 1] == '\n')
        return pos + 2;
    return pos + 1;
}

// 1-based line of the byte at pos.
[[nodiscard]] int lineAt(QByteArrayView bytes, qsizetype pos)
{
    int line = 1;
    for (qsizetype i = 0; i < pos;) {
        if (isNewline(bytes[i])) {
            i = newlineEnd(bytes, i);
            ++line;
        } else {
            ++i;
        }
    }
    return line;
}

// A quoted field may span lines; returns how many line breaks precede its first invalid UTF-8 byte.
// Splitting at line breaks cannot hide or create an error: CR and LF never occur inside a UTF-8 sequence.
[[nodiscard]] int linesBeforeInvalidUtf8(QByteArrayView field)
{
    int lines = 0;
    qsizetype start = 0;
    qsizetype i = 0;
    while (i < field.size()) {
        if (!isNewline(field[i])) {
            ++i;
            continue;
        }
        if (!decodeUtf8(field.sliced(start, i - start)))
            return lines;
        i = newlineEnd(field, i);
        start = i;
        ++lines;
    }
    return lines;
}

[[nodiscard]] qsizetype codePointCount(const QString &text)
{
    return std::count_if(text.cbegin(), text.cend(), [](QChar c) { return !c.isLowSurrogate(); });
}

// Spreadsheets and other editors can save things that are not UTF-8 CSV; say so once instead of
// reporting every line.
[[nodiscard]] std::optional<CsvProblem> formatProblem(QByteArrayView bytes)
{
    const auto saveAs = CsvReader::tr("save it as \"CSV UTF-8 (comma delimited)\" and try again");
    if (bytes.startsWith(QByteArrayView("\xFF\xFE\x00\x00", 4))
        || bytes.startsWith(QByteArrayView("\x00\x00\xFE\xFF", 4)))
        return CsvProblem{0, 0, {}, CsvReader::tr("the file is saved as UTF-32 text, not as CSV; %1").arg(saveAs)};
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF"))
        return CsvProblem{0, 0, {}, CsvReader::tr("the file is saved as UTF-16 text, not as CSV; %1").arg(saveAs)};
    if (bytes.startsWith("PK\x03\x04"))
        return CsvProblem{
            0,
            0,
            {},
            CsvReader::tr("the file is a spreadsheet workbook (for example .xlsx or .ods), not CSV; %1").arg(saveAs)};
    if (bytes.startsWith("\xD0\xCF\x11\xE0"))
        return CsvProblem{0, 0, {}, CsvReader::tr("the file is an old Excel workbook (.xls), not CSV; %1").arg(saveAs)};
    if (const qsizetype nul = bytes.indexOf('\0'); nul >= 0) {
        return CsvProblem{lineAt(bytes, nul),
                          0,
                          {},
                          CsvReader::tr("the file contains a zero byte, so it is not a CSV text file; %1").arg(saveAs)};
    }
    return std::nullopt;
}

class Parser
{
public:
    Parser(QByteArrayView bytes, qsizetype maxFieldLength)
        : m_bytes(bytes)
        , m_maxFieldLength(maxFieldLength)
    {
    }

    [[nodiscard]] CsvTable run()
    {
        while (m_pos < m_bytes.size()) {
            if (skipBlankLine())
                continue;
            readRecord();
        }
        std::stable_sort(m_table.problems.begin(), m_table.problems.end(),
                         [](const CsvProblem &a, const CsvProblem &b) {
                             return std::pair(a.line, a.column) < std::pair(b.line, b.column);
                         });
        return std::move(m_table);
    }

private:
    // Consumes a line holding nothing but spaces or tabs; returns false at the start of a real record.
    bool skipBlankLine()
    {
        qsizetype p = m_pos;
        while (p < m_bytes.size() && isBlank(m_bytes[p]))
            ++p;
        if (p == m_bytes.size()) {
            m_pos = p;
            return true;
        }
        if (!isNewline(m_bytes[p]))
            return false;
        m_pos = newlineEnd(m_bytes, p);
        ++m_line;
        return true;
    }

    void addProblem(int line, int column, const QString &message)
    {
        m_recordProblems.append(CsvProblem{line, column, m_table.header.value(column - 1).trimmed(), message});
    }

    void readRecord()
    {
        const int recordLine = m_line;
        QStringList fields;
        m_recordProblems.clear();
        for (int column = 1;; ++column) {
            const int fieldLine = m_line;
            QByteArray raw;
            if (!readField(raw, column)) {
                m_pos = m_bytes.size();
                break;
            }
            fields.append(decodeField(raw, fieldLine, column));
            if (m_pos < m_bytes.size() && m_bytes[m_pos] == Separator) {
                ++m_pos;
                continue;
            }
            if (m_pos < m_bytes.size()) {
                m_pos = newlineEnd(m_bytes, m_pos);
                ++m_line;
            }
            break;
        }

        if (m_table.headerLine == 0) {
            m_table.headerLine = recordLine;
            m_table.header = fields;
        } else if (m_recordProblems.isEmpty() && fields.size() != m_table.header.size()) {
            addProblem(recordLine, 0, fieldCountMessage(fields.size()));
        } else if (m_recordProblems.isEmpty()) {
            m_table.records.append(CsvRecord{recordLine, fields});
        }
        for (CsvProblem &problem : m_recordProblems)
            appendProblem(m_table.problems, m_table.unlistedProblems, std::move(problem));
    }

    [[nodiscard]] QString fieldCountMessage(qsizetype count) const
    {
        const QString counts =
            CsvReader::tr("the number of values in this row (%1) is not the number of columns in the header (%2)")
                .arg(QString::number(count), QString::number(m_table.header.size()));
        if (count > m_table.header.size())
            return CsvReader::tr("%1; a value that contains a comma must be put in quotes").arg(counts);
        return CsvReader::tr("%1; add the missing values, or commas for empty ones").arg(counts);
    }

    // Reads one field's raw bytes and leaves m_pos on the separator, line break or end of file after it.
    // Returns false if the field swallowed the rest of the file (unterminated quote).
    bool readField(QByteArray &raw, int column)
    {
        const qsizetype start = m_pos;
        qsizetype p = m_pos;
        while (p < m_bytes.size() && isBlank(m_bytes[p]))
            ++p;
        if (p == m_bytes.size() || m_bytes[p] != Quote) {
            while (m_pos < m_bytes.size() && m_bytes[m_pos] != Separator && !isNewline(m_bytes[m_pos]))
                ++m_pos;
            raw = m_bytes.sliced(start, m_pos - start).toByteArray();
            return true;
        }

        const int quoteLine = m_line;
        m_pos = p + 1;
        for (;;) {
            if (m_pos == m_bytes.size()) {
                addProblem(quoteLine, column,
                           CsvReader::tr("a quoted value starts here but its closing quote (\") is missing, so the "
                                         "rest of the file was read as part of this value"));
                return false;
            }
            const char c = m_bytes[m_pos];
            if (c == Quote) {
                if (m_pos + 1 < m_bytes.size() && m_bytes[m_pos + 1] == Quote) {
                    raw += Quote;
                    m_pos += 2;
                    continue;
                }
                ++m_pos;
                break;
            }
            if (isNewline(c)) {
                const qsizetype end = newlineEnd(m_bytes, m_pos);
                raw += m_bytes.sliced(m_pos, end - m_pos);
                m_pos = end;
                ++m_line;
                continue;
            }
            raw += c;
            ++m_pos;
        }

        while (m_pos < m_bytes.size() && isBlank(m_bytes[m_pos]))
            ++m_pos;
        const qsizetype junkStart = m_pos;
        while (m_pos < m_bytes.size() && m_bytes[m_pos] != Separator && !isNewline(m_bytes[m_pos]))
            ++m_pos;
        if (m_pos > junkStart) {
            const QString junk = QString::fromUtf8(m_bytes.sliced(junkStart, m_pos - junkStart));
            addProblem(m_line, column,
                       CsvReader::tr("unexpected text %1 after the closing quote; put the whole value in quotes "
                                     "and write each quote inside it twice (\"\")")
                           .arg(excerpt(junk)));
        }
        return true;
    }

    [[nodiscard]] QString decodeField(const QByteArray &raw, int fieldLine, int column)
    {
        std::optional<QString> text = decodeUtf8(raw);
        if (!text) {
            addProblem(fieldLine + linesBeforeInvalidUtf8(raw), column,
                       CsvReader::tr("the text is not valid UTF-8 (accented letters or other scripts are probably "
                                     "in another encoding); save the file as \"CSV UTF-8 (comma delimited)\""));
            return QString::fromUtf8(raw);
        }
        if (m_maxFieldLength > 0) {
            if (const qsizetype length = codePointCount(*text); length > m_maxFieldLength) {
                addProblem(fieldLine, column,
                           CsvReader::tr("field is %1 characters long; the limit is %2")
                               .arg(QString::number(length), QString::number(m_maxFieldLength)));
            }
        }
        return *std::move(text);
    }

    QByteArrayView m_bytes;
    qsizetype m_maxFieldLength = 0;
    qsizetype m_pos = 0;
    int m_line = 1;
    CsvTable m_table;
    QList<CsvProblem> m_recordProblems;
};

} // namespace

void appendProblem(QList<CsvProblem> &problems, int &unlisted, CsvProblem problem)
{
    if (problems.size() < kMaxListedProblems) {
        problems.append(std::move(problem));
        return;
    }
    // Full: keep the first problems by line whatever order they were found in (the reader's, then a row's).
    ++unlisted;
    const auto byPosition = [](const CsvProblem &a, const CsvProblem &b) {
        return std::pair(a.line, a.column) < std::pair(b.line, b.column);
    };
    const auto last = std::max_element(problems.begin(), problems.end(), byPosition);
    if (byPosition(problem, *last))
        *last = std::move(problem);
}

QString unlistedProblemsNote(int unlisted)
{
    if (unlisted <= 0)
        return {};
    return unlisted == 1
               ? CsvReader::tr("…and 1 more problem, not listed")
               : CsvReader::tr("…and %1 more problems, not listed").arg(QLocale(QLocale::English).toString(unlisted));
}

CsvTable CsvReader::parse(QByteArrayView bytes, qsizetype maxFieldLength)
{
    if (std::optional<CsvProblem> problem = formatProblem(bytes)) {
        CsvTable table;
        table.problems.append(*std::move(problem));
        return table;
    }
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes = bytes.sliced(3);
    return Parser(bytes, maxFieldLength).run();
}

} // namespace checkin
