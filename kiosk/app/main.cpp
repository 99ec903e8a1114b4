// checkin-kiosk: the touchscreen check-in app. Parses options, finds the event, wires the controller, the
// USB scanner, the print worker and the QML engine together, and shows the window. Everything else lives in the
// libraries.
#include "kiosk/app/camerascanner.h"
#include "kiosk/app/keyboardwedge.h"
#include "kiosk/app/kioskbackups.h"
#include "kiosk/app/kiosksync.h"
#include "kiosk/app/kioskcontroller.h"
#include "kiosk/app/kiosklanguages.h"
#include "kiosk/app/kioskprinting.h"
#include "kiosk/app/kioskshowcase.h"
#include "kiosk/app/kiosksetup.h"
#include "kiosk/common/stoponsignal.h"
#include "kiosk/app/readyreport.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSysInfo>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>
#include <initializer_list>
#include <memory>
#include <optional>

Q_IMPORT_QML_PLUGIN(IetfCheckin_KioskPlugin)
Q_IMPORT_QML_PLUGIN(IetfCheckinPlugin)

using namespace Qt::StringLiterals;
using namespace checkin;

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

QSize parseSize(const QString &text, QSize fallback)
{
    const QStringList parts = text.split(u'x');
    if (parts.size() != 2)
        return fallback;
    bool okW = false;
    bool okH = false;
    const QSize size(parts[0].toInt(&okW), parts[1].toInt(&okH));
    return okW && okH && size.width() >= 320 && size.height() >= 240 ? size : fallback;
}

// True when argv holds one of names (or name=value).
bool hasArgument(int argc, char **argv, std::initializer_list<QByteArrayView> names)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "--")
            return false;
        for (QByteArrayView name : names) {
            if (arg == name || (arg.startsWith(name) && arg.size() > name.size() && arg.at(name.size()) == '='))
                return true;
        }
    }
    return false;
}

struct Options
{
    QCommandLineOption db{u"db"_s, u"The check-in database."_s, u"path"_s};
    QCommandLineOption event{u"event"_s, u"The IETF meeting number to check in to (default: the latest event in "
                                           "the database)."_s, u"number"_s};
    QCommandLineOption kiosk{u"kiosk"_s, u"This kiosk's id, recorded with every check-in (default: "
                                           "$CHECKIN_KIOSK, else the host name)."_s, u"id"_s};
    QCommandLineOption windowed{u"windowed"_s, u"Run in a window instead of full screen."_s};
    QCommandLineOption size{u"size"_s, u"Window size for --windowed (default 1280x800) and --self-test or "
                                         "--screenshot (default 1920x1080)."_s, u"WxH"_s};
    QCommandLineOption selfTest{u"self-test"_s, u"Load the UI offscreen, show every screen once with sample data "
                                                  "(nobody is checked in), exit 0 when all is well, 1 otherwise."_s};
    QCommandLineOption screenshot{u"screenshot"_s, u"Like --self-test, and save every screen as "
                                                     "DIR/<state>_<language>.png, in every language."_s, u"dir"_s};
    QCommandLineOption sampleName{u"sample-name"_s, u"The guest name shown by --self-test and --screenshot."_s,
                                  u"name"_s};
    QCommandLineOption noPrint{u"no-print"_s, u"Do not print on this kiosk: check-ins still queue badges and "
                                                "agendas, for `checkinctl print-worker` to print."_s};
    QCommandLineOption badgePrinter{u"badge-printer"_s, u"Print badges here for this run instead of the printer "
                                                          "stored in the database: cups:QUEUE, cups:QUEUE@HOST:PORT, "
                                                          "folder:DIR or none."_s, u"spec"_s};
    QCommandLineOption agendaPrinter{u"agenda-printer"_s, u"Print agendas here for this run instead of the printer "
                                                            "stored in the database (same forms as "
                                                            "--badge-printer)."_s, u"spec"_s};
    QCommandLineOption language{u"language"_s, u"The kiosk's own language, shown between guests: en, fr, es, ar, zh "
                                                "or ru (default: en). Guests can pick another for their scan; "
                                                "an admitted guest is answered in their own."_s, u"code"_s};
    QCommandLineOption noCamera{u"no-camera"_s, u"Do not scan with the camera (scans come from the USB scanner "
                                                "only)."_s};
    QCommandLineOption noVirtualKeyboard{u"no-virtual-keyboard"_s, u"Do not show the on-screen keyboard in the name "
                                                                  "search (the kiosk has a real keyboard). Also "
                                                                  "when QT_IM_MODULE is set."_s};
    QCommandLineOption backupInterval{u"backup-interval"_s, u"Write a backup of the database to backups/ beside it "
                                                              "every MINUTES (default 15; the newest 10 are kept; "
                                                              "0: no backups)."_s, u"minutes"_s, u"15"_s};
    QCommandLineOption venuePg{u"venue-pg"_s, u"Sync with the venue's PostgreSQL database at CONNINFO (a libpq "
                                               "connection string; also $CHECKIN_VENUE_PG, which keeps the password "
                                               "out of the process list): check-ins still commit here first."_s,
                               u"conninfo"_s};
    QCommandLineOption reportReady{u"report-ready"_s, u"Print `ready <ms since start>` on standard output once a scan "
                                                      "can be taken (database open, screens drawn)."_s};
    QCommandLineOption quitWhenReady{u"quit-when-ready"_s, u"Like --report-ready, then quit (start-up benchmarks)."_s};

