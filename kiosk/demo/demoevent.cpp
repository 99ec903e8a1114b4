#include "kiosk/demo/demoevent.h"

#include "kiosk/guests/guestimporter.h"
#include "kiosk/invitations/invitationissuer.h"
#include "kiosk/invitations/signingkey.h"
#include "kiosk/programme/programmeimporter.h"

#include "db/database.h"
#include "db/eventstore.h"
#include "db/records.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace checkin {

namespace {

// The Policymaker Program's own sessions over the demo's four days, written as our programme CSV (times are
// venue-local). Generated because the demo's dates follow today.
QByteArray demoProgramme(QDate first)
{
    struct Session
    {
        int day;
        const char *start, *end, *title, *kind, *room;
        bool everyone;
    };
    static const Session sessions[] = {
        {1, "08:30", "09:15", "Welcome breakfast and programme overview", "briefing", "Lotus Suite 1", true},
        {1, "09:30", "11:00", "How the IETF works: standards, consensus and the RFC series", "briefing",
         "Lotus Suite 1", true},
        {1, "11:30", "12:30", "Newcomers' orientation", "session", "Ballroom B", false},
        {1, "13:30", "15:00", "Roundtable: Internet infrastructure and public policy", "roundtable", "Lotus Suite 2",
         true},
        {1, "17:00", "18:30", "Welcome reception", "social", "Terrace", true},
        {2, "09:00", "10:00", "Briefing: encryption, privacy and lawful access", "briefing", "Lotus Suite 1", true},
        {2, "10:30", "12:00", "Observe a working group: Messaging Layer Security", "session", "Ballroom C", false},
        {2, "13:30", "14:30", "Meeting with the IETF Chair", "meeting", "Chair's Office", true},
        {2, "17:30", "19:30", "IETF plenary", "plenary", "Grand Ballroom", true},
        {3, "09:00", "10:30", "Roundtable: digital identity and trust", "roundtable", "Lotus Suite 2", true},
        {3, "11:00", "12:00", "Meeting with the Internet Architecture Board", "meeting", "Lotus Suite 1", true},
        {3, "14:00", "15:30", "Observe a working group: DNS Operations", "session", "Ballroom A", false},
        {4, "09:00", "10:30", "Roundtable: measuring the Internet", "roundtable", "Lotus Suite 2", true},
        {4, "11:00", "12:00", "Closing session and feedback", "briefing", "Lotus Suite 1", true},
    };
    QByteArray csv = "session_id,date,start,end,title,kind,room,description,attendees\r\n";
    int n = 0;
    for (const Session &s : sessions) {
        ++n;
        // Everyone attends the Program's own sessions; the working-group visits are chosen by a few guests.
        const QByteArray attendees = s.everyone ? "demo-001 demo-002 demo-003 demo-004 demo-005 demo-006 demo-007 "
                                                  "demo-008 demo-009 demo-010 demo-011 demo-012"
                                                : "demo-002 demo-004 demo-009";
        csv += "pp-" + QByteArray::number(n) + ',' + first.addDays(s.day - 1).toString(Qt::ISODate).toLatin1() + ','
               + s.start + ',' + s.end + ",\"" + s.title + "\"," + s.kind + ",\"" + s.room + "\",," + attendees
               + "\r\n";
    }
    return csv;
}

} // namespace

std::expected<DemoEvent::Result, QString> DemoEvent::ensure(const QString &dbPath, const QString &outDir,
                                                            const QString &kioskId)
{
    Result result;
    result.dbPath = dbPath;
    result.keyDir = QDir(outDir).filePath(u"keys"_s);
    result.invitationsDir = QDir(outDir).filePath(u"invitations"_s);
    if (!QDir().mkpath(QFileInfo(dbPath).absolutePath()) || !QDir().mkpath(outDir))
        return std::unexpected(u"Cannot create the folders for the demo under %1."_s.arg(outDir));

    auto db = db::Database::open(dbPath, db::Database::OpenMode::CreateIfMissing);
    if (!db)
        return std::unexpected(db.error().message);
    db::EventStore events(**db);
    auto existing = events.byNumber(kEventNumber);
    if (!existing)
        return std::unexpected(existing.error().message);

    const QString keyPath = QDir(result.keyDir).filePath(u"signing.key"_s);
    std::optional<SigningKey> key;
    if (QFileInfo::exists(keyPath)) {
        auto loaded = SigningKey::load(keyPath);
        if (!loaded)
            return std::unexpected(loaded.error());
        key = *loaded;
    } else {
        if (*existing) {
            return std::unexpected(u"The demo event is in %1 but its signing key %2 is gone; delete the demo "
                                   "database to start afresh."_s.arg(dbPath, keyPath));
        }
        key = SigningKey::generate();
        if (auto ok = key->writeFiles(result.keyDir); !ok)
            return std::unexpected(ok.error());
    }

    db::EventRecord event;
    if (*existing) {
        event = **existing;
    } else {
        // Programme days around today in the venue's time zone, so the demo admits guests whenever it runs.
        const QTimeZone zone("Asia/Bangkok");
        const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(zone).date();
        event.number = kEventNumber;
        event.name = u"IETF %1 Demo Meeting"_s.arg(kEventNumber);
        event.city = u"Bangkok"_s;
        event.timeZone = u"Asia/Bangkok"_s;
        event.firstDay = today.addDays(-1);
        event.lastDay = today.addDays(2);
        event.verifyKey = key->publicKey();
        auto id = events.create(event);
        if (!id)
            return std::unexpected(id.error().message);
        event.id = *id;
        result.created = true;
    }

    QFile csv(u":/ietf-checkin/demo/demo-guests.csv"_s);
    if (!csv.open(QIODevice::ReadOnly))
        return std::unexpected(u"The demo guest list is missing from this build."_s);
    GuestImporter importer(**db, event, kioskId);
    auto imported = importer.importBytes(csv.readAll(), u"demo-guests.csv"_s);
    if (!imported)
        return std::unexpected(imported.error().message);
    result.guests = imported->inserted + imported->updated + imported->unchanged;

    ProgrammeImporter programme(**db, event, kioskId);
    auto sessions = programme.importBytes(demoProgramme(event.firstDay), u"demo-programme.csv"_s,
                                          ProgrammeImporter::Format::Csv);
    if (!sessions)
        return std::unexpected(sessions.error().message);

    InvitationIssuer issuer(**db, event, *key);
    auto issued = issuer.issue(result.invitationsDir);
    if (!issued)
        return std::unexpected(issued.error());
    return result;
}

} // namespace checkin
