#pragma once

#include "printing/printer.h"

#include <QList>
#include <QString>

#include <chrono>
#include <memory>
#include <optional>
#include <utility>

namespace checkin {

// A CUPS print queue reached over IPP with libcups, on a server named in the options (never libcups' global
// default, so tests and kiosks can each point at their own cupsd). Each job is one Print-Job request, so a job
// exists in CUPS with its whole document or not at all. Job handles are CUPS' own job names, "<queue>-<id>",
// which staff can use with lpstat and cancel. Not thread-safe: one thread at a time (it keeps one connection).
class CupsPrinter final : public Printer
{
public:
    struct Options
    {
        QString queue;  // the CUPS queue name, e.g. "badges"
        QString server; // "host", "host:port", "[v6addr]:port" or a domain socket path; empty = the system's CUPS
        QString user;   // requesting-user-name; empty = the user running the kiosk
        std::chrono::milliseconds timeout{15000}; // for connecting and for each read or write
        QString media; // the CUPS "media" every job asks for (PWG name such as "oe_4x6-label_4x6in"); empty = the
                       // queue's default
    };

    // The CUPS default destination as `lp` would choose it: $LPDEST or $PRINTER, else the Default line of
    // lpoptions (~/.cups/lpoptions, /etc/cups/lpoptions), else the server's default (lpadmin -d), asked of server
    // (empty = the system's CUPS, or $CUPS_SERVER). No value when there is none; an error when CUPS cannot be reached.
    [[nodiscard]] static PrintResult<std::optional<QString>> defaultDestination(
        const QString &server = {}, std::chrono::milliseconds timeout = std::chrono::milliseconds(5000));

    explicit CupsPrinter(Options options);
    ~CupsPrinter() override;
    Q_DISABLE_COPY_MOVE(CupsPrinter)

    // The queue name.
    [[nodiscard]] QString name() const override;
    // The server as used for messages: "127.0.0.1:631" or the socket path.
    [[nodiscard]] QString serverName() const;
    // The job template options sent with every job, name and value (e.g. media), in the order they are sent.
    [[nodiscard]] QList<std::pair<QString, QString>> jobOptions() const;
    // Get-Printer-Attributes: stopped or not accepting jobs blocks printing; media, jam and offline reasons are
    // reported as problems but jobs are still taken (CUPS holds them until the printer recovers).
    [[nodiscard]] PrintResult<PrinterStatus> status() override;
    // Print-Job with the PDF as the document and `title` as job-name; returns "<queue>-<job id>".
    [[nodiscard]] PrintResult<QString> submit(const QByteArray &pdf, const QString &title) override;
    // Get-Job-Attributes for a handle returned by submit() or findJob().
    [[nodiscard]] PrintResult<PrintJobStatus> jobStatus(const QString &handle) override;
    // Get-Jobs (all, including completed history) on this queue; the newest job named `title` not cancelled
    // or aborted. cupsd answers Get-Jobs for completed jobs from memory, without their names: those completed
    // after `since` (less ten minutes for clock skew) are asked for by Get-Job-Attributes one by one.
    // Job names of other users are hidden by CUPS' default policy: submit and look up as one user.
    [[nodiscard]] PrintResult<std::optional<QString>> findJob(const QString &title, const QDateTime &since) override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace checkin
