// PdfFolderPrinter: one file per job, written whole, never overwritten; a job is found again by its title.

#include "tests/printing/testpdf.h"

#include "printing/pdffolderprinter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using checkin::PdfFolderPrinter;
using checkin::PrintError;
using checkin::PrintJobStatus;

class TestPdfFolderPrinter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesOneFilePerJobAndNeverOverwrites()
    {
        QTemporaryDir dir;
        PdfFolderPrinter printer(dir.filePath(u"badges"_s)); // created on first use
        auto status = printer.status();
        QVERIFY(status && status->acceptsJobs);

        const QString title = u"badge/122/guest-1/first [0b7c]"_s;
        const QByteArray first = checkin::test::makeTestPdf({u"first"_s});
        const QByteArray second = checkin::test::makeTestPdf({u"second"_s});
        auto a = printer.submit(first, title);
        QVERIFY2(a, qPrintable(a ? QString() : a.error().message));
        QCOMPARE(QFileInfo(*a).fileName(), u"badge_122_guest-1_first [0b7c].pdf"_s);
        auto b = printer.submit(second, title);
        QVERIFY(b);
        QVERIFY(*a != *b);
        QCOMPARE(QFileInfo(*b).fileName(), u"badge_122_guest-1_first [0b7c] (2).pdf"_s);

        QFile fa(*a), fb(*b);
        QVERIFY(fa.open(QIODevice::ReadOnly) && fb.open(QIODevice::ReadOnly));
        QCOMPARE(fa.readAll(), first);
        QCOMPARE(fb.readAll(), second);
        QCOMPARE(QDir(printer.folder()).entryList(QDir::Files).size(), 2); // no temporary files left behind

        auto state = printer.jobStatus(*a);
        QVERIFY(state);
        QCOMPARE(state->state, PrintJobStatus::State::Completed);
        auto found = printer.findJob(title, {});
        QVERIFY(found && found->has_value());
        QCOMPARE(**found, *a);
        auto none = printer.findJob(u"badge/122/guest-2/first"_s, {});
        QVERIFY(none && !none->has_value());
    }

    void removedFileIsNotFound()
    {
        QTemporaryDir dir;
        PdfFolderPrinter printer(dir.path());
        auto a = printer.submit(checkin::test::makeTestPdf({u"x"_s}), u"x"_s);
        QVERIFY(a);
        QVERIFY(QFile::remove(*a));
        auto state = printer.jobStatus(*a);
        QVERIFY(!state);
        QCOMPARE(state.error().kind, PrintError::Kind::NotFound);
    }

    void unusableFolderIsAProblemStaffCanFix()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(u"file"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        PdfFolderPrinter printer(dir.filePath(u"file"_s)); // a file, not a folder
        auto status = printer.status();
        QVERIFY(status);
        QVERIFY(!status->acceptsJobs);
        QVERIFY2(status->problem.contains(u"is not a writable folder"_s), qPrintable(status->problem));
        auto job = printer.submit(checkin::test::makeTestPdf({u"x"_s}), u"x"_s);
        QVERIFY(!job);
        QVERIFY(job.error().isRetryable());
    }

    void fileNamesAreSafe_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("fileName");
        QTest::newRow("slashes") << u"badge/122/g-1/first"_s << u"badge_122_g-1_first.pdf"_s;
        QTest::newRow("dots first") << u"../../etc/passwd"_s << u"_._.._etc_passwd.pdf"_s;
        QTest::newRow("empty") << QString() << u"job.pdf"_s;
        QTest::newRow("other scripts kept") << u"Смирнова 山田"_s << u"Смирнова 山田.pdf"_s;
    }

    void fileNamesAreSafe()
    {
        QFETCH(QString, title);
        QFETCH(QString, fileName);
        QCOMPARE(PdfFolderPrinter::fileNameFor(title), fileName);
    }
};

QTEST_GUILESS_MAIN(TestPdfFolderPrinter)
#include "tst_pdffolderprinter.moc"
