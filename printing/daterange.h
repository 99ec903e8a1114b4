#pragma once

#include <QDate>
#include <QLocale>
#include <QString>

namespace checkin {

// A programme's dates as people write them, in the locale's language: "2–5 November 2026",
// "30 October – 2 November 2026", "2 – 5 de noviembre de 2026", "2026年11月2日–5日", "5 November 2026".
// English uses day-month-year, as the IETF writes meeting dates.
[[nodiscard]] QString formatDateRange(QDate first, QDate last, const QLocale &locale = QLocale(QLocale::English));

} // namespace checkin
