#include "kiosk/printqueue/printqueueworker.h"

#include "db/database.h"
#include "db/printjobstore.h"
#include "printing/printer.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSet>
#include <QThread>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

Q_LOGGING_CATEGORY(lcPrintQueue, "checkin.kiosk.printqueue")

namespace checkin {

namespace {

QString describeKind(const QString &kind)
{
    return kind == u"agenda"_s ? u"agenda"_s : u"badge"_s;
}

QDateTime parseStamp(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    return t;
}

} // namespace

// State shared by the steps of one runOnce(): the store, the time it started, printer states asked once per pass.
struct PrintQueueWorker::Pass
{
    db::PrintJobStore &store;
    QDateTime now;
    Summary summary;
    QHash<QString, PrintResult<PrinterStatus>> printerStatus;
};

PrintQueueWorker::PrintQueueWorker(Options options, Renderer renderer, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_renderer(std::move(renderer))
{
}

PrintQueueWorker::~PrintQueueWorker() = default;

void PrintQueueWorker::setPrinter(const QString &kind, std::shared_ptr<Printer> printer)
{
    if (printer)
        m_printers.insert(kind, std::move(printer));
    else
        m_printers.remove(kind);
}

void PrintQueueWorker::setStageHook(std::function<void(Stage, const db::PrintJobRecord &)> hook)
{
    m_stageHook = std::move(hook);
}

std::expected<void, QString> PrintQueueWorker::open()
{
    if (m_db)
        return {};
    auto opened = db::Database::open(m_options.dbPath, db::Database::OpenMode::MustExist);
    if (!opened)
        return std::unexpected(opened.error().message);
    m_db = std::move(*opened);
    return {};
}

QString PrintQueueWorker::jobTitle(const db::PrintJobRecord &job)
{
    return u"%1 [%2]"_s.arg(job.idempotencyKey, job.uid);
}

std::chrono::milliseconds PrintQueueWorker::retryDelay(int attempts, const Options &options)
{
    if (attempts <= 0)
        return 0ms;
    auto delay = options.firstRetryDelay;
    for (int i = 1; i < attempts && delay < options.maxRetryDelay; ++i)
        delay *= 2;
    return std::min(delay, options.maxRetryDelay);
}

PrintQueueWorker::Summary PrintQueueWorker::drain(std::chrono::milliseconds follow)
{
    Summary summary = runOnce();
    Summary total = summary;
    QElapsedTimer waited;
    waited.start();
    while (summary.error.isEmpty() && summary.atPrinter > 0 && waited.elapsed() < follow.count()) {
        QThread::msleep(200);
        summary = runOnce();
        total.submitted += summary.submitted;
        total.adopted += summary.adopted;
        total.printed += summary.printed;
        total.retried += summary.retried;
        total.failed += summary.failed;
        total.atPrinter = summary.atPrinter;
        total.queued = summary.queued;
        total.error = summary.error;
        total.nextRunIn = summary.nextRunIn;
    }
    return total;
}

PrintQueueWorker::Summary PrintQueueWorker::runOnce()
{
    Summary failed;
    failed.nextRunIn = m_options.firstRetryDelay;
    if (auto ok = open(); !ok) {
        failed.error = ok.error();
        Q_EMIT errorOccurred(failed.error);
        return failed;
    }
    db::PrintJobStore store(*m_db);
    Pass pass{store, QDateTime::currentDateTimeUtc(), {}, {}};

    // 1. Jobs at a printer: follow them. Claims without a printer job: recover them once they are clearly orphaned.
    auto sent = store.inState(u"sent"_s, m_options.kioskId);
    if (!sent) {
        failed.error = sent.error().message;
        Q_EMIT errorOccurred(failed.error);
        return failed;
    }
    for (const db::PrintJobRecord &job : *sent) {
        if (m_stopRequested)
            break;
        if (!m_printers.contains(job.kind))
            continue;
        if (!job.printer.isEmpty()) {
            follow(pass, job);
            continue;
        }
        const QDateTime claimedAt = parseStamp(job.updatedAt);
        if (claimedAt.isValid() && claimedAt.msecsTo(pass.now) < m_options.claimTimeout.count()) {
            ++pass.summary.atPrinter; // another worker is handing it over right now
            continue;
        }
        recoverClaim(pass, job);
    }

    // 2. Due jobs: hand each over once in this pass (a job put back for a retry waits for its delay).
    QSet<qint64> handled;
    const QString kioskId = m_options.kioskId;
    for (;;) {
        if (m_stopRequested)
            break;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto claimed = store.claimNext(
            [&](const db::PrintJobRecord &job) {
                if (handled.contains(job.id) || !m_printers.contains(job.kind))
                    return false;
                const QDateTime last = parseStamp(job.updatedAt);
                return !last.isValid() || last.addMSecs(retryDelay(job.attempts, m_options).count()) <= now;
            },
            kioskId);
        if (!claimed) {
            pass.summary.error = claimed.error().message;
            Q_EMIT errorOccurred(pass.summary.error);
            break;
        }
        if (!*claimed)
            break;
        handled.insert((*claimed)->id);
        // Being handed over now: its last problem (an unreachable server an hour ago) is not news.
        db::PrintJobRecord announced = **claimed;
        announced.lastError.clear();
        changed(announced);
        handOver(pass, **claimed);
    }

    // 3. When there is something to do again: the earliest retry, or the next look at jobs at a printer.
    auto next = m_options.idleInterval;
    if (pass.summary.atPrinter > 0)
        next = std::min(next, m_options.pollInterval);
    if (auto queued = store.inState(u"queued"_s, kioskId)) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const db::PrintJobRecord &job : *queued) {
            if (!m_printers.contains(job.kind))
                continue;
            ++pass.summary.queued;
            const QDateTime last = parseStamp(job.updatedAt);
            const qint64 wait = last.isValid() ? now.msecsTo(last.addMSecs(retryDelay(job.attempts, m_options).count()))
                                               : 0;
            next = std::min(next, std::chrono::milliseconds(std::max<qint64>(wait, 0)));
        }
    }
    if (!pass.summary.error.isEmpty())
        next = std::max(next, m_options.firstRetryDelay);
    pass.summary.nextRunIn = std::max(next, std::chrono::milliseconds(20));
    return pass.summary;
}

