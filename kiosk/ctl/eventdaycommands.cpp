// checkinctl: check-ins, decoding photos, attendance, the sponsors' report, annulling and revoking.
#include "kiosk/ctl/commands.h"
#include "kiosk/ctl/ctlcommon.h"

#include "kiosk/attendance/attendancereport.h"
#include "kiosk/attendance/reportexport.h"
#include "kiosk/checkin/checkinservice.h"
#include "kiosk/invitations/invitationtoken.h"
#include "kiosk/scanning/qrdecoder.h"
#include "kiosk/staff/staffactions.h"
#include "kiosk/venue/venuewideattendance.h"
#include "printing/savefile.h"

#include "db/attendancestore.h"
#include "db/database.h"
#include "db/gueststore.h"
#include "db/records.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;

namespace checkin::ctl {

namespace {

const char *const kCheckinHelp = R"(checkinctl checkin --payload TEXT | --image FILE [--at ISO8601] [--source NAME]
checkinctl checkin --guest GUEST --actor NAME [--at ISO8601]

Checks a guest in: verifies the invitation, records the day's attendance once and, on the first day, queues
the badge and agenda for printing. --payload is the scanned text; --image a photo or PNG of the QR code.
--guest checks in the guest with that external id whom staff identified without the invitation (lost,
left at home): the same rules as a scan (a revoked invitation is still refused), recorded as a manual
check-in with a staff action naming --actor, the staff member who confirmed the guest.
--at pretends the scan happened at that time (default now). Prints
{"outcome": ..., "guest": ..., "day": ..., ...} with outcome one of welcome, welcome_back,
already_checked_in, revoked, other_event, not_programme_day, forged, unknown, unreadable.
Exit status 0 when the guest is admitted, 1 when refused, 2 on error. Once this prints an outcome the
check-in is on disk: a crash or power cut cannot lose it.
)";

const char *const kDecodeHelp = R"(checkinctl decode IMAGE...

Prints, for each image, every QR code found in it (ZXing-C++ with try-harder and rotation):
{"image": PATH, "codes": [{"text": ..., "format": ..., "position": [[x,y],...]}]}.
Exit status 2 if any image cannot be read.
)";

const char *const kAttendanceHelp =
    R"(checkinctl attendance [--day DATE] [--format json|csv] [--out FILE] [--pg CONNINFO | --local]

Per programme day: how many guests were expected, how many arrived, and who (with the first scan time in
the venue's time zone and the kiosk that checked them in). json (default) prints one line per day; csv prints
one row per guest per day, ready for a spreadsheet (cells are protected against formula injection). --out
writes to FILE instead.

Whose check-ins: with a venue database (--pg CONNINFO, or $CHECKIN_VENUE_PG) every kiosk's, read from the
venue database (one per guest per day venue-wide, the earliest scan), plus this file's check-ins that have not
been sent yet; --local counts only the check-ins in --db. When the venue database cannot be read, a warning
says why and this file's check-ins are used. Each json line says which: "source": "venue" or "kiosk".
)";

const char *const kReportHelp = R"(checkinctl report --out DIR [--event N]

Writes the attendance report that programme sponsors ask for into the folder DIR (e.g. a USB stick), as two
files named without personal data after the event and the venue's local time:
DIR/ietf<N>-attendance-<YYYY-MM-DD>-<HHMM>.csv  one row per guest per day (cells protected against formula
                                              injection), as 'attendance --format csv'
DIR/ietf<N>-attendance-<YYYY-MM-DD>-<HHMM>.pdf  A4: per-day totals (expected, arrived, % arrived), the register
                                              of every guest by day with first scan times, page numbers and a
                                              "Certified correct by" signature block
Both files are written or neither is; an earlier export is never overwritten ("-2" is added). The export is
recorded in the staff action log. Prints {"csv": PATH, "pdf": PATH, "event": N, "source": "venue"|"kiosk"}. A
missing, read-only or full folder is refused with exit status 2. Whose check-ins it counts: as 'attendance'
(every kiosk's with a venue database, --pg CONNINFO or $CHECKIN_VENUE_PG; --local for this file's alone); the
PDF's header then reads: Kiosk ID · all kiosks (venue database).
)";

