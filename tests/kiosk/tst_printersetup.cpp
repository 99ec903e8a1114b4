// Where a kiosk's documents go (kiosk/printqueue/printersetup.*) against a real, private cupsd
// (scripts/cups-test-env.sh): the stored printer, else the CUPS default destination, else the PDF folder beside the
// database, each with its reason; and the stored badge layout, whose media the badge printer sends.

#include "tests/printing/cupstestenv.h"

#include "db/database.h"
#include "kiosk/printqueue/printersetup.h"
#include "printing/badgelayout.h"
#include "printing/badgerenderer.h"
#include "printing/printer.h"

#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace Qt::StringLiterals;
using checkin::PrinterChoice;
using checkin::PrinterSetup;
using checkin::PrinterSpec;
using checkin::test::CupsTestEnv;

namespace {

// libcups reads $CUPS_SERVER once per thread: each choice is made on a thread of its own, as the kiosk's print
// worker makes it on its own thread, so that a test can point it at another server.
std::expected<PrinterChoice, QString> chooseWithServer(checkin::db::Database &db, const QString &kind,
                                                       const QString &server)
{
    qputenv("CUPS_SERVER", server.toUtf8());
    std::expected<PrinterChoice, QString> choice = std::unexpected(u"not run"_s);
    std::thread([&] { choice = PrinterSetup::choose(db, kind); }).join();
    return choice;
}

} // namespace

class TestPrinterSetup : public QObject
{
    Q_OBJECT

private:
    CupsTestEnv m_env;
    QTemporaryDir m_dir;
    std::unique_ptr<checkin::db::Database> m_db;

