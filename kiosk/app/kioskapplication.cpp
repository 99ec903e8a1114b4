#include "kiosk/app/kioskapplication.h"

#include "kiosk/app/kioskbackups.h"
#include "kiosk/app/kioskcontroller.h"
#include "kiosk/app/kiosksetup.h"
#include "kiosk/app/kioskshowcase.h"
#include "kiosk/app/kiosksync.h"
#include "kiosk/app/readyreport.h"
#include "kiosk/common/stoponsignal.h"

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace checkin {

namespace {

// QML problems seen while loading and walking the screens: any of them fails --self-test.
QStringList g_qmlProblems;
QtMessageHandler g_previousHandler = nullptr;

void recordQmlProblems(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type != QtDebugMsg && type != QtInfoMsg
        && (QByteArrayView(context.category) == "qml" || QByteArrayView(context.category).startsWith("qt.qml")
            || message.contains(u".qml:"_s))) {
        g_qmlProblems << message;
    }
    g_previousHandler(type, context, message);
}

void printError(const QString &text)
{
    std::fputs(qPrintable(text + u'\n'), stderr);
}

} // namespace

KioskApplication::KioskApplication(Settings settings, QElapsedTimer sinceStart)
    : m_settings(std::move(settings))
    , m_sinceStart(sinceStart)
{
    m_settings.printing.dbPath = m_settings.dbPath;
    m_settings.printing.kioskId = m_settings.kioskId;
}

// Out of line: the members' types are complete here.
KioskApplication::~KioskApplication() = default;

int KioskApplication::run()
{
    auto event = findKioskEvent(m_settings.dbPath, m_settings.eventNumber);
    if (!event) {
        printError(u"checkin-kiosk: %1"_s.arg(event.error().message));
        if (event.error().kind == KioskSetupError::Kind::Database)
            return 1;
        printError(u"Create the event first: `checkinctl demo` makes a demo event with guests and QR codes, "
                   "`checkinctl event create` a real one. Point the kiosk at another database with --db PATH "
                   "or CHECKIN_DB."_s);
        return 2;
    }
    if (m_settings.selfTest)
        g_previousHandler = qInstallMessageHandler(recordQmlProblems);

    m_controller = std::make_unique<KioskController>(m_settings.dbPath, *event, m_settings.kioskId);
    qApp->installEventFilter(&m_wedge);
    m_controller->useKeyboardWedge(&m_wedge);
    // Camera scans beside the USB scanner; none for --self-test, --no-camera, or when there is no camera.
    m_controller->useCamera(&m_camera);
    if (!m_settings.selfTest && m_settings.camera)
        m_camera.start();
    if (!m_settings.selfTest && m_settings.print) {
        m_printing = std::make_unique<KioskPrinting>(m_settings.printing);
        m_controller->followPrinting(m_printing.get());
        m_printing->start();
    }
    // Staff see every kiosk's arrivals from the venue database (read-only, so --screenshot shows them too).
    if (!m_settings.venueConninfo.trimmed().isEmpty())
        m_controller->setVenueDatabase(m_settings.venueConninfo);

    QQuickStyle::setStyle(u"Basic"_s);
    m_engine = std::make_unique<QQmlApplicationEngine>();
    m_engine->addImportPath(u"qrc:/qt/qml"_s); // Qt 6.4 does not search there by default
    m_controller->exposeTo(*m_engine);
    m_controller->setDefaultLanguage(m_settings.language);
    m_engine->load(QUrl(u"qrc:/qt/qml/IetfCheckin/Main.qml"_s));
    const QList<QObject *> roots = m_engine->rootObjects();
    auto *window = roots.isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(roots.constFirst());
    if (!window) {
        printError(u"checkin-kiosk: the user interface could not be loaded."_s);
        return 1;
    }
    if (m_settings.selfTest)
        return runSelfTest(*window);

    if (m_settings.reportReady || m_settings.quitWhenReady)
        m_readyReport = std::make_unique<ReadyReport>(*m_controller, *window, m_sinceStart, m_settings.quitWhenReady);
    m_stopOnSignal = std::make_unique<StopOnSignal>();
    QObject::connect(m_stopOnSignal.get(), &StopOnSignal::received, qApp, &QCoreApplication::quit);
    startServices(*event);
    if (m_settings.windowed) {
        window->resize(m_settings.size.isValid() ? m_settings.size : QSize(1280, 800));
        window->show();
    } else {
        QGuiApplication::setOverrideCursor(Qt::BlankCursor); // a touchscreen: no mouse pointer on show
        window->setProperty("lockedDown", true);             // Main.qml: no closing outside staff mode
        window->showFullScreen();
    }
    return QCoreApplication::exec();
}

int KioskApplication::runSelfTest(QQuickWindow &window)
{
    window.resize(m_settings.size.isValid() ? m_settings.size : QSize(1920, 1080));
    window.show();
    KioskShowcase showcase(*m_controller, window);
    showcase.setScreenshotDir(m_settings.screenshotDir);
    if (m_settings.sampleName)
        showcase.setSampleName(*m_settings.sampleName);
    const bool ok = showcase.run();
    const QStringList problems = showcase.problems() + g_qmlProblems;
    for (const QString &problem : problems)
        printError(u"self-test: "_s + problem);
    std::fputs(problems.isEmpty() ? "self-test: every screen shown\n" : "self-test: FAILED\n", stdout);
    return ok && problems.isEmpty() ? 0 : 1;
}

// The backups and the venue sync: each on its own thread, neither for --self-test.
void KioskApplication::startServices(const db::EventRecord &event)
{
    if (m_settings.backupMinutes > 0) {
        m_backups = std::make_unique<KioskBackups>(m_settings.dbPath, event.number,
                                                   std::chrono::minutes(m_settings.backupMinutes));
        m_backups->start();
    }
    // The venue sync sends this kiosk's records and brings back revocations; the dashboard shows its state.
    if (m_settings.venueConninfo.trimmed().isEmpty())
        return;
    m_venueSync = std::make_unique<KioskSync>(m_settings.dbPath, event, m_settings.kioskId, m_settings.venueConninfo);
    StaffDashboard *dashboard = m_controller->dashboard();
    QObject::connect(m_venueSync.get(), &KioskSync::stateChanged, dashboard, &StaffDashboard::setVenueSyncState);
    QObject::connect(m_venueSync.get(), &KioskSync::doubleBadgesChanged, dashboard,
                     &StaffDashboard::setVenueDoubleBadges);
    QObject::connect(dashboard, &StaffDashboard::correctionRecorded, m_venueSync.get(), &KioskSync::syncSoon);
    m_venueSync->start();
}

} // namespace checkin
