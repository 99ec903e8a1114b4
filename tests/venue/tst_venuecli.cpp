// An organiser sets up the venue database with checkinctl alone: the real binary, a real event database and a real
// PostgreSQL cluster (scripts/pg-test-env.sh). Each step checks the CLI contract (one JSON line, exit status, the
// sentence on standard error).
#include "tests/support/programrun.h"
#include "tests/support/testevent.h"
#include "tests/venue/pgtestenv.h"

#include "db/staffactionstore.h"
#include "db/venue/venueconnection.h"
#include "db/venue/venueschema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace checkin;

namespace {

using Run = test::ProgramRun;

} // namespace

class TestVenueCli : public QObject
{
    Q_OBJECT

private:
    test::PgTestEnv m_pg;
    std::unique_ptr<test::TestEvent> m_event;

    Run ctl(const QStringList &args, const QString &venueEnv = {})
    {
        return test::runCheckinctl(m_event->dbPath(), u"test-kiosk"_s, args, venueEnv);
    }
    Run venue(const QString &command, const QStringList &more = {})
    {
        return ctl(QStringList{u"venue"_s, command, u"--pg"_s, m_pg.conninfo()} + more);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_event = std::make_unique<test::TestEvent>();
        QVERIFY2(m_event->isValid(), qPrintable(m_event->error()));
        QVERIFY(m_event->addGuest(u"Ольга Смирнова"_s, u"ru"_s) >= 0);
        if (!m_pg.start()) {
            if (m_pg.notInstalled())
                QSKIP("PostgreSQL is not installed (apt-get install postgresql): venue CLI tests skipped");
            QFAIL(qPrintable(m_pg.error()));
        }
    }
    void cleanupTestCase() { m_pg.stop(); }

    void helpExplainsTheVenueCommands()
    {
        const Run help = ctl({u"help"_s, u"venue"_s});
        QCOMPARE(help.exitCode, 0);
        for (const char *part : {"venue init --pg CONNINFO", "venue push", "venue status", "CHECKIN_VENUE_PG"})
            QVERIFY2(help.out.contains(part), part);
        QVERIFY(ctl({u"--help"_s}).out.contains("venue push --pg CONNINFO"));
    }

    void withoutConnectionSettingsItSaysWhereToGiveThem()
    {
        const Run r = ctl({u"venue"_s, u"status"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"--pg"_s) && r.err.contains(u"CHECKIN_VENUE_PG"_s), qPrintable(r.err));
        QCOMPARE(r.out, QByteArray());
    }

    void initTwiceCreatesTheSchemaOnceAndSaysWhichVersion()
    {
        const Run first = venue(u"init"_s);
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QCOMPARE(first.lines().size(), 1);
        QCOMPARE(first.json().value(u"created"_s).toBool(), true);
        QCOMPARE(first.json().value(u"previous_version"_s).toInt(), 0);
        QCOMPARE(first.json().value(u"schema_version"_s).toInt(), venue::VenueSchema::latestVersion());
        QVERIFY(first.json()
                    .value(u"message"_s)
                    .toString()
                    .startsWith(u"Created the venue schema, version %1"_s.arg(venue::VenueSchema::latestVersion())));

        const Run second = venue(u"init"_s);
        QCOMPARE(second.exitCode, 0);
        QCOMPARE(second.json().value(u"created"_s).toBool(), false);
        QCOMPARE(second.json().value(u"previous_version"_s).toInt(), venue::VenueSchema::latestVersion());
        QCOMPARE(second.json().value(u"schema_version"_s).toInt(), venue::VenueSchema::latestVersion());
        QVERIFY(second.json()
                    .value(u"message"_s)
                    .toString()
                    .contains(u"already at version %1"_s.arg(venue::VenueSchema::latestVersion())));
    }

