#include "kiosk/app/kioskcontroller.h"

#include "printing/daterange.h"

#include "kiosk/app/camerascanner.h"
#include "kiosk/app/guestdirectory.h"
#include "kiosk/app/guestlookup.h"
#include "kiosk/app/keyboardwedge.h"
#include "kiosk/app/kioskprinting.h"
#include "kiosk/app/kioskstaff.h"
#include "kiosk/app/kioskworker.h"
#include "kiosk/app/staffdashboard.h"

#include <QDir>
#include <QFileInfo>

#include <QCoreApplication>
#include <QGuiApplication>
#include <QJSEngine>
#include <QLocale>
#include <QLoggingCategory>
#include <QQmlEngine>

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcKiosk, "checkin.kiosk")

namespace checkin {

namespace {

constexpr const char *kEngineProperty = "_checkin_kioskController";

QString titleOf(const db::EventRecord &event)
{
    if (event.city.isEmpty() || event.name.contains(event.city, Qt::CaseInsensitive))
        return event.name;
    return KioskController::tr("%1 · %2", "event name · city").arg(event.name, event.city);
}

// "2–5 November 2026", "30 March – 2 April 2026", "30 December 2026 – 2 January 2027".
QString datesOf(const db::EventRecord &event, const QLocale &locale)
{
    return formatDateRange(event.firstDay, event.lastDay, locale);
}

} // namespace

KioskController::KioskController(QString databasePath, db::EventRecord event, QString kioskId, QObject *parent)
    : QObject(parent)
    , m_event(std::move(event))
    , m_kioskId(std::move(kioskId))
    , m_eventTitle(titleOf(m_event))
    , m_eventDates(datesOf(m_event, kiosklanguages::locale(u"en"_s)))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_outcomeTimer.setSingleShot(true);
    connect(&m_outcomeTimer, &QTimer::timeout, this, &KioskController::dismiss);
    m_workingTimer.setSingleShot(true);
    m_workingTimer.setInterval(kWorkingTimeout);
    connect(&m_workingTimer, &QTimer::timeout, this, [this] {
        qCWarning(lcKiosk) << "check-in" << m_requestId << "did not answer within" << kWorkingTimeout << "ms";
        ++m_requestId; // a late answer is dropped
        CheckInOutcome late;
        late.kind = OutcomeKind::SystemError;
        late.message = u"The check-in did not finish in time."_s;
        present(late);
    });

    // The PIN is checked on KioskStaff's own short-lived thread with its own connection (Argon2id is slow).
    m_staff = std::make_unique<KioskStaff>(databasePath, m_kioskId, m_event.id);
    m_staff->setClock([this] { return m_clock(); });
    connect(m_staff.get(), &KioskStaff::staffChanged, this, [this] {
        m_dashboard->setActive(m_staff->isStaffMode());
        updateScreen();
    });
    connect(m_staff.get(), &KioskStaff::confirmed, this, [this] {
        const qint64 guestId = m_lookup->isConfirming() ? m_lookup->chosenGuestId() : 0;
        m_lookup->close();
        if (guestId != 0)
            checkInGuest(guestId, u"staff@%1 (manual lookup)"_s.arg(m_kioskId));
    });

    // Staff lists and the manual lookup read on their own thread, so a search never delays a scan.
    m_directory = std::make_unique<GuestDirectory>(databasePath, m_event, m_kioskId);
    m_directory->setClock([this] { return m_clock(); });
    const QString reports = QFileInfo(databasePath).absoluteDir().filePath(u"reports"_s);
    m_dashboard = std::make_unique<StaffDashboard>(*m_directory, reports, u"staff@%1"_s.arg(m_kioskId));
    m_lookup = std::make_unique<GuestLookup>(*m_directory, *m_staff);
    connect(m_lookup.get(), &GuestLookup::chosenChanged, this, [this] {
        if (!m_lookup->isConfirming())
            m_staff->leaveStaffMode(); // clears the PIN pad's last answer
        updateScreen();
    });
    connect(m_lookup.get(), &GuestLookup::openChanged, this, &KioskController::updateScreen);
    m_workingScreenTimer.setSingleShot(true);
    m_workingScreenTimer.setInterval(kWorkingScreenDelay);
    connect(&m_workingScreenTimer, &QTimer::timeout, this, [this] {
        m_workingShown = true;
        updateScreen();
    });

