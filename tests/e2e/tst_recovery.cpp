// Faults a staff member meets on the day, through the real binaries and real files: backups and restore with
// checkinctl, a damaged, read-only or missing database at start-up (checkinctl and the kiosk), each with a message
// that says what to do.
#include "tests/support/programrun.h"

#include "db/database.h"
#include "db/eventstore.h"
#include "kiosk/checkin/checkinservice.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

using Run = checkin::test::ProgramRun;

// The kiosk binary, offscreen.
Run runKiosk(const QString &program, const QStringList &args)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    return checkin::test::runProgram(program, args, env);
}

Run ctl(const QString &db, const QStringList &args)
{
    return checkin::test::runCheckinctl(db, u"test-kiosk"_s, args);
}

int modeOf(const QString &path)
{
    struct stat st
    {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 0777) : -1;
}

bool damagePages(const QString &path, int firstPage, int count)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return false;
    const QByteArray garbage(4096, '\x5A');
    for (int page = firstPage; page < firstPage + count; ++page) {
        if (!file.seek(qint64(page - 1) * 4096) || file.write(garbage) != garbage.size())
            return false;
    }
    return true;
}

// Makes path unwritable for this process and undoes it when destroyed. root ignores permission bits, so as root
// the file is made immutable (chattr +i), which binds root too; where neither works the test is skipped.
class ReadOnly
{
public:
    explicit ReadOnly(QString path)
        : m_path(std::move(path))
    {
        if (::geteuid() != 0) {
            m_mode = modeOf(m_path);
            m_ok = QFile::setPermissions(m_path, QFileInfo(m_path).isDir() ? QFile::ReadOwner | QFile::ExeOwner
                                                                           : QFile::Permissions(QFile::ReadOwner));
        } else {
            m_immutable = QProcess::execute(u"chattr"_s, {u"+i"_s, m_path}) == 0;
            m_ok = m_immutable;
        }
    }
    ~ReadOnly()
    {
        if (m_immutable)
            QProcess::execute(u"chattr"_s, {u"-i"_s, m_path});
        else if (m_mode >= 0)
            ::chmod(QFile::encodeName(m_path).constData(), mode_t(m_mode));
    }
    [[nodiscard]] bool ok() const { return m_ok; }

private:
    QString m_path;
    int m_mode = -1;
    bool m_immutable = false;
    bool m_ok = false;
};

} // namespace

class TestRecovery : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString invitation(const QString &guest) const { return m_dir.filePath(u"demo/invitations/%1.png"_s.arg(guest)); }
    QString checkIn(const QString &db, const QString &guest)
    {
        return ctl(db, {u"checkin"_s, u"--image"_s, invitation(guest)}).json().value(u"outcome"_s).toString();
    }

private Q_SLOTS:
    void initTestCase();
    void backupIsAPrivateFileNamedByEventAndTime();
    void restoreRefusesADatabaseInUseEvenWithForceUntilItIsClosed();
    void restoreBringsTheBackupBackAndKeepsTheReplacedDatabase();
    void restoreRefusesAFileThatIsNotACheckinDatabase_data();
    void restoreRefusesAFileThatIsNotACheckinDatabase();
    void backupsMarksOnlyRestorableFilesGoodAndReadsAnotherFolder();
    void restoreOfAnotherMeetingsDatabaseNeedsForceAndNamesTheEvent();
    void restoreThroughASymlinkReplacesTheRealFileAndKeepsTheLink();
    void twoRestoresInOneSecondKeepEachReplacedDatabase();
    void restoreRefusesADamagedBackupAndChangesNothing();
    void damagedDatabaseNamesTheRestoreCommandThatFixesIt();
    void kioskRefusesToStartOnADamagedDatabase();
    void kioskWritesABackupWhenItStartsAndStopsCleanly();
    void readOnlyDatabaseOrFolderIsRefusedWithWhatToDo();
    void missingDatabaseSaysHowToCreateOne();
    void fullDiskIsNamedAndTheNextCheckInAfterSpaceReturnsSucceeds();
    void fullDiskAtStartIsNamedAsAFullDisk();
    void purgeRemovesAPastEventsPersonalDataAndSaysWhat();
    void missingOrDamagedKeysSayWhichFileToGive();
};

void TestRecovery::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = path(u"demo/checkin.sqlite"_s);
    const Run demo = ctl(m_db, {u"demo"_s, u"--out"_s, path(u"demo"_s)});
    QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
    QCOMPARE(modeOf(m_db), 0600);
}

