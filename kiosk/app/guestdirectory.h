#pragma once

#include "kiosk/app/directoryworker.h"

#include <QObject>
#include <QThread>

#include <functional>

namespace checkin {

// The GUI thread's handle on the DirectoryWorker: starts its thread, forwards requests to it by queued call and
// relays its answers (on the GUI thread). Shared by the staff dashboard and the guests' manual lookup.
class GuestDirectory : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuestDirectory)

public:
    GuestDirectory(QString databasePath, db::EventRecord event, QString kioskId, QObject *parent = nullptr);
    ~GuestDirectory() override;

    // Where "now" comes from (tests and rehearsals move it); default: the system clock.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    [[nodiscard]] QDateTime now() const { return m_clock(); }

    void refresh();
    // Returns the request id searchReady() will carry.
    quint64 search(const QString &query, const QString &filter, int limit, DirectoryAudience audience);
    // Arrivals are read from the venue database at conninfo from now on (every kiosk's check-ins).
    void setVenueDatabase(const QString &conninfo);
    void reprint(qint64 guestId, const QString &kind, const QString &actor);
    void annul(const QString &checkinId, const QString &reason, const QString &actor);
    void revoke(const QString &externalId, const QString &reason, const QString &actor);
    void exportReport(const QString &folder, const QString &actor);

Q_SIGNALS:
    void snapshotReady(const checkin::DirectorySnapshot &snapshot);
    void searchReady(quint64 requestId, const QList<checkin::DirectoryGuest> &guests, const QString &error);
    void actionDone(const QString &action, bool ok, const QString &message, const QStringList &files);

private:
    QThread m_thread;
    DirectoryWorker *m_worker = nullptr; // lives on m_thread, deleted there when it finishes
    quint64 m_requestId = 0;
    std::function<QDateTime()> m_clock;
};

} // namespace checkin
