// The print queue end to end: real check-ins (CheckInService on a real SQLite file) queue badge and agenda jobs,
// PrintQueueWorker renders them (libharu) and prints them through a private cupsd whose cups-pdf queues write
// every printed page to a folder, so "printed exactly once" is counted in files. A stopped queue, a dead cupsd
// and a worker process killed with SIGKILL at each step of a hand-over all end with each job printed once.

#include "tests/kiosk/testbadgerenderer.h"
#include "tests/printing/cupstestenv.h"
#include "tests/support/testevent.h"

#include "db/gueststore.h"
#include "db/printjobstore.h"
#include "kiosk/checkin/checkinservice.h"
#include "kiosk/printqueue/printqueueworker.h"
#include "printing/cupsprinter.h"
#include "printing/pdffolderprinter.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace checkin;
using checkin::test::CupsTestEnv;
using checkin::test::TestEvent;

namespace {

const QString Kiosk = u"kiosk-1"_s;

} // namespace

class TestPrintQueue : public QObject
{
    Q_OBJECT

private:
    CupsTestEnv m_env;
    int m_nextEventNumber = 300;

    // A fresh event (its own number, so its jobs' keys are new to the shared cupsd) with `guests` guests.
    std::unique_ptr<TestEvent> newEvent(int guests = 3)
    {
        TestEvent::Options o;
        o.number = m_nextEventNumber++;
        o.guests = guests;
        return std::make_unique<TestEvent>(o);
    }

    static CheckInOutcome checkIn(TestEvent &ev, int guest)
    {
        CheckInService service(ev.db(), ev.event(), Kiosk);
        return service.checkIn(ev.token(guest), ev.localTime(1, 9, 0));
    }

    static PrintQueueWorker::Options fastOptions(const TestEvent &ev)
    {
        PrintQueueWorker::Options o;
        o.dbPath = ev.dbPath();
        o.kioskId = Kiosk;
        o.firstRetryDelay = 200ms;
        o.maxRetryDelay = 1000ms;
        o.pollInterval = 100ms;
        o.idleInterval = 500ms;
        o.claimTimeout = 1500ms;
        return o;
    }

    std::shared_ptr<Printer> cups(const QString &queue)
    {
        return std::make_shared<CupsPrinter>(CupsPrinter::Options{queue, m_env.server(), {}, 10000ms, {}});
    }

    std::unique_ptr<PrintQueueWorker> cupsWorker(TestEvent &ev)
    {
        auto worker = std::make_unique<PrintQueueWorker>(fastOptions(ev), test::badgeRenderer(ev.dbPath()));
        worker->setPrinter(u"badge"_s, cups(u"badges"_s));
        worker->setPrinter(u"agenda"_s, cups(u"agendas"_s));
        return worker;
    }

    static db::PrintJobRecord job(TestEvent &ev, int guest, const QString &kind)
    {
        db::PrintJobStore store(ev.db());
        auto found = store.byKey(u"%1/%2/%3/first"_s.arg(kind).arg(ev.event().number).arg(ev.externalId(guest)));
        return found && *found ? **found : db::PrintJobRecord{};
    }

    static db::PrintJobRecord reload(TestEvent &ev, const db::PrintJobRecord &j)
    {
        db::PrintJobStore store(ev.db());
        auto found = store.byId(j.id);
        return found && *found ? **found : db::PrintJobRecord{};
    }

    // The PDFs cups-pdf wrote for this job (its uid is in the job title, hence in the file name).
    QStringList printedFiles(const db::PrintJobRecord &j)
    {
        return m_env.printed(j.kind == u"badge"_s ? u"badges"_s : u"agendas"_s, j.uid);
    }

    // Runs the worker until cond() holds (true) or timeoutMs passes (false).
    template<typename Cond>
    static bool runUntil(PrintQueueWorker &worker, Cond cond, int timeoutMs = 60000)
    {
        QElapsedTimer t;
        t.start();
        for (;;) {
            const auto summary = worker.runOnce();
            if (cond())
                return true;
            if (t.elapsed() > timeoutMs)
                return false;
            QThread::msleep(std::min<qint64>(summary.nextRunIn.count(), 100));
        }
    }

