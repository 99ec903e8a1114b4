#include "db/database.h"

#include "db/database_p.h"
#include "db/migrations.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStorageInfo>
#include <QUuid>

#include <sqlite3.h>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcDb, "checkin.db", QtInfoMsg)

namespace checkin::db {

namespace {

// Below this much free space an I/O error is taken for a full disk (a check-in needs a few pages; WAL growth more).
constexpr qint64 kLowDiskBytes = 1024 * 1024;

// How long open() waits for a restore that holds the database's lock exclusively.
constexpr int kRestoreWaitMs = 20000;

} // namespace

namespace detail {

// Mode 0600: the database holds guests' personal data.
bool createPrivateFile(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0)
        return errno == EEXIST;
    ::close(fd);
    return true;
}

QString plainReason(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_FULL:
        return u"the disk is full"_s;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return u"the database is busy (another kiosk or program is writing and did not finish in time)"_s;
    case SQLITE_READONLY:
        return u"the database file is read-only"_s;
    case SQLITE_CANTOPEN:
        return u"the database file cannot be opened"_s;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return u"the database file is damaged or is not an ietf-checkin database"_s;
    case SQLITE_IOERR:
        return u"the disk reported an input/output error"_s;
    case SQLITE_CONSTRAINT:
        return u"the change conflicts with data already recorded"_s;
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return u"permission denied"_s;
    default:
        return u"a database error occurred"_s;
    }
}

} // namespace detail

using namespace detail;

bool DbError::isDiskFull() const
{
    return (code & 0xff) == SQLITE_FULL;
}

