// checkin-kiosk: the touchscreen check-in app. Parses and checks the options, then hands over to KioskApplication,
// which wires the controller, the USB scanner, the print worker and the QML engine together and shows the window.
// Everything else lives in the libraries.
#include "kiosk/app/kioskapplication.h"
#include "kiosk/app/kiosklanguages.h"
#include "kiosk/app/kiosksetup.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QSysInfo>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>
#include <initializer_list>
#include <optional>

Q_IMPORT_QML_PLUGIN(IetfCheckin_KioskPlugin)
Q_IMPORT_QML_PLUGIN(IetfCheckinPlugin)

using namespace Qt::StringLiterals;
using namespace checkin;

namespace {

void printError(const QString &text)
{
    std::fputs(qPrintable(text + u'\n'), stderr);
}

// WxH, at least 320x240; an invalid size otherwise (the mode's default applies).
QSize parseSize(const QString &text)
{
    const QStringList parts = text.split(u'x');
    if (parts.size() != 2)
        return {};
    bool okW = false;
    bool okH = false;
    const QSize size(parts[0].toInt(&okW), parts[1].toInt(&okH));
    return okW && okH && size.width() >= 320 && size.height() >= 240 ? size : QSize();
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
    QCommandLineOption event{u"event"_s,
                             u"The IETF meeting number to check in to (default: the latest event in "
                             "the database)."_s,
                             u"number"_s};
    QCommandLineOption kiosk{u"kiosk"_s,
                             u"This kiosk's id, recorded with every check-in (default: "
                             "$CHECKIN_KIOSK, else the host name)."_s,
                             u"id"_s};
    QCommandLineOption windowed{u"windowed"_s, u"Run in a window instead of full screen."_s};
    QCommandLineOption size{u"size"_s,
                            u"Window size for --windowed (default 1280x800) and --self-test or "
                            "--screenshot (default 1920x1080)."_s,
                            u"WxH"_s};
    QCommandLineOption selfTest{u"self-test"_s, u"Load the UI offscreen, show every screen once with sample data "
                                                "(nobody is checked in), exit 0 when all is well, 1 otherwise."_s};
    QCommandLineOption screenshot{u"screenshot"_s,
                                  u"Like --self-test, and save every screen as "
                                  "DIR/<state>_<language>.png, in every language."_s,
                                  u"dir"_s};
    QCommandLineOption sampleName{u"sample-name"_s, u"The guest name shown by --self-test and --screenshot."_s,
                                  u"name"_s};
    QCommandLineOption noPrint{u"no-print"_s, u"Do not print on this kiosk: check-ins still queue badges and "
                                              "agendas, for `checkinctl print-worker` to print."_s};
    QCommandLineOption badgePrinter{u"badge-printer"_s,
                                    u"Print badges here for this run instead of the printer "
                                    "stored in the database: cups:QUEUE, cups:QUEUE@HOST:PORT, "
                                    "folder:DIR or none."_s,
                                    u"spec"_s};
    QCommandLineOption agendaPrinter{u"agenda-printer"_s,
                                     u"Print agendas here for this run instead of the printer "
                                     "stored in the database (same forms as "
                                     "--badge-printer)."_s,
                                     u"spec"_s};
    QCommandLineOption language{u"language"_s,
                                u"The kiosk's own language, shown between guests: en, fr, es, ar, zh "
                                "or ru (default: en). Guests can pick another for their scan; "
                                "an admitted guest is answered in their own."_s,
                                u"code"_s};
    QCommandLineOption noCamera{u"no-camera"_s, u"Do not scan with the camera (scans come from the USB scanner "
                                                "only)."_s};
    QCommandLineOption noVirtualKeyboard{u"no-virtual-keyboard"_s, u"Do not show the on-screen keyboard in the name "
                                                                   "search (the kiosk has a real keyboard). Also "
                                                                   "when QT_IM_MODULE is set."_s};
    QCommandLineOption backupInterval{u"backup-interval"_s,
                                      u"Write a backup of the database to backups/ beside it "
                                      "every MINUTES (default 15; the newest 10 are kept; "
                                      "0: no backups)."_s,
                                      u"minutes"_s, u"15"_s};
    QCommandLineOption venuePg{u"venue-pg"_s,
                               u"Sync with the venue's PostgreSQL database at CONNINFO (a libpq "
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
                           agendaPrinter, noCamera, noVirtualKeyboard, language, backupInterval, venuePg, reportReady,
                           quitWhenReady});
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

    KioskApplication::Settings settings;
    settings.dbPath = parser.value(options.db);
    if (settings.dbPath.isEmpty())
        settings.dbPath = qEnvironmentVariable("CHECKIN_DB");
    if (settings.dbPath.isEmpty())
        settings.dbPath = defaultDatabasePath();
    if (parser.isSet(options.event)) {
        bool ok = false;
        settings.eventNumber = parser.value(options.event).toInt(&ok);
        if (!ok || settings.eventNumber <= 0) {
            printError(u"checkin-kiosk: --event takes an IETF meeting number, such as 122."_s);
            return 2;
        }
    }
    settings.kioskId = parser.value(options.kiosk);
    if (settings.kioskId.isEmpty())
        settings.kioskId = qEnvironmentVariable("CHECKIN_KIOSK");
    if (settings.kioskId.isEmpty())
        settings.kioskId = QSysInfo::machineHostName();
    settings.selfTest = parser.isSet(options.selfTest) || parser.isSet(options.screenshot);
    settings.screenshotDir = parser.value(options.screenshot);
    if (parser.isSet(options.sampleName))
        settings.sampleName = parser.value(options.sampleName);
    settings.windowed = parser.isSet(options.windowed);
    settings.size = parseSize(parser.value(options.size));
    settings.camera = !parser.isSet(options.noCamera);
    settings.print = !parser.isSet(options.noPrint);
    settings.reportReady = parser.isSet(options.reportReady);
    settings.quitWhenReady = parser.isSet(options.quitWhenReady);

    for (auto [option, spec] : {std::pair(&options.badgePrinter, &settings.printing.badgePrinter),
                                std::pair(&options.agendaPrinter, &settings.printing.agendaPrinter)}) {
        if (!parser.isSet(*option))
            continue;
        auto parsed = PrinterSpec::parse(parser.value(*option));
        if (!parsed) {
            printError(u"checkin-kiosk: --%1: %2"_s.arg(option->names().constFirst(), parsed.error()));
            return 2;
        }
        *spec = *parsed;
    }

    bool intervalOk = false;
    settings.backupMinutes = parser.value(options.backupInterval).toInt(&intervalOk);
    if (!intervalOk || settings.backupMinutes < 0 || settings.backupMinutes > 24 * 60) {
        printError(u"checkin-kiosk: --backup-interval takes minutes between backups, 0 to 1440 (0: none)."_s);
        return 2;
    }

    if (parser.isSet(options.language))
        settings.language = parser.value(options.language);
    if (kiosklanguages::normalized(settings.language).isEmpty()) {
        printError(u"checkin-kiosk: --language takes one of %1."_s.arg(kiosklanguages::codes().join(u", "_s)));
        return 2;
    }
    settings.venueConninfo = parser.isSet(options.venuePg) ? parser.value(options.venuePg)
                                                           : qEnvironmentVariable("CHECKIN_VENUE_PG");

    KioskApplication kiosk(std::move(settings), sinceStart);
    return kiosk.run();
}
