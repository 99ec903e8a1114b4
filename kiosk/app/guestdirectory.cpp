#include "kiosk/app/guestdirectory.h"

using namespace Qt::StringLiterals;

namespace checkin {

GuestDirectory::GuestDirectory(QString databasePath, db::EventRecord event, QString kioskId, QObject *parent)
    : QObject(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    qRegisterMetaType<checkin::DirectorySnapshot>();
    qRegisterMetaType<QList<checkin::DirectoryGuest>>();
    m_worker = new DirectoryWorker(std::move(databasePath), std::move(event), std::move(kioskId));
    m_worker->moveToThread(&m_thread);
    m_thread.setObjectName(u"guest-directory"_s);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &DirectoryWorker::snapshotReady, this, &GuestDirectory::snapshotReady);
    connect(m_worker, &DirectoryWorker::searchReady, this, &GuestDirectory::searchReady);
    connect(m_worker, &DirectoryWorker::actionDone, this, &GuestDirectory::actionDone);
    m_thread.start(QThread::LowPriority); // guests scanning come first
    QMetaObject::invokeMethod(m_worker, &DirectoryWorker::open);
}

GuestDirectory::~GuestDirectory()
{
    m_thread.quit();
    m_thread.wait();
}

void GuestDirectory::refresh()
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, now = m_clock()] { w->refresh(now); });
}

void GuestDirectory::setVenueDatabase(const QString &conninfo)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, conninfo] { w->setVenueDatabase(conninfo); });
}

quint64 GuestDirectory::search(const QString &query, const QString &filter, int limit, DirectoryAudience audience)
{
    const quint64 id = ++m_requestId;
    QMetaObject::invokeMethod(
        m_worker, [=, w = m_worker, now = m_clock()] { w->search(id, query, filter, now, limit, audience); });
    return id;
}

void GuestDirectory::reprint(qint64 guestId, const QString &kind, const QString &actor)
{
    QMetaObject::invokeMethod(m_worker, [=, w = m_worker] { w->reprint(guestId, kind, actor); });
}

void GuestDirectory::annul(const QString &checkinId, const QString &reason, const QString &actor)
{
    QMetaObject::invokeMethod(m_worker, [=, w = m_worker] { w->annul(checkinId, reason, actor); });
}

void GuestDirectory::revoke(const QString &externalId, const QString &reason, const QString &actor)
{
    QMetaObject::invokeMethod(m_worker, [=, w = m_worker] { w->revoke(externalId, reason, actor); });
}

void GuestDirectory::exportReport(const QString &folder, const QString &actor)
{
    QMetaObject::invokeMethod(m_worker, [=, w = m_worker, now = m_clock()] { w->exportReport(folder, now, actor); });
}

} // namespace checkin
