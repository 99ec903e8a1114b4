// The check-in rules on a real SQLite file: every outcome, time-zone edges, forged tokens, print-job idempotency.
#include "tests/support/testevent.h"

#include "db/attendancestore.h"
#include "db/eventstore.h"
#include "db/gueststore.h"
#include "db/printjobstore.h"
#include "db/staffactionstore.h"
#include "kiosk/checkin/checkinservice.h"
#include "kiosk/invitations/invitationtoken.h"
#include "kiosk/invitations/signingkey.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace checkin;

namespace {

int attendanceRows(db::Database &db, qint64 eventId)
{
    db::AttendanceStore store(db);
    return int(store.liveForEvent(eventId)->size());
}

qint64 guestRowId(test::TestEvent &fixture, int i)
{
    return (*db::GuestStore(fixture.db()).byExternalId(fixture.event().id, fixture.externalId(i)))->id;
}

// The scan log as "source outcome guest_row" lines, oldest first (read back through SQL: the store has no
// reader for it, and the test wants the rows as written).
QStringList scanLog(db::Database &db)
{
    auto stmt = db.prepare("SELECT source, outcome, coalesce(guest_id, 0) FROM scan_log ORDER BY id");
    auto rows = db::collectRows(
        stmt, [](const db::Statement &s) { return u"%1 %2 %3"_s.arg(s.text(0), s.text(1)).arg(s.int64(2)); });
    return rows ? *rows : QStringList{u"error"_s};
}

} // namespace

class TestCheckInService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void outcomes_data();
    void outcomes();
    void firstCheckInQueuesBadgeAndAgendaOnce();
    void programmeDayIsTheVenueLocalDate_data();
    void programmeDayIsTheVenueLocalDate();
    void everySingleBitFlipOfAValidTokenIsRefusedAsForged();
    void everyTruncationAndDigitChangeIsRefused();
    void tokenSignedByAnotherKeyIsForged();
    void validTokenOfAnotherKnownEventIsOtherEvent();
    void annulledCheckInCanBeRepeatedWithoutASecondBadge();
    void everyScanIsLogged();
    void manualCheckInAppliesTheScanRules_data();
    void manualCheckInAppliesTheScanRules();
    void manualCheckInRecordsMethodSourceAndAuditRow();
    void manualCheckInOfAGuestWithoutAnyInvitationIsAdmitted();
    void manualCheckInIsOneTransactionWithItsAuditRow();
    void manualCheckInOfUnknownGuestIdIsUnknown();
    void manualCheckInOfAnotherEventsGuestIsOtherEvent();
    void manualCheckInNeedsAnActor();
    void fullDiskRecordsNothingAndTheSameGuestChecksInOnceSpaceReturns();
};

// Each row: what to scan (by a small script of steps) and the outcome of the last scan.
void TestCheckInService::outcomes_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("admitted");

    QTest::newRow("first scan is welcome") << u"day1"_s << u"welcome"_s << true;
    QTest::newRow("second day is welcome back") << u"day1 day2"_s << u"welcome_back"_s << true;
    QTest::newRow("same day again is already checked in") << u"day1 day1"_s << u"already_checked_in"_s << true;
    QTest::newRow("revoked invitation") << u"revoke day1"_s << u"revoked"_s << false;
    QTest::newRow("before the programme") << u"before"_s << u"not_programme_day"_s << false;
    QTest::newRow("after the programme") << u"after"_s << u"not_programme_day"_s << false;
    QTest::newRow("token of another event, same key") << u"otherevent"_s << u"other_event"_s << false;
    QTest::newRow("genuine token unknown to this database") << u"unknown"_s << u"unknown"_s << false;
    QTest::newRow("altered token") << u"forged"_s << u"forged"_s << false;
    QTest::newRow("a URL QR code") << u"url"_s << u"unreadable"_s << false;
    QTest::newRow("empty scan") << u"empty"_s << u"unreadable"_s << false;
}

