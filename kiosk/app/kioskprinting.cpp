#include "kiosk/app/kioskprinting.h"

#include "db/database.h"
#include "kiosk/printqueue/printdocuments.h"
#include "printing/badgelayout.h"
#include "printing/printer.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcKiosk)

namespace checkin {

KioskPrinting::KioskPrinting(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    m_options.worker.dbPath = m_options.dbPath;
    m_options.worker.kioskId = m_options.kioskId;
    m_thread.setObjectName(u"print-worker"_s);
}

KioskPrinting::~KioskPrinting()
{
    stop();
}

void KioskPrinting::start()
{
    if (m_thread.isRunning())
        return;
    m_worker = new PrintQueueWorker(m_options.worker,
                                    PrintDocuments::jobRenderer(m_options.dbPath, m_options.badgeLayout));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    // Queued: the worker emits on its thread; these are emitted again here, on the GUI thread.
    connect(m_worker, &PrintQueueWorker::jobChanged, this, &KioskPrinting::jobChanged, Qt::QueuedConnection);
    connect(m_worker, &PrintQueueWorker::printerProblemChanged, this, &KioskPrinting::printerProblemChanged,
            Qt::QueuedConnection);
    connect(m_worker, &PrintQueueWorker::errorOccurred, this, &KioskPrinting::errorOccurred, Qt::QueuedConnection);
    // Logged here, where real printers are: the controller also shows --screenshot's sample faults.
    connect(this, &KioskPrinting::printerProblemChanged, this, [](const QString &kind, const QString &problem) {
        if (problem.isEmpty())
            qCInfo(lcKiosk).noquote() << "the" << kind << "printer is fine again";
        else
            qCWarning(lcKiosk).noquote() << "the" << kind << "printer needs staff:" << problem;
    });
    m_thread.start();
    QMetaObject::invokeMethod(
        m_worker, [this] { configure(); }, Qt::QueuedConnection);
}

void KioskPrinting::wake()
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, &PrintQueueWorker::wake, Qt::QueuedConnection);
}

void KioskPrinting::stop()
{
    if (!m_thread.isRunning())
        return;
    m_worker->requestStop();
    m_thread.quit();
    m_thread.wait();
    m_worker = nullptr; // deleted on its thread as it finished
}

void KioskPrinting::configure()
{
    // Settings are read here, never on the GUI thread; this short-lived connection only reads them.
    std::unique_ptr<db::Database> db;
    if (auto opened = db::Database::open(m_options.dbPath, db::Database::OpenMode::MustExist))
        db = std::move(*opened);
    else
        qCWarning(lcKiosk) << "print worker cannot read the printer settings:" << opened.error().message;

    // The badge stock's CUPS media comes from the layout the badges are drawn on.
    QString badgeMedia;
    if (db) {
        if (auto layout = PrinterSetup::badgeLayout(*db, m_options.badgeLayout))
            badgeMedia = layout->media();
        else
            qCWarning(lcKiosk).noquote() << "badge layout:" << layout.error();
    }

    QStringList kinds;
    QList<PrinterChoice> choices;
    QList<std::pair<QString, QString>> problems;
    for (const QString &kind : {u"badge"_s, u"agenda"_s}) {
        const std::optional<PrinterSpec> &given = kind == u"badge" ? m_options.badgePrinter : m_options.agendaPrinter;
        std::expected<PrinterChoice, QString> choice = std::unexpected(u"the database cannot be opened"_s);
        if (given)
            choice = PrinterChoice{kind, *given, PrinterChoice::Source::Stored, {}};
        else if (db)
            choice = PrinterSetup::choose(*db, kind);
        if (!choice) {
            problems.append({kind, u"The %1 printer is not set up correctly (%2): set it with checkinctl"_s.arg(
                                       kind, choice.error())});
            continue;
        }
        if (auto printer = choice->spec.makePrinter(kind == u"badge" ? badgeMedia : QString())) {
            m_worker->setPrinter(kind, std::move(printer));
            kinds << kind;
        }
        qCInfo(lcKiosk).noquote() << "kiosk" << m_options.kioskId << choice->describe();
        choices << *choice;
    }
    db.reset();

    QMetaObject::invokeMethod(
        this,
        [this, kinds, choices, problems] {
            for (const auto &[kind, problem] : problems)
                Q_EMIT printerProblemChanged(kind, problem);
            Q_EMIT configured(kinds, choices);
        },
        Qt::QueuedConnection);
    m_worker->start();
}

} // namespace checkin
