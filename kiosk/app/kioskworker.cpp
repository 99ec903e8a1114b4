#include "kioskworker.h"

#include <checkinservice.h>
#include <database.h>

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
    CheckInOutcome outcome;
    if (m_service) {
        outcome = m_service->checkIn(payload, nowUtc, source);
    } else {
        outcome.kind = OutcomeKind::SystemError;
        outcome.message = u"The kiosk has no database connection: %1"_s.arg(m_openError);
    }
    qCInfo(lcKiosk).noquote() << "scan from" << source << "->" << outcomeName(outcome.kind)
                              << (outcome.guestExternalId.isEmpty() ? QString() : outcome.guestExternalId);
    Q_EMIT checkedIn(requestId, outcome);
}

} // namespace checkin
