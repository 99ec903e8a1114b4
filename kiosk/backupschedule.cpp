#include "backupschedule.h"

#include <database.h>

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcBackup, "checkin.backup")

namespace checkin {

namespace {

constexpr auto kTimeFormat = "yyyyMMdd'T'HHmmss'Z'";

std::optional<BackupFile> parseName(const QFileInfo &file)
{
    static const QRegularExpression pattern(u"^(\\d{1,5})-(\\d{8}T\\d{6}Z)\\.sqlite$"_s);
    const auto match = pattern.match(file.fileName());
    if (!match.hasMatch())
        return std::nullopt;
    const QString stamp = match.captured(2);
    const QDateTime takenAt(QDate::fromString(stamp.left(8), u"yyyyMMdd"_s),
                            QTime::fromString(stamp.mid(9, 6), u"HHmmss"_s), Qt::UTC);
    if (!takenAt.isValid())
        return std::nullopt;
    return BackupFile{file.absoluteFilePath(), match.captured(1).toInt(), takenAt, file.size()};
}

} // namespace

BackupSchedule::BackupSchedule(QString databasePath, int keep)
    : m_databasePath(std::move(databasePath))
    , m_folder(defaultFolder(m_databasePath))
    , m_keep(qMax(1, keep))
{
}

QString BackupSchedule::defaultFolder(const QString &databasePath)
{
    return QFileInfo(databasePath).absoluteDir().filePath(u"backups"_s);
}

QString BackupSchedule::fileName(int eventNumber, const QDateTime &takenAt)
{
    return u"%1-%2.sqlite"_s.arg(eventNumber).arg(takenAt.toUTC().toString(QString::fromLatin1(kTimeFormat)));
}

QList<BackupFile> BackupSchedule::list(const QString &folder)
{
    QList<BackupFile> backups;
    const QFileInfoList files = QDir(folder).entryInfoList({u"*.sqlite"_s}, QDir::Files);
    for (const QFileInfo &file : files) {
        if (auto backup = parseName(file))
            backups << *backup;
    }
    std::sort(backups.begin(), backups.end(), [](const BackupFile &a, const BackupFile &b) {
        return a.takenAt != b.takenAt ? a.takenAt > b.takenAt : a.path > b.path;
    });
    return backups;
}

std::optional<BackupFile> BackupSchedule::newestGood(const QString &folder)
{
    for (const BackupFile &backup : list(folder)) {
        auto check = db::Database::checkFile(backup.path);
        if (check && *check == u"ok")
            return backup;
    }
    return std::nullopt;
}

std::expected<BackupFile, QString> BackupSchedule::takeBackup(db::Database &db, int eventNumber,
                                                              const QDateTime &nowUtc)
{
    const bool existed = QFileInfo::exists(m_folder);
    if (!QDir().mkpath(m_folder))
        return std::unexpected(u"Cannot create the backup folder %1: check that it is writable."_s.arg(m_folder));
    // A folder we create is 0700: the copies hold the same personal data as the database. One that exists (a USB
    // stick's, perhaps without Unix permissions) is left as its owner made it.
    if (!existed)
        QFile::setPermissions(m_folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QString path = QDir(m_folder).filePath(fileName(eventNumber, nowUtc));
    if (auto ok = db.backupTo(path); !ok)
        return std::unexpected(ok.error().message);

    const QList<BackupFile> all = list(m_folder);
    for (qsizetype i = m_keep; i < all.size(); ++i) {
        if (!QFile::remove(all.at(i).path))
            qCWarning(lcBackup) << "Could not delete the old backup" << all.at(i).path;
    }
    auto written = parseName(QFileInfo(path));
    return *written;
}

std::expected<BackupFile, QString> BackupSchedule::takeBackup(int eventNumber, const QDateTime &nowUtc)
{
    auto db = db::Database::open(m_databasePath, db::Database::OpenMode::MustExist);
    if (!db)
        return std::unexpected(db.error().message);
    return takeBackup(**db, eventNumber, nowUtc);
}

} // namespace checkin