void TestCheckInService::outcomes()
{
    QFETCH(QString, scenario);
    QFETCH(QString, expected);
    QFETCH(bool, admitted);

    test::TestEvent fixture;
    QVERIFY2(fixture.isValid(), qPrintable(fixture.error()));
    CheckInService service(fixture.db(), fixture.event(), u"kiosk-a"_s);
    const QString token = fixture.token(0);

    CheckInOutcome last;
    for (const QString &step : scenario.split(u' ')) {
        if (step == u"day1") {
            last = service.checkIn(token, fixture.localTime(1, 9, 0));
        } else if (step == u"day2") {
            last = service.checkIn(token, fixture.localTime(2, 9, 0));
        } else if (step == u"revoke") {
            db::GuestStore guests(fixture.db());
            const auto guest = guests.byExternalId(fixture.event().id, fixture.externalId(0));
            const auto invitation = guests.activeInvitation((*guest)->id);
            QVERIFY(*guests.revokeInvitation((*invitation)->id));
        } else if (step == u"before") {
            last = service.checkIn(token, fixture.localTime(0, 23, 59));
        } else if (step == u"after") {
            last = service.checkIn(token, fixture.localTime(5, 0, 0));
        } else if (step == u"otherevent") {
            const auto other = InvitationToken::sign(fixture.key(), 123, InvitationToken::randomTokenId());
            last = service.checkIn(other.toText(), fixture.localTime(1, 9, 0));
            QCOMPARE(last.tokenEventNumber, 123);
        } else if (step == u"unknown") {
            const auto stranger = InvitationToken::sign(fixture.key(), 122, InvitationToken::randomTokenId());
            last = service.checkIn(stranger.toText(), fixture.localTime(1, 9, 0));
        } else if (step == u"forged") {
            QString altered = token;
            altered[100] = altered[100] == u'0' ? u'1' : u'0';
            last = service.checkIn(altered, fixture.localTime(1, 9, 0));
        } else if (step == u"url") {
            last = service.checkIn(u"https://datatracker.ietf.org/meeting/122/"_s, fixture.localTime(1, 9, 0));
        } else if (step == u"empty") {
            last = service.checkIn(QString(), fixture.localTime(1, 9, 0));
        }
    }
    QCOMPARE(outcomeName(last.kind), expected);
    QCOMPARE(last.admitted(), admitted);
    QVERIFY(!last.message.isEmpty());
    if (last.admitted()) {
        QCOMPARE(last.guestExternalId, fixture.externalId(0));
        QCOMPARE(last.guestName, u"Guest 1"_s);
        QVERIFY(!last.checkinId.isEmpty());
    }
    if (expected == u"welcome_back")
        QCOMPARE(last.dayNumber, 2);
    if (expected == u"already_checked_in")
        QCOMPARE(last.firstScanLocal.toString(u"HH:mm"_s), u"09:00"_s);
    if (expected == u"not_programme_day") {
        QCOMPARE(last.programmeFirstDay, fixture.event().firstDay);
        QCOMPARE(last.programmeLastDay, fixture.event().lastDay);
    }
    const int expectedRows = scenario == u"day1 day2" ? 2 : (last.admitted() ? 1 : 0);
    QCOMPARE(attendanceRows(fixture.db(), fixture.event().id), expectedRows);
}

void TestCheckInService::firstCheckInQueuesBadgeAndAgendaOnce()
{
    test::TestEvent fixture;
    CheckInService service(fixture.db(), fixture.event(), u"kiosk-a"_s);
    const auto first = service.checkIn(fixture.token(1), fixture.localTime(1, 8, 0));
    QCOMPARE(first.kind, OutcomeKind::Welcome);
    QCOMPARE(first.printJobsQueued, QStringList({u"badge"_s, u"agenda"_s}));
    (void)service.checkIn(fixture.token(1), fixture.localTime(1, 8, 5));
    (void)service.checkIn(fixture.token(1), fixture.localTime(2, 8, 0));

    db::PrintJobStore jobs(fixture.db());
    const auto all = jobs.jobs(fixture.event().id);
    QVERIFY(all);
    QCOMPARE(all->size(), 2);
    QCOMPARE(all->at(0).kind, u"badge"_s);
    QCOMPARE(all->at(0).state, u"queued"_s);
    QCOMPARE(all->at(0).reason, u"checkin"_s);
    QCOMPARE(all->at(1).kind, u"agenda"_s);
}

