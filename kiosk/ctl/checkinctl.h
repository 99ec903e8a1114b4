#pragma once

#include <QStringList>

namespace checkin {

// Runs the checkinctl admin CLI on arguments (argv, program name first); returns the process exit status:
// 0 success or guest admitted, 1 guest refused, 2 usage or system error.
[[nodiscard]] int runCheckinCtl(const QStringList &arguments);

} // namespace checkin
