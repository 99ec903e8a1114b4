#pragma once

#include "db/records.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>

#include <atomic>
#include <chrono>
#include <expected>
#include <functional>
#include <memory>

class QTimer;

namespace checkin::db {
class Database;
class PrintJobStore;
} // namespace checkin::db

namespace checkin {

class Printer;

// Drives the persistent print queue (print_job): renders each due job, hands it to the printer for its kind,
// follows it there until it printed, retries with exponential backoff while the printer or CUPS cannot take it,
// and never hands the same job over twice. It owns its own database connection and blocks on the network, so it
// runs on a thread of its own (or as a headless process): create it, moveToThread(), then call start() through
// a queued connection. Signals are emitted on that thread; connect them with queued connections.
//
// Exactly once: a job is claimed ('sent', no handle) in one transaction before anything is printed; the printer
// job's title names the job (jobTitle()); after the printer accepted it the handle ("badges-42") is committed. A claim
// that is older than claimTimeout and still has no handle belongs to a worker that died: the printer is asked for a job
// with that title, which is adopted if it exists and sent again only if it does not. Before every later attempt the
// printer is asked the same question, so a lost answer never prints a second copy.
class PrintQueueWorker : public QObject
{
    Q_OBJECT

public:
    // The PDF for one job, or a sentence staff can act on when it cannot be made (the job then fails).
    // Called on the worker's thread.
    using Renderer = std::function<std::expected<QByteArray, QString>(const db::PrintJobRecord &)>;

    struct Options
    {
        QString dbPath;
        QString kioskId;      // print this kiosk's jobs only; empty = every kiosk's jobs
        int maxAttempts = 50; // hand-overs tried before a job fails (about 45 minutes at the 60 s cap)
        std::chrono::milliseconds firstRetryDelay{2000}; // after the first failed attempt; doubles each time
        std::chrono::milliseconds maxRetryDelay{60000};
        std::chrono::milliseconds pollInterval{1000};   // how often jobs at the printer are checked
        std::chrono::milliseconds idleInterval{3000};   // how often the queue is checked when nothing is due
        std::chrono::milliseconds claimTimeout{120000}; // a claim this old without a printer job was lost in a crash
    };

    // Steps of one hand-over, for tests that stop the process at an exact point.
    enum class Stage { Claimed, Rendered, Submitted };

    // What one runOnce() did.
    struct Summary
    {
        int submitted = 0; // handed to a printer
        int adopted = 0;   // found at the printer already (an earlier hand-over whose answer was lost)
        int printed = 0;
        int retried = 0;
        int failed = 0;
        int atPrinter = 0;                      // still at the printer afterwards
        int queued = 0;                         // still queued afterwards (waiting for their retry time or a printer)
        QString error;                          // the database could not be used
        std::chrono::milliseconds nextRunIn{0}; // when runOnce() has something to do again
    };

    PrintQueueWorker(Options options, Renderer renderer, QObject *parent = nullptr);
    ~PrintQueueWorker() override;
    Q_DISABLE_COPY_MOVE(PrintQueueWorker)

    // The printer for jobs of kind ("badge" or "agenda"); jobs of a kind without a printer are left queued.
    void setPrinter(const QString &kind, std::shared_ptr<Printer> printer);
    // Called at each step of a hand-over (tests only).
    void setStageHook(std::function<void(Stage, const db::PrintJobRecord &)> hook);

    // Opens the database connection on the calling thread (runOnce() does it when needed).
    [[nodiscard]] std::expected<void, QString> open();
    // Follows every job at a printer and hands over every due job, once; blocks until done.
    Summary runOnce();
    // One pass, then follows what was handed over until nothing is at a printer any more or follow has passed
    // (a PDF folder prints at once, a CUPS queue usually within seconds); whatever is still at a printer then is
    // followed next time. The counts of every pass added up; atPrinter and queued as they are at the end.
    Summary drain(std::chrono::milliseconds follow = std::chrono::seconds(10));
    // The printer job's title: the idempotency key and the row's uid, "badge/122/g-1/first [<uuid>]". The uid makes
    // it unique even across databases that share one CUPS server (a rehearsal database, a re-created event).
    [[nodiscard]] static QString jobTitle(const db::PrintJobRecord &job);
    // The wait before attempt attempts + 1 of a job: 0, then firstRetryDelay doubling up to maxRetryDelay.
    [[nodiscard]] static std::chrono::milliseconds retryDelay(int attempts, const Options &options);
    // Asks a running loop to stop after the job in hand; safe from any thread.
    void requestStop();

public Q_SLOTS:
    // Runs runOnce() now and then whenever something is due, on this object's thread.
    void start();
    // Stops the loop.
    void stop();
    // A job was just queued: run now rather than at the next idle check.
    void wake();

Q_SIGNALS:
    // A job changed state (queued|sent|printed|failed); message is its last_error (empty when all is well).
    void jobChanged(qint64 jobId, qint64 guestId, const QString &kind, const QString &state, const QString &message);
    // The printer for kind has a problem staff should fix, or (empty problem) no longer has one.
    void printerProblemChanged(const QString &kind, const QString &problem);
    // The database could not be used; the loop tries again later.
    void errorOccurred(const QString &message);

private:
    struct Pass;

    void tick();
    void follow(Pass &pass, db::PrintJobRecord job);
    void recoverClaim(Pass &pass, db::PrintJobRecord job);
    void handOver(Pass &pass, db::PrintJobRecord job);
    void retryOrFail(Pass &pass, db::PrintJobRecord &job, const QString &why);
    void fail(Pass &pass, db::PrintJobRecord &job, const QString &why);
    void noteProblem(Pass &pass, db::PrintJobRecord &job, const QString &problem);
    void reportPrinter(const QString &kind, const QString &problem);
    void changed(const db::PrintJobRecord &job);
    void stage(Stage s, const db::PrintJobRecord &job);

    Options m_options;
    Renderer m_renderer;
    QHash<QString, std::shared_ptr<Printer>> m_printers;
    QHash<QString, QString> m_reportedProblems;
    std::function<void(Stage, const db::PrintJobRecord &)> m_stageHook;
    std::unique_ptr<db::Database> m_db;
    QTimer *m_timer = nullptr;
    std::atomic_bool m_stopRequested = false;
};

} // namespace checkin
