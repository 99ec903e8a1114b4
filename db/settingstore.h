#pragma once

#include "db/database.h"

#include <optional>

namespace checkin::db {

// Kiosk and venue settings kept in the database (printers, …): one text value per key.
class SettingStore
{
public:
    explicit SettingStore(Database &db)
        : m_db(db)
    {
    }

    // The value of key, if set.
    [[nodiscard]] DbResult<std::optional<QString>> value(const QString &key);
    // Sets key to value (an empty value removes the setting).
    [[nodiscard]] DbResult<void> setValue(const QString &key, const QString &value);

private:
    Database &m_db;
};

} // namespace checkin::db
