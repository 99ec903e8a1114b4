#include "kiosk/app/kioskworker.h"

#include "db/database.h"
#include "db/printjobstore.h"
#include "kiosk/checkin/checkinservice.h"

#include <QLoggingCategory>
#include <QThread>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcKiosk)

namespace checkin {

KioskWorker::KioskWorker(QString databasePath, db::EventRecord event, QString kioskId)
    : m_databasePath(std::move(databasePath))
    , m_event(std::move(event))
    , m_kioskId(std::move(kioskId))
{
}

// Runs on the worker thread (deleted from QThread::finished), so the connection closes where it was opened.
KioskWorker::~KioskWorker()
{
    m_service.reset();
    m_db.reset();
}

void KioskWorker::open()
{
    auto database = db::Database::open(m_databasePath, db::Database::OpenMode::MustExist);
    if (!database) {
        m_openError = database.error().message;
        qCWarning(lcKiosk) << "worker cannot open" << m_databasePath << ':' << m_openError;
        Q_EMIT opened(m_openError);
        return;
    }
    m_db = std::move(*database);
    m_service = std::make_unique<CheckInService>(*m_db, m_event, m_kioskId);
    qCInfo(lcKiosk) << "checking in to" << m_event.name << "from" << m_databasePath << "as kiosk" << m_kioskId;
    Q_EMIT opened(QString());
}

void KioskWorker::checkIn(quint64 requestId, const QString &payload, const QDateTime &nowUtc, const QString &source)
{
    if (!m_service)
        return finish(requestId, noConnection(), source);
    finish(requestId, m_service->checkIn(payload, nowUtc, source), source);
}

void KioskWorker::checkInGuest(quint64 requestId, qint64 guestId, const QDateTime &nowUtc, const QString &actor)
{
    if (!m_service)
        return finish(requestId, noConnection(), u"manual"_s);
    finish(requestId, m_service->checkInGuest(guestId, nowUtc, actor), u"manual"_s);
}

CheckInOutcome KioskWorker::noConnection() const
{
    CheckInOutcome outcome;
    outcome.kind = OutcomeKind::SystemError;
    outcome.message = u"The kiosk has no database connection: %1"_s.arg(m_openError);
    return outcome;
}

void KioskWorker::finish(quint64 requestId, const CheckInOutcome &outcome, const QString &source)
{
    qCInfo(lcKiosk).noquote() << "check-in from" << source << "->" << outcomeName(outcome.kind)
                              << (outcome.guestExternalId.isEmpty() ? QString() : outcome.guestExternalId);
    Q_EMIT checkedIn(requestId, outcome, printJobsOf(outcome));
}

GuestPrintJobs KioskWorker::printJobsOf(const CheckInOutcome &outcome)
{
    GuestPrintJobs result;
    if (!m_db || !outcome.admitted() || outcome.guestId == 0)
        return result;
    // A failed read only costs the live print status on screen; the check-in itself is committed.
    result.guestId = outcome.guestId;
    auto jobs = db::PrintJobStore(*m_db).jobs(m_event.id, result.guestId);
    if (!jobs) {
        qCWarning(lcKiosk) << "cannot read the print jobs of" << outcome.guestExternalId << ':' << jobs.error().message;
        return result;
    }
    const bool welcome = outcome.kind == OutcomeKind::Welcome;
    for (const db::PrintJobRecord &job : *jobs) {
        if (job.kioskId != m_kioskId)
            continue; // another kiosk's worker prints it; this one would never hear of it
        const bool open = job.state == u"queued" || job.state == u"sent";
        const bool queuedNow = welcome && job.reason == u"checkin" && outcome.printJobsQueued.contains(job.kind);
        if (open || queuedNow)
            result.jobs.append({job.id, job.guestId, job.kind, job.state, job.lastError});
    }
    return result;
}

} // namespace checkin