const char *const kAnnulHelp = R"(checkinctl annul CHECKIN_ID --reason TEXT

Annuls a check-in (the "checkin" id printed by 'checkin'). The row is kept and marked annulled; the staff
action log records who, when and why. The guest can then be checked in again; their badge is not queued a
second time (reprints are explicit).
)";

const char *const kRevokeHelp = R"(checkinctl revoke GUEST [--reason TEXT]

Revokes the guest's invitation: every later scan of it is refused with "revoked". Recorded in the staff
action log.
)";

// Prints a check-in's JSON line; the exit status says admitted, refused or not recorded.
int reportCheckIn(const CheckInOutcome &outcome)
{
    printJson(outcome.toJson());
    if (outcome.kind == OutcomeKind::SystemError)
        return fail(outcome.message);
    if (!outcome.admitted())
        std::fprintf(stderr, "checkinctl: refused: %s\n", qPrintable(outcome.message));
    return outcome.admitted() ? kOk : kRefused;
}

int cmdCheckin(Context &ctx)
{
    const bool manual = ctx.isSet("guest");
    if (int(ctx.isSet("payload")) + int(ctx.isSet("image")) + int(manual) != 1)
        return fail(u"checkin needs exactly one of --payload TEXT, --image FILE or --guest GUEST."_s);
    if (manual && ctx.value("actor").trimmed().isEmpty())
        return fail(u"checkin --guest needs --actor NAME: who confirmed the guest's identity (for the audit log)."_s);
    if (manual && ctx.isSet("source"))
        return fail(u"checkin --guest is always recorded with source manual; leave out --source."_s);
    QDateTime at = QDateTime::currentDateTimeUtc();
    if (ctx.isSet("at")) {
        at = QDateTime::fromString(ctx.value("at"), Qt::ISODateWithMs);
        if (!at.isValid())
            return fail(u"--at must be an ISO 8601 time such as 2026-11-02T09:30:00+07:00 or 2026-11-02T02:30:00Z."_s);
        at = at.toUTC();
        // Stored as ISO 8601 text: a time outside years 1970-9999 in UTC cannot be written or read back.
        if (at.date().year() < 1970 || at.date().year() > 9999)
            return fail(
                u"--at %1 is %2 in UTC, outside the years 1970 to 9999 that a check-in can be recorded in."_s.arg(
                    ctx.value("at"), at.toString(Qt::ISODate)));
    }
    auto opened = openEvent(ctx);
    if (!opened)
        return fail(opened.error());
    db::Database &db = *opened->db;
    const db::EventRecord &event = opened->event;

    CheckInService service(db, event, ctx.kioskId);
    if (manual) {
        auto guest = chooseGuest(db, event, ctx.value("guest"));
        if (!guest)
            return fail(guest.error());
        CheckInOutcome outcome = service.checkInGuest(guest->id, at, ctx.value("actor").trimmed());
        // The guest's words ("Please see staff.") are for a guest; this is the staff member.
        if (outcome.kind == OutcomeKind::Revoked) {
            outcome.message = u"%1's invitation is revoked, so they cannot be checked in. If they should come in, "
                              "issue a new invitation: checkinctl invitations issue --key signing.key --out DIR %2"_s
                                  .arg(guest->displayName, guest->externalId);
        }
        return reportCheckIn(outcome);
    }

    QString payload = ctx.value("payload");
    QString source = ctx.isSet("source") ? ctx.value("source") : u"cli"_s;
    // The source is a label in the scan log and every export ("usb-scanner", "gate-2"), not a place for a file.
    constexpr qsizetype kMaxSourceLength = 64;
    if (source.trimmed().isEmpty() || source.size() > kMaxSourceLength
        || std::any_of(source.cbegin(), source.cend(), [](QChar c) { return c.category() == QChar::Other_Control; })) {
        return fail(u"--source is a short label such as \"usb-scanner\" or \"gate-2\": 1 to %1 characters on one "
                    "line (this one has %2)."_s.arg(kMaxSourceLength)
                        .arg(source.size()));
    }
    if (ctx.isSet("image")) {
        auto codes = QrDecoder::decodeFile(ctx.value("image"));
        if (!codes)
            return fail(codes.error());
        source = ctx.isSet("source") ? source : u"image"_s;
        // Several codes in one photo: the one shaped like an invitation (a poster's URL code beside it does not
        // matter). Two invitations in one photo are refused: which guest came is not for the kiosk to guess.
        payload.clear();
        QStringList invitations;
        for (const DecodedCode &code : *codes) {
            const bool invitation = InvitationToken::parse(code.text).has_value();
            if (invitation && !invitations.contains(code.text))
                invitations.append(code.text);
            if (invitation || payload.isEmpty())
                payload = code.text;
        }
        if (invitations.size() > 1) {
            return fail(u"The photo %1 shows %2 invitations; nobody was checked in. Photograph one invitation at a "
                        "time."_s.arg(ctx.value("image"))
                            .arg(invitations.size()));
        }
    }
    return reportCheckIn(service.checkIn(payload, at, source));
}