void TestCheckInService::programmeDayIsTheVenueLocalDate_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QDate>("first");
    QTest::addColumn<QDate>("last");
    QTest::addColumn<QDateTime>("scanUtc");
    QTest::addColumn<QString>("expectedOutcome");
    QTest::addColumn<QDate>("expectedDay");

    // Dates in 2024, whose rules no tzdata release will change: a test of a rule must not depend on the installed
    // tzdata's view of a later year (docs/time-zones.md; scripts/tzdata-check.sh proves it).
    const QDate nov4(2024, 11, 4), nov7(2024, 11, 7);
    // Bangkok is UTC+7 all year: 17:30Z on 3 Nov is 00:30 on 4 Nov there, the first programme day.
    QTest::newRow("Bangkok 00:30 local is the next day")
        << u"Asia/Bangkok"_s << nov4 << nov7 << QDateTime(QDate(2024, 11, 3), QTime(17, 30), Qt::UTC) << u"welcome"_s
        << nov4;
    QTest::newRow("Bangkok 23:59 local the evening before")
        << u"Asia/Bangkok"_s << nov4 << nov7 << QDateTime(QDate(2024, 11, 3), QTime(16, 59), Qt::UTC)
        << u"not_programme_day"_s << QDate(2024, 11, 3);
    QTest::newRow("Bangkok exactly midnight local")
        << u"Asia/Bangkok"_s << nov4 << nov7 << QDateTime(QDate(2024, 11, 3), QTime(17, 0), Qt::UTC) << u"welcome"_s
        << nov4;
    QTest::newRow("Bangkok last day 23:59 local")
        << u"Asia/Bangkok"_s << nov4 << nov7 << QDateTime(QDate(2024, 11, 7), QTime(16, 59), Qt::UTC) << u"welcome"_s
        << nov7;
    QTest::newRow("Bangkok after the last day by one minute")
        << u"Asia/Bangkok"_s << nov4 << nov7 << QDateTime(QDate(2024, 11, 7), QTime(17, 0), Qt::UTC)
        << u"not_programme_day"_s << QDate(2024, 11, 8);
    // Vancouver left DST on Sunday 3 Nov 2024 at 02:00 PDT: UTC-7 before, UTC-8 after. The 25-hour day.
    const QDate nov2(2024, 11, 2), nov5(2024, 11, 5);
    QTest::newRow("Vancouver 23:30 PDT on 2 Nov (UTC-7)")
        << u"America/Vancouver"_s << nov2 << nov5 << QDateTime(QDate(2024, 11, 3), QTime(6, 30), Qt::UTC)
        << u"welcome"_s << nov2;
    QTest::newRow("Vancouver 00:30 PDT on 3 Nov, before the change")
        << u"America/Vancouver"_s << nov2 << nov5 << QDateTime(QDate(2024, 11, 3), QTime(7, 30), Qt::UTC)
        << u"welcome"_s << QDate(2024, 11, 3);
    QTest::newRow("Vancouver 23:30 PST on 3 Nov, after the change (UTC-8)")
        << u"America/Vancouver"_s << nov2 << nov5 << QDateTime(QDate(2024, 11, 4), QTime(7, 30), Qt::UTC)
        << u"welcome"_s << QDate(2024, 11, 3);
    QTest::newRow("Vancouver 00:30 PST on 4 Nov")
        << u"America/Vancouver"_s << nov2 << nov5 << QDateTime(QDate(2024, 11, 4), QTime(8, 30), Qt::UTC)
        << u"welcome"_s << QDate(2024, 11, 4);
    QTest::newRow("UTC venue at midnight")
        << u"UTC"_s << nov4 << nov7 << QDateTime(nov4, QTime(0, 0), Qt::UTC) << u"welcome"_s << nov4;
}

void TestCheckInService::programmeDayIsTheVenueLocalDate()
{
    QFETCH(QString, zone);
    QFETCH(QDate, first);
    QFETCH(QDate, last);
    QFETCH(QDateTime, scanUtc);
    QFETCH(QString, expectedOutcome);
    QFETCH(QDate, expectedDay);

    test::TestEvent::Options options;
    options.timeZone = zone;
    options.firstDay = first;
    options.lastDay = last;
    test::TestEvent fixture(options);
    QVERIFY2(fixture.isValid(), qPrintable(fixture.error()));
    CheckInService service(fixture.db(), fixture.event(), u"kiosk-a"_s);
    QCOMPARE(service.programmeDay(scanUtc), expectedDay);
    const auto outcome = service.checkIn(fixture.token(0), scanUtc);
    QCOMPARE(outcomeName(outcome.kind), expectedOutcome);
    if (outcome.admitted())
        QCOMPARE(outcome.day, expectedDay);
}

