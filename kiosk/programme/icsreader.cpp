#include "kiosk/programme/icsreader.h"

#include <QHash>
#include <QRegularExpression>

#include <libical/ical.h>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace checkin {

namespace {

using ComponentPtr = std::unique_ptr<icalcomponent, decltype(&icalcomponent_free)>;

// libical keeps no positions, so the text is scanned once for the line of every VEVENT and of its properties.
// The n-th VEVENT libical returns is the n-th BEGIN:VEVENT of the text.
struct LogicalLine
{
    int line = 0;
    QString text; // unfolded
};

struct EventBlock
{
    int line = 0;
    QHash<QString, int> propertyLines; // upper-case property name → first line
    QList<LogicalLine> lines;
};

struct Layout
{
    QList<EventBlock> events;
    QList<CsvProblem> problems;
};

QString propertyName(const QString &text)
{
    qsizetype end = 0;
    while (end < text.size() && text.at(end) != u';' && text.at(end) != u':')
        ++end;
    return text.left(end).trimmed().toUpper();
}

Layout scanLayout(const QString &text)
{
    QList<LogicalLine> lines;
    int physical = 1;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        const bool end = i == text.size();
        if (!end && text.at(i) != u'\n' && text.at(i) != u'\r')
            continue;
        const QString content = text.mid(start, i - start);
        // RFC 5545 folding: a line starting with a space or tab continues the previous one.
        if (!lines.isEmpty() && (content.startsWith(u' ') || content.startsWith(u'\t')))
            lines.last().text += content.mid(1);
        else if (!content.trimmed().isEmpty())
            lines.append(LogicalLine{physical, content});
        if (end)
            break;
        if (text.at(i) == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
            ++i;
        start = i + 1;
        ++physical;
    }

    Layout layout;
    if (lines.isEmpty() || lines.first().text.trimmed().compare(u"BEGIN:VCALENDAR"_s, Qt::CaseInsensitive) != 0) {
        layout.problems.append(CsvProblem{lines.isEmpty() ? 0 : lines.first().line,
                                          0,
                                          {},
                                          IcsReader::tr("this is not an iCalendar file: it should start with "
                                                        "BEGIN:VCALENDAR")});
        return layout;
    }
    struct Open
    {
        QString name;
        int line;
    };
    QList<Open> stack;
    for (const LogicalLine &l : lines) {
        const QString name = propertyName(l.text);
        const QString value = l.text.mid(l.text.indexOf(u':') + 1).trimmed().toUpper();
        if (name == u"BEGIN") {
            if (value == u"VEVENT" && stack.size() == 1)
                layout.events.append(EventBlock{l.line, {}, {}});
            stack.append(Open{value, l.line});
            continue;
        }
        if (name == u"END") {
            if (stack.isEmpty() || stack.last().name != value) {
                layout.problems.append(CsvProblem{
                    l.line, 0, u"END"_s,
                    stack.isEmpty() ? IcsReader::tr("END:%1 has no matching BEGIN:%1").arg(value)
                                    : IcsReader::tr("END:%1 does not close BEGIN:%2 of line %3")
                                          .arg(value, stack.last().name, QString::number(stack.last().line))});
                return layout;
            }
            stack.removeLast();
            continue;
        }
        if (stack.size() == 2 && stack.last().name == u"VEVENT" && !layout.events.isEmpty()) {
            EventBlock &event = layout.events.last();
            if (!event.propertyLines.contains(name))
                event.propertyLines.insert(name, l.line);
            event.lines.append(l);
        }
    }
    if (!stack.isEmpty()) {
        layout.problems.append(
            CsvProblem{stack.last().line,
                       0,
                       {},
                       IcsReader::tr("BEGIN:%1 has no END:%1: the file is cut short; export or download it again")
                           .arg(stack.last().name)});
    }
    return layout;
}

struct Instant
{
    QDateTime utc;
    bool wallClock = false; // floating or all-day: read in the venue's zone
    bool isDate = false;
};

QDateTime fromTimeT(time_t secs)
{
    return QDateTime::fromSecsSinceEpoch(qint64(secs), Qt::UTC);
}

QDateTime wallClock(const icaltimetype &t, const QTimeZone &venue)
{
    const QDate date(t.year, t.month, t.day);
    const QTime time = t.is_date ? QTime(0, 0) : QTime(t.hour, t.minute, t.second);
    return programme::wallClockToUtc(date, time, venue);
}

// Reinterprets a time_t that libical computed from a floating time as if it were UTC.
QDateTime wallClockFromTimeT(time_t secs, const QTimeZone &venue)
{
    const QDateTime asUtc = fromTimeT(secs);
    return programme::wallClockToUtc(asUtc.date(), asUtc.time(), venue);
}

QString tzidOf(icalproperty *prop)
{
    icalparameter *param = icalproperty_get_first_parameter(prop, ICAL_TZID_PARAMETER);
    return param ? QString::fromUtf8(icalparameter_get_tzid(param)) : QString();
}

QString text(const char *utf8)
{
    return utf8 ? QString::fromUtf8(utf8).trimmed() : QString();
}

class Parser
{
public:
    Parser(QByteArrayView bytes, const QTimeZone &venue, QDate firstDay, QDate lastDay)
        : m_bytes(bytes)
        , m_venue(venue)
        , m_firstDay(firstDay)
        , m_lastDay(lastDay)
    {
    }

