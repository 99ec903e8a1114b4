#include "db/venue/venueconnection.h"

#include <QLoggingCategory>

#include <libpq-fe.h>

#include <vector>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcVenue, "checkin.venue", QtInfoMsg)

namespace checkin::venue {

namespace {

// The parts of a connection string a message may name (never the password).
struct Target
{
    QString host;
    QString port;
    QString dbname;
    QString user;

    [[nodiscard]] QString where() const
    {
        const QString h = host.isEmpty() ? u"localhost"_s : host;
        return port.isEmpty() ? h : h + u':' + port;
    }
};

Target parseTarget(const QByteArray &conninfo)
{
    Target t;
    char *err = nullptr;
    PQconninfoOption *options = PQconninfoParse(conninfo.constData(), &err);
    if (err)
        PQfreemem(err);
    if (!options)
        return t;
    for (PQconninfoOption *o = options; o->keyword; ++o) {
        if (!o->val)
            continue;
        const QString value = QString::fromUtf8(o->val);
        const QByteArray key(o->keyword);
        if (key == "host" || (key == "hostaddr" && t.host.isEmpty()))
            t.host = value;
        else if (key == "port")
            t.port = value;
        else if (key == "dbname")
            t.dbname = value;
        else if (key == "user")
            t.user = value;
    }
    PQconninfoFree(options);
    return t;
}

// libpq reports connection failures as text only; these fragments are libpq's and the server's own (C locale).
VenueError connectError(const QString &serverText, const Target &t)
{
    const QString text = serverText.trimmed();
    const auto has = [&](const char *fragment) {
        return text.contains(QLatin1StringView(fragment), Qt::CaseInsensitive);
    };
    const QString detail = u" (PostgreSQL said: %1)"_s.arg(text.section(u'\n', 0, 0));
    if (has("password authentication failed") || has("authentication failed") || has("no password supplied")
        || (has("role \"") && has("does not exist")) || has("no pg_hba.conf entry")) {
        return {VenueError::Kind::AuthFailed,
                u"The venue database at %1 refused the login of user \"%2\": check the user name and password in "
                "the venue connection settings."_s.arg(t.where(), t.user)
                    + detail,
                {}};
    }
    if (has("database \"") && has("does not exist")) {
        return {VenueError::Kind::NoDatabase,
                u"The venue database \"%1\" does not exist on %2: create it (createdb %1) or correct dbname in the "
                "venue connection settings."_s.arg(t.dbname, t.where())
                    + detail,
                {}};
    }
    return {
        VenueError::Kind::Unreachable,
        u"The venue database server at %1 is not answering: check that PostgreSQL is running there and that "
        "this machine is on the venue network. Kiosks keep working on their own database meanwhile."_s.arg(t.where())
            + detail,
        {}};
}

} // namespace

// ---------------------------------------------------------------------------------------------------------
// VenueParam

VenueParam VenueParam::bytes(const QByteArray &value)
{
    VenueParam p;
    p.m_value = value;
    p.m_binary = true;
    return p;
}

VenueParam VenueParam::textOrNull(const QString &value)
{
    VenueParam p;
    p.m_value = value.toUtf8();
    p.m_null = value.isEmpty();
    return p;
}

// ---------------------------------------------------------------------------------------------------------
// VenueRows

VenueRows::VenueRows(VenueRows &&other) noexcept
    : m_result(other.m_result)
{
    other.m_result = nullptr;
}

VenueRows &VenueRows::operator=(VenueRows &&other) noexcept
{
    if (this != &other) {
        if (m_result)
            PQclear(m_result);
        m_result = other.m_result;
        other.m_result = nullptr;
    }
    return *this;
}

VenueRows::~VenueRows()
{
    if (m_result)
        PQclear(m_result);
}

int VenueRows::count() const
{
    return m_result ? PQntuples(m_result) : 0;
}

QString VenueRows::text(int row, int column) const
{
    return QString::fromUtf8(PQgetvalue(m_result, row, column), PQgetlength(m_result, row, column));
}

qint64 VenueRows::int64(int row, int column) const
{
    return QByteArray(PQgetvalue(m_result, row, column)).toLongLong();
}

bool VenueRows::boolean(int row, int column) const
{
    return PQgetvalue(m_result, row, column)[0] == 't';
}

QByteArray VenueRows::bytes(int row, int column) const
{
    size_t length = 0;
    unsigned char *raw = PQunescapeBytea(reinterpret_cast<const unsigned char *>(PQgetvalue(m_result, row, column)),
                                         &length);
    if (!raw)
        return {};
    QByteArray value(reinterpret_cast<const char *>(raw), qsizetype(length));
    PQfreemem(raw);
    return value;
}

bool VenueRows::isNull(int row, int column) const
{
    return PQgetisnull(m_result, row, column) != 0;
}

qint64 VenueRows::affected() const
{
    return m_result ? QByteArray(PQcmdTuples(m_result)).toLongLong() : 0;
}

// ---------------------------------------------------------------------------------------------------------
// VenueConnection

VenueResult<std::unique_ptr<VenueConnection>> VenueConnection::open(const QString &conninfo)
{
    const QByteArray info = conninfo.toUtf8();
    char *parseError = nullptr;
    PQconninfoOption *parsed = PQconninfoParse(info.constData(), &parseError);
    if (!parsed) {
        const QString why = parseError ? QString::fromUtf8(parseError).trimmed() : u"out of memory"_s;
        if (parseError)
            PQfreemem(parseError);
        return std::unexpected(VenueError{
            VenueError::Kind::BadSettings,
            u"The venue connection settings cannot be read (%1): write them as \"host=… port=… dbname=… user=… "
            "password=…\" or as a postgresql:// address."_s.arg(why),
            {}});
    }
    PQconninfoFree(parsed);

    // Entries before dbname are defaults the connection string may override; those after it always apply.
    // A network that drops without closing the connection (a cable pulled, Wi-Fi gone) must not hold a kiosk's
    // sync or a dashboard for the ~15 minutes TCP retransmission takes: data unacknowledged for 10 s, or an idle
    // link whose keepalives (after 5 s, every 2 s, 3 lost) go unanswered, ends the connection as unreachable.
    const QByteArray timeout = QByteArray::number(kConnectTimeoutSeconds);
    const char *keywords[] = {
        "connect_timeout",  "keepalives",       "keepalives_idle", "keepalives_interval", "keepalives_count",
        "tcp_user_timeout", "application_name", "dbname",          "client_encoding",     nullptr};
    const char *values[] = {timeout.constData(), "1",    "5",    "2", "3", "10000", "ietf-checkin",
                            info.constData(),    "UTF8", nullptr};
    PGconn *conn = PQconnectdbParams(keywords, values, 1);
    if (!conn)
        return std::unexpected(
            VenueError{VenueError::Kind::Failed, u"Out of memory connecting to the venue database."_s, {}});
    if (PQstatus(conn) != CONNECTION_OK) {
        const QString text = QString::fromUtf8(PQerrorMessage(conn));
        PQfinish(conn);
        qCDebug(lcVenue) << "connect failed:" << text;
        return std::unexpected(connectError(text, parseTarget(info)));
    }
    // Server notices ("relation already exists, skipping") go to the log, not to a command's standard error.
    PQsetNoticeProcessor(
        conn, [](void *, const char *message) { qCDebug(lcVenue) << "notice:" << message; }, nullptr);
    auto connection = std::unique_ptr<VenueConnection>(new VenueConnection(conn));
    // Times go in and out as UTC, like every time in the kiosks' SQLite files.
    if (auto ok = connection->exec("SET TIME ZONE 'UTC'"); !ok)
        return std::unexpected(ok.error());
    return connection;
}

VenueConnection::~VenueConnection()
{
    PQfinish(m_conn);
}

VenueResult<VenueRows> VenueConnection::exec(const char *sql, const QList<VenueParam> &params)
{
    std::vector<const char *> values;
    std::vector<int> lengths;
    std::vector<int> formats;
    values.reserve(size_t(params.size()));
    for (const VenueParam &p : params) {
        values.push_back(p.isNull() ? nullptr : p.value().constData());
        lengths.push_back(int(p.value().size()));
        formats.push_back(p.isBinary() ? 1 : 0);
    }
    PGresult *result = PQexecParams(m_conn, sql, int(params.size()), nullptr, values.data(), lengths.data(),
                                    formats.data(), 0);
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        return VenueRows(result);
    VenueError error = errorFor(result, sql);
    if (result)
        PQclear(result);
    return std::unexpected(error);
}

VenueError VenueConnection::errorFor(pg_result *result, const char *sql) const
{
    const QString text = QString::fromUtf8(result ? PQresultErrorMessage(result) : PQerrorMessage(m_conn)).trimmed();
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const QString sqlState = state ? QString::fromLatin1(state) : QString();
    qCDebug(lcVenue) << "statement failed:" << sql << text;
    if (PQstatus(m_conn) == CONNECTION_BAD || sqlState.startsWith(u"08"_s) || sqlState == u"57P01"_s) {
        return {VenueError::Kind::Unreachable,
                u"The connection to the venue database (%1) was lost: nothing of this step was saved there; do it "
                "again once the server answers (PostgreSQL said: %2)."_s.arg(describe(), text.section(u'\n', 0, 0)),
                sqlState};
    }
    return {VenueError::Kind::Failed,
            u"The venue database (%1) refused a change: %2"_s.arg(describe(), text.section(u'\n', 0, 0)), sqlState};
}

QString VenueConnection::describe() const
{
    const QString host = QString::fromUtf8(PQhost(m_conn));
    const QString port = QString::fromUtf8(PQport(m_conn));
    return u"%1 on %2:%3"_s.arg(QString::fromUtf8(PQdb(m_conn)), host.startsWith(u'/') ? u"localhost"_s : host, port);
}

QString VenueConnection::serverVersion() const
{
    const int v = PQserverVersion(m_conn);
    return u"%1.%2"_s.arg(v / 10000).arg(v % 10000);
}

// ---------------------------------------------------------------------------------------------------------
// VenueTransaction

VenueTransaction::~VenueTransaction()
{
    if (m_active)
        (void)m_conn.exec("ROLLBACK");
}

VenueResult<void> VenueTransaction::begin()
{
    if (auto ok = m_conn.exec("BEGIN"); !ok)
        return std::unexpected(ok.error());
    m_active = true;
    return {};
}

VenueResult<void> VenueTransaction::commit()
{
    auto ok = m_conn.exec("COMMIT");
    m_active = false;
    if (!ok)
        return std::unexpected(ok.error());
    return {};
}

} // namespace checkin::venue