    void addTo(QCommandLineParser &parser) const
    {
        parser.setApplicationDescription(
            u"The IETF Policymaker Program check-in kiosk: guests scan the QR code of their invitation and are "
            "welcomed while their badge prints.\n\n"
            "Scans come from a USB keyboard-wedge scanner (it types the code and presses Enter).\n"
            "Badges and agendas print while the guest is welcomed, on the printers stored in the database "
            "(`checkinctl` sets them; by default PDF files in printed/ beside the database), or those given with "
            "--badge-printer and --agenda-printer. --self-test and --screenshot never print.\n"
            "The database is --db, else $CHECKIN_DB, else %1.\n"
            "Create one with `checkinctl demo` (a demo event with guests and invitations) or "
            "`checkinctl event create`.\n"
            "Guests without their invitation can find their name on screen; a staff member confirms with the "
            "staff PIN (`checkinctl staff-pin set`), which also opens staff mode: hold the event header for three "
            "seconds.\n"
            "Full screen (the default) cannot be closed from the keyboard or the compositor outside staff mode; "
            "see docs/kiosk.md for running it under the cage kiosk compositor with systemd.\n"
            "Exit status: 0 after a normal quit or a passed self-test; 1 when the user interface or the database "
            "fails; 2 when there is no database or no event to check in to."_s.arg(defaultDatabasePath()));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({db, event, kiosk, windowed, size, selfTest, screenshot, sampleName, noPrint, badgePrinter,
                           agendaPrinter, noCamera, noVirtualKeyboard, language, backupInterval,
                           venuePg, reportReady, quitWhenReady});
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart; // for --report-ready
    sinceStart.start();
    QCoreApplication::setApplicationName(u"ietf-checkin"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(CHECKIN_VERSION));
    const Options options;

    // --help and --version need no display.
    if (hasArgument(argc, argv, {"-h", "--help", "--help-all", "-v", "--version"})) {
        QCoreApplication app(argc, argv);
        QCommandLineParser parser;
        options.addTo(parser);
        parser.process(app); // prints and exits
        return 0;
    }
    // --self-test and --screenshot render offscreen unless a platform is asked for.
    if (hasArgument(argc, argv, {"--self-test", "--screenshot"}) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    // The on-screen keyboard for the name search: a touchscreen kiosk has no other.
    if (!hasArgument(argc, argv, {"--no-virtual-keyboard"}) && qEnvironmentVariableIsEmpty("QT_IM_MODULE"))
        qputenv("QT_IM_MODULE", "qtvirtualkeyboard");

    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationDisplayName(u"IETF check-in"_s);
    QCommandLineParser parser;
    options.addTo(parser);
    parser.process(app);

    QString dbPath = parser.value(options.db);
    if (dbPath.isEmpty())
        dbPath = qEnvironmentVariable("CHECKIN_DB");
    if (dbPath.isEmpty())
        dbPath = defaultDatabasePath();
    int eventNumber = 0;
    if (parser.isSet(options.event)) {
        bool ok = false;
        eventNumber = parser.value(options.event).toInt(&ok);
        if (!ok || eventNumber <= 0) {
            printError(u"checkin-kiosk: --event takes an IETF meeting number, such as 122."_s);
            return 2;
        }
    }
    QString kioskId = parser.value(options.kiosk);
    if (kioskId.isEmpty())
        kioskId = qEnvironmentVariable("CHECKIN_KIOSK");
    if (kioskId.isEmpty())
        kioskId = QSysInfo::machineHostName();
    const bool selfTest = parser.isSet(options.selfTest) || parser.isSet(options.screenshot);

    KioskPrinting::Options printOptions;
    printOptions.dbPath = dbPath;
    printOptions.kioskId = kioskId;
    for (auto [option, spec] : {std::pair(&options.badgePrinter, &printOptions.badgePrinter),
                                std::pair(&options.agendaPrinter, &printOptions.agendaPrinter)}) {
        if (!parser.isSet(*option))
            continue;
        auto parsed = PrinterSpec::parse(parser.value(*option));
        if (!parsed) {
            printError(u"checkin-kiosk: --%1: %2"_s.arg(option->names().constFirst(), parsed.error()));
            return 2;
        }
        *spec = *parsed;
    }

    auto event = findKioskEvent(dbPath, eventNumber);
    if (!event) {
        printError(u"checkin-kiosk: %1"_s.arg(event.error().message));
        if (event.error().kind == KioskSetupError::Kind::Database)
            return 1;
        printError(u"Create the event first: `checkinctl demo` makes a demo event with guests and QR codes, "
                   "`checkinctl event create` a real one. Point the kiosk at another database with --db PATH "
                   "or CHECKIN_DB."_s);
        return 2;
    }

    bool intervalOk = false;
    const int backupMinutes = parser.value(options.backupInterval).toInt(&intervalOk);
    if (!intervalOk || backupMinutes < 0 || backupMinutes > 24 * 60) {
        printError(u"checkin-kiosk: --backup-interval takes minutes between backups, 0 to 1440 (0: none)."_s);
        return 2;
    }

    const QString language = parser.isSet(options.language) ? parser.value(options.language) : u"en"_s;
    if (kiosklanguages::normalized(language).isEmpty()) {
        printError(u"checkin-kiosk: --language takes one of %1."_s.arg(kiosklanguages::codes().join(u", "_s)));
        return 2;
    }

    if (selfTest)
        g_previousHandler = qInstallMessageHandler(recordQmlProblems);

    KioskController controller(dbPath, *event, kioskId);
    KeyboardWedge wedge;
    app.installEventFilter(&wedge);
    controller.useKeyboardWedge(&wedge);
    // Camera scans beside the USB scanner; none for --self-test, --no-camera, or when there is no camera.
    CameraScanner camera;
    controller.useCamera(&camera);
    if (!selfTest && !parser.isSet(options.noCamera))
        camera.start();
    // Declared after the controller, so it stops (letting the job in hand finish) before the controller goes.
    std::unique_ptr<KioskPrinting> printing;
    if (!selfTest && !parser.isSet(options.noPrint)) {
        printing = std::make_unique<KioskPrinting>(printOptions);
        controller.followPrinting(printing.get());
        printing->start();
    }

    // Staff see every kiosk's arrivals from the venue database (read-only, so --screenshot shows them too).
    const QString venueConninfo = parser.isSet(options.venuePg) ? parser.value(options.venuePg)
                                                                 : qEnvironmentVariable("CHECKIN_VENUE_PG");
    if (!venueConninfo.trimmed().isEmpty())
        controller.setVenueDatabase(venueConninfo);

    QQuickStyle::setStyle(u"Basic"_s);
    QQmlApplicationEngine engine;
    engine.addImportPath(u"qrc:/qt/qml"_s); // Qt 6.4 does not search there by default
    controller.exposeTo(engine);
    controller.setDefaultLanguage(language);
    engine.load(QUrl(u"qrc:/qt/qml/IetfCheckin/Main.qml"_s));
    auto *window = engine.rootObjects().isEmpty() ? nullptr
                                                  : qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window) {
        printError(u"checkin-kiosk: the user interface could not be loaded."_s);
        return 1;
    }

    if (selfTest) {
        window->resize(parseSize(parser.value(options.size), QSize(1920, 1080)));
        window->show();
        KioskShowcase showcase(controller, *window);
        showcase.setScreenshotDir(parser.value(options.screenshot));
        if (parser.isSet(options.sampleName))
            showcase.setSampleName(parser.value(options.sampleName));
        const bool ok = showcase.run();
        const QStringList problems = showcase.problems() + g_qmlProblems;
        for (const QString &problem : problems)
            printError(u"self-test: "_s + problem);
        std::fputs(problems.isEmpty() ? "self-test: every screen shown\n" : "self-test: FAILED\n", stdout);
        return ok && problems.isEmpty() ? 0 : 1;
    }

    std::unique_ptr<ReadyReport> readyReport;
    if (parser.isSet(options.reportReady) || parser.isSet(options.quitWhenReady)) {
        readyReport = std::make_unique<ReadyReport>(controller, *window, sinceStart,
                                                    parser.isSet(options.quitWhenReady));
    }
    const StopOnSignal stopOnSignal; // SIGTERM quits the event loop, so that printing stops cleanly
    QObject::connect(&stopOnSignal, &StopOnSignal::received, &app, &QCoreApplication::quit);
    std::unique_ptr<KioskBackups> backups;
    if (backupMinutes > 0) {
        backups = std::make_unique<KioskBackups>(dbPath, event->number, std::chrono::minutes(backupMinutes));
        backups->start();
    }
    // The venue sync sends this kiosk's records and brings back revocations on its own thread; the dashboard shows
    // its state. Declared after the controller, so it stops (finishing a round in hand) before the controller goes.
    std::unique_ptr<KioskSync> venueSync;
    if (!venueConninfo.trimmed().isEmpty()) {
        venueSync = std::make_unique<KioskSync>(dbPath, *event, kioskId, venueConninfo);
        QObject::connect(venueSync.get(), &KioskSync::stateChanged, controller.dashboard(),
                         &StaffDashboard::setVenueSyncState);
        QObject::connect(venueSync.get(), &KioskSync::doubleBadgesChanged, controller.dashboard(),
                         &StaffDashboard::setVenueDoubleBadges);
        QObject::connect(controller.dashboard(), &StaffDashboard::correctionRecorded, venueSync.get(),
                         &KioskSync::syncSoon);
        venueSync->start();
    }
    if (parser.isSet(options.windowed)) {
        window->resize(parseSize(parser.value(options.size), QSize(1280, 800)));
        window->show();
    } else {
        QGuiApplication::setOverrideCursor(Qt::BlankCursor); // a touchscreen: no mouse pointer on show
        window->setProperty("lockedDown", true);             // Main.qml: no closing outside staff mode
        window->showFullScreen();
    }
    return app.exec();
}
