#pragma once

// What every checkinctl command shares: the command line it was given, exit statuses, output, and finding the
// database, event, guest and layout a command works on.

#include "kiosk/common/csvreader.h"

#include "db/database.h"
#include "db/records.h"
#include "printing/badgelayout.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <expected>
#include <memory>

namespace checkin::ctl {

// Exit statuses: success (guest admitted), guest refused, usage or system error.
inline constexpr int kOk = 0;
inline constexpr int kRefused = 1;
inline constexpr int kFailed = 2;

// Everything a command needs from the command line.
struct Context
{
    QCommandLineParser &parser;
    QStringList args; // positional arguments after the command (and sub-command)
    QString dbPath;
    QString kioskId;

    [[nodiscard]] QString value(const char *name) const { return parser.value(QString::fromLatin1(name)); }
    [[nodiscard]] bool isSet(const char *name) const { return parser.isSet(QString::fromLatin1(name)); }
};

// The database and the event a command works on (--db, --event).
struct OpenedEvent
{
    std::unique_ptr<db::Database> db;
    db::EventRecord event;
};

// One line of JSON on standard output, flushed.
void printJson(const QJsonObject &o);
// "checkinctl: message" on standard error; returns code, the exit status.
int fail(const QString &message, int code = kFailed);

// $CHECKIN_DB, else checkin.sqlite in the application data folder.
[[nodiscard]] QString defaultDbPath();
// $CHECKIN_KIOSK, else the host name.
[[nodiscard]] QString defaultKioskId();
// Who the staff action log names for a change: --actor NAME, else the operating-system user (the one who ran sudo,
// under sudo), else "checkinctl".
[[nodiscard]] QString actorName(const Context &ctx);

[[nodiscard]] std::expected<std::unique_ptr<db::Database>, QString> openDb(
    const Context &ctx, db::Database::OpenMode mode = db::Database::OpenMode::MustExist);
// --event N, else the latest event of the database.
[[nodiscard]] std::expected<db::EventRecord, QString> chooseEvent(db::Database &db, const Context &ctx);
[[nodiscard]] std::expected<OpenedEvent, QString> openEvent(const Context &ctx);
[[nodiscard]] QJsonObject eventJson(const db::EventRecord &e);

[[nodiscard]] QJsonArray problemsJson(const QList<CsvProblem> &problems);
// A file that was not imported: each listed problem on stderr and in the JSON line, then how many more there were.
void printRejectedFile(const QString &path, const QList<CsvProblem> &problems, int unlisted, const QString &message);

// Finds the guest named on the command line in the chosen event: by external id, e-mail address or an unambiguous
// name (GuestFinder); an ambiguous name's message lists the candidates, one per line.
[[nodiscard]] std::expected<db::GuestRecord, QString> chooseGuest(db::Database &db, const db::EventRecord &event,
                                                                  const QString &id);
// The event and the guest its command's one argument names (chooseGuest), for the commands about one guest.
struct OpenedGuest : OpenedEvent
{
    db::GuestRecord guest;
};
[[nodiscard]] std::expected<OpenedGuest, QString> openGuest(const Context &ctx);
// --layout NAME|FILE, else the built-in fallback.
[[nodiscard]] std::expected<BadgeLayout, QString> chooseLayout(const Context &ctx, const QString &fallback);
// Writes bytes to --out and prints result with "out" and "bytes" added.
int writeOutput(const Context &ctx, const QByteArray &bytes, QJsonObject result);

} // namespace checkin::ctl