void TestRecovery::backupIsAPrivateFileNamedByEventAndTime()
{
    const Run r = ctl(m_db, {u"backup"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QString backup = r.json().value(u"backup"_s).toString();
    QCOMPARE(QFileInfo(backup).absolutePath(), path(u"demo/backups"_s));
    QVERIFY2(QRegularExpression(u"^900-\\d{8}T\\d{6}Z\\.sqlite$"_s).match(QFileInfo(backup).fileName()).hasMatch(),
             qPrintable(backup));
    QCOMPARE(modeOf(backup), 0600);
    QCOMPARE(r.json().value(u"event"_s).toInt(), 900);

    const Run list = ctl(m_db, {u"backups"_s});
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(list.lines().size(), 1);
    QCOMPARE(list.json().value(u"backup"_s).toString(), backup);
    QCOMPARE(list.json().value(u"ok"_s).toBool(), true);

    // --to writes elsewhere (a USB stick) and leaves the kiosk's own rotation alone.
    const Run elsewhere = ctl(m_db, {u"backup"_s, u"--to"_s, path(u"usb"_s)});
    QVERIFY2(elsewhere.exitCode == 0, qPrintable(elsewhere.err));
    QCOMPARE(QFileInfo(elsewhere.json().value(u"backup"_s).toString()).absolutePath(), path(u"usb"_s));
    QCOMPARE(ctl(m_db, {u"backups"_s}).lines().size(), 1);
}

void TestRecovery::restoreRefusesADatabaseInUseEvenWithForceUntilItIsClosed()
{
    const QString backup = ctl(m_db, {u"backups"_s}).json().value(u"backup"_s).toString();
    QVERIFY(!backup.isEmpty());
    {
        // A kiosk holding the database open: every connection holds the lock beside the file, so a restore cannot
        // replace the file under it (what it wrote would be lost in the set-aside copy), --force or not.
        auto kiosk = checkin::db::Database::open(m_db);
        QVERIFY(kiosk);
        for (const QStringList &args :
             {QStringList{u"restore"_s, backup}, QStringList{u"restore"_s, backup, u"--force"_s}}) {
            const Run refused = ctl(m_db, args);
            QCOMPARE(refused.exitCode, 2);
            QVERIFY2(refused.err.contains(u"Nothing was changed"_s) && refused.err.contains(u"in use"_s)
                         && refused.err.contains(u"Stop the kiosks"_s),
                     qPrintable(refused.err));
            QVERIFY(QDir(path(u"demo"_s)).entryList({u"*.before-restore-*"_s}).isEmpty());
        }
    }
    QVERIFY(!QFile::exists(m_db + u"-wal"_s));

    // A -wal left behind by a process that died is not "in use": its lock went with it. The sqlite3 shell opens
    // the file in WAL mode and is killed, leaving -wal and -shm behind; restore goes ahead and keeps them with
    // the replaced file.
    QProcess shell;
    shell.start(u"sqlite3"_s, {m_db});
    QVERIFY(shell.waitForStarted());
    shell.write("SELECT count(*) FROM event;\n");
    QVERIFY(shell.waitForReadyRead(10000));
    QVERIFY(QFile::exists(m_db + u"-wal"_s));
    shell.kill();
    QVERIFY(shell.waitForFinished());
    QVERIFY2(QFile::exists(m_db + u"-wal"_s), "the killed shell left its -wal behind");
    const Run restored = ctl(m_db, {u"restore"_s, backup});
    QVERIFY2(restored.exitCode == 0, qPrintable(restored.err));
    const QString previous = restored.json().value(u"previous"_s).toString();
    QVERIFY(QFile::exists(previous + u"-wal"_s));
}

void TestRecovery::restoreBringsTheBackupBackAndKeepsTheReplacedDatabase()
{
    const QString backup = ctl(m_db, {u"backups"_s}).json().value(u"backup"_s).toString();
    // Checked in after the backup was taken.
    QCOMPARE(checkIn(m_db, u"demo-001"_s), u"welcome"_s);

    const Run r = ctl(m_db, {u"restore"_s, backup});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.json().value(u"restored"_s).toString(), m_db);
    QCOMPARE(r.json().value(u"from"_s).toString(), backup);
    QCOMPARE(r.json().value(u"events"_s).toArray(), QJsonArray{900});
    const QString previous = r.json().value(u"previous"_s).toString();
    QVERIFY2(QFileInfo(previous).fileName().startsWith(u"checkin.sqlite.before-restore-"_s), qPrintable(previous));
    QVERIFY2(r.err.contains(previous), qPrintable(r.err));
    QCOMPARE(modeOf(m_db), 0600);
    QCOMPARE(modeOf(previous), 0600);

    // The restored database is the backup's state; the replaced one still has the later check-in.
    QCOMPARE(checkIn(previous, u"demo-001"_s), u"already_checked_in"_s);
    QCOMPARE(checkIn(m_db, u"demo-001"_s), u"welcome"_s);
}

void TestRecovery::restoreRefusesAFileThatIsNotACheckinDatabase_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("says");
    QTest::newRow("empty file") << u"empty"_s << u"is empty"_s;
    QTest::newRow("/dev/null") << u"/dev/null"_s << u"not a regular file"_s;
    QTest::newRow("/dev/zero") << u"/dev/zero"_s << u"not a regular file"_s;
    QTest::newRow("another program's SQLite file") << u"foreign"_s << u"not an ietf-checkin database"_s;
    QTest::newRow("a text file") << u"text"_s << u"not a readable ietf-checkin database"_s;
}

