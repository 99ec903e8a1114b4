// The venue database library on a real PostgreSQL cluster (scripts/pg-test-env.sh): connection errors as sentences,
// the versioned schema, and pushing an event from a real SQLite event database.
#include "tests/support/testevent.h"
#include "tests/venue/pgtestenv.h"

#include "db/agendastore.h"
#include "db/gueststore.h"
#include "db/venue/venueconnection.h"
#include "db/venue/venueevents.h"
#include "db/venue/venueschema.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace checkin;
using namespace checkin::venue;

class TestVenueDatabase : public QObject
{
    Q_OBJECT

private:
    test::PgTestEnv m_pg;

    // A fresh database in the cluster with the schema made, and a connection to it.
    std::unique_ptr<VenueConnection> freshVenue(const QString &name, bool migrate = true)
    {
        const QString conninfo = m_pg.createDatabase(name);
        if (conninfo.isEmpty()) {
            qWarning("%s", qPrintable(m_pg.error()));
            return {};
        }
        auto conn = VenueConnection::open(conninfo);
        if (!conn) {
            qWarning("%s", qPrintable(conn.error().message));
            return {};
        }
        if (migrate && !VenueSchema::migrate(**conn))
            return {};
        return std::move(*conn);
    }

    static QString one(VenueConnection &conn, const char *sql, const QList<VenueParam> &params = {})
    {
        auto rows = conn.exec(sql, params);
        if (!rows || rows->count() == 0)
            return u"<none>"_s;
        return rows->isNull(0, 0) ? u"<null>"_s : rows->text(0, 0);
    }

