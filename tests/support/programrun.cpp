#include "tests/support/programrun.h"

#include <QJsonDocument>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace checkin::test {

QJsonObject ProgramRun::json() const
{
    return QJsonDocument::fromJson(out.split('\n').first()).object();
}

QList<QJsonObject> ProgramRun::lines() const
{
    QList<QJsonObject> all;
    for (const QByteArray &line : out.split('\n')) {
        if (!line.isEmpty())
            all << QJsonDocument::fromJson(line).object();
    }
    return all;
}

ProgramRun runProgram(const QString &program, const QStringList &args, const QProcessEnvironment &environment,
                      int timeoutMs)
{
    QProcess p;
    p.setProcessEnvironment(environment);
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
    }
    const bool finished = p.exitStatus() == QProcess::NormalExit && p.error() != QProcess::Timedout;
    return ProgramRun{finished ? p.exitCode() : -1, p.readAllStandardOutput(),
                      QString::fromUtf8(p.readAllStandardError())};
}

ProgramRun runCheckinctl(const QString &db, const QString &kioskId, const QStringList &args, const QString &venueEnv)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"CHECKIN_VENUE_PG"_s);
    if (!venueEnv.isEmpty())
        environment.insert(u"CHECKIN_VENUE_PG"_s, venueEnv);
    return runProgram(QStringLiteral(CHECKIN_BINARY_DIR "/kiosk/checkinctl"),
                      QStringList{u"--db"_s, db, u"--kiosk"_s, kioskId} + args, environment);
}

} // namespace checkin::test
