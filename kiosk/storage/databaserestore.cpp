#include "kiosk/storage/databaserestore.h"

#include "kiosk/storage/backupschedule.h"
#include "kiosk/storage/databasehealth.h"

#include "db/database.h"
#include "db/eventstore.h"
#include "db/staffactionstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace checkin {

namespace {

// Copies from to a new file to (mode 0600) and flushes it to disk.
std::expected<void, QString> copyPrivately(const QString &from, const QString &to)
{
    QFile in(from);
    if (!in.open(QIODevice::ReadOnly))
        return std::unexpected(u"Cannot read %1: %2."_s.arg(from, in.errorString()));
    QFile out(to);
    if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return std::unexpected(u"Cannot write %1: %2."_s.arg(to, out.errorString()));
    while (!in.atEnd()) {
        const QByteArray chunk = in.read(1 << 20);
        if (chunk.isEmpty() || out.write(chunk) != chunk.size()) {
            out.remove();
            return std::unexpected(u"Cannot write %1 (is the disk full?)."_s.arg(to));
        }
    }
    if (!out.flush() || ::fsync(out.handle()) != 0) {
        out.remove();
        return std::unexpected(u"Cannot write %1 to disk (is the disk full?)."_s.arg(to));
    }
    return {};
}

// A name for the replaced database that no file has yet: <db>.before-restore-<UTC>, then -2, -3…
QString previousName(const QString &target, const QDateTime &nowUtc)
{
    const QString base = u"%1.before-restore-%2"_s.arg(target, nowUtc.toUTC().toString(u"yyyyMMdd'T'HHmmss'Z'"_s));
    QString name = base;
    for (int n = 2; QFileInfo::exists(name) || QFileInfo::exists(name + u"-wal"_s); ++n)
        name = u"%1-%2"_s.arg(base).arg(n);
    return name;
}

// The events of current that backup lacks or holds with another verify key, one sentence each.
QStringList eventsThatDiffer(const db::FileReport &current, const db::FileReport &backup)
{
    QStringList differ;
    for (const db::FileReport::Event &event : current.events) {
        const auto same = std::find_if(backup.events.cbegin(), backup.events.cend(),
                                       [&](const db::FileReport::Event &e) { return e.number == event.number; });
        if (same == backup.events.cend())
            differ << u"event %1 is not in the backup"_s.arg(event.number);
        else if (same->verifyKey != event.verifyKey)
            differ << u"event %1 has another verify key in the backup (another meeting's database?)"_s.arg(
                event.number);
    }
    return differ;
}

} // namespace

std::expected<RestoreResult, QString> DatabaseRestore::restore(const QString &databasePath, const QString &backupPath,
                                                               bool force, const QString &kioskId, const QString &actor,
                                                               const QDateTime &nowUtc)
{
    // The real file behind a symlinked path: it is what gets replaced, and the link is left as it is.
    const QFileInfo given(databasePath);
    const QString target = given.exists() ? given.canonicalFilePath() : given.absoluteFilePath();
    const QString source = QFileInfo(backupPath).exists() ? QFileInfo(backupPath).canonicalFilePath()
                                                          : QFileInfo(backupPath).absoluteFilePath();
    if (source == target)
        return std::unexpected(u"%1 is the database itself; name a backup file."_s.arg(source));
    if (given.exists() && !given.isFile())
        return std::unexpected(u"Nothing was changed: %1 is not a regular file."_s.arg(databasePath));

    auto backup = BackupSchedule::check(source);
    if (!backup) {
        return std::unexpected(
            u"Nothing was changed: %1 Choose another backup ('checkinctl backups' lists them)."_s.arg(backup.error()));
    }

    // Nobody may have the database open while it is replaced, and nobody can open it until this lock is released.
    auto lock = db::DatabaseInUseLock::tryExclusive(target);
    if (!lock) {
        return std::unexpected(u"Nothing was changed: %1 Stop the kiosks and print workers (and any other "
                               "checkinctl) that use it, then run restore again."_s.arg(lock.error().message));
    }

    RestoreResult result;
    QStringList warnings;
    if (QFileInfo::exists(target)) {
        auto current = db::Database::inspectFile(target);
        if (current && current->isUsableCheckinDatabase()) {
            const QStringList differ = eventsThatDiffer(*current, *backup);
            if (!differ.isEmpty() && !force) {
                return std::unexpected(
                    u"Nothing was changed: the backup %1 does not hold this database's events: "
                    "%2. Restoring it would lose them. Choose a backup of this meeting "
                    "('checkinctl backups' lists them), or pass --force if this is really "
                    "what you want (the replaced database is kept)."_s.arg(source, differ.join(u"; "_s)));
            }
            if (!differ.isEmpty())
                warnings << u"restored with --force although %1"_s.arg(differ.join(u"; "_s));
        } else {
            // The usual reason to restore: the current file is damaged. It cannot be compared, only kept.
            warnings << u"the replaced database could not be read to compare its events (%1)"_s.arg(
                current ? current->problem() : current.error().message);
        }
        result.previous = previousName(target, nowUtc);
        if (!QFile::rename(target, result.previous)) {
            return std::unexpected(
                u"Nothing was changed: %1 could not be renamed to %2."_s.arg(target, result.previous));
        }
        // The -wal (and its index) belong to the replaced file: kept beside it under its new name, SQLite reads
        // them with it, so the kept copy is complete.
        for (const QString &suffix : {u"-wal"_s, u"-shm"_s}) {
            if (QFileInfo::exists(target + suffix))
                QFile::rename(target + suffix, result.previous + suffix);
        }
    }

    const QString temporary = QFileInfo(target).absoluteDir().filePath(
        u".%1.restoring"_s.arg(QFileInfo(target).fileName()));
    QFile::remove(temporary);
    auto copied = copyPrivately(source, temporary);
    if (!copied || !QFile::rename(temporary, target)) {
        QFile::remove(temporary);
        if (!result.previous.isEmpty()) {
            QFile::rename(result.previous, target);
            for (const QString &suffix : {u"-wal"_s, u"-shm"_s}) {
                if (QFileInfo::exists(result.previous + suffix))
                    QFile::rename(result.previous + suffix, target + suffix);
            }
        }
        return std::unexpected(u"The restore failed and the database was left as it was: %1"_s.arg(
            copied ? u"could not rename the copy."_s : copied.error()));
    }
    lock->reset(); // the connection below takes the shared side of the lock

    auto db = openCheckedDatabase(target);
    if (!db)
        return std::unexpected(
            u"%1 was restored from %2 but cannot be opened: %3"_s.arg(target, source, db.error().message));
    if (auto all = db::EventStore(**db).all()) {
        for (const db::EventRecord &e : *all)
            result.events << e.number;
    }
    db::StaffActionRecord audit;
    audit.kioskId = kioskId;
    audit.actor = actor;
    audit.action = u"restore"_s;
    QJsonObject detail{{u"from"_s, QFileInfo(source).fileName()}};
    if (!result.previous.isEmpty())
        detail[u"previous"_s] = QFileInfo(result.previous).fileName();
    if (force)
        detail[u"force"_s] = true;
    audit.detail = QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
    (void)db::StaffActionStore(**db).append(audit);

    result.restored = target;
    result.from = source;
    result.warning = warnings.join(u"; "_s);
    return result;
}

} // namespace checkin
