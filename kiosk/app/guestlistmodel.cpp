#include "kiosk/app/guestlistmodel.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace checkin {

GuestCard GuestCard::of(const DirectoryGuest &g, const QLocale &locale)
{
    GuestCard card;
    card.guestId = g.guestId;
    card.externalId = g.externalId;
    card.name = g.name;
    card.organisation = g.organisation;
    card.countryName = g.countryName;
    card.arrived = !g.checkinId.isEmpty();
    card.arrivedAt = card.arrived ? locale.toString(g.arrivedAt.time(), QLocale::ShortFormat) : QString();
    card.checkinId = g.checkinId;
    card.arrivedKiosk = g.arrivedKiosk;
    card.annulHere = g.annulHere;
    card.daysAttended = g.daysAttended;
    card.revoked = g.revoked;
    return card;
}

int GuestListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_guests.size());
}

QVariant GuestListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DirectoryGuest &g = m_guests.at(index.row());
    switch (role) {
    case GuestIdRole:
        return g.guestId;
    case ExternalIdRole:
        return g.externalId;
    case Qt::DisplayRole:
    case NameRole:
        return g.name;
    case OrganisationRole:
        return g.organisation;
    case CountryRole:
        return g.country;
    case CountryNameRole:
        return g.countryName;
    case ArrivedRole:
        return !g.checkinId.isEmpty();
    case ArrivedAtRole:
        return GuestCard::of(g, m_locale).arrivedAt;
    case CheckinIdRole:
        return g.checkinId;
    case DaysAttendedRole:
        return g.daysAttended;
    case ExpectedTodayRole:
        return g.expectedToday;
    case RevokedRole:
        return g.revoked;
    default:
        return {};
    }
}

QHash<int, QByteArray> GuestListModel::roleNames() const
{
    return {{GuestIdRole, "guestId"},
            {ExternalIdRole, "externalId"},
            {NameRole, "name"},
            {OrganisationRole, "organisation"},
            {CountryRole, "country"},
            {CountryNameRole, "countryName"},
            {ArrivedRole, "arrived"},
            {ArrivedAtRole, "arrivedAt"},
            {CheckinIdRole, "checkinId"},
            {DaysAttendedRole, "daysAttended"},
            {ExpectedTodayRole, "expectedToday"},
            {RevokedRole, "revoked"}};
}

void GuestListModel::setGuests(QList<DirectoryGuest> guests)
{
    // The same guests in the same order (a periodic refresh): update the rows in place, so the list keeps its
    // delegates, its scroll position and the row under a finger.
    const bool sameRows = guests.size() == m_guests.size()
                          && std::equal(
                              guests.cbegin(), guests.cend(), m_guests.cbegin(),
                              [](const DirectoryGuest &a, const DirectoryGuest &b) { return a.guestId == b.guestId; });
    if (sameRows) {
        m_guests = std::move(guests);
        if (!m_guests.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_guests.size()) - 1));
        return;
    }
    resetRows(m_guests, std::move(guests));
}

const DirectoryGuest *GuestListModel::find(qint64 guestId) const
{
    for (const DirectoryGuest &g : m_guests) {
        if (g.guestId == guestId)
            return &g;
    }
    return nullptr;
}

void GuestListModel::setLocale(const QLocale &locale)
{
    m_locale = locale;
    if (!m_guests.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_guests.size()) - 1), {ArrivedAtRole});
}

} // namespace checkin
