// Importing the meeting programme on a real SQLite file: every format with its time zones (Bangkok, and
// Vancouver across the end of daylight saving time), re-imports, broken files, attendees, format detection.
#include "tests/support/testevent.h"

#include "db/agendastore.h"
#include "db/gueststore.h"
#include "db/staffactionstore.h"
#include "kiosk/programme/programmeimporter.h"
#include "kiosk/programme/programmeitem.h"

#include <QFile>
#include <QTimeZone>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace checkin;

using Format = ProgrammeImporter::Format;
Q_DECLARE_METATYPE(ProgrammeImporter::Format)
Q_DECLARE_METATYPE(std::optional<ProgrammeImporter::Format>)

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(CHECKIN_SOURCE_DIR "/tests/kiosk/data/programme/") + name;
}

QByteArray fixtureBytes(const QString &name)
{
    QFile file(fixture(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read fixture %s", qPrintable(name));
    return file.readAll();
}

// The fixtures' expected UTC times follow from the zones' rules, so every date is in 2024: no tzdata release will
// change what a zone did then (docs/time-zones.md; scripts/tzdata-check.sh runs these tests with made-up rules for
// 2025 on).

// IETF 122 in Bangkok (UTC+7 all year), Monday 4 to Thursday 7 November 2024.
test::TestEvent::Options bangkok()
{
    test::TestEvent::Options o;
    o.firstDay = QDate(2024, 11, 4);
    o.lastDay = QDate(2024, 11, 7);
    return o;
}

// IETF 125 in Vancouver, Friday 1 to Tuesday 5 November 2024: daylight saving time ended on Sunday 3 November
// at 02:00 (PDT, UTC−7 → PST, UTC−8), a 25-hour day.
test::TestEvent::Options vancouver()
{
    test::TestEvent::Options o;
    o.number = 125;
    o.name = u"IETF 125 Vancouver"_s;
    o.city = u"Vancouver"_s;
    o.timeZone = u"America/Vancouver"_s;
    o.firstDay = QDate(2024, 11, 1);
    o.lastDay = QDate(2024, 11, 5);
    return o;
}

test::TestEvent::Options eventNamed(const QString &name)
{
    return name == u"vancouver" ? vancouver() : bangkok();
}

QDateTime utc(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODate).toUTC();
}

// What a failed import said, as "line:column" strings.
QStringList positions(const QList<CsvProblem> &problems)
{
    QStringList out;
    for (const CsvProblem &p : problems)
        out << u"%1:%2"_s.arg(p.line).arg(p.column);
    return out;
}

QString describe(const ProgrammeImporter::Failure &failure)
{
    QStringList lines{failure.message};
    for (const CsvProblem &p : failure.problems)
        lines << p.toString();
    return lines.join(u"\n  "_s);
}

struct Counts
{
    qint64 items = 0;
    qint64 links = 0;
    qsizetype audits = 0;
    QStringList titles;

    friend bool operator==(const Counts &, const Counts &) = default;
};

Counts counts(test::TestEvent &event)
{
    db::AgendaStore agenda(event.db());
    Counts c;
    c.items = *agenda.itemCount(event.event().id);
    c.links = *agenda.linkCount(event.event().id);
    c.audits = db::StaffActionStore(event.db()).forEvent(event.event().id)->size();
    const QList<db::AgendaItemRecord> items = *agenda.forEvent(event.event().id);
    for (const db::AgendaItemRecord &item : items)
        c.titles << item.sourceId + u'=' + item.title;
    return c;
}

std::optional<db::AgendaItemRecord> item(test::TestEvent &event, const QString &sourceId)
{
    return *db::AgendaStore(event.db()).bySourceId(event.event().id, sourceId);
}

qint64 guestId(test::TestEvent &event, const QString &externalId)
{
    return (*db::GuestStore(event.db()).byExternalId(event.event().id, externalId))->id;
}

QStringList sessionsOf(test::TestEvent &event, const QString &externalId)
{
    QStringList ids;
    const QList<db::AgendaItemRecord> items = *db::AgendaStore(event.db()).forGuest(guestId(event, externalId));
    for (const db::AgendaItemRecord &a : items)
        ids << a.sourceId;
    return ids;
}

} // namespace

class TestProgrammeImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importsEachFormatInUtc_data();
    void importsEachFormatInUtc();
    void reimportUpdatesAChangedTitleWithoutDuplicates_data();
    void reimportUpdatesAChangedTitleWithoutDuplicates();
    void itemsMissingFromAReimportAreKeptAndCounted();
    void brokenFileIsRejectedWholeWithLineNumbers_data();
    void brokenFileIsRejectedWholeWithLineNumbers();
    void fileCutShortIsRejected_data();
    void fileCutShortIsRejected();
    void invalidUtf8IsRejected_data();
    void invalidUtf8IsRejected();
    void fileOver64MegabytesIsRejected();
    void agendaOfAnotherMeetingIsRejected();
    void textOverTheFieldLimitIsRefusedInEveryFormat_data();
    void textOverTheFieldLimitIsRefusedInEveryFormat();
    void repeatingEventOverTheOccurrenceLimitIsRefusedAtItsRule();
    void manyTooFrequentSeriesAreRefusedWithoutExpandingThemAll();
    void eventOverTheSessionLimitIsRefused();
    void problemListIsCappedAndCounted();
    void csvWithAZeroByteIsOneProblemNotAlsoAnEmptyFile();
    void attendeesLinkToGuestsAndReimportReplacesTheirSessions();
    void unknownAttendeeIsAProblemNamingIdAndLine();
    void sessionsOutsideTheProgrammeDaysCanBeSkipped();
    void itemsOfOneVenueDay();
    void importIsAudited();
    void formatDetection_data();
    void formatDetection();
    void formatFromName_data();
    void formatFromName();
};

