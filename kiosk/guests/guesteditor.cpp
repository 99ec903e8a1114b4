#include "kiosk/guests/guesteditor.h"

#include "kiosk/guests/guestcsv.h"
#include "kiosk/guests/guestimporter.h"

#include "db/database.h"
#include "db/gueststore.h"
#include "db/staffactionstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace checkin {

namespace {

// A CSV cell, always quoted: the value goes through the guest-list reader exactly as written.
QByteArray quotedCell(const QString &value)
{
    return '"' + value.toUtf8().replace('"', "\"\"") + '"';
}

// The option that sets a CSV column: "name_order" → "name-order".
QString optionFor(const QString &column)
{
    return QString(column).replace(u'_', u'-');
}

QString daysText(const QList<QDate> &days)
{
    QStringList parts;
    for (const QDate &d : days)
        parts << d.toString(Qt::ISODate);
    return parts.join(u';');
}

// What the guest-list CSV would hold for a stored guest: each column and its value.
QList<std::pair<QString, QString>> columnsOf(const db::GuestRecord &g)
{
    QList<std::pair<QString, QString>> columns = {
        {u"external_id"_s, g.externalId},
        {u"given_name"_s, g.givenName},
        {u"family_name"_s, g.familyName},
        {u"latin_name"_s, g.latinName},
        {u"organisation"_s, g.organisation},
        {u"country_code"_s, g.country},
        {u"role"_s, g.role},
        {u"email"_s, g.email},
        {u"language"_s, g.language},
        {u"days"_s, daysText(g.days)},
        {u"name_order"_s, g.nameOrder},
        {u"reg_type"_s, g.regType},
        {u"ticket_type"_s, g.ticketType},
    };
    // A display name that is not the composition of the parts was given explicitly: keep it.
    if (g.displayName != GuestCsv::composeName(g.givenName, g.familyName, g.nameOrder))
        columns.append({u"display_name"_s, g.displayName});
    return columns;
}

void setColumn(QList<std::pair<QString, QString>> &columns, const QString &name, const QString &value)
{
    for (auto &[column, current] : columns) {
        if (column == name) {
            current = value;
            return;
        }
    }
    columns.append({name, value});
}

void removeColumn(QList<std::pair<QString, QString>> &columns, const QString &name)
{
    columns.removeIf([&name](const auto &c) { return c.first == name; });
}

QString valueOf(const QList<std::pair<QString, QString>> &columns, const QString &name)
{
    for (const auto &[column, value] : columns) {
        if (column == name)
            return value;
    }
    return {};
}

// Applies the fields given to columns.
void apply(const GuestFields &f, QList<std::pair<QString, QString>> &columns)
{
    const std::pair<const std::optional<QString> *, const char16_t *> simple[] = {
        {&f.latinName, u"latin_name"}, {&f.organisation, u"organisation"}, {&f.country, u"country_code"},
        {&f.email, u"email"},          {&f.language, u"language"},         {&f.role, u"role"},
        {&f.regType, u"reg_type"},
    };
    for (const auto &[value, column] : simple) {
        if (*value)
            setColumn(columns, QString::fromUtf16(column), (*value)->trimmed());
    }
    if (f.days)
        setColumn(columns, u"days"_s,
                  f.days->trimmed().compare(u"all", Qt::CaseInsensitive) == 0 ? QString() : *f.days);
    if (f.nameOrder) {
        const QString order = f.nameOrder->trimmed();
        setColumn(columns, u"name_order"_s, order.compare(u"auto", Qt::CaseInsensitive) == 0 ? QString() : order);
    }
    const bool partsChanged = f.givenName || f.familyName || f.nameOrder;
    if (f.givenName)
        setColumn(columns, u"given_name"_s, f.givenName->trimmed());
    if (f.familyName)
        setColumn(columns, u"family_name"_s, f.familyName->trimmed());
    if (f.displayName && !f.displayName->trimmed().isEmpty())
        setColumn(columns, u"display_name"_s, f.displayName->trimmed());
    else if (f.displayName
             || (partsChanged
                 && !(valueOf(columns, u"given_name"_s).isEmpty() && valueOf(columns, u"family_name"_s).isEmpty())))
        removeColumn(columns, u"display_name"_s); // composed again from the parts
}

QByteArray csvOf(const QList<std::pair<QString, QString>> &columns)
{
    QByteArray header;
    QByteArray row;
    for (const auto &[name, value] : columns) {
        header += (header.isEmpty() ? "" : ",") + name.toUtf8();
        row += (row.isEmpty() ? QByteArray() : QByteArray(",")) + quotedCell(value);
    }
    return header + "\r\n" + row + "\r\n";
}

// The fields that differ, as CSV column names.
QStringList differences(const db::GuestRecord &a, const db::GuestRecord &b)
{
    QStringList changed;
    const std::pair<const char16_t *, bool> fields[] = {
        {u"display_name", a.displayName != b.displayName},
        {u"given_name", a.givenName != b.givenName},
        {u"family_name", a.familyName != b.familyName},
        {u"latin_name", a.latinName != b.latinName},
        {u"organisation", a.organisation != b.organisation},
        {u"country_code", a.country != b.country},
        {u"role", a.role != b.role},
        {u"email", a.email != b.email},
        {u"language", a.language != b.language},
        {u"days", a.days != b.days},
        {u"name_order", a.nameOrder != b.nameOrder},
        {u"reg_type", a.regType != b.regType},
    };
    for (const auto &[name, differs] : fields) {
        if (differs)
            changed << QString::fromUtf16(name);
    }
    return changed;
}

QString fieldValue(const db::GuestRecord &g, const QString &column)
{
    if (column == u"display_name")
        return g.displayName;
    if (column == u"given_name")
        return g.givenName;
    if (column == u"family_name")
        return g.familyName;
    if (column == u"latin_name")
        return g.latinName;
    if (column == u"organisation")
        return g.organisation;
    if (column == u"country_code")
        return g.country;
    if (column == u"role")
        return g.role;
    if (column == u"email")
        return g.email;
    if (column == u"language")
        return g.language;
    if (column == u"days")
        return daysText(g.days);
    if (column == u"name_order")
        return g.nameOrder;
    if (column == u"reg_type")
        return g.regType;
    return {};
}

} // namespace

