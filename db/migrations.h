#pragma once

#include <span>

namespace checkin::db {

// One forward step of the schema: applied in a transaction together with PRAGMA user_version = version.
struct Migration
{
    int version;
    const char *sql;
};

// Every migration in order; the last one's version is the schema this build writes.
[[nodiscard]] std::span<const Migration> migrations();

} // namespace checkin::db
