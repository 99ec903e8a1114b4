#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <expected>
#include <memory>
#include <optional>
#include <type_traits>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace checkin::db {

// A failed database call: the SQLite result code (for the few callers that must tell "disk full" or
// "busy" apart) and a sentence a staff member can act on.
struct DbError
{
    int code = 0;
    QString message;

    [[nodiscard]] bool isDiskFull() const;
    [[nodiscard]] bool isBusy() const;
    [[nodiscard]] bool isConstraint() const;
    // The file is damaged or is not a database at all.
    [[nodiscard]] bool isCorrupt() const;
    // The file or its folder cannot be written.
    [[nodiscard]] bool isReadOnly() const;

    // A "damaged database" error with message, for problems found by a check rather than by SQLite's result code.
    [[nodiscard]] static DbError corrupt(QString message);
};

template<typename T>
using DbResult = std::expected<T, DbError>;

class Database;

// A prepared statement borrowed from the database's cache. Reset and unbound when it goes out of scope,
// so the same SQL text is compiled once per connection.
class Statement
{
public:
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&) = delete;
    Statement(const Statement &) = delete;
    ~Statement();

    // Binds a value to the 1-based parameter index (a null QString binds empty text).
    Statement &bind(int index, const QString &value);
    // Binds text, or SQL NULL when value is empty.
    Statement &bindOptional(int index, const QString &value);
    Statement &bind(int index, const char *utf8);
    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    Statement &bindBlob(int index, const QByteArray &value);
    Statement &bindNull(int index);
    Statement &bind(int index, const std::optional<qint64> &value);

    // Steps once: true when a row is available, false when done.
    [[nodiscard]] DbResult<bool> step();
    // Steps to completion, for statements that return no rows.
    [[nodiscard]] DbResult<void> run();

    [[nodiscard]] QString text(int column) const;
    [[nodiscard]] qint64 int64(int column) const;
    [[nodiscard]] QByteArray blob(int column) const;
    [[nodiscard]] bool isNull(int column) const;

private:
    friend class Database;
    Statement(Database *db, sqlite3_stmt *stmt);

    Database *m_db;
    sqlite3_stmt *m_stmt;
    DbError m_bindError;
};

// What a database file holds, read without changing it (Database::inspectFile).
struct FileReport
{
    struct Event
    {
        int number = 0;
        QByteArray verifyKey;
    };
    qint64 applicationId = 0;      // PRAGMA application_id: Database::kApplicationId for our files
    int schemaVersion = 0;         // PRAGMA user_version
    bool hasCheckinTables = false; // event, guest, invitation, attendance and scan_log (files before schema 3)
    QString quickCheck;            // "ok" or the first problems PRAGMA quick_check found
    QList<Event> events;           // every event in the file, by number (read only from a check-in database)

    // An ietf-checkin database this build can open: our application id, a schema we know, quick_check ok.
    [[nodiscard]] bool isUsableCheckinDatabase() const;
    // Why it is not, as a sentence ("" when it is).
    [[nodiscard]] QString problem() const;
};

// One SQLite connection: WAL, foreign keys on, synchronous=FULL (a committed check-in survives power loss),
// a busy timeout so several kiosk processes can share the file, schema migrated on open.
//
// Every connection opened with open() holds a shared lock (flock) on "<database>.lock" beside the file until it
// is closed, and the operating system drops it when a process dies. Restoring a backup takes the same lock
// exclusively (DatabaseInUseLock), so a restore can never replace a file that a kiosk, print worker or checkinctl
// has open, and no one can open the file while it is being replaced.
class Database
{
public:
    enum class OpenMode { CreateIfMissing, MustExist };

    // PRAGMA application_id of every ietf-checkin database ("IEFC"), set by schema version 3.
    static constexpr qint64 kApplicationId = 0x49454643;

    // Opens (and if allowed creates, mode 0600) the database file and migrates it to the current schema.
    [[nodiscard]] static DbResult<std::unique_ptr<Database>> open(const QString &path,
                                                                  OpenMode mode = OpenMode::MustExist);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Returns a cached prepared statement for sql (which must be a string literal: it is the cache key).
    [[nodiscard]] DbResult<Statement> prepare(const char *sql);
    // Runs one or more statements that take no parameters (schema, pragmas).
    [[nodiscard]] DbResult<void> exec(const char *sql);