// Each row checks one item of a fixture: the number of items, and that item's UTC times, title, room and kind.
void TestProgrammeImport::importsEachFormatInUtc_data()
{
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("file");
    QTest::addColumn<Format>("format");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("sourceId");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("end");
    QTest::addColumn<QString>("room");
    QTest::addColumn<QString>("kind");

    const QString bkk = u"bangkok"_s;
    const QString yvr = u"vancouver"_s;
    // Bangkok is UTC+7: 09:30 at the venue is 02:30 UTC.
    QTest::newRow("datatracker json, Bangkok")
        << bkk << u"agenda-122.json"_s << Format::DatatrackerJson << 7 << u"dt:31501"_s
        << u"Operations and Management Area Working Group"_s << u"2024-11-04T02:30:00Z"_s << u"2024-11-04T04:30:00Z"_s
        << u"Chitlada 1"_s << u"wg"_s;
    QTest::newRow("datatracker json, Bangkok, BOF")
        << bkk << u"agenda-122.json"_s << Format::DatatrackerJson << 7 << u"dt:31504"_s
        << u"Government Network Operations"_s << u"2024-11-05T08:00:00Z"_s << u"2024-11-05T09:00:00Z"_s
        << u"Meeting Room 4"_s << u"bof"_s;
    QTest::newRow("datatracker json, Bangkok, cancelled")
        << bkk << u"agenda-122.json"_s << Format::DatatrackerJson << 7 << u"dt:31506"_s
        << u"CANCELLED - Transport Layer Security"_s << u"2024-11-07T02:30:00Z"_s << u"2024-11-07T04:30:00Z"_s
        << u"Chitlada 3"_s << u"wg"_s;
    QTest::newRow("datatracker json, Vancouver, PDT")
        << yvr << u"agenda-125.json"_s << Format::DatatrackerJson << 3 << u"dt:42001"_s
        << u"Operations and Management Area Working Group"_s << u"2024-11-01T17:00:00Z"_s << u"2024-11-01T19:00:00Z"_s
        << u"Regency A"_s << u"wg"_s;
    QTest::newRow("datatracker json, Vancouver, PST")
        << yvr << u"agenda-125.json"_s << Format::DatatrackerJson << 3 << u"dt:42002"_s
        << u"Domain Name System Operations"_s << u"2024-11-04T18:00:00Z"_s << u"2024-11-04T20:00:00Z"_s
        << u"Regency B"_s << u"wg"_s;

    QTest::newRow("datatracker csv, Bangkok")
        << bkk << u"agenda-122.csv"_s << Format::DatatrackerCsv << 9 << u"dt:31501"_s
        << u"Operations and Management Area Working Group"_s << u"2024-11-04T02:30:00Z"_s << u"2024-11-04T04:30:00Z"_s
        << u"Chitlada 1"_s << u"wg"_s;
    QTest::newRow("datatracker csv, Bangkok, break")
        << bkk << u"agenda-122.csv"_s << Format::DatatrackerCsv << 9 << u"dt:b9101"_s << u"Lunch Break"_s
        << u"2024-11-04T04:30:00Z"_s << u"2024-11-04T06:00:00Z"_s << u"Sky Lobby"_s << u"break"_s;
    QTest::newRow("datatracker csv, Bangkok, plenary")
        << bkk << u"agenda-122.csv"_s << Format::DatatrackerCsv << 9 << u"dt:31505"_s << u"IETF Plenary"_s
        << u"2024-11-06T10:30:00Z"_s << u"2024-11-06T12:30:00Z"_s << u"Plenary Ballroom"_s << u"plenary"_s;
    QTest::newRow("datatracker csv, Bangkok, other session")
        << bkk << u"agenda-122.csv"_s << Format::DatatrackerCsv << 9 << u"dt:31507"_s
        << u"Newcomers' Feedback Session"_s << u"2024-11-06T12:30:00Z"_s << u"2024-11-06T14:00:00Z"_s
        << u"Meeting Room 2"_s << u"other"_s;
    QTest::newRow("datatracker csv, Vancouver, PDT")
        << yvr << u"agenda-125.csv"_s << Format::DatatrackerCsv << 3 << u"dt:42001"_s
        << u"Operations and Management Area Working Group"_s << u"2024-11-01T17:00:00Z"_s << u"2024-11-01T19:00:00Z"_s
        << u"Regency A"_s << u"wg"_s;
    QTest::newRow("datatracker csv, Vancouver, PST")
        << yvr << u"agenda-125.csv"_s << Format::DatatrackerCsv << 3 << u"dt:42002"_s
        << u"Domain Name System Operations"_s << u"2024-11-04T18:00:00Z"_s << u"2024-11-04T20:00:00Z"_s
        << u"Regency B"_s << u"wg"_s;

    QTest::newRow("ics, Bangkok, TZID with VTIMEZONE")
        << bkk << u"agenda-122.ics"_s << Format::Ics << 5 << u"ics:ietf-122-60101-opsawg"_s
        << u"opsawg - Operations and Management Area Working Group"_s << u"2024-11-04T02:30:00Z"_s
        << u"2024-11-04T04:30:00Z"_s << u"Chitlada 1"_s << QString();
    QTest::newRow("ics, Bangkok, cancelled")
        << bkk << u"agenda-122.ics"_s << Format::Ics << 5 << u"ics:ietf-122-60401-tls"_s
        << u"CANCELLED - tls - Transport Layer Security"_s << u"2024-11-07T02:30:00Z"_s << u"2024-11-07T04:30:00Z"_s
        << u"Chitlada 3"_s << QString();
    const QString breakfast = u"ics:pp125-breakfast@policymakers.example.org/"_s;
    QTest::newRow("ics, Vancouver, repeating, PDT")
        << yvr << u"calendar-125.ics"_s << Format::Ics << 12 << breakfast + u"20241101T150000Z"_s
        << u"Breakfast briefing"_s << u"2024-11-01T15:00:00Z"_s << u"2024-11-01T16:00:00Z"_s << u"Pacific Room"_s
        << u"briefing"_s;
    QTest::newRow("ics, Vancouver, repeating, PST")
        << yvr << u"calendar-125.ics"_s << Format::Ics << 12 << breakfast + u"20241105T160000Z"_s
        << u"Breakfast briefing"_s << u"2024-11-05T16:00:00Z"_s << u"2024-11-05T17:00:00Z"_s << u"Pacific Room"_s
        << u"briefing"_s;
    QTest::newRow("ics, Vancouver, RECURRENCE-ID override")
        << yvr << u"calendar-125.ics"_s << Format::Ics << 12 << breakfast + u"20241104T160000Z"_s
        << u"Breakfast briefing (late start)"_s << u"2024-11-04T16:30:00Z"_s << u"2024-11-04T17:30:00Z"_s
        << u"Pacific Room"_s << u"briefing"_s;
    QTest::newRow("ics, Vancouver, UTC time")
        << yvr << u"calendar-125.ics"_s << Format::Ics << 12 << u"ics:pp125-capitals@policymakers.example.org"_s
        << u"Remote briefing with capitals"_s << u"2024-11-04T20:00:00Z"_s << u"2024-11-04T21:00:00Z"_s
        << u"Pacific Room"_s << u"briefing"_s;
    QTest::newRow("ics, Vancouver, floating time in the venue's zone")
        << yvr << u"calendar-125.ics"_s << Format::Ics << 12 << u"ics:pp125-routing-rt@policymakers.example.org"_s
        << u"Roundtable on routing security"_s << u"2024-11-02T21:00:00Z"_s << u"2024-11-02T22:30:00Z"_s
        << u"Harbour Room"_s << u"roundtable"_s;
    QTest::newRow("ics, Vancouver, all-day on the 25-hour day")
        << yvr << u"calendar-125.ics"_s << Format::Ics << 12 << u"ics:pp125-free-day@policymakers.example.org"_s
        << u"Free day — optional city tour"_s << u"2024-11-03T07:00:00Z"_s << u"2024-11-04T08:00:00Z"_s << QString()
        << u"social"_s;
    QTest::newRow("ics, Vancouver, TZID after the change")
        << yvr << u"calendar-125.ics"_s << Format::Ics << 12 << u"ics:pp125-chair@policymakers.example.org"_s
        << u"Meeting with the IETF Chair"_s << u"2024-11-04T22:00:00Z"_s << u"2024-11-04T22:45:00Z"_s
        << u"Chair's office"_s << u"meeting"_s;

    QTest::newRow("ics, Vancouver, repeating floating time, PDT")
        << yvr << u"calendar-125.ics"_s << Format::Ics << 12
        << u"ics:pp125-walk@policymakers.example.org/20241102T140000Z"_s << u"Morning walk along the seawall"_s
        << u"2024-11-02T14:00:00Z"_s << u"2024-11-02T14:30:00Z"_s << u"Hotel lobby"_s << u"social"_s;
    QTest::newRow("ics, Vancouver, repeating floating time, PST")
        << yvr << u"calendar-125.ics"_s << Format::Ics << 12
        << u"ics:pp125-walk@policymakers.example.org/20241104T150000Z"_s << u"Morning walk along the seawall"_s
        << u"2024-11-04T15:00:00Z"_s << u"2024-11-04T15:30:00Z"_s << u"Hotel lobby"_s << u"social"_s;

    QTest::newRow("programme csv, Bangkok") << bkk << u"programme-122.csv"_s << Format::Csv << 6 << u"pp:pp-welcome"_s
                                            << u"Welcome briefing for policymakers"_s << u"2024-11-04T01:30:00Z"_s
                                            << u"2024-11-04T02:15:00Z"_s << u"Meeting Room 7"_s << u"briefing"_s;
    QTest::newRow("programme csv, Bangkok, quoted quotes")
        << bkk << u"programme-122.csv"_s << Format::Csv << 6 << u"pp:pp-iab"_s << u"Meeting with the IAB"_s
        << u"2024-11-06T07:00:00Z"_s << u"2024-11-06T08:00:00Z"_s << u"Meeting Room 5"_s << u"meeting"_s;
    QTest::newRow("programme csv, Vancouver, PDT")
        << yvr << u"programme-125.csv"_s << Format::Csv << 3 << u"pp:pp-breakfast-fri"_s << u"Breakfast briefing"_s
        << u"2024-11-01T15:00:00Z"_s << u"2024-11-01T16:00:00Z"_s << u"Pacific Room"_s << u"briefing"_s;
    QTest::newRow("programme csv, Vancouver, PST")
        << yvr << u"programme-125.csv"_s << Format::Csv << 3 << u"pp:pp-breakfast-mon"_s << u"Breakfast briefing"_s
        << u"2024-11-04T16:00:00Z"_s << u"2024-11-04T17:00:00Z"_s << u"Pacific Room"_s << u"briefing"_s;
}

