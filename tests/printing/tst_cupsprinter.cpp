// CupsPrinter against a real, private cupsd (scripts/cups-test-env.sh) with cups-pdf queues: what we submit
// comes out of the printer, a stopped queue holds jobs, a cancelled job is not mistaken for a printed one, and
// an unreachable or misnamed server gives a sentence staff can act on; a label layout's media reaches cupsd with
// the job, and the CUPS default destination is found as lp finds it.

#include "tests/printing/cupstestenv.h"
#include "tests/printing/testpdf.h"

#include "printing/cupsprinter.h"

#include <QTemporaryDir>
#include <QTest>

#include <cups/cups.h>

using namespace Qt::StringLiterals;
using checkin::CupsPrinter;
using checkin::PrintError;
using checkin::PrintJobStatus;
using checkin::test::CupsTestEnv;

class TestCupsPrinter : public QObject
{
    Q_OBJECT

private:
    CupsTestEnv m_env;
    int m_serial = 0;

    CupsPrinter printer(const QString &queue = u"badges"_s)
    {
        return CupsPrinter(CupsPrinter::Options{queue, m_env.server(), {}, std::chrono::milliseconds(10000), {}});
    }

    // A unique title and a PDF whose text carries it.
    std::pair<QString, QByteArray> document(const QString &what)
    {
        const QString title = u"test/%1/%2-%3"_s.arg(what).arg(QCoreApplication::applicationPid()).arg(++m_serial);
        return {title, checkin::test::makeTestPdf({u"IETF Policymaker Program"_s, u"Ms Test Smirnova"_s, title})};
    }

    static QString fileTag(const QString &title)
    {
        // cups-pdf turns '/' into '_' in file names.
        return QString(title).replace(u'/', u'_');
    }

    static bool waitForState(CupsPrinter &p, const QString &handle, PrintJobStatus::State state, int ms = 30000)
    {
        return CupsTestEnv::waitFor(
            [&] {
                auto s = p.jobStatus(handle);
                return s && s->state == state;
            },
            ms);
    }

    // The job attribute `name` as cupsd keeps it for job `jobId`, by Get-Job-Attributes (libcups directly).
    QString jobAttribute(int jobId, const char *name)
    {
        const QByteArray host = m_env.server().section(u':', 0, 0).toUtf8();
        const int port = m_env.server().section(u':', 1).toInt();
        http_t *http = httpConnect2(host.constData(), port, nullptr, AF_UNSPEC, HTTP_ENCRYPTION_IF_REQUESTED, 1, 10000,
                                    nullptr);
        if (!http)
            return u"(no connection)"_s;
        ipp_t *request = ippNewRequest(IPP_OP_GET_JOB_ATTRIBUTES);
        const QByteArray uri = u"ipp://localhost:%1/jobs/%2"_s.arg(port).arg(jobId).toUtf8();
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "job-uri", nullptr, uri.constData());
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nullptr, cupsUser());
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", nullptr, name);
        ipp_t *response = cupsDoRequest(http, request, "/jobs/");
        QString value = u"(no %1)"_s.arg(QString::fromUtf8(name));
        if (ipp_attribute_t *attr = response ? ippFindAttribute(response, name, IPP_TAG_ZERO) : nullptr) {
            char text[1024];
            ippAttributeString(attr, text, sizeof(text));
            value = QString::fromUtf8(text);
        }
        ippDelete(response);
        httpClose(http);
        return value;
    }

    QTemporaryDir m_home; // $HOME and the client's server root: no lpoptions of the machine's user or /etc/cups