    // One more pass that finds nothing to do: nothing handed over or adopted, nothing queued or at a printer. It
    // shows that nothing more happens by the worker having looked, not by time having passed.
    static bool idlePass(PrintQueueWorker &worker)
    {
        const auto s = worker.runOnce();
        return s.error.isEmpty() && s.submitted == 0 && s.adopted == 0 && s.atPrinter == 0 && s.queued == 0;
    }

    static bool isPrinted(TestEvent &ev, const db::PrintJobRecord &j) { return reload(ev, j).state == u"printed"_s; }

    QString helperPath() const { return QStringLiteral(PRINTQUEUE_HELPER); }

    QStringList helperArgs(const TestEvent &ev) const
    {
        return {u"--db"_s, ev.dbPath(), u"--server"_s, m_env.server(), u"--kiosk"_s, Kiosk};
    }

private Q_SLOTS:
    void initTestCase()
    {
        // No silent skip: a machine that cannot run cupsd fails here, saying why.
        QVERIFY2(m_env.start(), qPrintable(u"could not start a private cupsd: "_s + m_env.error()));
    }

    void cleanupTestCase() { m_env.cleanup(); }

    // Whatever a test did to the print server, the next one starts with it running and both queues ready.
    void cleanup()
    {
        if (!m_env.admin(u"lpstat"_s, {u"-r"_s}) || !m_env.admin(u"cupsenable"_s, {u"badges"_s, u"agendas"_s}))
            QVERIFY2(m_env.start(), qPrintable(m_env.error()));
        QVERIFY2(m_env.admin(u"cupsenable"_s, {u"badges"_s, u"agendas"_s}), qPrintable(m_env.error()));
        QVERIFY2(m_env.admin(u"cupsaccept"_s, {u"badges"_s, u"agendas"_s}), qPrintable(m_env.error()));
    }

    void retryDelaysDoubleUpToTheCap()
    {
        PrintQueueWorker::Options o; // 2 s doubling, 60 s cap
        QCOMPARE(PrintQueueWorker::retryDelay(0, o), 0ms);
        QCOMPARE(PrintQueueWorker::retryDelay(1, o), 2000ms);
        QCOMPARE(PrintQueueWorker::retryDelay(2, o), 4000ms);
        QCOMPARE(PrintQueueWorker::retryDelay(5, o), 32000ms);
        QCOMPARE(PrintQueueWorker::retryDelay(6, o), 60000ms);
        QCOMPARE(PrintQueueWorker::retryDelay(40, o), 60000ms);
    }

    void checkInBadgeReachesThePrinter()
    {
        auto ev = newEvent();
        QVERIFY2(ev->isValid(), qPrintable(ev->error()));
        const CheckInOutcome outcome = checkIn(*ev, 0);
        QCOMPARE(outcome.printJobsQueued, (QStringList{u"badge"_s, u"agenda"_s}));
        const db::PrintJobRecord badge = job(*ev, 0, u"badge"_s);
        const db::PrintJobRecord agenda = job(*ev, 0, u"agenda"_s);
        QCOMPARE(badge.state, u"queued"_s);

        auto worker = cupsWorker(*ev);
        QSignalSpy changes(worker.get(), &PrintQueueWorker::jobChanged);
        QVERIFY2(runUntil(*worker, [&] { return isPrinted(*ev, badge) && isPrinted(*ev, agenda); }),
                 qPrintable(reload(*ev, badge).lastError + u" | "_s + m_env.logTail()));

        const db::PrintJobRecord b = reload(*ev, badge);
        QCOMPARE(b.attempts, 1);
        QVERIFY2(b.printer.startsWith(u"badges-"_s), qPrintable(b.printer));
        QCOMPARE(b.lastError, QString());
        QVERIFY(reload(*ev, agenda).printer.startsWith(u"agendas-"_s));

        // The printer's output is the guest's badge: one page with the guest's name and the job's key.
        const QStringList files = printedFiles(b);
        QCOMPARE(files.size(), 1);
        QCOMPARE(test::pdfPages(files.first()), 1);
        const QString text = test::pdfText(files.first());
        QVERIFY2(text.contains(u"Guest 1"_s), qPrintable(text));
        QVERIFY2(text.contains(b.idempotencyKey), qPrintable(text));
        QVERIFY2(text.contains(u"BADGE"_s), qPrintable(text));
        QCOMPARE(printedFiles(reload(*ev, agenda)).size(), 1);

        bool sawPrinted = false;
        for (const auto &args : changes)
            sawPrinted |= args.at(0).toLongLong() == badge.id && args.at(3).toString() == u"printed"_s;
        QVERIFY(sawPrinted);

        // Running on finds nothing more to do: still one badge.
        QVERIFY(idlePass(*worker));
        QCOMPARE(printedFiles(b).size(), 1);
    }

