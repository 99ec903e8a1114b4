// Several kiosks, one venue: three kiosk processes on three SQLite copies of one event check guests in while the
// venue's PostgreSQL server is down, then sync with 'checkinctl sync' once it is back. Real binary, real SQLite files,
// real PostgreSQL cluster (scripts/pg-test-env.sh).
#include "tests/support/programrun.h"
#include "tests/support/testevent.h"
#include "tests/venue/pgtestenv.h"

#include "db/agendastore.h"
#include "db/attendancestore.h"
#include "db/database.h"
#include "db/gueststore.h"
#include "db/printjobstore.h"
#include "db/venue/venueconnection.h"
#include "db/venue/venueevents.h"
#include "db/venue/venueschema.h"
#include "db/venueoutboxstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace checkin;

namespace {

using Run = test::ProgramRun;

// One scan at a kiosk: guest index and minutes after 09:00 venue-local on programme day 1.
struct Scan
{
    int guest;
    int minute;
};

} // namespace

class TestVenueSync : public QObject
{
    Q_OBJECT

private:
    test::PgTestEnv m_pg;
    std::unique_ptr<test::TestEvent> m_event;
    QStringList m_kiosks; // SQLite files of kiosks A, B, C
    static constexpr int kRevokedGuest = 6;

    Run ctl(const QString &dbPath, const QString &kioskId, const QStringList &args)
    {
        return test::runCheckinctl(dbPath, kioskId, args);
    }
    Run sync(int kiosk)
    {
        return ctl(m_kiosks.at(kiosk), kioskId(kiosk), {u"sync"_s, u"--once"_s, u"--pg"_s, m_pg.conninfo()});
    }
    static QString kioskId(int kiosk) { return u"kiosk-"_s + QChar(u'A' + kiosk); }
    Run checkIn(int kiosk, int guest, int minute)
    {
        const QDateTime at = m_event->localTime(1, 9, minute);
        return ctl(m_kiosks.at(kiosk), kioskId(kiosk),
                   {u"checkin"_s, u"--payload"_s, m_event->token(guest), u"--at"_s, at.toString(Qt::ISODateWithMs)});
    }
    std::unique_ptr<venue::VenueConnection> venue()
    {
        auto conn = venue::VenueConnection::open(m_pg.conninfo());
        if (!conn)
            qWarning("%s", qPrintable(conn.error().message));
        return conn ? std::move(*conn) : nullptr;
    }
    static qint64 count(venue::VenueConnection &conn, const char *sql, const QList<venue::VenueParam> &params = {})
    {
        auto rows = conn.exec(sql, params);
        if (!rows) {
            qWarning("%s", qPrintable(rows.error().message));
            return -1;
        }
        return rows->int64(0, 0);
    }
    static QStringList localColumn(const QString &path, const char *sql)
    {
        auto db = db::Database::open(path);
        if (!db)
            return {};
        auto stmt = (*db)->prepare(sql);
        auto rows = collectRows(stmt, [](const db::Statement &s) { return s.text(0); });
        return rows ? *rows : QStringList{};
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::TestEvent::Options options;
        options.guests = 7;
        m_event = std::make_unique<test::TestEvent>(options);
        QVERIFY2(m_event->isValid(), qPrintable(m_event->error()));
        if (!m_pg.start()) {
            if (m_pg.notInstalled())
                QSKIP("PostgreSQL is not installed (apt-get install postgresql): venue sync tests skipped");
            QFAIL(qPrintable(m_pg.error()));
        }
        auto conn = venue();
        QVERIFY(conn);
        QVERIFY(venue::VenueSchema::migrate(*conn));
        auto pushed = venue::VenueEvents(*conn).push(m_event->db(), m_event->event());
        QVERIFY2(pushed, pushed ? "" : qPrintable(pushed.error().message));
        // Each kiosk starts from its own copy of the organiser's database, as when kiosks are set up from a USB stick.
        for (int k = 0; k < 3; ++k) {
            const QString path = m_event->dirPath() + u"/kiosk-%1.sqlite"_s.arg(k);
            QVERIFY(m_event->db().backupTo(path));
            m_kiosks << path;
        }
    }
    void cleanupTestCase() { m_pg.stop(); }