    ProgrammeParse run()
    {
        if (m_bytes.startsWith("\xEF\xBB\xBF"))
            m_bytes = m_bytes.sliced(3);
        if (m_bytes.trimmed().isEmpty()) {
            m_result.problems.append(CsvProblem{0, 0, {}, IcsReader::tr("the file is empty")});
            return finish();
        }
        if (const auto bad = programme::firstInvalidUtf8Line(m_bytes)) {
            m_result.problems.append(CsvProblem{*bad,
                                                0,
                                                {},
                                                IcsReader::tr("the text is not valid UTF-8; export the calendar "
                                                              "again as an .ics file")});
            return finish();
        }
        if (const qsizetype nul = m_bytes.indexOf('\0'); nul >= 0) {
            m_result.problems.append(CsvProblem{0,
                                                0,
                                                {},
                                                IcsReader::tr("the file contains a zero byte, so it is not an "
                                                              "iCalendar text file")});
            return finish();
        }
        const Layout layout = scanLayout(QString::fromUtf8(m_bytes));
        m_result.problems = layout.problems;
        if (!m_result.problems.isEmpty())
            return finish();
        m_blocks = layout.events;

        const QByteArray source = m_bytes.toByteArray(); // NUL-terminated for libical
        icalerror_set_errors_are_fatal(0);
        ComponentPtr root(icalparser_parse_string(source.constData()), icalcomponent_free);
        if (!root) {
            m_result.problems.append(CsvProblem{1,
                                                0,
                                                {},
                                                IcsReader::tr("libical could not read this file as "
                                                              "iCalendar")});
            return finish();
        }
        QList<icalcomponent *> calendars;
        if (icalcomponent_isa(root.get()) == ICAL_VCALENDAR_COMPONENT) {
            calendars << root.get();
        } else {
            for (icalcomponent *c = icalcomponent_get_first_component(root.get(), ICAL_VCALENDAR_COMPONENT); c;
                 c = icalcomponent_get_next_component(root.get(), ICAL_VCALENDAR_COMPONENT))
                calendars << c;
        }

        setWindow();
        int index = 0;
        QList<std::pair<icalcomponent *, EventBlock>> overrides;
        for (icalcomponent *calendar : calendars) {
            for (icalcomponent *event = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); event;
                 event = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
                const EventBlock block = m_blocks.value(index++);
                if (icalcomponent_get_first_property(event, ICAL_RECURRENCEID_PROPERTY))
                    overrides.append({event, block});
                else
                    readEvent(event, block);
            }
        }
        for (const auto &[event, block] : overrides)
            readOverride(event, block);
        if (m_seriesNotExpanded > 0) {
            m_result.problems.append(CsvProblem{
                0,
                0,
                {},
                IcsReader::tr("%1 more repeating events were not checked: the file already has %2 that repeat too "
                              "often")
                    .arg(m_seriesNotExpanded)
                    .arg(m_seriesOverLimit)});
        }
        if (m_result.items.isEmpty() && m_result.problems.isEmpty())
            m_result.problems.append(CsvProblem{0, 0, {}, IcsReader::tr("the calendar has no events (VEVENT)")});
        return finish();
    }

private:
    ProgrammeParse finish()
    {
        programme::sortProblems(m_result.problems);
        return std::move(m_result);
    }

    static SourcePosition at(const EventBlock &block, const QString &property = {})
    {
        if (property.isEmpty() || !block.propertyLines.contains(property))
            return SourcePosition{block.line, 0, property};
        return SourcePosition{block.propertyLines.value(property), 0, property};
    }

