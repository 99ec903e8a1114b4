#pragma once

#include "kiosk/printqueue/printersetup.h"
#include "kiosk/printqueue/printqueueworker.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QThread>

#include <optional>

namespace checkin {

// This kiosk's print queue worker (badges and agendas of the guests it checks in) on a thread of its own, where
// it renders PDFs and blocks on CUPS. Lives on the GUI thread: the worker's signals arrive here by queued
// connection and are emitted again on the GUI thread, for the controller.
//
// start() resolves the printers on the worker's thread (the overrides of this run, else stored settings, else the
// CUPS default destination, else PDF folders), then starts the worker; stop() (also the destructor) lets the job in
// hand finish, then ends the thread.
class KioskPrinting : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KioskPrinting)

public:
    struct Options
    {
        QString dbPath;
        QString kioskId;
        std::optional<PrinterSpec> badgePrinter;  // instead of the database's printer.badge, for this run
        std::optional<PrinterSpec> agendaPrinter; // instead of printer.agenda
        QString badgeLayout;                      // empty: the stored layout, else the first built-in one
        PrintQueueWorker::Options worker;         // retries and polling; dbPath and kioskId are set from above
    };

    explicit KioskPrinting(Options options, QObject *parent = nullptr);
    ~KioskPrinting() override;

    // Starts the thread and, on it, the worker; emits configured() once the printers are known.
    void start();
    // A job was just queued: the worker looks now rather than at its next idle check. Safe from any thread.
    void wake();
    // Ends printing: the job in hand finishes (a CUPS call may take its timeout), then the thread stops.
    void stop();
    [[nodiscard]] bool isRunning() const { return m_thread.isRunning(); }

Q_SIGNALS:
    // The kinds that print on this kiosk, and where each kind goes and why (badge first, then agenda).
    void configured(const QStringList &kinds, const QList<checkin::PrinterChoice> &choices);
    // See PrintQueueWorker.
    void jobChanged(qint64 jobId, qint64 guestId, const QString &kind, const QString &state, const QString &message);
    // The printer for kind needs staff (problem, a sentence for them) or is fine again (empty).
    void printerProblemChanged(const QString &kind, const QString &problem);
    // The print queue's database could not be used.
    void errorOccurred(const QString &message);

private:
    // On the worker's thread: gives the worker its printers, starts it, reports them with configured().
    void configure();

    Options m_options;
    QThread m_thread;
    PrintQueueWorker *m_worker = nullptr; // lives on m_thread, deleted there when it finishes
};

} // namespace checkin
