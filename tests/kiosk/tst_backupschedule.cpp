// Rotating online backups (kiosk/storage/backupschedule.*) and the start-up health check
// (kiosk/storage/databasehealth.*) on real SQLite files: private consistent copies, rotation, damaged files found and
// the way back named.
#include "tests/support/olderschema.h"
#include "tests/support/testevent.h"

#include "db/attendancestore.h"
#include "kiosk/checkin/checkinservice.h"
#include "kiosk/storage/backupschedule.h"
#include "kiosk/storage/databasehealth.h"

#include <QFile>
#include <QProcess>
#include <QtTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace checkin;

namespace {

const QDateTime kNoon(QDate(2026, 11, 2), QTime(5, 0), Qt::UTC);

// Overwrites count pages from page firstPage (1-based, 4096-byte pages) with a pattern: what a failing disk or a
// stray write does to a file.
bool damagePages(const QString &path, int firstPage, int count)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return false;
    const QByteArray garbage(4096, '\xA5');
    for (int page = firstPage; page < firstPage + count; ++page) {
        if (!file.seek(qint64(page - 1) * 4096) || file.write(garbage) != garbage.size())
            return false;
    }
    return file.flush();
}

// A copy of the fixture's database (taken with the backup API, so the fixture's connection stays open) that a
// test may damage.
QString copyOf(test::TestEvent &fixture, const QString &name)
{
    const QString path = QDir(fixture.dirPath()).filePath(name);
    return fixture.db().backupTo(path) ? path : QString();
}

// The permission bits of path, as ls shows them.
int modeOf(const QString &path)
{
    struct stat st
    {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 0777) : -1;
}

} // namespace

class TestBackupSchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backupIsAPrivateSelfContainedCopyNamedWithoutPersonalData();
    void onlyTheNewestBackupsAreKept();
    void newestGoodBackupSkipsADamagedOne();
    void aNewBackupIsKeptWhateverTheOtherNamesSay();
    void twoBackupsInTheSameSecondGetTwoNames();
    void onlyCheckinDatabasesAreGoodBackups();
    void aBackupFromBeforeTheApplicationIdIsStillGood();
    void damagedDatabaseIsRefusedWithTheNewestGoodBackupAndTheRestoreCommand_data();
    void damagedDatabaseIsRefusedWithTheNewestGoodBackupAndTheRestoreCommand();
    void healthyDatabaseOpens();
    void missingDatabaseSaysHowToCreateOne();
};

void TestBackupSchedule::backupIsAPrivateSelfContainedCopyNamedWithoutPersonalData()
{
    test::TestEvent fixture;
    QVERIFY2(fixture.isValid(), qPrintable(fixture.error()));
    fixture.addGuest(u"Nguyễn Thị Minh Khai"_s, u"en"_s);
    CheckInService service(fixture.db(), fixture.event(), u"kiosk-a"_s);
    QCOMPARE(service.checkIn(fixture.token(3), fixture.localTime(1, 9, 0)).kind, OutcomeKind::Welcome);

    BackupSchedule schedule(fixture.dbPath());
    auto backup = schedule.takeBackup(fixture.db(), fixture.event().number, kNoon);
    QVERIFY2(backup, qPrintable(backup.error()));
    QCOMPARE(QFileInfo(backup->path).fileName(), u"122-20261102T050000Z.sqlite"_s);
    QCOMPARE(QFileInfo(backup->path).absolutePath(), QDir(fixture.dirPath()).filePath(u"backups"_s));
    QCOMPARE(backup->eventNumber, 122);
    QCOMPARE(backup->takenAt, kNoon);
    QCOMPARE(modeOf(backup->path), 0600);
    QCOMPARE(modeOf(schedule.folder()), 0700);
    // One file, no -wal to carry along, no temporary left behind.
    QCOMPARE(QDir(schedule.folder()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QFileInfo(backup->path).fileName()});
    QCOMPARE(*db::Database::checkFile(backup->path), u"ok"_s);

    // The copy holds the check-in that was committed before it was taken.
    auto copy = db::Database::open(backup->path);
    QVERIFY(copy);
    QCOMPARE(db::AttendanceStore(**copy).liveForEvent(fixture.event().id)->size(), 1);
}

void TestBackupSchedule::onlyTheNewestBackupsAreKept()
{
    test::TestEvent fixture;
    QVERIFY2(fixture.isValid(), qPrintable(fixture.error()));
    BackupSchedule schedule(fixture.dbPath(), 10);
    QDir().mkpath(schedule.folder());
    QFile foreign(QDir(schedule.folder()).filePath(u"before-the-upgrade.sqlite"_s));
    QVERIFY(foreign.open(QIODevice::WriteOnly));
    foreign.close();

    for (int i = 0; i < 12; ++i)
        QVERIFY(schedule.takeBackup(fixture.db(), 122, kNoon.addSecs(15 * 60 * i)));
    const QList<BackupFile> kept = BackupSchedule::list(schedule.folder());
    QCOMPARE(kept.size(), 10);
    QCOMPARE(kept.first().takenAt, kNoon.addSecs(15 * 60 * 11));
    QCOMPARE(kept.last().takenAt, kNoon.addSecs(15 * 60 * 2));
    QVERIFY2(foreign.exists(), "a file the schedule did not write is never deleted");
}

