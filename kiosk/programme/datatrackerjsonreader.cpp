#include "kiosk/programme/datatrackerjsonreader.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace checkin {

namespace {

// Line numbers of the objects in the file. QJsonDocument forgets positions, so after it has accepted the file a
// small scanner walks the same bytes once more and notes where each list element and each of its keys start.
struct ElementLines
{
    int line = 0;
    QHash<QString, int> keyLines; // first occurrence of each key of the element object
};

struct JsonLines
{
    QHash<QString, int> topKeyLines;
    QHash<QString, QList<ElementLines>> elements; // top-level key → the elements of its list
};

// Assumes well-formed JSON (already checked by QJsonDocument).
JsonLines scanLines(QByteArrayView bytes)
{
    struct Frame
    {
        char type; // '{' or '['
        bool expectKey;
    };
    JsonLines lines;
    QList<Frame> stack;
    QString topKey;
    int line = 1;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (c == '\n' || (c == '\r' && (i + 1 == bytes.size() || bytes[i + 1] != '\n'))) {
            ++line;
            continue;
        }
        if (c == '"') {
            const qsizetype start = i + 1;
            ++i;
            while (i < bytes.size() && bytes[i] != '"')
                i += bytes[i] == '\\' ? 2 : 1;
            const bool isKey = !stack.isEmpty() && stack.last().type == '{' && stack.last().expectKey;
            if (!isKey)
                continue;
            const QString key = QString::fromUtf8(bytes.sliced(start, i - start));
            if (stack.size() == 1) {
                topKey = key;
                lines.topKeyLines.insert(key, line);
            } else if (stack.size() == 3 && stack.at(1).type == '[') {
                auto &elements = lines.elements[topKey];
                if (!elements.isEmpty() && !elements.last().keyLines.contains(key))
                    elements.last().keyLines.insert(key, line);
            }
            continue;
        }
        switch (c) {
        case '{':
        case '[':
            if (c == '{' && stack.size() == 2 && stack.at(0).type == '{' && stack.at(1).type == '[')
                lines.elements[topKey].append(ElementLines{line, {}});
            stack.append(Frame{c, c == '{'});
            break;
        case '}':
        case ']':
            if (!stack.isEmpty())
                stack.removeLast();
            break;
        case ':':
            if (!stack.isEmpty())
                stack.last().expectKey = false;
            break;
        case ',':
            if (!stack.isEmpty() && stack.last().type == '{')
                stack.last().expectKey = true;
            break;
        default:
            break;
        }
    }
    return lines;
}

int lineAtOffset(QByteArrayView bytes, qsizetype offset)
{
    int line = 1;
    for (qsizetype i = 0; i < offset && i < bytes.size(); ++i) {
        if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 == bytes.size() || bytes[i + 1] != '\n')))
            ++line;
    }
    return line;
}

// Python's str(timedelta): "1:30:00", "0:45:00.500000", "1 day, 2:00:00". Returns seconds.
std::optional<qint64> parseDuration(const QString &text)
{
    static const QRegularExpression re(uR"(^(?:(\d+) days?, )?(\d+):([0-5]\d):([0-5]\d)(?:\.\d+)?$)"_s);
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    return m.captured(1).toLongLong() * 86400 + m.captured(2).toLongLong() * 3600 + m.captured(3).toLongLong() * 60
           + m.captured(4).toLongLong();
}

// "2026-11-02T03:00:00Z" (the datatracker writes UTC); an explicit offset is accepted too.
QDateTime parseStart(const QString &text)
{
    static const QRegularExpression re(uR"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$)"_s);
    if (!re.match(text).hasMatch())
        return {};
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

// A session id is a JSON number in the datatracker's output; accept its text form too.
QString idText(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (d >= 0 && d < 9e15 && d == double(qint64(d)))
            return QString::number(qint64(d));
        return {};
    }
    if (value.isString()) {
        static const QRegularExpression re(u"^[A-Za-z0-9._-]{1,64}$"_s);
        const QString s = value.toString().trimmed();
        return re.match(s).hasMatch() ? s : QString();
    }
    return {};
}

class Parser
{
public:
    Parser(QByteArrayView bytes, int meetingNumber)
        : m_bytes(bytes)
        , m_meetingNumber(meetingNumber)
    {
    }

