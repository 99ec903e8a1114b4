#pragma once

#include "kiosk/programme/programmeitem.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QStringList>
#include <QTimeZone>

namespace checkin {

// Reads the IETF datatracker's /meeting/<number>/agenda.csv: columns Date, Start, End, Session, Room, Area,
// Acronym, Type, Description, Session ID, Agenda, Slides; Date is YYYY-MM-DD, Start and End HHMM on that date
// (an End before the Start is on the next day: the export writes no end date). Source id dt:<Session ID>, the
// same session ids agenda.json uses; break and registration rows (ids b…/r…) become kinds "break" and
// "registration", the export's "other" rows (Session "None", parent area in the Type column) kind "other".
class DatatrackerCsvReader
{
    Q_DECLARE_TR_FUNCTIONS(DatatrackerCsvReader)

public:
    DatatrackerCsvReader() = delete;

    // Parses the bytes of an agenda.csv whose times are wall-clock times in zone (the venue's, or UTC for
    // agenda-utc.csv).
    [[nodiscard]] static ProgrammeParse parse(QByteArrayView bytes, const QTimeZone &zone);
    // True if a CSV header line has the datatracker agenda columns (Date, Start, End, Session ID, Description).
    [[nodiscard]] static bool isDatatrackerHeader(const QStringList &header);
};

} // namespace checkin