void PrintQueueWorker::follow(Pass &pass, db::PrintJobRecord job)
{
    Printer &printer = *m_printers.value(job.kind);
    auto status = printer.jobStatus(job.printer);
    if (!status) {
        if (status.error().kind == PrintError::Kind::NotFound) {
            fail(pass, job, status.error().message);
            return;
        }
        // The print server is unreachable: the job is still at the printer as far as anyone knows.
        ++pass.summary.atPrinter;
        noteProblem(pass, job, status.error().message);
        reportPrinter(job.kind, status.error().message);
        return;
    }
    switch (status->state) {
    case PrintJobStatus::State::Completed:
        if (auto ok = pass.store.markPrinted(job); ok && *ok) {
            ++pass.summary.printed;
            qCInfo(lcPrintQueue) << "printed" << job.idempotencyKey << "as" << job.printer;
            changed(job);
        }
        return;
    case PrintJobStatus::State::Cancelled:
        fail(pass, job,
             u"Job %1 was cancelled at the printer: reprint the %2 if the guest still needs it"_s.arg(
                 job.printer, describeKind(job.kind)));
        return;
    case PrintJobStatus::State::Aborted: {
        const QString detail = status->message.isEmpty() ? QString() : u" (%1)"_s.arg(status->message);
        // Aborted means the printer gave up on the document: CUPS keeps the job as aborted, and findJob() skips
        // aborted jobs, so the next hand-over sends it again instead of adopting the failed one.
        retryOrFail(
            pass, job,
            u"Printer '%1' could not print job %2%3; it is sent again"_s.arg(printer.name(), job.printer, detail));
        return;
    }
    case PrintJobStatus::State::Held:
        ++pass.summary.atPrinter;
        noteProblem(pass, job,
                    u"Job %1 is held at the printer: release it in CUPS (lp -i %2 -H resume)"_s.arg(
                        job.printer, job.printer.section(u'-', -1)));
        return;
    case PrintJobStatus::State::Pending:
    case PrintJobStatus::State::Processing:
    case PrintJobStatus::State::Stopped: {
        ++pass.summary.atPrinter;
        // A job waiting in CUPS is usually waiting for its printer: say what the printer needs.
        auto it = pass.printerStatus.find(job.kind);
        if (it == pass.printerStatus.end())
            it = pass.printerStatus.insert(job.kind, printer.status());
        QString problem = it->has_value() ? (*it)->problem : it->error().message;
        if (problem.isEmpty() && status->state == PrintJobStatus::State::Stopped)
            problem = u"Job %1 is stopped at the printer: restart it in CUPS"_s.arg(job.printer);
        noteProblem(pass, job, problem);
        reportPrinter(job.kind, problem);
        return;
    }
    }
}