void TestCheckInService::everySingleBitFlipOfAValidTokenIsRefusedAsForged()
{
    test::TestEvent fixture;
    CheckInService service(fixture.db(), fixture.event(), u"kiosk-a"_s);
    const QByteArray bytes = InvitationToken::parse(fixture.token(0))->toBytes();
    QCOMPARE(bytes.size(), 73);
    for (int bit = 0; bit < bytes.size() * 8; ++bit) {
        QByteArray flipped = bytes;
        flipped[bit / 8] = char(flipped[bit / 8] ^ (1 << (bit % 8)));
        const auto outcome = service.checkIn(InvitationToken::textFromBytes(flipped), fixture.localTime(1, 9, 0));
        QVERIFY2(outcome.kind == OutcomeKind::Forged,
                 qPrintable(u"bit %1 gave %2"_s.arg(bit).arg(outcomeName(outcome.kind))));
    }
    QCOMPARE(attendanceRows(fixture.db(), fixture.event().id), 0);
    // The genuine token still works afterwards.
    QCOMPARE(service.checkIn(fixture.token(0), fixture.localTime(1, 9, 0)).kind, OutcomeKind::Welcome);
}

void TestCheckInService::everyTruncationAndDigitChangeIsRefused()
{
    test::TestEvent fixture;
    CheckInService service(fixture.db(), fixture.event(), u"kiosk-a"_s);
    const QString token = fixture.token(0);
    for (int length = 0; length < token.size(); ++length) {
        const auto outcome = service.checkIn(token.left(length), fixture.localTime(1, 9, 0));
        QVERIFY2(outcome.kind == OutcomeKind::Unreadable, qPrintable(QString::number(length)));
    }
    for (int i = 0; i < token.size(); ++i) {
        QString altered = token;
        altered[i] = QChar(u'0' + (altered[i].unicode() - u'0' + 1) % 10);
        const auto outcome = service.checkIn(altered, fixture.localTime(1, 9, 0));
        QVERIFY2(outcome.kind == OutcomeKind::Forged, qPrintable(u"digit %1"_s.arg(i)));
    }
    QCOMPARE(service.checkIn(token + u"0"_s, fixture.localTime(1, 9, 0)).kind, OutcomeKind::Unreadable);
    // Scanners may add a trailing newline or spaces: still the same invitation.
    QCOMPARE(service.checkIn(u"  "_s + token + u"\r\n"_s, fixture.localTime(1, 9, 0)).kind, OutcomeKind::Welcome);
}

void TestCheckInService::tokenSignedByAnotherKeyIsForged()
{
    test::TestEvent fixture;
    CheckInService service(fixture.db(), fixture.event(), u"kiosk-a"_s);
    const SigningKey otherKey = SigningKey::generate();
    const auto mine = InvitationToken::parse(fixture.token(0));
    const auto imposter = InvitationToken::sign(otherKey, 122, mine->tokenId());
    QCOMPARE(service.checkIn(imposter.toText(), fixture.localTime(1, 9, 0)).kind, OutcomeKind::Forged);
    const auto imposterOther = InvitationToken::sign(otherKey, 999, mine->tokenId());
    QCOMPARE(service.checkIn(imposterOther.toText(), fixture.localTime(1, 9, 0)).kind, OutcomeKind::Forged);
}

void TestCheckInService::validTokenOfAnotherKnownEventIsOtherEvent()
{
    test::TestEvent fixture;
    // Event 121 is in the same database with its own key.
    const SigningKey dublinKey = SigningKey::generate();
    db::EventRecord dublin;
    dublin.number = 121;
    dublin.name = u"IETF 121 Dublin"_s;
    dublin.city = u"Dublin"_s;
    dublin.timeZone = u"Europe/Dublin"_s;
    dublin.firstDay = QDate(2024, 11, 2);
    dublin.lastDay = QDate(2024, 11, 8);
    dublin.verifyKey = dublinKey.publicKey();
    QVERIFY(db::EventStore(fixture.db()).create(dublin));

    CheckInService service(fixture.db(), fixture.event(), u"kiosk-a"_s);
    const auto dublinToken = InvitationToken::sign(dublinKey, 121, InvitationToken::randomTokenId());
    const auto outcome = service.checkIn(dublinToken.toText(), fixture.localTime(1, 9, 0));
    QCOMPARE(outcome.kind, OutcomeKind::OtherEvent);
    QCOMPARE(outcome.tokenEventNumber, 121);
    // The same token re-signed with our key claims to be for 121 but 121's key says no.
    const auto fake = InvitationToken::sign(fixture.key(), 121, InvitationToken::randomTokenId());
    QCOMPARE(service.checkIn(fake.toText(), fixture.localTime(1, 9, 0)).kind, OutcomeKind::Forged);
}