void TestProgrammeImport::importsEachFormatInUtc()
{
    QFETCH(QString, event);
    QFETCH(QString, file);
    QFETCH(Format, format);
    QFETCH(int, count);
    QFETCH(QString, sourceId);
    QFETCH(QString, title);
    QFETCH(QString, start);
    QFETCH(QString, end);
    QFETCH(QString, room);
    QFETCH(QString, kind);

    test::TestEvent ev(eventNamed(event));
    QVERIFY2(ev.isValid(), qPrintable(ev.error()));
    ProgrammeImporter importer(ev.db(), ev.event(), u"kiosk-test"_s);
    const auto summary = importer.importFile(fixture(file)); // format from the extension (and CSV header)
    QVERIFY2(summary, summary ? "" : qPrintable(describe(summary.error())));
    QCOMPARE(summary->format, format);
    QCOMPARE(summary->inserted, count);
    QCOMPARE(summary->updated + summary->unchanged + summary->notInFile, 0);
    QCOMPARE(*db::AgendaStore(ev.db()).itemCount(ev.event().id), count);

    const auto stored = item(ev, sourceId);
    QVERIFY2(stored, qPrintable(sourceId));
    QCOMPARE(stored->title, title);
    QCOMPARE(stored->startsAt, utc(start));
    QCOMPARE(stored->endsAt, utc(end));
    QCOMPARE(stored->startsAt.timeSpec(), Qt::UTC);
    QCOMPARE(stored->room, room);
    QCOMPARE(stored->kind, kind);
}

void TestProgrammeImport::reimportUpdatesAChangedTitleWithoutDuplicates_data()
{
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("oldTitle");
    QTest::addColumn<QString>("newTitle");
    QTest::addColumn<QString>("sourceId");

    QTest::newRow("datatracker json") << u"bangkok"_s << u"agenda-122.json"_s << u"Domain Name System Operations"_s
                                      << u"DNS Operations"_s << u"dt:31503"_s;
    QTest::newRow("datatracker csv") << u"bangkok"_s << u"agenda-122.csv"_s << u"Domain Name System Operations"_s
                                     << u"DNS Operations"_s << u"dt:31503"_s;
    QTest::newRow("ics") << u"bangkok"_s << u"agenda-122.ics"_s << u"dnsop - Domain Name System Operations"_s
                         << u"dnsop - DNS Operations"_s << u"ics:ietf-122-60201-dnsop"_s;
    QTest::newRow("ics, repeating") << u"vancouver"_s << u"calendar-125.ics"_s << u"Roundtable on routing security"_s
                                    << u"Roundtable on RPKI"_s << u"ics:pp125-routing-rt@policymakers.example.org"_s;
    QTest::newRow("programme csv") << u"bangkok"_s << u"programme-122.csv"_s << u"Meeting with the IAB"_s
                                   << u"Meeting with the Internet Architecture Board"_s << u"pp:pp-iab"_s;
}