    void stoppedQueueKeepsTheJobUntilResumed()
    {
        auto ev = newEvent();
        QVERIFY(m_env.admin(u"cupsdisable"_s, {u"badges"_s}));
        checkIn(*ev, 0);
        const db::PrintJobRecord badge = job(*ev, 0, u"badge"_s);
        const db::PrintJobRecord agenda = job(*ev, 0, u"agenda"_s);
        auto worker = cupsWorker(*ev);
        QSignalSpy problems(worker.get(), &PrintQueueWorker::printerProblemChanged);

        QVERIFY(runUntil(*worker, [&] { return isPrinted(*ev, agenda); }));           // the agenda printer is fine
        QVERIFY(runUntil(*worker, [&] { return reload(*ev, badge).attempts >= 2; })); // tried again, still stopped
        db::PrintJobRecord b = reload(*ev, badge);
        QCOMPARE(b.state, u"queued"_s);
        QVERIFY2(b.attempts >= 2, qPrintable(QString::number(b.attempts)));
        QVERIFY2(b.lastError.startsWith(u"Printer 'badges' is stopped: resume it in CUPS (cupsenable badges)"_s),
                 qPrintable(b.lastError));
        QVERIFY(printedFiles(b).isEmpty());
        // Nothing was handed to CUPS while the queue was stopped.
        CupsPrinter badges({u"badges"_s, m_env.server(), {}, 10000ms, {}});
        auto inCups = badges.findJob(PrintQueueWorker::jobTitle(b), {});
        QVERIFY(inCups && !inCups->has_value());
        const auto lastBadgeProblem = [&] {
            QString last = u"(none reported)"_s;
            for (const auto &args : problems) {
                if (args.at(0).toString() == u"badge"_s)
                    last = args.at(1).toString();
            }
            return last;
        };
        QVERIFY2(lastBadgeProblem().contains(u"cupsenable badges"_s), qPrintable(lastBadgeProblem()));

        QVERIFY(m_env.admin(u"cupsenable"_s, {u"badges"_s}));
        QVERIFY2(runUntil(*worker, [&] { return isPrinted(*ev, badge); }), qPrintable(reload(*ev, badge).lastError));
        b = reload(*ev, badge);
        QCOMPARE(printedFiles(b).size(), 1);
        QCOMPARE(b.lastError, QString());
        QCOMPARE(lastBadgeProblem(), QString()); // the problem is over
        QVERIFY(idlePass(*worker));
        QCOMPARE(printedFiles(b).size(), 1);
    }

    void queueStoppedAfterHandOverPrintsOnceWhenResumed()
    {
        auto ev = newEvent();
        checkIn(*ev, 0);
        const db::PrintJobRecord badge = job(*ev, 0, u"badge"_s);
        auto worker = cupsWorker(*ev);
        // The printer stops between the worker's check and the hand-over: CUPS holds the job.
        bool stopped = false;
        worker->setStageHook([&](PrintQueueWorker::Stage stage, const db::PrintJobRecord &j) {
            if (stage == PrintQueueWorker::Stage::Rendered && j.kind == u"badge"_s && !stopped)
                stopped = m_env.admin(u"cupsdisable"_s, {u"badges"_s});
        });
        QVERIFY(runUntil(*worker, [&] {
            const auto b = reload(*ev, badge);
            return b.state == u"sent"_s && b.lastError.contains(u"is stopped"_s);
        }));
        QVERIFY(stopped);
        // While the agenda prints, and in one pass after, the worker follows the held badge and sends it no more.
        QVERIFY(runUntil(*worker, [&] { return isPrinted(*ev, job(*ev, 0, u"agenda"_s)); }));
        const auto held = worker->runOnce();
        QCOMPARE(held.submitted, 0);
        QCOMPARE(held.atPrinter, 1);
        db::PrintJobRecord b = reload(*ev, badge);
        QCOMPARE(b.state, u"sent"_s);
        QVERIFY(printedFiles(b).isEmpty());

        QVERIFY(m_env.admin(u"cupsenable"_s, {u"badges"_s}));
        QVERIFY(runUntil(*worker, [&] { return isPrinted(*ev, badge); }));
        b = reload(*ev, badge);
        QCOMPARE(b.attempts, 1); // handed over once, never again
        QCOMPARE(b.lastError, QString());
        QCOMPARE(printedFiles(b).size(), 1);
    }

