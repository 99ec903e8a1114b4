#pragma once

#include "kiosk/app/printprogress.h"

#include "db/records.h"
#include "kiosk/checkin/checkinoutcome.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <memory>

namespace checkin {

namespace db {
class Database;
}
class CheckInService;

// Runs check-ins on the kiosk's worker thread. It opens its own SQLite connection there (connections are
// per thread in this project) and owns the CheckInService; results go back to the GUI thread by queued
// signal. Create it on the GUI thread, move it to the worker thread, then call open() there.
class KioskWorker : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KioskWorker)

public:
    // Remembers what to open; nothing is opened before open().
    KioskWorker(QString databasePath, db::EventRecord event, QString kioskId);
    ~KioskWorker() override;

public Q_SLOTS:
    // Opens this thread's connection and check-in service; emits opened().
    void open();
    // Checks in one scanned payload at nowUtc; emits checkedIn() with the same request id and, for an admitted
    // guest, the guest's print jobs to follow on screen.
    void checkIn(quint64 requestId, const QString &payload, const QDateTime &nowUtc, const QString &source);
    // Checks in the guest with this row id without a scan (staff confirmed a manual lookup); emits checkedIn().
    void checkInGuest(quint64 requestId, qint64 guestId, const QDateTime &nowUtc, const QString &actor);

Q_SIGNALS:
    // The connection is ready (error empty) or could not be opened (a sentence for staff).
    void opened(const QString &error);
    // The outcome of request requestId, and the print jobs of the guest (guestId 0 when not admitted).
    void checkedIn(quint64 requestId, const checkin::CheckInOutcome &outcome, const checkin::GuestPrintJobs &jobs);

private:
    [[nodiscard]] CheckInOutcome noConnection() const;
    void finish(quint64 requestId, const CheckInOutcome &outcome, const QString &source);
    // The admitted guest's row id and the print jobs the welcome screen follows: the ones this check-in queued and
    // any of this kiosk's jobs still open (a reprint). Read after the check-in committed, on this thread.
    // (Only until CheckInOutcome carries the guest's row id: then this reads the jobs alone.)
    [[nodiscard]] GuestPrintJobs printJobsOf(const CheckInOutcome &outcome);

    QString m_databasePath;
    db::EventRecord m_event;
    QString m_kioskId;
    QString m_openError;
    std::unique_ptr<db::Database> m_db;
    std::unique_ptr<CheckInService> m_service;
};

} // namespace checkin
