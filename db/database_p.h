#pragma once

#include <QString>

// Internals shared by database.cpp (connections) and databasefiles.cpp (locks, backups and copies of files).
namespace checkin::db::detail {

// SQLite's busy timeout for every connection we open, kiosks' and backups' alike.
inline constexpr int kBusyTimeoutMs = 15000;

// Creates the file at path with mode 0600 before SQLite opens it; true when it exists afterwards.
[[nodiscard]] bool createPrivateFile(const QString &path);
// A plain sentence for SQLite result code rc ("the disk is full").
[[nodiscard]] QString plainReason(int rc);
// Opens (creating it, mode 0600) the lock file of the database at path; -1 with errno set on failure.
[[nodiscard]] int openLockFile(const QString &path);

} // namespace checkin::db::detail