void TestCheckInService::annulledCheckInCanBeRepeatedWithoutASecondBadge()
{
    test::TestEvent fixture;
    CheckInService service(fixture.db(), fixture.event(), u"kiosk-a"_s);
    const auto first = service.checkIn(fixture.token(0), fixture.localTime(1, 9, 0));
    QCOMPARE(first.kind, OutcomeKind::Welcome);
    db::AttendanceStore attendance(fixture.db());
    QVERIFY(*attendance.annul(first.checkinId, u"scanned the wrong invitation"_s));
    QVERIFY(!*attendance.annul(first.checkinId, u"twice"_s));
    const auto again = service.checkIn(fixture.token(0), fixture.localTime(1, 9, 30));
    QCOMPARE(again.kind, OutcomeKind::Welcome);
    QVERIFY(again.printJobsQueued.isEmpty());
    QVERIFY(again.checkinId != first.checkinId);
    QCOMPARE(db::PrintJobStore(fixture.db()).jobs(fixture.event().id)->size(), 2);
    QCOMPARE(attendanceRows(fixture.db(), fixture.event().id), 1);
}

void TestCheckInService::everyScanIsLogged()
{
    test::TestEvent fixture;
    CheckInService service(fixture.db(), fixture.event(), u"kiosk-a"_s);
    (void)service.checkIn(fixture.token(0), fixture.localTime(1, 9, 0), u"scanner"_s);
    (void)service.checkIn(fixture.token(0), fixture.localTime(1, 9, 1), u"camera"_s);
    (void)service.checkIn(u"garbage"_s, fixture.localTime(1, 9, 2));
    db::AttendanceStore store(fixture.db());
    QCOMPARE(*store.scanCount(), 3);
    QCOMPARE(*store.scanCount(u"welcome"_s), 1);
    QCOMPARE(*store.scanCount(u"already_checked_in"_s), 1);
    QCOMPARE(*store.scanCount(u"unreadable"_s), 1);
}

// Each row: a script of manual check-ins (manualN = on day N), scans (scanN), and staff changes; the outcome of
// the last step and how many attendance rows and print jobs there are then.
void TestCheckInService::manualCheckInAppliesTheScanRules_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("attendance");
    QTest::addColumn<int>("printJobs");

    QTest::newRow("first manual check-in is welcome, badge and agenda queued")
        << u"manual1"_s << u"welcome"_s << 1 << 2;
    QTest::newRow("manual on day 2 after a scan on day 1") << u"scan1 manual2"_s << u"welcome_back"_s << 2 << 2;
    QTest::newRow("manual after a scan the same day") << u"scan1 manual1"_s << u"already_checked_in"_s << 1 << 2;
    QTest::newRow("scan after a manual check-in the same day")
        << u"manual1 scan1"_s << u"already_checked_in"_s << 1 << 2;
    QTest::newRow("manual twice the same day") << u"manual1 manual1"_s << u"already_checked_in"_s << 1 << 2;
    QTest::newRow("revoked invitation") << u"revoke manual1"_s << u"revoked"_s << 0 << 0;
    QTest::newRow("revoked, then a new invitation issued") << u"revoke reissue manual1"_s << u"welcome"_s << 1 << 2;
    QTest::newRow("before the programme") << u"manual0"_s << u"not_programme_day"_s << 0 << 0;
    QTest::newRow("after the programme") << u"manual5"_s << u"not_programme_day"_s << 0 << 0;
    QTest::newRow("annulled and repeated: no second badge") << u"manual1 annul manual1"_s << u"welcome"_s << 1 << 2;
}

