#include "kiosk/programme/programmecsvreader.h"

#include "kiosk/programme/csvprogrammeparser.h"

#include "kiosk/common/csvreader.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace checkin {

namespace {

constexpr std::array RequiredColumns = {u"session_id", u"date", u"start", u"end", u"title"};
constexpr std::array Kinds = {u"briefing", u"roundtable", u"meeting", u"social",
                              u"plenary",  u"session",    u"break",   u"other"};

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
        if (!missing.isEmpty()) {
            m_result.problems.append(CsvProblem{
                m_table.headerLine,
                0,
                {},
                ProgrammeCsvReader::tr("missing column(s) %1; the programme CSV has the columns session_id, date, "
                                       "start, end, title, kind, room, description, attendees")
                    .arg(missing.join(u", "_s))});
            return finish();
        }
        m_result.listsAttendees = m_columns.contains(u"attendees"_s);
        forEachRow([this](const CsvRecord &record) { readRow(record); });
        if (m_result.items.isEmpty() && m_result.problems.isEmpty())
            m_result.problems.append(CsvProblem{0, 0, {}, ProgrammeCsvReader::tr("the file lists no sessions")});
        return finish();
    }

private:
    // Printed on the agenda: a line break would break the layout.
    void checkOneLine(const CsvRecord &record, const QString &name, const QString &text)
    {
        if (text.contains(u'\n') || text.contains(u'\r'))
            problem(at(record, name),
                    ProgrammeCsvReader::tr("the %1 is printed on one line; remove the line break").arg(name));
    }

    void readRow(const CsvRecord &record)
    {
        static const QRegularExpression idPattern(u"^[A-Za-z0-9._-]{1,64}$"_s);
        const int problemsBefore = int(m_result.problems.size());
        ProgrammeItem item;
        item.position = SourcePosition{record.line, 0, {}};
        item.timePosition = at(record, u"date"_s);

        const QString id = value(record, u"session_id"_s);
        if (id.isEmpty()) {
            problem(at(record, u"session_id"_s), ProgrammeCsvReader::tr("the session has no session_id; give every "
                                                                        "session a short id that never changes"));
        } else if (!idPattern.match(id).hasMatch()) {
            problem(at(record, u"session_id"_s),
                    ProgrammeCsvReader::tr("%1 is not a usable session id: use up to 64 letters, digits, \".\", "
                                           "\"_\" or \"-\"")
                        .arg(programme::quoted(id)));
        }
        item.sourceId = u"pp:"_s + id;

        item.title = value(record, u"title"_s);
        if (item.title.isEmpty())
            problem(at(record, u"title"_s), ProgrammeCsvReader::tr("the session has no title"));
        checkOneLine(record, u"title"_s, item.title);
        item.room = value(record, u"room"_s);
        checkOneLine(record, u"room"_s, item.room);
        item.description = value(record, u"description"_s);
        item.kind = value(record, u"kind"_s).toLower();
        if (!item.kind.isEmpty() && std::none_of(Kinds.begin(), Kinds.end(), [&](const char16_t *k) {
                return item.kind == QStringView(k);
            })) {
            problem(at(record, u"kind"_s),
                    ProgrammeCsvReader::tr("unknown kind %1; use one of: %2")
                        .arg(programme::quoted(item.kind), ProgrammeCsvReader::kinds().join(u", "_s)));
        }

        const QString dateText = value(record, u"date"_s);
        const std::optional<QDate> date = programme::parseDate(dateText);
        if (!date) {
            problem(at(record, u"date"_s),
                    ProgrammeCsvReader::tr("%1 is not a date like 2026-11-02").arg(programme::quoted(dateText)));
        }
        const QString startText = value(record, u"start"_s);
        const QString endText = value(record, u"end"_s);
        const std::optional<QTime> start = programme::parseClock(startText);
        const std::optional<QTime> end = programme::parseClock(endText);
        if (!start) {
            problem(at(record, u"start"_s),
                    ProgrammeCsvReader::tr("%1 is not a time like 09:30").arg(programme::quoted(startText)));
        }
        if (!end) {
            problem(at(record, u"end"_s),
                    ProgrammeCsvReader::tr("%1 is not a time like 11:00").arg(programme::quoted(endText)));
        }
        if (start && end && *end <= *start) {
            problem(at(record, u"end"_s),
                    ProgrammeCsvReader::tr("the session ends (%1) before it starts (%2); a session that runs past "
                                           "midnight ends at 23:59")
                        .arg(end->toString(u"HH:mm"_s), start->toString(u"HH:mm"_s)));
        } else if (date && start && end) {
            item.start = programme::wallClockToUtc(*date, *start, m_zone);
            item.end = programme::wallClockToUtc(*date, *end, m_zone);
            if (!item.start.isValid())
                problem(at(record, u"start"_s), nonexistent(*date, *start));
            if (!item.end.isValid())
                problem(at(record, u"end"_s), nonexistent(*date, *end));
        }

        if (!id.isEmpty()) {
            if (const auto seen = m_seen.constFind(item.sourceId); seen != m_seen.cend()) {
                problem(at(record, u"session_id"_s),
                        ProgrammeCsvReader::tr("session id %1 is used twice (lines %2 and %3); every session needs its "
                                               "own id")
                            .arg(programme::quoted(id), QString::number(*seen), QString::number(record.line)));
            } else {
                m_seen.insert(item.sourceId, record.line);
            }
        }

        QList<ProgrammeAttendance> attendance;
        static const QRegularExpression separators(uR"([;,\s]+)"_s);
        const SourcePosition attendeesAt = at(record, u"attendees"_s);
        QSet<QString> listed;
        for (const QString &guest : value(record, u"attendees"_s).split(separators, Qt::SkipEmptyParts)) {
            if (!idPattern.match(guest).hasMatch()) {
                problem(attendeesAt, ProgrammeCsvReader::tr("%1 is not a guest id; list guests' external ids "
                                                            "separated by \";\" or spaces")
                                         .arg(programme::quoted(guest)));
                continue;
            }
            if (listed.contains(guest))
                continue;
            listed.insert(guest);
            attendance.append(ProgrammeAttendance{attendeesAt, item.sourceId, guest});
        }

        if (m_result.problems.size() == problemsBefore) {
            m_result.items.append(item);
            m_result.attendance.append(attendance);
        }
    }

    QString nonexistent(QDate date, QTime time) const
    {
        return ProgrammeCsvReader::tr("%1 %2 does not exist in %3: the clocks skip that hour")
            .arg(date.toString(Qt::ISODate), time.toString(u"HH:mm"_s), QString::fromUtf8(m_zone.id()));
    }

    QHash<QString, int> m_seen; // session id → line where it first appeared
};

} // namespace

ProgrammeParse ProgrammeCsvReader::parse(QByteArrayView bytes, const QTimeZone &venueZone)
{
    return Parser(bytes, venueZone).run();
}

QStringList ProgrammeCsvReader::kinds()
{
    QStringList names;
    for (const char16_t *k : Kinds)
        names << QString::fromUtf16(k);
    return names;
}

} // namespace checkin
