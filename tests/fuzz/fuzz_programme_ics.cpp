// libFuzzer target: IcsReader::parse() on arbitrary iCalendar files.
#include "kiosk/programme/icsreader.h"
#include "tests/fuzz/programmecheck.h"

#include <QTimeZone>

#include <cstdint>

using namespace checkin;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QTimeZone zone("Europe/Madrid");
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    fuzz::checkProgrammeParse(IcsReader::parse(bytes, zone, QDate(2025, 3, 15), QDate(2025, 3, 21)));
    return 0;
}
