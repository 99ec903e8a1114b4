#include "kiosk/printqueue/printdocuments.h"

#include "kiosk/guests/countries.h"
#include "kiosk/invitations/invitationtoken.h"
#include "kiosk/printqueue/printersetup.h"

#include "db/agendastore.h"
#include "db/database.h"
#include "db/eventstore.h"
#include "db/gueststore.h"
#include "db/records.h"
#include "printing/agendapdf.h"
#include "printing/badgelayout.h"
#include "printing/badgerenderer.h"
#include "printing/daterange.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace checkin {

namespace {

// The guest's own sessions, the Policymaker Program's own sessions and plenaries make a personal agenda; the
// other few hundred sessions of an IETF week only when nothing narrower exists.
bool belongsInPersonalAgenda(const db::AgendaItemRecord &item)
{
    return item.sourceId.startsWith(u"pp:") || item.kind.compare(u"plenary", Qt::CaseInsensitive) == 0;
}

} // namespace

struct PrintDocuments::Private
{
    db::Database &db;
    BadgeRenderer badges;
    AgendaRenderer agendas;
};

PrintDocuments::PrintDocuments(db::Database &db, const BadgeLayout &layout)
    : d(new Private{db, BadgeRenderer(layout), AgendaRenderer()})
{
}

PrintDocuments::~PrintDocuments() = default;

std::expected<BadgeData, QString> PrintDocuments::badgeData(const db::EventRecord &event, const db::GuestRecord &guest)
{
    BadgeData data;
    data.givenName = guest.givenName;
    data.familyName = guest.familyName;
    data.displayName = guest.displayName;
    data.latinName = guest.latinName;
    data.organisation = guest.organisation;
    data.countryCode = guest.country;
    data.countryName = Countries::englishName(guest.country);
    data.role = guest.role;
    data.language = guest.language;
    data.eventName = event.name;
    data.eventDates = formatDateRange(event.firstDay, event.lastDay);
    auto invitation = db::GuestStore(d->db).activeInvitation(guest.id);
    if (!invitation)
        return std::unexpected(invitation.error().message);
    // The badge carries the same code as the invitation, so it is scanned on later days. Without a known signature
    // (an invitation issued elsewhere and never scanned) the badge prints without a code rather than a wrong one.
    if (*invitation && !(*invitation)->signature.isEmpty()) {
        data.token =
            InvitationToken::fromParts(event.number, (*invitation)->tokenId, (*invitation)->signature).toText();
    }
    return data;
}

std::expected<AgendaData, QString> PrintDocuments::agendaData(const db::EventRecord &event,
                                                              const db::GuestRecord &guest,
                                                              std::optional<QDate> onlyDay)
{
    db::AgendaStore store(d->db);
    auto all = store.forEvent(event.id);
    if (!all)
        return std::unexpected(all.error().message);
    auto own = store.forGuest(guest.id);
    if (!own)
        return std::unexpected(own.error().message);
    QSet<qint64> mine;
    for (const db::AgendaItemRecord &item : *own)
        mine.insert(item.id);

    AgendaData data;
    data.eventName = event.name;
    data.eventCity = event.city;
    data.timeZone = event.timeZone;
    data.firstDay = event.firstDay;
    data.lastDay = event.lastDay;
    data.guestName = guest.displayName;
    data.guestLatinName = guest.latinName;
    data.organisation = guest.organisation;
    data.language = guest.language;
    data.onlyDay = onlyDay;
    const bool narrow = std::any_of(all->cbegin(), all->cend(), [&](const db::AgendaItemRecord &item) {
        return mine.contains(item.id) || belongsInPersonalAgenda(item);
    });
    for (const db::AgendaItemRecord &item : *all) {
        if (narrow && !mine.contains(item.id) && !belongsInPersonalAgenda(item))
            continue;
        AgendaSession session;
        session.start = item.startsAt;
        session.end = item.endsAt;
        session.title = item.title;
        session.kind = item.kind;
        session.room = item.room;
        session.area = item.area;
        session.acronym = item.acronym;
        session.description = item.description;
        session.highlighted = mine.contains(item.id);
        data.sessions << session;
    }
    return data;
}

std::expected<QByteArray, QString> PrintDocuments::badge(const db::EventRecord &event, const db::GuestRecord &guest)
{
    auto data = badgeData(event, guest);
    if (!data)
        return std::unexpected(data.error());
    return d->badges.render(*data);
}

std::expected<QByteArray, QString> PrintDocuments::badgeSheet(const db::EventRecord &event,
                                                              const QList<db::GuestRecord> &guests)
{
    QList<BadgeData> all;
    all.reserve(guests.size());
    for (const db::GuestRecord &guest : guests) {
        auto data = badgeData(event, guest);
        if (!data)
            return std::unexpected(data.error());
        all << *data;
    }
    return d->badges.renderSheet(all);
}

std::expected<QByteArray, QString> PrintDocuments::agenda(const db::EventRecord &event, const db::GuestRecord &guest,
                                                          std::optional<QDate> onlyDay)
{
    auto data = agendaData(event, guest, onlyDay);
    if (!data)
        return std::unexpected(data.error());
    return d->agendas.render(*data);
}

std::expected<QByteArray, QString> PrintDocuments::render(const db::PrintJobRecord &job)
{
    auto event = db::EventStore(d->db).byId(job.eventId);
    if (!event)
        return std::unexpected(event.error().message);
    auto guest = db::GuestStore(d->db).byId(job.guestId);
    if (!guest)
        return std::unexpected(guest.error().message);
    if (!*event || !*guest)
        return std::unexpected(u"Print job %1 names a guest or event that is not in the database."_s.arg(job.uid));
    if (job.kind == u"badge")
        return badge(**event, **guest);
    if (job.kind == u"agenda")
        return agenda(**event, **guest);
    return std::unexpected(u"Print job %1 has an unknown kind '%2'."_s.arg(job.uid, job.kind));
}

std::function<std::expected<QByteArray, QString>(const db::PrintJobRecord &)> PrintDocuments::jobRenderer(
    const QString &dbPath, const QString &layoutName)
{
    struct State
    {
        std::unique_ptr<db::Database> db;
        std::optional<BadgeLayout> layout;
        std::unique_ptr<PrintDocuments> documents;
    };
    auto state = std::make_shared<State>();
    return [dbPath, layoutName, state](const db::PrintJobRecord &job) -> std::expected<QByteArray, QString> {
        if (!state->documents) {
            auto db = db::Database::open(dbPath);
            if (!db)
                return std::unexpected(db.error().message);
            auto layout = PrinterSetup::badgeLayout(**db, layoutName);
            if (!layout)
                return std::unexpected(layout.error());
            state->db = std::move(*db);
            state->layout = std::move(*layout);
            state->documents = std::make_unique<PrintDocuments>(*state->db, *state->layout);
        }
        return state->documents->render(job);
    };
}

} // namespace checkin
