#include "kiosk/attendance/reportexport.h"
#include "kiosk/guests/guestexpectation.h"
#include "printing/savefile.h"

#include "db/database.h"
#include "db/eventstore.h"
#include "db/gueststore.h"
#include "db/records.h"
#include "db/staffactionstore.h"
#include "printing/attendancereportpdf.h"

#include <QCollator>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>
#include <QStorageInfo>
#include <QTimeZone>

#include <algorithm>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace checkin {

namespace {

// Room kept free beyond the two files: file system metadata, and a stick that reports its space loosely.
constexpr qint64 SpareBytes = 64 * 1024;

// A folder counts as read-only when the system refuses writing (a write-protected or read-only mounted stick)
// or when nobody has write permission on it: a process running as root could still write there, but a folder
// that someone made read-only is not where the report belongs.
bool isWritableFolder(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat st
    {};
    if (::stat(native.constData(), &st) != 0)
        return false;
    if ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
        return false;
    return ::access(native.constData(), W_OK) == 0;
}

// Why writing into folder failed, for staff.
QString writeFailure(const QString &folder, const QString &file, const QString &detail, qint64 needed)
{
    const QStorageInfo storage(folder);
    if ((storage.isValid() && storage.bytesAvailable() >= 0 && storage.bytesAvailable() < needed)
        || detail.contains(u"No space left"_s, Qt::CaseInsensitive)) {
        return u"The folder %1 is full (%2 free, the report needs %3): free some space or use another USB stick."_s.arg(
            QDir::toNativeSeparators(folder), sizeText(std::max<qint64>(storage.bytesAvailable(), 0)),
            sizeText(needed));
    }
    if (storage.isReadOnly() || detail.contains(u"Read-only"_s, Qt::CaseInsensitive))
        return u"The folder %1 is read-only (is the USB stick write-protected?): choose another folder."_s.arg(
            QDir::toNativeSeparators(folder));
    return u"Cannot write %1: %2. Nothing was exported; try again or choose another folder."_s.arg(
        QDir::toNativeSeparators(file), detail);
}

QString zoneLabel(const QTimeZone &zone, const QDate &day)
{
    const QString offset = zone.displayName(QDateTime(day, QTime(12, 0), zone), QTimeZone::OffsetName);
    return QString::fromLatin1(zone.id()) + u" ("_s + offset + u')';
}

} // namespace

ReportExport::ReportExport(db::Database &db, QString kioskId, QString actor)
    : m_db(db)
    , m_kioskId(std::move(kioskId))
    , m_actor(std::move(actor))
    , m_renderer(std::make_unique<AttendanceReportRenderer>())
{
}

ReportExport::~ReportExport() = default;

void ReportExport::useVenueWideRows(QList<db::AttendanceRecord> rows)
{
    m_venueRows = std::move(rows);
}

QString ReportExport::baseName(const db::EventRecord &event, const QDateTime &now)
{
    const QDateTime local = now.toTimeZone(QTimeZone(event.timeZone.toUtf8()));
    return u"ietf%1-attendance-%2"_s.arg(event.number).arg(local.toString(u"yyyy-MM-dd-HHmm"_s));
}

std::expected<AttendanceReportData, QString> ReportExport::reportData(const db::EventRecord &event,
                                                                      const QList<AttendanceReport::Day> &days,
                                                                      const QDateTime &now) const
{
    auto guests = db::GuestStore(m_db).forEvent(event.id);
    if (!guests)
        return std::unexpected(guests.error().message);
    const QTimeZone zone(event.timeZone.toUtf8());

    AttendanceReportData data;
    data.eventTitle = event.name;
    data.eventNumber = event.number;
    data.city = event.city;
    data.firstDay = event.firstDay;
    data.lastDay = event.lastDay;
    data.timeZoneLabel = zoneLabel(zone, event.firstDay);
    data.generatedAt = QLocale(QLocale::English).toString(now.toTimeZone(zone), u"d MMMM yyyy, HH:mm"_s);
    data.kioskId = m_kioskId;
    data.venueWide = m_venueRows.has_value();
    data.expectedBasis = GuestExpectation::reportNote(*guests);

    // First scan per guest and day, from the report (the one place that decides who arrived).
    QList<QHash<QString, QTime>> arrivals;
    for (const AttendanceReport::Day &day : days) {
        data.days.append(AttendanceReportDay{day.day, day.dayNumber});
        QHash<QString, QTime> arrived;
        for (const AttendanceReport::Entry &entry : day.guests) {
            if (entry.arrived)
                arrived.insert(entry.externalId, entry.firstScanLocal.time());
        }
        arrivals.append(arrived);
    }

    QList<const db::GuestRecord *> order;
    for (const db::GuestRecord &guest : *guests)
        order.append(&guest);
    QCollator collator{QLocale(QLocale::English)};
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(order.begin(), order.end(), [&](const db::GuestRecord *a, const db::GuestRecord *b) {
        if (const int c = collator.compare(a->displayName, b->displayName); c != 0)
            return c < 0;
        return a->externalId < b->externalId;
    });
    for (const db::GuestRecord *guest : std::as_const(order)) {
        AttendanceRegisterRow row;
        row.name = guest->displayName.isEmpty() ? guest->latinName : guest->displayName;
        row.organisation = guest->organisation;
        row.country = guest->country;
        for (qsizetype d = 0; d < days.size(); ++d) {
            AttendanceMark mark;
            mark.expected = GuestExpectation::expectedOn(*guest, days[d].day);
            mark.firstScan = arrivals[d].value(guest->externalId);
            row.days.append(mark);
        }
        data.rows.append(row);
    }
    return data;
}

