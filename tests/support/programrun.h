#pragma once

// Running the project's real binaries from tests (checkinctl, the kiosk): what they printed and how they ended.

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace checkin::test {

// One finished run of a program.
struct ProgramRun
{
    int exitCode = -1; // -1 when it crashed, was killed or did not finish in time
    QByteArray out;    // standard output
    QString err;       // standard error

    // The first line of standard output as a JSON object (the CLI contract: one JSON line).
    [[nodiscard]] QJsonObject json() const;
    // Every non-empty line of standard output as a JSON object.
    [[nodiscard]] QList<QJsonObject> lines() const;
};

// Runs program with args in environment (default: this process's) and waits at most timeoutMs for it.
[[nodiscard]] ProgramRun runProgram(const QString &program, const QStringList &args,
                                    const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
                                    int timeoutMs = 120000);

// The build's checkinctl on database db as kiosk kioskId, in this process's environment without $CHECKIN_VENUE_PG
// (tests name their venue database with --pg), or with venueEnv as $CHECKIN_VENUE_PG when given.
[[nodiscard]] ProgramRun runCheckinctl(const QString &db, const QString &kioskId, const QStringList &args,
                                       const QString &venueEnv = {});

} // namespace checkin::test
