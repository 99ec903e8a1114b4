// Crash safety with the real binary: `checkinctl checkin` and `checkinctl print-worker` run side by side on one
// database, each SIGKILLed at a random moment, again and again (at least 100 kills of each), over many guests
// and programme days, printing into a PDF-folder printer. Afterwards the file is intact, every check-in whose
// outcome line reached stdout is on disk, no guest has two live rows for a day, and no job was printed twice.
//
// The random moments come from a seeded generator: the seed is printed, and CHECKIN_CRASH_SEED=<seed> replays a
// run (the kill delays replay exactly; where in the process they land depends on the machine's speed).
#include "tests/printing/cupstestenv.h"
#include "tests/support/testevent.h"

#include "db/attendancestore.h"
#include "db/database.h"
#include "kiosk/checkin/checkinservice.h"
#include "kiosk/printqueue/printqueueworker.h"
#include "printing/pdffolderprinter.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QtTest>

#include <algorithm>
#include <csignal>

using namespace Qt::StringLiterals;
using namespace checkin;

namespace {

constexpr int kGuests = 400;
constexpr int kDays = 4;
constexpr int kKillsWanted = 150; // of each kind; the issue asks for at least 100
constexpr int kCupsKills = 40;    // a CUPS hand-over is slower: fewer kills keep the test short
constexpr int kMaxRounds = 1500;  // a safety net: about half the rounds end with a killed worker

QString ctlBinary()
{
    return QStringLiteral(CHECKIN_BINARY_DIR "/kiosk/checkinctl");
}

qint64 countRows(db::Database &db, const char *sql)
{
    auto stmt = db.prepare(sql);
    return (stmt && *stmt->step()) ? stmt->int64(0) : -1;
}

// One run of checkinctl that is SIGKILLed after delayMs unless it finished first.
class Victim
{
public:
    void start(const QStringList &args, qint64 delayMs)
    {
        m_delay = delayMs;
        m_process.start(ctlBinary(), args);
        m_clock.start();
    }
    // Kills the process when its moment has come; true while it is still running.
    bool poll()
    {
        if (m_process.state() == QProcess::NotRunning)
            return false;
        if (!m_killSent && m_clock.elapsed() >= m_delay && m_process.processId() > 0) {
            ::kill(pid_t(m_process.processId()), SIGKILL);
            m_killSent = true;
        }
        m_process.waitForFinished(1);
        return m_process.state() != QProcess::NotRunning;
    }
    void waitUntilDone()
    {
        while (poll()) {}
        m_elapsed = m_clock.elapsed();
    }
    // Died of the SIGKILL (it may have exited by itself just before the signal came).
    [[nodiscard]] bool killed() const { return m_process.exitStatus() == QProcess::CrashExit; }
    [[nodiscard]] qint64 elapsed() const { return m_elapsed; }
    // Every complete line the process wrote before it ended: what a caller reading its stdout has seen.
    [[nodiscard]] QList<QByteArray> lines()
    {
        QList<QByteArray> complete = m_process.readAllStandardOutput().split('\n');
        complete.removeLast(); // empty after a final '\n', else a torn line nobody could have read
        return complete;
    }
    [[nodiscard]] QString errors() { return QString::fromUtf8(m_process.readAllStandardError()); }

private:
    QProcess m_process;
    QElapsedTimer m_clock;
    qint64 m_delay = 0;
    qint64 m_elapsed = 0;
    bool m_killSent = false;
};

struct Reported
{
    QString checkinId;
    QString guest;
    QString day;
};

} // namespace

class TestCrashHarness : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedCheckInsAndPrintWorkersLoseNothingAndPrintNothingTwice();
    void killedPrintWorkerNeverHandsAJobToCupsTwice();
};