    ProgrammeParse run()
    {
        if (m_bytes.startsWith("\xEF\xBB\xBF"))
            m_bytes = m_bytes.sliced(3);
        if (m_bytes.trimmed().isEmpty()) {
            fileProblem(DatatrackerJsonReader::tr("the file is empty"));
            return finish();
        }
        if (const auto bad = programme::firstInvalidUtf8Line(m_bytes)) {
            m_result.problems.append(CsvProblem{
                *bad, 0, {}, DatatrackerJsonReader::tr("the text is not valid UTF-8; download agenda.json again")});
            return finish();
        }
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(m_bytes.toByteArray(), &error);
        if (error.error != QJsonParseError::NoError) {
            m_result.problems.append(
                CsvProblem{lineAtOffset(m_bytes, error.offset),
                           0,
                           {},
                           DatatrackerJsonReader::tr("this is not valid JSON (%1); download agenda.json again")
                               .arg(error.errorString())});
            return finish();
        }
        if (!doc.isObject()) {
            fileProblem(DatatrackerJsonReader::tr("this is not a datatracker agenda.json: it should be an object "
                                                  "whose key is the meeting number, like {\"%1\": [ … ]}")
                            .arg(m_meetingNumber > 0 ? m_meetingNumber : 122));
            return finish();
        }
        m_lines = scanLines(m_bytes);
        const QJsonObject root = doc.object();
        const QString key = meetingKey(root);
        if (key.isEmpty())
            return finish();
        const QJsonValue list = root.value(key);
        if (!list.isArray()) {
            m_result.problems.append(
                CsvProblem{m_lines.topKeyLines.value(key), 0, key,
                           DatatrackerJsonReader::tr("the value of \"%1\" should be the list of sessions").arg(key)});
            return finish();
        }
        const QJsonArray array = list.toArray();
        const QList<ElementLines> elementLines = m_lines.elements.value(key);
        for (qsizetype i = 0; i < array.size(); ++i)
            readElement(array.at(i), i < elementLines.size() ? elementLines.at(i) : ElementLines{});
        if (m_result.items.isEmpty() && m_result.problems.isEmpty())
            fileProblem(DatatrackerJsonReader::tr("the file lists no scheduled sessions"));
        return finish();
    }

private:
    ProgrammeParse finish()
    {
        programme::sortProblems(m_result.problems);
        return std::move(m_result);
    }

    void fileProblem(const QString &message) { m_result.problems.append(CsvProblem{0, 0, {}, message}); }

    QString meetingKey(const QJsonObject &root)
    {
        const QStringList keys = root.keys();
        if (m_meetingNumber > 0) {
            const QString wanted = QString::number(m_meetingNumber);
            if (root.contains(wanted))
                return wanted;
            if (keys.size() == 1) {
                m_result.problems.append(CsvProblem{
                    m_lines.topKeyLines.value(keys.first()), 0, keys.first(),
                    DatatrackerJsonReader::tr("this is the agenda of meeting %1, but the event is IETF %2; download "
                                              "/meeting/%2/agenda.json")
                        .arg(programme::quoted(keys.first()))
                        .arg(m_meetingNumber)});
                return {};
            }
            fileProblem(DatatrackerJsonReader::tr("the file has no agenda for IETF %1; download "
                                                  "/meeting/%1/agenda.json")
                            .arg(m_meetingNumber));
            return {};
        }
        if (keys.size() != 1) {
            fileProblem(DatatrackerJsonReader::tr("a datatracker agenda.json has exactly one key, the meeting "
                                                  "number; this file has %1")
                            .arg(keys.size()));
            return {};
        }
        return keys.first();
    }

    SourcePosition at(const ElementLines &lines, const QString &key = {}) const
    {
        if (key.isEmpty() || !lines.keyLines.contains(key))
            return SourcePosition{lines.line, 0, key};
        return SourcePosition{lines.keyLines.value(key), 0, key};
    }

    void problem(const SourcePosition &pos, const QString &message)
    {
        m_result.problems.append(programme::problemAt(pos, message));
    }

