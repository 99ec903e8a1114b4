// The SQLite layer: migrations from an empty file, refusing newer schemas, private file mode, WAL, rollback.
#include "tests/support/olderschema.h"

#include "db/attendancestore.h"
#include "db/database.h"
#include "db/eventstore.h"
#include "db/gueststore.h"
#include "db/invitationmailstore.h"
#include "db/retentionstore.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace checkin::db;

class TestDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyFileIsMigratedToTheLatestSchema();
    void reopeningDoesNotMigrateAgain();
    void olderSchemaIsMigratedForwardKeepingItsRows();
    void databaseNewerThanThisBuildIsRefusedUnchanged();
    void missingFileIsAnErrorUnlessCreationIsAllowed();
    void createdFileIsPrivateToItsOwner();
    void notADatabaseGivesAClearError();
    void journalIsWalAndForeignKeysAreEnforced();
    void uncommittedTransactionRollsBack();
    void guestUpsertUpdatesInsteadOfDuplicating();
    void invitationMailIsOneRowPerInvitationCountingAttempts();
};

void TestDatabase::emptyFileIsMigratedToTheLatestSchema()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"new.sqlite"_s);
    auto db = Database::open(path, Database::OpenMode::CreateIfMissing);
    QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
    QCOMPARE((*db)->schemaVersion(), Database::latestSchemaVersion());
    QVERIFY(Database::latestSchemaVersion() >= 1);
    for (const char *table : {"event", "guest", "invitation", "attendance", "scan_log", "agenda_item", "guest_agenda",
                              "print_job", "staff_action"}) {
        auto stmt = (*db)->prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1");
        QVERIFY(stmt);
        stmt->bind(1, QString::fromLatin1(table));
        QVERIFY(*stmt->step());
        QVERIFY2(stmt->int64(0) == 1, table);
    }
    QCOMPARE(*(*db)->integrityCheck(), u"ok"_s);
}

void TestDatabase::reopeningDoesNotMigrateAgain()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"db.sqlite"_s);
    {
        auto db = Database::open(path, Database::OpenMode::CreateIfMissing);
        QVERIFY(db);
        EventRecord e{0,
                      122,
                      u"IETF 122"_s,
                      u"Bangkok"_s,
                      u"Asia/Bangkok"_s,
                      QDate(2025, 3, 15),
                      QDate(2025, 3, 21),
                      QByteArray(32, 'k')};
        QVERIFY(EventStore(**db).create(e));
    }
    auto db = Database::open(path);
    QVERIFY(db);
    auto event = EventStore(**db).byNumber(122);
    QVERIFY(event && *event);
    QCOMPARE((*event)->city, u"Bangkok"_s);
}

void TestDatabase::olderSchemaIsMigratedForwardKeepingItsRows()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"v1.sqlite"_s);
    {
        // Build a schema-1 file the way the first release left it: no invitation.signature, no invitation_mail yet.
        auto db = Database::open(path, Database::OpenMode::CreateIfMissing);
        QVERIFY(db);
        QVERIFY((*db)->exec(checkin::test::kBackToSchema3));
        QVERIFY((*db)->exec("ALTER TABLE invitation DROP COLUMN signature; PRAGMA user_version = 1"));
        EventRecord e{0,
                      122,
                      u"IETF 122"_s,
                      u"Bangkok"_s,
                      u"Asia/Bangkok"_s,
                      QDate(2025, 3, 15),
                      QDate(2025, 3, 21),
                      QByteArray(32, 'k')};
        const qint64 eventId = *EventStore(**db).create(e);
        QVERIFY((*db)->exec("INSERT INTO guest (event_id, external_id, display_name, created_at, updated_at) "
                            "VALUES (1, 'p-1', 'Ольга', 'x', 'x');"
                            "INSERT INTO invitation (event_id, guest_id, token_id, issued_at) "
                            "VALUES (1, 1, x'010203040506', 'x');"
                            "INSERT INTO attendance (uid, kiosk_id, event_id, guest_id, day, scanned_at, method) "
                            "VALUES ('a-1', 'k1', 1, 1, '2025-03-15', '2025-03-15T02:00:00.000Z', 'qr')"));
        QCOMPARE(eventId, 1);
    }
    auto db = Database::open(path);
    QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
    QCOMPARE((*db)->schemaVersion(), Database::latestSchemaVersion());
    GuestStore guests(**db);
    const auto invitation = guests.invitationByToken(1, QByteArray::fromHex("010203040506"));
    QVERIFY(invitation && *invitation);
    QVERIFY((*invitation)->signature.isEmpty());
    QVERIFY(guests.recordSignature((*invitation)->id, QByteArray(64, 's')));
    QCOMPARE((*guests.invitationByToken(1, QByteArray::fromHex("010203040506")))->signature, QByteArray(64, 's'));
    QCOMPARE((*guests.byExternalId(1, u"p-1"_s))->displayName, u"Ольга"_s);
    QCOMPARE((*guests.byExternalId(1, u"p-1"_s))->nameOrder, QString());
    QVERIFY(InvitationMailStore(**db).forEvent(1)); // the table came with the migration

    // The check-in made before schema 4 still counts; a second live row for the day is still refused, and a row
    // merged from another kiosk is kept beside it as a duplicate that does not count.
    AttendanceStore attendance(**db);
    const auto live = attendance.liveForGuestDay(1, QDate(2025, 3, 15));
    QVERIFY(live && *live);
    QCOMPARE((*live)->uid, u"a-1"_s);
    QVERIFY(!(*db)->exec("INSERT INTO attendance (uid, kiosk_id, event_id, guest_id, day, scanned_at, method) "
                         "VALUES ('a-2', 'k2', 1, 1, '2025-03-15', '2025-03-15T03:00:00.000Z', 'qr')"));
    QVERIFY((*db)->exec("INSERT INTO attendance (uid, kiosk_id, event_id, guest_id, day, scanned_at, method, "
                        "duplicate_of) VALUES ('a-2', 'k2', 1, 1, '2025-03-15', '2025-03-15T03:00:00.000Z', 'qr', "
                        "'a-1')"));
    QCOMPARE(attendance.liveForEvent(1)->size(), 1);
    QCOMPARE(attendance.forGuest(1)->size(), 2);
    QCOMPARE(attendance.forGuest(1)->last().duplicateOf, u"a-1"_s);
}

