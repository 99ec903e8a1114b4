#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <expected>
#include <optional>

namespace checkin {

namespace db {
class Database;
struct FileReport;
} // namespace db

// One backup file: <event number>-<UTC time>[-<n>].sqlite, so no personal data ends up in file names; a second
// backup in the same second gets -2, a third -3.
struct BackupFile
{
    QString path;
    int eventNumber = 0;
    QDateTime takenAt; // UTC, to the second
    qint64 bytes = 0;
    int sequence = 1; // 1 for the plain name, n for "-n"
};

// Rotating online backups of a kiosk database (SQLite's backup API, consistent while kiosks write): taken into
// a folder (by default backups/ beside the database), of which the newest `keep` are kept.
class BackupSchedule
{
public:
    static constexpr int kDefaultKeep = 10;

    explicit BackupSchedule(QString databasePath, int keep = kDefaultKeep);

    // The default backup folder of a database: backups/ beside it.
    [[nodiscard]] static QString defaultFolder(const QString &databasePath);
    // The file name of a backup of event eventNumber taken at takenAt: 122-20261128T054449Z.sqlite.
    [[nodiscard]] static QString fileName(int eventNumber, const QDateTime &takenAt);
    // The backups in folder, newest first; files not named like fileName() are not backups and are left out.
    [[nodiscard]] static QList<BackupFile> list(const QString &folder);
    // The newest backup in folder that check() accepts, if any.
    [[nodiscard]] static std::optional<BackupFile> newestGood(const QString &folder);
    // Whether the file at path can be restored: an ietf-checkin database (its application id, or the tables of a
    // file from before schema 3) of a schema this build knows, that passes PRAGMA quick_check. What it holds, or
    // a sentence saying why not. The one rule for restore, `checkinctl backups` and the damaged-database advice.
    [[nodiscard]] static std::expected<db::FileReport, QString> check(const QString &path);

    // Takes backups into folder instead of the default one.
    void setFolder(const QString &folder) { m_folder = folder; }
    [[nodiscard]] QString folder() const { return m_folder; }

    // Writes one backup of db (a connection on this database) named for eventNumber and nowUtc (never over an
    // existing file), then deletes all but the newest `keep` backups in the folder, counting the new one; the new
    // one is never deleted, whatever the other names say (a clock that ran ahead names backups in the future).
    // Returns the backup, or a sentence staff can act on.
    [[nodiscard]] std::expected<BackupFile, QString> takeBackup(db::Database &db, int eventNumber,
                                                                const QDateTime &nowUtc);
    // The same on a connection of its own (for a background thread).
    [[nodiscard]] std::expected<BackupFile, QString> takeBackup(int eventNumber, const QDateTime &nowUtc);

private:
    QString m_databasePath;
    QString m_folder;
    int m_keep;
};

} // namespace checkin
