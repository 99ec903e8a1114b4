#pragma once

#include "kiosk/app/camerascanner.h"
#include "kiosk/app/keyboardwedge.h"
#include "kiosk/app/kioskprinting.h"

#include <QElapsedTimer>
#include <QSize>
#include <QString>

#include <memory>
#include <optional>

class QQmlApplicationEngine;
class QQuickWindow;

namespace checkin {

class KioskBackups;
class KioskController;
class KioskSync;
class ReadyReport;
class StopOnSignal;

// The touchscreen app's wiring: finds the event, builds the controller, the USB scanner, the camera, the print
// worker, the backups, the venue sync and the QML engine, connects them and runs (or walks the screens for
// --self-test and --screenshot). main() parses the command line into Settings and hands over.
class KioskApplication
{
    Q_DISABLE_COPY_MOVE(KioskApplication)

public:
    // What the command line asked for, already checked.
    struct Settings
    {
        QString dbPath;
        int eventNumber = 0; // 0: the latest event in the database
        QString kioskId;
        QString language = QStringLiteral("en"); // the kiosk's own, a kiosklanguages code
        bool selfTest = false;                   // --self-test, or --screenshot with screenshotDir
        QString screenshotDir;
        std::optional<QString> sampleName;
        bool windowed = false;
        QSize size; // invalid: the default for the mode
        bool camera = true;
        bool print = true;
        KioskPrinting::Options printing; // dbPath and kioskId are set from above
        int backupMinutes = 15;          // 0: no backups
        QString venueConninfo;           // empty: no venue database
        bool reportReady = false;
        bool quitWhenReady = false;
    };

    // sinceStart: the process's start, for --report-ready.
    KioskApplication(Settings settings, QElapsedTimer sinceStart);
    ~KioskApplication();

    // Wires everything up and runs the event loop (or the self-test): the process's exit status.
    [[nodiscard]] int run();

private:
    [[nodiscard]] int runSelfTest(QQuickWindow &window);
    void startServices(const db::EventRecord &event);

    Settings m_settings;
    QElapsedTimer m_sinceStart;

    // Destroyed in the reverse order: what uses the controller goes before it, the screens first.
    std::unique_ptr<KioskController> m_controller; // last to go: every member below talks to it
    KeyboardWedge m_wedge;
    CameraScanner m_camera;
    std::unique_ptr<KioskPrinting> m_printing; // stops (letting the job in hand finish) before the controller goes
    std::unique_ptr<QQmlApplicationEngine> m_engine; // the screens bind to the controller: they go before it
    std::unique_ptr<ReadyReport> m_readyReport;
    std::unique_ptr<StopOnSignal> m_stopOnSignal; // SIGTERM quits the event loop, so printing stops cleanly
    std::unique_ptr<KioskBackups> m_backups;
    std::unique_ptr<KioskSync> m_venueSync; // stops (finishing a round in hand) before the controller goes
};

} // namespace checkin