void TestCheckInService::manualCheckInAppliesTheScanRules()
{
    QFETCH(QString, scenario);
    QFETCH(QString, expected);
    QFETCH(int, attendance);
    QFETCH(int, printJobs);

    test::TestEvent fixture;
    QVERIFY2(fixture.isValid(), qPrintable(fixture.error()));
    CheckInService service(fixture.db(), fixture.event(), u"kiosk-a"_s);
    const qint64 guestId = guestRowId(fixture, 0);
    db::GuestStore guests(fixture.db());

    CheckInOutcome last;
    for (const QString &step : scenario.split(u' ')) {
        if (step.startsWith(u"manual")) {
            last = service.checkInGuest(guestId, fixture.localTime(step.mid(6).toInt(), 9, 0), u"Ana (staff)"_s);
        } else if (step.startsWith(u"scan")) {
            last = service.checkIn(fixture.token(0), fixture.localTime(step.mid(4).toInt(), 8, 30));
        } else if (step == u"revoke") {
            QVERIFY(*guests.revokeInvitation((*guests.activeInvitation(guestId))->id));
        } else if (step == u"reissue") {
            QVERIFY(guests.createInvitation(fixture.event().id, guestId, InvitationToken::randomTokenId()));
        } else if (step == u"annul") {
            QVERIFY(*db::AttendanceStore(fixture.db()).annul(last.checkinId, u"wrong guest"_s));
        }
    }
    QCOMPARE(outcomeName(last.kind), expected);
    QVERIFY(!last.message.isEmpty());
    QCOMPARE(last.guestId, guestId);
    QCOMPARE(last.guestExternalId, fixture.externalId(0));
    QCOMPARE(last.guestName, u"Guest 1"_s);
    if (last.admitted())
        QVERIFY(!last.checkinId.isEmpty());
    if (expected == u"welcome_back")
        QCOMPARE(last.dayNumber, 2);
    if (scenario == u"manual1")
        QCOMPARE(last.printJobsQueued, (QStringList{u"badge"_s, u"agenda"_s}));
    if (scenario.contains(u"annul"))
        QVERIFY(last.printJobsQueued.isEmpty());
    if (scenario == u"scan1 manual1")
        QCOMPARE(last.firstScanLocal.toString(u"HH:mm"_s), u"08:30"_s);
    QCOMPARE(attendanceRows(fixture.db(), fixture.event().id), attendance);
    QCOMPARE(db::PrintJobStore(fixture.db()).jobs(fixture.event().id)->size(), printJobs);
}

void TestCheckInService::manualCheckInRecordsMethodSourceAndAuditRow()
{
    test::TestEvent fixture;
    CheckInService service(fixture.db(), fixture.event(), u"kiosk-a"_s);
    const qint64 guestId = guestRowId(fixture, 1);
    const CheckInOutcome outcome = service.checkInGuest(guestId, fixture.localTime(1, 10, 15), u"Ana"_s);
    QCOMPARE(outcome.kind, OutcomeKind::Welcome);

    const auto rows = *db::AttendanceStore(fixture.db()).liveForEvent(fixture.event().id);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().uid, outcome.checkinId);
    QCOMPARE(rows.first().method, u"manual"_s);
    QCOMPARE(rows.first().kioskId, u"kiosk-a"_s);
    QCOMPARE(rows.first().invitationId, (*db::GuestStore(fixture.db()).activeInvitation(guestId))->id);
    QCOMPARE(scanLog(fixture.db()), QStringList{u"manual welcome %1"_s.arg(guestId)});

    const auto actions = *db::StaffActionStore(fixture.db()).forEvent(fixture.event().id);
    QCOMPARE(actions.size(), 1);
    const db::StaffActionRecord &audit = actions.first();
    QCOMPARE(audit.action, u"manual-checkin"_s);
    QCOMPARE(audit.actor, u"Ana"_s);
    QCOMPARE(audit.kioskId, u"kiosk-a"_s);
    QCOMPARE(audit.guestId, guestId);
    QCOMPARE(audit.targetUid, outcome.checkinId);
    QCOMPARE(audit.at, rows.first().scannedAt);
    const QJsonObject detail = QJsonDocument::fromJson(audit.detail.toUtf8()).object();
    QCOMPARE(detail[u"outcome"_s].toString(), u"welcome"_s);
    QCOMPARE(detail[u"day"_s].toString(), u"2026-11-02"_s);

    // A refused attempt is audited too, with what it led to.
    QVERIFY(*db::GuestStore(fixture.db())
                 .revokeInvitation((*db::GuestStore(fixture.db()).activeInvitation(guestRowId(fixture, 2)))->id));
    QCOMPARE(service.checkInGuest(guestRowId(fixture, 2), fixture.localTime(1, 10, 20), u"Ana"_s).kind,
             OutcomeKind::Revoked);
    const auto after = *db::StaffActionStore(fixture.db()).forEvent(fixture.event().id);
    QCOMPARE(after.size(), 2);
    QCOMPARE(QJsonDocument::fromJson(after.last().detail.toUtf8())[u"outcome"_s].toString(), u"revoked"_s);
    QVERIFY(after.last().targetUid.isEmpty());
}

