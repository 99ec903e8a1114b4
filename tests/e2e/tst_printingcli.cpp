// Staff print badges and agendas with checkinctl alone: the built-in demo event, the real badge and agenda
// renderers, the persistent print queue, a PDF-folder printer and a real private cupsd with cups-pdf queues.
#include "tests/support/programrun.h"

#include "tests/printing/cupstestenv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

using Run = checkin::test::ProgramRun;

QString tool(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

QStringList pdfsIn(const QString &dir)
{
    return QDir(dir).entryList({u"*.pdf"_s}, QDir::Files, QDir::Name);
}

} // namespace

class TestPrintingCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;

    Run ctl(const QStringList &args) { return checkin::test::runCheckinctl(m_db, u"print-test"_s, args); }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString checkIn(const QString &guest)
    {
        const Run r = ctl({u"checkin"_s, u"--image"_s, path(u"demo/invitations/%1.png"_s.arg(guest))});
        return r.json().value(u"outcome"_s).toString();
    }

private Q_SLOTS:
    void initTestCase();
    void withoutAPrinterOrCupsDocumentsGoToPdfFoldersAndPrintersSaysWhy();
    void badgeAndAgendaAreRealPdfsWithTheGuestsName();
    void badgeSheetHoldsEveryGuest();
    void programmeImportRejectsABadFileWhole();
    void checkInPrintsBadgeAndAgendaExactlyOnceToAPdfFolder();
    void reprintIsASecondExplicitJob();
    void unreachablePrinterKeepsTheJobQueuedWithAClearReason();
    void checkInBadgeReachesARealCupsQueue();
    void badPrinterSpecificationsAreRefused();
    void withoutAStoredPrinterJobsGoToTheCupsDefault();
    void printerTestBadgeCompletesOnTheBadgePrinter();
    void printerTestOnAFolderNamesTheFile();
};

void TestPrintingCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // checkinctl asks CUPS for its default printer: nothing answers at port 1 until a test starts its own cupsd,
    // and neither this machine's lpoptions nor $LPDEST/$PRINTER take part.
    qputenv("CUPS_SERVER", "127.0.0.1:1");
    qunsetenv("LPDEST");
    qunsetenv("PRINTER");
    qputenv("HOME", QFile::encodeName(m_dir.path()));
    qputenv("CUPS_SERVERROOT", QFile::encodeName(m_dir.path()));
    m_db = path(u"demo/checkin.sqlite"_s);
    const Run demo = ctl({u"demo"_s, u"--out"_s, path(u"demo"_s)});
    QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
    QCOMPARE(demo.json().value(u"guests"_s).toInt(), 12);
}

