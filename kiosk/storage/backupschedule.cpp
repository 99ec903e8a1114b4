#include "kiosk/storage/backupschedule.h"

#include "db/database.h"

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
    static const QRegularExpression pattern(u"^(\\d{1,5})-(\\d{8}T\\d{6}Z)(?:-(\\d{1,4}))?\\.sqlite$"_s);
    const auto match = pattern.match(file.fileName());
    if (!match.hasMatch())
        return std::nullopt;
    const QString stamp = match.captured(2);
    const QDateTime takenAt(QDate::fromString(stamp.left(8), u"yyyyMMdd"_s),
                            QTime::fromString(stamp.mid(9, 6), u"HHmmss"_s), Qt::UTC);
    if (!takenAt.isValid())
        return std::nullopt;
    const int sequence = match.captured(3).isEmpty() ? 1 : match.captured(3).toInt();
    if (sequence < 2 && !match.captured(3).isEmpty())
        return std::nullopt;
    return BackupFile{file.absoluteFilePath(), match.captured(1).toInt(), takenAt, file.size(), sequence};
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
        if (a.takenAt != b.takenAt)
            return a.takenAt > b.takenAt;
        return a.sequence != b.sequence ? a.sequence > b.sequence : a.path > b.path;
    });
    return backups;
}

std::optional<BackupFile> BackupSchedule::newestGood(const QString &folder)
{
    for (const BackupFile &backup : list(folder)) {
        if (check(backup.path))
            return backup;
    }
    return std::nullopt;
}

std::expected<db::FileReport, QString> BackupSchedule::check(const QString &path)
{
    auto report = db::Database::inspectFile(path);
    if (!report)
        return std::unexpected(report.error().message);
    if (const QString problem = report->problem(); !problem.isEmpty())
        return std::unexpected(u"%1 cannot be restored: %2."_s.arg(path, problem));
    return *report;
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
    // Never over an existing backup: a second one in the same second (or after the clock went back) gets -2, -3…
    const QString base = fileName(eventNumber, nowUtc);
    QString path = QDir(m_folder).filePath(base);
    for (int n = 2; QFileInfo::exists(path); ++n) {
        if (n > 9999)
            return std::unexpected(u"Cannot name a new backup in %1: too many taken in one second."_s.arg(m_folder));
        path = QDir(m_folder).filePath(QString(base).replace(u".sqlite"_s, u"-%1.sqlite"_s.arg(n)));
    }
    if (auto ok = db.backupTo(path); !ok)
        return std::unexpected(ok.error().message);
    auto written = parseName(QFileInfo(path));
    if (!written)
        return std::unexpected(u"The backup %1 was written but its name cannot be read back."_s.arg(path));

    // Rotation counts the new backup as the newest, whatever the other names say.
    QList<BackupFile> others = list(m_folder);
    others.removeIf([&](const BackupFile &b) { return b.path == written->path; });
    for (qsizetype i = m_keep - 1; i < others.size(); ++i) {
        if (!QFile::remove(others.at(i).path))
            qCWarning(lcBackup) << "Could not delete the old backup" << others.at(i).path;
    }
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
