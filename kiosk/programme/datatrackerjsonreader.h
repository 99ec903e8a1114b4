#pragma once

#include "kiosk/programme/programmeitem.h"

#include <QByteArrayView>
#include <QCoreApplication>

namespace checkin {

// Reads the IETF datatracker's /meeting/<number>/agenda.json: an object whose one key is the meeting number,
// holding a list of objects. Those with "objtype": "session" become items (source id dt:<session_id>, start in
// UTC plus "duration", "location" as room, group acronym/type/parent as acronym/kind/area); "location" and
// "parent" objects are skipped, as are sessions without a start (not scheduled). Cancelled and rescheduled
// sessions keep their id and get a "CANCELLED - " / "RESCHEDULED - " title, as the datatracker's week view does.
class DatatrackerJsonReader
{
    Q_DECLARE_TR_FUNCTIONS(DatatrackerJsonReader)

public:
    DatatrackerJsonReader() = delete;

    // Parses the bytes of an agenda.json; when meetingNumber > 0 the file must be that meeting's agenda.
    [[nodiscard]] static ProgrammeParse parse(QByteArrayView bytes, int meetingNumber);
};

} // namespace checkin