void TestCrashHarness::killedCheckInsAndPrintWorkersLoseNothingAndPrintNothingTwice()
{
    quint32 seed = QRandomGenerator::system()->generate();
    if (qEnvironmentVariableIsSet("CHECKIN_CRASH_SEED"))
        seed = quint32(qEnvironmentVariable("CHECKIN_CRASH_SEED").toULong());
    qInfo("crash harness seed %u (replay with CHECKIN_CRASH_SEED=%u)", seed, seed);
    QRandomGenerator rng(seed);

    test::TestEvent::Options options;
    options.guests = 0;
    test::TestEvent fixture(options);
    QVERIFY(fixture.isValid());
    {
        const QStringList names = {
            u"Nguyễn Thị Minh Khai"_s, u"Ольга Смирнова"_s, u"山田太郎"_s, u"ليلى حسن"_s, u"สมชาย ใจดี"_s, u"Guest"_s};
        db::Transaction tx(fixture.db());
        QVERIFY(tx.begin());
        for (int i = 0; i < kGuests; ++i)
            QVERIFY(fixture.addGuest(u"%1 %2"_s.arg(names.at(i % names.size())).arg(i + 1)) == i);
        QVERIFY(tx.commit());
    }
    const QString badges = QDir(fixture.dirPath()).filePath(u"badges"_s);
    const QString agendas = QDir(fixture.dirPath()).filePath(u"agendas"_s);
    const QStringList base = {u"--db"_s, fixture.dbPath(), u"--kiosk"_s, u"crash-kiosk"_s};
    {
        QProcess setup;
        setup.start(ctlBinary(), base
                                     + QStringList{u"printers"_s, u"--badge-printer"_s, u"folder:"_s + badges,
                                                   u"--agenda-printer"_s, u"folder:"_s + agendas});
        QVERIFY(setup.waitForFinished(60000));
        QVERIFY2(setup.exitCode() == 0, setup.readAllStandardError().constData());
    }

    const auto checkInArgs = [&] {
        const int guest = int(rng.bounded(kGuests));
        const int day = 1 + int(rng.bounded(kDays));
        const QDateTime at = fixture.localTime(day, 8 + int(rng.bounded(10)), int(rng.bounded(60)));
        return base
               + QStringList{u"checkin"_s, u"--payload"_s, fixture.token(guest), u"--at"_s, at.toString(Qt::ISODate)};
    };
    const QStringList workerArgs = base + QStringList{u"print-worker"_s, u"--once"_s};

    QList<Reported> reported; // outcomes whose line was read before the process died
    const auto harvestCheckIn = [&](Victim &v) {
        for (const QByteArray &line : v.lines()) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            const QString outcome = o.value(u"outcome"_s).toString();
            QVERIFY2(outcome == u"welcome" || outcome == u"welcome_back" || outcome == u"already_checked_in",
                     line.constData());
            reported.append(
                {o.value(u"checkin"_s).toString(), o.value(u"guest"_s).toString(), o.value(u"day"_s).toString()});
        }
    };

    // How long an undisturbed run takes, so that the kills land anywhere from start-up to exit.
    QList<qint64> checkInTimes;
    for (int i = 0; i < 5; ++i) {
        Victim v;
        v.start(checkInArgs(), 1'000'000);
        v.waitUntilDone();
        QVERIFY2(!v.killed(), qPrintable(v.errors()));
        harvestCheckIn(v);
        checkInTimes << v.elapsed();
    }
    qint64 workerTime = 0;
    {
        Victim v;
        v.start(workerArgs, 1'000'000);
        v.waitUntilDone();
        QVERIFY2(!v.killed(), qPrintable(v.errors()));
        workerTime = v.elapsed();
    }
    std::sort(checkInTimes.begin(), checkInTimes.end());
    const qint64 checkInSpan = checkInTimes.at(2) * 3 / 2 + 1;
    qint64 workerSpan = std::max<qint64>(workerTime, checkInSpan * 4) * 11 / 10 + 1;
    qInfo("an undisturbed checkin takes %lld ms, print-worker --once %lld ms: kills land in [0, %lld] (half of them in "
          "its last 40 %%) and [0, %lld] ms",
          static_cast<long long>(checkInTimes.at(2)), static_cast<long long>(workerTime),
          static_cast<long long>(checkInSpan), static_cast<long long>(workerSpan));

    // Jobs a killed worker left in each state: claimed with nothing at the printer yet, claimed with the PDF
    // written but not recorded (the next worker must adopt it, not print it again), at the printer.
    int orphanClaims = 0, orphansWritten = 0, killedAtPrinter = 0;
    const auto noteLeftovers = [&] {
        auto stmt = fixture.db().prepare(
            "SELECT uid, idempotency_key, kind, printer FROM print_job WHERE state = 'sent'");
        QVERIFY(stmt);
        while (*stmt->step()) {
            if (!stmt->text(3).isEmpty()) {
                ++killedAtPrinter;
                continue;
            }
            ++orphanClaims;
            db::PrintJobRecord job;
            job.uid = stmt->text(0);
            job.idempotencyKey = stmt->text(1);
            const QString folder = stmt->text(2) == u"badge" ? badges : agendas;
            if (QFileInfo::exists(
                    QDir(folder).filePath(PdfFolderPrinter::fileNameFor(PrintQueueWorker::jobTitle(job)))))
                ++orphansWritten;
        }
    };

    // Lets the time pass that a restarted worker would wait: a claim whose worker died is recovered only after
    // claimTimeout (120 s), and a job put back waits for its retry delay. Done only while no worker runs, which
    // is what the timeout stands for: nobody else can still be handing the job over.
    const auto letTimePass = [&] {
        auto stmt = fixture.db().prepare("UPDATE print_job SET updated_at = '2000-01-01T00:00:00.000Z' "
                                         "WHERE state IN ('queued', 'sent')");
        QVERIFY(stmt);
        QVERIFY(stmt->run());
    };

    QElapsedTimer wall;
    wall.start();
    int checkInKills = 0, checkInRuns = 0, workerKills = 0, workerRuns = 0, rounds = 0, adopted = 0;
    QList<qint64> recentWorkerTimes = {workerTime};
    while ((checkInKills < kKillsWanted || workerKills < kKillsWanted) && rounds < kMaxRounds) {
        ++rounds;
        Victim worker;
        worker.start(workerArgs, qint64(rng.bounded(quint32(workerSpan))));
        // Kiosks keep scanning while the worker prints: one check-in after another until the worker is gone.
        do {
            Victim checkIn;
            // A third of the runs are left alone (guests keep arriving, so the worker has jobs to be killed over);
            // of the others half are killed anywhere in the run, half in its last part, where the transaction
            // commits and the outcome is written.
            const qint64 median = checkInTimes.at(2);
            const int kind = int(rng.bounded(6));
            const qint64 delay = kind < 2   ? qint64(1'000'000)
                                 : kind < 4 ? qint64(rng.bounded(quint32(checkInSpan)))
                                            : median * 3 / 5 + qint64(rng.bounded(quint32(median * 3 / 5 + 1)));
            checkIn.start(checkInArgs(), delay);
            while (checkIn.poll())
                worker.poll();
            ++checkInRuns;
            checkInKills += checkIn.killed() ? 1 : 0;
            harvestCheckIn(checkIn);
        } while (worker.poll());
        worker.waitUntilDone();
        ++workerRuns;
        adopted += int(worker.errors().count(u"adopted"_s));
        if (worker.killed()) {
            ++workerKills;
            noteLeftovers();
        } else {
            // Aim the kills at the length of a run now (an idle queue makes short runs).
            recentWorkerTimes.append(worker.elapsed());
            if (recentWorkerTimes.size() > 5)
                recentWorkerTimes.removeFirst();
            workerSpan = *std::max_element(recentWorkerTimes.cbegin(), recentWorkerTimes.cend()) * 6 / 5 + 1;
        }
        letTimePass();
    }
    qInfo("%d rounds in %lld ms: %d of %d checkin runs and %d of %d print-worker runs SIGKILLed; %lld outcomes read",
          rounds, static_cast<long long>(wall.elapsed()), checkInKills, checkInRuns, workerKills, workerRuns,
          static_cast<long long>(reported.size()));
    qInfo("after the worker kills: %d claims without a printer job (%d of them with the PDF already written) and %d "
          "jobs at the printer not yet marked printed",
          orphanClaims, orphansWritten, killedAtPrinter);
    QVERIFY(checkInKills >= kKillsWanted);
    QVERIFY(workerKills >= kKillsWanted);

    // The jobs a killed worker left behind are finished by the next, undisturbed, runs.
    for (int i = 0; i < 5 && countRows(fixture.db(), "SELECT count(*) FROM print_job WHERE state <> 'printed'") > 0;
         ++i) {
        Victim finisher;
        finisher.start(workerArgs, 1'000'000);
        finisher.waitUntilDone();
        const QString errors = finisher.errors();
        QVERIFY2(!finisher.killed(), qPrintable(errors));
        adopted += int(errors.count(u"adopted"_s));
        letTimePass();
    }
    qInfo("%d jobs a killed worker had written were adopted by the next worker instead of printed again", adopted);

    auto db = db::Database::open(fixture.dbPath());
    QVERIFY(db);
    QCOMPARE(*(*db)->integrityCheck(), u"ok"_s);

    // Every outcome read from stdout is on disk, as the row it named, live.
    db::AttendanceStore attendance(**db);
    QSet<QString> guestsIn;
    for (const Reported &r : std::as_const(reported)) {
        auto row = attendance.byUid(r.checkinId);
        QVERIFY2(row && *row,
                 qPrintable(u"reported check-in %1 of %2 on %3 is missing"_s.arg(r.checkinId, r.guest, r.day)));
        QCOMPARE((*row)->day.toString(Qt::ISODate), r.day);
        QVERIFY((*row)->annulledAt.isEmpty());
        guestsIn.insert(r.guest);
    }
    QCOMPARE(countRows(**db, "SELECT count(*) FROM (SELECT guest_id, day FROM attendance WHERE annulled_at IS NULL "
                             "GROUP BY guest_id, day HAVING count(*) > 1)"),
             0);
    // Attendance and its scan log row were one transaction: never one without the other.
    QCOMPARE(countRows(**db, "SELECT count(*) FROM attendance a WHERE NOT EXISTS "
                             "(SELECT 1 FROM scan_log s WHERE s.attendance_uid = a.uid)"),
             0);
    // Every guest who came in has exactly one first-check-in badge and agenda job, none without a check-in.
    QSet<QString> reportedIds;
    for (const Reported &r : std::as_const(reported))
        reportedIds.insert(r.checkinId);
    qint64 committedUnreported = 0;
    if (auto all = (*db)->prepare("SELECT uid FROM attendance")) {
        while (*all->step())
            committedUnreported += reportedIds.contains(all->text(0)) ? 0 : 1;
    }
    qInfo("%lld check-ins committed but killed before their outcome was read; %lld scan log rows",
          static_cast<long long>(committedUnreported),
          static_cast<long long>(countRows(**db, "SELECT count(*) FROM scan_log")));
    const qint64 guestsArrived = countRows(**db, "SELECT count(DISTINCT guest_id) FROM attendance");
    QVERIFY(guestsArrived >= guestsIn.size());
    QCOMPARE(countRows(**db, "SELECT count(*) FROM print_job WHERE kind = 'badge'"), guestsArrived);
    QCOMPARE(countRows(**db, "SELECT count(*) FROM print_job WHERE kind = 'agenda'"), guestsArrived);
    QCOMPARE(countRows(**db, "SELECT count(*) FROM print_job p WHERE NOT EXISTS "
                             "(SELECT 1 FROM attendance a WHERE a.guest_id = p.guest_id)"),
             0);

    // Every job printed, each exactly once: one PDF per job title, no "<title> (2).pdf", one badge per guest.
    QCOMPARE(countRows(**db, "SELECT count(*) FROM print_job WHERE state <> 'printed'"), 0);
    QStringList files = QDir(badges).entryList({u"*.pdf"_s}, QDir::Files)
                        + QDir(agendas).entryList({u"*.pdf"_s}, QDir::Files);
    QHash<QString, int> perTitle;
    for (const QString &file : std::as_const(files))
        ++perTitle[file];
    auto jobs = (*db)->prepare("SELECT uid, idempotency_key, kind, guest_id, printer FROM print_job");
    QVERIFY(jobs);
    qint64 jobCount = 0;
    QSet<qint64> badgeGuests;
    while (*jobs->step()) {
        ++jobCount;
        db::PrintJobRecord job;
        job.uid = jobs->text(0);
        job.idempotencyKey = jobs->text(1);
        const QString file = PdfFolderPrinter::fileNameFor(PrintQueueWorker::jobTitle(job));
        QVERIFY2(perTitle.value(file) == 1, qPrintable(u"%1 printed %2 times"_s.arg(file).arg(perTitle.value(file))));
        QVERIFY2(!perTitle.contains(file.chopped(4) + u" (2).pdf"_s), qPrintable(file + u" was printed twice"_s));
        QCOMPARE(QFileInfo(jobs->text(4)).fileName(), file);
        if (jobs->text(2) == u"badge") {
            QVERIFY(!badgeGuests.contains(jobs->int64(3)));
            badgeGuests.insert(jobs->int64(3));
        }
    }
    QCOMPARE(qint64(files.size()), jobCount);
    const qint64 leftovers = (QDir(badges).entryList(QDir::Files) + QDir(agendas).entryList(QDir::Files)).size()
                             - files.size();
    qInfo("%lld guests arrived, %lld check-in rows, %lld jobs printed once each; %lld half-written temporary files "
          "left by killed workers",
          static_cast<long long>(guestsArrived),
          static_cast<long long>(countRows(**db, "SELECT count(*) FROM attendance")), static_cast<long long>(jobCount),
          static_cast<long long>(leftovers));
    QVERIFY(wall.elapsed() < 600000);
}