void TestProgrammeImport::reimportUpdatesAChangedTitleWithoutDuplicates()
{
    QFETCH(QString, event);
    QFETCH(QString, file);
    QFETCH(QString, oldTitle);
    QFETCH(QString, newTitle);
    QFETCH(QString, sourceId);

    test::TestEvent ev(eventNamed(event));
    ProgrammeImporter importer(ev.db(), ev.event(), u"kiosk-test"_s);
    const QByteArray original = fixtureBytes(file);
    const auto first = importer.importBytes(original, file);
    QVERIFY2(first, first ? "" : qPrintable(describe(first.error())));
    const int count = first->inserted;

    const auto again = importer.importBytes(original, file);
    QVERIFY(again);
    QCOMPARE(again->inserted, 0);
    QCOMPARE(again->updated, 0);
    QCOMPARE(again->unchanged, count);

    QByteArray changed = original;
    changed.replace(oldTitle.toUtf8(), newTitle.toUtf8());
    QVERIFY(changed != original);
    const auto updated = importer.importBytes(changed, file);
    QVERIFY2(updated, updated ? "" : qPrintable(describe(updated.error())));
    QCOMPARE(updated->inserted, 0);
    QCOMPARE(updated->updated, 1);
    QCOMPARE(updated->unchanged, count - 1);
    QCOMPARE(updated->notInFile, 0);
    QCOMPARE(*db::AgendaStore(ev.db()).itemCount(ev.event().id), count);
    QCOMPARE(item(ev, sourceId)->title, newTitle);
}

void TestProgrammeImport::itemsMissingFromAReimportAreKeptAndCounted()
{
    test::TestEvent ev(bangkok());
    ProgrammeImporter importer(ev.db(), ev.event(), u"kiosk-test"_s);
    QByteArray csv = fixtureBytes(u"agenda-122.csv"_s);
    QVERIFY(importer.importBytes(csv, u"agenda-122.csv"_s));
    // An iCalendar file is another source: its items never count as missing from a datatracker file.
    QVERIFY(importer.importFile(fixture(u"agenda-122.ics"_s)));
    const qint64 before = *db::AgendaStore(ev.db()).itemCount(ev.event().id);
    QCOMPARE(before, 9 + 5);

    QList<QByteArray> lines = csv.split('\n');
    lines.removeIf([](const QByteArray &l) { return l.contains("\"hrpc\"") || l.contains("Lunch Break"); });
    const auto summary = importer.importBytes(lines.join('\n'), u"agenda-122.csv"_s);
    QVERIFY2(summary, summary ? "" : qPrintable(describe(summary.error())));
    QCOMPARE(summary->unchanged, 7);
    QCOMPARE(summary->notInFile, 2);
    QCOMPARE(*db::AgendaStore(ev.db()).itemCount(ev.event().id), before);
    QVERIFY(item(ev, u"dt:31502"_s));

    // agenda.json has the same session ids as agenda.csv: it updates those rows and misses the break, the
    // registration and the removed row.
    const auto json = importer.importFile(fixture(u"agenda-122.json"_s));
    QVERIFY2(json, json ? "" : qPrintable(describe(json.error())));
    QCOMPARE(json->inserted, 0);
    QCOMPARE(json->notInFile, 2);
    QCOMPARE(*db::AgendaStore(ev.db()).itemCount(ev.event().id), before);
}

// Each broken fixture is imported after a good file of the same kind: the import fails with every problem, by
// line and column, and the database is exactly as it was.
void TestProgrammeImport::brokenFileIsRejectedWholeWithLineNumbers_data()
{
    QTest::addColumn<QString>("good");
    QTest::addColumn<QString>("broken");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QStringList>("fields");

    QTest::newRow("datatracker json") << u"agenda-122.json"_s << u"broken-agenda-122.json"_s
                                      << QStringList{u"42:0"_s, u"47:0"_s, u"84:0"_s}
                                      << QStringList{u"start"_s, u"duration"_s, u"start"_s};
    QTest::newRow("datatracker csv") << u"agenda-122.csv"_s << u"broken-agenda-122.csv"_s
                                     << QStringList{u"3:1"_s, u"4:2"_s, u"5:10"_s, u"6:1"_s}
                                     << QStringList{u"Date"_s, u"Start"_s, u"Session ID"_s, u"Date"_s};
    QTest::newRow("ics") << u"agenda-122.ics"_s << u"broken-122.ics"_s
                         << QStringList{u"24:0"_s, u"30:0"_s, u"34:0"_s, u"43:0"_s, u"50:0"_s}
                         << QStringList{u"DTEND"_s, u"DTSTART"_s, QString(), u"DTSTART"_s, u"DTSTART"_s};
    QTest::newRow("programme csv") << u"programme-122.csv"_s << u"broken-programme-122.csv"_s
                                   << QStringList{u"3:4"_s, u"4:9"_s, u"5:6"_s, u"6:1"_s, u"7:2"_s, u"8:2"_s}
                                   << QStringList{u"end"_s,        u"attendees"_s, u"kind"_s,
                                                  u"session_id"_s, u"date"_s,      u"date"_s};
}

void TestProgrammeImport::brokenFileIsRejectedWholeWithLineNumbers()
{
    QFETCH(QString, good);
    QFETCH(QString, broken);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, fields);

    test::TestEvent ev(bangkok());
    ProgrammeImporter importer(ev.db(), ev.event(), u"kiosk-test"_s);
    const auto first = importer.importFile(fixture(good));
    QVERIFY2(first, first ? "" : qPrintable(describe(first.error())));
    const Counts before = counts(ev);

    const auto result = importer.importFile(fixture(broken));
    QVERIFY(!result);
    qDebug().noquote() << describe(result.error());
    QCOMPARE(positions(result.error().problems), expected);
    QStringList problemFields;
    for (const CsvProblem &p : result.error().problems) {
        problemFields << p.columnName;
        QVERIFY(!p.message.isEmpty());
    }
    QCOMPARE(problemFields, fields);
    QVERIFY(result.error().message.contains(broken));
    QVERIFY(result.error().message.contains(u"nothing was changed"_s));
    QCOMPARE(counts(ev), before);
}

