#include "kiosk/app/printprogress.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace checkin {

namespace {

bool isProblem(const PrintJobState &job)
{
    return job.state == u"failed" || (job.state != u"printed" && !job.message.isEmpty());
}

} // namespace

QString PrintProgress::statusName(Status status)
{
    switch (status) {
    case Status::None:
        return QString();
    case Status::Queued:
        return u"queued"_s;
    case Status::Printing:
        return u"printing"_s;
    case Status::Printed:
        return u"printed"_s;
    case Status::Problem:
        return u"problem"_s;
    }
    return QString();
}

void PrintProgress::setKinds(const QStringList &kinds)
{
    m_kinds = kinds;
    m_jobs.removeIf([this](const auto &it) { return !wanted(it.value()); });
}

void PrintProgress::follow(const GuestPrintJobs &guest)
{
    clear();
    m_guestId = guest.guestId;
    if (m_guestId <= 0)
        return;
    for (const PrintJobState &job : guest.jobs) {
        if (job.guestId != m_guestId || !wanted(job))
            continue;
        // A change heard of before the snapshot arrived is newer than the snapshot, or else the change the snapshot
        // shows is still on its way here and will be applied by update(): the print worker signals after writing.
        m_jobs.insert(job.id, m_recent.value(job.id, job));
    }
}

void PrintProgress::clear()
{
    m_guestId = 0;
    m_jobs.clear();
}

bool PrintProgress::update(const PrintJobState &job)
{
    if (!m_recent.contains(job.id)) {
        m_recentOrder.append(job.id);
        if (m_recentOrder.size() > kRecentJobs)
            m_recent.remove(m_recentOrder.takeFirst());
    }
    m_recent.insert(job.id, job);

    if (m_guestId <= 0 || job.guestId != m_guestId || !wanted(job))
        return false;
    m_jobs.insert(job.id, job);
    return true;
}

PrintProgress::Status PrintProgress::status() const
{
    if (m_jobs.isEmpty())
        return Status::None;
    if (std::any_of(m_jobs.cbegin(), m_jobs.cend(), isProblem))
        return Status::Problem;
    const auto printed = std::count_if(m_jobs.cbegin(), m_jobs.cend(),
                                       [](const PrintJobState &job) { return job.state == u"printed"; });
    if (printed == m_jobs.size())
        return Status::Printed;
    const bool moving = printed > 0 || std::any_of(m_jobs.cbegin(), m_jobs.cend(), [](const PrintJobState &job) {
                            return job.state == u"sent";
                        });
    return moving ? Status::Printing : Status::Queued;
}

QStringList PrintProgress::jobKinds() const
{
    QStringList kinds;
    for (const QString &kind : {u"badge"_s, u"agenda"_s}) {
        if (std::any_of(m_jobs.cbegin(), m_jobs.cend(), [&](const PrintJobState &job) { return job.kind == kind; }))
            kinds << kind;
    }
    return kinds;
}

QString PrintProgress::problem() const
{
    QStringList sentences;
    for (const PrintJobState &job : m_jobs) {
        if (isProblem(job) && !job.message.isEmpty() && !sentences.contains(job.message))
            sentences << job.message;
    }
    return sentences.join(u'\n');
}

bool PrintProgress::wanted(const PrintJobState &job) const
{
    return m_kinds.contains(job.kind);
}

} // namespace checkin