void TestPrintingCli::withoutAPrinterOrCupsDocumentsGoToPdfFoldersAndPrintersSaysWhy()
{
    const Run r = ctl({u"printers"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject out = r.json();
    QCOMPARE(out.value(u"badge"_s).toString(), u"folder:"_s + path(u"demo/printed/badges"_s));
    const QJsonObject badge = out.value(u"where"_s).toObject().value(u"badge"_s).toObject();
    QCOMPARE(badge.value(u"source"_s).toString(), u"folder-fallback"_s);
    QCOMPARE(badge.value(u"prints_on_paper"_s).toBool(true), false);
    const QString description = badge.value(u"description"_s).toString();
    QVERIFY2(description.startsWith(u"no printer: badges are saved as PDFs in "_s + path(u"demo/printed/badges"_s)),
             qPrintable(description));
    QVERIFY2(description.contains(u"127.0.0.1:1"_s), qPrintable(description)); // why not CUPS
    QCOMPARE(out.value(u"badge_layout"_s).toString(), u"policymaker-4x3in"_s);
    QCOMPARE(out.value(u"badge_media"_s).toString(), u"oe_4x3-label_4x3in"_s);
}

void TestPrintingCli::badgeAndAgendaAreRealPdfsWithTheGuestsName()
{
    Run r = ctl({u"badge"_s, u"demo-004"_s, u"--out"_s, path(u"badge.pdf"_s)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    // A folder that does not exist yet is made, as 'invitations issue' makes its own.
    const Run inFolder = ctl({u"badge"_s, u"demo-004"_s, u"--out"_s, path(u"new/folder/badge.pdf"_s)});
    QVERIFY2(inFolder.exitCode == 0 && QFile::exists(path(u"new/folder/badge.pdf"_s)), qPrintable(inFolder.err));
    QVERIFY(tool(u"pdfinfo"_s, {path(u"badge.pdf"_s)}).contains(u"288 x 216 pts"_s)); // 4 x 3 in
    const QString badgeText = tool(u"pdftotext"_s, {path(u"badge.pdf"_s), u"-"_s});
    QVERIFY2(badgeText.contains(u"ليلى"_s) && badgeText.contains(u"Layla Hassan"_s), qPrintable(badgeText));
    QVERIFY(badgeText.contains(u"National Telecom Regulatory Authority"_s));

    r = ctl({u"badge"_s, u"demo-003"_s, u"--layout"_s, u"id1-card"_s, u"--out"_s, path(u"card.pdf"_s)});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(tool(u"pdftotext"_s, {path(u"card.pdf"_s), u"-"_s}).contains(u"山田"_s));

    r = ctl({u"agenda"_s, u"demo-002"_s, u"--out"_s, path(u"agenda.pdf"_s)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QString info = tool(u"pdfinfo"_s, {path(u"agenda.pdf"_s)});
    QVERIFY2(info.contains(u"(A4)"_s), qPrintable(info));
    const QString agenda = tool(u"pdftotext"_s, {u"-layout"_s, path(u"agenda.pdf"_s), u"-"_s});
    QVERIFY2(agenda.contains(u"Ольга Смирнова"_s), qPrintable(agenda.left(500)));
    QVERIFY(agenda.contains(u"Meeting with the IETF Chair"_s));
    QVERIFY(agenda.contains(u"Ваши сессии"_s)); // headings in the guest's language

    r = ctl({u"agenda"_s, u"nobody"_s, u"--out"_s, path(u"x.pdf"_s)});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"matches \"nobody\""_s), qPrintable(r.err));
}

void TestPrintingCli::badgeSheetHoldsEveryGuest()
{
    const Run r = ctl({u"badges"_s, u"--all"_s, u"--out"_s, path(u"sheet.pdf"_s)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.json().value(u"badges"_s).toInt(), 12);
    const QString info = tool(u"pdfinfo"_s, {path(u"sheet.pdf"_s)});
    QVERIFY2(info.contains(QRegularExpression(u"Pages:\\s+2\\b"_s)), qPrintable(info)); // 8 per A4 sheet
    const QString text = tool(u"pdftotext"_s, {path(u"sheet.pdf"_s), u"-"_s});
    QVERIFY(text.contains(u"Amara"_s));
    QVERIFY(text.contains(u"Priya"_s));
}

void TestPrintingCli::programmeImportRejectsABadFileWhole()
{
    const Run before = ctl({u"agenda"_s, u"demo-001"_s, u"--out"_s, path(u"before.pdf"_s)});
    QCOMPARE(before.exitCode, 0);
    QFile f(path(u"bad-programme.csv"_s));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("session_id,date,start,end,title,kind,room,description,attendees\n"
            "x1,2001-01-01,09:00,10:00,Too early,briefing,Room,,\n"
            "x2,notadate,09:00,10:00,Broken,briefing,Room,,\n"
            "x3,2001-01-01,11:00,10:00,Backwards,briefing,Room,,nobody-at-all\n");
    f.close();
    const Run r = ctl({u"programme"_s, u"import"_s, path(u"bad-programme.csv"_s)});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"line 3"_s) && r.err.contains(u"line 4"_s), qPrintable(r.err));
    QCOMPARE(r.json().value(u"imported"_s).toBool(), false);
    // Sessions outside the programme days: the message says how to skip them.
    QVERIFY2(r.err.contains(u"--only-programme-days"_s), qPrintable(r.err));
    const Run after = ctl({u"agenda"_s, u"demo-001"_s, u"--out"_s, path(u"after.pdf"_s)});
    QCOMPARE(tool(u"pdftotext"_s, {path(u"after.pdf"_s), u"-"_s}),
             tool(u"pdftotext"_s, {path(u"before.pdf"_s), u"-"_s}));
}

void TestPrintingCli::checkInPrintsBadgeAndAgendaExactlyOnceToAPdfFolder()
{
    QVERIFY(ctl({u"printers"_s, u"--badge-printer"_s, u"folder:"_s + path(u"out/badges"_s), u"--agenda-printer"_s,
                 u"folder:"_s + path(u"out/agendas"_s)})
                .exitCode
            == 0);
    QCOMPARE(checkIn(u"demo-009"_s), u"welcome"_s);
    Run r = ctl({u"print-worker"_s, u"--once"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QStringList badges = pdfsIn(path(u"out/badges"_s));
    QCOMPARE(badges.size(), 1);
    QCOMPARE(pdfsIn(path(u"out/agendas"_s)).size(), 1);
    const QString text = tool(u"pdftotext"_s, {path(u"out/badges/"_s) + badges.first(), u"-"_s});
    QVERIFY2(text.contains(u"Αλέξανδρος"_s), qPrintable(text));

    r = ctl({u"print-queue"_s, u"--state"_s, u"printed"_s});
    QCOMPARE(r.lines().size(), 2);
    // Scanning again and running the worker again prints nothing more.
    QCOMPARE(checkIn(u"demo-009"_s), u"already_checked_in"_s);
    QCOMPARE(ctl({u"print-worker"_s, u"--once"_s}).exitCode, 0);
    QCOMPARE(pdfsIn(path(u"out/badges"_s)).size(), 1);
    QCOMPARE(pdfsIn(path(u"out/agendas"_s)).size(), 1);
}

void TestPrintingCli::reprintIsASecondExplicitJob()
{
    Run r = ctl({u"reprint"_s, u"demo-009"_s, u"--badge"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.json().value(u"reason"_s).toString(), u"reprint"_s);
    QCOMPARE(ctl({u"reprint"_s, u"demo-009"_s}).exitCode, 2); // which document?
    QCOMPARE(ctl({u"print-worker"_s, u"--once"_s}).exitCode, 0);
    QCOMPARE(pdfsIn(path(u"out/badges"_s)).size(), 2);
    QCOMPARE(pdfsIn(path(u"out/agendas"_s)).size(), 1);
}

void TestPrintingCli::unreachablePrinterKeepsTheJobQueuedWithAClearReason()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 closedPort = probe.serverPort();
    probe.close();
    QVERIFY(ctl({u"printers"_s, u"--badge-printer"_s, u"cups:badges@127.0.0.1:%1"_s.arg(closedPort)}).exitCode == 0);
    QCOMPARE(checkIn(u"demo-010"_s), u"welcome"_s);
    QCOMPARE(ctl({u"print-worker"_s, u"--once"_s}).exitCode, 0);
    const Run r = ctl({u"print-queue"_s});
    bool found = false;
    for (const QJsonObject &job : r.lines()) {
        if (job.value(u"guest"_s).toString() == u"demo-010" && job.value(u"kind"_s).toString() == u"badge") {
            found = true;
            QCOMPARE(job.value(u"state"_s).toString(), u"queued"_s);
            QVERIFY2(job.value(u"last_error"_s).toString().contains(u"CUPS"_s),
                     qPrintable(job.value(u"last_error"_s).toString()));
        }
    }
    QVERIFY(found);
}

void TestPrintingCli::checkInBadgeReachesARealCupsQueue()
{
    checkin::test::CupsTestEnv cups;
    QVERIFY2(cups.start(), qPrintable(cups.error()));
    QVERIFY(ctl({u"printers"_s, u"--badge-printer"_s, u"cups:badges@"_s + cups.server(), u"--agenda-printer"_s,
                 u"cups:agendas@"_s + cups.server()})
                .exitCode
            == 0);
    QCOMPARE(checkIn(u"demo-001"_s), u"welcome"_s);
    // The earlier job for demo-010 waits for the same queue: it prints now too, once.
    const Run r = ctl({u"print-worker"_s, u"--once"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    // Each job's state is printed once, though the worker looks at a job at the printer on every pass.
    QSet<QString> states;
    for (const QByteArray &line : r.out.split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (!o.contains(u"job_id"_s))
            continue;
        const QString key = QString::number(o.value(u"job_id"_s).toInteger()) + u'/' + o.value(u"state"_s).toString();
        QVERIFY2(!states.contains(key), qPrintable(u"printed twice: "_s + key + u"\n"_s + QString::fromUtf8(r.out)));
        states.insert(key);
    }
    QElapsedTimer waited;
    waited.start();
    while (pdfsIn(cups.outDir(u"badges"_s)).size() < 2 && waited.elapsed() < 30000) {
        QTest::qWait(500);
        (void)ctl({u"print-worker"_s, u"--once"_s});
    }
    const QStringList printed = pdfsIn(cups.outDir(u"badges"_s));
    QCOMPARE(printed.size(), 2);
    // cups-pdf re-distils what it prints (Ghostscript), which drops the invisible text layer; the QR code on the
    // printed page proves whose badge it is: render it and read the code back.
    QStringList printedCodes;
    for (const QString &file : printed) {
        const QString png = path(u"printed-"_s + QString::number(printedCodes.size()));
        tool(u"pdftoppm"_s,
             {u"-png"_s, u"-r"_s, u"200"_s, u"-singlefile"_s, cups.outDir(u"badges"_s) + u'/' + file, png});
        const Run decoded = ctl({u"decode"_s, png + u".png"_s});
        printedCodes << decoded.json().value(u"codes"_s).toArray().first().toObject().value(u"text"_s).toString();
    }
    const auto invitationCode = [&](const QString &guest) {
        return ctl({u"decode"_s, path(u"demo/invitations/%1.png"_s.arg(guest))})
            .json()
            .value(u"codes"_s)
            .toArray()
            .first()
            .toObject()
            .value(u"text"_s)
            .toString();
    };
    QVERIFY(printedCodes.contains(invitationCode(u"demo-001"_s)));
    QVERIFY(printedCodes.contains(invitationCode(u"demo-010"_s)));
    QVERIFY(pdfsIn(cups.outDir(u"agendas"_s)).size() >= 1);
    // Nothing is printed twice.
    (void)ctl({u"print-worker"_s, u"--once"_s});
    QCOMPARE(pdfsIn(cups.outDir(u"badges"_s)).size(), 2);
}

void TestPrintingCli::badPrinterSpecificationsAreRefused()
{
    Run r = ctl({u"printers"_s, u"--badge-printer"_s, u"lpt1"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(u"cups:QUEUE"_s));
    r = ctl({u"print-queue"_s, u"--state"_s, u"lost"_s});
    QCOMPARE(r.exitCode, 2);
}

void TestPrintingCli::withoutAStoredPrinterJobsGoToTheCupsDefault()
{
    checkin::test::CupsTestEnv cups;
    QVERIFY2(cups.start(), qPrintable(cups.error()));
    QVERIFY(cups.admin(u"lpadmin"_s, {u"-d"_s, u"badges"_s}));
    qputenv("CUPS_SERVER", cups.server().toUtf8());
    QVERIFY(ctl({u"printers"_s, u"--badge-printer"_s, u"default"_s, u"--agenda-printer"_s, u"none"_s}).exitCode == 0);
    const Run shown = ctl({u"printers"_s});
    QVERIFY2(shown.exitCode == 0, qPrintable(shown.err));
    QCOMPARE(shown.json().value(u"badge"_s).toString(), u"cups:badges"_s);
    const QJsonObject badge = shown.json().value(u"where"_s).toObject().value(u"badge"_s).toObject();
    QCOMPARE(badge.value(u"source"_s).toString(), u"cups-default"_s);
    QCOMPARE(badge.value(u"description"_s).toString(), u"badges print on the CUPS default printer 'badges'"_s);

    QVERIFY(ctl({u"reprint"_s, u"demo-002"_s, u"--badge"_s}).exitCode == 0);
    const Run r = ctl({u"print-worker"_s, u"--once"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(checkin::test::CupsTestEnv::waitFor([&] {
                 (void)ctl({u"print-worker"_s, u"--once"_s});
                 return !pdfsIn(cups.outDir(u"badges"_s)).isEmpty();
             }),
             qPrintable(cups.logTail()));
    qputenv("CUPS_SERVER", "127.0.0.1:1");
}

void TestPrintingCli::printerTestBadgeCompletesOnTheBadgePrinter()
{
    checkin::test::CupsTestEnv cups;
    QVERIFY2(cups.start(), qPrintable(cups.error()));
    QVERIFY(ctl({u"printers"_s, u"--badge-printer"_s, u"cups:badges@"_s + cups.server(), u"--badge-layout"_s,
                 u"label-4x6in"_s})
                .exitCode
            == 0);
    const QByteArray queueBefore = ctl({u"print-queue"_s}).out;
    const Run r = ctl({u"printers"_s, u"--test"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + QString::fromUtf8(r.out) + cups.logTail()));
    const QJsonObject out = r.json();
    QCOMPARE(out.value(u"state"_s).toString(), u"completed"_s);
    QCOMPARE(out.value(u"source"_s).toString(), u"stored"_s);
    QCOMPARE(out.value(u"media"_s).toString(), u"oe_4x6-label_4x6in"_s);
    const int jobId = out.value(u"job_id"_s).toInt();
    QVERIFY(jobId > 0);
    QCOMPARE(out.value(u"job"_s).toString(), u"badges-%1"_s.arg(jobId));
    // cups-pdf wrote the test badge ("job_<id>-…"): one 4 x 6 in page with the TEST mark's QR code.
    const QStringList printed = cups.printed(u"badges"_s, u"job_%1-"_s.arg(jobId));
    QCOMPARE(printed.size(), 1);
    const QString info = tool(u"pdfinfo"_s, {printed.first()});
    QVERIFY2(info.contains(u"Pages:           1"_s), qPrintable(info));
    // Not a guest's print job.
    QCOMPARE(ctl({u"print-queue"_s}).out, queueBefore);

    // A stopped queue: the test badge waits there, and staff are told why (exit status 2, not a minute's wait).
    QVERIFY(cups.admin(u"cupsdisable"_s, {u"badges"_s}));
    const Run stopped = ctl({u"printers"_s, u"--test"_s});
    QCOMPARE(stopped.exitCode, 2);
    QCOMPARE(stopped.json().value(u"state"_s).toString(), u"pending"_s);
    QVERIFY2(stopped.err.contains(u"Printer 'badges' is stopped: resume it in CUPS (cupsenable badges)"_s),
             qPrintable(stopped.err));
    QVERIFY(cups.admin(u"cupsenable"_s, {u"badges"_s}));
    QVERIFY(ctl({u"printers"_s, u"--badge-layout"_s, QString()}).exitCode == 0);
}

void TestPrintingCli::printerTestOnAFolderNamesTheFile()
{
    QVERIFY(ctl({u"printers"_s, u"--badge-printer"_s, u"folder:"_s + path(u"test-badges"_s)}).exitCode == 0);
    const Run r = ctl({u"printers"_s, u"--test"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QString file = r.json().value(u"file"_s).toString();
    QVERIFY2(file.startsWith(path(u"test-badges/"_s)) && QFile::exists(file), qPrintable(file));
    QCOMPARE(r.json().value(u"state"_s).toString(), u"completed"_s);
    QVERIFY(tool(u"pdftotext"_s, {file, u"-"_s}).contains(u"TEST"_s));
}

QTEST_GUILESS_MAIN(TestPrintingCli)
#include "tst_printingcli.moc"
