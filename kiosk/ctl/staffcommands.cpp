// checkinctl: the staff PIN.
#include "kiosk/ctl/commands.h"
#include "kiosk/ctl/ctlcommon.h"

#include "kiosk/staff/staffauth.h"

#include "db/database.h"

#include <cstdio>
#include <cstring>
#include <optional>

#include <sodium.h>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace checkin::ctl {

namespace {

const char *const kStaffPinHelp = R"(checkinctl staff-pin set
checkinctl staff-pin status

set: sets the PIN that unlocks staff mode on the kiosks of this database (long-press the event title on the
attract screen). On a terminal the PIN is asked twice and not shown; from a pipe one line is read (for
scripts: printf '%s\n' "$PIN" | checkinctl staff-pin set). Rules: 6 to 12 digits, not one digit repeated, not
a straight run like 123456. Stored only as an Argon2id hash (libsodium); never printed or logged. Setting a
PIN clears any lockout. Prints {"pin_set": true}; a weak PIN is refused with the rule it breaks.
status: prints {"pin_set": BOOL, "failures": N, "locked_until": ISO8601 or null}. Three wrong PINs in a row
lock staff mode for 30 s, each further one doubles the wait (up to 1 h); a right PIN resets the count.
)";

// Reads one line from stdin into a QString, without echo when stdin is a terminal; wipes the raw buffer.
std::optional<QString> readSecretLine(const char *prompt)
{
    const bool tty = ::isatty(STDIN_FILENO);
    termios saved{};
    if (tty) {
        std::fputs(prompt, stderr);
        std::fflush(stderr);
        if (::tcgetattr(STDIN_FILENO, &saved) == 0) {
            termios quiet = saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        }
    }
    char buffer[256];
    const bool got = std::fgets(buffer, sizeof buffer, stdin) != nullptr;
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::fputs("\n", stderr);
    }
    std::optional<QString> line;
    if (got) {
        size_t n = std::strlen(buffer);
        while (n > 0 && (buffer[n - 1] == '\n' || buffer[n - 1] == '\r'))
            --n;
        line = QString::fromUtf8(buffer, qsizetype(n));
    }
    sodium_memzero(buffer, sizeof buffer);
    return line;
}

// A StaffAuth on the database, its audit rows naming the event when there is one.
StaffAuth staffAuthFor(db::Database &db, const Context &ctx)
{
    StaffAuth auth(db, ctx.kioskId);
    if (auto event = chooseEvent(db, ctx))
        auth.setEventId(event->id);
    return auth;
}

int cmdStaffPinSet(Context &ctx)
{
    auto db = openDb(ctx);
    if (!db)
        return fail(db.error());
    std::optional<QString> pin = readSecretLine("New staff PIN (6-12 digits): ");
    if (!pin || pin->isEmpty())
        return fail(u"No PIN given: type it, or pipe one line with the PIN to 'checkinctl staff-pin set'."_s);
    if (auto weak = StaffAuth::weakness(*pin)) {
        pin->fill(u'0');
        return fail(*weak); // a usage error (2): 1 means a guest was refused
    }
    if (::isatty(STDIN_FILENO)) {
        std::optional<QString> again = readSecretLine("The same PIN again: ");
        const bool same = again && *again == *pin;
        if (again)
            again->fill(u'0');
        if (!same) {
            pin->fill(u'0');
            return fail(u"The two PINs differ; nothing was changed. Run 'checkinctl staff-pin set' again."_s);
        }
    }
    StaffAuth auth = staffAuthFor(**db, ctx);
    auto ok = auth.setPin(*pin, actorName(ctx));
    pin->fill(u'0');
    if (!ok)
        return fail(ok.error());
    printJson({{u"pin_set"_s, true}});
    return kOk;
}

int cmdStaffPinStatus(Context &ctx)
{
    auto db = openDb(ctx);
    if (!db)
        return fail(db.error());
    StaffAuth auth = staffAuthFor(**db, ctx);
    auto status = auth.status(QDateTime::currentDateTimeUtc());
    if (!status)
        return fail(status.error());
    printJson({{u"pin_set"_s, status->pinSet},
               {u"failures"_s, status->failures},
               {u"locked_until"_s, status->lockedUntil.isValid() ? QJsonValue(status->lockedUntil.toString(Qt::ISODate))
                                                                 : QJsonValue(QJsonValue::Null)}});
    return kOk;
}

} // namespace

const QList<Command> &staffCommands()
{
    static const QList<Command> commands = {
        {u"staff-pin set"_s, {u"actor"_s}, kStaffPinHelp, cmdStaffPinSet},
        {u"staff-pin status"_s, {}, kStaffPinHelp, cmdStaffPinStatus},
    };
    return commands;
}

} // namespace checkin::ctl