bool DbError::isBusy() const
{
    return (code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED;
}

bool DbError::isConstraint() const
{
    return (code & 0xff) == SQLITE_CONSTRAINT;
}

bool DbError::isCorrupt() const
{
    return (code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB;
}

bool DbError::isReadOnly() const
{
    return (code & 0xff) == SQLITE_READONLY;
}

DbError DbError::corrupt(QString message)
{
    return DbError{SQLITE_CORRUPT, std::move(message)};
}

// ---------------------------------------------------------------------------------------------------------
// Statement

namespace {

// Keeps the first failed bind's error in slot for step() to return, so a chain of binds needs no check after each.
void noteBindError(DbError &slot, const Database &db, int rc)
{
    if (rc != SQLITE_OK && slot.code == 0)
        slot = db.error(rc, u"Could not bind a value"_s);
}

} // namespace

Statement::Statement(Database *db, sqlite3_stmt *stmt)
    : m_db(db)
    , m_stmt(stmt)
{
}

Statement::Statement(Statement &&other) noexcept
    : m_db(other.m_db)
    , m_stmt(other.m_stmt)
    , m_bindError(other.m_bindError)
{
    other.m_stmt = nullptr;
}

Statement::~Statement()
{
    if (m_stmt) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
}

Statement &Statement::bind(int index, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    const int rc = sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    noteBindError(m_bindError, *m_db, rc);
    return *this;
}

Statement &Statement::bindOptional(int index, const QString &value)
{
    return value.isEmpty() ? bindNull(index) : bind(index, value);
}

Statement &Statement::bind(int index, const char *utf8)
{
    const int rc = sqlite3_bind_text(m_stmt, index, utf8, -1, SQLITE_STATIC);
    noteBindError(m_bindError, *m_db, rc);
    return *this;
}

Statement &Statement::bind(int index, qint64 value)
{
    const int rc = sqlite3_bind_int64(m_stmt, index, value);
    noteBindError(m_bindError, *m_db, rc);
    return *this;
}

Statement &Statement::bind(int index, const std::optional<qint64> &value)
{
    return value ? bind(index, *value) : bindNull(index);
}

Statement &Statement::bindBlob(int index, const QByteArray &value)
{
    const int rc = sqlite3_bind_blob(m_stmt, index, value.constData(), int(value.size()), SQLITE_TRANSIENT);
    noteBindError(m_bindError, *m_db, rc);
    return *this;
}

Statement &Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

DbResult<bool> Statement::step()
{
    if (m_bindError.code != 0)
        return std::unexpected(m_bindError);
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    return std::unexpected(m_db->error(rc, u"A database operation failed"_s));
}

DbResult<void> Statement::run()
{
    for (;;) {
        auto row = step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return {};
    }
}

QString Statement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!data)
        return {};
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QByteArray Statement::blob(int column) const
{
    const void *data = sqlite3_column_blob(m_stmt, column);
    return QByteArray(static_cast<const char *>(data), sqlite3_column_bytes(m_stmt, column));
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

// ---------------------------------------------------------------------------------------------------------
// Database

Database::Database(sqlite3 *handle, QString path)
    : m_handle(handle)
    , m_path(std::move(path))
{
}

Database::~Database()
{
    for (auto &[sql, stmt] : m_statements)
        sqlite3_finalize(stmt);
    sqlite3_close_v2(m_handle);
    if (m_lockFd >= 0)
        ::close(m_lockFd); // releases the shared lock
}

DbResult<std::unique_ptr<Database>> Database::open(const QString &path, OpenMode mode)
{
    const QFileInfo info(path);
    if (mode == OpenMode::MustExist && !info.exists()) {
        return std::unexpected(
            DbError{SQLITE_CANTOPEN, u"There is no database at %1. Create an event first (checkinctl event create), "
                                     "or pass the right file with --db."_s.arg(path)});
    }
    if (!info.exists()) {
        if (!info.absoluteDir().exists()) {
            return std::unexpected(DbError{
                SQLITE_CANTOPEN,
                u"Cannot create the database %1: the folder %2 does not exist."_s.arg(path, info.absolutePath())});
        }
        if (!createPrivateFile(path)) {
            return std::unexpected(DbError{SQLITE_CANTOPEN, u"Cannot create the database %1: %2."_s.arg(
                                                                path, QString::fromLocal8Bit(strerror(errno)))});
        }
    }

    // Checked before SQLite opens the file: it would fall back to read-only silently, and WAL needs to create
    // files beside the database, so a read-only folder would only fail at the first check-in.
    const QByteArray nativePath = QFile::encodeName(path);
    if (::access(nativePath.constData(), R_OK | W_OK) != 0) {
        return std::unexpected(DbError{
            SQLITE_READONLY,
            u"The database %1 cannot be written by this user (%2): nothing can be recorded. Make the file "
            "readable and writable by the user the kiosk runs as (chmod 600, chown), or pass another file with --db."_s
                .arg(path, QString::fromLocal8Bit(strerror(errno)))});
    }
    if (::access(QFile::encodeName(info.absolutePath()).constData(), W_OK | X_OK) != 0) {
        return std::unexpected(
            DbError{SQLITE_READONLY,
                    u"The folder %1 of the database is read-only (%2): SQLite must create its journal files there. "
                    "Make the folder writable by the user the kiosk runs as, or move the database with --db."_s.arg(
                        info.absolutePath(), QString::fromLocal8Bit(strerror(errno)))});
    }

    // The shared side of the in-use lock (see the class comment), held until the connection closes.
    const int lockFd = openLockFile(path);
    if (lockFd < 0) {
        return std::unexpected(DbError{
            SQLITE_CANTOPEN,
            u"Cannot create the lock file %1 beside the database (%2). Make the folder writable by the user the "
            "kiosk runs as."_s.arg(lockPath(path), QString::fromLocal8Bit(strerror(errno)))});
    }
    int waitedMs = 0;
    while (::flock(lockFd, LOCK_SH | LOCK_NB) != 0) {
        if (const int err = errno; err != EWOULDBLOCK && err != EINTR) {
            ::close(lockFd);
            return std::unexpected(DbError{SQLITE_CANTOPEN, u"Cannot lock the database %1 (%2)."_s.arg(
                                                                path, QString::fromLocal8Bit(strerror(err)))});
        }
        if (waitedMs >= kRestoreWaitMs) {
            ::close(lockFd);
            return std::unexpected(DbError{
                SQLITE_BUSY,
                u"The database %1 is being restored from a backup (checkinctl restore holds it). Try again when "
                "the restore has finished."_s.arg(path)});
        }
        ::usleep(50 * 1000);
        waitedMs += 50;
    }

    sqlite3 *handle = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(nativePath.constData(), &handle, flags, nullptr);
    std::unique_ptr<Database> db(new Database(handle, path));
    db->m_lockFd = lockFd;
    if (rc != SQLITE_OK)
        return std::unexpected(db->error(rc, u"Cannot open the database %1"_s.arg(path)));
    sqlite3_extended_result_codes(handle, 1);
    if (sqlite3_db_readonly(handle, "main") == 1) {
        return std::unexpected(
            DbError{SQLITE_READONLY,
                    u"The database %1 could only be opened read-only: nothing can be recorded. Make the file and its "
                    "folder writable by the user the kiosk runs as, or pass another file with --db."_s.arg(path)});
    }

    if (auto ok = db->configure(); !ok)
        return std::unexpected(ok.error());
    if (auto ok = db->migrate(); !ok)
        return std::unexpected(ok.error());
    return db;
}

DbResult<void> Database::configure()
{
    sqlite3_busy_timeout(m_handle, kBusyTimeoutMs);
    // Reading the header first turns "not a database" into a clear error before we change anything.
    auto check = exec("SELECT count(*) FROM sqlite_schema");
    if (!check)
        return check;
    // WAL lets kiosks read while another writes; FULL makes every commit survive a power cut.
    if (auto ok = exec("PRAGMA journal_mode = WAL"); !ok)
        return ok;
    if (auto ok = exec("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA trusted_schema = OFF"); !ok)
        return ok;
    return {};
}

int Database::schemaVersion()
{
    auto stmt = prepare("PRAGMA user_version");
    if (!stmt)
        return -1;
    auto row = stmt->step();
    return (row && *row) ? int(stmt->int64(0)) : -1;
}

int Database::latestSchemaVersion()
{
    return migrations().back().version;
}

DbResult<void> Database::migrate()
{
    const int latest = latestSchemaVersion();
    if (schemaVersion() == latest)
        return {};

    Transaction tx(*this);
    if (auto ok = tx.begin(); !ok)
        return ok;
    // Read again inside the write lock: another kiosk may have migrated the file meanwhile.
    const int current = schemaVersion();
    if (current > latest) {
        return std::unexpected(
            DbError{SQLITE_MISMATCH,
                    u"The database %1 was written by a newer version of ietf-checkin (schema %2; this program knows "
                    "schema %3 at most). Install the newer version; the file was left unchanged."_s.arg(m_path)
                        .arg(current)
                        .arg(latest)});
    }
    for (const Migration &m : migrations()) {
        if (m.version <= current)
            continue;
        qCDebug(lcDb) << "Migrating" << m_path << "to schema" << m.version;
        if (auto ok = exec(m.sql); !ok)
            return ok;
        const QByteArray pragma = "PRAGMA user_version = " + QByteArray::number(m.version);
        char *message = nullptr;
        const int rc = sqlite3_exec(m_handle, pragma.constData(), nullptr, nullptr, &message);
        sqlite3_free(message);
        if (rc != SQLITE_OK)
            return std::unexpected(error(rc, u"Could not record the schema version"_s));
    }
    return tx.commit();
}

DbResult<Statement> Database::prepare(const char *sql)
{
    if (auto it = m_statements.find(sql); it != m_statements.end())
        return Statement(this, it->second);
    sqlite3_stmt *stmt = nullptr;
    const int rc = sqlite3_prepare_v3(m_handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        qCWarning(lcDb) << "prepare failed:" << sqlite3_errmsg(m_handle) << "in" << sql;
        return std::unexpected(error(rc, u"The database could not run a query"_s));
    }
    m_statements.emplace(sql, stmt);
    return Statement(this, stmt);
}

DbResult<void> Database::exec(const char *sql)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(m_handle, sql, nullptr, nullptr, &message);
    sqlite3_free(message);
    if (rc != SQLITE_OK)
        return std::unexpected(error(rc, u"A database operation failed"_s));
    return {};
}

namespace {

// The rows of a check pragma (integrity_check, quick_check) joined: "ok" or the problems found.
DbResult<QString> checkResult(DbResult<Statement> stmt)
{
    auto lines = collectRows(stmt, [](const Statement &s) { return s.text(0); });
    if (!lines)
        return std::unexpected(lines.error());
    return lines->join(u"; "_s);
}

} // namespace

DbResult<QString> Database::integrityCheck()
{
    return checkResult(prepare("PRAGMA integrity_check(10)"));
}

DbResult<QString> Database::quickCheck()
{
    return checkResult(prepare("PRAGMA quick_check(10)"));
}

bool Database::inTransaction() const
{
    return sqlite3_get_autocommit(m_handle) == 0;
}

qint64 Database::changes() const
{
    return sqlite3_changes64(m_handle);
}

qint64 Database::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_handle);
}

