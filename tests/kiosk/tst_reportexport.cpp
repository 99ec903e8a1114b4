// Exporting the attendance report (CSV + PDF) into a folder, from a real event database with check-ins on two days.
#include "tests/support/testevent.h"

#include "db/gueststore.h"
#include "db/staffactionstore.h"
#include "kiosk/attendance/reportexport.h"
#include "kiosk/checkin/checkinservice.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

#include <thread>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace checkin;

namespace {

test::TestEvent::Options dublin()
{
    test::TestEvent::Options o;
    o.number = 121;
    o.name = u"IETF 121 Dublin"_s;
    o.city = u"Dublin"_s;
    o.timeZone = u"Europe/Dublin"_s;
    o.firstDay = QDate(2024, 11, 4);
    o.lastDay = QDate(2024, 11, 7);
    o.guests = 0;
    return o;
}

// 30 November 2024, 14:05 in Dublin (UTC+0 in winter; a settled date, docs/time-zones.md).
const QDateTime ExportTime(QDate(2024, 11, 30), QTime(14, 5), Qt::UTC);

QString pdfText(const QString &path)
{
    QProcess p;
    p.start(u"pdftotext"_s, {u"-enc"_s, u"UTF-8"_s, path, u"-"_s});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return u"ERROR: "_s + QString::fromUtf8(p.readAllStandardError());
    return QString::fromUtf8(p.readAllStandardOutput());
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestReportExport : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TestEvent> m_event;
    QTemporaryDir m_out;

    QList<db::StaffActionRecord> exports()
    {
        QList<db::StaffActionRecord> found;
        const auto all = db::StaffActionStore(m_event->db()).forEvent(m_event->event().id);
        for (const db::StaffActionRecord &a : all.value_or(QList<db::StaffActionRecord>()))
            if (a.action == u"export")
                found << a;
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(u"pdftotext"_s).isEmpty())
            QSKIP("pdftotext not found: install the Debian package poppler-utils");
        m_event = std::make_unique<test::TestEvent>(dublin());
        QVERIFY2(m_event->isValid(), qPrintable(m_event->error()));
        for (const QString &name : {u"Nguyễn Thị Minh Khai"_s, u"Ольга Смирнова"_s, u"山田太郎"_s, u"ليلى حسن"_s,
                                    u"สมชาย ใจดี"_s, u"=HYPERLINK(\"http://evil.example\",\"click\")"_s})
            QVERIFY(m_event->addGuest(name) >= 0);
        // Guest 6 plants a formula in the organisation too.
        db::GuestStore guests(m_event->db());
        auto evil = *guests.byExternalId(m_event->event().id, m_event->externalId(5));
        QVERIFY(evil.has_value());
        evil->organisation = u"@SUM(1+1)*cmd|' /C calc'!A0"_s;
        QVERIFY(guests.upsert(*evil).has_value());

        // Day 1: guests 1, 2, 3 arrive; day 2: guests 1 and 4.
        CheckInService service(m_event->db(), m_event->event(), u"kiosk-a"_s);
        const struct
        {
            int guest, day, hh, mm;
        } scans[] = {{0, 1, 8, 55}, {1, 1, 9, 15}, {2, 1, 10, 1}, {0, 2, 9, 2}, {3, 2, 13, 45}};
        for (const auto &s : scans) {
            const CheckInOutcome outcome = service.checkIn(m_event->token(s.guest),
                                                           m_event->localTime(s.day, s.hh, s.mm), u"test"_s);
            QVERIFY2(outcome.admitted(), qPrintable(outcome.message));
        }
        QVERIFY(m_out.isValid());
    }

    void writesCsvAndPdfNamedWithoutPersonalData()
    {
        ReportExport exporter(m_event->db(), u"kiosk-a"_s, u"staff"_s);
        auto files = exporter.exportTo(m_event->event(), m_out.path(), ExportTime);
        QVERIFY2(files.has_value(), qPrintable(files.error()));
        QCOMPARE(QFileInfo(files->csvPath).fileName(), u"ietf121-attendance-2024-11-30-1405.csv"_s);
        QCOMPARE(QFileInfo(files->pdfPath).fileName(), u"ietf121-attendance-2024-11-30-1405.pdf"_s);
        QCOMPARE(
            QDir(m_out.path()).entryList(QDir::Files | QDir::Hidden),
            QStringList({u"ietf121-attendance-2024-11-30-1405.csv"_s, u"ietf121-attendance-2024-11-30-1405.pdf"_s}));

        const QString csv = QString::fromUtf8(readAll(files->csvPath));
        QVERIFY(csv.startsWith(u"day,day_number,external_id,name,organisation"_s));
        QVERIFY2(csv.contains(u"2024-11-04,1,guest-1,Nguyễn Thị Minh Khai,,,yes,2024-11-04 08:55,kiosk-a"_s),
                 qPrintable(csv));
        QVERIFY2(csv.contains(u"2024-11-05,2,guest-4,ليلى حسن,,,yes,2024-11-05 13:45"_s), qPrintable(csv));
        QVERIFY(csv.contains(u"2024-11-05,2,guest-2,Ольга Смирнова,,,no,"_s));
        QCOMPARE(csv.count(u"\r\n"_s), 1 + 6 * 4);

        const QString pdf = pdfText(files->pdfPath);
        const QString flat = pdf.simplified();
        for (const QString &name :
             {u"Nguyễn Thị Minh Khai"_s, u"Ольга Смирнова"_s, u"山田太郎"_s, u"ليلى حسن"_s, u"สมชาย ใจดี"_s})
            QVERIFY2(pdf.contains(name), qPrintable(name + u" not in\n"_s + pdf));
        QVERIFY2(flat.contains(u"Monday 4 November 2024 6 3 50 %"_s), qPrintable(flat));
        QVERIFY2(flat.contains(u"Tuesday 5 November 2024 6 2 33 %"_s), qPrintable(flat));
        QVERIFY(flat.contains(u"08:55"_s) && flat.contains(u"13:45"_s));
        QVERIFY(flat.contains(u"Generated 30 November 2024, 14:05"_s));
        QVERIFY(flat.contains(u"Europe/Dublin"_s));
        QVERIFY(flat.contains(u"kiosk-a"_s));
        QVERIFY(flat.contains(u"Certified correct by"_s));
        QVERIFY(flat.contains(u"Page 1 of 1"_s));

        // Recorded, with the file names and no guest data.
        const auto recorded = exports();
        QCOMPARE(recorded.size(), 1);
        QCOMPARE(recorded[0].actor, u"staff"_s);
        QCOMPARE(recorded[0].kioskId, u"kiosk-a"_s);
        const QJsonObject detail = QJsonDocument::fromJson(recorded[0].detail.toUtf8()).object();
        QCOMPARE(detail.value(u"files"_s).toArray(), QJsonArray({u"ietf121-attendance-2024-11-30-1405.csv"_s,
                                                                 u"ietf121-attendance-2024-11-30-1405.pdf"_s}));
        QCOMPARE(detail.value(u"guests"_s).toInt(), 6);
    }