void TestBackupSchedule::newestGoodBackupSkipsADamagedOne()
{
    test::TestEvent fixture;
    QVERIFY2(fixture.isValid(), qPrintable(fixture.error()));
    BackupSchedule schedule(fixture.dbPath());
    auto older = schedule.takeBackup(fixture.db(), 122, kNoon);
    auto newer = schedule.takeBackup(fixture.db(), 122, kNoon.addSecs(900));
    QVERIFY(older && newer);
    QCOMPARE(BackupSchedule::newestGood(schedule.folder())->path, newer->path);
    QVERIFY(damagePages(newer->path, 1, 1));
    QCOMPARE(BackupSchedule::newestGood(schedule.folder())->path, older->path);
    QVERIFY(!db::Database::checkFile(newer->path));
}

void TestBackupSchedule::aNewBackupIsKeptWhateverTheOtherNamesSay()
{
    // A kiosk whose clock ran ahead named ten backups in 2099; back on time, its next backup must survive rotation.
    test::TestEvent fixture;
    QVERIFY2(fixture.isValid(), qPrintable(fixture.error()));
    BackupSchedule schedule(fixture.dbPath(), 10);
    for (int i = 0; i < 10; ++i)
        QVERIFY(schedule.takeBackup(fixture.db(), 122, QDateTime(QDate(2099, 1, 1), QTime(0, 0), Qt::UTC).addDays(i)));
    auto backup = schedule.takeBackup(fixture.db(), 122, kNoon);
    QVERIFY2(backup, backup ? "" : qPrintable(backup.error()));
    QVERIFY(QFile::exists(backup->path));
    QVERIFY(backup->bytes > 0);
    const QList<BackupFile> kept = BackupSchedule::list(schedule.folder());
    QCOMPARE(kept.size(), 10);
    QCOMPARE(kept.last().path, backup->path);                                            // the oldest by name, kept
    QCOMPARE(kept.first().takenAt, QDateTime(QDate(2099, 1, 10), QTime(0, 0), Qt::UTC)); // the oldest 2099 one went
    QVERIFY(!QFile::exists(QDir(schedule.folder()).filePath(u"122-20990101T000000Z.sqlite"_s)));
}

void TestBackupSchedule::twoBackupsInTheSameSecondGetTwoNames()
{
    test::TestEvent fixture;
    QVERIFY2(fixture.isValid(), qPrintable(fixture.error()));
    BackupSchedule schedule(fixture.dbPath());
    auto first = schedule.takeBackup(fixture.db(), 122, kNoon);
    CheckInService service(fixture.db(), fixture.event(), u"kiosk-a"_s);
    QCOMPARE(service.checkIn(fixture.token(0), fixture.localTime(1, 9, 0)).kind, OutcomeKind::Welcome);
    auto second = schedule.takeBackup(fixture.db(), 122, kNoon);
    auto third = schedule.takeBackup(fixture.db(), 122, kNoon);
    QVERIFY(first && second && third);
    QCOMPARE(QFileInfo(first->path).fileName(), u"122-20261102T050000Z.sqlite"_s);
    QCOMPARE(QFileInfo(second->path).fileName(), u"122-20261102T050000Z-2.sqlite"_s);
    QCOMPARE(QFileInfo(third->path).fileName(), u"122-20261102T050000Z-3.sqlite"_s);
    // Newest first: the later copy of the same second before the earlier one.
    const QList<BackupFile> all = BackupSchedule::list(schedule.folder());
    QCOMPARE(all.size(), 3);
    QCOMPARE(all.at(0).path, third->path);
    QCOMPARE(all.at(2).path, first->path);
    // The first copy was not overwritten: it still lacks the check-in.
    auto copy = db::Database::open(first->path);
    QVERIFY(copy);
    QCOMPARE(db::AttendanceStore(**copy).liveForEvent(fixture.event().id)->size(), 0);
}

