#pragma once

#include "kiosk/app/directoryworker.h"

#include "kiosk/app/rowlistmodel.h"

#include <QLocale>
#include <QtQml/qqmlregistration.h>

namespace checkin {

// One guest as a panel shows them (StaffDashboard::selected, GuestLookup::chosen); guestId 0 when none is.
struct GuestCard
{
    Q_GADGET
    QML_VALUE_TYPE(guestCard)
    Q_PROPERTY(bool valid READ isValid)
    Q_PROPERTY(qint64 guestId MEMBER guestId)
    Q_PROPERTY(QString externalId MEMBER externalId)
    Q_PROPERTY(QString name MEMBER name)
    Q_PROPERTY(QString organisation MEMBER organisation)
    Q_PROPERTY(QString countryName MEMBER countryName)
    Q_PROPERTY(bool arrived MEMBER arrived)
    Q_PROPERTY(QString arrivedAt MEMBER arrivedAt)
    Q_PROPERTY(QString checkinId MEMBER checkinId)
    Q_PROPERTY(QString arrivedKiosk MEMBER arrivedKiosk)
    Q_PROPERTY(bool annulHere MEMBER annulHere)
    Q_PROPERTY(int daysAttended MEMBER daysAttended)
    Q_PROPERTY(bool revoked MEMBER revoked)

public:
    // The card of guest, its time of arrival today in locale's short format.
    [[nodiscard]] static GuestCard of(const DirectoryGuest &guest, const QLocale &locale);
    // A guest is shown.
    [[nodiscard]] bool isValid() const { return guestId != 0; }
    friend bool operator==(const GuestCard &, const GuestCard &) = default;

    qint64 guestId = 0;
    QString externalId;
    QString name;
    QString organisation;
    QString countryName;
    bool arrived = false;
    QString arrivedAt; // HH:MM in the UI locale, venue time; "" when not arrived today
    QString checkinId;
    QString arrivedKiosk;
    bool annulHere = false;
    int daysAttended = 0;
    bool revoked = false;
};

// Guests found by a search, for a QML ListView: name, organisation, country, today's arrival.
class GuestListModel : public CountedListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Kiosk.dashboard.guests and Kiosk.lookup.results provide it")

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

    using CountedListModel::CountedListModel;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    void setGuests(QList<DirectoryGuest> guests);
    // The guest with this row id, if listed.
    [[nodiscard]] const DirectoryGuest *find(qint64 guestId) const;
    // Times follow the UI language.
    void setLocale(const QLocale &locale);
    [[nodiscard]] QLocale locale() const { return m_locale; }

private:
    QList<DirectoryGuest> m_guests;
    QLocale m_locale;
};

} // namespace checkin
