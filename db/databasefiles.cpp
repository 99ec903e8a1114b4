// Database's work on whole files: the in-use lock beside a database, its backups and copies, and reading a file
// without opening it as a connection (checkFile, inspectFile, FileReport). Connections and statements are in
// database.cpp.
#include "db/database.h"

#include "db/database_p.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace checkin::db {

namespace detail {

// Opens (creating it, mode 0600) the lock file of the database at path; -1 with errno set on failure.
int openLockFile(const QString &path)
{
    return ::open(QFile::encodeName(Database::lockPath(path)).constData(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
}

} // namespace detail

using namespace detail;

QString Database::lockPath(const QString &path)
{
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    return (canonical.isEmpty() ? info.absoluteFilePath() : canonical) + u".lock"_s;
}

DbResult<std::unique_ptr<DatabaseInUseLock>> DatabaseInUseLock::tryExclusive(const QString &path)
{
    const int fd = openLockFile(path);
    if (fd < 0) {
        return std::unexpected(
            DbError{SQLITE_CANTOPEN, u"Cannot create the lock file %1 (%2)."_s.arg(
                                         Database::lockPath(path), QString::fromLocal8Bit(strerror(errno)))});
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        ::close(fd);
        if (err == EWOULDBLOCK) {
            return std::unexpected(
                DbError{SQLITE_BUSY,
                        u"The database %1 is in use: a kiosk, print worker or checkinctl has it open."_s.arg(path)});
        }
        return std::unexpected(DbError{
            SQLITE_CANTOPEN, u"Cannot lock the database %1 (%2)."_s.arg(path, QString::fromLocal8Bit(strerror(err)))});
    }
    return std::unique_ptr<DatabaseInUseLock>(new DatabaseInUseLock(fd));
}

DatabaseInUseLock::~DatabaseInUseLock()
{
    ::close(m_fd);
}

bool FileReport::isUsableCheckinDatabase() const
{
    return problem().isEmpty();
}

QString FileReport::problem() const
{
    const bool ours = applicationId == Database::kApplicationId
                      || (applicationId == 0 && hasCheckinTables && schemaVersion >= 1 && schemaVersion < 3);
    if (!ours) {
        if (applicationId == 0 && schemaVersion == 0 && !hasCheckinTables)
            return u"it is not an ietf-checkin database (it is empty, or another program's SQLite file)"_s;
        return u"it is not an ietf-checkin database (it belongs to another program: application id %1)"_s.arg(
            applicationId);
    }
    if (schemaVersion < 1)
        return u"it is not an ietf-checkin database (it has no schema)"_s;
    if (schemaVersion > Database::latestSchemaVersion()) {
        return u"it was written by a newer version of ietf-checkin (schema %1; this program knows schema %2 at "
               "most)"_s.arg(schemaVersion)
                   .arg(Database::latestSchemaVersion());
    }
    if (quickCheck != u"ok")
        return u"it is damaged (quick_check: %1)"_s.arg(quickCheck.left(300));
    return {};
}

namespace {

// A connection closed on every path out of a function.
struct HandleCloser
{
    void operator()(sqlite3 *handle) const { sqlite3_close_v2(handle); }
};
using UniqueHandle = std::unique_ptr<sqlite3, HandleCloser>;

QString handleMessage(sqlite3 *handle, int rc)
{
    return u"%1 (%2)"_s.arg(plainReason(rc), QString::fromUtf8(handle ? sqlite3_errmsg(handle) : sqlite3_errstr(rc)));
}

// Copies the database open on source to a new file at path with the online backup API (see Database::backupTo).
DbResult<void> copyDatabase(sqlite3 *source, const QString &path)
{
    const QFileInfo target(path);
    const QString temporary = target.absoluteDir().filePath(u".%1.partial"_s.arg(target.fileName()));
    QFile::remove(temporary);
    if (!createPrivateFile(temporary)) {
        return std::unexpected(DbError{SQLITE_CANTOPEN, u"Cannot write the backup %1: %2."_s.arg(
                                                            temporary, QString::fromLocal8Bit(strerror(errno)))});
    }
    auto failed = [&](int rc, const QString &why) {
        QFile::remove(temporary);
        return std::unexpected(DbError{rc, u"The backup to %1 failed: %2."_s.arg(path, why)});
    };

    sqlite3 *raw = nullptr;
    int rc = sqlite3_open_v2(QFile::encodeName(temporary).constData(), &raw,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
    UniqueHandle copy(raw);
    if (rc != SQLITE_OK)
        return failed(rc, handleMessage(copy.get(), rc));
    sqlite3_extended_result_codes(copy.get(), 1);
    sqlite3_busy_timeout(copy.get(), kBusyTimeoutMs);

    sqlite3_backup *backup = sqlite3_backup_init(copy.get(), "main", source, "main");
    if (!backup)
        return failed(sqlite3_errcode(copy.get()), handleMessage(copy.get(), sqlite3_errcode(copy.get())));
    // All pages in one step: a kiosk database is a few MB, and one step sees one consistent snapshot
    // (a step-by-step copy restarts whenever another connection writes).
    do {
        rc = sqlite3_backup_step(backup, -1);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(50);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        return failed(rc, handleMessage(copy.get(), rc));

    // The copy carries the source's WAL flag; a backup should be one file that can be copied or mailed as is.
    char *message = nullptr;
    rc = sqlite3_exec(copy.get(), "PRAGMA journal_mode = DELETE", nullptr, nullptr, &message);
    sqlite3_free(message);
    if (rc != SQLITE_OK)
        return failed(rc, handleMessage(copy.get(), rc));
    copy.reset();

    QFile::remove(path);
    if (!QFile::rename(temporary, path))
        return failed(SQLITE_CANTOPEN, u"it could not be renamed from %1"_s.arg(temporary));
    return {};
}

} // namespace

DbResult<void> Database::backupTo(const QString &path)
{
    return copyDatabase(m_handle, path);
}

DbResult<void> Database::copyFile(const QString &source, const QString &path)
{
    if (!QFileInfo(source).isFile())
        return std::unexpected(DbError{SQLITE_CANTOPEN, u"%1 does not exist."_s.arg(source)});
    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(QFile::encodeName(source).constData(), &raw,
                                   SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
    UniqueHandle handle(raw);
    if (rc != SQLITE_OK)
        return std::unexpected(DbError{rc, u"Cannot open %1: %2."_s.arg(source, handleMessage(handle.get(), rc))});
    sqlite3_busy_timeout(handle.get(), kBusyTimeoutMs);
    return copyDatabase(handle.get(), path);
}

DbResult<QString> Database::checkFile(const QString &path)
{
    auto report = inspectFile(path);
    if (!report)
        return std::unexpected(report.error());
    return report->quickCheck;
}

DbResult<FileReport> Database::inspectFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return std::unexpected(DbError{SQLITE_CANTOPEN, u"There is no file %1."_s.arg(path)});
    if (info.isFile() && info.size() == 0) {
        return std::unexpected(
            DbError{SQLITE_NOTADB, u"%1 is empty (0 bytes): it is not an ietf-checkin database."_s.arg(path)});
    }
    if (!info.isFile())
        return std::unexpected(DbError{SQLITE_NOTADB, u"%1 is not a regular file."_s.arg(path)});
    sqlite3 *raw = nullptr;
    int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                             nullptr);
    UniqueHandle handle(raw);
    if (rc != SQLITE_OK)
        return std::unexpected(DbError{rc, u"%1 cannot be opened: %2."_s.arg(path, handleMessage(handle.get(), rc))});
    // Runs sql and hands each row to read; false with rc set when SQLite failed.
    const auto query = [&](const char *sql, auto read) {
        sqlite3_stmt *stmt = nullptr;
        rc = sqlite3_prepare_v2(handle.get(), sql, -1, &stmt, nullptr);
        while (rc == SQLITE_OK || rc == SQLITE_ROW) {
            rc = sqlite3_step(stmt);
            if (rc == SQLITE_ROW)
                read(stmt);
        }
        sqlite3_finalize(stmt);
        return rc == SQLITE_DONE;
    };
    const auto unreadable = [&] {
        return std::unexpected(DbError{
            rc, u"%1 is not a readable ietf-checkin database: %2."_s.arg(path, handleMessage(handle.get(), rc))});
    };
    FileReport report;
    if (!query("PRAGMA application_id", [&](sqlite3_stmt *s) { report.applicationId = sqlite3_column_int64(s, 0); })
        || !query("PRAGMA user_version", [&](sqlite3_stmt *s) { report.schemaVersion = sqlite3_column_int(s, 0); }))
        return unreadable();
    QStringList problems;
    if (!query("PRAGMA quick_check(10)", [&](sqlite3_stmt *s) {
            problems << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(s, 0)));
        }))
        return unreadable();
    report.quickCheck = problems.join(u"; "_s);
    int tables = 0;
    if (!query("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN "
               "('event', 'guest', 'invitation', 'attendance', 'scan_log')",
               [&](sqlite3_stmt *s) { tables = sqlite3_column_int(s, 0); }))
        return unreadable();
    report.hasCheckinTables = tables == 5;
    if (report.hasCheckinTables && report.quickCheck == u"ok") {
        if (!query("SELECT number, verify_key FROM event ORDER BY number", [&](sqlite3_stmt *s) {
                const auto *key = static_cast<const char *>(sqlite3_column_blob(s, 1));
                report.events.append({sqlite3_column_int(s, 0), QByteArray(key, sqlite3_column_bytes(s, 1))});
            }))
            return unreadable();
    }
    return report;
}

} // namespace checkin::db