void TestDatabase::databaseNewerThanThisBuildIsRefusedUnchanged()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"future.sqlite"_s);
    {
        auto db = Database::open(path, Database::OpenMode::CreateIfMissing);
        QVERIFY(db);
        QVERIFY((*db)->exec("PRAGMA user_version = 999"));
    }
    auto db = Database::open(path);
    QVERIFY(!db);
    QVERIFY2(db.error().message.contains(u"newer version of ietf-checkin"_s), qPrintable(db.error().message));
    QVERIFY(db.error().message.contains(u"999"_s));
}

void TestDatabase::missingFileIsAnErrorUnlessCreationIsAllowed()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"absent.sqlite"_s);
    auto db = Database::open(path);
    QVERIFY(!db);
    QVERIFY(db.error().message.contains(u"There is no database"_s));
    QVERIFY(!QFile::exists(path));
    auto nowhere = Database::open(dir.filePath(u"no/such/folder/x.sqlite"_s), Database::OpenMode::CreateIfMissing);
    QVERIFY(!nowhere);
    QVERIFY(nowhere.error().message.contains(u"does not exist"_s));
}

void TestDatabase::createdFileIsPrivateToItsOwner()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"private.sqlite"_s);
    auto db = Database::open(path, Database::OpenMode::CreateIfMissing);
    QVERIFY(db);
    struct stat st
    {};
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
    QCOMPARE(int(st.st_mode & 0777), 0600);
    const QString wal = path + u"-wal"_s;
    if (QFile::exists(wal)) {
        QCOMPARE(::stat(QFile::encodeName(wal).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0077), 0);
    }
}

void TestDatabase::notADatabaseGivesAClearError()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"text.sqlite"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(4096, 'x'));
    f.close();
    auto db = Database::open(path);
    QVERIFY(!db);
    QVERIFY2(db.error().message.contains(u"damaged or is not an ietf-checkin database"_s),
             qPrintable(db.error().message));
}

void TestDatabase::journalIsWalAndForeignKeysAreEnforced()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(u"wal.sqlite"_s), Database::OpenMode::CreateIfMissing);
    QVERIFY(db);
    auto mode = (*db)->prepare("PRAGMA journal_mode");
    QVERIFY(*mode->step());
    QCOMPARE(mode->text(0), u"wal"_s);
    auto sync = (*db)->prepare("PRAGMA synchronous");
    QVERIFY(*sync->step());
    QCOMPARE(sync->int64(0), 2); // FULL
    GuestRecord orphan;
    orphan.eventId = 42;
    orphan.externalId = u"nobody"_s;
    orphan.displayName = u"Nobody"_s;
    auto inserted = GuestStore(**db).upsert(orphan);
    QVERIFY(!inserted);
    QVERIFY(inserted.error().isConstraint());
}

void TestDatabase::uncommittedTransactionRollsBack()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(u"tx.sqlite"_s), Database::OpenMode::CreateIfMissing);
    QVERIFY(db);
    {
        Transaction tx(**db);
        QVERIFY(tx.begin());
        EventRecord e{0,
                      121,
                      u"IETF 121"_s,
                      u"Dublin"_s,
                      u"Europe/Dublin"_s,
                      QDate(2024, 11, 2),
                      QDate(2024, 11, 8),
                      QByteArray(32, 'k')};
        QVERIFY(EventStore(**db).create(e));
    }
    QVERIFY(!*EventStore(**db).byNumber(121));
}