void TestRecovery::restoreRefusesAFileThatIsNotACheckinDatabase()
{
    QFETCH(QString, file);
    QFETCH(QString, says);
    QString source = file;
    if (file == u"empty") {
        source = path(u"not-backups/empty.sqlite"_s);
        QDir().mkpath(path(u"not-backups"_s));
        QFile f(source);
        QVERIFY(f.open(QIODevice::WriteOnly));
    } else if (file == u"foreign") {
        source = path(u"not-backups/places.sqlite"_s);
        QDir().mkpath(path(u"not-backups"_s));
        QFile::remove(source);
        QCOMPARE(QProcess::execute(u"sqlite3"_s,
                                   {source, u"CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT); "
                                            "INSERT INTO moz_places (url) VALUES ('https://www.ietf.org/');"_s}),
                 0);
    } else if (file == u"text") {
        source = path(u"not-backups/notes.sqlite"_s);
        QDir().mkpath(path(u"not-backups"_s));
        QFile f(source);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("Guests to call back: ").repeated(300));
    }
    const QByteArray before = [&] {
        QFile f(m_db);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }();
    const Run r = ctl(m_db, {u"restore"_s, source});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"Nothing was changed"_s) && r.err.contains(says), qPrintable(r.err));
    QFile after(m_db);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), before);
    QCOMPARE(ctl(m_db, {u"event"_s, u"list"_s}).json().value(u"number"_s).toInt(), 900);
}

void TestRecovery::backupsMarksOnlyRestorableFilesGoodAndReadsAnotherFolder()
{
    // Files named like backups, newer than the real one: an empty file and another program's database.
    const QString folder = path(u"stick"_s);
    const Run taken = ctl(m_db, {u"backup"_s, u"--to"_s, folder});
    QVERIFY2(taken.exitCode == 0, qPrintable(taken.err));
    const QString good = taken.json().value(u"backup"_s).toString();
    {
        QFile empty(folder + u"/900-20991231T000000Z.sqlite"_s);
        QVERIFY(empty.open(QIODevice::WriteOnly));
    }
    QCOMPARE(QProcess::execute(u"sqlite3"_s, {folder + u"/900-20991230T000000Z.sqlite"_s, u"CREATE TABLE t (x);"_s}),
             0);

    const Run list = ctl(m_db, {u"backups"_s, u"--to"_s, folder});
    QCOMPARE(list.exitCode, 0);
    const auto lines = list.lines();
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[0].value(u"ok"_s).toBool(), false);
    QVERIFY2(lines[0].value(u"problem"_s).toString().contains(u"empty"_s),
             qPrintable(lines[0].value(u"problem"_s).toString()));
    QCOMPARE(lines[1].value(u"ok"_s).toBool(), false);
    QVERIFY(lines[1].value(u"problem"_s).toString().contains(u"not an ietf-checkin database"_s));
    QCOMPARE(lines[2].value(u"backup"_s).toString(), good);
    QCOMPARE(lines[2].value(u"ok"_s).toBool(), true);
    QCOMPARE(lines[2].value(u"events"_s).toArray(), QJsonArray{900});
}

