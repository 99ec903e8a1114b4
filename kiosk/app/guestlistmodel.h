#pragma once

#include "kiosk/app/directoryworker.h"

#include <QAbstractListModel>
#include <QLocale>
#include <QtQml/qqmlregistration.h>

namespace checkin {

// Guests found by a search, for a QML ListView: name, organisation, country, today's arrival.
class GuestListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Kiosk.dashboard.guests and Kiosk.lookup.results provide it")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        GuestIdRole = Qt::UserRole + 1,
        ExternalIdRole,
        NameRole,
        OrganisationRole,
        CountryRole,
        CountryNameRole,
        ArrivedRole,
        ArrivedAtRole, // HH:MM in the UI locale, venue time; "" when not arrived today
        CheckinIdRole,
        DaysAttendedRole,
        ExpectedTodayRole,
        RevokedRole,
    };

    using QAbstractListModel::QAbstractListModel;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] int count() const { return int(m_guests.size()); }

    void setGuests(QList<DirectoryGuest> guests);
    // The guest with this row id, if listed.
    [[nodiscard]] const DirectoryGuest *find(qint64 guestId) const;
    // Times follow the UI language.
    void setLocale(const QLocale &locale);

Q_SIGNALS:
    void countChanged();

private:
    QList<DirectoryGuest> m_guests;
    QLocale m_locale;
};

} // namespace checkin