    void readElement(const QJsonValue &value, const ElementLines &lines)
    {
        if (!value.isObject()) {
            problem(at(lines), DatatrackerJsonReader::tr("every entry of the list should be an object"));
            return;
        }
        const QJsonObject o = value.toObject();
        const QString objtype = o.value(u"objtype"_s).toString();
        if (objtype.isEmpty()) {
            problem(at(lines), DatatrackerJsonReader::tr("this entry has no \"objtype\"; is this a datatracker "
                                                         "agenda.json?"));
            return;
        }
        if (objtype != u"session")
            return; // "location" and "parent" entries describe rooms and areas, not sessions

        const int problemsBefore = int(m_result.problems.size());
        ProgrammeItem item;
        item.position = at(lines);

        QString id = idText(o.value(u"session_id"_s));
        if (id.isEmpty() && !o.contains(u"session_id"_s))
            id = idText(o.value(u"id"_s));
        if (id.isEmpty()) {
            problem(at(lines, o.contains(u"session_id"_s) ? u"session_id"_s : QString()),
                    DatatrackerJsonReader::tr("the session has no usable \"session_id\""));
        }
        item.sourceId = u"dt:"_s + id;

        const QJsonObject group = o.value(u"group"_s).toObject();
        item.acronym = group.value(u"acronym"_s).toString().trimmed();
        item.area = group.value(u"parent"_s).toString().trimmed().toUpper();
        item.kind = o.value(u"is_bof"_s).toBool() ? u"bof"_s : group.value(u"type"_s).toString().trimmed();
        item.title = o.value(u"name"_s).toString().trimmed();
        if (item.title.isEmpty())
            item.title = group.value(u"name"_s).toString().trimmed();
        if (item.title.isEmpty())
            item.title = item.acronym;
        if (item.title.isEmpty())
            problem(at(lines, u"name"_s), DatatrackerJsonReader::tr("the session has no name"));
        const QString status = o.value(u"status"_s).toString();
        if (status == u"canceled" || status == u"canceledpa")
            item.title = u"CANCELLED - "_s + item.title;
        else if (status == u"resched")
            item.title = u"RESCHEDULED - "_s + item.title;
        item.room = o.value(u"location"_s).toString().trimmed();
        item.description = o.value(u"agenda_note"_s).toString().trimmed();

        if (!o.contains(u"start"_s) || o.value(u"start"_s).isNull())
            return; // not scheduled yet: the datatracker writes no start
        item.timePosition = at(lines, u"start"_s);
        const QString startText = o.value(u"start"_s).toString();
        item.start = parseStart(startText);
        if (!item.start.isValid()) {
            problem(item.timePosition, DatatrackerJsonReader::tr("%1 is not a start time like "
                                                                 "\"2026-11-02T03:00:00Z\"")
                                           .arg(programme::quoted(startText)));
        }
        const QString durationText = o.value(u"duration"_s).toString();
        const std::optional<qint64> seconds = parseDuration(durationText);
        if (!seconds) {
            problem(at(lines, u"duration"_s),
                    DatatrackerJsonReader::tr("%1 is not a duration like \"1:30:00\"")
                        .arg(programme::quoted(durationText.isEmpty() ? u"(none)"_s : durationText)));
        } else if (*seconds <= 0) {
            problem(at(lines, u"duration"_s), DatatrackerJsonReader::tr("the session ends when it starts "
                                                                        "(duration 0:00:00)"));
        } else if (item.start.isValid()) {
            item.end = item.start.addSecs(*seconds);
        }

        if (!id.isEmpty()) {
            if (const auto seen = m_seen.constFind(item.sourceId); seen != m_seen.cend()) {
                problem(at(lines, u"session_id"_s),
                        DatatrackerJsonReader::tr("session %1 appears twice (lines %2 and %3)")
                            .arg(id, QString::number(*seen), QString::number(lines.line)));
            } else {
                m_seen.insert(item.sourceId, lines.line);
            }
        }
        if (m_result.problems.size() == problemsBefore)
            m_result.items.append(item);
    }

    QByteArrayView m_bytes;
    int m_meetingNumber = 0;
    JsonLines m_lines;
    QHash<QString, int> m_seen; // source id → line
    ProgrammeParse m_result;
};

} // namespace

ProgrammeParse DatatrackerJsonReader::parse(QByteArrayView bytes, int meetingNumber)
{
    return Parser(bytes, meetingNumber).run();
}

} // namespace checkin
