#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QtGlobal>

#include <expected>
#include <optional>

namespace checkin {

// Why a printer call failed: whether trying again later can help, and a sentence staff can act on.
struct PrintError
{
    enum class Kind {
        Unavailable, // the print server or printer cannot take or report jobs now (down, stopped, not accepting…)
        Rejected,    // the printer refused this document itself; sending the same bytes again will not help
        NotFound,    // the printer no longer knows this job (cancelled and purged, or its history was cleared)
    };

    Kind kind = Kind::Unavailable;
    QString message;

    // True when the same request may succeed later without anyone changing the job.
    [[nodiscard]] bool isRetryable() const { return kind == Kind::Unavailable; }
};

template<typename T>
using PrintResult = std::expected<T, PrintError>;

// What a printer says about itself right now.
struct PrinterStatus
{
    bool acceptsJobs = true; // a job submitted now will be taken (the queue is enabled and accepting)
    QString problem;         // empty when all is well; otherwise a sentence staff can act on
};

// Where a submitted job stands.
struct PrintJobStatus
{
    enum class State { Pending, Held, Processing, Stopped, Completed, Cancelled, Aborted };

    State state = State::Pending;
    QString message; // what the printer reported about the job, if anything

    // True once the job will not change any more.
    [[nodiscard]] bool isFinal() const
    {
        return state == State::Completed || state == State::Cancelled || state == State::Aborted;
    }
};

// One destination for PDF documents: a CUPS queue, a folder… Calls may block (network), so a Printer is
// used from a worker thread only, one thread at a time. Job handles are plain text, safe to store and to use
// again from another process later (they name the job in the printer's own terms, e.g. "badges-42" in CUPS).
class Printer
{
public:
    Printer() = default;
    virtual ~Printer() = default;
    Q_DISABLE_COPY_MOVE(Printer)

    // A short name for messages ("badges", "PDF folder /srv/badges").
    [[nodiscard]] virtual QString name() const = 0;
    // Whether a job can be submitted now, and any problem staff should know about.
    [[nodiscard]] virtual PrintResult<PrinterStatus> status() = 0;
    // Submits the PDF as one job titled `title`; returns the job's handle.
    [[nodiscard]] virtual PrintResult<QString> submit(const QByteArray &pdf, const QString &title) = 0;
    // The state of the job with this handle.
    [[nodiscard]] virtual PrintResult<PrintJobStatus> jobStatus(const QString &handle) = 0;
    // The newest job titled exactly `title` that was not cancelled or aborted, if the printer knows one. `since`
    // (invalid = no bound) is when the job could first have been submitted: older history may be skipped.
    [[nodiscard]] virtual PrintResult<std::optional<QString>> findJob(const QString &title, const QDateTime &since) = 0;
};

} // namespace checkin