// The same kills against a real print server: the private cupsd of tests/printing/cupstestenv.h, whose cups-pdf
// queues write one PDF per job they print. A worker killed between CUPS accepting a job and the handle being
// committed must find the job at CUPS by its title and adopt it, not send it again.
void TestCrashHarness::killedPrintWorkerNeverHandsAJobToCupsTwice()
{
    quint32 seed = QRandomGenerator::system()->generate();
    if (qEnvironmentVariableIsSet("CHECKIN_CRASH_SEED"))
        seed = quint32(qEnvironmentVariable("CHECKIN_CRASH_SEED").toULong());
    qInfo("CUPS crash seed %u (replay with CHECKIN_CRASH_SEED=%u)", seed, seed);
    QRandomGenerator rng(seed);

    test::CupsTestEnv cups;
    QVERIFY2(cups.start(), qPrintable(cups.error()));
    test::TestEvent::Options options;
    options.guests = 2 * kCupsKills + 10;
    test::TestEvent fixture(options);
    QVERIFY(fixture.isValid());
    // Guests keep arriving, two before each worker run, so every run has jobs to hand over and follow.
    CheckInService service(fixture.db(), fixture.event(), u"cups-kiosk"_s);
    int arrived = 0;
    const auto arrive = [&](int count) {
        for (int i = 0; i < count && arrived < fixture.guestCount(); ++i, ++arrived)
            QCOMPARE(service.checkIn(fixture.token(arrived), fixture.localTime(1, 9, 0)).kind, OutcomeKind::Welcome);
    };
    arrive(10);
    const QStringList base = {u"--db"_s, fixture.dbPath(), u"--kiosk"_s, u"cups-kiosk"_s};
    {
        QProcess setup;
        setup.start(ctlBinary(),
                    base
                        + QStringList{u"printers"_s, u"--badge-printer"_s, u"cups:badges@"_s + cups.server(),
                                      u"--agenda-printer"_s, u"cups:agendas@"_s + cups.server()});
        QVERIFY(setup.waitForFinished(60000));
        QVERIFY2(setup.exitCode() == 0, setup.readAllStandardError().constData());
    }
    const auto letTimePass = [&] {
        auto stmt = fixture.db().prepare("UPDATE print_job SET updated_at = '2000-01-01T00:00:00.000Z' "
                                         "WHERE state IN ('queued', 'sent')");
        QVERIFY(stmt);
        QVERIFY(stmt->run());
    };
    const QStringList workerArgs = base + QStringList{u"print-worker"_s, u"--once"_s};

    QElapsedTimer wall;
    wall.start();
    int kills = 0, runs = 0, orphanClaims = 0, adopted = 0;
    qint64 span = 1500;
    while (kills < kCupsKills && runs < kMaxRounds) {
        arrive(2);
        Victim worker;
        // Half the kills anywhere in the run (mostly while it follows jobs at CUPS), half in its first moments,
        // where it claims jobs and hands them over.
        worker.start(workerArgs, qint64(rng.bounded(quint32(rng.bounded(2) ? span : std::min<qint64>(span, 400)))));
        worker.waitUntilDone();
        ++runs;
        adopted += int(worker.errors().count(u"adopted"_s));
        if (worker.killed()) {
            ++kills;
            orphanClaims += int(
                countRows(fixture.db(), "SELECT count(*) FROM print_job WHERE state = 'sent' AND printer = ''"));
        } else {
            span = std::max<qint64>(worker.elapsed() * 6 / 5, 50);
        }
        letTimePass();
    }
    QCOMPARE(kills, kCupsKills);
    arrive(fixture.guestCount());
    const qint64 jobCount = countRows(fixture.db(), "SELECT count(*) FROM print_job");
    QCOMPARE(jobCount, qint64(2 * fixture.guestCount()));

    // Undisturbed runs finish what the killed ones left, then cups-pdf writes the last files. As many runs as make
    // progress (a loaded machine prints fewer jobs while one run follows them), until three in a row print nothing.
    const auto unprinted = [&] {
        return countRows(fixture.db(), "SELECT count(*) FROM print_job WHERE state <> 'printed'");
    };
    for (int idleRuns = 0; idleRuns < 3 && unprinted() > 0;) {
        const qint64 before = unprinted();
        Victim finisher;
        finisher.start(workerArgs, 1'000'000);
        finisher.waitUntilDone();
        const QString errors = finisher.errors();
        QVERIFY2(!finisher.killed(), qPrintable(errors));
        adopted += int(errors.count(u"adopted"_s));
        letTimePass();
        idleRuns = unprinted() < before ? 0 : idleRuns + 1;
    }
    qInfo("%d of %d print-worker runs against CUPS SIGKILLed in %lld ms; they left %d claims without a handle, and %d "
          "jobs a killed worker had handed to CUPS were adopted instead of sent again",
          kills, runs, static_cast<long long>(wall.elapsed()), orphanClaims, adopted);
    QCOMPARE(unprinted(), 0);
    QVERIFY2(test::CupsTestEnv::waitFor(
                 [&] { return cups.printed(u"badges"_s).size() + cups.printed(u"agendas"_s).size() >= jobCount; }),
             qPrintable(cups.logTail()));
    // A second copy of some job would be a job CUPS still holds or has printed: wait until CUPS has finished every
    // job it was given (lpstat -o lists none), so all it will ever print is in the folders now.
    QString unfinished;
    QVERIFY2(test::CupsTestEnv::waitFor(
                 [&] { return cups.admin(u"lpstat"_s, {u"-o"_s}, &unfinished) && unfinished.trimmed().isEmpty(); }),
             qPrintable(unfinished + cups.error()));
    const QStringList printed = cups.printed(u"badges"_s) + cups.printed(u"agendas"_s);
    auto jobs = fixture.db().prepare("SELECT uid FROM print_job");
    QVERIFY(jobs);
    while (*jobs->step()) {
        const QString uid = jobs->text(0);
        QVERIFY2(
            printed.filter(uid, Qt::CaseInsensitive).size() == 1,
            qPrintable(u"job %1 printed %2 times"_s.arg(uid).arg(printed.filter(uid, Qt::CaseInsensitive).size())));
    }
    QCOMPARE(qint64(printed.size()), jobCount);
    auto db = db::Database::open(fixture.dbPath());
    QVERIFY(db);
    QCOMPARE(*(*db)->integrityCheck(), u"ok"_s);
}

QTEST_GUILESS_MAIN(TestCrashHarness)
#include "tst_crashharness.moc"