    m_thread.setObjectName(u"checkin-worker"_s);
    m_worker = new KioskWorker(std::move(databasePath), m_event, m_kioskId);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::started, m_worker, &KioskWorker::open);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    // Queued: the worker emits on its own thread, the controller (and so QML) hears it on the GUI thread.
    connect(m_worker, &KioskWorker::opened, this, &KioskController::onOpened, Qt::QueuedConnection);
    connect(m_worker, &KioskWorker::checkedIn, this, &KioskController::onCheckedIn, Qt::QueuedConnection);
    m_thread.start();
}

KioskController::~KioskController()
{
    m_thread.quit();
    m_thread.wait();
}

KioskController *KioskController::create(QQmlEngine *qmlEngine, QJSEngine *jsEngine)
{
    Q_UNUSED(jsEngine)
    auto *controller = qmlEngine->property(kEngineProperty).value<KioskController *>();
    if (!controller) {
        qCCritical(lcKiosk) << "No KioskController was exposed to this QML engine (KioskController::exposeTo)";
        return nullptr;
    }
    // main owns the controller; the engine must not delete it.
    QJSEngine::setObjectOwnership(controller, QJSEngine::CppOwnership);
    return controller;
}

void KioskController::exposeTo(QQmlEngine &engine)
{
    engine.setProperty(kEngineProperty, QVariant::fromValue(this));
    m_engine = &engine;
}

bool KioskController::setLanguage(const QString &code)
{
    const QString language = kiosklanguages::normalized(code);
    if (language.isEmpty()) {
        qCWarning(lcKiosk) << "no such kiosk language:" << code;
        return false;
    }
    if (language == m_language)
        return true;
    if (m_translator) {
        QCoreApplication::removeTranslator(m_translator.get());
        m_translator.reset();
    }
    const QString file = kiosklanguages::translationFile(language);
    if (!file.isEmpty()) {
        auto translator = std::make_unique<QTranslator>();
        if (translator->load(file) && QCoreApplication::installTranslator(translator.get()))
            m_translator = std::move(translator);
        else
            qCWarning(lcKiosk) << "cannot load the translation" << file;
    }
    m_language = language;
    m_locale = kiosklanguages::locale(language);
    // Explicitly, not from the translation: QGuiApplication would only guess it while it was never set.
    QGuiApplication::setLayoutDirection(language == u"ar" ? Qt::RightToLeft : Qt::LeftToRight);
    m_eventTitle = titleOf(m_event);
    m_eventDates = datesOf(m_event, m_locale);
    m_dashboard->setLocale(m_locale);
    m_lookup->results()->setLocale(m_locale);
    const QString firstScanTime = m_firstScanTime;
    formatFirstScanTime();
    Q_EMIT languageChanged();
    Q_EMIT printDestinationsChanged(); // its lines are translated here, not in QML
    if (m_firstScanTime != firstScanTime)
        Q_EMIT outcomeChanged();
    // qsTr() bindings are evaluated again (installTranslator alone reaches QQmlApplicationEngine only).
    if (m_engine)
        m_engine->retranslate();
    return true;
}

bool KioskController::setDefaultLanguage(const QString &code)
{
    const QString language = kiosklanguages::normalized(code);
    if (language.isEmpty())
        return false;
    const bool shown = language == m_language;
    const bool changed = language != m_defaultLanguage;
    m_defaultLanguage = language;
    if (!setLanguage(language))
        return false;
    // setLanguage() announced a new language on screen; the default alone still needs saying, once.
    if (shown && changed)
        Q_EMIT languageChanged();
    return true;
}

void KioskController::formatFirstScanTime()
{
    m_firstScanTime = m_firstScanClock.isValid() ? m_locale.toString(m_firstScanClock, QLocale::ShortFormat)
                                                 : QString();
}

void KioskController::setOutcomeTimeout(int ms)
{
    if (m_outcomeTimeout == ms)
        return;
    m_outcomeTimeout = ms;
    Q_EMIT outcomeTimeoutChanged();
}

void KioskController::setDebounceInterval(int ms)
{
    if (m_debounceInterval == ms)
        return;
    m_debounceInterval = ms;
    Q_EMIT debounceIntervalChanged();
}

void KioskController::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
}