    void problem(const SourcePosition &pos, const QString &message)
    {
        m_result.problems.append(programme::problemAt(pos, message));
    }

    // The programme days as UTC bounds; repeating events are expanded inside them only.
    void setWindow()
    {
        m_from = programme::wallClockToUtc(m_firstDay, QTime(0, 0), m_venue);
        m_to = programme::wallClockToUtc(m_lastDay.addDays(1), QTime(0, 0), m_venue);
        if (!m_from.isValid())
            m_from = QDateTime(m_firstDay, QTime(0, 0), Qt::UTC).addDays(-1);
        if (!m_to.isValid())
            m_to = QDateTime(m_lastDay, QTime(0, 0), Qt::UTC).addDays(2);
    }

    // libical notes what it could not parse as X-LIC-ERROR properties; those on fields we use are problems.
    bool reportParseErrors(icalcomponent *event, const EventBlock &block)
    {
        static const QStringList used = {u"DTSTART"_s, u"DTEND"_s, u"DURATION"_s, u"UID"_s,          u"SUMMARY"_s,
                                         u"RRULE"_s,   u"RDATE"_s, u"EXDATE"_s,   u"RECURRENCE-ID"_s};
        bool any = false;
        for (icalproperty *p = icalcomponent_get_first_property(event, ICAL_XLICERROR_PROPERTY); p;
             p = icalcomponent_get_next_property(event, ICAL_XLICERROR_PROPERTY)) {
            const QString message = text(icalproperty_get_xlicerror(p));
            const auto property = std::find_if(used.begin(), used.end(), [&message](const QString &name) {
                return message.contains(u' ' + name + u' ');
            });
            if (property == used.end())
                continue;
            any = true;
            // The message ends with the rejected text; point at the line that holds it.
            const QString rejected = message.section(u": "_s, -1).trimmed();
            SourcePosition pos = at(block, *property);
            for (const LogicalLine &l : block.lines) {
                if (!rejected.isEmpty() && propertyName(l.text) == *property && l.text.contains(rejected)) {
                    pos.line = l.line;
                    break;
                }
            }
            problem(pos, IcsReader::tr("%1 cannot be read: %2").arg(*property, message));
        }
        return any;
    }

    // DTSTART, DTEND or RECURRENCE-ID as a UTC instant; a problem when its TZID names no zone libical knows.
    std::optional<Instant> instant(icalcomponent *event, icalproperty_kind kind, const EventBlock &block,
                                   const QString &name)
    {
        icalproperty *prop = icalcomponent_get_first_property(event, kind);
        if (!prop)
            return std::nullopt;
        const icaltimetype t = icalproperty_get_datetime_with_component(prop, event);
        if (icaltime_is_null_time(t) || !icaltime_is_valid_time(t)) {
            problem(at(block, name), IcsReader::tr("%1 has no valid date and time").arg(name));
            return std::nullopt;
        }
        Instant result;
        result.isDate = t.is_date;
        const QString tzid = tzidOf(prop);
        if (t.is_date || (!t.zone && tzid.isEmpty())) {
            result.wallClock = true;
            result.utc = wallClock(t, m_venue);
            if (!result.utc.isValid()) {
                problem(at(block, name),
                        IcsReader::tr("%1 %2 does not exist in %3: the clocks skip that hour")
                            .arg(name, text(icaltime_as_ical_string(t)), QString::fromUtf8(m_venue.id())));
                return std::nullopt;
            }
            return result;
        }
        if (!t.zone) {
            problem(at(block, name), IcsReader::tr("%1 uses the time zone %2, which the file does not define "
                                                   "(no VTIMEZONE) and which is not an IANA zone name")
                                         .arg(name, programme::quoted(tzid)));
            return std::nullopt;
        }
        result.utc = fromTimeT(icaltime_as_timet_with_zone(t, t.zone));
        return result;
    }

    // Title, room, kind and description of an event or override.
    void readText(icalcomponent *event, const EventBlock &block, ProgrammeItem &item)
    {
        item.title = text(icalcomponent_get_summary(event));
        if (item.title.isEmpty())
            problem(at(block), IcsReader::tr("the event has no SUMMARY (title)"));
        if (icalcomponent_get_status(event) == ICAL_STATUS_CANCELLED)
            item.title = u"CANCELLED - "_s + item.title;
        item.room = text(icalcomponent_get_location(event));
        item.description = text(icalcomponent_get_description(event));
        if (icalproperty *categories = icalcomponent_get_first_property(event, ICAL_CATEGORIES_PROPERTY))
            item.kind = text(icalproperty_get_categories(categories)).section(u',', 0, 0).trimmed().toLower();
    }

