#include "kiosk/app/kioskenums.h"

namespace checkin::CheckIn {

OutcomeKind outcomeKindOf(checkin::OutcomeKind kind)
{
    using Core = checkin::OutcomeKind;
    switch (kind) {
    case Core::Welcome:
        return OutcomeKind::Welcome;
    case Core::WelcomeBack:
        return OutcomeKind::WelcomeBack;
    case Core::AlreadyCheckedIn:
        return OutcomeKind::AlreadyCheckedIn;
    case Core::Revoked:
        return OutcomeKind::Revoked;
    case Core::OtherEvent:
        return OutcomeKind::OtherEvent;
    case Core::NotProgrammeDay:
        return OutcomeKind::NotProgrammeDay;
    case Core::Forged:
        return OutcomeKind::Forged;
    case Core::Unknown:
        return OutcomeKind::Unknown;
    case Core::Unreadable:
        return OutcomeKind::Unreadable;
    case Core::SystemError:
        return OutcomeKind::Error;
    }
    return OutcomeKind::Error;
}

} // namespace checkin::CheckIn