void TestRecovery::restoreOfAnotherMeetingsDatabaseNeedsForceAndNamesTheEvent()
{
    // IETF 121's database (its own key) restored over the demo meeting's: refused, naming event 900.
    const QString other = path(u"other/ietf121.sqlite"_s);
    QDir().mkpath(path(u"other"_s));
    QVERIFY(ctl(other, {u"keygen"_s, u"--out"_s, path(u"other/keys"_s)}).exitCode == 0);
    QVERIFY(ctl(other, {u"event"_s, u"create"_s, u"--number"_s, u"121"_s, u"--name"_s, u"IETF 121 Dublin"_s,
                        u"--city"_s, u"Dublin"_s, u"--tz"_s, u"Europe/Dublin"_s, u"--from"_s, u"2024-11-02"_s,
                        u"--to"_s, u"2024-11-05"_s, u"--verify-key"_s, path(u"other/keys/verify.pub"_s)})
                .exitCode
            == 0);
    // And a copy of this meeting's database whose event 900 has another verify key.
    const QString rekeyed = path(u"other/rekeyed.sqlite"_s);
    QVERIFY(ctl(m_db, {u"backup"_s, u"--to"_s, path(u"other/copy"_s)}).exitCode == 0);
    const QString copy = QDir(path(u"other/copy"_s)).entryInfoList({u"*.sqlite"_s}).first().absoluteFilePath();
    QVERIFY(QFile::copy(copy, rekeyed));
    QCOMPARE(
        QProcess::execute(u"sqlite3"_s, {rekeyed, u"UPDATE event SET verify_key = zeroblob(32) WHERE number = 900;"_s}),
        0);

    const QByteArray before = [&] {
        QFile f(m_db);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }();
    Run r = ctl(m_db, {u"restore"_s, other});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"Nothing was changed"_s) && r.err.contains(u"event 900 is not in the backup"_s)
                 && r.err.contains(u"--force"_s),
             qPrintable(r.err));
    r = ctl(m_db, {u"restore"_s, rekeyed});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"event 900 has another verify key"_s), qPrintable(r.err));
    QFile after(m_db);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), before);

    // With --force it goes ahead, says what it did, and keeps the replaced database: undone by restoring that.
    r = ctl(m_db, {u"restore"_s, other, u"--force"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains(u"warning"_s) && r.err.contains(u"event 900"_s), qPrintable(r.err));
    QCOMPARE(r.json().value(u"events"_s).toArray(), QJsonArray{121});
    const QString previous = r.json().value(u"previous"_s).toString();
    r = ctl(m_db, {u"restore"_s, previous});
    QVERIFY2(r.exitCode != 0, "the kept database lacks event 121 now in the file: --force again is needed");
    r = ctl(m_db, {u"restore"_s, previous, u"--force"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.json().value(u"events"_s).toArray(), QJsonArray{900});
}

void TestRecovery::restoreThroughASymlinkReplacesTheRealFileAndKeepsTheLink()
{
    // The kiosk's --db is a link to the database on a data partition.
    QDir().mkpath(path(u"data"_s));
    QDir().mkpath(path(u"linked"_s));
    const QString real = path(u"data/checkin.sqlite"_s);
    QVERIFY(ctl(m_db, {u"backup"_s, u"--to"_s, path(u"linked/backups"_s)}).exitCode == 0);
    const QString backup = QDir(path(u"linked/backups"_s)).entryInfoList({u"*.sqlite"_s}).first().absoluteFilePath();
    QVERIFY(QFile::copy(backup, real));
    const QString link = path(u"linked/checkin.sqlite"_s);
    QVERIFY(QFile::link(real, link));
    QCOMPARE(checkIn(link, u"demo-002"_s), u"welcome"_s); // written through the link into the real file

    const Run r = ctl(link, {u"restore"_s, backup});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(QFileInfo(link).isSymLink());
    QCOMPARE(QFileInfo(link).symLinkTarget(), real);
    QCOMPARE(r.json().value(u"restored"_s).toString(), real);
    const QString previous = r.json().value(u"previous"_s).toString();
    QCOMPARE(QFileInfo(previous).absolutePath(), path(u"data"_s));
    QVERIFY(!QFileInfo(previous).isSymLink());
    // The kept copy is the data (with the check-in made through the link); the link now reads the backup.
    QCOMPARE(checkIn(previous, u"demo-002"_s), u"already_checked_in"_s);
    QCOMPARE(checkIn(link, u"demo-002"_s), u"welcome"_s);
}

void TestRecovery::twoRestoresInOneSecondKeepEachReplacedDatabase()
{
    const QString db = path(u"twice/checkin.sqlite"_s);
    QDir().mkpath(path(u"twice"_s));
    QVERIFY(ctl(m_db, {u"backup"_s, u"--to"_s, path(u"twice/backups"_s)}).exitCode == 0);
    const QString backup = QDir(path(u"twice/backups"_s)).entryInfoList({u"*.sqlite"_s}).first().absoluteFilePath();
    QVERIFY(QFile::copy(backup, db));
    QStringList previous;
    for (int i = 0; i < 3; ++i) {
        const Run r = ctl(db, {u"restore"_s, backup});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        previous << r.json().value(u"previous"_s).toString();
    }
    QCOMPARE(QSet<QString>(previous.cbegin(), previous.cend()).size(), 3);
    for (const QString &kept : std::as_const(previous))
        QVERIFY2(QFile::exists(kept), qPrintable(kept));
}

void TestRecovery::restoreRefusesADamagedBackupAndChangesNothing()
{
    const Run taken = ctl(m_db, {u"backup"_s, u"--to"_s, path(u"damaged"_s)});
    QVERIFY2(taken.exitCode == 0, qPrintable(taken.err));
    const QString backup = taken.json().value(u"backup"_s).toString();
    QVERIFY(damagePages(backup, 2, 4));
    const QByteArray before = [&] {
        QFile f(m_db);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }();

    const Run r = ctl(m_db, {u"restore"_s, backup});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"Nothing was changed"_s) && r.err.contains(u"damaged"_s)
                 && r.err.contains(u"checkinctl backups"_s),
             qPrintable(r.err));
    QFile after(m_db);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), before);
}

