// checkinctl: the guests of an event — import the list, list, find and show them.
#include "kiosk/ctl/commands.h"
#include "kiosk/ctl/ctlcommon.h"

#include "kiosk/guests/guesteditor.h"
#include "kiosk/guests/guestexpectation.h"
#include "kiosk/guests/guestimporter.h"
#include "kiosk/guests/guestsearch.h"
#include "kiosk/invitations/invitationissuer.h"
#include "kiosk/invitations/signingkey.h"

#include "db/attendancestore.h"
#include "db/database.h"
#include "db/gueststore.h"
#include "db/printjobstore.h"
#include "db/staffactionstore.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTimeZone>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace checkin::ctl {

namespace {

const char *const kGuestsHelp = R"(checkinctl guests import FILE.csv
checkinctl guests list [--arrived DATE | --missing DATE]
checkinctl guests find TEXT
checkinctl guests show GUEST
checkinctl guests add (--given-name TEXT --family-name TEXT | --name TEXT) [FIELDS] [--key FILE [--out DIR]]
checkinctl guests edit GUEST FIELDS

import: imports the guest list into the event: RFC 4180 CSV in UTF-8 (with or without BOM), CRLF or LF.
Columns (header names, any order): external_id, display_name, latin_name, given_name/first_name,
family_name/last_name, organisation/affiliation, country_code (ISO 3166 alpha-2), role
(policymaker|staff|host), email, language (en|fr|es|ar|zh|ru), days (programme day numbers or dates),
reg_type, ticket_type. An IETF datatracker registration export works as is; without external_id each guest's
id is derived from the e-mail address (a hash, no personal data). Ids are one guest whatever their case.
Re-importing updates guests, never duplicates them. A file with any problem is rejected whole, the first 100
problems are listed by line and column, and the database is left exactly as it was. Emoji in a name are left
out (the badge cannot print them) with a warning.
list: one line per guest, by name: {"guest", "name", "latin_name", "given_name", "family_name", "organisation",
"country", "email", "language", "role", "days_expected", "invitation", "arrived"}; invitation is none, active or
revoked; days_expected lists the programme days the guest is expected (every day unless the list said otherwise);
arrived the days with a check-in that stands. --arrived DATE lists those checked in on DATE, --missing DATE those
expected on DATE who have not arrived (DATE is YYYY-MM-DD, or "today" in the venue's time zone).
find: the guests whose names, organisation, country or id begin with the words of TEXT, best first, with the
kiosk's own search ("nguyen" finds Nguyễn, "smirnova" finds Смирнова, "shan tian" finds 山田太郎).
show: one guest as list shows them, plus "checkins" (each with day, time in the venue's zone, kiosk, method and,
when annulled, when and why), "print_jobs" and "actions" (the staff action log rows about the guest).
add: adds one guest (a walk-in) without touching the others. FIELDS: --id ID (else made from --email, else
"walkin-" and six hex digits), --given-name, --family-name, --name (the name as printed, when it is not the two
parts), --latin-name, --organisation, --country CODE, --email, --language en|fr|es|ar|zh|ru, --role
policymaker|staff|host, --days "1;3" (day numbers or dates; "all" for every day), --name-order
given-first|family-first|auto, --reg-type onsite|remote. The values are checked as the guest list's are. With
--key (the signing key, on the organiser's machine) the guest's invitation is issued into --out (default:
invitations/ beside the database); kiosks get the guest by 'venue push' or 'merge'. Without it (on a kiosk) the
guest has no invitation: staff check them in by name ('checkin --guest'). Recorded as a staff action.
edit: changes the FIELDS given, shows each change, and records it as a staff action. The id never changes. The
name is composed again from its parts when --given-name, --family-name or --name-order change it (family name
first for Chinese, Japanese and Korean names unless --name-order says otherwise); --name "" goes back to the
composed name. A name order set here stays when the guest list is imported again without a name_order column.
GUEST, here and in every command that takes one, is an external id, an e-mail address or a name that matches one
guest only; an ambiguous name lists the candidates and exits with status 2.
)";

int cmdGuestsImport(Context &ctx)
{
    if (ctx.args.size() != 1)
        return fail(u"guests import takes one CSV file: checkinctl guests import FILE.csv"_s);
    auto opened = openEvent(ctx);
    if (!opened)
        return fail(opened.error());
    db::Database &db = *opened->db;
    const db::EventRecord &event = opened->event;
    GuestImporter importer(db, event, ctx.kioskId, actorName(ctx));
    auto summary = importer.importFile(ctx.args.first());
    if (!summary) {
        printRejectedFile(ctx.args.first(), summary.error().problems, summary.error().unlistedProblems,
                          summary.error().message);
        return fail(summary.error().message);
    }
    const QJsonArray warnings = problemsJson(summary->warnings);
    for (const CsvProblem &w : summary->warnings) {
        std::fprintf(stderr, "%s: warning: %s\n", qPrintable(QFileInfo(ctx.args.first()).fileName()),
                     qPrintable(w.toString()));
    }
    QJsonObject result{{u"imported"_s, true},
                       {u"event"_s, event.number},
                       {u"inserted"_s, summary->inserted},
                       {u"updated"_s, summary->updated},
                       {u"unchanged"_s, summary->unchanged}};
    if (!warnings.isEmpty())
        result.insert(u"warnings"_s, warnings);
    printJson(result);
    return kOk;
}

QJsonArray datesJson(const QList<QDate> &days)
{
    QJsonArray out;
    for (const QDate &d : days)
        out.append(d.toString(Qt::ISODate));
    return out;
}

// What list, find and show print for every guest.
struct GuestFacts
{
    QHash<qint64, QString> invitation;   // guest id → active | revoked (none when absent)
    QHash<qint64, QList<QDate>> arrived; // guest id → days with a check-in that stands
};

std::expected<GuestFacts, QString> guestFacts(db::Database &db, const db::EventRecord &event)
{
    GuestFacts facts;
    auto invitations = db::GuestStore(db).invitationsForEvent(event.id);
    if (!invitations)
        return std::unexpected(invitations.error().message);
    for (const db::InvitationRecord &i : std::as_const(*invitations)) {
        // A revoked invitation followed by a new one is active again.
        if (i.status == u"active" || !facts.invitation.contains(i.guestId))
            facts.invitation.insert(i.guestId, i.status);
    }
    auto live = db::AttendanceStore(db).liveForEvent(event.id);
    if (!live)
        return std::unexpected(live.error().message);
    for (const db::AttendanceRecord &a : std::as_const(*live))
        facts.arrived[a.guestId].append(a.day);
    return facts;
}

QJsonObject guestJson(const db::GuestRecord &g, const db::EventRecord &event, const GuestFacts &facts)
{
    QList<QDate> arrived = facts.arrived.value(g.id);
    std::sort(arrived.begin(), arrived.end());
    return QJsonObject{{u"guest"_s, g.externalId},
                       {u"name"_s, g.displayName},
                       {u"latin_name"_s, g.latinName},
                       {u"given_name"_s, g.givenName},
                       {u"family_name"_s, g.familyName},
                       {u"organisation"_s, g.organisation},
                       {u"country"_s, g.country},
                       {u"email"_s, g.email},
                       {u"language"_s, g.language},
                       {u"role"_s, g.role},
                       {u"days_expected"_s, datesJson(GuestExpectation::expectedDays(g, event))},
                       {u"expected"_s, GuestExpectation::basisName(GuestExpectation::basis(g))},
                       {u"name_order"_s, g.nameOrder.isEmpty() ? u"auto"_s : g.nameOrder},
                       {u"invitation"_s, facts.invitation.value(g.id, u"none"_s)},
                       {u"arrived"_s, datesJson(arrived)}};
}

// A DATE option: YYYY-MM-DD, or "today" in the venue's time zone.
std::expected<QDate, QString> dayOption(const Context &ctx, const char *name, const db::EventRecord &event)
{
    const QString text = ctx.value(name).trimmed();
    if (text == u"today")
        return QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone(event.timeZone.toUtf8())).date();
    const QDate day = QDate::fromString(text, Qt::ISODate);
    if (!day.isValid())
        return std::unexpected(
            u"--%1 takes a date like 2026-11-02 or \"today\", not \"%2\"."_s.arg(QString::fromLatin1(name), text));
    if (day < event.firstDay || day > event.lastDay) {
        return std::unexpected(u"%1 is not a programme day of %2 (%3 to %4)."_s.arg(
            text, event.name, event.firstDay.toString(Qt::ISODate), event.lastDay.toString(Qt::ISODate)));
    }
    return day;
}

int cmdGuestsList(Context &ctx)
{
    if (!ctx.args.isEmpty())
        return fail(u"guests list takes no arguments; 'guests find TEXT' searches."_s);
    if (ctx.isSet("arrived") && ctx.isSet("missing"))
        return fail(u"guests list takes --arrived or --missing, not both."_s);
    auto opened = openEvent(ctx);
    if (!opened)
        return fail(opened.error());
    const db::EventRecord &event = opened->event;
    std::optional<QDate> arrivedOn;
    std::optional<QDate> missingOn;
    for (const auto &[name, target] : {std::pair{"arrived", &arrivedOn}, std::pair{"missing", &missingOn}}) {
        if (!ctx.isSet(name))
            continue;
        auto day = dayOption(ctx, name, event);
        if (!day)
            return fail(day.error());
        *target = *day;
    }
    auto guests = db::GuestStore(*opened->db).forEvent(event.id);
    if (!guests)
        return fail(guests.error().message);
    auto facts = guestFacts(*opened->db, event);
    if (!facts)
        return fail(facts.error());
    std::sort(guests->begin(), guests->end(), [](const db::GuestRecord &a, const db::GuestRecord &b) {
        return QString::localeAwareCompare(a.latinName.isEmpty() ? a.displayName : a.latinName,
                                           b.latinName.isEmpty() ? b.displayName : b.latinName)
               < 0;
    });
    int listed = 0;
    for (const db::GuestRecord &g : std::as_const(*guests)) {
        const bool arrived = facts->arrived.value(g.id).contains(arrivedOn.value_or(missingOn.value_or(QDate())));
        if (arrivedOn && !arrived)
            continue;
        if (missingOn
            && (arrived || facts->invitation.value(g.id) == u"revoked" || !GuestExpectation::expectedOn(g, *missingOn)))
            continue;
        printJson(guestJson(g, event, *facts));
        ++listed;
    }
    std::fprintf(stderr, "checkinctl: %d of %lld guests listed\n", listed, static_cast<long long>(guests->size()));
    return kOk;
}

int cmdGuestsFind(Context &ctx)
{
    if (ctx.args.isEmpty())
        return fail(u"guests find takes the words to look for: checkinctl guests find Nguyen"_s);
    auto opened = openEvent(ctx);
    if (!opened)
        return fail(opened.error());
    const db::EventRecord &event = opened->event;
    auto guests = db::GuestStore(*opened->db).forEvent(event.id);
    if (!guests)
        return fail(guests.error().message);
    auto facts = guestFacts(*opened->db, event);
    if (!facts)
        return fail(facts.error());
    QHash<qint64, const db::GuestRecord *> byId;
    for (const db::GuestRecord &g : std::as_const(*guests))
        byId.insert(g.id, &g);
    GuestSearchIndex index(*guests);
    const QList<GuestSearchHit> hits = index.search(ctx.args.join(u' '), 50);
    for (const GuestSearchHit &hit : hits) {
        QJsonObject o = guestJson(*byId.value(hit.guestId), event, *facts);
        o.insert(u"matched"_s, guestSearchFieldName(hit.field));
        printJson(o);
    }
    if (hits.isEmpty())
        std::fprintf(stderr, "checkinctl: no guest matches \"%s\"\n", qPrintable(ctx.args.join(u' ')));
    return kOk;
}

int cmdGuestsShow(Context &ctx)
{
    if (ctx.args.size() != 1)
        return fail(u"guests show takes one guest: an external id, an e-mail address or a name in quotes."_s);
    auto opened = openGuest(ctx);
    if (!opened)
        return fail(opened.error());
    db::Database &db = *opened->db;
    const db::EventRecord &event = opened->event;
    const db::GuestRecord *guest = &opened->guest;
    auto facts = guestFacts(db, event);
    if (!facts)
        return fail(facts.error());
    QJsonObject o = guestJson(*guest, event, *facts);

    const QTimeZone zone(event.timeZone.toUtf8());
    const auto venueTime = [&zone](const QString &utc) {
        const QDateTime t = QDateTime::fromString(utc, Qt::ISODate);
        return t.isValid() ? t.toTimeZone(zone).toString(Qt::ISODate) : utc;
    };
    auto checkins = db::AttendanceStore(db).forGuest(guest->id);
    if (!checkins)
        return fail(checkins.error().message);
    QJsonArray checkinList;
    for (const db::AttendanceRecord &a : std::as_const(*checkins)) {
        QJsonObject c{{u"checkin"_s, a.uid},
                      {u"day"_s, a.day.toString(Qt::ISODate)},
                      {u"at"_s, venueTime(a.scannedAt)},
                      {u"kiosk"_s, a.kioskId},
                      {u"method"_s, a.method}};
        if (!a.annulledAt.isEmpty()) {
            c.insert(u"annulled_at"_s, venueTime(a.annulledAt));
            c.insert(u"annul_reason"_s, a.annulReason);
        }
        if (!a.duplicateOf.isEmpty())
            c.insert(u"duplicate_of"_s, a.duplicateOf); // merged from another kiosk: does not count
        checkinList.append(c);
    }
    o.insert(u"checkins"_s, checkinList);

    auto jobs = db::PrintJobStore(db).jobs(event.id, guest->id);
    if (!jobs)
        return fail(jobs.error().message);
    QJsonArray jobList;
    for (const db::PrintJobRecord &j : std::as_const(*jobs)) {
        jobList.append(QJsonObject{{u"kind"_s, j.kind},
                                   {u"reason"_s, j.reason},
                                   {u"state"_s, j.state},
                                   {u"attempts"_s, j.attempts},
                                   {u"last_error"_s, j.lastError},
                                   {u"kiosk"_s, j.kioskId},
                                   {u"created"_s, venueTime(j.createdAt)}});
    }
    o.insert(u"print_jobs"_s, jobList);

    auto actions = db::StaffActionStore(db).forEvent(event.id);
    if (!actions)
        return fail(actions.error().message);
    QJsonArray actionList;
    for (const db::StaffActionRecord &a : std::as_const(*actions)) {
        if (a.guestId != guest->id)
            continue;
        actionList.append(QJsonObject{{u"at"_s, venueTime(a.at)},
                                      {u"actor"_s, a.actor},
                                      {u"action"_s, a.action},
                                      {u"kiosk"_s, a.kioskId},
                                      {u"detail"_s, QJsonDocument::fromJson(a.detail.toUtf8()).object()}});
    }
    o.insert(u"actions"_s, actionList);
    printJson(o);
    return kOk;
}

// The FIELDS options of guests add and edit.
GuestFields fieldsFrom(const Context &ctx)
{
    GuestFields f;
    const std::pair<const char *, std::optional<QString> GuestFields::*> options[] = {
        {"id", &GuestFields::externalId},
        {"name", &GuestFields::displayName},
        {"given-name", &GuestFields::givenName},
        {"family-name", &GuestFields::familyName},
        {"latin-name", &GuestFields::latinName},
        {"organisation", &GuestFields::organisation},
        {"country", &GuestFields::country},
        {"email", &GuestFields::email},
        {"language", &GuestFields::language},
        {"role", &GuestFields::role},
        {"days", &GuestFields::days},
        {"name-order", &GuestFields::nameOrder},
        {"reg-type", &GuestFields::regType},
    };
    for (const auto &[name, member] : options) {
        if (ctx.isSet(name))
            f.*member = ctx.value(name);
    }
    return f;
}

const QStringList kFieldOptions = {
    u"id"_s,    u"name"_s,     u"given-name"_s, u"family-name"_s, u"latin-name"_s, u"organisation"_s, u"country"_s,
    u"email"_s, u"language"_s, u"role"_s,       u"days"_s,        u"name-order"_s, u"reg-type"_s};

int editFailed(const GuestEditor::Failure &failure, const QString &outcome)
{
    for (const GuestEditor::Problem &p : failure.problems)
        std::fprintf(stderr, "checkinctl: --%s: %s\n", qPrintable(p.field), qPrintable(p.message));
    return fail(failure.problems.isEmpty() ? failure.message : outcome);
}

void printWarnings(const QList<CsvProblem> &warnings)
{
    for (const CsvProblem &w : warnings)
        std::fprintf(stderr, "checkinctl: warning: %s\n", qPrintable(w.message));
}

int cmdGuestsAdd(Context &ctx)
{
    if (!ctx.args.isEmpty())
        return fail(u"guests add takes its fields as options: checkinctl guests add --given-name Aarav "
                    "--family-name Sharma --organisation \"Ministry of …\" --country IN"_s);
    if (ctx.isSet("out") && !ctx.isSet("key"))
        return fail(u"--out is where the invitation goes: give --key FILE (the signing key) with it."_s);
    std::optional<SigningKey> key;
    if (ctx.isSet("key")) {
        auto loaded = SigningKey::load(ctx.value("key"));
        if (!loaded)
            return fail(loaded.error());
        key = std::move(*loaded);
    }
    auto opened = openEvent(ctx);
    if (!opened)
        return fail(opened.error());
    db::Database &db = *opened->db;
    const db::EventRecord &event = opened->event;
    GuestEditor editor(db, event, ctx.kioskId, actorName(ctx));
    auto added = editor.add(fieldsFrom(ctx));
    if (!added)
        return editFailed(added.error(), u"The guest was not added."_s);
    printWarnings(added->warnings);
    auto facts = guestFacts(db, event);
    if (!facts)
        return fail(facts.error());
    QJsonObject o = guestJson(added->guest, event, *facts);
    o.insert(u"added"_s, true);
    if (!key) {
        printJson(o);
        std::fprintf(stderr,
                     "checkinctl: %s was added without an invitation (no --key): staff check them in by name "
                     "(checkinctl checkin --guest %s --actor NAME, or the kiosk's staff screen). To give them an "
                     "invitation, add them on the machine that has the signing key, with --key.\n",
                     qPrintable(added->guest.displayName), qPrintable(added->guest.externalId));
        return kOk;
    }
    const QString out = ctx.isSet("out") ? ctx.value("out")
                                         : QFileInfo(ctx.dbPath).absoluteDir().filePath(u"invitations"_s);
    InvitationIssuer issuer(db, event, *key);
    auto issued = issuer.issue(out, {added->guest.externalId});
    if (!issued || issued->isEmpty()) {
        printJson(o);
        return fail(u"%1 was added, but the invitation was not issued: %2 Run: checkinctl invitations issue --key "
                    "%3 --out %4 %5"_s.arg(added->guest.displayName, issued ? u"nothing written."_s : issued.error(),
                                           ctx.value("key"), out, added->guest.externalId));
    }
    o.insert(u"invitation"_s, u"active"_s);
    o.insert(u"png"_s, QFileInfo(issued->first().pngPath).absoluteFilePath());
    o.insert(u"pdf"_s, QFileInfo(issued->first().pdfPath).absoluteFilePath());
    printJson(o);
    std::fprintf(stderr, "checkinctl: %s added; invitation %s. Kiosks get the guest by 'venue push' or 'merge'.\n",
                 qPrintable(added->guest.displayName),
                 qPrintable(QFileInfo(issued->first().pdfPath).absoluteFilePath()));
    return kOk;
}

int cmdGuestsEdit(Context &ctx)
{
    if (ctx.args.size() != 1)
        return fail(u"guests edit takes one guest and the fields to change: checkinctl guests edit GUEST "
                    "--name-order family-first"_s);
    const GuestFields fields = fieldsFrom(ctx);
    auto opened = openGuest(ctx);
    if (!opened)
        return fail(opened.error());
    db::Database &db = *opened->db;
    const db::EventRecord &event = opened->event;
    GuestEditor editor(db, event, ctx.kioskId, actorName(ctx));
    auto edited = editor.edit(opened->guest, fields);
    if (!edited)
        return editFailed(edited.error(), u"Nothing was changed."_s);
    printWarnings(edited->warnings);
    auto facts = guestFacts(db, event);
    if (!facts)
        return fail(facts.error());
    QJsonObject o = guestJson(edited->guest, event, *facts);
    o.insert(u"changed"_s, QJsonArray::fromStringList(edited->changed));
    printJson(o);
    if (edited->changed.isEmpty())
        std::fprintf(stderr, "checkinctl: nothing to change for %s\n", qPrintable(edited->guest.displayName));
    else
        std::fprintf(stderr, "checkinctl: %s: %s changed\n", qPrintable(edited->guest.displayName),
                     qPrintable(edited->changed.join(u", "_s)));
    return kOk;
}

} // namespace

const QList<Command> &guestCommands()
{
    static const QList<Command> commands = {
        {u"guests import"_s, {u"actor"_s}, kGuestsHelp, cmdGuestsImport},
        {u"guests list"_s, {u"arrived"_s, u"missing"_s}, kGuestsHelp, cmdGuestsList},
        {u"guests find"_s, {}, kGuestsHelp, cmdGuestsFind},
        {u"guests show"_s, {}, kGuestsHelp, cmdGuestsShow},
        {u"guests add"_s, kFieldOptions + QStringList{u"key"_s, u"out"_s, u"actor"_s}, kGuestsHelp, cmdGuestsAdd},
        {u"guests edit"_s, kFieldOptions + QStringList{u"actor"_s}, kGuestsHelp, cmdGuestsEdit},
    };
    return commands;
}

} // namespace checkin::ctl
