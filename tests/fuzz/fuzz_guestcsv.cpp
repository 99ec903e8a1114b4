// libFuzzer target: CsvReader::parse() and GuestCsv::parse() on arbitrary guest-list files.
#include "kiosk/common/csvreader.h"
#include "kiosk/guests/guestcsv.h"

#include <QDate>

#include <cstdint>
#include <cstdlib>

using namespace checkin;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));

    const CsvTable table = CsvReader::parse(bytes);
    for (const CsvRecord &record : table.records) {
        if (record.line < table.headerLine)
            std::abort();
    }

    // Programme days 2025-11-01 … 2025-11-07 (IETF 124-like).
    const GuestCsvResult result = GuestCsv::parse(bytes, QDate(2025, 11, 1), QDate(2025, 11, 7));
    // Either every row or every problem, never both.
    if (!result.rows.isEmpty() && !result.problems.isEmpty())
        std::abort();
    for (const GuestImportRow &row : result.rows) {
        if (row.displayName.isEmpty() || row.externalId.isEmpty() || row.externalId.size() > 64)
            std::abort();
        for (const QDate &day : row.days) {
            if (day < QDate(2025, 11, 1) || day > QDate(2025, 11, 7))
                std::abort();
        }
    }
    for (qsizetype i = 1; i < result.problems.size(); ++i) {
        if (result.problems[i].line < result.problems[i - 1].line)
            std::abort();
    }
    return 0;
}