void TestProgrammeImport::fileCutShortIsRejected_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("keepBytes");
    QTest::addColumn<int>("line");

    QTest::newRow("json") << u"agenda-122.json"_s << 1200 << 0;
    QTest::newRow("ics") << u"agenda-122.ics"_s << 1500 << 0;
    QTest::newRow("programme csv, open quote") << u"programme-122.csv"_s << 200 << 2;
}

void TestProgrammeImport::fileCutShortIsRejected()
{
    QFETCH(QString, file);
    QFETCH(int, keepBytes);
    QFETCH(int, line);

    test::TestEvent ev(bangkok());
    const Counts before = counts(ev);
    ProgrammeImporter importer(ev.db(), ev.event(), u"kiosk-test"_s);
    const auto result = importer.importBytes(fixtureBytes(file).left(keepBytes), file);
    QVERIFY(!result);
    qDebug().noquote() << describe(result.error());
    QVERIFY(!result.error().problems.isEmpty());
    if (line > 0)
        QCOMPARE(result.error().problems.first().line, line);
    else
        QVERIFY(result.error().problems.first().line > 1);
    QCOMPARE(counts(ev), before);
}

void TestProgrammeImport::invalidUtf8IsRejected_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("find");
    QTest::addColumn<int>("line");

    QTest::newRow("json") << u"agenda-122.json"_s << QByteArray("Plenary Ballroom") << 36;
    QTest::newRow("datatracker csv") << u"agenda-122.csv"_s << QByteArray("Sky Lobby") << 2;
    QTest::newRow("ics") << u"agenda-122.ics"_s << QByteArray("Chitlada 2") << 49;
    QTest::newRow("programme csv") << u"programme-122.csv"_s << QByteArray("Riverside Terrace") << 7;
}

void TestProgrammeImport::invalidUtf8IsRejected()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, find);
    QFETCH(int, line);

    test::TestEvent ev(bangkok());
    const Counts before = counts(ev);
    QByteArray bytes = fixtureBytes(file);
    const qsizetype at = bytes.indexOf(find);
    QVERIFY(at > 0);
    bytes.insert(at + 1, "\xC3\x28 L\xE9vis"); // a broken sequence, then Latin-1 "é"
    ProgrammeImporter importer(ev.db(), ev.event(), u"kiosk-test"_s);
    const auto result = importer.importBytes(bytes, file);
    QVERIFY(!result);
    qDebug().noquote() << describe(result.error());
    QCOMPARE(result.error().problems.size(), 1);
    QCOMPARE(result.error().problems.first().line, line);
    QVERIFY(result.error().problems.first().message.contains(u"UTF-8"_s));
    QCOMPARE(counts(ev), before);
}

void TestProgrammeImport::fileOver64MegabytesIsRejected()
{
    test::TestEvent ev(bangkok());
    const QString path = ev.dirPath() + u"/huge.csv"_s;
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("session_id,date,start,end,title\n");
    QVERIFY(file.resize(64 * 1024 * 1024 + 1)); // sparse: costs no disk
    file.close();
    ProgrammeImporter importer(ev.db(), ev.event(), u"kiosk-test"_s);
    const auto result = importer.importFile(path);
    QVERIFY(!result);
    QVERIFY2(result.error().message.contains(u"64 MB"_s), qPrintable(result.error().message));
    QCOMPARE(counts(ev).items, 0);
}

void TestProgrammeImport::agendaOfAnotherMeetingIsRejected()
{
    test::TestEvent ev(bangkok()); // IETF 122
    ProgrammeImporter importer(ev.db(), ev.event(), u"kiosk-test"_s);
    const auto result = importer.importFile(fixture(u"agenda-125.json"_s));
    QVERIFY(!result);
    QCOMPARE(positions(result.error().problems), QStringList{u"2:0"_s});
    QVERIFY2(result.error().problems.first().message.contains(u"IETF 122"_s),
             qPrintable(result.error().problems.first().message));
}

// Every format is held to the same limit on a session's texts: the CSV readers by their cell limit, the others
// by the importer; a file over it is refused whole at the session's line, and one exactly at it imports.
void TestProgrammeImport::textOverTheFieldLimitIsRefusedInEveryFormat_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("title");
    QTest::addColumn<int>("line");

    QTest::newRow("datatracker json") << u"agenda-122.json"_s
                                      << QByteArray("Operations and Management Area Working Group") << 45;
    QTest::newRow("datatracker csv") << u"agenda-122.csv"_s
                                     << QByteArray("Operations and Management Area Working Group") << 3;
    QTest::newRow("ics") << u"agenda-122.ics"_s << QByteArray("opsawg - Operations and Management Area Working Group")
                         << 14;
    QTest::newRow("programme csv") << u"programme-122.csv"_s << QByteArray("Welcome briefing for policymakers") << 2;
}

void TestProgrammeImport::textOverTheFieldLimitIsRefusedInEveryFormat()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, title);
    QFETCH(int, line);

    test::TestEvent ev(bangkok());
    ProgrammeImporter importer(ev.db(), ev.event(), u"kiosk-test"_s);
    const QByteArray original = fixtureBytes(file);
    QVERIFY(original.count(title) >= 1);

    // Long titles in a script outside the BMP: the limit counts characters, not UTF-16 units or bytes.
    const QByteArray over = QString(programme::kMaxFieldLength + 1, u'x').toUtf8();
    const auto refused = importer.importBytes(QByteArray(original).replace(title, over), file);
    QVERIFY(!refused);
    qDebug().noquote() << describe(refused.error()).left(300);
    QCOMPARE(refused.error().problems.size(), 1);
    QCOMPARE(refused.error().problems.first().line, line);
    QVERIFY2(refused.error().problems.first().message.contains(u"1001"_s), qPrintable(describe(refused.error())));
    QVERIFY(refused.error().message.contains(u"nothing was changed"_s));
    QCOMPARE(counts(ev).items, 0);

    QString atLimit;
    for (int i = 0; i < programme::kMaxFieldLength; ++i)
        atLimit += QString::fromUcs4(U"\U0001D4B3", 1); // MATHEMATICAL SCRIPT CAPITAL X: two UTF-16 units
    const auto imported = importer.importBytes(QByteArray(original).replace(title, atLimit.toUtf8()), file);
    QVERIFY2(imported, imported ? "" : qPrintable(describe(imported.error())));
    QVERIFY(counts(ev).titles.join(u'\n').contains(atLimit));
}