void TestCheckInService::manualCheckInOfAGuestWithoutAnyInvitationIsAdmitted()
{
    test::TestEvent fixture;
    db::GuestRecord walkIn;
    walkIn.eventId = fixture.event().id;
    walkIn.externalId = u"walk-in"_s;
    walkIn.displayName = u"Ольга Смирнова"_s;
    db::GuestStore guests(fixture.db());
    QVERIFY(guests.upsert(walkIn));
    const qint64 guestId = (*guests.byExternalId(fixture.event().id, u"walk-in"_s))->id;
    QVERIFY(!*guests.currentInvitation(guestId));

    CheckInService service(fixture.db(), fixture.event(), u"kiosk-a"_s);
    const CheckInOutcome outcome = service.checkInGuest(guestId, fixture.localTime(2, 9, 0), u"Ana"_s);
    QCOMPARE(outcome.kind, OutcomeKind::Welcome);
    QCOMPARE(outcome.guestName, u"Ольга Смирнова"_s);
    const auto rows = *db::AttendanceStore(fixture.db()).liveForEvent(fixture.event().id);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().invitationId, 0); // NULL: no invitation was shown
}

void TestCheckInService::manualCheckInIsOneTransactionWithItsAuditRow()
{
    test::TestEvent fixture;
    // The audit row cannot be written: then neither may the attendance, the print jobs or the scan log row.
    QVERIFY(fixture.db().exec("CREATE TRIGGER refuse_audit BEFORE INSERT ON staff_action "
                              "BEGIN SELECT RAISE(ABORT, 'audit log refused'); END"));
    CheckInService service(fixture.db(), fixture.event(), u"kiosk-a"_s);
    const CheckInOutcome outcome = service.checkInGuest(guestRowId(fixture, 0), fixture.localTime(1, 9, 0), u"Ana"_s);
    QCOMPARE(outcome.kind, OutcomeKind::SystemError);
    QVERIFY(!outcome.admitted());
    QVERIFY2(outcome.message.contains(u"not recorded"), qPrintable(outcome.message));
    QCOMPARE(attendanceRows(fixture.db(), fixture.event().id), 0);
    QCOMPARE(db::PrintJobStore(fixture.db()).jobs(fixture.event().id)->size(), 0);
    QCOMPARE(*db::AttendanceStore(fixture.db()).scanCount(), 0);

    // Once the audit log works again the same check-in goes through whole.
    QVERIFY(fixture.db().exec("DROP TRIGGER refuse_audit"));
    QCOMPARE(service.checkInGuest(guestRowId(fixture, 0), fixture.localTime(1, 9, 1), u"Ana"_s).kind,
             OutcomeKind::Welcome);
    QCOMPARE(db::StaffActionStore(fixture.db()).forEvent(fixture.event().id)->size(), 1);
}

void TestCheckInService::manualCheckInOfUnknownGuestIdIsUnknown()
{
    test::TestEvent fixture;
    CheckInService service(fixture.db(), fixture.event(), u"kiosk-a"_s);
    for (const qint64 id : {qint64(0), qint64(-1), qint64(987654)}) {
        const CheckInOutcome outcome = service.checkInGuest(id, fixture.localTime(1, 9, 0), u"Ana"_s);
        QCOMPARE(outcome.kind, OutcomeKind::Unknown);
        QVERIFY(!outcome.admitted());
        QVERIFY(outcome.message.contains(QString::number(id)));
        QCOMPARE(outcome.guestId, 0);
    }
    QCOMPARE(attendanceRows(fixture.db(), fixture.event().id), 0);
    QCOMPARE(*db::AttendanceStore(fixture.db()).scanCount(u"unknown"_s), 3);
    const auto actions = *db::StaffActionStore(fixture.db()).forEvent(fixture.event().id);
    QCOMPARE(actions.size(), 3);
    QCOMPARE(actions.first().guestId, 0);
}

void TestCheckInService::manualCheckInOfAnotherEventsGuestIsOtherEvent()
{
    test::TestEvent fixture;
    db::EventRecord dublin;
    dublin.number = 121;
    dublin.name = u"IETF 121 Dublin"_s;
    dublin.city = u"Dublin"_s;
    dublin.timeZone = u"Europe/Dublin"_s;
    dublin.firstDay = QDate(2026, 11, 2);
    dublin.lastDay = QDate(2026, 11, 8);
    dublin.verifyKey = SigningKey::generate().publicKey();
    dublin.id = *db::EventStore(fixture.db()).create(dublin);
    db::GuestRecord visitor;
    visitor.eventId = dublin.id;
    visitor.externalId = u"guest-1"_s; // the same external id as one of ours
    visitor.displayName = u"Seán O'Brien"_s;
    db::GuestStore guests(fixture.db());
    QVERIFY(guests.upsert(visitor));
    const qint64 visitorId = (*guests.byExternalId(dublin.id, u"guest-1"_s))->id;

    CheckInService service(fixture.db(), fixture.event(), u"kiosk-a"_s);
    const CheckInOutcome outcome = service.checkInGuest(visitorId, fixture.localTime(1, 9, 0), u"Ana"_s);
    QCOMPARE(outcome.kind, OutcomeKind::OtherEvent);
    QCOMPARE(outcome.tokenEventNumber, 121);
    QVERIFY2(outcome.message.contains(u"IETF 121 Dublin"), qPrintable(outcome.message));
    QVERIFY(!outcome.admitted());
    QCOMPARE(attendanceRows(fixture.db(), fixture.event().id), 0);
    QVERIFY(db::AttendanceStore(fixture.db()).liveForEvent(dublin.id)->isEmpty());
}

