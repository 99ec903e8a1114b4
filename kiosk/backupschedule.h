#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <expected>
#include <optional>

namespace checkin {

namespace db {
class Database;
}

// One backup file: <event number>-<UTC time>.sqlite, so no personal data ends up in file names.
struct BackupFile
{
    QString path;
    int eventNumber = 0;
    QDateTime takenAt; // UTC, to the second
    qint64 bytes = 0;
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
    // The newest backup in folder that passes PRAGMA quick_check, if any.
    [[nodiscard]] static std::optional<BackupFile> newestGood(const QString &folder);

    // Takes backups into folder instead of the default one.
    void setFolder(const QString &folder) { m_folder = folder; }
    [[nodiscard]] QString folder() const { return m_folder; }

    // Writes one backup of db (a connection on this database) named for eventNumber and nowUtc, then deletes all
    // but the newest `keep` backups in the folder. Returns the backup, or a sentence staff can act on.
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