void TestDatabase::guestUpsertUpdatesInsteadOfDuplicating()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(u"g.sqlite"_s), Database::OpenMode::CreateIfMissing);
    QVERIFY(db);
    EventRecord e{0,
                  122,
                  u"IETF 122"_s,
                  u"Bangkok"_s,
                  u"Asia/Bangkok"_s,
                  QDate(2025, 3, 15),
                  QDate(2025, 3, 21),
                  QByteArray(32, 'k')};
    const qint64 eventId = *EventStore(**db).create(e);
    GuestStore guests(**db);
    GuestRecord g;
    g.eventId = eventId;
    g.externalId = u"p-1"_s;
    g.displayName = u"Ольга Смирнова"_s;
    g.days = {QDate(2025, 3, 16), QDate(2025, 3, 17)};
    QCOMPARE(*guests.upsert(g), GuestStore::Upserted::Inserted);
    QCOMPARE(*guests.upsert(g), GuestStore::Upserted::Unchanged);
    g.organisation = u"Ministry of Digital Development"_s;
    QCOMPARE(*guests.upsert(g), GuestStore::Upserted::Updated);
    const auto all = guests.forEvent(eventId);
    QCOMPARE(all->size(), 1);
    QCOMPARE(all->first().displayName, u"Ольга Смирнова"_s);
    QCOMPARE(all->first().organisation, u"Ministry of Digital Development"_s);
    QCOMPARE(all->first().days, g.days);
}

void TestDatabase::invitationMailIsOneRowPerInvitationCountingAttempts()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(u"m.sqlite"_s), Database::OpenMode::CreateIfMissing);
    QVERIFY(db);
    EventRecord e{0,
                  122,
                  u"IETF 122"_s,
                  u"Bangkok"_s,
                  u"Asia/Bangkok"_s,
                  QDate(2025, 3, 15),
                  QDate(2025, 3, 21),
                  QByteArray(32, 'k')};
    const qint64 eventId = *EventStore(**db).create(e);
    GuestStore guests(**db);
    GuestRecord g;
    g.eventId = eventId;
    g.externalId = u"p-1"_s;
    g.displayName = u"Ольга Смирнова"_s;
    QVERIFY(guests.upsert(g));
    const qint64 guestId = (*guests.byExternalId(eventId, u"p-1"_s))->id;
    const qint64 first = *guests.createInvitation(eventId, guestId, QByteArray::fromHex("010203040506"));

    InvitationMailStore mails(**db);
    QVERIFY(mails.find(eventId, guestId, first) && !*mails.find(eventId, guestId, first));
    InvitationMailRecord attempt;
    attempt.kioskId = u"k1"_s;
    attempt.eventId = eventId;
    attempt.guestId = guestId;
    attempt.invitationId = first;
    attempt.recipient = u"olga@example.org"_s;
    attempt.state = u"deferred"_s;
    attempt.lastReply = u"450 4.2.1 Mailbox busy"_s;
    auto stored = mails.recordAttempt(attempt);
    QVERIFY(stored);
    QCOMPARE(stored->attempts, 1);
    QVERIFY(stored->sentAt.isEmpty());
    const QString uid = stored->uid;
    attempt.state = u"sent"_s;
    attempt.lastReply = u"250 2.0.0 OK"_s;
    stored = mails.recordAttempt(attempt);
    QVERIFY(stored);
    QCOMPARE(stored->attempts, 2);
    QCOMPARE(stored->state, u"sent"_s);
    QCOMPARE(stored->lastReply, u"250 2.0.0 OK"_s);
    QCOMPARE(stored->uid, uid); // the same row
    QVERIFY(!stored->sentAt.isEmpty());

    // A re-issued invitation is a new row; an unknown state is refused.
    QVERIFY(guests.revokeInvitation(first));
    const qint64 second = *guests.createInvitation(eventId, guestId, QByteArray::fromHex("0a0b0c0d0e0f"));
    QVERIFY(!*mails.find(eventId, guestId, second));
    attempt.invitationId = second;
    attempt.state = u"bounced"_s;
    QVERIFY(!mails.recordAttempt(attempt));
    QCOMPARE(mails.forEvent(eventId)->size(), 1);

    // Purging the event's personal data takes the e-mail records with the guests they name.
    RetentionStore retention(**db);
    QCOMPARE(retention.count(eventId)->invitationMails, 1);
    Transaction tx(**db);
    QVERIFY(tx.begin());
    const auto purged = retention.purge(eventId);
    QVERIFY2(purged, purged ? "" : qPrintable(purged.error().message));
    QCOMPARE(purged->invitationMails, 1);
    QCOMPARE(purged->guests, 1);
    QVERIFY(tx.commit());
    QVERIFY(mails.forEvent(eventId)->isEmpty());
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