void PrintQueueWorker::recoverClaim(Pass &pass, db::PrintJobRecord job)
{
    Printer &printer = *m_printers.value(job.kind);
    auto found = printer.findJob(jobTitle(job), parseStamp(job.createdAt));
    if (!found) {
        // Not noted on the job: that would renew its claim time and put off the next recovery attempt.
        ++pass.summary.atPrinter;
        reportPrinter(job.kind, found.error().message);
        return;
    }
    if (*found) {
        if (auto ok = pass.store.markSent(job, **found); ok && *ok) {
            ++pass.summary.adopted;
            ++pass.summary.atPrinter;
            qCInfo(lcPrintQueue) << "adopted" << job.idempotencyKey << "as" << **found
                                 << "after an interrupted hand-over";
            changed(job);
        }
        return;
    }
    retryOrFail(
        pass, job,
        u"The kiosk stopped while sending this %1 to the printer; it is sent again"_s.arg(describeKind(job.kind)));
}

void PrintQueueWorker::handOver(Pass &pass, db::PrintJobRecord job)
{
    Printer &printer = *m_printers.value(job.kind);

    // A stopped or refusing printer keeps the job here, visible in the queue, rather than stuck inside CUPS.
    auto it = pass.printerStatus.find(job.kind);
    if (it == pass.printerStatus.end())
        it = pass.printerStatus.insert(job.kind, printer.status());
    if (!it->has_value()) {
        reportPrinter(job.kind, it->error().message);
        retryOrFail(pass, job, it->error().message);
        return;
    }
    reportPrinter(job.kind, (*it)->problem);
    if (!(*it)->acceptsJobs) {
        retryOrFail(pass, job, (*it)->problem);
        return;
    }

    // After an earlier attempt the printer may have this job already: a hand-over whose answer was lost (timeout,
    // connection dropped). On the first attempt nobody can have sent it: the claim is the only way to the printer.
    if (job.attempts > 1) {
        auto found = printer.findJob(jobTitle(job), parseStamp(job.createdAt));
        if (!found) {
            retryOrFail(pass, job, found.error().message);
            return;
        }
        if (*found) {
            if (auto ok = pass.store.markSent(job, **found); ok && *ok) {
                ++pass.summary.adopted;
                ++pass.summary.atPrinter;
                qCInfo(lcPrintQueue) << "adopted" << job.idempotencyKey << "as" << **found << "from an earlier attempt";
                changed(job);
            }
            return;
        }
    }
    stage(Stage::Claimed, job);

    auto pdf = m_renderer(job);
    if (!pdf) {
        fail(pass, job, u"The %1 could not be made: %2"_s.arg(describeKind(job.kind), pdf.error()));
        return;
    }
    stage(Stage::Rendered, job);

    auto handle = printer.submit(*pdf, jobTitle(job));
    if (!handle) {
        if (handle.error().isRetryable()) {
            pass.printerStatus.remove(job.kind); // ask again for the next job: the state just changed
            retryOrFail(pass, job, handle.error().message);
        } else {
            fail(pass, job, handle.error().message);
        }
        return;
    }
    stage(Stage::Submitted, job);

    auto ok = pass.store.markSent(job, *handle);
    if (!ok) {
        // The job is at the printer but not recorded: the claim stays, and recovery adopts the printer's job.
        qCWarning(lcPrintQueue) << "job" << job.idempotencyKey << "was sent as" << *handle
                                << "but could not be recorded:" << ok.error().message;
        Q_EMIT errorOccurred(ok.error().message);
        return;
    }
    if (!*ok) {
        qCWarning(lcPrintQueue) << "job" << job.idempotencyKey << "was recovered by another worker while it was sent";
        return;
    }
    ++pass.summary.submitted;
    ++pass.summary.atPrinter;
    qCInfo(lcPrintQueue) << "sent" << job.idempotencyKey << "to" << printer.name() << "as" << *handle;
    changed(job);
}

