#include "db/settingstore.h"

namespace checkin::db {

DbResult<std::optional<QString>> SettingStore::value(const QString &key)
{
    auto stmt = m_db.prepare("SELECT value FROM setting WHERE key = ?1");
    if (stmt)
        stmt->bind(1, key);
    return firstRow(stmt, [](const Statement &s) { return s.text(0); });
}

DbResult<void> SettingStore::setValue(const QString &key, const QString &value)
{
    auto stmt = value.isEmpty() ? m_db.prepare("DELETE FROM setting WHERE key = ?1")
                                : m_db.prepare("INSERT INTO setting (key, value) VALUES (?1, ?2) "
                                               "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    if (!stmt)
        return std::unexpected(stmt.error());
    stmt->bind(1, key);
    if (!value.isEmpty())
        stmt->bind(2, value);
    return stmt->run();
}

} // namespace checkin::db
