#pragma once

#include "kiosk/printqueue/printersetup.h"

#include <QString>

#include <chrono>
#include <expected>

namespace checkin::db {
class Database;
}

namespace checkin {

// What a printer test did: where the test badge went and how its job ended.
struct PrinterTestResult
{
    PrinterChoice choice;   // the badge printer, and why that one
    QString layout;         // the badge layout's name
    QString media;          // the CUPS media the job asked for (empty: the printer's default)
    QString handle;         // CUPS: "<queue>-<job id>"; folder: the PDF's path
    int jobId = 0;          // CUPS job id; 0 for a folder
    QString state;          // pending, held, processing, stopped, completed, cancelled, aborted
    QString message;        // what CUPS said about the job (job-state-reasons or the printer's message)
    QString printerProblem; // what the printer says is wrong with it (state reasons in words), if anything
    bool timedOut = false;  // the job had not finished when the wait ended

    // True when the badge came out (or was saved): the job completed.
    [[nodiscard]] bool isSuccess() const { return state == u"completed"; }
};

// Prints a test badge on the kiosk's badge printer (stored, else the CUPS default, else the PDF folder): a sample
// guest clearly marked TEST on the configured badge layout, with that layout's media. Waits for the CUPS job to
// finish, at most `wait`. Nothing is recorded as a guest's print job. Blocks (CUPS): not on the GUI thread.
class PrinterTest
{
public:
    [[nodiscard]] static std::expected<PrinterTestResult, QString> printBadge(
        db::Database &db, std::chrono::milliseconds wait = std::chrono::seconds(60));
};

} // namespace checkin