    QString badgeFolder() const { return m_dir.filePath(u"printed/badges"_s); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_env.start(), qPrintable(u"could not start a private cupsd: "_s + m_env.error()));
        QVERIFY(m_dir.isValid());
        // Only this test's cupsd decides the default: no $LPDEST/$PRINTER, no lpoptions of this machine.
        qunsetenv("LPDEST");
        qunsetenv("PRINTER");
        qputenv("HOME", QFile::encodeName(m_dir.path()));
        qputenv("CUPS_SERVERROOT", QFile::encodeName(m_dir.path()));
        auto db = checkin::db::Database::open(m_dir.filePath(u"checkin.sqlite"_s),
                                              checkin::db::Database::OpenMode::CreateIfMissing);
        QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
        m_db = std::move(*db);
    }

    void cleanupTestCase() { m_env.cleanup(); }

    void withoutCupsDocumentsAreSavedInTheFolderSayingWhy()
    {
        auto choice = chooseWithServer(*m_db, u"badge"_s, u"127.0.0.1:1"_s);
        QVERIFY2(choice, qPrintable(choice ? QString() : choice.error()));
        QCOMPARE(choice->source, PrinterChoice::Source::FolderFallback);
        QCOMPARE(choice->sourceName(), u"folder-fallback"_s);
        QCOMPARE(choice->spec.kind, PrinterSpec::Kind::Folder);
        QCOMPARE(choice->spec.folder, badgeFolder());
        QVERIFY(!choice->isPrinter());
        QVERIFY2(choice->reason.contains(u"127.0.0.1:1"_s), qPrintable(choice->reason));
        QVERIFY2(choice->describe().startsWith(u"no printer: badges are saved as PDFs in %1"_s.arg(badgeFolder())),
                 qPrintable(choice->describe()));
    }

    // Runs before a default is set: a fresh cupsd has none.
    void withoutACupsDefaultDocumentsAreSavedInTheFolder()
    {
        auto choice = chooseWithServer(*m_db, u"agenda"_s, m_env.server());
        QVERIFY2(choice, qPrintable(choice ? QString() : choice.error()));
        QCOMPARE(choice->source, PrinterChoice::Source::FolderFallback);
        QCOMPARE(choice->spec.folder, m_dir.filePath(u"printed/agendas"_s));
        QCOMPARE(choice->reason, u"CUPS has no default printer"_s);
    }

    void withoutAStoredPrinterBadgesGoToTheCupsDefault()
    {
        QVERIFY2(m_env.admin(u"lpadmin"_s, {u"-d"_s, u"badges"_s}), qPrintable(m_env.error()));
        auto choice = chooseWithServer(*m_db, u"badge"_s, m_env.server());
        QVERIFY2(choice, qPrintable(choice ? QString() : choice.error()));
        QCOMPARE(choice->source, PrinterChoice::Source::CupsDefault);
        QCOMPARE(choice->sourceName(), u"cups-default"_s);
        QCOMPARE(choice->spec.toString(), u"cups:badges"_s);
        QVERIFY(choice->isPrinter());
        QCOMPARE(choice->describe(), u"badges print on the CUPS default printer 'badges'"_s);

        // A badge sent where the choice says comes out of that queue (cups-pdf writes it into its folder).
        auto layout = PrinterSetup::badgeLayout(*m_db);
        QVERIFY2(layout, qPrintable(layout ? QString() : layout.error()));
        checkin::BadgeRenderer renderer(*layout);
        checkin::BadgeData guest;
        guest.givenName = u"Olga"_s;
        guest.displayName = u"Ольга Смирнова"_s;
        guest.eventName = u"IETF 125"_s;
        auto pdf = renderer.render(guest);
        QVERIFY2(pdf, qPrintable(pdf ? QString() : pdf.error()));
        std::expected<QString, QString> handle = std::unexpected(u"not run"_s);
        std::thread([&] {
            auto printer = choice->spec.makePrinter(layout->media());
            auto submitted = printer->submit(*pdf, u"default-destination-badge"_s);
            handle = submitted ? std::expected<QString, QString>(*submitted)
                               : std::unexpected(submitted.error().message);
        }).join();
        QVERIFY2(handle, qPrintable(handle ? QString() : handle.error()));
        QVERIFY2(handle->startsWith(u"badges-"_s), qPrintable(*handle));
        QVERIFY2(
            CupsTestEnv::waitFor([&] { return !m_env.printed(u"badges"_s, u"default-destination-badge"_s).isEmpty(); }),
            qPrintable(m_env.logTail()));
    }

    void aStoredPrinterWinsOverTheCupsDefault()
    {
        auto folder = PrinterSpec::parse(u"folder:"_s + m_dir.filePath(u"elsewhere"_s));
        QVERIFY(folder);
        QVERIFY(PrinterSetup::setForKind(*m_db, u"badge"_s, *folder));
        auto choice = chooseWithServer(*m_db, u"badge"_s, m_env.server());
        QVERIFY(choice);
        QCOMPARE(choice->source, PrinterChoice::Source::Stored);
        QCOMPARE(choice->spec.toString(), folder->toString());
        auto none = PrinterSpec::parse(u"none"_s);
        QVERIFY(PrinterSetup::setForKind(*m_db, u"badge"_s, *none));
        choice = chooseWithServer(*m_db, u"badge"_s, m_env.server());
        QVERIFY(choice);
        QCOMPARE(choice->spec.kind, PrinterSpec::Kind::None);
        QCOMPARE(choice->describe(), u"badges are not printed here (as set for this kiosk)"_s);
    }

    void theStoredBadgeLayoutDecidesTheMedia()
    {
        auto layout = PrinterSetup::badgeLayout(*m_db);
        QVERIFY(layout);
        QCOMPARE(layout->media(), u"oe_4x3-label_4x3in"_s); // the default layout's 4 x 3 in stock
        QVERIFY(PrinterSetup::setBadgeLayout(*m_db, u"label-62x100mm"_s));
        layout = PrinterSetup::badgeLayout(*m_db);
        QVERIFY(layout);
        QCOMPARE(layout->media(), u"custom_62x100mm_62x100mm"_s);
        // A name that is no layout is refused and the stored one kept.
        auto refused = PrinterSetup::setBadgeLayout(*m_db, u"label-99x99"_s);
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(u"label-99x99"_s), qPrintable(refused.error()));
        QCOMPARE(PrinterSetup::storedBadgeLayout(*m_db).value_or(QString()), u"label-62x100mm"_s);
        // Back to the default.
        QVERIFY(PrinterSetup::setBadgeLayout(*m_db, QString()));
        QCOMPARE(PrinterSetup::storedBadgeLayout(*m_db).value_or(u"?"_s), QString());
    }
};

QTEST_GUILESS_MAIN(TestPrinterSetup)
#include "tst_printersetup.moc"
