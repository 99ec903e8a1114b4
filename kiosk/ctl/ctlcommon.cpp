#include "kiosk/ctl/ctlcommon.h"

#include "kiosk/guests/guestfinder.h"
#include "kiosk/storage/databasehealth.h"
#include "printing/savefile.h"

#include "db/database.h"
#include "db/eventstore.h"
#include "db/gueststore.h"
#include "db/records.h"
#include "printing/badgelayout.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QSysInfo>

#include <cstdio>

#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace checkin::ctl {

void printJson(const QJsonObject &o)
{
    const QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

int fail(const QString &message, int code)
{
    std::fprintf(stderr, "checkinctl: %s\n", qPrintable(message));
    return code;
}

QString defaultDbPath()
{
    const QString env = qEnvironmentVariable("CHECKIN_DB");
    if (!env.isEmpty())
        return env;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(u"checkin.sqlite"_s);
}

QString defaultKioskId()
{
    const QString env = qEnvironmentVariable("CHECKIN_KIOSK");
    return env.isEmpty() ? QSysInfo::machineHostName() : env;
}

QString actorName(const Context &ctx)
{
    const QString given = ctx.value("actor").trimmed();
    if (!given.isEmpty())
        return given.left(100);
    const QString sudoUser = qEnvironmentVariable("SUDO_USER");
    if (!sudoUser.isEmpty())
        return sudoUser;
    if (const passwd *user = ::getpwuid(::geteuid()); user && user->pw_name)
        return QString::fromLocal8Bit(user->pw_name);
    return u"checkinctl"_s;
}

std::expected<std::unique_ptr<db::Database>, QString> openDb(const Context &ctx, db::Database::OpenMode mode)
{
    if (mode == db::Database::OpenMode::CreateIfMissing)
        QDir().mkpath(QFileInfo(ctx.dbPath).absolutePath());
    auto db = openCheckedDatabase(ctx.dbPath, mode);
    if (!db)
        return std::unexpected(db.error().message);
    return std::move(*db);
}

std::expected<db::EventRecord, QString> chooseEvent(db::Database &db, const Context &ctx)
{
    db::EventStore events(db);
    if (ctx.isSet("event")) {
        bool ok = false;
        const int number = ctx.value("event").toInt(&ok);
        if (!ok)
            return std::unexpected(u"--event takes an IETF meeting number, e.g. --event 122."_s);
        auto event = events.byNumber(number);
        if (!event)
            return std::unexpected(event.error().message);
        if (!*event)
            return std::unexpected(
                u"There is no event %1 in %2 ('checkinctl event list' shows them)."_s.arg(number).arg(ctx.dbPath));
        return **event;
    }
    auto latest = events.latest();
    if (!latest)
        return std::unexpected(latest.error().message);
    if (!*latest)
        return std::unexpected(
            u"There is no event in %1 yet: create one with 'checkinctl event create'."_s.arg(ctx.dbPath));
    return **latest;
}

std::expected<OpenedEvent, QString> openEvent(const Context &ctx)
{
    auto db = openDb(ctx);
    if (!db)
        return std::unexpected(db.error());
    auto event = chooseEvent(**db, ctx);
    if (!event)
        return std::unexpected(event.error());
    return OpenedEvent{std::move(*db), *event};
}

QJsonObject eventJson(const db::EventRecord &e)
{
    return QJsonObject{{u"number"_s, e.number},
                       {u"name"_s, e.name},
                       {u"city"_s, e.city},
                       {u"tz"_s, e.timeZone},
                       {u"from"_s, e.firstDay.toString(Qt::ISODate)},
                       {u"to"_s, e.lastDay.toString(Qt::ISODate)}};
}

QJsonArray problemsJson(const QList<CsvProblem> &problems)
{
    QJsonArray out;
    for (const CsvProblem &p : problems) {
        out.append(QJsonObject{
            {u"line"_s, p.line}, {u"column"_s, p.column}, {u"column_name"_s, p.columnName}, {u"message"_s, p.message}});
    }
    return out;
}

void printRejectedFile(const QString &path, const QList<CsvProblem> &problems, int unlisted, const QString &message)
{
    const QString name = QFileInfo(path).fileName();
    for (const CsvProblem &p : problems)
        std::fprintf(stderr, "%s: %s\n", qPrintable(name), qPrintable(p.toString()));
    if (unlisted > 0)
        std::fprintf(stderr, "%s: %s\n", qPrintable(name), qPrintable(unlistedProblemsNote(unlisted)));
    QJsonObject result{{u"imported"_s, false}, {u"problems"_s, problemsJson(problems)}, {u"message"_s, message}};
    if (unlisted > 0)
        result.insert(u"problems_not_listed"_s, unlisted);
    printJson(result);
}

std::expected<db::GuestRecord, QString> chooseGuest(db::Database &db, const db::EventRecord &event, const QString &id)
{
    auto guest = GuestFinder::find(db, event, id);
    if (guest)
        return *guest;
    QString message = guest.error().message;
    for (const db::GuestRecord &g : std::as_const(guest.error().candidates)) {
        message += u"\n  %1  %2%3"_s.arg(g.externalId, g.displayName,
                                         g.organisation.isEmpty() ? QString() : u" (%1)"_s.arg(g.organisation));
    }
    return std::unexpected(message);
}

std::expected<OpenedGuest, QString> openGuest(const Context &ctx)
{
    auto opened = openEvent(ctx);
    if (!opened)
        return std::unexpected(opened.error());
    auto guest = chooseGuest(*opened->db, opened->event, ctx.args.value(0));
    if (!guest)
        return std::unexpected(guest.error());
    return OpenedGuest{{std::move(opened->db), opened->event}, *guest};
}

std::expected<BadgeLayout, QString> chooseLayout(const Context &ctx, const QString &fallback)
{
    if (!ctx.isSet("layout"))
        return BadgeLayout::builtIn(fallback);
    const QString name = ctx.value("layout");
    if (BadgeLayout::builtInNames().contains(name))
        return BadgeLayout::builtIn(name);
    return BadgeLayout::load(name);
}

int writeOutput(const Context &ctx, const QByteArray &bytes, QJsonObject result)
{
    if (auto saved = saveFile(ctx.value("out"), bytes); !saved)
        return fail(u"Cannot write %1: %2."_s.arg(ctx.value("out"), saved.error()));
    result[u"out"_s] = QFileInfo(ctx.value("out")).absoluteFilePath();
    result[u"bytes"_s] = bytes.size();
    printJson(result);
    return kOk;
}

} // namespace checkin::ctl
