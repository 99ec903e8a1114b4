#include "kiosk/programme/programmeimporter.h"

#include "kiosk/programme/datatrackercsvreader.h"
#include "kiosk/programme/datatrackerjsonreader.h"
#include "kiosk/programme/icsreader.h"
#include "kiosk/programme/programmecsvreader.h"
#include "kiosk/programme/programmeitem.h"

#include "db/agendastore.h"
#include "db/database.h"
#include "db/gueststore.h"
#include "db/records.h"
#include "db/staffactionstore.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace checkin {

namespace {

constexpr qint64 kMaxFileBytes = 64 * 1024 * 1024;

QString sourcePrefix(ProgrammeImporter::Format format)
{
    switch (format) {
    case ProgrammeImporter::Format::DatatrackerJson:
    case ProgrammeImporter::Format::DatatrackerCsv:
        return u"dt:"_s;
    case ProgrammeImporter::Format::Ics:
        return u"ics:"_s;
    case ProgrammeImporter::Format::Csv:
        return u"pp:"_s;
    }
    return {};
}

// The datatracker serves the same table as agenda.csv (venue time) and agenda-utc.csv (UTC).
bool isUtcExport(const QString &name)
{
    static const QRegularExpression re(u"(^|[-_. ])utc([-_. ]|$)"_s, QRegularExpression::CaseInsensitiveOption);
    return re.match(QFileInfo(name).completeBaseName()).hasMatch();
}

QString localText(const QDateTime &utc, const QTimeZone &zone)
{
    return utc.toTimeZone(zone).toString(u"yyyy-MM-dd HH:mm"_s);
}

} // namespace

ProgrammeImporter::ProgrammeImporter(db::Database &db, const db::EventRecord &event, QString kioskId, QString actor)
    : m_db(db)
    , m_event(event)
    , m_kioskId(std::move(kioskId))
    , m_actor(std::move(actor))
{
}

std::optional<ProgrammeImporter::Format> ProgrammeImporter::formatFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == u"datatracker-json")
        return Format::DatatrackerJson;
    if (n == u"datatracker-csv")
        return Format::DatatrackerCsv;
    if (n == u"ics")
        return Format::Ics;
    if (n == u"csv")
        return Format::Csv;
    return std::nullopt;
}

QString ProgrammeImporter::formatName(Format format)
{
    switch (format) {
    case Format::DatatrackerJson:
        return u"datatracker-json"_s;
    case Format::DatatrackerCsv:
        return u"datatracker-csv"_s;
    case Format::Ics:
        return u"ics"_s;
    case Format::Csv:
        return u"csv"_s;
    }
    return {};
}

std::optional<ProgrammeImporter::Format> ProgrammeImporter::detectFormat(const QString &name, const QByteArray &bytes)
{
    const QString suffix = QFileInfo(name).suffix().toLower();
    if (suffix == u"json")
        return Format::DatatrackerJson;
    if (suffix == u"ics" || suffix == u"ical" || suffix == u"icalendar")
        return Format::Ics;
    QByteArrayView content(bytes);
    if (content.startsWith("\xEF\xBB\xBF"))
        content = content.sliced(3);
    if (suffix == u"csv") {
        qsizetype end = 0;
        while (end < content.size() && content[end] != '\n' && content[end] != '\r')
            ++end;
        const CsvTable header = CsvReader::parse(content.first(end));
        return DatatrackerCsvReader::isDatatrackerHeader(header.header) ? Format::DatatrackerCsv : Format::Csv;
    }
    // No telling extension: look at the content.
    const QByteArrayView start = content.trimmed().first(std::min<qsizetype>(content.trimmed().size(), 64));
    if (start.startsWith("{"))
        return Format::DatatrackerJson;
    if (QByteArray(start.data(), start.size()).toUpper().startsWith("BEGIN:VCALENDAR"))
        return Format::Ics;
    return std::nullopt;
}

std::expected<ProgrammeImporter::Summary, ProgrammeImporter::Failure> ProgrammeImporter::importFile(
    const QString &path, std::optional<Format> format)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(Failure{tr("Cannot read %1: %2.").arg(path, file.errorString()), {}});
    if (file.size() > kMaxFileBytes) {
        return std::unexpected(Failure{
            tr("%1 is %2 MB; a programme file is expected to be under 64 MB.").arg(path).arg(file.size() >> 20), {}});
    }
    return importBytes(file.readAll(), QFileInfo(path).fileName(), format);
}