    void cupsDownRetriesWithAClearErrorThenPrints()
    {
        auto ev = newEvent();
        checkIn(*ev, 0);
        const db::PrintJobRecord badge = job(*ev, 0, u"badge"_s);
        const db::PrintJobRecord agenda = job(*ev, 0, u"agenda"_s);
        auto worker = cupsWorker(*ev);
        QVERIFY2(m_env.kill(), qPrintable(m_env.error()));
        QVERIFY(runUntil(*worker, [&] { return reload(*ev, badge).attempts >= 2; })); // tried again, still down
        db::PrintJobRecord b = reload(*ev, badge);
        QCOMPARE(b.state, u"queued"_s);
        QVERIFY2(b.attempts >= 2, qPrintable(QString::number(b.attempts)));
        QVERIFY2(b.lastError.startsWith(u"Cannot reach the print server (CUPS) at "_s + m_env.server()),
                 qPrintable(b.lastError));

        QVERIFY2(m_env.start(), qPrintable(m_env.error()));
        QVERIFY(runUntil(*worker, [&] { return isPrinted(*ev, badge) && isPrinted(*ev, agenda); }));
        QCOMPARE(printedFiles(reload(*ev, badge)).size(), 1);
        QCOMPARE(printedFiles(reload(*ev, agenda)).size(), 1);
        QCOMPARE(reload(*ev, badge).lastError, QString());
    }

    void workerKilledMidJobPrintsExactlyOnce_data()
    {
        QTest::addColumn<QString>("stage");
        QTest::newRow("after the claim") << u"claimed"_s;
        QTest::newRow("after rendering") << u"rendered"_s;
        QTest::newRow("after CUPS took the job, before it was recorded") << u"submitted"_s;
    }

    void workerKilledMidJobPrintsExactlyOnce()
    {
        QFETCH(QString, stage);
        auto ev = newEvent();
        checkIn(*ev, 0);

        QProcess first;
        first.start(helperPath(), helperArgs(*ev) + QStringList{u"--stop-at"_s, stage});
        QVERIFY2(first.waitForStarted(), qPrintable(first.errorString()));
        QString line;
        QVERIFY(CupsTestEnv::waitFor([&] {
            first.waitForReadyRead(100);
            line += QString::fromUtf8(first.readAllStandardOutput());
            return line.contains(u'\n') || first.state() == QProcess::NotRunning;
        }));
        QVERIFY2(line.startsWith(u"STOPPED "_s + stage),
                 qPrintable(line + QString::fromUtf8(first.readAllStandardError())));
        first.kill(); // SIGKILL, mid-job
        QVERIFY(first.waitForFinished());

        db::PrintJobStore store(ev->db());
        auto stoppedJob = store.byKey(line.section(u' ', 2).trimmed());
        QVERIFY(stoppedJob && *stoppedJob);
        const db::PrintJobRecord j = **stoppedJob;
        QCOMPARE(j.state, u"sent"_s);   // claimed...
        QCOMPARE(j.printer, QString()); // ...but no printer job recorded
        CupsPrinter printer({j.kind == u"badge"_s ? u"badges"_s : u"agendas"_s, m_env.server(), {}, 10000ms, {}});
        auto inCups = printer.findJob(PrintQueueWorker::jobTitle(j), {});
        QVERIFY(inCups);
        QCOMPARE(inCups->has_value(), stage == u"submitted"_s);

        // A new worker process finds the orphaned claim, adopts CUPS' job or sends it, and finishes the queue.
        QProcess second;
        second.start(helperPath(), helperArgs(*ev) + QStringList{u"--run-for-ms"_s, u"60000"_s});
        QVERIFY(second.waitForFinished(90000));
        const QString secondLog = QString::fromUtf8(second.readAllStandardError());
        QVERIFY2(second.exitCode() == 0, qPrintable(secondLog));

        const db::PrintJobRecord after = reload(*ev, j);
        QCOMPARE(after.state, u"printed"_s);
        QVERIFY2(printedFiles(after).size() == 1, qPrintable(printedFiles(after).join(u'\n') + u'\n' + secondLog));
        if (stage == u"submitted"_s)
            QCOMPARE(after.printer, **inCups); // adopted, not sent again
        for (const QString &kind : {u"badge"_s, u"agenda"_s}) {
            const db::PrintJobRecord other = job(*ev, 0, kind);
            QCOMPARE(other.state, u"printed"_s);
            QCOMPARE(printedFiles(other).size(), 1);
        }
    }