private Q_SLOTS:
    void initTestCase()
    {
        // No silent skip: a machine that cannot run cupsd fails here, saying why.
        QVERIFY2(m_env.start(), qPrintable(u"could not start a private cupsd: "_s + m_env.error()));
        // The default destination also comes from the environment and lpoptions files: none of the machine's.
        qunsetenv("LPDEST");
        qunsetenv("PRINTER");
        qputenv("HOME", QFile::encodeName(m_home.path()));
        qputenv("CUPS_SERVERROOT", QFile::encodeName(m_home.path()));
    }

    void jobOptionsCarryTheLayoutsMedia()
    {
        CupsPrinter plain(CupsPrinter::Options{u"badges"_s, m_env.server(), {}, std::chrono::milliseconds(10000), {}});
        QVERIFY(plain.jobOptions().isEmpty());
        CupsPrinter label(CupsPrinter::Options{
            u"badges"_s, m_env.server(), {}, std::chrono::milliseconds(10000), u"oe_4x6-label_4x6in"_s});
        const QList<std::pair<QString, QString>> expected{{u"media"_s, u"oe_4x6-label_4x6in"_s}};
        QCOMPARE(label.jobOptions(), expected);
    }

    void aLabelJobReachesCupsWithItsMedia()
    {
        CupsPrinter label(CupsPrinter::Options{
            u"badges"_s, m_env.server(), {}, std::chrono::milliseconds(10000), u"custom_62x100mm_62x100mm"_s});
        const auto [title, pdf] = document(u"label"_s);
        auto handle = label.submit(pdf, title);
        QVERIFY2(handle, qPrintable(handle ? QString() : handle.error().message));
        const int jobId = handle->section(u'-', -1).toInt();
        QCOMPARE(jobAttribute(jobId, "media"), u"custom_62x100mm_62x100mm"_s);
        QVERIFY2(waitForState(label, *handle, PrintJobStatus::State::Completed), qPrintable(m_env.logTail()));
        QCOMPARE(m_env.printed(u"badges"_s, fileTag(title)).size(), 1);
    }

    // Runs first among the default tests: a fresh cupsd has no default destination.
    void noDefaultDestinationIsNoValue()
    {
        auto none = CupsPrinter::defaultDestination(m_env.server());
        QVERIFY2(none, qPrintable(none ? QString() : none.error().message));
        QVERIFY2(!none->has_value(), qPrintable(none->value_or(QString())));
    }

    void defaultDestinationIsWhatLpadminSet()
    {
        QVERIFY2(m_env.admin(u"lpadmin"_s, {u"-d"_s, u"agendas"_s}), qPrintable(m_env.error()));
        auto agendas = CupsPrinter::defaultDestination(m_env.server());
        QVERIFY2(agendas, qPrintable(agendas ? QString() : agendas.error().message));
        QCOMPARE(agendas->value_or(u"(none)"_s), u"agendas"_s);
        // $LPDEST names the default as it does for lp.
        qputenv("LPDEST", "badges");
        auto fromEnvironment = CupsPrinter::defaultDestination(m_env.server());
        qunsetenv("LPDEST");
        QVERIFY(fromEnvironment);
        QCOMPARE(fromEnvironment->value_or(u"(none)"_s), u"badges"_s);
    }

    void defaultDestinationOfAClosedPortIsUnreachable()
    {
        const QString server = u"127.0.0.1:1"_s;
        auto unreachable = CupsPrinter::defaultDestination(server);
        QVERIFY(!unreachable);
        QVERIFY2(unreachable.error().message.contains(server), qPrintable(unreachable.error().message));
    }

    void cleanupTestCase() { m_env.cleanup(); }

    void submittedPdfComesOutOfThePrinter()
    {
        CupsPrinter p = printer();
        auto status = p.status();
        QVERIFY2(status, qPrintable(status ? QString() : status.error().message));
        QVERIFY(status->acceptsJobs);
        QCOMPARE(status->problem, QString());

        const auto [title, pdf] = document(u"plain"_s);
        QVERIFY(!pdf.isEmpty());
        auto handle = p.submit(pdf, title);
        QVERIFY2(handle, qPrintable(handle ? QString() : handle.error().message));
        QVERIFY2(handle->startsWith(u"badges-"_s), qPrintable(*handle));
        QVERIFY2(waitForState(p, *handle, PrintJobStatus::State::Completed), qPrintable(m_env.logTail()));

        // cups-pdf wrote exactly one PDF for this job, and it is the document we sent: one page, our text.
        const QStringList files = m_env.printed(u"badges"_s, fileTag(title));
        QCOMPARE(files.size(), 1);
        QVERIFY2(files.first().contains(u"job_"_s + handle->section(u'-', -1) + u'-'), qPrintable(files.first()));
        QCOMPARE(checkin::test::pdfPages(files.first()), 1);
        const QString text = checkin::test::pdfText(files.first());
        QVERIFY2(text.contains(u"Ms Test Smirnova"_s), qPrintable(text));
        QVERIFY2(text.contains(title), qPrintable(text));
    }

    void findJobByTitleSkipsCancelledJobs()
    {
        CupsPrinter p = printer();
        const auto [title, pdf] = document(u"find"_s);
        auto none = p.findJob(title, {});
        QVERIFY2(none, qPrintable(none ? QString() : none.error().message));
        QVERIFY(!none->has_value());

        auto handle = p.submit(pdf, title);
        QVERIFY(handle);
        QVERIFY(waitForState(p, *handle, PrintJobStatus::State::Completed));
        auto found = p.findJob(title, {});
        QVERIFY(found && found->has_value());
        QCOMPARE(**found, *handle);
        // Found with a time bound too. (cupsd lists a finished job without its name, the case findJob answers with
        // Get-Job-Attributes, only once it has unloaded it: a minute after the job was last asked about, and every
        // question keeps it loaded. The three seconds this test used to wait here never reached that state.)
        found = p.findJob(title, QDateTime::currentDateTimeUtc().addSecs(-60));
        QVERIFY2(found && found->has_value(), qPrintable(found ? u"not found"_s : found.error().message));
        QCOMPARE(**found, *handle);

        // A job cancelled before it printed is not "the job": looking it up must not adopt it.
        QVERIFY2(m_env.admin(u"cupsdisable"_s, {u"agendas"_s}), qPrintable(m_env.error()));
        CupsPrinter agendas = printer(u"agendas"_s);
        const auto [title2, pdf2] = document(u"cancel"_s);
        auto held = agendas.submit(pdf2, title2);
        QVERIFY(held);
        QVERIFY(m_env.admin(u"cancel"_s, {*held}));
        QVERIFY(waitForState(agendas, *held, PrintJobStatus::State::Cancelled));
        auto cancelled = agendas.findJob(title2, {});
        QVERIFY(cancelled);
        QVERIFY(!cancelled->has_value());
        QVERIFY(m_env.admin(u"cupsenable"_s, {u"agendas"_s}));
        QVERIFY(m_env.printed(u"agendas"_s, fileTag(title2)).isEmpty());
    }

    void stoppedQueueHoldsTheJobUntilResumed()
    {
        CupsPrinter p = printer();
        QVERIFY2(m_env.admin(u"cupsdisable"_s, {u"badges"_s}), qPrintable(m_env.error()));
        auto status = p.status();
        QVERIFY(status);
        QVERIFY(!status->acceptsJobs);
        QVERIFY2(status->problem.startsWith(u"Printer 'badges' is stopped: resume it in CUPS (cupsenable badges)"_s),
                 qPrintable(status->problem));

        // CUPS itself takes a job for a stopped queue and keeps it pending: a job sent after it to the running
        // queue prints meanwhile, so cupsd had its chance to start ours.
        const auto [title, pdf] = document(u"stopped"_s);
        auto handle = p.submit(pdf, title);
        QVERIFY(handle);
        CupsPrinter agendas = printer(u"agendas"_s);
        const auto [laterTitle, laterPdf] = document(u"after-stopped"_s);
        auto later = agendas.submit(laterPdf, laterTitle);
        QVERIFY(later);
        QVERIFY2(waitForState(agendas, *later, PrintJobStatus::State::Completed), qPrintable(m_env.logTail()));
        auto pending = p.jobStatus(*handle);
        QVERIFY(pending);
        QCOMPARE(pending->state, PrintJobStatus::State::Pending);
        QVERIFY(m_env.printed(u"badges"_s, fileTag(title)).isEmpty());

        QVERIFY(m_env.admin(u"cupsenable"_s, {u"badges"_s}));
        QVERIFY(waitForState(p, *handle, PrintJobStatus::State::Completed));
        QCOMPARE(m_env.printed(u"badges"_s, fileTag(title)).size(), 1);
        status = p.status();
        QVERIFY(status && status->acceptsJobs && status->problem.isEmpty());
    }

    void rejectingQueueSaysHowToAccept()
    {
        CupsPrinter p = printer();
        QVERIFY(m_env.admin(u"cupsreject"_s, {u"badges"_s}));
        auto status = p.status();
        QVERIFY(status);
        QVERIFY(!status->acceptsJobs);
        QVERIFY2(status->problem.contains(u"is not accepting jobs: accept them in CUPS (cupsaccept badges)"_s),
                 qPrintable(status->problem));
        const auto [title, pdf] = document(u"rejected"_s);
        auto handle = p.submit(pdf, title);
        QVERIFY(!handle);
        QVERIFY(handle.error().isRetryable());
        QVERIFY2(handle.error().message.contains(u"cupsaccept badges"_s), qPrintable(handle.error().message));
        QVERIFY(m_env.admin(u"cupsaccept"_s, {u"badges"_s}));
    }

    void unknownQueueNamesTheServer()
    {
        CupsPrinter p = printer(u"nosuchqueue"_s);
        auto status = p.status();
        QVERIFY(!status);
        QVERIFY(status.error().isRetryable());
        QVERIFY2(status.error().message.contains(u"has no printer named 'nosuchqueue'"_s),
                 qPrintable(status.error().message));
        QVERIFY2(status.error().message.contains(m_env.server()), qPrintable(status.error().message));
    }

    void unknownJobIsNotFound()
    {
        CupsPrinter p = printer();
        auto s = p.jobStatus(u"badges-999999"_s);
        QVERIFY(!s);
        QCOMPARE(s.error().kind, PrintError::Kind::NotFound);
        auto other = p.jobStatus(u"agendas-1"_s);
        QVERIFY(!other);
        QCOMPARE(other.error().kind, PrintError::Kind::NotFound);
    }

    void serverDownIsRetryableAndRecovers()
    {
        CupsPrinter p = printer();
        QVERIFY(p.status()); // a kept-alive connection exists now
        QVERIFY2(m_env.kill(), qPrintable(m_env.error()));
        auto status = p.status();
        QVERIFY(!status);
        QVERIFY(status.error().isRetryable());
        QVERIFY2(status.error().message.startsWith(u"Cannot reach the print server (CUPS) at "_s + m_env.server()),
                 qPrintable(status.error().message));
        const auto [title, pdf] = document(u"down"_s);
        auto handle = p.submit(pdf, title);
        QVERIFY(!handle);
        QVERIFY(handle.error().isRetryable());

        QVERIFY2(m_env.start(), qPrintable(m_env.error()));
        status = p.status();
        QVERIFY2(status, qPrintable(status ? QString() : status.error().message));
        handle = p.submit(pdf, title);
        QVERIFY(handle);
        QVERIFY(waitForState(p, *handle, PrintJobStatus::State::Completed));
        QCOMPARE(m_env.printed(u"badges"_s, fileTag(title)).size(), 1);
    }

    void closedPortIsUnreachable()
    {
        CupsPrinter p(CupsPrinter::Options{u"badges"_s, u"127.0.0.1:1"_s, {}, std::chrono::milliseconds(3000), {}});
        QCOMPARE(p.serverName(), u"127.0.0.1:1"_s);
        auto status = p.status();
        QVERIFY(!status);
        QVERIFY(status.error().isRetryable());
        QCOMPARE(status.error().message,
                 u"Cannot reach the print server (CUPS) at 127.0.0.1:1 (nothing answers there): start CUPS there or "
                 "correct the kiosk's printer setting"_s);
    }
};

QTEST_GUILESS_MAIN(TestCupsPrinter)
#include "tst_cupsprinter.moc"