// One event of 1.6 KB of iCalendar must not turn into hundreds of thousands of sessions.
void TestProgrammeImport::repeatingEventOverTheOccurrenceLimitIsRefusedAtItsRule()
{
    test::TestEvent ev(bangkok());
    ProgrammeImporter importer(ev.db(), ev.event(), u"kiosk-test"_s);
    auto calendar = [](const QByteArray &rule) -> QByteArray {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
               "BEGIN:VEVENT\r\nUID:coffee\r\nSUMMARY:Coffee\r\n"
               "DTSTART:20241104T020000Z\r\nDTEND:20241104T020100Z\r\n" // 09:00 in Bangkok
               + rule + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    };
    // Every second until the end of the first programme day: 54,000 occurrences inside the days.
    const auto refused = importer.importBytes(calendar("RRULE:FREQ=SECONDLY;UNTIL=20241104T170000Z"), u"x.ics"_s);
    QVERIFY(!refused);
    QCOMPARE(positions(refused.error().problems), QStringList{u"9:0"_s});
    QCOMPARE(refused.error().problems.first().columnName, u"RRULE"_s);
    QVERIFY2(refused.error().problems.first().message.contains(u"500"_s), qPrintable(describe(refused.error())));
    importer.setSkipOutsideProgrammeDays(true);
    QVERIFY(!importer.importBytes(calendar("RRULE:FREQ=SECONDLY"), u"x.ics"_s));
    QCOMPARE(counts(ev).items, 0);

    // Exactly at the limit (every ten minutes from 09:00 for 500 occurrences, all inside the four days) imports.
    const auto imported = importer.importBytes(calendar("RRULE:FREQ=MINUTELY;INTERVAL=10;COUNT=500"), u"x.ics"_s);
    QVERIFY2(imported, imported ? "" : qPrintable(describe(imported.error())));
    QCOMPARE(imported->inserted, programme::kMaxOccurrences);
}

// The file: eight events every second. Each of the first ten such series is a problem at its rule; the
// rest are not expanded at all, so a long file of them costs no more than ten.
void TestProgrammeImport::manyTooFrequentSeriesAreRefusedWithoutExpandingThemAll()
{
    test::TestEvent ev(bangkok());
    ProgrammeImporter importer(ev.db(), ev.event(), u"kiosk-test"_s);
    importer.setSkipOutsideProgrammeDays(true);
    QByteArray ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n";
    for (int i = 0; i < 14; ++i) {
        ics +=
            "BEGIN:VEVENT\r\nUID:flood-" + QByteArray::number(i)
            + "\r\nSUMMARY:Flood\r\nDTSTART:20241101T000000Z\r\nDURATION:PT1S\r\nRRULE:FREQ=SECONDLY\r\nEND:VEVENT\r\n";
    }
    ics += "END:VCALENDAR\r\n";
    const auto refused = importer.importBytes(ics, u"flood.ics"_s);
    QVERIFY(!refused);
    const QList<CsvProblem> problems = refused.error().problems;
    QCOMPARE(problems.size(), 11);
    QCOMPARE(problems.first().line, 0);
    QVERIFY2(problems.first().message.startsWith(u"4 more repeating events"_s), qPrintable(problems.first().message));
    for (qsizetype i = 1; i < problems.size(); ++i)
        QCOMPARE(problems.at(i).columnName, u"RRULE"_s);
    QCOMPARE(counts(ev).items, 0);
}

// An event holds at most kMaxSessions sessions: a file with more is refused at the first one over, and so is a
// file that would take the event over the limit together with sessions kept from an earlier import.
void TestProgrammeImport::eventOverTheSessionLimitIsRefused()
{
    test::TestEvent ev(bangkok());
    ProgrammeImporter importer(ev.db(), ev.event(), u"kiosk-test"_s);
    auto programmeCsv = [](int sessions, const QByteArray &prefix) {
        QByteArray csv = "session_id,date,start,end,title\n";
        for (int i = 0; i < sessions; ++i)
            csv += prefix + QByteArray::number(i) + ",2024-11-05,10:00,11:00,Session " + QByteArray::number(i) + '\n';
        return csv;
    };
    const auto refused = importer.importBytes(programmeCsv(programme::kMaxSessions + 1, "s"), u"p.csv"_s);
    QVERIFY(!refused);
    QCOMPARE(refused.error().problems.size(), 1);
    QCOMPARE(refused.error().problems.first().line, programme::kMaxSessions + 2); // after the header
    QCOMPARE(counts(ev).items, 0);

    const auto full = importer.importBytes(programmeCsv(programme::kMaxSessions, "s"), u"p.csv"_s);
    QVERIFY2(full, full ? "" : qPrintable(describe(full.error())));
    const Counts before = counts(ev);
    const auto more = importer.importBytes(programmeCsv(1, "extra"), u"more.csv"_s);
    QVERIFY(!more);
    QVERIFY2(more.error().message.contains(u"5001 sessions"_s), qPrintable(more.error().message));
    QCOMPARE(counts(ev), before);
}

void TestProgrammeImport::problemListIsCappedAndCounted()
{
    test::TestEvent ev(bangkok());
    ProgrammeImporter importer(ev.db(), ev.event(), u"kiosk-test"_s);
    QByteArray csv = "session_id,date,start,end,title\n";
    for (int i = 0; i < 130; ++i)
        csv += "s" + QByteArray::number(i) + ",2024-11-05,25:00,11:00,Session\n"; // no such hour
    for (int i = 0; i < 20; ++i)
        csv += "short row\n"; // the CSV reader's problems
    const auto refused = importer.importBytes(csv, u"p.csv"_s);
    QVERIFY(!refused);
    QCOMPARE(refused.error().problems.size(), kMaxListedProblems);
    QCOMPARE(refused.error().problems.size() + refused.error().unlistedProblems, 150);
    QCOMPARE(refused.error().problems.first().line, 2);
    QVERIFY2(refused.error().message.contains(u"150 problem(s)"_s), qPrintable(refused.error().message));
}

