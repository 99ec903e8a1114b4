#include "demoevent.h"

#include "guestimporter.h"
#include "invitationissuer.h"
#include "signingkey.h"

#include <database.h>
#include <eventstore.h>
#include <records.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace checkin {

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

    InvitationIssuer issuer(**db, event, *key);
    auto issued = issuer.issue(result.invitationsDir);
    if (!issued)
        return std::unexpected(issued.error());
    return result;
}

} // namespace checkin