int cmdDecode(Context &ctx)
{
    if (ctx.args.isEmpty())
        return fail(u"decode takes one or more image files."_s);
    int status = kOk;
    for (const QString &path : std::as_const(ctx.args)) {
        auto codes = QrDecoder::decodeFile(path);
        if (!codes) {
            printJson({{u"image"_s, path}, {u"error"_s, codes.error()}});
            std::fprintf(stderr, "checkinctl: %s\n", qPrintable(codes.error()));
            status = kFailed;
            continue;
        }
        QJsonArray list;
        for (const DecodedCode &code : *codes) {
            QJsonArray corners;
            for (const QPointF &p : code.position)
                corners.append(QJsonArray{qRound(p.x()), qRound(p.y())});
            list.append(QJsonObject{{u"text"_s, code.text}, {u"format"_s, code.format}, {u"position"_s, corners}});
        }
        printJson({{u"image"_s, path}, {u"codes"_s, list}});
    }
    return status;
}

// Every kiosk's live check-ins (with this file's not sent yet) when a venue database is configured (--pg or
// $CHECKIN_VENUE_PG) and --local is not given; nothing (count this file's) otherwise, with a warning when the venue
// database could not be read.
std::optional<QList<db::AttendanceRecord>> venueWideRows(const Context &ctx, db::Database &db,
                                                         const db::EventRecord &event)
{
    const QString conninfo = ctx.isSet("pg") ? ctx.value("pg") : qEnvironmentVariable("CHECKIN_VENUE_PG");
    if (ctx.isSet("local") || conninfo.trimmed().isEmpty())
        return std::nullopt;
    auto guests = db::GuestStore(db).forEvent(event.id);
    auto local = db::AttendanceStore(db).liveForEvent(event.id);
    if (!guests || !local)
        return std::nullopt; // the local report says what is wrong with the file
    VenueWideAttendance venue(conninfo, event);
    auto rows = venue.liveRows(*guests, *local);
    if (!rows) {
        std::fprintf(stderr,
                     "checkinctl: warning: the venue database could not be read, so only this kiosk's "
                     "check-ins are counted: %s\n",
                     qPrintable(rows.error()));
        return std::nullopt;
    }
    return std::move(*rows);
}

int cmdAttendance(Context &ctx)
{
    std::optional<QDate> day;
    if (ctx.isSet("day")) {
        day = QDate::fromString(ctx.value("day"), Qt::ISODate);
        if (!day->isValid())
            return fail(u"--day must be a date written YYYY-MM-DD."_s);
    }
    const QString format = ctx.isSet("format") ? ctx.value("format") : u"json"_s;
    if (format != u"json" && format != u"csv")
        return fail(u"--format is json or csv."_s);
    auto opened = openEvent(ctx);
    if (!opened)
        return fail(opened.error());
    db::Database &db = *opened->db;
    const db::EventRecord &event = opened->event;
    const auto venueRows = venueWideRows(ctx, db, event);
    auto report = venueRows ? AttendanceReport::build(db, event, *venueRows, day)
                            : AttendanceReport::build(db, event, day);
    if (!report)
        return fail(report.error());

    QByteArray output;
    if (format == u"csv") {
        output = AttendanceReport::toCsv(*report);
    } else {
        for (const AttendanceReport::Day &d : *report) {
            QJsonObject o = d.toJson();
            o[u"event"_s] = event.number;
            o[u"source"_s] = venueRows ? u"venue"_s : u"kiosk"_s;
            output += QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
        }
    }
    if (ctx.isSet("out")) {
        if (auto saved = saveFile(ctx.value("out"), output); !saved)
            return fail(u"Cannot write %1: %2."_s.arg(ctx.value("out"), saved.error()));
        std::fprintf(stderr, "checkinctl: attendance written to %s\n",
                     qPrintable(QFileInfo(ctx.value("out")).absoluteFilePath()));
    } else {
        std::fwrite(output.constData(), 1, size_t(output.size()), stdout);
    }
    return kOk;
}