void TestCheckInService::manualCheckInNeedsAnActor()
{
    test::TestEvent fixture;
    CheckInService service(fixture.db(), fixture.event(), u"kiosk-a"_s);
    const CheckInOutcome outcome = service.checkInGuest(guestRowId(fixture, 0), fixture.localTime(1, 9, 0), u"  "_s);
    QCOMPARE(outcome.kind, OutcomeKind::SystemError);
    QVERIFY(!outcome.admitted());
    QCOMPARE(attendanceRows(fixture.db(), fixture.event().id), 0);
    QCOMPARE(*db::AttendanceStore(fixture.db()).scanCount(), 0);
}

// A full disk (SQLite's max_page_count on this connection stands in for it) must cost nothing but the scan:
// a clear "see staff" outcome, no half-written check-in, an intact file, and the same guest admitted later.
void TestCheckInService::fullDiskRecordsNothingAndTheSameGuestChecksInOnceSpaceReturns()
{
    test::TestEvent::Options options;
    options.guests = 60;
    test::TestEvent fixture(options);
    QVERIFY2(fixture.isValid(), qPrintable(fixture.error()));
    CheckInService service(fixture.db(), fixture.event(), u"kiosk-a"_s);

    auto pageCount = [&] {
        auto stmt = fixture.db().prepare("PRAGMA page_count");
        return (stmt && *stmt->step()) ? stmt->int64(0) : qint64(-1);
    };
    const QByteArray limit = "PRAGMA max_page_count = " + QByteArray::number(pageCount());
    QVERIFY(fixture.db().exec(limit.constData()));

    // Check guests in until one needs a page the "disk" no longer has.
    int full = -1;
    CheckInOutcome failed;
    for (int i = 0; i < fixture.guestCount() && full < 0; ++i) {
        const CheckInOutcome o = service.checkIn(fixture.token(i), fixture.localTime(1, 9, 0));
        if (o.kind == OutcomeKind::SystemError) {
            full = i;
            failed = o;
        } else {
            QCOMPARE(o.kind, OutcomeKind::Welcome);
        }
    }
    QVERIFY2(full > 0, "the page limit was never reached");
    QVERIFY(!failed.admitted());
    QCOMPARE(failed.message,
             u"The kiosk's disk is full: the check-in was not recorded. Free disk space, then scan again."_s);

    // Nothing of the failed scan is in the file; every earlier check-in is.
    db::GuestStore guests(fixture.db());
    const auto guest = guests.byExternalId(fixture.event().id, fixture.externalId(full));
    QVERIFY(guest && *guest);
    QCOMPARE(attendanceRows(fixture.db(), fixture.event().id), full);
    QCOMPARE(*db::AttendanceStore(fixture.db()).scanCount(), full);
    QVERIFY(db::PrintJobStore(fixture.db()).jobs(fixture.event().id, (*guest)->id)->isEmpty());
    QCOMPARE(db::PrintJobStore(fixture.db()).jobs(fixture.event().id)->size(), 2 * full);
    QCOMPARE(*fixture.db().integrityCheck(), u"ok"_s);

    // Space returns: the same guest is welcomed and their badge queued once.
    QVERIFY(fixture.db().exec("PRAGMA max_page_count = 1073741823"));
    const CheckInOutcome again = service.checkIn(fixture.token(full), fixture.localTime(1, 9, 5));
    QCOMPARE(again.kind, OutcomeKind::Welcome);
    QCOMPARE(again.printJobsQueued, QStringList({u"badge"_s, u"agenda"_s}));
    QCOMPARE(attendanceRows(fixture.db(), fixture.event().id), full + 1);
    QCOMPARE(*fixture.db().integrityCheck(), u"ok"_s);
}

QTEST_GUILESS_MAIN(TestCheckInService)
#include "tst_checkinservice.moc"