DbError Database::error(int rc, const QString &what) const
{
    const QString detail = QString::fromUtf8(sqlite3_errmsg(m_handle));
    qCWarning(lcDb) << what << "-" << detail << "(code" << rc << ")";
    // A full disk often surfaces as an I/O error (growing the WAL index or a journal file fails), which would send
    // staff looking for a broken disk: when the disk holding the database has no room left, say so.
    if ((rc & 0xff) == SQLITE_IOERR || (rc & 0xff) == SQLITE_FULL) {
        const QStorageInfo storage(QFileInfo(m_path).absolutePath());
        if (storage.isValid() && storage.bytesAvailable() < kLowDiskBytes) {
            return DbError{SQLITE_FULL, u"%1: the disk holding %2 is full (%3 bytes free). Free disk space, then "
                                        "try again (%4)."_s.arg(what, m_path)
                                            .arg(storage.bytesAvailable())
                                            .arg(detail)};
        }
    }
    return DbError{rc, u"%1: %2 (%3)."_s.arg(what, plainReason(rc), detail)};
}

// ---------------------------------------------------------------------------------------------------------
// Transaction

Transaction::Transaction(Database &db)
    : m_db(db)
{
}

Transaction::~Transaction()
{
    if (m_active && m_db.inTransaction())
        (void)m_db.exec("ROLLBACK");
}

DbResult<void> Transaction::begin()
{
    auto ok = m_db.exec("BEGIN IMMEDIATE");
    m_active = ok.has_value();
    return ok;
}

DbResult<void> Transaction::commit()
{
    auto ok = m_db.exec("COMMIT");
    if (ok)
        m_active = false;
    return ok;
}

// ---------------------------------------------------------------------------------------------------------

QString newUid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString utcNowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

} // namespace checkin::db