int cmdReport(Context &ctx)
{
    if (!ctx.isSet("out") || !ctx.args.isEmpty())
        return fail(u"report takes --out DIR, the folder to write the CSV and PDF into."_s);
    auto opened = openEvent(ctx);
    if (!opened)
        return fail(opened.error());
    ReportExport exporter(*opened->db, ctx.kioskId, actorName(ctx));
    auto venueRows = venueWideRows(ctx, *opened->db, opened->event);
    const bool venueWide = venueRows.has_value();
    if (venueRows)
        exporter.useVenueWideRows(std::move(*venueRows));
    auto files = exporter.exportTo(opened->event, ctx.value("out"));
    if (!files)
        return fail(files.error());
    printJson({{u"csv"_s, files->csvPath},
               {u"pdf"_s, files->pdfPath},
               {u"event"_s, opened->event.number},
               {u"source"_s, venueWide ? u"venue"_s : u"kiosk"_s}});
    return kOk;
}

int cmdAnnul(Context &ctx)
{
    if (ctx.args.size() != 1 || !ctx.isSet("reason"))
        return fail(u"annul takes a check-in id and --reason TEXT."_s);
    auto opened = openEvent(ctx);
    if (!opened)
        return fail(opened.error());
    db::Database &db = *opened->db;
    const db::EventRecord &event = opened->event;
    StaffActions actions(db, event, ctx.kioskId, actorName(ctx));
    if (auto ok = actions.annul(ctx.args.first(), ctx.value("reason")); !ok)
        return fail(ok.error());
    printJson({{u"annulled"_s, ctx.args.first()}, {u"reason"_s, ctx.value("reason")}});
    return kOk;
}

int cmdRevoke(Context &ctx)
{
    if (ctx.args.size() != 1)
        return fail(u"revoke takes one guest: an external id, an e-mail address or a name in quotes."_s);
    auto opened = openGuest(ctx);
    if (!opened)
        return fail(opened.error());
    db::Database &db = *opened->db;
    const db::EventRecord &event = opened->event;
    const db::GuestRecord *guest = &opened->guest;
    StaffActions actions(db, event, ctx.kioskId, actorName(ctx));
    const QString reason = ctx.isSet("reason") ? ctx.value("reason") : u"revoked by staff"_s;
    if (auto ok = actions.revoke(guest->externalId, reason); !ok)
        return fail(ok.error());
    printJson({{u"revoked"_s, guest->externalId}, {u"reason"_s, reason}});
    return kOk;
}

} // namespace

const QList<Command> &eventDayCommands()
{
    static const QList<Command> commands = {
        {u"checkin"_s,
         {u"payload"_s, u"image"_s, u"at"_s, u"source"_s, u"guest"_s, u"actor"_s},
         kCheckinHelp,
         cmdCheckin},
        {u"decode"_s, {}, kDecodeHelp, cmdDecode},
        {u"attendance"_s, {u"day"_s, u"format"_s, u"out"_s, u"pg"_s, u"local"_s}, kAttendanceHelp, cmdAttendance},
        {u"report"_s, {u"out"_s, u"pg"_s, u"local"_s, u"actor"_s}, kReportHelp, cmdReport},
        {u"annul"_s, {u"reason"_s, u"actor"_s}, kAnnulHelp, cmdAnnul},
        {u"revoke"_s, {u"reason"_s, u"actor"_s}, kRevokeHelp, cmdRevoke},
    };
    return commands;
}

} // namespace checkin::ctl