void TestProgrammeImport::csvWithAZeroByteIsOneProblemNotAlsoAnEmptyFile()
{
    test::TestEvent ev(bangkok());
    ProgrammeImporter importer(ev.db(), ev.event(), u"kiosk-test"_s);
    const auto refused = importer.importBytes(
        QByteArray("session_id,date,start,end,title\ns1,2024-11-05,09:00,10:00,Jo\0hn\n", 64), u"p.csv"_s);
    QVERIFY(!refused);
    QCOMPARE(positions(refused.error().problems), QStringList{u"2:0"_s});
    QVERIFY(refused.error().problems.first().message.contains(u"zero byte"_s));
}

void TestProgrammeImport::attendeesLinkToGuestsAndReimportReplacesTheirSessions()
{
    test::TestEvent ev(bangkok());
    ProgrammeImporter importer(ev.db(), ev.event(), u"kiosk-test"_s);
    const QByteArray original = fixtureBytes(u"programme-122.csv"_s);
    const auto first = importer.importBytes(original, u"programme-122.csv"_s);
    QVERIFY2(first, first ? "" : qPrintable(describe(first.error())));
    QCOMPARE(first->attendeesLinked, 3 + 2 + 1 + 2 + 3);
    QCOMPARE(first->attendeesUnlinked, 0);
    QCOMPARE(*db::AgendaStore(ev.db()).linkCount(ev.event().id), 11);
    QCOMPARE(sessionsOf(ev, u"guest-1"_s),
             (QStringList{u"pp:pp-welcome"_s, u"pp:pp-rt-ai"_s, u"pp:pp-iab"_s, u"pp:pp-dinner"_s}));
    QCOMPARE(sessionsOf(ev, u"guest-2"_s),
             (QStringList{u"pp:pp-welcome"_s, u"pp:pp-chair"_s, u"pp:pp-iab"_s, u"pp:pp-dinner"_s}));

    // Another file of ours, with a session of its own for guest-1: a re-import of the first file leaves it be.
    const QByteArray other = "session_id,date,start,end,title,kind,room,description,attendees\r\n"
                             "pp-visit,2024-11-07,09:00,11:00,Visit to the NOC,other,Level 3,,guest-1\r\n";
    QVERIFY(importer.importBytes(other, u"visits.csv"_s));

    // guest-1 skips the dinner and meets the Chair instead; guest-3 drops out of the roundtable.
    QByteArray changed = original;
    changed.replace("Chair's Office,,guest-2", "Chair's Office,,guest-2 guest-1");
    changed.replace("Riverside Terrace,,guest-1;guest-2;guest-3", "Riverside Terrace,,guest-2;guest-3");
    changed.replace("Lunch provided.,guest-1 guest-3", "Lunch provided.,guest-1");
    const auto again = importer.importBytes(changed, u"programme-122.csv"_s);
    QVERIFY2(again, again ? "" : qPrintable(describe(again.error())));
    QCOMPARE(again->attendeesLinked, 3 + 1 + 2 + 2 + 2);
    QCOMPARE(again->attendeesUnlinked, 2);
    QCOMPARE(again->notInFile, 1); // pp-visit, kept
    QCOMPARE(sessionsOf(ev, u"guest-1"_s),
             (QStringList{u"pp:pp-welcome"_s, u"pp:pp-rt-ai"_s, u"pp:pp-chair"_s, u"pp:pp-iab"_s, u"pp:pp-visit"_s}));
    QCOMPARE(sessionsOf(ev, u"guest-3"_s), (QStringList{u"pp:pp-welcome"_s, u"pp:pp-dinner"_s}));
    QCOMPARE(*db::AgendaStore(ev.db()).linkCount(ev.event().id), 10 + 1);

    // A file without an attendees column updates sessions and leaves who attends them alone.
    const QByteArray noAttendees = "session_id,date,start,end,title,kind,room\r\n"
                                   "pp-dinner,2024-11-06,19:30,22:00,Policymakers' dinner,social,Riverside Terrace\r\n";
    const auto moved = importer.importBytes(noAttendees, u"dinner.csv"_s);
    QVERIFY2(moved, moved ? "" : qPrintable(describe(moved.error())));
    QCOMPARE(moved->updated, 1);
    QCOMPARE(moved->attendeesLinked, 0);
    QCOMPARE(moved->attendeesUnlinked, 0);
    QCOMPARE(sessionsOf(ev, u"guest-3"_s), (QStringList{u"pp:pp-welcome"_s, u"pp:pp-dinner"_s}));
    QCOMPARE(*db::AgendaStore(ev.db()).linkCount(ev.event().id), 10 + 1);

    // The store can also set a guest's whole set at once.
    db::AgendaStore agenda(ev.db());
    const auto change = agenda.setGuestSessions(guestId(ev, u"guest-3"_s), {item(ev, u"pp:pp-closing"_s)->id});
    QVERIFY(change);
    QCOMPARE(change->added, 1);
    QCOMPARE(change->removed, 2);
    QCOMPARE(sessionsOf(ev, u"guest-3"_s), QStringList{u"pp:pp-closing"_s});
}

void TestProgrammeImport::unknownAttendeeIsAProblemNamingIdAndLine()
{
    test::TestEvent ev(bangkok());
    ProgrammeImporter importer(ev.db(), ev.event(), u"kiosk-test"_s);
    const QByteArray csv = "session_id,date,start,end,title,kind,room,description,attendees\r\n"
                           "pp-a,2024-11-04,09:00,10:00,Briefing,briefing,Room 1,,guest-1;guest-2\r\n"
                           "pp-b,2024-11-05,09:00,10:00,Roundtable,roundtable,Room 1,,guest-1 guest-404 GUEST-2\r\n";
    const auto result = importer.importBytes(csv, u"programme.csv"_s);
    QVERIFY(!result);
    // GUEST-2 is guest-2: ids are one guest whatever their case (and would be one file on a FAT stick).
    QCOMPARE(positions(result.error().problems), (QStringList{u"3:9"_s}));
    QVERIFY(result.error().problems.at(0).message.contains(u"\"guest-404\""_s));
    QCOMPARE(result.error().problems.at(0).columnName, u"attendees"_s);
    QVERIFY(result.error().problems.at(0).toString().startsWith(u"line 3, column 9 (attendees): "_s));
    QCOMPARE(counts(ev).items, 0);
}

