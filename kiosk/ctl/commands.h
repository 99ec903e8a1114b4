#pragma once

// The checkinctl command table: each command with the options it takes, its help and its handler, one file per
// group of commands (as git's builtin/). checkinctl.cpp parses the command line, refuses an option the command does
// not take, and runs the handler.

#include "kiosk/ctl/ctlcommon.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace checkin::ctl {

struct Command
{
    QString name;        // "badge", or a group and its sub-command: "event create"
    QStringList options; // the long options it takes besides the global ones (--db, --event, --kiosk, --help)
    const char *help;    // 'checkinctl help NAME': its usage and what it does (shared by a group's sub-commands)
    int (*run)(Context &);
};

[[nodiscard]] const QList<Command> &setupCommands();    // setupcommands.cpp: keys, events, guests, programme
[[nodiscard]] const QList<Command> &guestCommands();    // guestcommands.cpp: import, list, find, show
[[nodiscard]] const QList<Command> &printingCommands(); // printingcommands.cpp: badges, agendas, printers
[[nodiscard]] const QList<Command> &eventDayCommands(); // eventdaycommands.cpp: check-in, attendance, report
[[nodiscard]] const QList<Command> &backupCommands();   // backupcommands.cpp: backup, restore, purge
[[nodiscard]] const QList<Command> &venueCommands();    // venuecommands.cpp: venue database and sync
[[nodiscard]] const QList<Command> &staffCommands();    // staffcommands.cpp: the staff PIN
[[nodiscard]] const QList<Command> &mailCommands();     // mailcommands.cpp: e-mailing invitations

} // namespace checkin::ctl