    void lostAnswerIsAdoptedOnTheNextAttempt()
    {
        auto ev = newEvent();
        checkIn(*ev, 0);
        // A worker sent the badge, but the answer never came (timeout): it put the job back for a retry.
        db::PrintJobStore store(ev->db());
        auto claimed = store.claimNext([](const db::PrintJobRecord &j) { return j.kind == u"badge"_s; }, Kiosk);
        QVERIFY(claimed && *claimed);
        db::PrintJobRecord badge = **claimed;
        const auto pdf = test::badgeRenderer(ev->dbPath())(badge);
        QVERIFY(pdf);
        CupsPrinter printer({u"badges"_s, m_env.server(), {}, 10000ms, {}});
        auto handle = printer.submit(*pdf, PrintQueueWorker::jobTitle(badge));
        QVERIFY(handle);
        QVERIFY(store.markRetry(badge, u"No answer from the print server within 15 s"_s).value_or(false));
        // By the time the retry comes, CUPS has printed it and counts it among its finished jobs.
        QVERIFY(CupsTestEnv::waitFor([&] { return printedFiles(badge).size() == 1; }));
        QVERIFY(CupsTestEnv::waitFor([&] {
            auto status = printer.jobStatus(*handle);
            return status && status->state == PrintJobStatus::State::Completed;
        }));

        auto worker = cupsWorker(*ev);
        QVERIFY(runUntil(*worker, [&] { return isPrinted(*ev, badge) && isPrinted(*ev, job(*ev, 0, u"agenda"_s)); }));
        const db::PrintJobRecord b = reload(*ev, badge);
        QCOMPARE(b.printer, *handle); // adopted
        QCOMPARE(b.attempts, 2);
        QCOMPARE(printedFiles(b).size(), 1);
    }

    void concurrentWorkersPrintEveryJobOnce()
    {
        auto ev = newEvent(6);
        for (int i = 0; i < ev->guestCount(); ++i)
            QCOMPARE(checkIn(*ev, i).printJobsQueued.size(), 2);

        QList<QProcess *> workers;
        for (int n = 0; n < 3; ++n) {
            auto *p = new QProcess(this);
            p->start(helperPath(), helperArgs(*ev) + QStringList{u"--run-for-ms"_s, u"120000"_s});
            workers << p;
        }
        for (QProcess *p : workers) {
            QVERIFY(p->waitForFinished(150000));
            QVERIFY2(p->exitCode() == 0, qPrintable(QString::fromUtf8(p->readAllStandardError())));
            delete p;
        }
        int files = 0;
        for (int i = 0; i < ev->guestCount(); ++i) {
            for (const QString &kind : {u"badge"_s, u"agenda"_s}) {
                const db::PrintJobRecord j = job(*ev, i, kind);
                QCOMPARE(j.state, u"printed"_s);
                QCOMPARE(j.attempts, 1);
                QCOMPARE(printedFiles(j).size(), 1);
                ++files;
            }
        }
        QCOMPARE(files, 12);
    }