void TestRecovery::damagedDatabaseNamesTheRestoreCommandThatFixesIt()
{
    const QString db = path(u"damaged-db/checkin.sqlite"_s);
    QDir().mkpath(path(u"damaged-db"_s));
    QVERIFY(QFile::copy(m_db, db));
    const Run taken = ctl(db, {u"backup"_s});
    QVERIFY2(taken.exitCode == 0, qPrintable(taken.err));
    const QString backup = taken.json().value(u"backup"_s).toString();
    QVERIFY(damagePages(db, 3, 8));

    const Run refused = ctl(db, {u"event"_s, u"list"_s});
    QCOMPARE(refused.exitCode, 2);
    const QString command = u"checkinctl --db %1 restore %2"_s.arg(db, backup);
    QVERIFY2(refused.err.contains(u"is damaged"_s) && refused.err.contains(command), qPrintable(refused.err));

    // The command it names, run as printed, brings the database back.
    const Run restored = ctl(db, {u"restore"_s, backup});
    QVERIFY2(restored.exitCode == 0, qPrintable(restored.err));
    const Run list = ctl(db, {u"event"_s, u"list"_s});
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(list.json().value(u"number"_s).toInt(), 900);
}

void TestRecovery::kioskRefusesToStartOnADamagedDatabase()
{
    const QString kiosk = QStringLiteral(CHECKIN_BINARY_DIR "/kiosk/app/checkin-kiosk");
    if (!QFile::exists(kiosk))
        QSKIP("checkin-kiosk is not built");
    const QString db = path(u"kiosk-db/checkin.sqlite"_s);
    QDir().mkpath(path(u"kiosk-db"_s));
    QVERIFY(QFile::copy(m_db, db));
    const Run taken = ctl(db, {u"backup"_s});
    QVERIFY2(taken.exitCode == 0, qPrintable(taken.err));
    QVERIFY(damagePages(db, 1, 2));

    const Run r = runKiosk(kiosk, {u"--db"_s, db, u"--self-test"_s});
    QCOMPARE(r.exitCode, 1);
    const QString command = u"checkinctl --db %1 restore %2"_s.arg(db, taken.json().value(u"backup"_s).toString());
    QVERIFY2(r.err.contains(u"is damaged"_s) && r.err.contains(command), qPrintable(r.err));
}

void TestRecovery::kioskWritesABackupWhenItStartsAndStopsCleanly()
{
    const QString kiosk = QStringLiteral(CHECKIN_BINARY_DIR "/kiosk/app/checkin-kiosk");
    if (!QFile::exists(kiosk))
        QSKIP("checkin-kiosk is not built");
    const QString db = path(u"running-kiosk/checkin.sqlite"_s);
    QDir().mkpath(path(u"running-kiosk"_s));
    QVERIFY(QFile::copy(m_db, db));

    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    p.setProcessEnvironment(env);
    p.start(kiosk, {u"--db"_s, db, u"--windowed"_s, u"--no-camera"_s, u"--no-print"_s, u"--backup-interval"_s, u"5"_s});
    QVERIFY(p.waitForStarted());
    const QDir backups(path(u"running-kiosk/backups"_s));
    QTRY_VERIFY_WITH_TIMEOUT(backups.entryList({u"900-*Z.sqlite"_s}, QDir::Files).size() == 1, 60000);
    const QString backup = backups.filePath(backups.entryList({u"900-*Z.sqlite"_s}, QDir::Files).constFirst());
    QCOMPARE(modeOf(backup), 0600);
    QCOMPARE(*checkin::db::Database::checkFile(backup), u"ok"_s);

    p.terminate(); // SIGTERM: the kiosk quits its event loop and stops its threads
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 0);

    const Run bad = runKiosk(kiosk, {u"--db"_s, db, u"--backup-interval"_s, u"soon"_s});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains(u"--backup-interval"_s), qPrintable(bad.err));
}