    void secondExportInTheSameMinuteKeepsTheFirst()
    {
        const QByteArray first = readAll(QDir(m_out.path()).filePath(u"ietf121-attendance-2024-11-30-1405.csv"_s));
        ReportExport exporter(m_event->db(), u"kiosk-a"_s, u"staff"_s);
        auto files = exporter.exportTo(m_event->event(), m_out.path(), ExportTime.addSecs(30));
        QVERIFY2(files.has_value(), qPrintable(files.error()));
        QCOMPARE(QFileInfo(files->pdfPath).fileName(), u"ietf121-attendance-2024-11-30-1405-2.pdf"_s);
        QCOMPARE(readAll(QDir(m_out.path()).filePath(u"ietf121-attendance-2024-11-30-1405.csv"_s)), first);
        QCOMPARE(exports().size(), 2);
    }

    void csvNeutralisesFormulaInjection()
    {
        const QString csv = QString::fromUtf8(
            readAll(QDir(m_out.path()).filePath(u"ietf121-attendance-2024-11-30-1405.csv"_s)));
        // The formula is kept readable but starts with an apostrophe, and the cell is quoted because of its quotes.
        QVERIFY2(csv.contains(
                     u",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",'@SUM(1+1)*cmd|' /C calc'!A0,"_s),
                 qPrintable(csv));
        for (const QString &line : csv.split(u"\r\n"_s)) {
            for (const QString &cell : line.split(u',')) {
                QVERIFY2(!cell.startsWith(u'=') && !cell.startsWith(u'@') && !cell.startsWith(u'+'), qPrintable(line));
            }
        }
    }

    void readOnlyFolderIsRefusedAndLeavesNoFiles()
    {
        QTemporaryDir stick;
        QVERIFY(QFile::setPermissions(stick.path(), QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup
                                                        | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther));
        ReportExport exporter(m_event->db(), u"kiosk-a"_s, u"staff"_s);
        const int before = int(exports().size());
        auto files = exporter.exportTo(m_event->event(), stick.path(), ExportTime);
        QFile::setPermissions(stick.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QVERIFY(!files.has_value());
        QVERIFY2(files.error().contains(u"is read-only"_s), qPrintable(files.error()));
        QVERIFY2(files.error().contains(stick.path()), qPrintable(files.error()));
        QCOMPARE(QDir(stick.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());
        QCOMPARE(exports().size(), before);
    }

    void missingFolderOrFileIsRefused()
    {
        ReportExport exporter(m_event->db(), u"kiosk-a"_s, u"staff"_s);
        auto files = exporter.exportTo(m_event->event(), m_out.filePath(u"unplugged-stick"_s), ExportTime);
        QVERIFY(!files.has_value());
        QVERIFY2(files.error().contains(u"does not exist: plug in the USB stick"_s), qPrintable(files.error()));
        QVERIFY(!QFileInfo::exists(m_out.filePath(u"unplugged-stick"_s)));

        files = exporter.exportTo(m_event->event(), m_event->dbPath(), ExportTime);
        QVERIFY(!files.has_value());
        QVERIFY2(files.error().contains(u"is a file, not a folder"_s), qPrintable(files.error()));
    }

    void worksOnAWorkerThreadWithItsOwnConnection()
    {
        QTemporaryDir stick;
        std::expected<ReportExport::Files, QString> result = std::unexpected(u"not run"_s);
        std::thread worker([&] {
            result = ReportExport::exportWithOwnConnection(m_event->dbPath(), 121, stick.path(), u"kiosk-b"_s,
                                                           u"dashboard"_s);
        });
        worker.join();
        QVERIFY2(result.has_value(), qPrintable(result.error()));
        QVERIFY(QFileInfo(result->csvPath).size() > 0);
        QVERIFY(QFileInfo(result->pdfPath).size() > 0);
        QVERIFY(pdfText(result->pdfPath).contains(u"Ольга Смирнова"_s));
        QCOMPARE(exports().last().actor, u"dashboard"_s);

        auto unknown = ReportExport::exportWithOwnConnection(m_event->dbPath(), 999, stick.path(), u"k"_s, u"s"_s);
        QVERIFY(!unknown.has_value());
        QVERIFY(unknown.error().contains(u"no event 999"_s));
    }
};

QTEST_GUILESS_MAIN(TestReportExport)
#include "tst_reportexport.moc"
