#pragma once

// A private cupsd for one test program: scripts/cups-test-env.sh in a temporary folder (127.0.0.1 only, queues
// "badges" and "agendas" printing through cups-pdf into folders we can look at). Header-only test support.

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>

namespace checkin::test {

class CupsTestEnv
{
public:
    CupsTestEnv()
        : m_dir(QDir::tempPath() + QStringLiteral("/ietf-checkin-cups-XXXXXX"))
    {
        m_dir.setAutoRemove(false); // cleanup() removes it (cupsd's files are not all ours to delete)
    }
    ~CupsTestEnv() { cleanup(); }
    CupsTestEnv(const CupsTestEnv &) = delete;
    CupsTestEnv &operator=(const CupsTestEnv &) = delete;

    // Starts (or restarts, same port and queues) the private cupsd; false with error() when it could not.
    bool start()
    {
        if (!m_dir.isValid())
            return fail(QStringLiteral("cannot create a temporary folder for cupsd"));
        QString out;
        if (!script(QStringLiteral("start"), &out))
            return false;
        for (const QString &line : out.split(u'\n')) {
            const qsizetype eq = line.indexOf(u'=');
            if (eq < 0)
                continue;
            const QString key = line.left(eq);
            const QString value = line.mid(eq + 1).trimmed();
            if (key == QStringLiteral("CUPS_TEST_SERVER"))
                m_server = value;
        }
        if (m_server.isEmpty())
            return fail(QStringLiteral("cups-test-env.sh did not say where cupsd listens: ") + out);
        return true;
    }
    // Stops cupsd gracefully, keeping queues and jobs.
    bool stop() { return script(QStringLiteral("stop")); }
    // Kills cupsd with SIGKILL: a print server that crashed.
    bool kill() { return script(QStringLiteral("kill")); }
    // Stops cupsd and removes everything, including the per-queue cups-pdf settings in /etc/cups.
    void cleanup()
    {
        if (m_cleaned || !m_dir.isValid())
            return;
        // For a look at cupsd's logs and the printed PDFs after a failure: CHECKIN_KEEP_CUPS_ENV=1 keeps the
        // folder (cupsd is stopped; `scripts/cups-test-env.sh cleanup DIR` removes the rest).
        if (qEnvironmentVariableIsSet("CHECKIN_KEEP_CUPS_ENV")) {
            m_cleaned = script(QStringLiteral("stop"));
            qInfo("cups test environment kept in %s", qPrintable(m_dir.path()));
            return;
        }
        m_cleaned = script(QStringLiteral("cleanup"));
    }

    [[nodiscard]] QString error() const { return m_error; }
    // "127.0.0.1:PORT"
    [[nodiscard]] QString server() const { return m_server; }
    [[nodiscard]] QString dir() const { return m_dir.path(); }
    // Where cups-pdf writes what queue prints: one "job_<id>-<title>.pdf" per completed job.
    [[nodiscard]] QString outDir(const QString &queue) const { return m_dir.path() + QStringLiteral("/out/") + queue; }
    // The PDFs queue has printed whose file name contains `part` (case-insensitive: cups-pdf lower-cases names).
    [[nodiscard]] QStringList printed(const QString &queue, const QString &part = {}) const
    {
        QStringList files;
        const QDir out(outDir(queue));
        for (const QString &name : out.entryList({QStringLiteral("*.pdf")}, QDir::Files, QDir::Name)) {
            if (part.isEmpty() || name.contains(part, Qt::CaseInsensitive))
                files << out.absoluteFilePath(name);
        }
        return files;
    }
    // Runs a CUPS admin tool against this server: cupsenable, cupsdisable, cupsaccept, cupsreject, cancel, lpstat.
    bool admin(const QString &tool, const QStringList &args, QString *output = nullptr)
    {
        QProcess p;
        p.start(tool, QStringList{QStringLiteral("-h"), m_server} + args);
        if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            m_error = tool + QLatin1Char(' ') + args.join(QLatin1Char(' ')) + QStringLiteral(" failed: ")
                      + QString::fromLocal8Bit(p.readAllStandardError());
            return false;
        }
        if (output)
            *output = QString::fromLocal8Bit(p.readAllStandardOutput());
        return true;
    }
    // The last lines of cupsd's error log, for failure messages.
    [[nodiscard]] QString logTail() const
    {
        QFile f(m_dir.path() + QStringLiteral("/log/error_log"));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        const QStringList lines = QString::fromUtf8(f.readAll()).split(u'\n');
        return lines.mid(std::max<qsizetype>(0, lines.size() - 15)).join(u'\n');
    }

    // Waits until cond() holds, up to timeoutMs; true when it did.
    template<typename Cond>
    static bool waitFor(Cond cond, int timeoutMs = 30000)
    {
        QElapsedTimer t;
        t.start();
        while (!cond()) {
            if (t.elapsed() > timeoutMs)
                return false;
            QThread::msleep(100);
        }
        return true;
    }

private:
    bool fail(const QString &message)
    {
        m_error = message;
        return false;
    }

    bool script(const QString &command, QString *out = nullptr)
    {
        const QString path = QStringLiteral(CHECKIN_SOURCE_DIR "/scripts/cups-test-env.sh");
        if (!QFileInfo::exists(path))
            return fail(path + QStringLiteral(" is missing"));
        QProcess p;
        p.start(QStringLiteral("bash"), {path, command, m_dir.path()});
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            return fail(QStringLiteral("cups-test-env.sh %1 did not finish within a minute").arg(command));
        }
        const QString stdOut = QString::fromLocal8Bit(p.readAllStandardOutput());
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            return fail(QStringLiteral("cups-test-env.sh %1 failed: %2%3")
                            .arg(command, QString::fromLocal8Bit(p.readAllStandardError()), stdOut));
        }
        if (out)
            *out = stdOut;
        return true;
    }

    QTemporaryDir m_dir;
    QString m_server;
    QString m_error;
    bool m_cleaned = false;
};

} // namespace checkin::test
