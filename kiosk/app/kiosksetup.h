#pragma once

#include "db/records.h"

#include <QString>

#include <expected>

namespace checkin {

// Why the kiosk cannot start on a database.
struct KioskSetupError
{
    enum class Kind {
        NoDatabase, // the file does not exist
        NoEvent,    // the database holds no event, or not the one asked for
        Database,   // the file exists but cannot be opened, read or written, or is damaged
    };
    Kind kind = Kind::Database;
    QString message;
};

// The database file used when neither --db nor CHECKIN_DB names one: <AppDataLocation>/checkin.sqlite.
[[nodiscard]] QString defaultDatabasePath();

// Finds the event to check guests in to (number 0: the latest) with a short-lived connection on the calling
// thread, so that main can refuse to start with a clear message before any window opens. The file is checked
// with PRAGMA quick_check first: a damaged one is refused with the newest good backup and the restore command.
[[nodiscard]] std::expected<db::EventRecord, KioskSetupError> findKioskEvent(const QString &databasePath,
                                                                             int eventNumber);

} // namespace checkin
