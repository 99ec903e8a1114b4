#include "kiosk/guests/guestexpectation.h"

#include "db/records.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace checkin {

namespace {

// The words of a registration field: "hackathon_remote, onsite" → hackathon, remote, onsite.
QStringList words(const QString &text)
{
    static const QRegularExpression separators(u"[^a-z0-9]+"_s);
    return text.toLower().split(separators, Qt::SkipEmptyParts);
}

} // namespace

bool GuestExpectation::isRemote(const db::GuestRecord &guest)
{
    const QStringList w = words(guest.regType);
    const bool remote = std::any_of(w.cbegin(), w.cend(), [](const QString &x) { return x == u"remote"; });
    const bool onsite = std::any_of(
        w.cbegin(), w.cend(), [](const QString &x) { return x == u"onsite" || x == u"inperson" || x == u"person"; });
    return remote && !onsite;
}

bool GuestExpectation::isOneDayTicket(const db::GuestRecord &guest)
{
    const QString joined = words(guest.ticketType).join(u' ');
    return joined == u"one day" || joined.startsWith(u"one day ") || joined == u"oneday" || joined == u"day pass"
           || joined.startsWith(u"day pass ");
}

GuestExpectation::Basis GuestExpectation::basis(const db::GuestRecord &guest)
{
    if (isRemote(guest))
        return Basis::Remote;
    if (!guest.days.isEmpty())
        return Basis::ListedDays;
    if (isOneDayTicket(guest))
        return Basis::OneDayUnstated;
    return Basis::EveryDay;
}

bool GuestExpectation::expectedOn(const db::GuestRecord &guest, QDate day)
{
    switch (basis(guest)) {
    case Basis::EveryDay:
        return true;
    case Basis::ListedDays:
        return guest.days.contains(day);
    case Basis::Remote:
    case Basis::OneDayUnstated:
        return false;
    }
    return false;
}

QList<QDate> GuestExpectation::expectedDays(const db::GuestRecord &guest, const db::EventRecord &event)
{
    QList<QDate> days;
    for (QDate d = event.firstDay; d.isValid() && d <= event.lastDay; d = d.addDays(1)) {
        if (expectedOn(guest, d))
            days.append(d);
    }
    return days;
}

QString GuestExpectation::basisName(Basis basis)
{
    switch (basis) {
    case Basis::EveryDay:
        return u"every day"_s;
    case Basis::ListedDays:
        return u"listed days"_s;
    case Basis::Remote:
        return u"remote"_s;
    case Basis::OneDayUnstated:
        return u"one day, not stated"_s;
    }
    return {};
}

QString GuestExpectation::reportNote(const QList<db::GuestRecord> &guests)
{
    int remote = 0;
    int unstated = 0;
    for (const db::GuestRecord &g : guests) {
        const Basis b = basis(g);
        remote += b == Basis::Remote;
        unstated += b == Basis::OneDayUnstated;
    }
    QString note = u"Expected: guests registered on site, on every programme day unless the guest list names their "
                   "days."_s;
    if (remote > 0)
        note += remote == 1 ? u" 1 remote registration is not expected on site."_s
                            : u" %1 remote registrations are not expected on site."_s.arg(remote);
    if (unstated > 0)
        note += unstated == 1
                    ? u" 1 one-day ticket without a stated day is not counted as expected on any day."_s
                    : u" %1 one-day tickets without a stated day are not counted as expected on any day."_s.arg(
                        unstated);
    return note;
}

} // namespace checkin
