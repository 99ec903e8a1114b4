#pragma once

#include "printing/printer.h"

#include <QString>

namespace checkin {

// A "printer" for venues without CUPS: each job becomes one file, <folder>/<title>.pdf (characters that are
// unsafe in file names replaced by '_'), written atomically and never overwritten — a second job with the same
// title gets "<title> (2).pdf". The job is complete once the file is there; the handle is the file's path.
class PdfFolderPrinter final : public Printer
{
public:
    // Writes into folder, creating it when it is missing.
    explicit PdfFolderPrinter(QString folder);
    ~PdfFolderPrinter() override = default;
    Q_DISABLE_COPY_MOVE(PdfFolderPrinter)

    // "PDF folder <path>".
    [[nodiscard]] QString name() const override;
    // The folder as given.
    [[nodiscard]] QString folder() const { return m_folder; }
    // The file name (without folder) a job titled `title` is written to when no such file exists yet.
    [[nodiscard]] static QString fileNameFor(const QString &title);
    // Accepts jobs while the folder exists (or can be created) and is writable.
    [[nodiscard]] PrintResult<PrinterStatus> status() override;
    // Writes the PDF next to the others; the handle is the absolute path of the new file.
    [[nodiscard]] PrintResult<QString> submit(const QByteArray &pdf, const QString &title) override;
    // Completed while the file exists.
    [[nodiscard]] PrintResult<PrintJobStatus> jobStatus(const QString &handle) override;
    // The file written for `title` (the first one, <title>.pdf), if it exists.
    [[nodiscard]] PrintResult<std::optional<QString>> findJob(const QString &title, const QDateTime &since) override;

private:
    QString m_folder;
};

} // namespace checkin