bool KioskController::submitScan(const QString &text, const QString &source)
{
    const QString payload = text.trimmed();
    if (payload.isEmpty())
        return false;
    if (m_staff->isScanningPaused()) {
        qCInfo(lcKiosk) << "scan ignored: the staff PIN pad or staff mode is open";
        return false;
    }
    if (m_state == State::Working) {
        qCInfo(lcKiosk) << "scan ignored: a check-in is still running";
        return false;
    }
    // A code held in front of a camera is seen again and again: every sighting extends the quiet window.
    if (payload == m_lastPayload && m_lastPayloadSeen.isValid() && m_lastPayloadSeen.elapsed() < m_debounceInterval) {
        m_lastPayloadSeen.restart();
        return false;
    }
    m_lastPayload = payload;
    m_lastPayloadSeen.start();

    m_lookup->close(); // the guest found their invitation after all
    return startCheckIn([payload, source](KioskWorker *worker, quint64 requestId, const QDateTime &now) {
        worker->checkIn(requestId, payload, now, source);
    });
}

bool KioskController::checkInGuest(qint64 guestId, const QString &actor)
{
    if (m_state == State::Working) {
        qCInfo(lcKiosk) << "manual check-in ignored: a check-in is still running";
        return false;
    }
    return startCheckIn([guestId, actor](KioskWorker *worker, quint64 requestId, const QDateTime &now) {
        worker->checkInGuest(requestId, guestId, now, actor);
    });
}

bool KioskController::startCheckIn(const std::function<void(KioskWorker *, quint64, const QDateTime &)> &run)
{
    const quint64 requestId = ++m_requestId;
    const QDateTime now = m_clock();
    m_outcomeTimer.stop();
    clearOutcome();
    setState(State::Working);
    m_workingTimer.start();
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, requestId, now, run] { run(worker, requestId, now); }, Qt::QueuedConnection);
    return true;
}

void KioskController::dismiss()
{
    if (m_state == State::Working)
        return;
    m_outcomeTimer.stop();
    m_lastPayload.clear();
    m_lastPayloadSeen.invalidate();
    clearOutcome();
    setState(State::Attract);
    setLanguage(m_defaultLanguage); // the next guest starts in the kiosk's language
}

void KioskController::present(const CheckInOutcome &outcome, const GuestPrintJobs &jobs)
{
    m_workingTimer.stop();
    // An admitted guest is answered in their own language; a refusal stays in the language on screen.
    if (outcome.admitted() && !kiosklanguages::normalized(outcome.guestLanguage).isEmpty())
        setLanguage(outcome.guestLanguage);
    m_outcomeKind = CheckIn::outcomeKindOf(outcome.kind);
    m_admitted = outcome.admitted();
    m_guestName = m_admitted ? outcome.guestName : QString();
    m_guestLanguage = m_admitted ? outcome.guestLanguage : QString();
    m_dayNumber = outcome.dayNumber;
    m_firstScanClock = outcome.firstScanLocal.isValid() ? outcome.firstScanLocal.time() : QTime();
    formatFirstScanTime();
    m_printing = outcome.kind == OutcomeKind::Welcome && !outcome.printJobsQueued.isEmpty();
    m_otherEventNumber = outcome.tokenEventNumber;
    m_staffDetail = outcome.kind == OutcomeKind::SystemError ? outcome.message : QString();
    changePrintProgress([&] {
        if (m_admitted)
            m_print.follow(jobs);
        else
            m_print.clear();
    });
    Q_EMIT outcomeChanged();
    setState(State::Outcome);
    if (m_outcomeTimeout > 0)
        m_outcomeTimer.start(m_outcomeTimeout);
    if (!outcome.printJobsQueued.isEmpty())
        Q_EMIT printJobsQueued();
}

void KioskController::presentWorking()
{
    m_outcomeTimer.stop();
    clearOutcome();
    setState(State::Working);
}

void KioskController::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    m_workingShown = false;
    if (state == State::Working)
        m_workingScreenTimer.start();
    else
        m_workingScreenTimer.stop();
    Q_EMIT stateChanged();
    updateScreen();
}

