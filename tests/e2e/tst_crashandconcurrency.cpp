// Durability and concurrency with real processes on one SQLite file: two processes hammering the same guest,
// and a check-in loop killed with SIGKILL again and again.
#include "tests/support/testevent.h"

#include "db/attendancestore.h"
#include "db/database.h"
#include "db/printjobstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QtTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace checkin;

namespace {

QString loopBinary()
{
    return QStringLiteral(CHECKIN_BINARY_DIR "/tests/e2e/checkin_loop");
}

QString writeTokens(const test::TestEvent &fixture, const QString &name, int from, int count)
{
    const QString path = QDir(fixture.dirPath()).filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    for (int i = from; i < from + count; ++i)
        f.write(fixture.token(i).toLatin1() + '\n');
    return path;
}

qint64 countRows(db::Database &db, const char *sql)
{
    auto stmt = db.prepare(sql);
    return (stmt && *stmt->step()) ? stmt->int64(0) : -1;
}

} // namespace

class TestCrashAndConcurrency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void twoProcessesCheckingInTheSameGuestMakeOneAttendanceRow();
    void killedCheckInLoopLosesNoPrintedCheckIn();
};

void TestCrashAndConcurrency::twoProcessesCheckingInTheSameGuestMakeOneAttendanceRow()
{
    test::TestEvent fixture;
    QVERIFY(fixture.isValid());
    const QString tokens = writeTokens(fixture, u"one.txt"_s, 0, 1);
    const QString at = fixture.localTime(1, 10, 0).toString(Qt::ISODate);

    QProcess a, b;
    a.start(loopBinary(), {fixture.dbPath(), tokens, u"200"_s, u"kiosk-a"_s, at});
    b.start(loopBinary(), {fixture.dbPath(), tokens, u"200"_s, u"kiosk-b"_s, at});
    QVERIFY(a.waitForFinished(120000));
    QVERIFY(b.waitForFinished(120000));
    QCOMPARE(a.exitCode(), 0);
    QCOMPARE(b.exitCode(), 0);

    int welcomes = 0, already = 0;
    for (QProcess *p : {&a, &b}) {
        const QList<QByteArray> lines = p->readAllStandardOutput().split('\n');
        for (const QByteArray &line : lines) {
            if (line.isEmpty())
                continue;
            const QString outcome = QJsonDocument::fromJson(line).object().value(u"outcome"_s).toString();
            if (outcome == u"welcome")
                ++welcomes;
            else if (outcome == u"already_checked_in")
                ++already;
            else
                QFAIL(qPrintable(u"unexpected outcome: "_s + QString::fromUtf8(line)));
        }
    }
    QCOMPARE(welcomes, 1);
    QCOMPARE(already, 399);
    QCOMPARE(countRows(fixture.db(), "SELECT count(*) FROM attendance"), 1);
    QCOMPARE(countRows(fixture.db(), "SELECT count(*) FROM print_job WHERE kind = 'badge'"), 1);
    QCOMPARE(countRows(fixture.db(), "SELECT count(*) FROM scan_log"), 400);
}

void TestCrashAndConcurrency::killedCheckInLoopLosesNoPrintedCheckIn()
{
    test::TestEvent::Options options;
    options.guests = 400;
    test::TestEvent fixture(options);
    QVERIFY(fixture.isValid());
    const QString tokens = writeTokens(fixture, u"many.txt"_s, 0, fixture.guestCount());
    const QString at = fixture.localTime(1, 10, 0).toString(Qt::ISODate);

    QSet<QString> printed; // check-in ids whose outcome reached stdout
    auto *rng = QRandomGenerator::global();
    int kills = 0;
    for (int round = 0; round < 25; ++round) {
        QProcess loop;
        loop.start(loopBinary(), {fixture.dbPath(), tokens, u"3"_s, u"kiosk-k"_s, at});
        QVERIFY(loop.waitForStarted());
        QTest::qWait(int(rng->bounded(15, 120)));
        if (loop.state() == QProcess::Running) {
            ::kill(pid_t(loop.processId()), SIGKILL);
            ++kills;
        }
        loop.waitForFinished(30000);
        for (const QByteArray &line : loop.readAllStandardOutput().split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value(u"outcome"_s).toString() == u"welcome")
                printed.insert(o.value(u"checkin"_s).toString());
        }
    }
    qInfo("%d of 25 loops killed mid-run; %lld welcomes printed", kills, static_cast<long long>(printed.size()));
    QVERIFY(kills > 0);

    auto db = db::Database::open(fixture.dbPath());
    QVERIFY(db);
    QCOMPARE(*(*db)->integrityCheck(), u"ok"_s);
    db::AttendanceStore attendance(**db);
    for (const QString &id : std::as_const(printed)) {
        auto row = attendance.byUid(id);
        QVERIFY2(row && *row, qPrintable(u"printed check-in %1 is missing"_s.arg(id)));
    }
    QCOMPARE(countRows(**db, "SELECT count(*) FROM (SELECT guest_id, day FROM attendance "
                             "GROUP BY guest_id, day HAVING count(*) > 1)"),
             0);
    const qint64 arrived = countRows(**db, "SELECT count(*) FROM attendance");
    QVERIFY(arrived >= printed.size());
    QCOMPARE(countRows(**db, "SELECT count(*) FROM print_job WHERE kind = 'badge'"), arrived);
}

QTEST_GUILESS_MAIN(TestCrashAndConcurrency)
#include "tst_crashandconcurrency.moc"
