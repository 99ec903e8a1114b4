// Invariants every programme reader keeps, shared by the programme fuzz targets.
#pragma once

#include "kiosk/programme/programmeitem.h"

#include <cstdlib>

namespace checkin::fuzz {

inline void checkProgrammeParse(const ProgrammeParse &parse)
{
    // Problems are sorted by line, then column.
    for (qsizetype i = 1; i < parse.problems.size(); ++i) {
        const CsvProblem &a = parse.problems[i - 1];
        const CsvProblem &b = parse.problems[i];
        if (b.line < a.line || (b.line == a.line && b.column < a.column))
            std::abort();
    }
    for (const CsvProblem &problem : parse.problems) {
        if (problem.message.isEmpty())
            std::abort();
        (void)problem.toString();
    }
}

} // namespace checkin::fuzz