void KioskController::updateScreen()
{
    using CheckIn::Screen;
    Screen guest = Screen::Attract;
    if (m_state == State::Outcome)
        guest = Screen::Outcome;
    else if (m_state == State::Working && m_workingShown)
        guest = Screen::Working;
    else if (m_lookup->isOpen())
        guest = Screen::Lookup;
    Screen shown = guest;
    if (m_staff->isStaffMode())
        shown = Screen::StaffHome;
    else if (m_staff->isPinPadOpen() || m_lookup->isConfirming())
        shown = Screen::StaffPinPad;
    if (shown == m_screen && guest == m_guestScreen)
        return;
    m_screen = shown;
    m_guestScreen = guest;
    Q_EMIT screenChanged();
}

void KioskController::clearOutcome()
{
    if (m_outcomeKind == CheckIn::OutcomeKind::None && m_guestName.isEmpty())
        return;
    m_outcomeKind = CheckIn::OutcomeKind::None;
    m_admitted = false;
    m_guestName.clear();
    m_guestLanguage.clear();
    m_dayNumber = 0;
    m_firstScanTime.clear();
    m_firstScanClock = QTime();
    m_printing = false;
    m_otherEventNumber = 0;
    m_staffDetail.clear();
    changePrintProgress([this] { m_print.clear(); });
    Q_EMIT outcomeChanged();
}

void KioskController::onOpened(const QString &error)
{
    m_ready = error.isEmpty();
    m_serviceError = error;
    Q_EMIT readyChanged();
}

void KioskController::onCheckedIn(quint64 requestId, const CheckInOutcome &outcome, const GuestPrintJobs &jobs)
{
    if (requestId != m_requestId || m_state != State::Working)
        return; // answered after the watchdog gave up
    present(outcome, jobs);
}

QString KioskController::printerProblem() const
{
    QStringList sentences;
    for (const QString &problem : m_printerProblems) {
        if (!sentences.contains(problem))
            sentences << problem;
    }
    return sentences.join(u'\n');
}

bool KioskController::printsOnPaper() const
{
    const QStringList kinds = m_print.kinds();
    return std::all_of(m_printChoices.cbegin(), m_printChoices.cend(), [&kinds](const PrinterChoice &choice) {
        return !kinds.contains(choice.kind) || choice.isPrinter();
    });
}

QStringList KioskController::printDestinations() const
{
    QStringList lines;
    for (const PrinterChoice &choice : m_printChoices) {
        const QString documents = choice.kind == u"agenda" ? tr("Agendas") : tr("Badges");
        QString where;
        switch (choice.spec.kind) {
        case PrinterSpec::Kind::Cups:
            where = choice.source == PrinterChoice::Source::CupsDefault
                        ? tr("CUPS printer “%1” (the CUPS default printer)").arg(choice.spec.queue)
                        : tr("CUPS printer “%1” (set for this kiosk)").arg(choice.spec.queue);
            break;
        case PrinterSpec::Kind::Folder:
            where = choice.source == PrinterChoice::Source::FolderFallback
                        ? tr("no printer: saved as PDF files in %1. To print, set a CUPS default printer (lpadmin -d "
                             "QUEUE) "
                             "or use checkinctl printers.")
                              .arg(QDir::toNativeSeparators(choice.spec.folder))
                        : tr("saved as PDF files in %1 (set for this kiosk)")
                              .arg(QDir::toNativeSeparators(choice.spec.folder));
            break;
        case PrinterSpec::Kind::None:
            where = tr("not printed on this kiosk");
            break;
        }
        lines << tr("%1: %2").arg(documents, where);
    }
    return lines;
}

void KioskController::setPrintDestinations(const QList<PrinterChoice> &choices)
{
    m_printChoices = choices;
    Q_EMIT printDestinationsChanged();
}