    void reprintIsASecondExplicitJob()
    {
        auto ev = newEvent();
        checkIn(*ev, 0);
        const db::PrintJobRecord badge = job(*ev, 0, u"badge"_s);
        auto worker = cupsWorker(*ev);
        QVERIFY(runUntil(*worker, [&] { return isPrinted(*ev, badge); }));

        // Scanning again prints nothing new; staff ask for a reprint explicitly.
        CheckInService service(ev->db(), ev->event(), Kiosk);
        QVERIFY(service.checkIn(ev->token(0), ev->localTime(1, 10, 0)).printJobsQueued.isEmpty());
        db::GuestStore guests(ev->db());
        const qint64 guestId = (*guests.byExternalId(ev->event().id, ev->externalId(0)))->id;
        db::PrintJobStore store(ev->db());
        auto reprint = store.reprint(ev->event().id, guestId, u"badge"_s, Kiosk);
        QVERIFY2(reprint, qPrintable(reprint ? QString() : reprint.error().message));
        QCOMPARE(reprint->reason, u"reprint"_s);
        QCOMPARE(reprint->state, u"queued"_s);
        QVERIFY(reprint->idempotencyKey.startsWith(u"badge/%1/guest-1/reprint/"_s.arg(ev->event().number)));
        QVERIFY(reprint->idempotencyKey != badge.idempotencyKey);
        QVERIFY(!store.reprint(ev->event().id, guestId, u"poster"_s, Kiosk));

        QVERIFY(runUntil(*worker, [&] { return isPrinted(*ev, *reprint); }));
        QCOMPARE(printedFiles(reload(*ev, badge)).size(), 1);
        QCOMPARE(printedFiles(reload(*ev, *reprint)).size(), 1);
        const QString text = test::pdfText(printedFiles(reload(*ev, *reprint)).first());
        QVERIFY2(text.contains(u"reason: reprint"_s), qPrintable(text));
        QCOMPARE(store.jobs(ev->event().id, guestId)->size(), 3); // badge, agenda, reprinted badge
    }

    void unrenderableJobFailsWithTheReason()
    {
        auto ev = newEvent();
        checkIn(*ev, 0);
        const db::PrintJobRecord badge = job(*ev, 0, u"badge"_s);
        const db::PrintJobRecord agenda = job(*ev, 0, u"agenda"_s);
        const auto real = test::badgeRenderer(ev->dbPath());
        PrintQueueWorker worker(
            fastOptions(*ev), [&](const db::PrintJobRecord &j) -> std::expected<QByteArray, QString> {
                if (j.kind == u"badge"_s)
                    return std::unexpected(u"the badge template is missing: reinstall ietf-checkin"_s);
                return real(j);
            });
        QTemporaryDir out;
        auto folder = std::make_shared<PdfFolderPrinter>(out.path());
        worker.setPrinter(u"badge"_s, folder);
        worker.setPrinter(u"agenda"_s, folder);
        QVERIFY(runUntil(worker, [&] { return isPrinted(*ev, agenda) && reload(*ev, badge).state == u"failed"_s; }));
        QCOMPARE(reload(*ev, badge).lastError,
                 u"The badge could not be made: the badge template is missing: reinstall ietf-checkin"_s);
        QCOMPARE(QDir(out.path()).entryList(QDir::Files).size(), 1);
    }

    void givesUpAfterMaxAttempts()
    {
        auto ev = newEvent();
        checkIn(*ev, 0);
        const db::PrintJobRecord badge = job(*ev, 0, u"badge"_s);
        PrintQueueWorker::Options o = fastOptions(*ev);
        o.maxAttempts = 3;
        o.firstRetryDelay = 10ms;
        o.maxRetryDelay = 20ms;
        PrintQueueWorker worker(o, test::badgeRenderer(ev->dbPath()));
        worker.setPrinter(u"badge"_s, std::make_shared<CupsPrinter>(
                                          CupsPrinter::Options{u"badges"_s, u"127.0.0.1:1"_s, {}, 2000ms, {}}));
        QVERIFY(runUntil(
            worker, [&] { return reload(*ev, badge).state == u"failed"_s; }, 20000));
        const db::PrintJobRecord b = reload(*ev, badge);
        QCOMPARE(b.attempts, 3);
        QVERIFY2(b.lastError.startsWith(u"Cannot reach the print server (CUPS) at 127.0.0.1:1"_s),
                 qPrintable(b.lastError));
        QVERIFY2(b.lastError.contains(u"gave up after 3 attempts: fix the problem, then reprint the badge"_s),
                 qPrintable(b.lastError));
        QCOMPARE(reload(*ev, job(*ev, 0, u"agenda"_s)).state, u"queued"_s); // no agenda printer: left alone
    }