    // A process that exists and has not exited (a zombie waiting for its parent to reap it has).
    static bool isRunning(const QByteArray &pid)
    {
        QFile stat(u"/proc/"_s + QString::fromLatin1(pid) + u"/stat"_s);
        if (!stat.open(QIODevice::ReadOnly))
            return false;
        const QByteArray line = stat.readAll();
        const qsizetype close = line.lastIndexOf(')');
        return close > 0 && line.mid(close + 2, 1) != "Z";
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!m_pg.start()) {
            if (m_pg.notInstalled())
                QSKIP("PostgreSQL is not installed (apt-get install postgresql): venue database tests skipped");
            QFAIL(qPrintable(m_pg.error()));
        }
    }
    void cleanupTestCase() { m_pg.stop(); }

    void migratingTwiceCreatesTheSchemaOnceAndRecordsItsVersion()
    {
        auto conn = freshVenue(u"migrate_twice"_s, false);
        QVERIFY(conn);
        QCOMPARE(*VenueSchema::currentVersion(*conn), 0);
        auto first = VenueSchema::migrate(*conn);
        QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
        QCOMPARE(first->before, 0);
        QCOMPARE(first->after, VenueSchema::latestVersion());
        auto second = VenueSchema::migrate(*conn);
        QVERIFY(second);
        QCOMPARE(second->before, VenueSchema::latestVersion());
        QCOMPARE(second->after, VenueSchema::latestVersion());
        QCOMPARE(one(*conn, "SELECT count(*) FROM venue_schema_version"),
                 QString::number(VenueSchema::latestVersion()));
        QCOMPARE(*VenueSchema::check(*conn), VenueSchema::latestVersion());
    }

    void aDatabaseWithoutTheSchemaIsRefusedWithTheCommandToRun()
    {
        auto conn = freshVenue(u"no_schema"_s, false);
        QVERIFY(conn);
        auto version = VenueSchema::check(*conn);
        QVERIFY(!version);
        QCOMPARE(version.error().kind, VenueError::Kind::NotInitialised);
        QVERIFY2(version.error().message.contains(u"checkinctl venue init"_s), qPrintable(version.error().message));
    }

    void aSchemaNewerThanThisProgramIsRefusedAndLeftUntouched()
    {
        auto conn = freshVenue(u"too_new"_s);
        QVERIFY(conn);
        const int newer = VenueSchema::latestVersion() + 1;
        QVERIFY(conn->exec("INSERT INTO venue_schema_version (version) VALUES ($1)", {newer}));
        auto checked = VenueSchema::check(*conn);
        QVERIFY(!checked);
        QCOMPARE(checked.error().kind, VenueError::Kind::SchemaTooNew);
        QVERIFY2(checked.error().message.contains(u"newer than this program knows"_s),
                 qPrintable(checked.error().message));
        QVERIFY(checked.error().message.contains(u"Update ietf-checkin"_s));
        auto migrated = VenueSchema::migrate(*conn);
        QVERIFY(!migrated);
        QCOMPARE(migrated.error().kind, VenueError::Kind::SchemaTooNew);
        QCOMPARE(one(*conn, "SELECT max(version) FROM venue_schema_version"), QString::number(newer));
    }

    void connectionProblemsAreToldApart()
    {
        const QString port = m_pg.port();
        const QString base = u"host=127.0.0.1 port=%1 user=checkin "_s.arg(port);

        auto wrongPassword = VenueConnection::open(base + u"password=wrong dbname=venue"_s);
        QVERIFY(!wrongPassword);
        QCOMPARE(wrongPassword.error().kind, VenueError::Kind::AuthFailed);
        QVERIFY2(wrongPassword.error().message.contains(u"refused the login of user \"checkin\""_s),
                 qPrintable(wrongPassword.error().message));
        QVERIFY(!wrongPassword.error().message.contains(u"wrong"_s)); // never repeats the password

        auto noDatabase = VenueConnection::open(base + u"password=%1 dbname=no_such_db"_s.arg(m_pg.password()));
        QVERIFY(!noDatabase);
        QCOMPARE(noDatabase.error().kind, VenueError::Kind::NoDatabase);
        QVERIFY(noDatabase.error().message.contains(u"createdb no_such_db"_s));

        auto badSettings = VenueConnection::open(u"hots=127.0.0.1"_s);
        QVERIFY(!badSettings);
        QCOMPARE(badSettings.error().kind, VenueError::Kind::BadSettings);
    }

    void pushingTheSameEventTwiceChangesNothingTheSecondTime()
    {
        auto conn = freshVenue(u"push_twice"_s);
        QVERIFY(conn);
        test::TestEvent event;
        QVERIFY2(event.isValid(), qPrintable(event.error()));
        for (const QString &name : {u"Nguyễn Thị Minh Khai"_s, u"Ольга Смирнова"_s, u"山田太郎"_s, u"ليلى حسن"_s,
                                    u"สมชาย ใจดี"_s, QString(90, u'W'), u"O'Brien \"Ни\", {1}\\ NULL"_s})
            QVERIFY(event.addGuest(name) >= 0);
        db::AgendaStore agenda(event.db());
        db::AgendaItemRecord item;
        item.eventId = event.event().id;
        item.sourceId = u"pp:opening"_s;
        item.title = u"Opening briefing"_s;
        item.startsAt = event.localTime(1, 9, 0);
        item.endsAt = event.localTime(1, 10, 0);
        auto stored = agenda.upsert(item);
        QVERIFY(stored);
        auto g1 = db::GuestStore(event.db()).byExternalId(event.event().id, event.externalId(0));
        auto g2 = db::GuestStore(event.db()).byExternalId(event.event().id, event.externalId(1));
        QVERIFY(agenda.setAttendees(stored->id, {(*g1)->id, (*g2)->id}));

        VenueEvents events(*conn);
        auto first = events.push(event.db(), event.event());
        QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
        QVERIFY(first->eventInserted);
        QCOMPARE(first->guests.inserted, event.guestCount());
        QCOMPARE(first->invitations.inserted, event.guestCount());
        QCOMPARE(first->sessions.inserted, 1);
        QCOMPARE(first->attendees.inserted, 2);
        // What a kiosk's pull looks at: the newest change stamp on any pulled row.
        const char *newestChange =
            "SELECT greatest((SELECT max(change_seq) FROM events), (SELECT max(change_seq) FROM guests), "
            "(SELECT max(change_seq) FROM invitations), (SELECT max(change_seq) FROM sessions), "
            "(SELECT max(change_seq) FROM session_attendees))";
        const QString seqAfterFirst = one(*conn, newestChange);

        auto second = events.push(event.db(), event.event());
        QVERIFY(second);
        QVERIFY(!second->eventInserted && !second->eventUpdated);
        QCOMPARE(second->guests.unchanged, event.guestCount());
        QCOMPARE(second->guests.inserted + second->guests.updated, 0);
        QCOMPARE(second->invitations.unchanged, event.guestCount());
        QCOMPARE(second->sessions.unchanged, 1);
        QCOMPARE(second->attendees.unchanged, 2);
        QCOMPARE(second->attendeesWithdrawn, 0);
        // Nothing was rewritten: kiosks pulling "changes since" see none.
        QCOMPARE(one(*conn, newestChange), seqAfterFirst);

        // Names in every script arrive as they were typed.
        QCOMPARE(one(*conn, "SELECT display_name FROM guests WHERE external_id = $1", {event.externalId(6)}),
                 u"ليلى حسن"_s);
        // Quotes, braces, backslashes and the word NULL are data, not syntax (rows travel as one JSON parameter).
        QCOMPARE(one(*conn, "SELECT display_name FROM guests WHERE external_id = $1", {event.externalId(9)}),
                 u"O'Brien \"Ни\", {1}\\ NULL"_s);
        QCOMPARE(one(*conn, "SELECT count(*) FROM invitations WHERE signature IS NOT NULL"),
                 QString::number(event.guestCount()));
        QCOMPARE(one(*conn, "SELECT encode(verify_key, 'hex') FROM events WHERE number = 122"),
                 QString::fromLatin1(event.event().verifyKey.toHex()));

        // A changed name is one update; a guest leaving a session is kept as not attending, never deleted.
        db::GuestRecord renamed = **g1;
        renamed.displayName = u"Guest 1 (Ministry of Information)"_s;
        QVERIFY(db::GuestStore(event.db()).upsert(renamed));
        QVERIFY(agenda.setAttendees(stored->id, {(*g2)->id}));
        auto third = events.push(event.db(), event.event());
        QVERIFY(third);
        QCOMPARE(third->guests.updated, 1);
        QCOMPARE(third->attendeesWithdrawn, 1);
        QCOMPARE(one(*conn, "SELECT count(*) FROM session_attendees"), u"2"_s);
        QCOMPARE(one(*conn, "SELECT count(*) FROM session_attendees WHERE NOT attending"), u"1"_s);
    }

    void aRevocationReachesTheVenueAndIsNeverUndoneByAPush()
    {
        auto conn = freshVenue(u"revocations"_s);
        QVERIFY(conn);
        test::TestEvent event;
        QVERIFY(event.isValid());
        VenueEvents events(*conn);
        QVERIFY(events.push(event.db(), event.event()));

        db::GuestStore guests(event.db());
        auto guest = guests.byExternalId(event.event().id, event.externalId(0));
        auto invitation = guests.activeInvitation((*guest)->id);
        QVERIFY(invitation && *invitation);
        QVERIFY(*guests.revokeInvitation((*invitation)->id));
        const QString seqBefore = one(*conn, "SELECT change_seq FROM invitations WHERE token_id = $1",
                                      {VenueParam::bytes((*invitation)->tokenId)});

        auto pushed = events.push(event.db(), event.event());
        QVERIFY(pushed);
        QCOMPARE(pushed->invitationsRevoked, 1);
        QCOMPARE(pushed->invitations.updated, 1);
        QCOMPARE(one(*conn, "SELECT status FROM invitations WHERE token_id = $1",
                     {VenueParam::bytes((*invitation)->tokenId)}),
                 u"revoked"_s);
        QVERIFY(one(*conn, "SELECT revoked_at FROM invitations WHERE token_id = $1",
                    {VenueParam::bytes((*invitation)->tokenId)})
                != u"<null>"_s);
        // The revocation moved the row's change sequence, so every kiosk's next pull picks it up.
        QVERIFY(one(*conn, "SELECT change_seq FROM invitations WHERE token_id = $1",
                    {VenueParam::bytes((*invitation)->tokenId)})
                    .toLongLong()
                > seqBefore.toLongLong());

        // Staff at a kiosk revoked another guest in the venue database; the organiser's file still says active.
        auto other = guests.activeInvitation((*guests.byExternalId(event.event().id, event.externalId(1)))->id);
        QVERIFY(conn->exec("UPDATE invitations SET status = 'revoked', revoked_at = now() WHERE token_id = $1",
                           {VenueParam::bytes((*other)->tokenId)}));
        auto again = events.push(event.db(), event.event());
        QVERIFY(again);
        QCOMPARE(again->invitationsRevoked, 0);
        QCOMPARE(
            one(*conn, "SELECT status FROM invitations WHERE token_id = $1", {VenueParam::bytes((*other)->tokenId)}),
            u"revoked"_s);
    }

    void anEventWithAnotherPublicKeyIsRefusedAndNothingChanges()
    {
        auto conn = freshVenue(u"other_key"_s);
        QVERIFY(conn);
        test::TestEvent first;
        QVERIFY(VenueEvents(*conn).push(first.db(), first.event()));
        test::TestEvent impostor; // same meeting number 122, its own key
        auto pushed = VenueEvents(*conn).push(impostor.db(), impostor.event());
        QVERIFY(!pushed);
        QCOMPARE(pushed.error().kind, VenueError::Kind::Conflict);
        QVERIFY2(pushed.error().message.contains(u"another public key"_s), qPrintable(pushed.error().message));
        QCOMPARE(one(*conn, "SELECT count(*) FROM guests"), QString::number(first.guestCount()));
    }

    void aClusterLeftByAKilledTestIsRemovedByTheNextStart()
    {
        // A test that was killed: its cluster runs on, owned by a process that is gone.
        QProcess gone;
        gone.start(u"bash"_s, {u"-c"_s, u"echo $$"_s});
        QVERIFY(gone.waitForFinished());
        const QString deadPid = QString::fromLatin1(gone.readAllStandardOutput()).trimmed();
        QTemporaryDir parent(QDir::tempPath() + u"/ietf-checkin-pg-parent-XXXXXX"_s);
        QVERIFY(parent.isValid());
        QFile::setPermissions(parent.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                                 | QFileDevice::ExeGroup | QFileDevice::ExeOther);
        const QString stale = parent.filePath(u"stale"_s);
        QProcess left;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"PG_TEST_OWNER_PID"_s, deadPid);
        left.setProcessEnvironment(env);
        const QString script = QStringLiteral(CHECKIN_SOURCE_DIR "/scripts/pg-test-env.sh");
        left.start(u"bash"_s, {script, u"start"_s, stale});
        QVERIFY(left.waitForFinished(120000));
        QVERIFY2(left.exitCode() == 0, left.readAllStandardError().constData());
        QFile pidFile(stale + u"/data/postmaster.pid"_s);
        QVERIFY(pidFile.open(QIODevice::ReadOnly));
        const QByteArray serverPid = pidFile.readLine().trimmed();
        pidFile.close();
        QVERIFY(isRunning(serverPid));

        // The next test's start in the same folder stops that server and removes its cluster.
        QProcess next;
        next.start(u"bash"_s, {script, u"start"_s, parent.filePath(u"next"_s)});
        QVERIFY(next.waitForFinished(120000));
        QVERIFY2(next.exitCode() == 0, next.readAllStandardError().constData());
        QVERIFY(!QFileInfo::exists(stale));
        QVERIFY(!isRunning(serverPid));
        QProcess stop;
        stop.start(u"bash"_s, {script, u"stop"_s, parent.filePath(u"next"_s)});
        QVERIFY(stop.waitForFinished(60000));
        QCOMPARE(stop.exitCode(), 0);
    }

    // Last: it stops the server.
    void aServerThatGoesDownIsReportedAsUnreachable()
    {
        auto conn = freshVenue(u"server_down"_s);
        QVERIFY(conn);
        QVERIFY2(m_pg.halt(), qPrintable(m_pg.error()));
        auto lost = conn->exec("SELECT 1");
        QVERIFY(!lost);
        QCOMPARE(lost.error().kind, VenueError::Kind::Unreachable);
        QVERIFY2(lost.error().message.contains(u"was lost"_s), qPrintable(lost.error().message));

        auto refused = VenueConnection::open(m_pg.conninfo());
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, VenueError::Kind::Unreachable);
        QVERIFY2(refused.error().message.contains(u"is not answering"_s), qPrintable(refused.error().message));
        QVERIFY(refused.error().message.contains(u"127.0.0.1:"_s + m_pg.port()));
    }
};

QTEST_GUILESS_MAIN(TestVenueDatabase)
#include "tst_venuedatabase.moc"
