// The staff dashboard of a kiosk with a venue database shows every kiosk's arrivals (the venue-wide view), counts its
// own check-ins not sent yet, lets staff annul only what this kiosk recorded, and falls back to its own file (saying
// so) while the venue database cannot be read; the guests' lookup never reads the venue database. The real
// GuestDirectory thread and StaffDashboard on real SQLite files and a real PostgreSQL cluster.
#include "tests/support/testevent.h"
#include "tests/venue/pgtestenv.h"

#include "db/venue/venueconnection.h"
#include "db/venue/venueevents.h"
#include "db/venue/venueschema.h"
#include "kiosk/app/guestdirectory.h"
#include "kiosk/app/kiosksync.h"
#include "kiosk/app/staffdashboard.h"
#include "kiosk/checkin/checkinservice.h"
#include "kiosk/venue/venuesync.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace checkin;

class TestVenueDashboard : public QObject
{
    Q_OBJECT

private:
    test::PgTestEnv m_pg;
    std::unique_ptr<test::TestEvent> m_event;
    QString m_kioskA; // the kiosk whose dashboard staff look at
    QString m_kioskB; // another kiosk at the venue
    QTemporaryDir m_reports;

    // Guest i's row in the dashboard's guest list (the list holds every guest: empty query, filter "all").
    static QVariantMap rowOf(StaffDashboard &dashboard, const QString &externalId)
    {
        GuestListModel *model = dashboard.guests();
        const QHash<int, QByteArray> roles = model->roleNames();
        for (int r = 0; r < model->rowCount(); ++r) {
            QVariantMap row;
            for (auto it = roles.cbegin(); it != roles.cend(); ++it)
                row.insert(QString::fromLatin1(it.value()), model->data(model->index(r), it.key()));
            if (row.value(u"externalId"_s).toString() == externalId)
                return row;
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::TestEvent::Options options;
        options.guests = 6;
        m_event = std::make_unique<test::TestEvent>(options);
        QVERIFY2(m_event->isValid(), qPrintable(m_event->error()));
        if (!m_pg.start()) {
            if (m_pg.notInstalled())
                QSKIP("PostgreSQL is not installed (apt-get install postgresql): venue dashboard tests skipped");
            QFAIL(qPrintable(m_pg.error()));
        }
        auto conn = venue::VenueConnection::open(m_pg.conninfo());
        QVERIFY(conn);
        QVERIFY(venue::VenueSchema::migrate(**conn));
        QVERIFY(venue::VenueEvents(**conn).push(m_event->db(), m_event->event()));
        m_kioskA = m_event->dirPath() + u"/kiosk-a.sqlite"_s;
        m_kioskB = m_event->dirPath() + u"/kiosk-b.sqlite"_s;
        QVERIFY(m_event->db().backupTo(m_kioskA));
        QVERIFY(m_event->db().backupTo(m_kioskB));

        // Kiosk B checks in guests 0 and 1 on day 1 and syncs; kiosk A checks in guest 2 and has not synced yet.
        for (const auto &[path, kiosk, guests] : {std::tuple{m_kioskB, u"kiosk-B"_s, QList<int>{0, 1}},
                                                  std::tuple{m_kioskA, u"kiosk-A"_s, QList<int>{2}}}) {
            auto db = db::Database::open(path);
            QVERIFY(db);
            CheckInService service(**db, m_event->event(), kiosk);
            for (int g : guests)
                QVERIFY(service.checkIn(m_event->token(g), m_event->localTime(1, 9, 10 + g)).admitted());
        }
        auto db = db::Database::open(m_kioskB);
        QVERIFY(db);
        VenueSync sync(**db, m_event->event(), u"kiosk-B"_s, m_pg.conninfo());
        QVERIFY(sync.syncOnce().online);
    }
    void cleanupTestCase() { m_pg.stop(); }

    void theDashboardShowsEveryKiosksArrivalsAndItsOwnUnsentOnes()
    {
        GuestDirectory directory(m_kioskA, m_event->event(), u"kiosk-A"_s);
        directory.setClock([this] { return m_event->localTime(1, 10, 0); });
        directory.setVenueDatabase(m_pg.conninfo());
        StaffDashboard dashboard(directory, m_reports.path(), u"staff@kiosk-A"_s);
        dashboard.setRefreshInterval(600000); // only the refreshes this test asks for
        dashboard.setActive(true);
        QTRY_VERIFY_WITH_TIMEOUT(dashboard.isLoaded() && dashboard.guests()->rowCount() == 6, 20000);

        QVERIFY2(dashboard.venueWide(), qPrintable(dashboard.venueReadError()));
        QCOMPARE(dashboard.arrivedToday(), 3); // two at kiosk B, one here (not sent yet)
        QCOMPARE(dashboard.expectedToday(), 6);
        QCOMPARE(dashboard.days()->at(0).value<StaffDay>().arrived, 3);

        // Guest 0 arrived at kiosk B: shown as arrived, with the kiosk; annulled there, not here.
        const QVariantMap other = rowOf(dashboard, m_event->externalId(0));
        QVERIFY(other.value(u"arrived"_s).toBool());
        dashboard.select(other.value(u"guestId"_s).toLongLong());
        QCOMPARE(dashboard.selected().arrivedKiosk, u"kiosk-B"_s);
        QCOMPARE(dashboard.selected().annulHere, false);
        const QVariantMap own = rowOf(dashboard, m_event->externalId(2));
        dashboard.select(own.value(u"guestId"_s).toLongLong());
        QCOMPARE(dashboard.selected().arrivedKiosk, u"kiosk-A"_s);
        QCOMPARE(dashboard.selected().annulHere, true);

        // "Arrived today" lists the three, venue-wide.
        dashboard.setFilter(u"arrived"_s);
        QTRY_COMPARE_WITH_TIMEOUT(dashboard.guests()->rowCount(), 3, 20000);
        dashboard.setFilter(u"all"_s);
        QTRY_COMPARE_WITH_TIMEOUT(dashboard.guests()->rowCount(), 6, 20000);

        // The server restarts between two refreshes: the connection the dashboard kept is dead, and the next
        // refresh connects again rather than falling back to this kiosk's file.
        QVERIFY(m_pg.halt());
        QVERIFY2(m_pg.start(), qPrintable(m_pg.error()));
        QSignalSpy snapshots(&dashboard, &StaffDashboard::snapshotChanged);
        dashboard.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!snapshots.isEmpty(), 20000);
        QVERIFY2(dashboard.venueWide(), qPrintable(dashboard.venueReadError()));
        QCOMPARE(dashboard.arrivedToday(), 3);

        // Annulling another kiosk's check-in is refused here too, not only by the disabled button.
        dashboard.select(other.value(u"guestId"_s).toLongLong());
        dashboard.annulToday(u"mistake"_s);
        QVERIFY(!dashboard.isBusy());

        // The venue database goes down: this kiosk's own arrivals, and the reason on screen.
        QVERIFY(m_pg.halt());
        snapshots.clear();
        dashboard.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!snapshots.isEmpty(), 20000);
        QVERIFY2(m_pg.start(), qPrintable(m_pg.error()));
        QVERIFY(!dashboard.venueWide());
        QVERIFY(!dashboard.venueReadError().isEmpty());
        QVERIFY2(!dashboard.venueReadError().contains(m_pg.password()), "the password must never be shown");
        QCOMPARE(dashboard.arrivedToday(), 1);
        QCOMPARE(dashboard.error(), QString()); // the figures are there, only narrower
    }

    void theGuestsLookupNeverWaitsOnTheVenueDatabase()
    {
        // A "venue database" that accepts connections and never answers: every connection to it is seen here.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        int connections = 0;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *socket = silent.nextPendingConnection()) {
                ++connections;
                socket->setParent(&silent);
            }
        });
        GuestDirectory directory(m_kioskA, m_event->event(), u"kiosk-A"_s);
        directory.setClock([this] { return m_event->localTime(1, 10, 0); });
        directory.setVenueDatabase(
            u"host=127.0.0.1 port=%1 dbname=venue user=checkin connect_timeout=2"_s.arg(silent.serverPort()));
        QSignalSpy answers(&directory, &GuestDirectory::searchReady);

        // A guest looking for their name: answered from the kiosk's file, the venue database never asked.
        directory.search(u"Guest"_s, u"all"_s, 10, DirectoryAudience::Guest);
        QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 1, 20000);
        QCOMPARE(answers.first().at(1).value<QList<DirectoryGuest>>().size(), 6);
        QCOMPARE(connections, 0);

        // Staff searching do ask it (and, as it never answers, get this kiosk's arrivals after the timeout).
        directory.search(u"Guest"_s, u"all"_s, 10, DirectoryAudience::Staff);
        QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 2, 20000);
        QCOMPARE(answers.last().at(1).value<QList<DirectoryGuest>>().size(), 6);
        QVERIFY(connections >= 1);
    }

    void aRevocationOnTheDashboardIsSentAtOnceNotAtTheNextRound()
    {
        // Wired as in the kiosk app; the loop's interval is a minute, so only the dashboard's nudge can send it.
        GuestDirectory directory(m_kioskA, m_event->event(), u"kiosk-A"_s);
        directory.setClock([this] { return m_event->localTime(1, 10, 0); });
        StaffDashboard dashboard(directory, m_reports.path(), u"staff@kiosk-A"_s);
        KioskSync sync(m_kioskA, m_event->event(), u"kiosk-A"_s, m_pg.conninfo(), std::chrono::minutes(1));
        connect(&dashboard, &StaffDashboard::correctionRecorded, &sync, &KioskSync::syncSoon);
        sync.start();
        QTRY_VERIFY_WITH_TIMEOUT(sync.rounds() == 1, 20000);
        QVERIFY2(sync.isOnline(), qPrintable(sync.error()));

        dashboard.setActive(true);
        QTRY_COMPARE_WITH_TIMEOUT(dashboard.guests()->rowCount(), 6, 20000);
        const QString externalId = m_event->externalId(5);
        dashboard.select(rowOf(dashboard, externalId).value(u"guestId"_s).toLongLong());
        QSignalSpy corrections(&dashboard, &StaffDashboard::correctionRecorded);
        dashboard.revoke();
        QTRY_COMPARE_WITH_TIMEOUT(corrections.size(), 1, 20000);
        QVERIFY2(!dashboard.messageIsError(), qPrintable(dashboard.message()));

        const auto revokedInVenue = [&] {
            auto conn = venue::VenueConnection::open(m_pg.conninfo());
            if (!conn)
                return false;
            auto rows = (*conn)->exec("SELECT count(*) FROM invitations i JOIN guests g ON g.id = i.guest_id "
                                      "WHERE g.external_id = $1 AND i.status = 'revoked'",
                                      {externalId});
            return rows && rows->int64(0, 0) == 1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(revokedInVenue(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(sync.rounds(), 2, 20000); // the nudged round, long before the next timed one
    }
};

QTEST_GUILESS_MAIN(TestVenueDashboard)
#include "tst_venuedashboard.moc"
