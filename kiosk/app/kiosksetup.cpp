#include "kiosk/app/kiosksetup.h"

#include "db/database.h"
#include "db/eventstore.h"
#include "kiosk/storage/databasehealth.h"

#include <QFileInfo>
#include <QStandardPaths>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace checkin {

QString defaultDatabasePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/checkin.sqlite"_s;
}

std::expected<db::EventRecord, KioskSetupError> findKioskEvent(const QString &databasePath, int eventNumber)
{
    using Kind = KioskSetupError::Kind;
    if (!QFileInfo::exists(databasePath))
        return std::unexpected(
            KioskSetupError{Kind::NoDatabase, u"There is no check-in database at %1."_s.arg(databasePath)});

    auto database = openCheckedDatabase(databasePath, db::Database::OpenMode::MustExist);
    if (!database)
        return std::unexpected(KioskSetupError{Kind::Database, database.error().message});

    db::EventStore events(**database);
    auto event = eventNumber > 0 ? events.byNumber(eventNumber) : events.latest();
    if (!event)
        return std::unexpected(KioskSetupError{Kind::Database, event.error().message});
    if (*event)
        return **event;

    if (eventNumber <= 0)
        return std::unexpected(KioskSetupError{Kind::NoEvent, u"The database %1 holds no event."_s.arg(databasePath)});
    QStringList known;
    if (auto all = events.all()) {
        for (const db::EventRecord &e : *all)
            known << QString::number(e.number);
    }
    return std::unexpected(KioskSetupError{
        Kind::NoEvent, known.isEmpty() ? u"The database %1 holds no event."_s.arg(databasePath)
                                       : u"The database %1 has no event %2 (it has: %3)."_s.arg(databasePath)
                                             .arg(eventNumber)
                                             .arg(known.join(u", "_s))});
}

} // namespace checkin