std::expected<ProgrammeImporter::Summary, ProgrammeImporter::Failure> ProgrammeImporter::importBytes(
    const QByteArray &bytes, const QString &name, std::optional<Format> format)
{
    if (bytes.size() > kMaxFileBytes) {
        return std::unexpected(Failure{
            tr("%1 is %2 MB; a programme file is expected to be under 64 MB.").arg(name).arg(bytes.size() >> 20), {}});
    }
    if (!format)
        format = detectFormat(name, bytes);
    if (!format) {
        return std::unexpected(Failure{tr("Cannot tell what kind of programme file %1 is from its name; pass "
                                          "--format datatracker-json, datatracker-csv, ics or csv.")
                                           .arg(name),
                                       {}});
    }
    const QTimeZone venue(m_event.timeZone.toUtf8());
    if (!venue.isValid()) {
        return std::unexpected(Failure{tr("The event's time zone %1 is not known on this computer; install the "
                                          "tzdata package or correct the event.")
                                           .arg(m_event.timeZone),
                                       {}});
    }

    ProgrammeParse parsed;
    switch (*format) {
    case Format::DatatrackerJson:
        parsed = DatatrackerJsonReader::parse(bytes, m_event.number);
        break;
    case Format::DatatrackerCsv:
        parsed = DatatrackerCsvReader::parse(bytes, isUtcExport(name) ? QTimeZone::utc() : venue);
        break;
    case Format::Ics:
        parsed = IcsReader::parse(bytes, venue, m_event.firstDay, m_event.lastDay);
        break;
    case Format::Csv:
        parsed = ProgrammeCsvReader::parse(bytes, venue);
        break;
    }
    int outsideDays = 0;
    auto rejected = [&name, &parsed, &outsideDays](QList<CsvProblem> problems) {
        // The first kMaxListedProblems by line; the rest (and what the CSV reader only counted) as a number.
        int unlisted = parsed.unlistedProblems;
        if (problems.size() > kMaxListedProblems) {
            unlisted += int(problems.size() - kMaxListedProblems);
            problems.resize(kMaxListedProblems);
        }
        return std::unexpected(Failure{tr("%1 was not imported: %2 problem(s) found; nothing was changed.")
                                           .arg(name)
                                           .arg(problems.size() + unlisted),
                                       problems, unlisted, outsideDays});
    };
    // A file that cannot be read as a whole (not JSON, cut short, no header) has no items to check further.
    if (!parsed.ok() && parsed.items.isEmpty())
        return rejected(parsed.problems);

    Summary summary;
    summary.format = *format;
    auto fail = [](const db::DbError &e) { return std::unexpected(Failure{e.message, {}}); };
    db::Transaction tx(m_db);
    if (auto ok = tx.begin(); !ok)
        return fail(ok.error());

    // Programme days, checked in the venue's zone: a session must start on one and end by midnight after the last.
    QList<CsvProblem> problems = parsed.problems;
    const QDateTime lastMidnight = programme::wallClockToUtc(m_event.lastDay.addDays(1), QTime(0, 0), venue);
    QList<ProgrammeItem> items;
    QSet<QString> skipped;
    for (const ProgrammeItem &item : std::as_const(parsed.items)) {
        const QDate day = item.start.toTimeZone(venue).date();
        const bool inside = day >= m_event.firstDay && day <= m_event.lastDay
                            && (!lastMidnight.isValid() || item.end <= lastMidnight);
        if (inside) {
            items.append(item);
        } else if (m_skipOutsideDays) {
            skipped.insert(item.sourceId);
            ++summary.skippedOutsideDays;
        } else {
            ++outsideDays;
            problems.append(programme::problemAt(item.timePosition,
                                                 tr("%1 (%2 to %3 in %4) is outside the programme days %5 to %6")
                                                     .arg(programme::quoted(item.title), localText(item.start, venue),
                                                          localText(item.end, venue), m_event.timeZone,
                                                          m_event.firstDay.toString(Qt::ISODate),
                                                          m_event.lastDay.toString(Qt::ISODate))));
        }
    }

    // The limits every format is held to (a too-long text, too many sessions) are checked here, once.
    for (const ProgrammeItem &item : std::as_const(items))
        problems.append(programme::fieldLengthProblems(item));
    if (items.size() > programme::kMaxSessions) {
        problems.append(programme::problemAt(
            items.at(programme::kMaxSessions).position,
            tr("this is session %1 of the file within the programme days; an event may hold at most %2 sessions: "
               "import only the Policymaker Program's sessions, or split the programme into several events")
                .arg(programme::kMaxSessions + 1)
                .arg(programme::kMaxSessions)));
    }

    // Attendees are named by external id; every one must be a guest of this event.
    auto guests = db::GuestStore(m_db).forEvent(m_event.id);
    if (!guests)
        return fail(guests.error());
    QHash<QString, qint64> guestIds;
    for (const db::GuestRecord &g : std::as_const(*guests))
        guestIds.insert(g.externalId.toLower(), g.id); // ids are one guest whatever their case
    QHash<QString, QList<qint64>> attendeesBySession;
    for (const ProgrammeAttendance &a : std::as_const(parsed.attendance)) {
        if (skipped.contains(a.sourceId))
            continue;
        const auto id = guestIds.constFind(a.guestExternalId.toLower());
        if (id == guestIds.cend()) {
            problems.append(programme::problemAt(
                a.position, tr("unknown guest %1: no guest of IETF %2 has this external id; import the guest list "
                               "first or correct the id")
                                .arg(programme::quoted(a.guestExternalId))
                                .arg(m_event.number)));
            continue;
        }
        attendeesBySession[a.sourceId].append(*id);
    }
    if (!problems.isEmpty()) {
        programme::sortProblems(problems);
        return rejected(problems);
    }

    db::AgendaStore agenda(m_db);
    const QString prefix = sourcePrefix(*format);
    auto stored = agenda.sourceIds(m_event.id, prefix);
    if (!stored)
        return fail(stored.error());
    QSet<QString> inFile;
    for (const ProgrammeItem &item : std::as_const(items)) {
        inFile.insert(item.sourceId);
        db::AgendaItemRecord record;
        record.eventId = m_event.id;
        record.sourceId = item.sourceId;
        record.title = item.title;
        record.kind = item.kind;
        record.room = item.room;
        record.area = item.area;
        record.acronym = item.acronym;
        record.description = item.description;
        record.startsAt = item.start;
        record.endsAt = item.end;
        auto result = agenda.upsert(record);
        if (!result)
            return fail(result.error());
        switch (result->what) {
        case db::AgendaStore::Upserted::Inserted:
            ++summary.inserted;
            break;
        case db::AgendaStore::Upserted::Updated:
            ++summary.updated;
            break;
        case db::AgendaStore::Upserted::Unchanged:
            ++summary.unchanged;
            break;
        }
        // Only our CSV says who attends: there, each session's attendees become exactly what the file lists.
        if (parsed.listsAttendees) {
            const QList<qint64> attendees = attendeesBySession.value(item.sourceId);
            auto change = agenda.setAttendees(result->id, attendees);
            if (!change)
                return fail(change.error());
            summary.attendeesLinked += int(attendees.size());
            summary.attendeesUnlinked += change->removed;
        }
    }
    // Sessions kept from earlier imports (of this or another format) count too.
    auto total = agenda.itemCount(m_event.id);
    if (!total)
        return fail(total.error());
    if (*total > programme::kMaxSessions) {
        return std::unexpected(
            Failure{tr("%1 was not imported: IETF %2 would then hold %3 sessions, and an event may hold at most %4 "
                       "(sessions of earlier imports are kept); nothing was changed.")
                        .arg(name)
                        .arg(m_event.number)
                        .arg(*total)
                        .arg(programme::kMaxSessions),
                    {}});
    }
    inFile.unite(skipped);
    for (const QString &id : std::as_const(*stored)) {
        if (!inFile.contains(id))
            ++summary.notInFile;
    }

    db::StaffActionRecord audit;
    audit.kioskId = m_kioskId;
    audit.actor = m_actor;
    audit.action = u"programme-import"_s;
    audit.eventId = m_event.id;
    audit.detail = QString::fromUtf8(QJsonDocument(QJsonObject{{u"file"_s, name},
                                                               {u"format"_s, formatName(*format)},
                                                               {u"inserted"_s, summary.inserted},
                                                               {u"updated"_s, summary.updated},
                                                               {u"unchanged"_s, summary.unchanged},
                                                               {u"not_in_file"_s, summary.notInFile},
                                                               {u"attendees_linked"_s, summary.attendeesLinked},
                                                               {u"attendees_unlinked"_s, summary.attendeesUnlinked},
                                                               {u"skipped_outside_days"_s, summary.skippedOutsideDays}})
                                         .toJson(QJsonDocument::Compact));
    if (auto ok = db::StaffActionStore(m_db).append(audit); !ok)
        return fail(ok.error());
    if (auto ok = tx.commit(); !ok)
        return fail(ok.error());
    return summary;
}

} // namespace checkin