    void pushTwiceChangesNothingTheSecondTime()
    {
        const int guests = m_event->guestCount();
        const Run first = venue(u"push"_s);
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QCOMPARE(first.json().value(u"event"_s).toInt(), 122);
        QCOMPARE(first.json().value(u"event_row"_s).toString(), u"inserted"_s);
        QCOMPARE(first.json()[u"guests"_s][u"inserted"_s].toInt(), guests);
        QCOMPARE(first.json()[u"invitations"_s][u"inserted"_s].toInt(), guests);

        const Run second = venue(u"push"_s, {u"--event"_s, u"122"_s});
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QCOMPARE(second.json().value(u"event_row"_s).toString(), u"unchanged"_s);
        for (const QString &table : {u"guests"_s, u"invitations"_s}) {
            QCOMPARE(second.json()[table][u"unchanged"_s].toInt(), guests);
            QCOMPARE(second.json()[table][u"inserted"_s].toInt(), 0);
            QCOMPARE(second.json()[table][u"updated"_s].toInt(), 0);
        }

        // Each push is in the organiser's staff action log, with where it went but never the password.
        auto actions = db::StaffActionStore(m_event->db()).forEvent(m_event->event().id);
        QVERIFY(actions);
        int pushes = 0;
        for (const db::StaffActionRecord &a : *actions) {
            if (a.action != u"venue-push")
                continue;
            ++pushes;
            QVERIFY2(a.detail.contains(u"127.0.0.1:"_s + m_pg.port()), qPrintable(a.detail));
            QVERIFY(!a.detail.contains(m_pg.password()));
        }
        QCOMPARE(pushes, 2);

        // The connection string may come from the environment instead (no password in the process list).
        const Run status = ctl({u"venue"_s, u"status"_s}, m_pg.conninfo());
        QVERIFY2(status.exitCode == 0, qPrintable(status.err));
        QCOMPARE(status.json().value(u"schema_version"_s).toInt(), venue::VenueSchema::latestVersion());
        const QJsonArray events = status.json().value(u"events"_s).toArray();
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.at(0)[u"number"_s].toInt(), 122);
        QCOMPARE(events.at(0)[u"guests"_s].toInt(), guests);
        QCOMPARE(events.at(0)[u"revoked"_s].toInt(), 0);
    }

    void aRevocationPushedAgainShowsAsRevokedInTheVenueDatabase()
    {
        const Run revoke = ctl({u"revoke"_s, m_event->externalId(1), u"--reason"_s, u"lost"_s});
        QVERIFY2(revoke.exitCode == 0, qPrintable(revoke.err));
        const Run pushed = venue(u"push"_s);
        QVERIFY2(pushed.exitCode == 0, qPrintable(pushed.err));
        QCOMPARE(pushed.json()[u"invitations"_s][u"revoked"_s].toInt(), 1);
        QCOMPARE(pushed.json()[u"invitations"_s][u"updated"_s].toInt(), 1);
        const Run status = venue(u"status"_s);
        QCOMPARE(status.json()[u"events"_s][0][u"revoked"_s].toInt(), 1);

        auto conn = venue::VenueConnection::open(m_pg.conninfo());
        QVERIFY(conn);
        auto rows = (*conn)->exec("SELECT i.status, i.revoked_at IS NOT NULL FROM invitations i "
                                  "JOIN guests g ON g.id = i.guest_id WHERE g.external_id = $1",
                                  {m_event->externalId(1)});
        QVERIFY(rows && rows->count() == 1);
        QCOMPARE(rows->text(0, 0), u"revoked"_s);
        QVERIFY(rows->boolean(0, 1));
    }

    void aSchemaNewerThanThisProgramIsRefusedWithExitStatus2()
    {
        const QString conninfo = m_pg.createDatabase(u"newer"_s);
        QVERIFY2(!conninfo.isEmpty(), qPrintable(m_pg.error()));
        QCOMPARE(ctl({u"venue"_s, u"init"_s, u"--pg"_s, conninfo}).exitCode, 0);
        auto conn = venue::VenueConnection::open(conninfo);
        QVERIFY(conn);
        QVERIFY((*conn)->exec("INSERT INTO venue_schema_version (version) VALUES (99)"));
        for (const QString &command : {u"init"_s, u"push"_s, u"status"_s}) {
            const Run r = ctl({u"venue"_s, command, u"--pg"_s, conninfo});
            QCOMPARE(r.exitCode, 2);
            QCOMPARE(r.out, QByteArray());
            QVERIFY2(r.err.contains(u"schema version 99, newer than this program knows (%1)"_s.arg(
                         venue::VenueSchema::latestVersion())),
                     qPrintable(r.err));
        }
    }

    // Last: it stops the server.
    void aStoppedServerIsASystemErrorWithASentence()
    {
        QVERIFY2(m_pg.halt(), qPrintable(m_pg.error()));
        for (const QString &command : {u"push"_s, u"status"_s, u"init"_s}) {
            const Run r = venue(command);
            QCOMPARE(r.exitCode, 2);
            QCOMPARE(r.out, QByteArray());
            QVERIFY2(r.err.contains(u"The venue database server at 127.0.0.1:%1 is not answering"_s.arg(m_pg.port())),
                     qPrintable(r.err));
            QVERIFY(!r.err.contains(m_pg.password()));
        }
        // The kiosk's own database is untouched and still works offline.
        QCOMPARE(ctl({u"event"_s, u"list"_s}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestVenueCli)
#include "tst_venuecli.moc"