    void threeOfflineKiosksConvergeOnceTheVenueReturns()
    {
        QVERIFY(m_pg.halt());
        // Guest 0: A at 09:10, C at 09:01 (C, which syncs last, holds the earliest scan: it takes the live slot).
        // Guest 3: A 09:20, B 09:05, C 09:12 (B wins; C arrives after B and is a duplicate).
        // Guest 2 is scanned twice at A (the second is refused locally: one scan log row, no attendance).
        const QList<QList<Scan>> scans = {
            {{0, 10}, {1, 11}, {2, 12}, {3, 20}, {2, 30}},
            {{2, 2}, {3, 5}, {4, 6}},
            {{0, 1}, {3, 12}, {5, 13}},
        };
        for (int k = 0; k < 3; ++k) {
            for (const Scan &s : scans.at(k)) {
                const Run r = checkIn(k, s.guest, s.minute);
                QVERIFY2(r.exitCode == 0 || r.json().value(u"outcome"_s) == u"already_checked_in"_s,
                         qPrintable(r.err + QString::fromUtf8(r.out)));
            }
        }
        // The server is down: the kiosk says so, keeps everything and counts what waits.
        const Run offline = sync(0);
        QCOMPARE(offline.exitCode, 2);
        QCOMPARE(offline.json().value(u"state"_s).toString(), u"offline"_s);
        QVERIFY(offline.json().value(u"waiting"_s).toInt() >= 5);
        QVERIFY2(!offline.err.isEmpty(), qPrintable(offline.err));

        QVERIFY2(m_pg.start(), qPrintable(m_pg.error()));
        for (int k = 0; k < 3; ++k) {
            const Run r = sync(k);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err + QString::fromUtf8(r.out)));
            QCOMPARE(r.json().value(u"state"_s).toString(), u"online"_s);
            QCOMPARE(r.json().value(u"waiting"_s).toInt(), 0);
        }

        auto conn = venue();
        QVERIFY(conn);
        QStringList localAttendance;
        QStringList localScans;
        for (const QString &path : m_kiosks) {
            localAttendance += localColumn(path, "SELECT uid FROM attendance");
            localScans += localColumn(path, "SELECT uid FROM scan_log");
        }
        QCOMPARE(localAttendance.size(), 10);
        // Every check-in is there once; one live row per guest per day (guests 0–5), the other four are duplicates.
        QCOMPARE(count(*conn, "SELECT count(*) FROM attendance"), qint64(localAttendance.size()));
        QCOMPARE(count(*conn, "SELECT count(*) FROM attendance WHERE duplicate_of IS NULL AND annulled_at IS NULL"), 6);
        QCOMPARE(count(*conn, "SELECT count(DISTINCT guest_id) FROM attendance WHERE duplicate_of IS NULL"), 6);
        QCOMPARE(count(*conn, "SELECT count(*) FROM attendance WHERE duplicate_of IS NOT NULL"), 4);
        // Duplicates name the live row, never another duplicate.
        QCOMPARE(count(*conn, "SELECT count(*) FROM attendance d JOIN attendance w ON w.uid = d.duplicate_of "
                              "WHERE w.duplicate_of IS NOT NULL OR w.guest_id <> d.guest_id OR w.day <> d.day"),
                 0);
        // The earliest scan holds the slot: guest 0 at C (09:01), guest 3 at B (09:05), guest 2 at B (09:02).
        auto live = conn->exec("SELECT g.external_id, a.kiosk_id FROM attendance a JOIN guests g ON g.id = a.guest_id "
                               "WHERE a.duplicate_of IS NULL ORDER BY g.external_id");
        QVERIFY(live);
        QHash<QString, QString> winner;
        for (int r = 0; r < live->count(); ++r)
            winner.insert(live->text(r, 0), live->text(r, 1));
        QCOMPARE(winner.value(m_event->externalId(0)), u"kiosk-C"_s);
        QCOMPARE(winner.value(m_event->externalId(3)), u"kiosk-B"_s);
        QCOMPARE(winner.value(m_event->externalId(2)), u"kiosk-B"_s);
        QCOMPARE(winner.value(m_event->externalId(1)), u"kiosk-A"_s);
        // Every scan of the three kiosks is in the log once; the four duplicate check-ins are marked there.
        QCOMPARE(count(*conn, "SELECT count(*) FROM scan_log"), qint64(localScans.size()));
        auto uids = conn->exec("SELECT uid FROM scan_log");
        QVERIFY(uids);
        QSet<QString> venueScans;
        for (int r = 0; r < uids->count(); ++r)
            venueScans.insert(uids->text(r, 0));
        QCOMPARE(venueScans, QSet<QString>(localScans.begin(), localScans.end()));
        QCOMPARE(count(*conn, "SELECT count(*) FROM scan_log WHERE duplicate"), 4);
        QCOMPARE(count(*conn, "SELECT count(*) FROM kiosks"), 3);

        // A second round sends nothing again.
        for (int k = 0; k < 3; ++k) {
            const QJsonObject again = sync(k).json();
            QCOMPARE(again.value(u"state"_s).toString(), u"online"_s);
            QCOMPARE(again[u"pushed"_s][u"scans"_s].toInt(), 0);
            QCOMPARE(again[u"pushed"_s][u"attendance_live"_s].toInt()
                         + again[u"pushed"_s][u"attendance_duplicates"_s].toInt(),
                     0);
        }
        QCOMPARE(count(*conn, "SELECT count(*) FROM attendance"), qint64(localAttendance.size()));
    }

    void anAnnulledCheckInGivesTheSlotToTheEarliestOtherOne()
    {
        // Kiosk B held guest 3's slot (09:05); staff there annul it. The venue keeps the row, annulled, and C's
        // 09:12 check-in (earlier than A's 09:20) now counts.
        const QStringList uids = localColumn(m_kiosks.at(1), "SELECT a.uid FROM attendance a JOIN guest g "
                                                             "ON g.id = a.guest_id WHERE g.external_id = 'guest-4'");
        QCOMPARE(m_event->externalId(3), u"guest-4"_s);
        QCOMPARE(uids.size(), 1);
        const Run annul = ctl(m_kiosks.at(1), kioskId(1), {u"annul"_s, uids.first(), u"--reason"_s, u"mistake"_s});
        QVERIFY2(annul.exitCode == 0, qPrintable(annul.err));
        QCOMPARE(sync(1).json().value(u"annulments_sent"_s).toInt(), 1);
        QCOMPARE(sync(1).json().value(u"annulments_sent"_s).toInt(), 0);

        auto conn = venue();
        QVERIFY(conn);
        QCOMPARE(count(*conn, "SELECT count(*) FROM attendance WHERE duplicate_of IS NULL AND annulled_at IS NULL"), 6);
        QCOMPARE(count(*conn, "SELECT count(*) FROM attendance WHERE annulled_at IS NOT NULL"), 1);
        auto live = conn->exec("SELECT a.kiosk_id FROM attendance a JOIN guests g ON g.id = a.guest_id "
                               "WHERE g.external_id = $1 AND a.duplicate_of IS NULL AND a.annulled_at IS NULL",
                               {m_event->externalId(3)});
        QVERIFY(live);
        QCOMPARE(live->count(), 1);
        QCOMPARE(live->text(0, 0), u"kiosk-C"_s);
        QCOMPARE(count(*conn, "SELECT count(*) FROM attendance d JOIN attendance w ON w.uid = d.duplicate_of "
                              "WHERE w.duplicate_of IS NOT NULL OR w.annulled_at IS NOT NULL"),
                 0);
        // C's admitting scan is no longer a duplicate; A's still is.
        QCOMPARE(count(*conn, "SELECT count(*) FROM scan_log WHERE duplicate"), 3);
    }

    void attendanceAndTheReportCountEveryKiosksCheckInsWhenTheVenueIsConfigured()
    {
        // After the rounds above the venue holds guests 1–6 arrived on day 1 (at A, B and C); kiosk A's own file
        // has four of them.
        const QString day1 = m_event->event().firstDay.toString(Qt::ISODate);
        const Run venueWide = ctl(m_kiosks.at(0), kioskId(0),
                                  {u"attendance"_s, u"--day"_s, day1, u"--pg"_s, m_pg.conninfo()});
        QVERIFY2(venueWide.exitCode == 0, qPrintable(venueWide.err));
        QVERIFY2(venueWide.err.isEmpty(), qPrintable(venueWide.err));
        QJsonObject day = venueWide.json();
        QCOMPARE(day.value(u"source"_s).toString(), u"venue"_s);
        QCOMPARE(day.value(u"arrived"_s).toInt(), 6);
        QHash<QString, QString> kioskOf;
        for (const QJsonValue &who : day.value(u"who"_s).toArray())
            kioskOf.insert(who[u"guest"_s].toString(), who[u"kiosk"_s].toString());
        QCOMPARE(kioskOf.value(m_event->externalId(0)), u"kiosk-C"_s); // the earliest scan, not A's own
        QCOMPARE(kioskOf.value(m_event->externalId(4)), u"kiosk-B"_s);

        const Run local = ctl(m_kiosks.at(0), kioskId(0),
                              {u"attendance"_s, u"--day"_s, day1, u"--local"_s, u"--pg"_s, m_pg.conninfo()});
        QCOMPARE(local.json().value(u"source"_s).toString(), u"kiosk"_s);
        QCOMPARE(local.json().value(u"arrived"_s).toInt(), 4);

        // A check-in not sent yet counts at once (the venue-wide view adds this file's unsent rows).
        const QDateTime day2 = m_event->localTime(2, 9, 0);
        const Run scan = ctl(
            m_kiosks.at(0), kioskId(0),
            {u"checkin"_s, u"--payload"_s, m_event->token(1), u"--at"_s, day2.toString(Qt::ISODateWithMs)});
        QVERIFY2(scan.exitCode == 0, qPrintable(scan.err));
        const Run unsent = ctl(
            m_kiosks.at(0), kioskId(0),
            {u"attendance"_s, u"--day"_s, day2.date().toString(Qt::ISODate), u"--pg"_s, m_pg.conninfo()});
        QCOMPARE(unsent.json().value(u"source"_s).toString(), u"venue"_s);
        QCOMPARE(unsent.json().value(u"arrived"_s).toInt(), 1);

        // The sponsors' report says whose check-ins it counts.
        QTemporaryDir out;
        const Run report = ctl(m_kiosks.at(0), kioskId(0),
                               {u"report"_s, u"--out"_s, out.path(), u"--pg"_s, m_pg.conninfo()});
        QVERIFY2(report.exitCode == 0, qPrintable(report.err));
        QCOMPARE(report.json().value(u"source"_s).toString(), u"venue"_s);
        QFile csv(report.json().value(u"csv"_s).toString());
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QByteArray rows = csv.readAll();
        QCOMPARE(rows.count(",yes,"), 7); // six on day 1, one on day 2
        QVERIFY(rows.contains(",kiosk-C,"));

        // The venue database down: a warning, and this file's check-ins.
        QVERIFY(m_pg.halt());
        const Run down = ctl(m_kiosks.at(0), kioskId(0),
                             {u"attendance"_s, u"--day"_s, day1, u"--pg"_s, m_pg.conninfo()});
        QVERIFY2(m_pg.start(), qPrintable(m_pg.error()));
        QCOMPARE(down.exitCode, 0);
        QCOMPARE(down.json().value(u"source"_s).toString(), u"kiosk"_s);
        QCOMPARE(down.json().value(u"arrived"_s).toInt(), 4);
        QVERIFY2(down.err.contains(u"venue database could not be read"_s), qPrintable(down.err));
        QVERIFY2(!down.err.contains(m_pg.password()), "the password must never be printed");
        QVERIFY(sync(0).json().value(u"state"_s) == u"online"_s); // the day-2 check-in goes now
    }

    void aBadgePrintedAtTwoKiosksIsFlaggedNeverSettledSilently()
    {
        // Guest 0 was checked in at A and at C while both were offline: each queued a badge. Both print.
        for (int k : {0, 2}) {
            auto db = db::Database::open(m_kiosks.at(k));
            QVERIFY(db);
            auto guest = db::GuestStore(**db).byExternalId(m_event->event().id, m_event->externalId(0));
            QVERIFY(guest && *guest);
            db::PrintJobStore jobs(**db);
            const qint64 guestId = (*guest)->id;
            auto job = jobs.claimNext(
                [guestId](const db::PrintJobRecord &j) { return j.kind == u"badge" && j.guestId == guestId; });
            QVERIFY(job && *job);
            QVERIFY(jobs.markPrinted(**job));
        }
        QVERIFY(sync(0).json()[u"pushed"_s][u"print_jobs"_s].toInt() >= 1);
        const QJsonObject round = sync(2).json();
        QVERIFY(round[u"pushed"_s][u"print_jobs"_s].toInt() >= 1);
        // Every kiosk's round reports it, venue-wide (B never printed that badge).
        for (const QJsonObject &r : {round, sync(1).json()}) {
            const QJsonArray doubles = r[u"double_badges"_s].toArray();
            QCOMPARE(doubles.size(), 1);
            QCOMPARE(doubles[0][u"guest"_s].toString(), m_event->externalId(0));
            QCOMPARE(doubles[0][u"kiosks"_s].toArray(), QJsonArray({u"kiosk-A"_s, u"kiosk-C"_s}));
        }
        auto conn = venue();
        QVERIFY(conn);
        QCOMPARE(count(*conn, "SELECT count(*) FROM print_job_states WHERE state = 'printed'"), 2);
    }

    void aRevocationInTheVenueIsRefusedByEveryKioskAfterItsNextSync()
    {
        auto conn = venue();
        QVERIFY(conn);
        auto revoked = conn->exec("UPDATE invitations SET status = 'revoked', revoked_at = now() "
                                  "WHERE guest_id = (SELECT id FROM guests WHERE external_id = $1)",
                                  {m_event->externalId(kRevokedGuest)});
        QVERIFY(revoked);
        QCOMPARE(revoked->affected(), 1);
        conn.reset();

        // Kiosks A and B are online: their next round brings the revocation, then the invitation is refused.
        for (int k = 0; k < 2; ++k) {
            const Run r = sync(k);
            QCOMPARE(r.json().value(u"revocations_applied"_s).toInt(), 1);
            const Run scan = checkIn(k, kRevokedGuest, 40);
            QCOMPARE(scan.exitCode, 1);
            QCOMPARE(scan.json().value(u"outcome"_s).toString(), u"revoked"_s);
        }
        // Kiosk C is cut off: it still admits what it knows, then refuses the invitation as soon as it reconnects.
        QVERIFY(m_pg.halt());
        QCOMPARE(sync(2).json().value(u"state"_s).toString(), u"offline"_s);
        QVERIFY2(m_pg.start(), qPrintable(m_pg.error()));
        const Run back = sync(2);
        QCOMPARE(back.json().value(u"state"_s).toString(), u"online"_s);
        QCOMPARE(back.json().value(u"revocations_applied"_s).toInt(), 1);
        const Run scan = checkIn(2, kRevokedGuest, 41);
        QCOMPARE(scan.json().value(u"outcome"_s).toString(), u"revoked"_s);
        // The refusals went to the venue's scan log with the next round.
        QVERIFY(sync(0).exitCode == 0 && sync(1).exitCode == 0 && sync(2).exitCode == 0);
        conn = venue();
        QVERIFY(conn);
        QCOMPARE(count(*conn, "SELECT count(*) FROM scan_log WHERE outcome = 'revoked'"), 3);
    }

    void aRevocationMadeAtOneKioskIsRefusedByTheOthersAfterTheirNextSync()
    {
        const Run revoke = ctl(m_kiosks.at(0), kioskId(0),
                               {u"revoke"_s, m_event->externalId(5), u"--reason"_s, u"lost"_s});
        QVERIFY2(revoke.exitCode == 0, qPrintable(revoke.err));
        const Run sent = sync(0);
        QCOMPARE(sent.json().value(u"revocations_sent"_s).toInt(), 1);
        QCOMPARE(sync(0).json().value(u"revocations_sent"_s).toInt(), 0); // once is enough
        for (int k = 1; k < 3; ++k) {
            QCOMPARE(sync(k).json().value(u"revocations_applied"_s).toInt(), 1);
            const QDateTime dayTwo = m_event->localTime(2, 9, k);
            const Run scan = ctl(
                m_kiosks.at(k), kioskId(k),
                {u"checkin"_s, u"--payload"_s, m_event->token(5), u"--at"_s, dayTwo.toString(Qt::ISODateWithMs)});
            QCOMPARE(scan.json().value(u"outcome"_s).toString(), u"revoked"_s);
        }
        auto conn = venue();
        QVERIFY(conn);
        QCOMPARE(count(*conn, "SELECT count(*) FROM invitations WHERE status = 'revoked'"), 2);
    }

    void aLateRegistrationReachesTheKiosksWithTheirNextSync()
    {
        // The organiser registers a guest after the kiosks were set up, and pushes again.
        const int late = m_event->addGuest(u"Nguyễn Thị Minh Khai"_s, u"en"_s);
        QVERIFY(late >= 0);
        auto conn = venue();
        QVERIFY(conn);
        QVERIFY(venue::VenueEvents(*conn).push(m_event->db(), m_event->event()));
        const QDateTime dayTwo = m_event->localTime(2, 10, 0);
        const QStringList scanLate{u"checkin"_s, u"--payload"_s, m_event->token(late), u"--at"_s,
                                   dayTwo.toString(Qt::ISODateWithMs)};
        QCOMPARE(ctl(m_kiosks.at(1), kioskId(1), scanLate).json().value(u"outcome"_s).toString(), u"unknown"_s);
        const QJsonObject round = sync(1).json();
        QCOMPARE(round[u"pulled"_s][u"guests_added"_s].toInt(), 1);
        QCOMPARE(round[u"pulled"_s][u"invitations_added"_s].toInt(), 1);
        const Run welcome = ctl(m_kiosks.at(1), kioskId(1), scanLate);
        QVERIFY2(welcome.exitCode == 0, qPrintable(welcome.err + QString::fromUtf8(welcome.out)));
        QCOMPARE(welcome.json().value(u"name"_s).toString(), u"Nguyễn Thị Minh Khai"_s);
        // Pulled once: the next round brings nothing again.
        QCOMPARE(sync(1).json()[u"pulled"_s][u"guests_added"_s].toInt(), 0);
    }

    void programmeChangesReachTheKiosks()
    {
        db::AgendaStore organiser(m_event->db());
        db::AgendaItemRecord plenary;
        plenary.eventId = m_event->event().id;
        plenary.sourceId = u"pp:plenary-1"_s;
        plenary.title = u"Opening plenary"_s;
        plenary.kind = u"plenary"_s;
        plenary.room = u"Ballroom"_s;
        plenary.startsAt = m_event->localTime(2, 9, 0);
        plenary.endsAt = m_event->localTime(2, 10, 0);
        auto added = organiser.upsert(plenary);
        QVERIFY(added);
        auto guest = db::GuestStore(m_event->db()).byExternalId(m_event->event().id, m_event->externalId(1));
        QVERIFY(guest && *guest);
        QVERIFY(organiser.setAttendees(added->id, {(*guest)->id}));
        auto conn = venue();
        QVERIFY(conn);
        QVERIFY(venue::VenueEvents(*conn).push(m_event->db(), m_event->event()));

        QJsonObject round = sync(2).json();
        QCOMPARE(round[u"pulled"_s][u"sessions_changed"_s].toInt(), 1);
        QCOMPARE(round[u"pulled"_s][u"session_links_changed"_s].toInt(), 1);
        const char *roomAndLinks =
            "SELECT i.room || ':' || (SELECT count(*) FROM guest_agenda l "
            "WHERE l.agenda_item_id = i.id) FROM agenda_item i WHERE i.source_id = 'pp:plenary-1'";
        QCOMPARE(localColumn(m_kiosks.at(2), roomAndLinks), QStringList{u"Ballroom:1"_s});

        // The organiser moves it and takes the guest off it.
        plenary.room = u"Hall B"_s;
        QVERIFY(organiser.upsert(plenary));
        QVERIFY(organiser.setAttendees(added->id, {}));
        QVERIFY(venue::VenueEvents(*conn).push(m_event->db(), m_event->event()));
        round = sync(2).json();
        QCOMPARE(round[u"pulled"_s][u"sessions_changed"_s].toInt(), 1);
        QCOMPARE(round[u"pulled"_s][u"session_links_changed"_s].toInt(), 1);
        QCOMPARE(localColumn(m_kiosks.at(2), roomAndLinks), QStringList{u"Hall B:0"_s});
    }

    void killingSyncMidPushLosesAndDuplicatesNothing()
    {
        // A fourth kiosk with a long backlog: thousands of scan log rows (a busy day of scans offline).
        const QString path = m_event->dirPath() + u"/kiosk-D.sqlite"_s;
        QVERIFY(m_event->db().backupTo(path));
        constexpr int kScans = 12000;
        {
            auto db = db::Database::open(path);
            QVERIFY(db);
            db::Transaction tx(**db);
            QVERIFY(tx.begin());
            db::AttendanceStore store(**db);
            for (int i = 0; i < kScans; ++i) {
                db::ScanLogRecord scan;
                scan.uid = db::newUid();
                scan.kioskId = u"kiosk-D"_s;
                scan.scannedAt = m_event->localTime(2, 8, 0).addMSecs(i * 1000).toString(Qt::ISODateWithMs);
                scan.source = u"scanner"_s;
                scan.outcome = u"unreadable"_s;
                scan.eventId = m_event->event().id;
                scan.detail = u"{\"n\":%1}"_s.arg(i);
                QVERIFY(store.appendScan(scan));
            }
            QVERIFY(tx.commit());
        }
        auto conn = venue();
        QVERIFY(conn);
        const auto venueRows = [&] { return count(*conn, "SELECT count(*) FROM scan_log WHERE kiosk_id = 'kiosk-D'"); };

        QProcess p;
        p.start(QStringLiteral(CHECKIN_BINARY_DIR "/kiosk/checkinctl"),
                {u"--db"_s, path, u"--kiosk"_s, u"kiosk-D"_s, u"sync"_s, u"--interval"_s, u"60"_s, u"--pg"_s,
                 m_pg.conninfo()});
        QVERIFY(p.waitForStarted());
        // Kill it as soon as the venue has part of the backlog (or all of it, on a fast machine: then the rerun
        // proves the repeated batch changes nothing).
        QTRY_VERIFY_WITH_TIMEOUT(venueRows() > 0, 60000);
        ::kill(pid_t(p.processId()), SIGKILL);
        QVERIFY(p.waitForFinished());
        const qint64 atKill = venueRows();
        QVERIFY(atKill > 0 && atKill <= kScans);

        const Run rerun = ctl(path, u"kiosk-D"_s, {u"sync"_s, u"--once"_s, u"--pg"_s, m_pg.conninfo()});
        QVERIFY2(rerun.exitCode == 0, qPrintable(rerun.err));
        QCOMPARE(rerun.json().value(u"waiting"_s).toInt(), 0);
        QCOMPARE(venueRows(), qint64(kScans));
        QCOMPARE(count(*conn, "SELECT count(DISTINCT detail) FROM scan_log WHERE kiosk_id = 'kiosk-D'"),
                 qint64(kScans));
        auto marks = [&] {
            auto db = db::Database::open(path);
            return db ? db::VenueOutboxStore(**db).waiting(m_event->event().id, *db::VenueOutboxStore(**db).marks())
                      : db::DbResult<qint64>(std::unexpected(db.error()));
        }();
        QVERIFY(marks);
        QCOMPARE(*marks, 0);
    }
};

QTEST_GUILESS_MAIN(TestVenueSync)
#include "tst_venuesync.moc"
