// The kiosk app's venue sync thread (KioskSync): a check-in committed locally reaches the venue database without
// the caller waiting, the state says online / offline and how many records wait, and a revocation made in the venue
// database is applied on the kiosk by the loop alone. Real SQLite file, real PostgreSQL cluster.
#include "tests/support/testevent.h"
#include "tests/venue/pgtestenv.h"

#include "db/gueststore.h"
#include "db/venue/venueconnection.h"
#include "db/venue/venueevents.h"
#include "db/venue/venueschema.h"
#include "kiosk/app/kiosksync.h"
#include "kiosk/checkin/checkinservice.h"
#include "kiosk/venue/venuesync.h"

#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace checkin;

class TestKioskSync : public QObject
{
    Q_OBJECT

private:
    test::PgTestEnv m_pg;
    std::unique_ptr<test::TestEvent> m_event;

    qint64 venueCount(const char *sql)
    {
        auto conn = venue::VenueConnection::open(m_pg.conninfo());
        if (!conn)
            return -1;
        auto rows = (*conn)->exec(sql);
        return rows ? rows->int64(0, 0) : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_event = std::make_unique<test::TestEvent>();
        QVERIFY2(m_event->isValid(), qPrintable(m_event->error()));
        if (!m_pg.start()) {
            if (m_pg.notInstalled())
                QSKIP("PostgreSQL is not installed (apt-get install postgresql): kiosk sync tests skipped");
            QFAIL(qPrintable(m_pg.error()));
        }
        auto conn = venue::VenueConnection::open(m_pg.conninfo());
        QVERIFY(conn);
        QVERIFY(venue::VenueSchema::migrate(**conn));
        QVERIFY(venue::VenueEvents(**conn).push(m_event->db(), m_event->event()));
    }
    void cleanupTestCase() { m_pg.stop(); }

    void theLoopSendsCheckInsShowsItsStateAndAppliesRevocations()
    {
        KioskSync sync(m_event->dbPath(), m_event->event(), u"kiosk-loop"_s, m_pg.conninfo(),
                       std::chrono::milliseconds(200));
        QSignalSpy states(&sync, &KioskSync::stateChanged);
        QSignalSpy doubles(&sync, &KioskSync::doubleBadgesChanged);
        sync.start();
        QTRY_VERIFY_WITH_TIMEOUT(sync.rounds() > 0, 20000);
        QVERIFY2(sync.isOnline(), qPrintable(sync.error()));
        QVERIFY(sync.lastSync().isValid());

        // A check-in commits locally; the loop takes it to the venue database.
        CheckInService service(m_event->db(), m_event->event(), u"kiosk-loop"_s);
        QVERIFY(service.checkIn(m_event->token(0), m_event->localTime(1, 9, 0)).admitted());
        QTRY_COMPARE_WITH_TIMEOUT(venueCount("SELECT count(*) FROM attendance WHERE kiosk_id = 'kiosk-loop'"),
                                  qint64(1), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(sync.waiting(), qint64(0), 20000);

        // The server goes away: the kiosk says so and counts what waits; check-ins go on locally.
        QVERIFY(m_pg.halt());
        QTRY_VERIFY_WITH_TIMEOUT(!sync.isOnline(), 30000);
        QVERIFY(!sync.error().isEmpty());
        QVERIFY(service.checkIn(m_event->token(1), m_event->localTime(1, 9, 5)).admitted());
        QTRY_VERIFY_WITH_TIMEOUT(sync.waiting() >= 2, 30000); // the attendance row and its scan

        // It comes back, with a revocation made there meanwhile: the loop sends and applies without being asked.
        QVERIFY2(m_pg.start(), qPrintable(m_pg.error()));
        {
            auto conn = venue::VenueConnection::open(m_pg.conninfo());
            QVERIFY(conn);
            QVERIFY((*conn)->exec("UPDATE invitations SET status = 'revoked', revoked_at = now() "
                                  "WHERE guest_id = (SELECT id FROM guests WHERE external_id = $1)",
                                  {m_event->externalId(2)}));
        }
        QTRY_VERIFY_WITH_TIMEOUT(sync.isOnline(), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(sync.waiting(), qint64(0), 20000);
        QCOMPARE(venueCount("SELECT count(*) FROM attendance WHERE kiosk_id = 'kiosk-loop'"), qint64(2));
        db::GuestStore guests(m_event->db());
        QTRY_COMPARE_WITH_TIMEOUT(guests.revokedGuests(m_event->event().id).value_or(QSet<qint64>{}).size(), 1, 20000);
        QCOMPARE(service.checkIn(m_event->token(2), m_event->localTime(1, 9, 10)).kind, OutcomeKind::Revoked);
        QVERIFY(states.count() >= 3);
        QVERIFY(!doubles.isEmpty());
        QCOMPARE(doubles.last().at(0).toList().size(), 0); // one kiosk: no badge printed twice
    }

    void theFirstRoundAfterAServerRestartReconnectsAtOnce()
    {
        // The connection kept from the last round died with the server; the round finds that out on its first
        // statement and connects again within the same round instead of failing one interval.
        VenueSync sync(m_event->db(), m_event->event(), u"kiosk-restart"_s, m_pg.conninfo());
        const VenueSyncRound before = sync.syncOnce();
        QVERIFY2(before.online, qPrintable(before.error));
        QVERIFY(m_pg.halt());
        QVERIFY2(m_pg.start(), qPrintable(m_pg.error()));
        const VenueSyncRound after = sync.syncOnce();
        QVERIFY2(after.online, qPrintable(after.error));
        QCOMPARE(after.waiting, qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestKioskSync)
#include "tst_kiosksync.moc"