GuestEditor::GuestEditor(db::Database &db, const db::EventRecord &event, QString kioskId, QString actor)
    : m_db(db)
    , m_event(event)
    , m_kioskId(std::move(kioskId))
    , m_actor(std::move(actor))
{
}

std::expected<GuestEditor::Result, GuestEditor::Failure> GuestEditor::add(const GuestFields &fields)
{
    QList<std::pair<QString, QString>> columns;
    apply(fields, columns);
    QString id = fields.externalId.value_or(QString()).trimmed();
    if (id.isEmpty() && fields.email && !fields.email->trimmed().isEmpty())
        id = GuestCsv::idFromEmail(fields.email->trimmed());
    if (id.isEmpty())
        id = u"walkin-"_s + QString::number(QRandomGenerator::system()->bounded(0x1000000), 16).rightJustified(6, u'0');
    columns.prepend({u"external_id"_s, id});
    if (!fields.givenName && !fields.familyName && !fields.displayName)
        return std::unexpected(Failure{u"A new guest needs a name: --given-name and --family-name, or --name."_s, {}});

    auto existing = db::GuestStore(m_db).byExternalId(m_event.id, id);
    if (!existing)
        return std::unexpected(Failure{existing.error().message, {}});
    if (*existing) {
        return std::unexpected(Failure{u"%1 is already a guest of %2 (%3); change them with: checkinctl guests edit "
                                       "%1 …"_s.arg((*existing)->externalId, m_event.name, (*existing)->displayName),
                                       {}});
    }
    return store(columns, std::nullopt, u"guest-add"_s);
}

std::expected<GuestEditor::Result, GuestEditor::Failure> GuestEditor::edit(const db::GuestRecord &guest,
                                                                           const GuestFields &fields)
{
    if (fields.externalId && fields.externalId->trimmed() != guest.externalId) {
        return std::unexpected(Failure{u"A guest's id cannot change: invitations already issued carry it. Add the "
                                       "guest again under the new id and revoke the old invitation."_s,
                                       {}});
    }
    QList<std::pair<QString, QString>> columns = columnsOf(guest);
    apply(fields, columns);
    return store(columns, guest, u"guest-edit"_s);
}

std::expected<GuestEditor::Result, GuestEditor::Failure> GuestEditor::store(
    const QList<std::pair<QString, QString>> &columns, const std::optional<db::GuestRecord> &before,
    const QString &action)
{
    const GuestCsvResult parsed = GuestCsv::parse(csvOf(columns), m_event.firstDay, m_event.lastDay);
    if (!parsed.ok() || parsed.rows.size() != 1) {
        Failure failure{u"Nothing was changed:"_s, {}};
        for (const CsvProblem &p : parsed.problems) {
            const QString column = p.column > 0 && p.column <= columns.size() ? columns.at(p.column - 1).first
                                                                              : QString();
            failure.problems.append(Problem{optionFor(column == u"country_code" ? u"country"_s : column), p.message});
            failure.message += u" --%1: %2;"_s.arg(failure.problems.back().field, p.message);
        }
        failure.message.chop(1);
        failure.message += u'.';
        return std::unexpected(failure);
    }
    const GuestImportRow &row = parsed.rows.first();
    db::GuestRecord g = GuestImporter::recordFrom(row, m_event.id);
    if (before)
        g.id = before->id;

    Result result;
    result.warnings = parsed.warnings;
    result.changed = before ? differences(*before, g) : QStringList{u"added"_s};
    if (before && result.changed.isEmpty()) {
        result.guest = *before;
        return result; // nothing to change, nothing to record
    }

    const auto fail = [](const db::DbError &e) { return std::unexpected(Failure{e.message, {}}); };
    db::Transaction tx(m_db);
    if (auto ok = tx.begin(); !ok)
        return fail(ok.error());
    db::GuestStore guests(m_db);
    if (auto ok = guests.upsert(g); !ok)
        return fail(ok.error());
    auto stored = guests.byExternalId(m_event.id, g.externalId);
    if (!stored || !*stored)
        return fail(stored ? db::DbError{0, u"The guest just stored cannot be read back."_s} : stored.error());

    QJsonObject detail;
    if (before) {
        for (const QString &column : std::as_const(result.changed))
            detail.insert(
                column, QJsonObject{{u"from"_s, fieldValue(*before, column)}, {u"to"_s, fieldValue(**stored, column)}});
    } else {
        detail.insert(u"external_id"_s, g.externalId);
        detail.insert(u"name"_s, g.displayName);
    }
    db::StaffActionRecord audit;
    audit.kioskId = m_kioskId;
    audit.actor = m_actor;
    audit.action = action;
    audit.eventId = m_event.id;
    audit.guestId = (*stored)->id;
    audit.detail = QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
    if (auto ok = db::StaffActionStore(m_db).append(audit); !ok)
        return fail(ok.error());
    if (auto ok = tx.commit(); !ok)
        return fail(ok.error());
    result.guest = **stored;
    return result;
}

} // namespace checkin
