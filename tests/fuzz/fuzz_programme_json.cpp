// libFuzzer target: DatatrackerJsonReader::parse() on arbitrary agenda.json files.
#include "kiosk/programme/datatrackerjsonreader.h"
#include "tests/fuzz/programmecheck.h"

#include <cstdint>

using namespace checkin;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    fuzz::checkProgrammeParse(DatatrackerJsonReader::parse(bytes, 122));
    return 0;
}
