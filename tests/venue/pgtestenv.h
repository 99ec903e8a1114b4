#pragma once

// A private PostgreSQL cluster for one test program: scripts/pg-test-env.sh in a temporary folder (127.0.0.1 only,
// a free port, an unprivileged server user). Header-only test support, the counterpart of CupsTestEnv.

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <unistd.h>

namespace checkin::test {

class PgTestEnv
{
public:
    PgTestEnv()
        : m_dir(QDir::tempPath() + QStringLiteral("/ietf-checkin-pg-XXXXXX"))
    {
        m_dir.setAutoRemove(false); // stop() removes it (the server's files belong to another user)
    }
    ~PgTestEnv() { stop(); }
    PgTestEnv(const PgTestEnv &) = delete;
    PgTestEnv &operator=(const PgTestEnv &) = delete;

    // Starts (or restarts, same port and data) the cluster; false with error() when it could not.
    bool start()
    {
        if (!m_dir.isValid())
            return fail(QStringLiteral("cannot create a temporary folder for PostgreSQL"));
        QString out;
        if (!script({QStringLiteral("start"), m_dir.path()}, &out))
            return false;
        m_conninfo = valueOf(out, QStringLiteral("PG_TEST_CONNINFO"));
        m_port = valueOf(out, QStringLiteral("PG_TEST_PORT"));
        m_password = valueOf(out, QStringLiteral("PG_TEST_PASSWORD"));
        if (m_conninfo.isEmpty())
            return fail(QStringLiteral("pg-test-env.sh did not print a conninfo: ") + out);
        m_stopped = false;
        return true;
    }
    // A new, empty database in the cluster; its conninfo, or empty with error().
    QString createDatabase(const QString &name)
    {
        QString out;
        if (!script({QStringLiteral("createdb"), m_dir.path(), name}, &out))
            return {};
        return valueOf(out, QStringLiteral("PG_TEST_CONNINFO"));
    }
    // Stops the server and keeps the cluster: a venue server that went down.
    bool halt() { return script({QStringLiteral("halt"), m_dir.path()}); }
    // Stops the server and removes the cluster. CHECKIN_KEEP_PG_ENV=1 keeps the folder for a look at the logs.
    void stop()
    {
        if (m_stopped || !m_dir.isValid())
            return;
        if (qEnvironmentVariableIsSet("CHECKIN_KEEP_PG_ENV")) {
            m_stopped = script({QStringLiteral("halt"), m_dir.path()});
            qInfo("PostgreSQL test cluster kept in %s", qPrintable(m_dir.path()));
            return;
        }
        m_stopped = script({QStringLiteral("stop"), m_dir.path()});
        if (!m_stopped)
            m_dir.remove(); // PostgreSQL was never there (not installed): only our empty folder is left
    }

    // True when start() failed because PostgreSQL is not installed (the test skips).
    [[nodiscard]] bool notInstalled() const { return m_notInstalled; }
    [[nodiscard]] QString error() const { return m_error; }
    // "host=127.0.0.1 port=P user=checkin password=… dbname=venue connect_timeout=5"
    [[nodiscard]] QString conninfo() const { return m_conninfo; }
    [[nodiscard]] QString port() const { return m_port; }
    [[nodiscard]] QString password() const { return m_password; }
    [[nodiscard]] QString dir() const { return m_dir.path(); }

private:
    static QString valueOf(const QString &out, const QString &key)
    {
        for (const QString &line : out.split(u'\n')) {
            if (line.startsWith(key + u'='))
                return line.mid(key.size() + 1).trimmed();
        }
        return {};
    }

    bool fail(const QString &message)
    {
        m_error = message;
        return false;
    }

    bool script(const QStringList &args, QString *out = nullptr)
    {
        const QString path = QStringLiteral(CHECKIN_SOURCE_DIR "/scripts/pg-test-env.sh");
        if (!QFileInfo::exists(path))
            return fail(path + QStringLiteral(" is missing"));
        QProcess p;
        // The cluster belongs to this test process: a later start removes it once this process is gone.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PG_TEST_OWNER_PID"), QString::number(::getpid()));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral("bash"), QStringList{path} + args);
        if (!p.waitForFinished(120000)) {
            p.kill();
            p.waitForFinished();
            return fail(QStringLiteral("pg-test-env.sh %1 did not finish within two minutes").arg(args.first()));
        }
        const QString stdOut = QString::fromLocal8Bit(p.readAllStandardOutput());
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            m_notInstalled = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 77;
            return fail(QStringLiteral("pg-test-env.sh %1 failed: %2%3")
                            .arg(args.first(), QString::fromLocal8Bit(p.readAllStandardError()), stdOut));
        }
        if (out)
            *out = stdOut;
        return true;
    }

    QTemporaryDir m_dir;
    QString m_conninfo;
    QString m_port;
    QString m_password;
    QString m_error;
    bool m_stopped = false;
    bool m_notInstalled = false;
};

} // namespace checkin::test
