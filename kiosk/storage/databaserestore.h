#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <expected>

namespace checkin {

// What a restore did.
struct RestoreResult
{
    QString restored;  // the database file that now holds the backup's data (symlinks resolved)
    QString from;      // the backup it was copied from
    QString previous;  // the replaced database, kept under a new name ("" when there was none)
    QList<int> events; // the event numbers in the restored database
    QString warning;   // said to staff when the restore went ahead anyway (--force, or an unreadable database)
};

// Replaces a kiosk database with a copy of a backup so that nothing is lost or mixed up by accident:
// - the backup must be an ietf-checkin database that passes quick_check (BackupSchedule::check);
// - no process may have the database open: the restore takes the lock every connection holds
//   (db::DatabaseInUseLock) and keeps it while the file is swapped, so nobody writes to a file being replaced;
// - the backup must hold every event the current database holds, each with the same verify key, or force is
//   needed (restoring another meeting's database over this one); the refusal names each event that differs;
// - a symlinked database path is resolved: the real file is replaced, the link stays;
// - the replaced file (with its -wal) is kept beside it as <name>.before-restore-<UTC time>[-n], never
//   overwritten, so a restore can be undone.
// Used by `checkinctl restore` and, through the same rules, by anything else that restores.
class DatabaseRestore
{
public:
    // Restores backupPath over databasePath; records a staff action (action "restore") by actor in the restored
    // database. Nothing is changed when it returns an error, which says what to do.
    [[nodiscard]] static std::expected<RestoreResult, QString> restore(const QString &databasePath,
                                                                       const QString &backupPath, bool force,
                                                                       const QString &kioskId, const QString &actor,
                                                                       const QDateTime &nowUtc);
};

} // namespace checkin
