#include "kiosk/programme/datatrackercsvreader.h"

#include "kiosk/programme/csvprogrammeparser.h"

#include "kiosk/common/csvreader.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace checkin {

namespace {

constexpr std::array RequiredColumns = {u"date", u"start", u"end", u"session_id"};

// The export's Type column holds the group type's name; store the datatracker's slugs, as agenda.json has them.
QString kindFromType(const QString &type)
{
    static const QHash<QString, QString> slugs = {
        {u"working group"_s, u"wg"_s},
        {u"research group"_s, u"rg"_s},
        {u"bof"_s, u"bof"_s},
        {u"area group"_s, u"ag"_s},
        {u"ag"_s, u"ag"_s},
        {u"team"_s, u"team"_s},
        {u"program"_s, u"program"_s},
        {u"ietf"_s, u"ietf"_s},
        {u"directorate"_s, u"dir"_s},
    };
    const QString key = type.trimmed().toLower();
    return slugs.value(key, key);
}

class Parser : public programme::CsvProgrammeParser
{
public:
    Parser(QByteArrayView bytes, const QTimeZone &zone)
        : CsvProgrammeParser(bytes, zone)
    {
    }

    ProgrammeParse run()
    {
        if (!mapHeader())
            return finish();
        QStringList missing;
        for (const char16_t *name : RequiredColumns) {
            if (!m_columns.contains(QString::fromUtf16(name)))
                missing << QString::fromUtf16(name);
        }
        if (!m_columns.contains(u"description"_s) && !m_columns.contains(u"session"_s))
            missing << u"description"_s;
        if (!missing.isEmpty()) {
            m_result.problems.append(CsvProblem{
                m_table.headerLine,
                0,
                {},
                DatatrackerCsvReader::tr("missing column(s) %1; a datatracker agenda.csv has Date, Start, End, "
                                         "Session, Room, Area, Acronym, Type, Description, Session ID")
                    .arg(missing.join(u", "_s))});
            return finish();
        }
        forEachRow([this](const CsvRecord &record) { readRow(record); });
        if (m_result.items.isEmpty() && m_result.problems.isEmpty())
            m_result.problems.append(CsvProblem{0, 0, {}, DatatrackerCsvReader::tr("the file lists no sessions")});
        return finish();
    }

private:
    void readRow(const CsvRecord &record)
    {
        const int problemsBefore = int(m_result.problems.size());
        ProgrammeItem item;
        item.position = SourcePosition{record.line, 0, {}};
        item.timePosition = at(record, u"date"_s);

        const QString id = value(record, u"session_id"_s);
        static const QRegularExpression idPattern(u"^[A-Za-z0-9._-]{1,64}$"_s);
        if (id.isEmpty())
            problem(at(record, u"session_id"_s), DatatrackerCsvReader::tr("the session has no Session ID"));
        else if (!idPattern.match(id).hasMatch())
            problem(at(record, u"session_id"_s),
                    DatatrackerCsvReader::tr("%1 is not a datatracker session id").arg(programme::quoted(id)));
        item.sourceId = u"dt:"_s + id;

        const QString session = value(record, u"session"_s);
        const QString type = value(record, u"type"_s);
        item.room = value(record, u"room"_s);
        item.area = value(record, u"area"_s).toUpper();
        item.acronym = value(record, u"acronym"_s);
        item.title = value(record, u"description"_s);
        if (item.title.isEmpty())
            item.title = session;
        if (item.title.isEmpty())
            item.title = item.acronym;
        if (id.startsWith(u'b') && session == u"Break") {
            item.kind = u"break"_s;
        } else if (id.startsWith(u'r') && session == u"Registration") {
            item.kind = u"registration"_s;
        } else if (session == u"None") {
            // The export writes "other" sessions one column early: the parent area lands under Type.
            item.kind = u"other"_s;
            item.area = type.toUpper();
        } else if (!type.isEmpty()) {
            item.kind = kindFromType(type);
        } else if (item.area.isEmpty()) {
            item.kind = u"plenary"_s;
        }
        if (item.title.isEmpty())
            problem(at(record, u"description"_s), DatatrackerCsvReader::tr("the session has no Description"));

        const QString dateText = value(record, u"date"_s);
        const std::optional<QDate> date = programme::parseDate(dateText);
        if (!date) {
            problem(at(record, u"date"_s),
                    DatatrackerCsvReader::tr("%1 is not a date like 2026-11-02").arg(programme::quoted(dateText)));
        }
        const QString startText = value(record, u"start"_s);
        const QString endText = value(record, u"end"_s);
        const std::optional<QTime> start = programme::parseClock(startText);
        const std::optional<QTime> end = programme::parseClock(endText);
        if (!start) {
            problem(at(record, u"start"_s),
                    DatatrackerCsvReader::tr("%1 is not a time like 0930").arg(programme::quoted(startText)));
        }
        if (!end) {
            problem(at(record, u"end"_s),
                    DatatrackerCsvReader::tr("%1 is not a time like 1130").arg(programme::quoted(endText)));
        }
        if (date && start && end) {
            if (*end == *start) {
                problem(
                    at(record, u"end"_s),
                    DatatrackerCsvReader::tr("the session ends when it starts (%1)").arg(start->toString(u"HH:mm"_s)));
            }
            const QDate endDate = *end < *start ? date->addDays(1) : *date;
            item.start = programme::wallClockToUtc(*date, *start, m_zone);
            item.end = programme::wallClockToUtc(endDate, *end, m_zone);
            if (!item.start.isValid())
                problem(at(record, u"start"_s), nonexistent(*date, *start));
            if (!item.end.isValid())
                problem(at(record, u"end"_s), nonexistent(endDate, *end));
        }

        if (!id.isEmpty()) {
            if (const auto seen = m_seen.constFind(item.sourceId); seen != m_seen.cend()) {
                problem(at(record, u"session_id"_s),
                        DatatrackerCsvReader::tr("session %1 appears twice (lines %2 and %3)")
                            .arg(id, QString::number(*seen), QString::number(record.line)));
            } else {
                m_seen.insert(item.sourceId, record.line);
            }
        }
        if (m_result.problems.size() == problemsBefore)
            m_result.items.append(item);
    }

    QString nonexistent(QDate date, QTime time) const
    {
        return DatatrackerCsvReader::tr("%1 %2 does not exist in %3: the clocks skip that hour")
            .arg(date.toString(Qt::ISODate), time.toString(u"HH:mm"_s), QString::fromUtf8(m_zone.id()));
    }

    QHash<QString, int> m_seen; // session id → line where it first appeared
};

} // namespace

ProgrammeParse DatatrackerCsvReader::parse(QByteArrayView bytes, const QTimeZone &zone)
{
    return Parser(bytes, zone).run();
}

bool DatatrackerCsvReader::isDatatrackerHeader(const QStringList &header)
{
    QStringList names;
    for (const QString &h : header)
        names << programme::normalisedHeader(h);
    for (const char16_t *name : RequiredColumns) {
        if (!names.contains(QString::fromUtf16(name)))
            return false;
    }
    return names.contains(u"description"_s) && !names.contains(u"title"_s);
}

} // namespace checkin
