#include "kiosk/storage/databasehealth.h"

#include "kiosk/storage/backupschedule.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace checkin {

QString damagedDatabaseAdvice(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const auto backup = BackupSchedule::newestGood(BackupSchedule::defaultFolder(absolute));
    if (!backup) {
        return u"No good backup was found in %1. Restore a copy of the database from elsewhere with "
               "'checkinctl --db %2 restore FILE', or recreate the event."_s.arg(
                   BackupSchedule::defaultFolder(absolute), absolute);
    }
    return u"The newest good backup is %1 (taken %2 UTC). Stop the kiosks and restore it with: "
           "checkinctl --db %3 restore %1"_s.arg(backup->path, backup->takenAt.toString(u"yyyy-MM-dd HH:mm:ss"_s),
                                                 absolute);
}

std::expected<std::unique_ptr<db::Database>, db::DbError> openCheckedDatabase(const QString &path,
                                                                              db::Database::OpenMode mode)
{
    auto db = db::Database::open(path, mode);
    if (!db) {
        if (!db.error().isCorrupt())
            return std::unexpected(db.error());
        return std::unexpected(db::DbError::corrupt(
            u"The database %1 is damaged: %2 %3"_s.arg(path, db.error().message, damagedDatabaseAdvice(path))));
    }
    auto check = (*db)->quickCheck();
    if (!check && !check.error().isCorrupt())
        return std::unexpected(check.error());
    if (!check) {
        return std::unexpected(db::DbError::corrupt(
            u"The database %1 is damaged: %2 %3"_s.arg(path, check.error().message, damagedDatabaseAdvice(path))));
    }
    if (*check != u"ok") {
        return std::unexpected(db::DbError::corrupt(u"The database %1 is damaged (quick_check found: %2). %3"_s.arg(
            path, check->left(300), damagedDatabaseAdvice(path))));
    }
    return std::move(*db);
}

} // namespace checkin
