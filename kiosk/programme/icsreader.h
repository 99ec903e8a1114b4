#pragma once

#include "kiosk/programme/programmeitem.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QDate>
#include <QTimeZone>

namespace checkin {

// Reads an iCalendar file (the datatracker's agenda.ics, or a calendar exported from any calendar program) with
// libical: each VEVENT becomes an item with source id ics:<UID>. Times with a TZID are resolved by the file's
// VTIMEZONE blocks (or libical's own zone data for IANA names), UTC times are taken as they are, floating times
// and all-day dates are read in the venue's zone. Repeating events (RRULE/RDATE, EXDATE, RECURRENCE-ID overrides)
// are expanded over the programme days only; each occurrence gets the id ics:<UID>/<start as 20261102T030000Z>.
// A STATUS:CANCELLED event keeps its id and gets a "CANCELLED - " title.
class IcsReader
{
    Q_DECLARE_TR_FUNCTIONS(IcsReader)

public:
    IcsReader() = delete;

    // Parses the bytes of a .ics file for an event held in venueZone from firstDay to lastDay (venue-local).
    [[nodiscard]] static ProgrammeParse parse(QByteArrayView bytes, const QTimeZone &venueZone, QDate firstDay,
                                              QDate lastDay);
};

} // namespace checkin