std::expected<ReportExport::Files, QString> ReportExport::exportTo(const db::EventRecord &event, const QString &folder,
                                                                   const QDateTime &now)
{
    const QFileInfo dir(folder);
    const QString shown = QDir::toNativeSeparators(folder);
    if (folder.trimmed().isEmpty())
        return std::unexpected(u"Choose a folder to export the attendance report to."_s);
    if (!dir.exists())
        return std::unexpected(
            u"The folder %1 does not exist: plug in the USB stick or choose another folder."_s.arg(shown));
    if (!dir.isDir())
        return std::unexpected(u"%1 is a file, not a folder: choose a folder."_s.arg(shown));
    const QString absolute = dir.absoluteFilePath();
    if (!isWritableFolder(absolute))
        return std::unexpected(
            u"The folder %1 is read-only (is the USB stick write-protected?): choose another folder."_s.arg(shown));

    // Everything that can fail without touching the folder first.
    auto days = m_venueRows ? AttendanceReport::build(m_db, event, *m_venueRows) : AttendanceReport::build(m_db, event);
    if (!days)
        return std::unexpected(days.error());
    auto data = reportData(event, *days, now);
    if (!data)
        return std::unexpected(data.error());
    auto pdf = m_renderer->render(*data);
    if (!pdf)
        return std::unexpected(pdf.error());
    const QByteArray csv = AttendanceReport::toCsv(*days);
    const qint64 needed = csv.size() + pdf->size() + SpareBytes;
    if (const QStorageInfo storage(absolute);
        storage.isValid() && storage.bytesAvailable() >= 0 && storage.bytesAvailable() < needed)
        return std::unexpected(writeFailure(absolute, {}, {}, needed));

    // A second export in the same minute gets "-2" rather than replacing the first one.
    const QDir target(absolute);
    QString base = baseName(event, now);
    for (int n = 2;
         QFileInfo::exists(target.filePath(base + u".csv"_s)) || QFileInfo::exists(target.filePath(base + u".pdf"_s));
         ++n)
        base = baseName(event, now) + u"-%1"_s.arg(n);
    const Files files{target.filePath(base + u".csv"_s), target.filePath(base + u".pdf"_s)};

    // Both files are written to temporary names first; only complete files get their real names.
    QSaveFile csvFile(files.csvPath);
    QSaveFile pdfFile(files.pdfPath);
    const auto write = [](QSaveFile &file, const QByteArray &bytes) {
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    };
    for (QSaveFile *failed : {write(csvFile, csv) ? nullptr : &csvFile, write(pdfFile, *pdf) ? nullptr : &pdfFile}) {
        if (failed) {
            const QString detail = failed->errorString();
            csvFile.cancelWriting();
            pdfFile.cancelWriting();
            return std::unexpected(writeFailure(absolute, failed->fileName(), detail, needed));
        }
    }
    if (!csvFile.commit()) {
        pdfFile.cancelWriting();
        return std::unexpected(writeFailure(absolute, files.csvPath, csvFile.errorString(), needed));
    }
    if (!pdfFile.commit()) {
        QFile::remove(files.csvPath);
        return std::unexpected(writeFailure(absolute, files.pdfPath, pdfFile.errorString(), needed));
    }

    // The audit names the files, never the guests.
    db::StaffActionRecord audit;
    audit.kioskId = m_kioskId;
    audit.actor = m_actor;
    audit.action = u"export"_s;
    audit.eventId = event.id;
    audit.detail = QString::fromUtf8(
        QJsonDocument(QJsonObject{{u"report"_s, u"attendance"_s},
                                  {u"files"_s, QJsonArray{QFileInfo(files.csvPath).fileName(),
                                                          QFileInfo(files.pdfPath).fileName()}},
                                  {u"guests"_s, data->rows.size()},
                                  {u"scope"_s, data->venueWide ? u"venue"_s : u"kiosk"_s},
                                  {u"days"_s, data->days.size()}})
            .toJson(QJsonDocument::Compact));
    if (auto ok = db::StaffActionStore(m_db).append(audit); !ok) {
        // An export that the log does not show did not happen: take the files back.
        QFile::remove(files.csvPath);
        QFile::remove(files.pdfPath);
        return std::unexpected(u"The export could not be recorded in the staff action log, so the files were "
                               "removed again: %1"_s.arg(ok.error().message));
    }
    return Files{QFileInfo(files.csvPath).absoluteFilePath(), QFileInfo(files.pdfPath).absoluteFilePath()};
}

std::expected<ReportExport::Files, QString> ReportExport::exportWithOwnConnection(
    const QString &dbPath, int eventNumber, const QString &folder, const QString &kioskId, const QString &actor)
{
    auto db = db::Database::open(dbPath);
    if (!db)
        return std::unexpected(db.error().message);
    auto event = db::EventStore(**db).byNumber(eventNumber);
    if (!event)
        return std::unexpected(event.error().message);
    if (!*event)
        return std::unexpected(u"There is no event %1 in %2."_s.arg(eventNumber).arg(dbPath));
    ReportExport exporter(**db, kioskId, actor);
    return exporter.exportTo(**event, folder);
}

} // namespace checkin