    void interruptedHandOverToAFolderIsAdoptedNotRepeated()
    {
        auto ev = newEvent();
        checkIn(*ev, 0);
        QTemporaryDir out;
        auto folder = std::make_shared<PdfFolderPrinter>(out.path());

        // A worker claimed the badge and wrote its PDF, then died before recording it.
        db::PrintJobStore store(ev->db());
        auto claimed = store.claimNext([](const db::PrintJobRecord &j) { return j.kind == u"badge"_s; }, Kiosk);
        QVERIFY(claimed && *claimed);
        const auto pdf = test::badgeRenderer(ev->dbPath())(**claimed);
        QVERIFY(pdf);
        QVERIFY(folder->submit(*pdf, PrintQueueWorker::jobTitle(**claimed)));

        PrintQueueWorker::Options o = fastOptions(*ev);
        o.claimTimeout = 0ms;
        PrintQueueWorker worker(o, test::badgeRenderer(ev->dbPath()));
        worker.setPrinter(u"badge"_s, folder);
        worker.setPrinter(u"agenda"_s, folder);
        QVERIFY(
            runUntil(worker, [&] { return isPrinted(*ev, **claimed) && isPrinted(*ev, job(*ev, 0, u"agenda"_s)); }));
        QCOMPARE(QDir(out.path()).entryList(QDir::Files).size(), 2); // one badge, one agenda
        QCOMPARE(
            reload(*ev, **claimed).printer,
            QDir(out.path()).absoluteFilePath(PdfFolderPrinter::fileNameFor(PrintQueueWorker::jobTitle(**claimed))));
    }

    void staleTransitionsWriteNothing()
    {
        auto ev = newEvent();
        checkIn(*ev, 0);
        db::PrintJobStore store(ev->db());
        auto claimed = store.claimNext([](const db::PrintJobRecord &) { return true; }, Kiosk);
        QVERIFY(claimed && *claimed);
        db::PrintJobRecord mine = **claimed;
        db::PrintJobRecord stale = mine;
        QCOMPARE(mine.state, u"sent"_s);
        QCOMPARE(mine.attempts, 1);
        auto retried = store.markRetry(mine, u"printer busy"_s);
        QVERIFY(retried && *retried);
        // Another worker still holding the claimed row must not record a hand-over over the retry.
        auto lost = store.markSent(stale, u"badges-1"_s);
        QVERIFY(lost);
        QVERIFY(!*lost);
        const db::PrintJobRecord now = reload(*ev, mine);
        QCOMPARE(now.state, u"queued"_s);
        QCOMPARE(now.printer, QString());
        QCOMPARE(now.lastError, u"printer busy"_s);
        // Nothing is due before its retry delay; a claim takes only due jobs, and only queued ones.
        auto none = store.claimNext([](const db::PrintJobRecord &j) { return j.attempts == 0 && j.kind == u"badge"_s; },
                                    Kiosk);
        QVERIFY(none && !*none);
        auto otherKiosk = store.claimNext([](const db::PrintJobRecord &) { return true; }, u"kiosk-2"_s);
        QVERIFY(otherKiosk && !*otherKiosk);
    }

    void loopRunsOnItsOwnThread()
    {
        auto ev = newEvent();
        QTemporaryDir out;
        auto folder = std::make_shared<PdfFolderPrinter>(out.path());
        auto *worker = new PrintQueueWorker(fastOptions(*ev), test::badgeRenderer(ev->dbPath()));
        worker->setPrinter(u"badge"_s, folder);
        worker->setPrinter(u"agenda"_s, folder);
        QThread thread;
        worker->moveToThread(&thread);
        connect(&thread, &QThread::finished, worker, &QObject::deleteLater);
        QThread *emittedOn = nullptr;
        connect(
            worker, &PrintQueueWorker::jobChanged, worker, [&emittedOn] { emittedOn = QThread::currentThread(); },
            Qt::DirectConnection);
        QSignalSpy changes(worker, &PrintQueueWorker::jobChanged);
        thread.start();
        QMetaObject::invokeMethod(worker, &PrintQueueWorker::start, Qt::QueuedConnection);

        checkIn(*ev, 0);
        QMetaObject::invokeMethod(worker, &PrintQueueWorker::wake, Qt::QueuedConnection);
        QTRY_VERIFY_WITH_TIMEOUT(isPrinted(*ev, job(*ev, 0, u"badge"_s)) && isPrinted(*ev, job(*ev, 0, u"agenda"_s)),
                                 20000);
        QTRY_VERIFY(!changes.isEmpty());
        worker->requestStop();
        thread.quit();
        QVERIFY(thread.wait(10000));
        QVERIFY(emittedOn == &thread); // signals come from the worker's thread, never the caller's
        QCOMPARE(QDir(out.path()).entryList(QDir::Files).size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestPrintQueue)
#include "tst_printqueue.moc"
