#include "printing/venuezone.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace checkin {

std::optional<QTimeZone> venueZone(const QByteArray &ianaId)
{
    static const QRegularExpression etc(u"^Etc/(GMT[+-](0|[1-9]|1[0-4])|GMT0?|UTC|UCT|Universal|Zulu|Greenwich)$"_s);
    const bool listed = ianaId == "UTC" || QTimeZone::isTimeZoneIdAvailable(ianaId)
                        || etc.match(QString::fromLatin1(ianaId)).hasMatch();
    if (!listed)
        return std::nullopt;
    QTimeZone zone(ianaId);
    if (!zone.isValid())
        return std::nullopt;
    return zone;
}

} // namespace checkin
