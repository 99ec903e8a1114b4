#pragma once

#include "kiosk/common/csvreader.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringView>

namespace checkin {

// One validated guest from a guest-list CSV file, ready to be stored.
struct GuestImportRow
{
    int line = 0;        // physical line of the row in the file
    QString externalId;  // [A-Za-z0-9._-]{1,64}; from external_id, or derived from the email address
    QString displayName; // never empty, never multi-line
    QString givenName;
    QString familyName;
    QString latinName; // empty when not given (or the same as displayName): fall back to displayName
    QString organisation;
    QString countryCode; // ISO 3166-1 alpha-2, upper case, may be empty
    QString role;        // policymaker | staff | host
    QString email;
    QString language; // en | fr | es | ar | zh | ru
    QString regType;
    QString ticketType;
    QList<QDate> days; // programme days the guest is expected, sorted; empty = every day
    QString nameOrder; // given-first | family-first | empty: as the script suggests (see GuestCsv::composeName)

    friend bool operator==(const GuestImportRow &, const GuestImportRow &) = default;
};

// Either every row of the file (problems empty) or every problem found in it (rows empty).
struct GuestCsvResult
{
    QList<GuestImportRow> rows;
    QList<CsvProblem> problems; // sorted by line, then column; at most kMaxListedProblems
    int unlistedProblems = 0;   // found beyond those, counted only
    QList<CsvProblem> warnings; // what was changed on the way in (characters a badge cannot print), by line

    // True if the file can be imported.
    [[nodiscard]] bool ok() const { return problems.isEmpty(); }
    // Every problem found, listed or not.
    [[nodiscard]] int problemCount() const { return int(problems.size()) + unlistedProblems; }
};

// Reads a guest list. Header names are matched ignoring case, spaces around them, and "-"/" " versus "_";
// unknown columns are ignored. Datatracker registration export: first_name, last_name, affiliation,
// country_code, email, reg_type, ticket_type. Ours: external_id, display_name, given_name, family_name,
// latin_name, organisation/organization, country, role, language, days, name_order.
class GuestCsv
{
    Q_DECLARE_TR_FUNCTIONS(GuestCsv)

public:
    GuestCsv() = delete;

    // Validates a whole file for an event whose programme runs from firstDay to lastDay (inclusive).
    [[nodiscard]] static GuestCsvResult parse(QByteArrayView bytes, QDate firstDay, QDate lastDay);
    // The name as printed from its parts: nameOrder "given-first" or "family-first", or empty for the default
    // (family name first, without a space, when both parts are Chinese, Japanese or Korean; given name first
    // otherwise). Family first in Latin letters keeps the space: "Nguyễn Minh Khai".
    [[nodiscard]] static QString composeName(const QString &given, const QString &family,
                                             const QString &nameOrder = {});
    // Guest id derived from an email address: "g-" + 12 hex digits of SHA-256 of the trimmed, lower-cased address.
    [[nodiscard]] static QString idFromEmail(QStringView email);
};

} // namespace checkin
