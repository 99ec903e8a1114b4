#pragma once

#include "db/database.h"

#include <QString>

#include <expected>
#include <memory>

namespace checkin {

// Opens a database for the kiosk or checkinctl and runs PRAGMA quick_check on it. A damaged file (one SQLite
// cannot read, or one quick_check finds problems in) gives a message that names the newest good backup and the
// exact `checkinctl restore` command; a missing or read-only file gives the database's own clear message.
[[nodiscard]] std::expected<std::unique_ptr<db::Database>, db::DbError> openCheckedDatabase(
    const QString &path, db::Database::OpenMode mode = db::Database::OpenMode::MustExist);

// What to do about the damaged database at path: the newest good backup beside it and how to restore it.
[[nodiscard]] QString damagedDatabaseAdvice(const QString &path);

} // namespace checkin
