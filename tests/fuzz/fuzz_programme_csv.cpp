// libFuzzer target: both CSV agenda readers (the Datatracker export and our programme CSV) on arbitrary files.
// The first input byte chooses the reader and the venue zone, so one corpus covers both.
#include "kiosk/programme/datatrackercsvreader.h"
#include "kiosk/programme/programmecsvreader.h"
#include "tests/fuzz/programmecheck.h"

#include <QTimeZone>

#include <cstdint>

using namespace checkin;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    // A zone with DST gaps and one without, so wall-clock conversion meets both.
    static const QTimeZone zones[] = {QTimeZone("Europe/Madrid"), QTimeZone("Asia/Bangkok")};
    const uint8_t selector = data[0];
    const QTimeZone &zone = zones[(selector >> 1) & 1];
    const QByteArrayView bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const ProgrammeParse parse = (selector & 1) ? ProgrammeCsvReader::parse(bytes, zone)
                                                : DatatrackerCsvReader::parse(bytes, zone);
    fuzz::checkProgrammeParse(parse);
    return 0;
}