void KioskController::followPrinting(KioskPrinting *printing)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_printingConnections))
        disconnect(connection);
    m_printingConnections.clear();
    m_kioskPrinting = printing;
    if (!m_printerProblems.isEmpty()) {
        m_printerProblems.clear();
        Q_EMIT printerProblemChanged();
    }
    if (!printing) {
        setPrintKinds({});
        setPrintDestinations({});
        return;
    }
    // Until the worker has read its printers, assume both kinds print: a first guest may come before it has.
    setPrintKinds({u"badge"_s, u"agenda"_s});
    // KioskPrinting lives on this thread and re-emits the print worker's signals here (queued from its thread).
    m_printingConnections = {
        connect(printing, &KioskPrinting::configured, this,
                [this](const QStringList &kinds, const QList<PrinterChoice> &choices) {
                    setPrintKinds(kinds);
                    setPrintDestinations(choices);
                }),
        connect(
            printing, &KioskPrinting::jobChanged, this,
            [this](qint64 jobId, qint64 guestId, const QString &kind, const QString &state, const QString &message) {
                notePrintJob({jobId, guestId, kind, state, message});
            }),
        connect(printing, &KioskPrinting::printerProblemChanged, this, &KioskController::notePrinterProblem),
        connect(printing, &KioskPrinting::errorOccurred, this,
                [](const QString &message) { qCWarning(lcKiosk) << "print queue:" << message; }),
        connect(this, &KioskController::printJobsQueued, printing, &KioskPrinting::wake),
    };
}

void KioskController::setPrintKinds(const QStringList &kinds)
{
    changePrintProgress([&] { m_print.setKinds(kinds); });
    Q_EMIT printDestinationsChanged(); // printsOnPaper looks at the kinds that print
}

void KioskController::notePrintJob(const PrintJobState &job)
{
    const CheckIn::PrintStatus before = m_print.status();
    changePrintProgress([&] { m_print.update(job); });
    // A problem appearing late would vanish with the countdown before the guest has read it.
    if (m_state == State::Outcome && before != CheckIn::PrintStatus::Problem
        && m_print.status() == CheckIn::PrintStatus::Problem && m_outcomeTimeout > 0) {
        m_outcomeTimer.start(m_outcomeTimeout);
        Q_EMIT outcomeExtended();
    }
}

void KioskController::notePrinterProblem(const QString &kind, const QString &problem)
{
    if (problem.isEmpty() ? !m_printerProblems.contains(kind) : m_printerProblems.value(kind) == problem)
        return;
    // Not logged here: KioskPrinting logs real printers' problems; --screenshot shows sample ones.
    if (problem.isEmpty())
        m_printerProblems.remove(kind);
    else
        m_printerProblems.insert(kind, problem);
    Q_EMIT printerProblemChanged();
}

// Runs change on the print progress and tells QML when what it shows changed.
void KioskController::changePrintProgress(const std::function<void()> &change)
{
    const auto before = std::tuple(m_print.status(), m_print.jobKinds(), m_print.problem());
    change();
    if (std::tuple(m_print.status(), m_print.jobKinds(), m_print.problem()) != before)
        Q_EMIT printStatusChanged();
}

void KioskController::useCamera(CameraScanner *camera)
{
    for (const auto &connection : std::as_const(m_cameraConnections))
        disconnect(connection);
    m_cameraConnections.clear();
    m_camera = camera;
    if (camera) {
        FrameDecoder &decoder = camera->decoder();
        decoder.setPaused(m_state != State::Attract);
        m_cameraConnections
            << connect(&decoder, &FrameDecoder::newCode, this,
                       [this](const QString &text) { submitScan(text, u"camera"_s); })
            // Outcomes are read, not rescanned: frames are dropped unseen until the attract screen is back.
            << connect(this, &KioskController::stateChanged, &decoder,
                       [this, &decoder] { decoder.setPaused(m_state != State::Attract); })
            << connect(camera, &CameraScanner::activeChanged, this, &KioskController::cameraActiveChanged);
    }
    Q_EMIT cameraActiveChanged();
}

bool KioskController::isCameraActive() const
{
    return m_camera && m_camera->isActive();
}

void KioskController::attachViewfinder(QObject *videoOutput)
{
    if (m_camera)
        m_camera->setVideoOutput(videoOutput);
}

void KioskController::useKeyboardWedge(KeyboardWedge *wedge)
{
    connect(wedge, &KeyboardWedge::scanned, this, [this](const QString &text) { submitScan(text, u"scanner"_s); });
    // Disabled, the wedge drops the keys it has collected: a PIN typed on a keyboard never becomes a scan.
    connect(m_staff.get(), &KioskStaff::staffChanged, wedge,
            [this, wedge] { wedge->setEnabled(!m_staff->isScanningPaused()); });
    wedge->setEnabled(!m_staff->isScanningPaused());
}

void KioskController::setVenueDatabase(const QString &conninfo)
{
    m_directory->setVenueDatabase(conninfo);
}

} // namespace checkin