    // The file this connection is open on.
    [[nodiscard]] QString path() const { return m_path; }
    // The schema version written in the file (PRAGMA user_version).
    [[nodiscard]] int schemaVersion();
    // The newest schema version this build knows.
    [[nodiscard]] static int latestSchemaVersion();
    // PRAGMA integrity_check: "ok" or the first problems found.
    [[nodiscard]] DbResult<QString> integrityCheck();
    // PRAGMA quick_check (integrity_check without the index cross-checks, fast enough for every start-up):
    // "ok" or the first problems found.
    [[nodiscard]] DbResult<QString> quickCheck();
    // Copies the whole database to a new file at path (mode 0600) with SQLite's online backup API: a consistent
    // snapshot even while other connections write, as one self-contained file (no -wal beside it). Written under
    // a temporary name and renamed, so path is either the complete copy or untouched.
    [[nodiscard]] DbResult<void> backupTo(const QString &path);
    // The same copy of the database file at source, opened read-only (never migrated or changed): another
    // kiosk's file brought on a USB stick, read through a migrated copy.
    [[nodiscard]] static DbResult<void> copyFile(const QString &source, const QString &path);
    // Opens the file at path read-only, without migrating or changing it, and runs PRAGMA quick_check:
    // "ok" or the problems found. A file that is not a database at all is an error.
    [[nodiscard]] static DbResult<QString> checkFile(const QString &path);
    // Opens the file at path read-only, without migrating or changing it, and says what it is: application id,
    // schema version, quick_check and (for a check-in database) its events. An empty file, or one that is not
    // SQLite at all, is an error.
    [[nodiscard]] static DbResult<FileReport> inspectFile(const QString &path);
    // The lock file of the database at path ("<canonical path>.lock"; symlinks resolved).
    [[nodiscard]] static QString lockPath(const QString &path);
    // True while a transaction is open (SQLite ends one by itself after some errors, such as a full disk).
    [[nodiscard]] bool inTransaction() const;
    // Number of rows changed by the last INSERT/UPDATE/DELETE.
    [[nodiscard]] qint64 changes() const;
    // Rowid of the last INSERT.
    [[nodiscard]] qint64 lastInsertId() const;

    // An error for result code rc, with SQLite's own text appended for the log and a plain first sentence.
    [[nodiscard]] DbError error(int rc, const QString &what) const;

private:
    explicit Database(sqlite3 *handle, QString path);
    DbResult<void> configure();
    DbResult<void> migrate();

    sqlite3 *m_handle;
    QString m_path;
    int m_lockFd = -1; // shared flock on lockPath(m_path) while open
    std::unordered_map<const char *, sqlite3_stmt *> m_statements;
};

// The exclusive side of the lock every open Database holds: taken only when no connection, in any process, has
// the database open, and held while its file is replaced. Released when destroyed.
class DatabaseInUseLock
{
public:
    // Tries to take the lock on the database at path without waiting. The error says the file is in use.
    [[nodiscard]] static DbResult<std::unique_ptr<DatabaseInUseLock>> tryExclusive(const QString &path);
    ~DatabaseInUseLock();
    DatabaseInUseLock(const DatabaseInUseLock &) = delete;
    DatabaseInUseLock &operator=(const DatabaseInUseLock &) = delete;

private:
    explicit DatabaseInUseLock(int fd)
        : m_fd(fd)
    {
    }
    int m_fd;
};

// BEGIN IMMEDIATE … COMMIT. Rolls back when destroyed uncommitted, so an early return loses nothing
// half-written. IMMEDIATE takes the write lock up front: two kiosks never deadlock upgrading a read lock.
class Transaction
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    // Starts the transaction (waits up to the busy timeout for other writers).
    [[nodiscard]] DbResult<void> begin();
    // Commits; after success the transaction is durable on disk.
    [[nodiscard]] DbResult<void> commit();

private:
    Database &m_db;
    bool m_active = false;
};

// Steps stmt to the end, turning each row into a value with read(const Statement &).
template<typename Fn>
auto collectRows(DbResult<Statement> &stmt, Fn read) -> DbResult<QList<std::invoke_result_t<Fn, const Statement &>>>
{
    using T = std::invoke_result_t<Fn, const Statement &>;
    if (!stmt)
        return std::unexpected(stmt.error());
    QList<T> values;
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return values;
        values << read(*stmt);
    }
}

// The first row of stmt turned into a value with read(const Statement &), or nullopt when there is none.
template<typename Fn>
auto firstRow(DbResult<Statement> &stmt, Fn read)
    -> DbResult<std::optional<std::invoke_result_t<Fn, const Statement &>>>
{
    using T = std::invoke_result_t<Fn, const Statement &>;
    if (!stmt)
        return std::unexpected(stmt.error());
    auto row = stmt->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::optional<T>{};
    return std::optional<T>{read(*stmt)};
}

// A fresh globally unique id for rows a kiosk creates (attendance, scan log, print jobs, staff actions).
[[nodiscard]] QString newUid();
// Current UTC time as stored in the database: 2026-11-02T08:15:30.123Z.
[[nodiscard]] QString utcNowText();

} // namespace checkin::db
