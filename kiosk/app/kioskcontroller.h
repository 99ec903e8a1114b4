#pragma once

#include "kiosk/app/guestlookup.h"
#include "kiosk/app/kioskenums.h"
#include "kiosk/app/kiosklanguages.h"
#include "kiosk/app/kioskstaff.h"
#include "kiosk/app/printprogress.h"
#include "kiosk/app/staffdashboard.h"

#include "db/records.h"
#include "kiosk/checkin/checkinoutcome.h"
#include "kiosk/printqueue/printersetup.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLocale>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QThread>
#include <QTimer>
#include <QTranslator>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <memory>

class QQmlEngine;
class QJSEngine;

namespace checkin {

class CameraScanner;
class GuestDirectory;
class KeyboardWedge;
class KioskPrinting;
class KioskWorker;

// What the kiosk screens show, and the one way in for scans. QML sees it as the singleton `Kiosk`
// (import IetfCheckin.Kiosk); main creates it with the event and database and exposes it to its engine.
//
// States (CheckIn::KioskState): Attract (waiting for a scan) → Working (a check-in runs on the worker thread) →
// Outcome (the result, for outcomeTimeout ms or until dismiss()) → Attract. Which screen is up follows from the state,
// the lookup and staff mode (screen). Holds no SQL and no rules: the worker thread's CheckInService decides; this
// only presents.
//
// Printing: with followPrinting(), the print jobs of the guest on screen are followed live (printStatus,
// printProblem) and printer problems are collected kiosk-wide (printerProblem) for the attract screen. Every
// signal from the worker threads reaches this object by queued connection, on the GUI thread.
class KioskController : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KioskController)
    QML_NAMED_ELEMENT(Kiosk)
    QML_SINGLETON

    Q_PROPERTY(QString eventTitle READ eventTitle NOTIFY languageChanged)
    Q_PROPERTY(QString eventDates READ eventDates NOTIFY languageChanged)
    Q_PROPERTY(int eventNumber READ eventNumber CONSTANT)
    Q_PROPERTY(QString kioskId READ kioskId CONSTANT)
    Q_PROPERTY(bool ready READ isReady NOTIFY readyChanged)
    Q_PROPERTY(QString serviceError READ serviceError NOTIFY readyChanged)

    Q_PROPERTY(checkin::CheckIn::KioskState state READ state NOTIFY stateChanged)
    Q_PROPERTY(checkin::CheckIn::Screen screen READ screen NOTIFY screenChanged)
    Q_PROPERTY(checkin::CheckIn::Screen guestScreen READ guestScreen NOTIFY screenChanged)
    Q_PROPERTY(checkin::CheckIn::OutcomeKind outcomeKind READ outcomeKind NOTIFY outcomeChanged)
    Q_PROPERTY(bool admitted READ isAdmitted NOTIFY outcomeChanged)
    Q_PROPERTY(QString guestName READ guestName NOTIFY outcomeChanged)
    Q_PROPERTY(QString guestLanguage READ guestLanguage NOTIFY outcomeChanged)
    Q_PROPERTY(int dayNumber READ dayNumber NOTIFY outcomeChanged)
    Q_PROPERTY(QString firstScanTime READ firstScanTime NOTIFY outcomeChanged)
    Q_PROPERTY(bool printing READ isPrinting NOTIFY outcomeChanged)
    Q_PROPERTY(int otherEventNumber READ otherEventNumber NOTIFY outcomeChanged)
    Q_PROPERTY(QString staffDetail READ staffDetail NOTIFY outcomeChanged)

    Q_PROPERTY(checkin::CheckIn::PrintStatus printStatus READ printStatus NOTIFY printStatusChanged)
    Q_PROPERTY(QStringList printKinds READ printKinds NOTIFY printStatusChanged)
    Q_PROPERTY(QString printProblem READ printProblem NOTIFY printStatusChanged)
    Q_PROPERTY(QStringList printerProblemKinds READ printerProblemKinds NOTIFY printerProblemChanged)
    Q_PROPERTY(QString printerProblem READ printerProblem NOTIFY printerProblemChanged)
    Q_PROPERTY(bool printsHere READ printsHere NOTIFY printDestinationsChanged)
    Q_PROPERTY(bool printsOnPaper READ printsOnPaper NOTIFY printDestinationsChanged)
    Q_PROPERTY(QStringList printDestinations READ printDestinations NOTIFY printDestinationsChanged)

    Q_PROPERTY(QString language READ language NOTIFY languageChanged)
    Q_PROPERTY(QString defaultLanguage READ defaultLanguage NOTIFY languageChanged)
    Q_PROPERTY(checkin::LanguageListModel *languages READ languages CONSTANT)

    Q_PROPERTY(int outcomeTimeout READ outcomeTimeout WRITE setOutcomeTimeout NOTIFY outcomeTimeoutChanged)
    Q_PROPERTY(int debounceInterval READ debounceInterval WRITE setDebounceInterval NOTIFY debounceIntervalChanged)
    Q_PROPERTY(bool cameraActive READ isCameraActive NOTIFY cameraActiveChanged)

    Q_PROPERTY(checkin::KioskStaff *staff READ staff CONSTANT)
    Q_PROPERTY(checkin::StaffDashboard *dashboard READ dashboard CONSTANT)
    Q_PROPERTY(checkin::GuestLookup *lookup READ lookup CONSTANT)

