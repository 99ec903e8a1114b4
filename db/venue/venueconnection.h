#pragma once

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>

#include <expected>
#include <memory>
#include <optional>

struct pg_conn;
struct pg_result;

namespace checkin::venue {

// A failed call to the venue database, as a sentence a staff member can act on, and its kind for the callers that
// must tell "the server is down" (keep working offline, retry later) from "fix the settings" or "update the program".
struct VenueError
{
    enum class Kind {
        Unreachable,    // server down, network gone, connection lost or timed out: retry later
        AuthFailed,     // user or password refused
        NoDatabase,     // the database named in the settings does not exist
        BadSettings,    // the connection string cannot be understood
        NotInitialised, // no ietf-checkin schema yet: run 'checkinctl venue init'
        SchemaTooNew,   // written by a newer ietf-checkin: update this program
        Conflict,       // the data contradicts what the venue database holds (nothing was changed)
        Failed,         // any other server error
    };
    Kind kind = Kind::Failed;
    QString message;
    QString sqlState; // five-character SQLSTATE when the server sent one

    [[nodiscard]] bool isUnreachable() const { return kind == Kind::Unreachable; }
};

template<typename T>
using VenueResult = std::expected<T, VenueError>;

// One query parameter, sent to the server separately from the SQL text (never formatted into it).
class VenueParam
{
public:
    // Implicit on purpose, so a call reads exec(sql, {eventId, name, day}). Sent as text; the server converts it to
    // the column's type (a date as YYYY-MM-DD, an invalid date as NULL; times as ISO 8601 text).
    VenueParam(const QString &text)
        : m_value(text.toUtf8())
    {
    }
    VenueParam(const char *utf8)
        : m_value(utf8)
    {
    }
    VenueParam(qint64 value)
        : m_value(QByteArray::number(value))
    {
    }
    VenueParam(int value)
        : m_value(QByteArray::number(value))
    {
    }
    VenueParam(bool value)
        : m_value(value ? "true" : "false")
    {
    }
    VenueParam(const QDate &date)
        : m_value(date.toString(Qt::ISODate).toUtf8())
        , m_null(!date.isValid())
    {
    }
    // SQL NULL.
    VenueParam(std::nullopt_t)
        : m_null(true)
    {
    }
    // Raw bytes for a bytea column (sent in binary format).
    static VenueParam bytes(const QByteArray &value);
    // Text, or NULL when empty (optional columns such as revoked_at).
    static VenueParam textOrNull(const QString &value);

    // The bytes sent: UTF-8 text, or raw bytes when isBinary().
    [[nodiscard]] const QByteArray &value() const { return m_value; }
    [[nodiscard]] bool isNull() const { return m_null; }
    [[nodiscard]] bool isBinary() const { return m_binary; }

private:
    VenueParam() = default;
    QByteArray m_value;
    bool m_null = false;
    bool m_binary = false;
};

// The rows a statement returned (text format). Owns the libpq result.
class VenueRows
{
public:
    VenueRows(VenueRows &&other) noexcept;
    VenueRows &operator=(VenueRows &&other) noexcept;
    VenueRows(const VenueRows &) = delete;
    VenueRows &operator=(const VenueRows &) = delete;
    ~VenueRows();

    // Number of rows.
    [[nodiscard]] int count() const;
    // A column as text (a NULL reads as empty: ask isNull()).
    [[nodiscard]] QString text(int row, int column) const;
    // An integer column (bigint, integer, count(*)).
    [[nodiscard]] qint64 int64(int row, int column) const;
    // A boolean column.
    [[nodiscard]] bool boolean(int row, int column) const;
    // A bytea column, decoded.
    [[nodiscard]] QByteArray bytes(int row, int column) const;
    [[nodiscard]] bool isNull(int row, int column) const;
    // Rows an INSERT/UPDATE changed (its command tag).
    [[nodiscard]] qint64 affected() const;

private:
    friend class VenueConnection;
    explicit VenueRows(pg_result *result)
        : m_result(result)
    {
    }
    pg_result *m_result = nullptr;
};

// One connection to the venue's PostgreSQL database (libpq). Not thread-safe: one per thread.
class VenueConnection
{
public:
    // Default seconds to wait for the server before calling it unreachable (a kiosk must not hang on a dead link).
    static constexpr int kConnectTimeoutSeconds = 5;

    // Connects with a libpq connection string ("host=… port=… dbname=… user=… password=…" or a postgresql:// URI).
    // Its connect_timeout, if any, wins over the default.
    [[nodiscard]] static VenueResult<std::unique_ptr<VenueConnection>> open(const QString &conninfo);
    ~VenueConnection();
    VenueConnection(const VenueConnection &) = delete;
    VenueConnection &operator=(const VenueConnection &) = delete;

    // Runs one statement with its parameters ($1, $2, …).
    [[nodiscard]] VenueResult<VenueRows> exec(const char *sql, const QList<VenueParam> &params = {});
    // Where this connection goes, without the password: "venue on 127.0.0.1:5432".
    [[nodiscard]] QString describe() const;
    // The server's version, e.g. "15.18".
    [[nodiscard]] QString serverVersion() const;

private:
    explicit VenueConnection(pg_conn *conn)
        : m_conn(conn)
    {
    }
    VenueError errorFor(pg_result *result, const char *sql) const;

    pg_conn *m_conn;
};

// BEGIN … COMMIT on the venue database. Rolls back when destroyed uncommitted.
class VenueTransaction
{
public:
    explicit VenueTransaction(VenueConnection &conn)
        : m_conn(conn)
    {
    }
    ~VenueTransaction();
    VenueTransaction(const VenueTransaction &) = delete;
    VenueTransaction &operator=(const VenueTransaction &) = delete;

    // Starts the transaction.
    [[nodiscard]] VenueResult<void> begin();
    // Commits: everything since begin() is in the venue database, or (on error) none of it.
    [[nodiscard]] VenueResult<void> commit();

private:
    VenueConnection &m_conn;
    bool m_active = false;
};

} // namespace checkin::venue