void TestProgrammeImport::sessionsOutsideTheProgrammeDaysCanBeSkipped()
{
    test::TestEvent::Options o = bangkok();
    o.firstDay = QDate(2024, 11, 5);
    o.lastDay = QDate(2024, 11, 6);
    test::TestEvent ev(o);
    ProgrammeImporter importer(ev.db(), ev.event(), u"kiosk-test"_s);
    const auto rejected = importer.importFile(fixture(u"agenda-122.json"_s));
    QVERIFY(!rejected);
    QCOMPARE(rejected.error().problems.size(), 3); // two sessions on Monday, one on Thursday
    QVERIFY(rejected.error().problems.first().message.contains(u"2024-11-05 to 2024-11-06"_s));

    importer.setSkipOutsideProgrammeDays(true);
    const auto summary = importer.importFile(fixture(u"agenda-122.json"_s));
    QVERIFY2(summary, summary ? "" : qPrintable(describe(summary.error())));
    QCOMPARE(summary->inserted, 4);
    QCOMPARE(summary->skippedOutsideDays, 3);
    QVERIFY(!item(ev, u"dt:31501"_s));
}

void TestProgrammeImport::itemsOfOneVenueDay()
{
    test::TestEvent ev(bangkok());
    ProgrammeImporter importer(ev.db(), ev.event(), u"kiosk-test"_s);
    QVERIFY(importer.importFile(fixture(u"agenda-122.json"_s)));
    QVERIFY(importer.importFile(fixture(u"programme-122.csv"_s)));
    // Wednesday 6 November in Bangkok runs from 5 Nov 17:00 to 6 Nov 17:00 UTC.
    const QTimeZone zone("Asia/Bangkok");
    const QDateTime from = QDateTime(QDate(2024, 11, 6), QTime(0, 0), zone).toUTC();
    const QDateTime to = QDateTime(QDate(2024, 11, 7), QTime(0, 0), zone).toUTC();
    QStringList ids;
    const QList<db::AgendaItemRecord> items = *db::AgendaStore(ev.db()).forEvent(ev.event().id, from, to);
    for (const db::AgendaItemRecord &a : items)
        ids << a.sourceId;
    QCOMPARE(ids, (QStringList{u"pp:pp-chair"_s, u"pp:pp-iab"_s, u"dt:31505"_s, u"pp:pp-dinner"_s, u"dt:31507"_s}));
}

void TestProgrammeImport::importIsAudited()
{
    test::TestEvent ev(bangkok());
    ProgrammeImporter importer(ev.db(), ev.event(), u"kiosk-7"_s);
    QVERIFY(importer.importFile(fixture(u"programme-122.csv"_s)));
    const auto actions = *db::StaffActionStore(ev.db()).forEvent(ev.event().id);
    QCOMPARE(actions.size(), 1);
    QCOMPARE(actions.first().action, u"programme-import"_s);
    QCOMPARE(actions.first().kioskId, u"kiosk-7"_s);
    QVERIFY(actions.first().detail.contains(u"\"file\":\"programme-122.csv\""_s));
    QVERIFY(actions.first().detail.contains(u"\"format\":\"csv\""_s));
    QVERIFY(actions.first().detail.contains(u"\"inserted\":6"_s));
}

void TestProgrammeImport::formatDetection_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<std::optional<Format>>("expected");

    const QByteArray datatrackerHeader =
        "\"Date\",\"Start\",\"End\",\"Session\",\"Room\",\"Area\",\"Acronym\",\"Type\","
        "\"Description\",\"Session ID\",\"Agenda\",\"Slides\"\r\n";
    const QByteArray ourHeader = "session_id,date,start,end,title,kind,room,description,attendees\r\n";
    QTest::newRow(".json") << u"agenda.json"_s << QByteArray("{}") << std::optional(Format::DatatrackerJson);
    QTest::newRow(".ics") << u"agenda.ics"_s << QByteArray() << std::optional(Format::Ics);
    QTest::newRow(".ICS") << u"PROGRAMME.ICS"_s << QByteArray() << std::optional(Format::Ics);
    QTest::newRow(".csv with datatracker columns")
        << u"agenda.csv"_s << datatrackerHeader << std::optional(Format::DatatrackerCsv);
    QTest::newRow(".csv with datatracker columns and BOM")
        << u"agenda.csv"_s << QByteArray("\xEF\xBB\xBF") + datatrackerHeader << std::optional(Format::DatatrackerCsv);
    QTest::newRow(".csv with our columns") << u"agenda.csv"_s << ourHeader << std::optional(Format::Csv);
    QTest::newRow(".csv with unknown columns") << u"x.csv"_s << QByteArray("a,b\r\n") << std::optional(Format::Csv);
    QTest::newRow("unknown extension, JSON content")
        << u"agenda.txt"_s << QByteArray("\n  {\"122\": []}") << std::optional(Format::DatatrackerJson);
    QTest::newRow("unknown extension, iCalendar content")
        << u"download"_s << QByteArray("BEGIN:VCALENDAR\r\n") << std::optional(Format::Ics);
    QTest::newRow("unknown extension, other content")
        << u"notes.txt"_s << QByteArray("hello") << std::optional<Format>();
}

void TestProgrammeImport::formatDetection()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(std::optional<Format>, expected);
    QCOMPARE(ProgrammeImporter::detectFormat(name, bytes), expected);
}

void TestProgrammeImport::formatFromName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<std::optional<Format>>("expected");

    QTest::newRow("datatracker-json") << u"datatracker-json"_s << std::optional(Format::DatatrackerJson);
    QTest::newRow("datatracker-csv") << u"datatracker-csv"_s << std::optional(Format::DatatrackerCsv);
    QTest::newRow("ics") << u"ics"_s << std::optional(Format::Ics);
    QTest::newRow("csv") << u"csv"_s << std::optional(Format::Csv);
    QTest::newRow("unknown") << u"xlsx"_s << std::optional<Format>();
}

void TestProgrammeImport::formatFromName()
{
    QFETCH(QString, name);
    QFETCH(std::optional<Format>, expected);
    QCOMPARE(ProgrammeImporter::formatFromName(name), expected);
    if (expected)
        QCOMPARE(ProgrammeImporter::formatName(*expected), name);
}

QTEST_GUILESS_MAIN(TestProgrammeImport)
#include "tst_programmeimport.moc"
