#pragma once

#include "kiosk/programme/programmeitem.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QStringList>
#include <QTimeZone>

namespace checkin {

// Reads the Policymaker Program's own sessions: an RFC 4180 CSV with columns session_id, date, start, end,
// title, kind, room, description, attendees (session_id, date, start, end and title required). Times are
// wall-clock times at the venue; kind is one of kinds(); attendees lists guest external ids separated by ";",
// "," or spaces (a file without that column leaves attendance as it is). Source id pp:<session_id>.
class ProgrammeCsvReader
{
    Q_DECLARE_TR_FUNCTIONS(ProgrammeCsvReader)

public:
    ProgrammeCsvReader() = delete;

    // Parses the bytes of the file; times are read in the venue's zone.
    [[nodiscard]] static ProgrammeParse parse(QByteArrayView bytes, const QTimeZone &venueZone);
    // The kinds a session may have (empty is allowed too).
    [[nodiscard]] static QStringList kinds();
};

} // namespace checkin