void TestRecovery::readOnlyDatabaseOrFolderIsRefusedWithWhatToDo()
{
    const QString folder = path(u"read-only"_s);
    const QString db = folder + u"/checkin.sqlite"_s;
    QDir().mkpath(folder);
    QVERIFY(QFile::copy(m_db, db));
    {
        ReadOnly readOnly(db);
        if (!readOnly.ok())
            QSKIP("cannot make a file read-only here (root on a file system without chattr +i)");
        const Run r = ctl(db, {u"event"_s, u"list"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"cannot be written"_s) && r.err.contains(u"chmod 600"_s), qPrintable(r.err));
    }
    {
        // The kiosk refuses to start on it, before any window opens.
        const QString kiosk = QStringLiteral(CHECKIN_BINARY_DIR "/kiosk/app/checkin-kiosk");
        ReadOnly readOnly(db);
        QVERIFY(readOnly.ok());
        if (QFile::exists(kiosk)) {
            const Run r = runKiosk(kiosk, {u"--db"_s, db, u"--self-test"_s});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(u"cannot be written"_s), qPrintable(r.err));
        }
    }
    {
        ReadOnly readOnly(folder);
        QVERIFY(readOnly.ok());
        const Run r = ctl(db, {u"event"_s, u"list"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"folder %1 of the database is read-only"_s.arg(folder)), qPrintable(r.err));
    }
    QCOMPARE(ctl(db, {u"event"_s, u"list"_s}).exitCode, 0);
}

void TestRecovery::missingDatabaseSaysHowToCreateOne()
{
    const Run r = ctl(path(u"nowhere/checkin.sqlite"_s), {u"event"_s, u"list"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"There is no database"_s) && r.err.contains(u"checkinctl event create"_s),
             qPrintable(r.err));
}

