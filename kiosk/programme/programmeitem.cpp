#include "kiosk/programme/programmeitem.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringDecoder>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace checkin::programme {

CsvProblem problemAt(const SourcePosition &pos, const QString &message)
{
    return CsvProblem{pos.line, pos.column, pos.field, message};
}

std::optional<int> firstInvalidUtf8Line(QByteArrayView bytes)
{
    // Line by line: CR and LF never occur inside a UTF-8 sequence, so splitting cannot hide or create an error.
    int line = 1;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= bytes.size(); ++i) {
        const bool end = i == bytes.size();
        if (!end && bytes[i] != '\n' && bytes[i] != '\r')
            continue;
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString decoded = decoder.decode(bytes.sliced(start, i - start)); // decodes lazily: convert
        if (decoder.hasError())
            return line;
        if (end)
            break;
        if (bytes[i] == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n')
            ++i;
        start = i + 1;
        ++line;
    }
    return std::nullopt;
}

QDateTime wallClockToUtc(QDate date, QTime time, const QTimeZone &zone)
{
    const QDateTime local(date, time, zone);
    // Qt 6.4 marks a time in a spring-forward gap invalid; later versions move it. Either way it never happened.
    if (!local.isValid() || local.date() != date || local.time() != time)
        return {};
    return local.toUTC();
}

void sortProblems(QList<CsvProblem> &problems)
{
    std::stable_sort(problems.begin(), problems.end(), [](const CsvProblem &a, const CsvProblem &b) {
        return std::pair(a.line, a.column) < std::pair(b.line, b.column);
    });
}

QList<CsvProblem> fieldLengthProblems(const ProgrammeItem &item)
{
    const std::pair<QString, const QString *> texts[] = {
        {QCoreApplication::translate("ProgrammeImporter", "title"), &item.title},
        {QCoreApplication::translate("ProgrammeImporter", "kind"), &item.kind},
        {QCoreApplication::translate("ProgrammeImporter", "room"), &item.room},
        {QCoreApplication::translate("ProgrammeImporter", "area"), &item.area},
        {QCoreApplication::translate("ProgrammeImporter", "group"), &item.acronym},
        {QCoreApplication::translate("ProgrammeImporter", "description"), &item.description},
        {QCoreApplication::translate("ProgrammeImporter", "id"), &item.sourceId},
    };
    QList<CsvProblem> problems;
    for (const auto &[what, text] : texts) {
        if (text->size() <= kMaxFieldLength)
            continue;
        // Characters as people count them (code points), as the CSV reader does.
        const qsizetype length = text->size() - std::count_if(text->cbegin(), text->cend(), [](QChar c) {
                                     return c.isLowSurrogate();
                                 });
        if (length <= kMaxFieldLength)
            continue;
        problems.append(problemAt(item.position,
                                  QCoreApplication::translate("ProgrammeImporter",
                                                              "the session's %1 is %2 characters long; at most %3 are "
                                                              "allowed: shorten it in the file")
                                      .arg(what, QString::number(length), QString::number(kMaxFieldLength))));
    }
    return problems;
}

QString quoted(QStringView value)
{
    constexpr qsizetype MaxLength = 40;
    QString shown = value.left(MaxLength).toString();
    for (QChar &c : shown) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            c = u'\uFFFD';
    }
    if (value.size() > MaxLength)
        shown += u'…';
    return u'"' + shown + u'"';
}

QString normalisedHeader(QString name)
{
    if (name.startsWith(u'\uFEFF'))
        name.remove(0, 1);
    name = name.trimmed().toLower();
    name.replace(u' ', u'_');
    name.replace(u'-', u'_');
    return name;
}

std::optional<QHash<QString, int>> mapColumns(const CsvTable &table, QList<CsvProblem> &problems)
{
    // A header the reader could not read (bad quote or encoding) has already been reported; guessing at its
    // columns would only add misleading problems.
    // So has a file it refused whole (a zero byte, a workbook): it has no header to map.
    if ((table.headerLine == 0 && !table.problems.isEmpty())
        || std::any_of(table.problems.begin(), table.problems.end(),
                       [&table](const CsvProblem &p) { return p.line == table.headerLine || p.line == 0; }))
        return std::nullopt;
    if (table.header.isEmpty()) {
        problems.append(CsvProblem{0, 0, {}, CsvReader::tr("the file is empty")});
        return std::nullopt;
    }
    const QString saveAs = CsvReader::tr("save the file as \"CSV UTF-8 (comma delimited)\"");
    if (table.header.size() == 1 && table.header.first().contains(u';')) {
        problems.append(
            CsvProblem{table.headerLine,
                       0,
                       {},
                       CsvReader::tr("the columns are separated by semicolons, not commas; %1").arg(saveAs)});
        return std::nullopt;
    }
    if (table.header.size() == 1 && table.header.first().contains(u'\t')) {
        problems.append(CsvProblem{
            table.headerLine, 0, {}, CsvReader::tr("the columns are separated by tabs, not commas; %1").arg(saveAs)});
        return std::nullopt;
    }
    QHash<QString, int> columns;
    for (qsizetype i = 0; i < table.header.size(); ++i) {
        const int column = int(i) + 1;
        const QString name = normalisedHeader(table.header.at(i));
        if (name.isEmpty())
            continue;
        if (const auto first = columns.constFind(name); first != columns.cend()) {
            problems.append(CsvProblem{table.headerLine, column, table.header.at(i).trimmed(),
                                       CsvReader::tr("column %1 appears twice (columns %2 and %3); remove one of them")
                                           .arg(quoted(name), QString::number(*first), QString::number(column))});
            continue;
        }
        columns.insert(name, column);
    }
    return columns;
}

std::optional<QDate> parseDate(QStringView text)
{
    static const QRegularExpression re(uR"(^\d{4}-\d{2}-\d{2}$)"_s);
    const QString t = text.trimmed().toString();
    if (!re.match(t).hasMatch())
        return std::nullopt;
    const QDate date = QDate::fromString(t, Qt::ISODate);
    return date.isValid() ? std::optional(date) : std::nullopt;
}

std::optional<QTime> parseClock(QStringView text)
{
    static const QRegularExpression re(uR"(^(\d{1,2}):?(\d{2})(?::(\d{2}))?$)"_s);
    const QRegularExpressionMatch m = re.match(text.trimmed().toString());
    if (!m.hasMatch())
        return std::nullopt;
    // "930" would be ambiguous without a colon; the datatracker always writes four digits.
    if (!text.contains(u':') && m.captured(1).size() != 2)
        return std::nullopt;
    const QTime time(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    return time.isValid() ? std::optional(time) : std::nullopt;
}

} // namespace checkin::programme
