#include "kiosk/checkin/checkinoutcome.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace checkin {

QString outcomeName(OutcomeKind kind)
{
    switch (kind) {
    case OutcomeKind::Welcome:
        return u"welcome"_s;
    case OutcomeKind::WelcomeBack:
        return u"welcome_back"_s;
    case OutcomeKind::AlreadyCheckedIn:
        return u"already_checked_in"_s;
    case OutcomeKind::Revoked:
        return u"revoked"_s;
    case OutcomeKind::OtherEvent:
        return u"other_event"_s;
    case OutcomeKind::NotProgrammeDay:
        return u"not_programme_day"_s;
    case OutcomeKind::Forged:
        return u"forged"_s;
    case OutcomeKind::Unknown:
        return u"unknown"_s;
    case OutcomeKind::Unreadable:
        return u"unreadable"_s;
    case OutcomeKind::SystemError:
        return u"error"_s;
    }
    return u"error"_s;
}

bool CheckInOutcome::admitted() const
{
    return kind == OutcomeKind::Welcome || kind == OutcomeKind::WelcomeBack || kind == OutcomeKind::AlreadyCheckedIn;
}

QJsonObject CheckInOutcome::toJson() const
{
    QJsonObject o;
    o[u"outcome"_s] = outcomeName(kind);
    o[u"guest"_s] = guestExternalId.isEmpty() ? QJsonValue() : QJsonValue(guestExternalId);
    if (!guestName.isEmpty())
        o[u"name"_s] = guestName;
    o[u"day"_s] = day.isValid() ? QJsonValue(day.toString(Qt::ISODate)) : QJsonValue();
    if (dayNumber > 0)
        o[u"day_number"_s] = dayNumber;
    if (!checkinId.isEmpty())
        o[u"checkin"_s] = checkinId;
    if (firstScanLocal.isValid())
        o[u"first_scan"_s] = firstScanLocal.toString(Qt::ISODate);
    if (kind == OutcomeKind::NotProgrammeDay) {
        o[u"programme_from"_s] = programmeFirstDay.toString(Qt::ISODate);
        o[u"programme_to"_s] = programmeLastDay.toString(Qt::ISODate);
    }
    if (kind == OutcomeKind::OtherEvent)
        o[u"event"_s] = tokenEventNumber;
    if (kind == OutcomeKind::Welcome)
        o[u"print_jobs"_s] = QJsonArray::fromStringList(printJobsQueued);
    o[u"admitted"_s] = admitted();
    o[u"message"_s] = message;
    return o;
}

} // namespace checkin
