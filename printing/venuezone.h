#pragma once

#include <QByteArray>
#include <QTimeZone>

#include <optional>

namespace checkin {

// The zone for a venue's IANA time zone id, if this system knows it. Qt's list of available ids comes from
// zone1970.tab and leaves out the Etc zones (Etc/GMT+12 is UTC−12, the only zone of Baker Island), and Qt alone
// also accepts a POSIX rule such as "Bangkok" (read as UTC), which would silently put every time in UTC: so an id
// is known when it is on Qt's list, "UTC", or an Etc zone that Qt can load.
[[nodiscard]] std::optional<QTimeZone> venueZone(const QByteArray &ianaId);

} // namespace checkin
