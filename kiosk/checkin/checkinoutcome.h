#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace checkin {

// What a scan led to. Every kind has a translated guest message in the UI and a test.
enum class OutcomeKind {
    Welcome,          // first check-in of this guest: badge and agenda print jobs queued
    WelcomeBack,      // a later programme day
    AlreadyCheckedIn, // scanned again on the same day
    Revoked,          // the invitation was revoked by staff
    OtherEvent,       // a genuine invitation for another meeting
    NotProgrammeDay,  // today is outside the programme days
    Forged,           // looks like an invitation but its signature or content is wrong
    Unknown,          // genuine signature but not in this kiosk's database
    Unreadable,       // not an invitation at all
    SystemError,      // the kiosk could not record the check-in (disk full, database problem): see staff
};

// The stable name used in JSON and logs: welcome, welcome_back, already_checked_in, …
[[nodiscard]] QString outcomeName(OutcomeKind kind);

struct CheckInOutcome
{
    OutcomeKind kind = OutcomeKind::Unreadable;
    qint64 guestId = 0; // the guest's row id (0 when the code names no known guest)
    QString guestExternalId;
    QString guestName;
    QString guestLanguage;
    QDate day;                // programme day in the venue's time zone
    int dayNumber = 0;        // 1 for the first programme day
    QString checkinId;        // attendance uid (welcome, welcome_back, already_checked_in)
    QDateTime firstScanLocal; // already_checked_in: when the guest was first seen today, venue time
    QDate programmeFirstDay;
    QDate programmeLastDay;
    int tokenEventNumber = 0;    // other_event: the meeting the invitation is for
    QStringList printJobsQueued; // "badge", "agenda"
    QString message;             // one English sentence for staff, logs and the CLI

    // True when the guest may go in (welcome, welcome back, already checked in).
    [[nodiscard]] bool admitted() const;
    // The CLI's one-line JSON form.
    [[nodiscard]] QJsonObject toJson() const;
};

} // namespace checkin
