#include "kiosk/attendance/attendancereport.h"
#include "kiosk/guests/guestexpectation.h"

#include "db/attendancestore.h"
#include "db/database.h"
#include "db/gueststore.h"
#include "db/records.h"

#include <QHash>
#include <QJsonArray>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace checkin {

QJsonObject AttendanceReport::Day::toJson() const
{
    QJsonArray arrivedList;
    QJsonArray missing;
    for (const Entry &e : guests) {
        if (e.arrived) {
            arrivedList.append(QJsonObject{{u"guest"_s, e.externalId},
                                           {u"name"_s, e.name},
                                           {u"time"_s, e.firstScanLocal.toString(Qt::ISODate)},
                                           {u"kiosk"_s, e.kioskId},
                                           {u"checkin"_s, e.checkinId}});
        } else {
            missing.append(QJsonObject{{u"guest"_s, e.externalId}, {u"name"_s, e.name}});
        }
    }
    return QJsonObject{{u"day"_s, day.toString(Qt::ISODate)},
                       {u"day_number"_s, dayNumber},
                       {u"expected"_s, expected},
                       {u"arrived"_s, arrived},
                       {u"who"_s, arrivedList},
                       {u"not_arrived"_s, missing}};
}

namespace {

QString notAProgrammeDay(QDate day, const db::EventRecord &event)
{
    return u"%1 is not a programme day of %2 (%3 to %4)."_s.arg(day.toString(Qt::ISODate), event.name,
                                                                event.firstDay.toString(Qt::ISODate),
                                                                event.lastDay.toString(Qt::ISODate));
}

} // namespace

std::expected<QList<AttendanceReport::Day>, QString> AttendanceReport::build(db::Database &db,
                                                                             const db::EventRecord &event,
                                                                             std::optional<QDate> onlyDay)
{
    if (onlyDay && (*onlyDay < event.firstDay || *onlyDay > event.lastDay))
        return std::unexpected(notAProgrammeDay(*onlyDay, event));
    auto rows = db::AttendanceStore(db).liveForEvent(event.id, onlyDay);
    if (!rows)
        return std::unexpected(rows.error().message);
    return build(db, event, *rows, onlyDay);
}

std::expected<QList<AttendanceReport::Day>, QString> AttendanceReport::build(db::Database &db,
                                                                             const db::EventRecord &event,
                                                                             const QList<db::AttendanceRecord> &rows,
                                                                             std::optional<QDate> onlyDay)
{
    if (onlyDay && (*onlyDay < event.firstDay || *onlyDay > event.lastDay))
        return std::unexpected(notAProgrammeDay(*onlyDay, event));
    auto guests = db::GuestStore(db).forEvent(event.id);
    if (!guests)
        return std::unexpected(guests.error().message);

    QHash<qint64, const db::GuestRecord *> byId;
    for (const db::GuestRecord &g : *guests)
        byId.insert(g.id, &g);
    const QTimeZone zone(event.timeZone.toUtf8());

    QList<Day> days;
    for (QDate d = onlyDay.value_or(event.firstDay); d <= onlyDay.value_or(event.lastDay); d = d.addDays(1)) {
        Day day;
        day.day = d;
        day.dayNumber = int(event.firstDay.daysTo(d)) + 1;
        QHash<qint64, Entry> entries;
        for (const db::AttendanceRecord &a : rows) {
            if (a.day != d || !byId.contains(a.guestId))
                continue;
            const db::GuestRecord &g = *byId.value(a.guestId);
            Entry e{g.externalId, g.displayName, g.organisation,
                    g.country,    true,          QDateTime::fromString(a.scannedAt, Qt::ISODateWithMs).toTimeZone(zone),
                    a.kioskId,    a.uid};
            entries.insert(g.id, e);
        }
        for (const db::GuestRecord &g : *guests) {
            if (!GuestExpectation::expectedOn(g, d))
                continue;
            ++day.expected;
            if (!entries.contains(g.id))
                entries.insert(g.id, Entry{g.externalId, g.displayName, g.organisation, g.country, false, {}, {}, {}});
        }
        day.guests = entries.values();
        std::sort(day.guests.begin(), day.guests.end(), [](const Entry &a, const Entry &b) {
            if (a.arrived != b.arrived)
                return a.arrived;
            if (a.arrived && a.firstScanLocal != b.firstScanLocal)
                return a.firstScanLocal < b.firstScanLocal;
            return a.externalId < b.externalId;
        });
        day.arrived = int(
            std::count_if(day.guests.cbegin(), day.guests.cend(), [](const Entry &e) { return e.arrived; }));
        days << day;
    }
    return days;
}

QString AttendanceReport::csvCell(const QString &raw)
{
    QString value = raw;
    if (!value.isEmpty()) {
        const QChar first = value.front();
        if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' || first == u'\r')
            value.prepend(u'\'');
    }
    if (value.contains(u',') || value.contains(u'"') || value.contains(u'\n') || value.contains(u'\r'))
        return u'"' + QString(value).replace(u"\""_s, u"\"\""_s) + u'"';
    return value;
}

QByteArray AttendanceReport::toCsv(const QList<Day> &days)
{
    QString out = u"day,day_number,external_id,name,organisation,country,arrived,first_scan_local,kiosk,checkin\r\n"_s;
    for (const Day &day : days) {
        for (const Entry &e : day.guests) {
            const QStringList cells = {day.day.toString(Qt::ISODate),
                                       QString::number(day.dayNumber),
                                       e.externalId,
                                       e.name,
                                       e.organisation,
                                       e.country,
                                       e.arrived ? u"yes"_s : u"no"_s,
                                       e.arrived ? e.firstScanLocal.toString(u"yyyy-MM-dd HH:mm"_s) : QString(),
                                       e.kioskId,
                                       e.checkinId};
            QStringList quoted;
            for (const QString &c : cells)
                quoted << csvCell(c);
            out += quoted.join(u',') + u"\r\n"_s;
        }
    }
    return out.toUtf8();
}

} // namespace checkin
