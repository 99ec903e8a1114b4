#pragma once

#include "kiosk/common/csvreader.h"

#include "db/records.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <expected>
#include <optional>

namespace checkin::db {
class Database;
}

namespace checkin {

// What staff say about one guest, field by field; a field not given is left as it is (or empty for a new guest).
// The values are written as in the guest-list CSV, and checked by the same rules (GuestCsv): an id, a country code,
// a language, a role, days (numbers or dates separated by ';'), a name order (given-first, family-first, auto).
struct GuestFields
{
    std::optional<QString> externalId;
    std::optional<QString> displayName;
    std::optional<QString> givenName;
    std::optional<QString> familyName;
    std::optional<QString> latinName;
    std::optional<QString> organisation;
    std::optional<QString> country;
    std::optional<QString> email;
    std::optional<QString> language;
    std::optional<QString> role;
    std::optional<QString> days;      // "" or "all": every programme day
    std::optional<QString> nameOrder; // given-first | family-first | auto
    std::optional<QString> regType;   // e.g. onsite, remote
};

// Adds a walk-in guest or changes one guest, with the guest-list CSV's rules, and records who did it: the change and
// its staff action row are one transaction, so a change whose audit row cannot be written is not made.
class GuestEditor
{
public:
    struct Problem
    {
        QString field; // the GuestFields member as checkinctl's option names it: "country", "name-order"
        QString message;
    };
    struct Failure
    {
        QString message;
        QList<Problem> problems; // each rejected value
    };
    struct Result
    {
        db::GuestRecord guest;      // as stored now
        QStringList changed;        // CSV column names of the fields that changed (empty: nothing to change)
        QList<CsvProblem> warnings; // characters left out (emoji in a name)
    };

    GuestEditor(db::Database &db, const db::EventRecord &event, QString kioskId, QString actor);

    // A new guest. Without an id or e-mail address, the id is "walkin-" and six random hex digits.
    [[nodiscard]] std::expected<Result, Failure> add(const GuestFields &fields);
    // Changes the fields given of an existing guest of the event; the external id never changes.
    [[nodiscard]] std::expected<Result, Failure> edit(const db::GuestRecord &guest, const GuestFields &fields);

private:
    std::expected<Result, Failure> store(const QList<std::pair<QString, QString>> &columns,
                                         const std::optional<db::GuestRecord> &before, const QString &action);

    db::Database &m_db;
    const db::EventRecord &m_event;
    QString m_kioskId;
    QString m_actor;
};

} // namespace checkin