public:
    static constexpr int kDefaultOutcomeTimeout = 8000;   // ms on an outcome screen before returning to attract
    static constexpr int kDefaultDebounceInterval = 3000; // ms in which the same payload again is ignored
    static constexpr int kWorkingTimeout = 20000;         // ms before a check-in that never answers becomes an error
    static constexpr int kWorkingScreenDelay = 250;       // ms of a check-in before the working screen replaces attract

    // Starts the worker thread, which opens its own connection to databasePath and checks in to event.
    KioskController(QString databasePath, db::EventRecord event, QString kioskId, QObject *parent = nullptr);
    ~KioskController() override;

    // The QML singleton factory: the controller exposed to this engine with exposeTo().
    static KioskController *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);
    // Makes this controller the `Kiosk` singleton of engine (call before loading any QML).
    void exposeTo(QQmlEngine &engine);

    [[nodiscard]] QString eventTitle() const { return m_eventTitle; }
    [[nodiscard]] QString eventDates() const { return m_eventDates; }
    [[nodiscard]] int eventNumber() const { return m_event.number; }
    [[nodiscard]] QString kioskId() const { return m_kioskId; }
    [[nodiscard]] bool isReady() const { return m_ready; }
    [[nodiscard]] QString serviceError() const { return m_serviceError; }

    [[nodiscard]] CheckIn::KioskState state() const { return m_state; }
    // The screen that is up: a staff overlay (PIN pad, staff home) or else guestScreen.
    [[nodiscard]] CheckIn::Screen screen() const { return m_screen; }
    // The guests' screen (attract, lookup, working, outcome), under any staff overlay. Working only once a check-in
    // has run for kWorkingScreenDelay ms: most answer before, and attract stays up meanwhile.
    [[nodiscard]] CheckIn::Screen guestScreen() const { return m_guestScreen; }
    // The outcome on screen; None on the attract screen.
    [[nodiscard]] CheckIn::OutcomeKind outcomeKind() const { return m_outcomeKind; }
    [[nodiscard]] bool isAdmitted() const { return m_admitted; }
    // The guest's name as they write it; only for admitted guests (a refused code never shows whose it is).
    [[nodiscard]] QString guestName() const { return m_guestName; }
    [[nodiscard]] QString guestLanguage() const { return m_guestLanguage; }
    [[nodiscard]] int dayNumber() const { return m_dayNumber; }
    // already_checked_in: the venue-local time of the first scan today, in the UI locale's short format.
    [[nodiscard]] QString firstScanTime() const { return m_firstScanTime; }
    // welcome: true when this check-in queued the badge and agenda.
    [[nodiscard]] bool isPrinting() const { return m_printing; }
    // other_event: the meeting the invitation was issued for.
    [[nodiscard]] int otherEventNumber() const { return m_otherEventNumber; }
    // error: what went wrong, one English sentence for the staff member the guest fetches (disk full …).
    [[nodiscard]] QString staffDetail() const { return m_staffDetail; }

    // The documents of the guest on screen: None (nothing printing here), Queued, Printing, Printed or Problem.
    [[nodiscard]] CheckIn::PrintStatus printStatus() const { return m_print.status(); }
    // Which documents are printing for the guest on screen: badge, agenda.
    [[nodiscard]] QStringList printKinds() const { return m_print.jobKinds(); }
    // Why the guest's documents do not print, for staff (printStatus problem); one sentence a line.
    [[nodiscard]] QString printProblem() const { return m_print.problem(); }
    // Kinds whose printer needs staff right now, whoever is on screen: badge, agenda.
    [[nodiscard]] QStringList printerProblemKinds() const { return m_printerProblems.keys(); }
    // What those printers need, for staff; one sentence a line.
    [[nodiscard]] QString printerProblem() const;
    // True when this kiosk prints some kind of document itself (printKinds is only the guest on screen's).
    [[nodiscard]] bool printsHere() const { return !m_print.kinds().isEmpty(); }
    // True when the documents that print here come out of a printer the guest can collect from; false when any goes
    // to a PDF folder (staff hand those over). True until printing says where documents go.
    [[nodiscard]] bool printsOnPaper() const;
    // Where each kind goes and why, one line per kind in the UI language, for staff ("Badges: CUPS printer …").
    [[nodiscard]] QStringList printDestinations() const;

    [[nodiscard]] int outcomeTimeout() const { return m_outcomeTimeout; }
    void setOutcomeTimeout(int ms);
    [[nodiscard]] int debounceInterval() const { return m_debounceInterval; }
    void setDebounceInterval(int ms);

    // The language on screen (en fr es ar zh ru): the default, the one picked for the next guest, or the admitted
    // guest's own on their outcome screen.
    [[nodiscard]] QString language() const { return m_language; }
    // The language the kiosk returns to on the attract screen.
    [[nodiscard]] QString defaultLanguage() const { return m_defaultLanguage; }
    [[nodiscard]] LanguageListModel *languages() { return &m_languages; }
    // Shows the UI in code now (translations, dates, right-to-left for Arabic); false for an unknown code.
    Q_INVOKABLE bool setLanguage(const QString &code);
    // Sets the language the kiosk returns to after each guest, and shows it; false for an unknown code.
    bool setDefaultLanguage(const QString &code);

    // Where "now" comes from for check-ins (tests and rehearsals move it); default: the system clock.
    void setClock(std::function<QDateTime()> clock);

    // Submits scanned text (source: scanner|camera|image). False when ignored: empty, a check-in already
    // running, or the same text again within debounceInterval (each repeat extends the window).
    Q_INVOKABLE bool submitScan(const QString &text, const QString &source = QStringLiteral("scanner"));
    // Leaves the outcome screen now.
    Q_INVOKABLE void dismiss();

    // Takes the camera's new codes as scans (source camera), decoding only on the attract screen; nullptr: none.
    void useCamera(CameraScanner *camera);
    // True while a camera delivers frames to decode (the attract screen shows its image).
    [[nodiscard]] bool isCameraActive() const;
    // The QML VideoOutput that shows the camera (CameraViewfinder.qml).
    Q_INVOKABLE void attachViewfinder(QObject *videoOutput);

    // Staff mode and its PIN pad (tests set its idle timeout).
    [[nodiscard]] KioskStaff *staff() { return m_staff.get(); }
    // Staff mode's dashboard (live while staff mode is open).
    [[nodiscard]] StaffDashboard *dashboard() { return m_dashboard.get(); }
    // Staff see every kiosk's arrivals, read from the venue database at conninfo (the kiosk's own file whenever it
    // cannot be read). The guests' lookup never reads it.
    void setVenueDatabase(const QString &conninfo);
    // The guests' manual lookup.
    [[nodiscard]] GuestLookup *lookup() { return m_lookup.get(); }
    // Checks in the guest with this row id without a scan (manual lookup confirmed by staff): the same rules,
    // recorded as a manual check-in by actor. False when ignored (a check-in already running).
    bool checkInGuest(qint64 guestId, const QString &actor);

    // Takes the wedge's scans (source scanner) and disables it while scanning is paused.
    void useKeyboardWedge(KeyboardWedge *wedge);

    // Shows an outcome without checking anyone in (self-test, screenshots); also the end of every check-in.
    // jobs: the admitted guest's print jobs to follow on screen.
    void present(const CheckInOutcome &outcome, const GuestPrintJobs &jobs = {});
    // Shows the working state without checking anyone in (self-test, screenshots).
    void presentWorking();

    // Follows printing's jobs and printer problems, and wakes it after each check-in that queued documents;
    // nullptr: this kiosk does not print (printStatus stays empty).
    void followPrinting(KioskPrinting *printing);
    // The kinds this kiosk prints (jobs of other kinds are not followed); followPrinting() sets them.
    void setPrintKinds(const QStringList &kinds);
    // Where each kind of document goes (followPrinting takes it from KioskPrinting; screenshots call it directly).
    void setPrintDestinations(const QList<PrinterChoice> &choices);
    // A print job changed (from the print worker; self-test and screenshots call it directly).
    void notePrintJob(const PrintJobState &job);
    // The printer for kind needs staff (problem) or is fine again (empty problem).
    void notePrinterProblem(const QString &kind, const QString &problem);

