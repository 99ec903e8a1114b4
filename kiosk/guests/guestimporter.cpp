#include "kiosk/guests/guestimporter.h"

#include "kiosk/guests/guestcsv.h"

#include "db/database.h"
#include "db/gueststore.h"
#include "db/records.h"
#include "db/staffactionstore.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace checkin {

namespace {

constexpr qint64 kMaxFileBytes = 64 * 1024 * 1024;

} // namespace

GuestImporter::GuestImporter(db::Database &db, const db::EventRecord &event, QString kioskId, QString actor)
    : m_db(db)
    , m_event(event)
    , m_kioskId(std::move(kioskId))
    , m_actor(std::move(actor))
{
}

db::GuestRecord GuestImporter::recordFrom(const GuestImportRow &row, qint64 eventId)
{
    db::GuestRecord g;
    g.eventId = eventId;
    g.externalId = row.externalId;
    g.displayName = row.displayName;
    g.givenName = row.givenName;
    g.familyName = row.familyName;
    g.latinName = row.latinName;
    g.organisation = row.organisation;
    g.country = row.countryCode;
    g.role = row.role;
    g.email = row.email;
    g.language = row.language;
    g.regType = row.regType;
    g.ticketType = row.ticketType;
    g.days = row.days;
    g.nameOrder = row.nameOrder;
    return g;
}

std::expected<GuestImporter::Summary, GuestImporter::Failure> GuestImporter::importFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(Failure{u"Cannot read %1: %2."_s.arg(path, file.errorString()), {}});
    if (file.size() > kMaxFileBytes) {
        return std::unexpected(Failure{
            u"%1 is %2 MB; a guest list is expected to be under 64 MB."_s.arg(path).arg(file.size() >> 20), {}});
    }
    return importBytes(file.readAll(), QFileInfo(path).fileName());
}

std::expected<GuestImporter::Summary, GuestImporter::Failure> GuestImporter::importBytes(const QByteArray &bytes,
                                                                                         const QString &name)
{
    const GuestCsvResult parsed = GuestCsv::parse(bytes, m_event.firstDay, m_event.lastDay);
    if (!parsed.ok()) {
        return std::unexpected(Failure{
            u"%1 was not imported: %2 problem(s) found; nothing was changed."_s.arg(name).arg(parsed.problemCount()),
            parsed.problems, parsed.unlistedProblems});
    }

    Summary summary;
    summary.warnings = parsed.warnings;
    db::Transaction tx(m_db);
    auto fail = [](const db::DbError &e) { return std::unexpected(Failure{e.message, {}}); };
    if (auto ok = tx.begin(); !ok)
        return fail(ok.error());
    db::GuestStore guests(m_db);
    // A name order staff set ('guests edit --name-order') stays when the file says none and gives no display name.
    QHash<QString, QString> storedNameOrder; // lower-cased external id → name order
    auto stored = guests.forEvent(m_event.id);
    if (!stored)
        return fail(stored.error());
    for (const db::GuestRecord &g : std::as_const(*stored)) {
        if (!g.nameOrder.isEmpty())
            storedNameOrder.insert(g.externalId.toLower(), g.nameOrder);
    }
    for (const GuestImportRow &row : parsed.rows) {
        db::GuestRecord g = recordFrom(row, m_event.id);
        const bool composed = row.displayName == GuestCsv::composeName(row.givenName, row.familyName);
        if (g.nameOrder.isEmpty() && composed) {
            g.nameOrder = storedNameOrder.value(row.externalId.toLower());
            if (!g.nameOrder.isEmpty())
                g.displayName = GuestCsv::composeName(row.givenName, row.familyName, g.nameOrder);
        }
        auto result = guests.upsert(g);
        if (!result)
            return fail(result.error());
        switch (*result) {
        case db::GuestStore::Upserted::Inserted:
            ++summary.inserted;
            break;
        case db::GuestStore::Upserted::Updated:
            ++summary.updated;
            break;
        case db::GuestStore::Upserted::Unchanged:
            ++summary.unchanged;
            break;
        }
    }
    db::StaffActionRecord audit;
    audit.kioskId = m_kioskId;
    audit.actor = m_actor;
    audit.action = u"guests-import"_s;
    audit.eventId = m_event.id;
    audit.detail = QString::fromUtf8(QJsonDocument(QJsonObject{{u"file"_s, name},
                                                               {u"inserted"_s, summary.inserted},
                                                               {u"updated"_s, summary.updated},
                                                               {u"unchanged"_s, summary.unchanged}})
                                         .toJson(QJsonDocument::Compact));
    if (auto ok = db::StaffActionStore(m_db).append(audit); !ok)
        return fail(ok.error());
    if (auto ok = tx.commit(); !ok)
        return fail(ok.error());
    return summary;
}

} // namespace checkin