void PrintQueueWorker::retryOrFail(Pass &pass, db::PrintJobRecord &job, const QString &why)
{
    if (job.attempts >= m_options.maxAttempts) {
        fail(pass, job,
             u"%1 (gave up after %2 attempts: fix the problem, then reprint the %3)"_s.arg(why)
                 .arg(job.attempts)
                 .arg(describeKind(job.kind)));
        return;
    }
    if (auto ok = pass.store.markRetry(job, why); ok && *ok) {
        ++pass.summary.retried;
        qCInfo(lcPrintQueue) << "retrying" << job.idempotencyKey << "in" << retryDelay(job.attempts, m_options).count()
                             << "ms:" << why;
        changed(job);
    }
}

void PrintQueueWorker::fail(Pass &pass, db::PrintJobRecord &job, const QString &why)
{
    if (auto ok = pass.store.markFailed(job, why); ok && *ok) {
        ++pass.summary.failed;
        qCWarning(lcPrintQueue) << "failed" << job.idempotencyKey << ":" << why;
        changed(job);
    }
}

void PrintQueueWorker::noteProblem(Pass &pass, db::PrintJobRecord &job, const QString &problem)
{
    if (job.lastError == problem)
        return;
    if (auto ok = pass.store.noteProblem(job, problem); ok && *ok)
        changed(job);
}

void PrintQueueWorker::reportPrinter(const QString &kind, const QString &problem)
{
    auto it = m_reportedProblems.find(kind);
    if (it != m_reportedProblems.end() && *it == problem)
        return;
    m_reportedProblems.insert(kind, problem);
    Q_EMIT printerProblemChanged(kind, problem);
}

void PrintQueueWorker::changed(const db::PrintJobRecord &job)
{
    Q_EMIT jobChanged(job.id, job.guestId, job.kind, job.state, job.lastError);
}

void PrintQueueWorker::stage(Stage s, const db::PrintJobRecord &job)
{
    if (m_stageHook)
        m_stageHook(s, job);
}

void PrintQueueWorker::requestStop()
{
    m_stopRequested = true;
    QMetaObject::invokeMethod(this, &PrintQueueWorker::stop, Qt::QueuedConnection);
}

void PrintQueueWorker::start()
{
    m_stopRequested = false;
    if (!m_timer) {
        // Created here, on the worker's thread, so the timer fires there.
        m_timer = new QTimer(this);
        m_timer->setSingleShot(true);
        connect(m_timer, &QTimer::timeout, this, &PrintQueueWorker::tick);
    }
    m_timer->start(0);
}

void PrintQueueWorker::stop()
{
    m_stopRequested = true;
    if (m_timer)
        m_timer->stop();
}

void PrintQueueWorker::wake()
{
    if (m_timer && !m_stopRequested)
        m_timer->start(0);
}

void PrintQueueWorker::tick()
{
    const Summary s = runOnce();
    if (!m_stopRequested && m_timer)
        m_timer->start(s.nextRunIn);
}

} // namespace checkin
