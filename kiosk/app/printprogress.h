#pragma once

#include "kiosk/app/kioskenums.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace checkin {

// One print job as the kiosk last heard of it: from the check-in worker's look at the guest's jobs, or from the
// print worker's jobChanged().
struct PrintJobState
{
    qint64 id = 0;
    qint64 guestId = 0;
    QString kind;    // badge | agenda
    QString state;   // queued | sent | printed | failed
    QString message; // the job's current problem, a sentence for staff; empty when all is well
};

// The print jobs of a guest the kiosk just checked in, as read on the check-in worker's thread right after the
// check-in: the ones this check-in queued and any still open (a reprint). guestId 0: not an admitted guest.
struct GuestPrintJobs
{
    qint64 guestId = 0;
    QList<PrintJobState> jobs;
};

// What the print jobs of the guest on screen add up to. Plain data, used on the GUI thread only.
//
// The check-in's answer and the print worker's job changes come from two threads: a fast print worker may report
// a job before the check-in that queued it is on screen. So every change is kept for a while, and follow() lets
// what was heard since override the check-in worker's snapshot; later changes apply as they come.
class PrintProgress
{
public:
    using Status = CheckIn::PrintStatus;
    static constexpr int kRecentJobs = 64; // job changes remembered for follow()

    // "", queued, printing, printed, problem.
    [[nodiscard]] static QString statusName(Status status);

    // Only jobs of these kinds are followed: the kinds this kiosk prints.
    void setKinds(const QStringList &kinds);
    [[nodiscard]] QStringList kinds() const { return m_kinds; }

    // Follows guest.guestId's jobs from the snapshot, with changes heard of since applied over it.
    void follow(const GuestPrintJobs &guest);
    // Follows nobody.
    void clear();
    // Notes a job change (any guest); true when it concerns the guest followed.
    bool update(const PrintJobState &job);

    [[nodiscard]] qint64 guestId() const { return m_guestId; }
    [[nodiscard]] Status status() const;
    // The kinds printing for the guest followed, badge before agenda.
    [[nodiscard]] QStringList jobKinds() const;
    // The staff sentences of the followed jobs' problems, one per line; empty when there is none.
    [[nodiscard]] QString problem() const;

private:
    [[nodiscard]] bool wanted(const PrintJobState &job) const;

    QStringList m_kinds;
    qint64 m_guestId = 0;
    QMap<qint64, PrintJobState> m_jobs; // the followed guest's, by job id
    QHash<qint64, PrintJobState> m_recent;
    QList<qint64> m_recentOrder; // oldest first
};

} // namespace checkin