    // Start and end of a single (non-repeating) event or override; false after reporting a problem.
    bool readTimes(icalcomponent *event, const EventBlock &block, ProgrammeItem &item, Instant &start)
    {
        item.timePosition = at(block, u"DTSTART"_s);
        const std::optional<Instant> begin = instant(event, ICAL_DTSTART_PROPERTY, block, u"DTSTART"_s);
        if (!begin) {
            if (!icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY))
                problem(at(block), IcsReader::tr("the event has no DTSTART (start time)"));
            return false;
        }
        start = *begin;
        item.start = begin->utc;
        if (icalcomponent_get_first_property(event, ICAL_DTEND_PROPERTY)) {
            const std::optional<Instant> end = instant(event, ICAL_DTEND_PROPERTY, block, u"DTEND"_s);
            if (!end)
                return false;
            item.end = end->utc;
        } else if (icalcomponent_get_first_property(event, ICAL_DURATION_PROPERTY)) {
            const icaldurationtype d = icalcomponent_get_duration(event);
            const int seconds = icaldurationtype_as_int(d);
            if (begin->isDate && seconds % 86400 == 0) {
                const QDate first = begin->utc.toTimeZone(m_venue).date();
                item.end = programme::wallClockToUtc(first.addDays(seconds / 86400), QTime(0, 0), m_venue);
            } else {
                item.end = item.start.addSecs(seconds);
            }
        } else if (begin->isDate) {
            // RFC 5545: an all-day event without an end lasts that one day.
            const QDate first = begin->utc.toTimeZone(m_venue).date();
            item.end = programme::wallClockToUtc(first.addDays(1), QTime(0, 0), m_venue);
        } else {
            problem(at(block, u"DTSTART"_s), IcsReader::tr("the event has no end: add DTEND or DURATION"));
            return false;
        }
        if (!item.end.isValid()) {
            problem(at(block, u"DTEND"_s), IcsReader::tr("the end time does not exist in the venue's zone"));
            return false;
        }
        if (item.end <= item.start) {
            problem(at(block, block.propertyLines.contains(u"DTEND"_s) ? u"DTEND"_s : u"DURATION"_s),
                    IcsReader::tr("the event ends (%1) before it starts (%2)")
                        .arg(item.end.toTimeZone(m_venue).toString(u"yyyy-MM-dd HH:mm"_s),
                             item.start.toTimeZone(m_venue).toString(u"yyyy-MM-dd HH:mm"_s)));
            return false;
        }
        return true;
    }

    static QString occurrenceId(const QString &uid, const QDateTime &startUtc)
    {
        return u"ics:"_s + uid + u'/' + startUtc.toUTC().toString(u"yyyyMMdd'T'HHmmss'Z'"_s);
    }

    bool claim(const QString &sourceId, const SourcePosition &pos)
    {
        if (const auto seen = m_seen.constFind(sourceId); seen != m_seen.cend()) {
            problem(pos,
                    IcsReader::tr("the event %1 appears twice (lines %2 and %3); every event needs its own UID")
                        .arg(programme::quoted(sourceId.mid(4)), QString::number(*seen), QString::number(pos.line)));
            return false;
        }
        m_seen.insert(sourceId, pos.line);
        return true;
    }

    void readEvent(icalcomponent *event, const EventBlock &block)
    {
        const int problemsBefore = int(m_result.problems.size());
        if (reportParseErrors(event, block))
            return;
        ProgrammeItem item;
        item.position = at(block);
        const QString uid = text(icalcomponent_get_uid(event));
        if (uid.isEmpty())
            problem(at(block), IcsReader::tr("the event has no UID, so a later import could not update it"));
        readText(event, block, item);
        Instant start;
        const bool timesOk = readTimes(event, block, item, start);
        if (m_result.problems.size() != problemsBefore || !timesOk)
            return;

        const bool repeats = icalcomponent_get_first_property(event, ICAL_RRULE_PROPERTY)
                             || icalcomponent_get_first_property(event, ICAL_RDATE_PROPERTY);
        if (!repeats) {
            item.sourceId = u"ics:"_s + uid;
            if (claim(item.sourceId, item.position))
                m_result.items.append(item);
            return;
        }

        // Expand a little beyond the programme days (libical reads floating times as UTC), then keep what starts
        // within them, and no more than kMaxOccurrences of it: libical cannot be stopped midway, but once a series
        // is over the limit its remaining occurrences cost no more than libical's own step.
        if (m_seriesOverLimit >= kMaxSeriesOverLimit) {
            ++m_seriesNotExpanded;
            return;
        }
        struct Collector
        {
            const Parser *parser;
            bool wallClock;
            QList<QDateTime> starts;
            bool over = false;
        } collector{this, start.wallClock, {}};
        const icaltimetype from = icaltime_from_timet_with_zone(time_t(m_from.addDays(-1).toSecsSinceEpoch()), 0,
                                                                icaltimezone_get_utc_timezone());
        const icaltimetype to = icaltime_from_timet_with_zone(time_t(m_to.addDays(1).toSecsSinceEpoch()), 0,
                                                              icaltimezone_get_utc_timezone());
        icalcomponent_foreach_recurrence(
            event, from, to,
            [](icalcomponent *, icaltime_span *span, void *data) {
                auto *c = static_cast<Collector *>(data);
                if (c->over)
                    return;
                const QDateTime occurrence = c->wallClock ? wallClockFromTimeT(span->start, c->parser->m_venue)
                                                          : fromTimeT(span->start);
                if (!occurrence.isValid() || occurrence < c->parser->m_from || occurrence >= c->parser->m_to)
                    return;
                if (c->starts.size() == programme::kMaxOccurrences)
                    c->over = true;
                else
                    c->starts.append(occurrence);
            },
            &collector);
        if (collector.over) {
            ++m_seriesOverLimit;
            problem(at(block, block.propertyLines.contains(u"RRULE"_s) ? u"RRULE"_s : u"RDATE"_s),
                    IcsReader::tr("the event repeats more than %1 times within the programme days; a repeating "
                                  "event may have at most %1 there: make its rule less frequent (an INTERVAL, an "
                                  "UNTIL, a COUNT) or list the sessions as separate events")
                        .arg(programme::kMaxOccurrences));
            return;
        }
        const qint64 length = item.start.secsTo(item.end);
        for (const QDateTime &occurrenceStart : std::as_const(collector.starts)) {
            ProgrammeItem occurrence = item;
            occurrence.start = occurrenceStart;
            occurrence.end = occurrence.start.addSecs(length);
            occurrence.sourceId = occurrenceId(uid, occurrence.start);
            if (claim(occurrence.sourceId, occurrence.position))
                m_result.items.append(occurrence);
        }
    }

    // A RECURRENCE-ID event replaces one occurrence of its series.
    void readOverride(icalcomponent *event, const EventBlock &block)
    {
        if (reportParseErrors(event, block))
            return;
        const QString uid = text(icalcomponent_get_uid(event));
        const std::optional<Instant> recurrence = instant(event, ICAL_RECURRENCEID_PROPERTY, block, u"RECURRENCE-ID"_s);
        if (!recurrence)
            return;
        const QString sourceId = occurrenceId(uid, recurrence->utc);
        const auto existing = std::find_if(m_result.items.begin(), m_result.items.end(),
                                           [&sourceId](const ProgrammeItem &i) { return i.sourceId == sourceId; });
        if (existing == m_result.items.end())
            return; // an occurrence outside the programme days, or of a series with problems already reported
        const int problemsBefore = int(m_result.problems.size());
        ProgrammeItem item;
        item.position = at(block);
        item.sourceId = sourceId;
        readText(event, block, item);
        Instant start;
        if (!readTimes(event, block, item, start) || m_result.problems.size() != problemsBefore)
            return;
        *existing = item;
    }

    QByteArrayView m_bytes;
    QTimeZone m_venue;
    QDate m_firstDay;
    QDate m_lastDay;
    QDateTime m_from;
    QDateTime m_to;
    QList<EventBlock> m_blocks;
    QHash<QString, int> m_seen; // source id → line
    // After this many series over the occurrence limit the file is refused anyway: later ones are not expanded.
    static constexpr int kMaxSeriesOverLimit = 10;
    int m_seriesOverLimit = 0;
    int m_seriesNotExpanded = 0;
    ProgrammeParse m_result;
};

} // namespace

ProgrammeParse IcsReader::parse(QByteArrayView bytes, const QTimeZone &venueZone, QDate firstDay, QDate lastDay)
{
    return Parser(bytes, venueZone, firstDay, lastDay).run();
}

} // namespace checkin