Q_SIGNALS:
    void stateChanged();
    void outcomeChanged();
    void readyChanged();
    void outcomeTimeoutChanged();
    void languageChanged();
    void debounceIntervalChanged();
    void printStatusChanged();
    void printerProblemChanged();
    // printsOnPaper or printDestinations changed (also with the language).
    void printDestinationsChanged();
    // The outcome on screen got a fresh outcomeTimeout (its print status turned into a problem to read).
    void outcomeExtended();
    // A check-in queued documents to print: the print worker should look now.
    void printJobsQueued();
    void cameraActiveChanged();
    // screen or guestScreen changed.
    void screenChanged();

private:
    using State = CheckIn::KioskState;

    void setState(State state);
    void updateScreen();
    // Starts a check-in on the worker thread: run(worker, requestId, now) is called there.
    bool startCheckIn(const std::function<void(KioskWorker *, quint64, const QDateTime &)> &run);
    void clearOutcome();
    void onOpened(const QString &error);
    void onCheckedIn(quint64 requestId, const CheckInOutcome &outcome, const GuestPrintJobs &jobs);
    void changePrintProgress(const std::function<void()> &change);
    void formatFirstScanTime();

    db::EventRecord m_event;
    QString m_kioskId;
    QString m_eventTitle;
    QString m_eventDates;
    bool m_ready = false;
    QString m_serviceError;

    State m_state = State::Attract;
    bool m_workingShown = false; // the check-in has run for kWorkingScreenDelay ms
    CheckIn::Screen m_screen = CheckIn::Screen::Attract;
    CheckIn::Screen m_guestScreen = CheckIn::Screen::Attract;
    CheckIn::OutcomeKind m_outcomeKind = CheckIn::OutcomeKind::None;
    bool m_admitted = false;
    QString m_guestName;
    QString m_guestLanguage;
    int m_dayNumber = 0;
    QString m_firstScanTime;
    QTime m_firstScanClock; // venue-local, formatted again when the language changes
    bool m_printing = false;
    int m_otherEventNumber = 0;
    QString m_staffDetail;

    QString m_language = QStringLiteral("en");
    QString m_defaultLanguage = QStringLiteral("en");
    QLocale m_locale = kiosklanguages::locale(QStringLiteral("en"));
    std::unique_ptr<QTranslator> m_translator; // installed on the application while a translation is shown
    QPointer<QQmlEngine> m_engine;             // retranslated on every change (exposeTo)
    LanguageListModel m_languages;

    PrintProgress m_print;
    QMap<QString, QString> m_printerProblems; // kind → sentence for staff
    QList<PrinterChoice> m_printChoices;      // where each kind goes; empty until printing has said
    QPointer<KioskPrinting> m_kioskPrinting;
    QList<QMetaObject::Connection> m_printingConnections;

    int m_outcomeTimeout = kDefaultOutcomeTimeout;
    int m_debounceInterval = kDefaultDebounceInterval;
    QString m_lastPayload;
    QElapsedTimer m_lastPayloadSeen; // monotonic: debouncing must not follow wall-clock jumps

    quint64 m_requestId = 0;
    std::function<QDateTime()> m_clock;
    QTimer m_outcomeTimer;
    QTimer m_workingTimer;
    QTimer m_workingScreenTimer;
    QThread m_thread;
    KioskWorker *m_worker = nullptr; // lives on m_thread, deleted there when it finishes
    QPointer<CameraScanner> m_camera;
    QList<QMetaObject::Connection> m_cameraConnections;
    std::unique_ptr<KioskStaff> m_staff;
    std::unique_ptr<GuestDirectory> m_directory; // before the two that use it
    std::unique_ptr<StaffDashboard> m_dashboard;
    std::unique_ptr<GuestLookup> m_lookup;
};

} // namespace checkin