void TestBackupSchedule::onlyCheckinDatabasesAreGoodBackups()
{
    test::TestEvent fixture;
    QVERIFY2(fixture.isValid(), qPrintable(fixture.error()));
    BackupSchedule schedule(fixture.dbPath());
    auto real = schedule.takeBackup(fixture.db(), 122, kNoon);
    QVERIFY(real);
    // Newer by name: a 0-byte file and another program's SQLite database.
    const QString empty = QDir(schedule.folder()).filePath(u"122-20261103T050000Z.sqlite"_s);
    const QString foreign = QDir(schedule.folder()).filePath(u"122-20261104T050000Z.sqlite"_s);
    {
        QFile f(empty);
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    QCOMPARE(QProcess::execute(u"sqlite3"_s, {foreign, u"CREATE TABLE notes (text TEXT);"_s}), 0);

    QVERIFY(BackupSchedule::check(real->path));
    QCOMPARE(BackupSchedule::check(real->path)->events.size(), 1);
    QCOMPARE(BackupSchedule::check(real->path)->events.first().number, 122);
    QVERIFY(BackupSchedule::check(empty).error().contains(u"empty"_s));
    QVERIFY(BackupSchedule::check(foreign).error().contains(u"not an ietf-checkin database"_s));
    QCOMPARE(BackupSchedule::newestGood(schedule.folder())->path, real->path);

    // The damaged-database advice names the real backup, never the empty file.
    const QString advice = damagedDatabaseAdvice(fixture.dbPath());
    QVERIFY2(advice.contains(real->path) && !advice.contains(empty) && !advice.contains(foreign), qPrintable(advice));
}

void TestBackupSchedule::aBackupFromBeforeTheApplicationIdIsStillGood()
{
    // Backups taken by an earlier version (schema 2, no application id) can still be restored.
    test::TestEvent fixture;
    QVERIFY2(fixture.isValid(), qPrintable(fixture.error()));
    BackupSchedule schedule(fixture.dbPath());
    auto backup = schedule.takeBackup(fixture.db(), 122, kNoon);
    QVERIFY(backup);
    QCOMPARE(db::Database::inspectFile(backup->path)->applicationId, db::Database::kApplicationId);
    QCOMPARE(
        QProcess::execute(u"sqlite3"_s, {backup->path, QString::fromLatin1(test::kBackToSchema3)
                                                           + u"PRAGMA application_id = 0; PRAGMA user_version = 2;"_s}),
        0);
    const auto report = BackupSchedule::check(backup->path);
    QVERIFY2(report, report ? "" : qPrintable(report.error()));
    QCOMPARE(report->schemaVersion, 2);
    // Opened, it is migrated and marked.
    auto opened = db::Database::open(backup->path);
    QVERIFY(opened);
    QCOMPARE((*opened)->schemaVersion(), db::Database::latestSchemaVersion());
    opened->reset();
    QCOMPARE(db::Database::inspectFile(backup->path)->applicationId, db::Database::kApplicationId);
}

void TestBackupSchedule::damagedDatabaseIsRefusedWithTheNewestGoodBackupAndTheRestoreCommand_data()
{
    QTest::addColumn<int>("firstPage");
    QTest::addColumn<int>("pages");
    QTest::newRow("header page overwritten (not a database any more)") << 1 << 1;
    QTest::newRow("table and index pages overwritten") << 3 << 6;
}

void TestBackupSchedule::damagedDatabaseIsRefusedWithTheNewestGoodBackupAndTheRestoreCommand()
{
    QFETCH(int, firstPage);
    QFETCH(int, pages);
    test::TestEvent::Options options;
    options.guests = 40;
    test::TestEvent fixture(options);
    QVERIFY2(fixture.isValid(), qPrintable(fixture.error()));
    const QString path = copyOf(fixture, u"kiosk.sqlite"_s);
    QVERIFY(!path.isEmpty());
    BackupSchedule schedule(path);
    auto good = schedule.takeBackup(fixture.db(), 122, kNoon);
    QVERIFY(good);

    QVERIFY(damagePages(path, firstPage, pages));
    auto opened = openCheckedDatabase(path);
    QVERIFY(!opened);
    QVERIFY(opened.error().isCorrupt());
    const QString message = opened.error().message;
    QVERIFY2(message.contains(u"is damaged"_s), qPrintable(message));
    QVERIFY2(message.contains(u"The newest good backup is %1"_s.arg(good->path)), qPrintable(message));
    QVERIFY2(message.contains(u"checkinctl --db %1 restore %2"_s.arg(QFileInfo(path).absoluteFilePath(), good->path)),
             qPrintable(message));
}

void TestBackupSchedule::healthyDatabaseOpens()
{
    test::TestEvent fixture;
    QVERIFY2(fixture.isValid(), qPrintable(fixture.error()));
    auto opened = openCheckedDatabase(fixture.dbPath());
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
}

void TestBackupSchedule::missingDatabaseSaysHowToCreateOne()
{
    QTemporaryDir dir;
    auto opened = openCheckedDatabase(dir.filePath(u"checkin.sqlite"_s));
    QVERIFY(!opened);
    QVERIFY2(opened.error().message.contains(u"checkinctl event create"_s), qPrintable(opened.error().message));
}

QTEST_GUILESS_MAIN(TestBackupSchedule)
#include "tst_backupschedule.moc"