// A real full disk: the database on a 1 MB tmpfs, filled while a kiosk has the database open.
void TestRecovery::fullDiskIsNamedAndTheNextCheckInAfterSpaceReturnsSucceeds()
{
    const QString mountPoint = path(u"small-disk"_s);
    QDir().mkpath(mountPoint);
    if (QProcess::execute(u"mount"_s, {u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size=1m"_s, u"none"_s, mountPoint}) != 0)
        QSKIP("needs root (or CAP_SYS_ADMIN) to mount a small tmpfs");
    const auto unmount = qScopeGuard([&] { QProcess::execute(u"umount"_s, {mountPoint}); });
    const QString db = mountPoint + u"/checkin.sqlite"_s;
    QVERIFY(QFile::copy(m_db, db));
    const Run decoded = ctl(m_db, {u"decode"_s, invitation(u"demo-004"_s)});
    const QString token = decoded.json().value(u"codes"_s).toArray().first().toObject().value(u"text"_s).toString();
    QVERIFY(!token.isEmpty());

    auto opened = checkin::db::Database::open(db);
    QVERIFY(opened);
    checkin::db::Database &kioskDb = **opened;
    const auto event = checkin::db::EventStore(kioskDb).byNumber(900);
    QVERIFY(event && *event);
    checkin::CheckInService service(kioskDb, **event, u"kiosk-a"_s);

    QFile filler(mountPoint + u"/filler"_s);
    QVERIFY(filler.open(QIODevice::WriteOnly));
    const QByteArray block(4096, 'x');
    while (filler.write(block) == block.size() && filler.flush()) {}
    filler.close();

    // Noon of a programme day at the venue: the three check-ins below fall on one day whenever the test runs (at
    // 23:59 venue time, "now" plus two minutes would be the next day).
    const QTimeZone zone((*event)->timeZone.toUtf8());
    const QDateTime now = QDateTime((*event)->firstDay, QTime(12, 0), zone).toUTC();
    const checkin::CheckInOutcome failed = service.checkIn(token, now);
    QCOMPARE(failed.kind, checkin::OutcomeKind::SystemError);
    QCOMPARE(failed.message,
             u"The kiosk's disk is full: the check-in was not recorded. Free disk space, then scan again."_s);
    // Another program meanwhile hears the same: as the check-in's outcome, or (when even opening the database
    // needs room) as the reason it cannot open it.
    const Run ctlFull = ctl(db, {u"checkin"_s, u"--payload"_s, token});
    QCOMPARE(ctlFull.exitCode, 2);
    if (!ctlFull.out.isEmpty()) {
        QCOMPARE(ctlFull.json().value(u"outcome"_s).toString(), u"error"_s);
        QCOMPARE(ctlFull.json().value(u"message"_s).toString(), failed.message);
    } else {
        QVERIFY2(ctlFull.err.contains(u"checkinctl: "_s + failed.message)
                     || (ctlFull.err.contains(u"is full"_s) && ctlFull.err.contains(u"Free disk space"_s)),
                 qPrintable(ctlFull.err));
    }

    QVERIFY(filler.remove());
    const checkin::CheckInOutcome again = service.checkIn(token, now.addSecs(60));
    QVERIFY2(again.kind == checkin::OutcomeKind::Welcome || again.kind == checkin::OutcomeKind::WelcomeBack,
             qPrintable(again.message));
    QCOMPARE(*kioskDb.integrityCheck(), u"ok"_s);
    QCOMPARE(service.checkIn(token, now.addSecs(120)).kind, checkin::OutcomeKind::AlreadyCheckedIn);
}

// With nobody holding the database open, even opening it needs room (SQLite creates its -wal and -shm files), and
// SQLite reports an I/O error: staff must still hear "disk full", not "broken disk".
void TestRecovery::fullDiskAtStartIsNamedAsAFullDisk()
{
    const QString mountPoint = path(u"small-disk-2"_s);
    QDir().mkpath(mountPoint);
    if (QProcess::execute(u"mount"_s, {u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size=1m"_s, u"none"_s, mountPoint}) != 0)
        QSKIP("needs root (or CAP_SYS_ADMIN) to mount a small tmpfs");
    const auto unmount = qScopeGuard([&] { QProcess::execute(u"umount"_s, {mountPoint}); });
    const QString db = mountPoint + u"/checkin.sqlite"_s;
    QVERIFY(QFile::copy(m_db, db));
    QFile filler(mountPoint + u"/filler"_s);
    QVERIFY(filler.open(QIODevice::WriteOnly));
    const QByteArray block(4096, 'x');
    while (filler.write(block) == block.size() && filler.flush()) {}
    filler.close();

    const Run r = ctl(db, {u"event"_s, u"list"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"the disk holding %1 is full"_s.arg(db)) && r.err.contains(u"Free disk space"_s),
             qPrintable(r.err));
    QVERIFY(filler.remove());
    QCOMPARE(ctl(db, {u"event"_s, u"list"_s}).exitCode, 0);
}

void TestRecovery::purgeRemovesAPastEventsPersonalDataAndSaysWhat()
{
    // A past event beside the current demo event, in the same file, with the demo's key.
    Run r = ctl(m_db, {u"event"_s, u"create"_s, u"--number"_s, u"121"_s, u"--name"_s, u"IETF 121 Dublin"_s, u"--city"_s,
                       u"Dublin"_s, u"--tz"_s, u"Europe/Dublin"_s, u"--from"_s, u"2025-03-15"_s, u"--to"_s,
                       u"2025-03-18"_s, u"--verify-key"_s, path(u"demo/keys/verify.pub"_s)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile csv(path(u"guests-121.csv"_s));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("external_id,display_name,latin_name,organisation,country_code,language,role\n"
              "p-001,Ангелина Пургова,Angelina Purgova,Ministry of Retention,RU,ru,policymaker\n"
              "p-002,Zanele Forgetmenot,Zanele Forgetmenot,Department of Erasure,ZA,en,policymaker\n"
              "p-003,佐藤消去,Sato Shokyo,Ministry of Internal Affairs,JP,en,policymaker\n");
    csv.close();
    const QStringList event121 = {u"--event"_s, u"121"_s};
    QCOMPARE(ctl(m_db, event121 + QStringList{u"guests"_s, u"import"_s, csv.fileName()}).exitCode, 0);
    r = ctl(m_db, event121
                      + QStringList{u"invitations"_s, u"issue"_s, u"--key"_s, path(u"demo/keys/signing.key"_s),
                                    u"--out"_s, path(u"inv121"_s)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    auto checkIn121 = [&](const QString &guest, const QString &at) {
        return ctl(m_db,
                   event121
                       + QStringList{u"checkin"_s, u"--image"_s, path(u"inv121/%1.png"_s.arg(guest)), u"--at"_s, at})
            .json()
            .value(u"outcome"_s)
            .toString();
    };
    QCOMPARE(checkIn121(u"p-001"_s, u"2025-03-15T09:00:00Z"_s), u"welcome"_s);
    QCOMPARE(checkIn121(u"p-001"_s, u"2025-03-16T09:00:00Z"_s), u"welcome_back"_s);
    QCOMPARE(checkIn121(u"p-002"_s, u"2025-03-16T09:30:00Z"_s), u"welcome"_s);
    QCOMPARE(ctl(m_db, event121 + QStringList{u"revoke"_s, u"p-003"_s, u"--reason"_s, u"lost it"_s}).exitCode, 0);
    const QString demoOutcome = checkIn(m_db, u"demo-002"_s);

    // Without --yes it only says what would go.
    const QJsonObject expectedRemoved{
        {u"guests"_s, 3},   {u"invitations"_s, 3}, {u"invitation_mails"_s, 0}, {u"attendance"_s, 3},
        {u"scan_log"_s, 3}, {u"print_jobs"_s, 4},  {u"guest_agenda"_s, 0},     {u"staff_actions_anonymised"_s, 1}};
    const QJsonArray expectedArrivals{QJsonObject{{u"day"_s, u"2025-03-15"_s}, {u"arrived"_s, 1}},
                                      QJsonObject{{u"day"_s, u"2025-03-16"_s}, {u"arrived"_s, 2}}};
    r = ctl(m_db, {u"purge"_s, u"--event"_s, u"121"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.json().value(u"purged"_s).toBool(), false);
    QCOMPARE(r.json().value(u"removed"_s).toObject(), expectedRemoved);
    QVERIFY2(r.err.contains(u"--yes"_s), qPrintable(r.err));
    QCOMPARE(checkIn121(u"p-002"_s, u"2025-03-16T10:00:00Z"_s), u"already_checked_in"_s);

    // The current event is refused; nothing is guessed without --event.
    r = ctl(m_db, {u"purge"_s, u"--event"_s, u"900"_s, u"--yes"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"is not over"_s) && r.err.contains(u"--force"_s), qPrintable(r.err));
    QCOMPARE(ctl(m_db, {u"purge"_s, u"--yes"_s}).exitCode, 2);

    r = ctl(m_db, {u"purge"_s, u"--event"_s, u"121"_s, u"--yes"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.json().value(u"purged"_s).toBool(), true);
    QJsonObject removed = expectedRemoved;
    removed[u"scan_log"_s] = 4; // with the scan above
    QCOMPARE(r.json().value(u"removed"_s).toObject(), removed);
    QCOMPARE(r.json().value(u"arrivals"_s).toArray(), expectedArrivals);
    QVERIFY2(r.err.contains(u"removed from event 121: 3 guests"_s), qPrintable(r.err));

    // The event stays, its people are gone, from the tables and from the bytes of the file.
    const Run events = ctl(m_db, {u"event"_s, u"list"_s});
    bool found = false;
    for (const QJsonObject &e : events.lines())
        found = found || e.value(u"number"_s).toInt() == 121;
    QVERIFY(found);
    QCOMPARE(checkIn121(u"p-001"_s, u"2025-03-17T09:00:00Z"_s), u"unknown"_s);
    QByteArray bytes;
    for (const QString &file : QStringList{m_db, m_db + u"-wal"_s}) {
        QFile f(file);
        if (f.open(QIODevice::ReadOnly))
            bytes += f.readAll();
    }
    for (const QString &name : {u"Ангелина Пургова"_s, u"Forgetmenot"_s, u"佐藤消去"_s, u"lost it"_s})
        QVERIFY2(!bytes.contains(name.toUtf8()), qPrintable(name));
    // The other event is untouched.
    QCOMPARE(checkIn(m_db, u"demo-002"_s), demoOutcome == u"welcome"_s ? u"already_checked_in"_s : demoOutcome);
}

void TestRecovery::missingOrDamagedKeysSayWhichFileToGive()
{
    const QStringList create = {u"event"_s,    u"create"_s,     u"--number"_s, u"125"_s,        u"--name"_s,
                                u"IETF 125"_s, u"--city"_s,     u"Shenzhen"_s, u"--tz"_s,       u"Asia/Shanghai"_s,
                                u"--from"_s,   u"2026-03-14"_s, u"--to"_s,     u"2026-03-20"_s, u"--verify-key"_s};
    Run r = ctl(m_db, create + QStringList{path(u"no-keys/verify.pub"_s)});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"Cannot read the verify key"_s) && r.err.contains(u"checkinctl keygen"_s),
             qPrintable(r.err));

    QFile damaged(path(u"damaged.pub"_s));
    QVERIFY(damaged.open(QIODevice::WriteOnly));
    QFile original(path(u"demo/keys/verify.pub"_s));
    QVERIFY(original.open(QIODevice::ReadOnly));
    damaged.write(original.readAll().chopped(8) + "\n");
    damaged.close();
    r = ctl(m_db, create + QStringList{damaged.fileName()});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"is damaged"_s), qPrintable(r.err));

    r = ctl(m_db,
            {u"invitations"_s, u"issue"_s, u"--key"_s, path(u"no-keys/signing.key"_s), u"--out"_s, path(u"inv"_s)});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"Cannot read the signing key"_s), qPrintable(r.err));
    QCOMPARE(ctl(m_db, {u"event"_s, u"list"_s}).lines().size(), 2); // 900 and 121: nothing was created
}

QTEST_GUILESS_MAIN(TestRecovery)
#include "tst_recovery.moc"
