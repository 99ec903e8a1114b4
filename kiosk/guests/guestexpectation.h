#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace checkin::db {
struct EventRecord;
struct GuestRecord;
} // namespace checkin::db

namespace checkin {

// Which programme days a guest is expected on site, as the guest list says it (the datatracker's registration
// export or our own columns):
// - a remote registration (reg_type "remote" or "hackathon_remote", without "onsite") is imported but expected on
//   no day: a remote participant who comes to a kiosk anyway is welcomed and counted as arrived;
// - a `days` column names the days (one-day tickets, part-week guests);
// - a one-day ticket (ticket_type "one_day", "one-day", "day pass") without days is expected on one day that the
//   file does not say, so on no particular day;
// - anyone else on every programme day.
class GuestExpectation
{
public:
    enum class Basis {
        EveryDay,      // on site all week
        ListedDays,    // the days column
        Remote,        // remote registration
        OneDayUnstated // one-day ticket, day not given
    };

    [[nodiscard]] static Basis basis(const db::GuestRecord &guest);
    [[nodiscard]] static bool isRemote(const db::GuestRecord &guest);
    [[nodiscard]] static bool isOneDayTicket(const db::GuestRecord &guest);
    // Whether the guest is expected on site on day (a programme day of the event).
    [[nodiscard]] static bool expectedOn(const db::GuestRecord &guest, QDate day);
    // The programme days of event the guest is expected on site.
    [[nodiscard]] static QList<QDate> expectedDays(const db::GuestRecord &guest, const db::EventRecord &event);
    // "every day", "listed days", "remote", "one day, not stated": the basis as the CLI and report write it.
    [[nodiscard]] static QString basisName(Basis basis);
    // One sentence for the report: how "expected" was counted, with the numbers of remote and unstated guests.
    [[nodiscard]] static QString reportNote(const QList<db::GuestRecord> &guests);
};

} // namespace checkin
