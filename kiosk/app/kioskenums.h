#pragma once

#include "kiosk/checkin/checkinoutcome.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace checkin {

// The kiosk's states as QML sees them (import IetfCheckin.Kiosk; CheckIn.Screen.Attract, CheckIn.OutcomeKind.Welcome
// …): screens compare these, never strings. Scoped only, since several enums share value names.
namespace CheckIn {
Q_NAMESPACE
QML_ELEMENT
Q_CLASSINFO("RegisterEnumClassesUnscoped", "false")

// Where a check-in is: waiting for a scan, running on the worker thread, or showing its result.
enum class KioskState { Attract, Working, Outcome };
Q_ENUM_NS(KioskState)

// What the outcome screen says; None while no outcome is shown.
enum class OutcomeKind {
    None,
    Welcome,
    WelcomeBack,
    AlreadyCheckedIn,
    Revoked,
    OtherEvent,
    NotProgrammeDay,
    Forged,
    Unknown,
    Unreadable,
    Error,
};
Q_ENUM_NS(OutcomeKind)

// How far the documents of the guest on screen are.
enum class PrintStatus {
    None,     // nothing is printing for this guest (or this kiosk does not print)
    Queued,   // waiting for the print worker
    Printing, // at least one document is on its way or at the printer
    Printed,  // every document came out
    Problem,  // a document failed, or is waiting on a printer that needs staff
};
Q_ENUM_NS(PrintStatus)

// A print job in the staff print panel's list.
enum class JobState { Queued, Sent, Printed, Failed };
Q_ENUM_NS(JobState)

// Which screen is up (KioskController::screen): the guests' screens, then the staff overlays above them.
enum class Screen { Attract, Working, Outcome, Lookup, StaffPinPad, StaffHome };
Q_ENUM_NS(Screen)

// The kind QML sees for a check-in's outcome.
[[nodiscard]] OutcomeKind outcomeKindOf(checkin::OutcomeKind kind);

} // namespace CheckIn

} // namespace checkin
