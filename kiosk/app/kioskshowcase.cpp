#include "kiosk/app/kioskshowcase.h"

#include "kiosk/app/kioskcontroller.h"
#include "kiosk/app/kiosklanguages.h"
#include "kiosk/app/kioskstaff.h"

#include <QDir>
#include <QEventLoop>
#include <QGuiApplication>
#include <QImage>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace checkin {

namespace {

// Long enough for the screens' cross-fades (200 ms) to finish and the directory thread to answer.
constexpr int kSettleMs = 350;

void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// Where documents go on the sample kiosk: a label printer that is CUPS' default, or (for the states ending in
// _folder) PDF folders because there is no printer. Only shown; nothing prints.
QList<PrinterChoice> sampleDestinations(bool folder)
{
    PrinterChoice badge;
    badge.kind = u"badge"_s;
    PrinterChoice agenda;
    agenda.kind = u"agenda"_s;
    if (folder) {
        for (PrinterChoice *choice : {&badge, &agenda}) {
            choice->spec.kind = PrinterSpec::Kind::Folder;
            choice->spec.folder = choice == &badge ? u"/var/lib/ietf-checkin/printed/badges"_s
                                                   : u"/var/lib/ietf-checkin/printed/agendas"_s;
            choice->source = PrinterChoice::Source::FolderFallback;
            choice->reason = u"CUPS has no default printer"_s;
        }
    } else {
        badge.spec.kind = PrinterSpec::Kind::Cups;
        badge.spec.queue = u"Brother_QL_820NWB"_s;
        badge.source = PrinterChoice::Source::CupsDefault;
        agenda.spec.kind = PrinterSpec::Kind::Cups;
        agenda.spec.queue = u"agendas"_s;
        agenda.source = PrinterChoice::Source::Stored;
    }
    return {badge, agenda};
}

// A printer problem as CUPS would report it, for the screens that show one.
const QString kSampleProblem = u"Printer 'badges' is stopped: resume it in CUPS (cupsenable badges)"_s;

// The outcome kind a state shows ("welcome_printed" → welcome), empty for the attract and working screens.
QString outcomeOf(const QString &state)
{
    if (state.startsWith(u"attract") || state.startsWith(u"staff_") || state.startsWith(u"lookup")
        || state == u"working")
        return QString();
    for (const QString &suffix :
         {u"_printed_folder"_s, u"_printing"_s, u"_printed"_s, u"_printer_problem"_s, u"_reprint"_s}) {
        if (state.endsWith(suffix))
            return state.chopped(suffix.size());
    }
    return state;
}

// The print status a state shows.
CheckIn::PrintStatus printStatusOf(const QString &state)
{
    using CheckIn::PrintStatus;
    if (state == u"welcome")
        return PrintStatus::Queued;
    if (state.startsWith(u"staff_") || state.startsWith(u"lookup"))
        return PrintStatus::None; // print status is for the guest on the welcome screen
    if (state.endsWith(u"_printing") || state.endsWith(u"_reprint"))
        return PrintStatus::Printing;
    if (state.endsWith(u"_printed") || state.endsWith(u"_printed_folder"))
        return PrintStatus::Printed;
    if (state == u"welcome_printer_problem")
        return PrintStatus::Problem;
    return PrintStatus::None;
}

// An enum value's name, for the problems list.
template<typename Enum>
QString nameOf(Enum value)
{
    return QVariant::fromValue(value).toString();
}

OutcomeKind kindNamed(const QString &name)
{
    for (OutcomeKind kind :
         {OutcomeKind::Welcome, OutcomeKind::WelcomeBack, OutcomeKind::AlreadyCheckedIn, OutcomeKind::Revoked,
          OutcomeKind::OtherEvent, OutcomeKind::NotProgrammeDay, OutcomeKind::Forged, OutcomeKind::Unknown,
          OutcomeKind::Unreadable, OutcomeKind::SystemError}) {
        if (outcomeName(kind) == name)
            return kind;
    }
    return OutcomeKind::SystemError;
}

} // namespace

KioskShowcase::KioskShowcase(KioskController &controller, QQuickWindow &window)
    : m_controller(controller)
    , m_window(window)
    , m_sampleName(u"Ольга Смирнова"_s)
    , m_languages(kiosklanguages::codes())
{
}

QStringList KioskShowcase::stateNames()
{
    return {u"attract"_s,
            u"working"_s,
            u"welcome"_s,
            u"welcome_printing"_s,
            u"welcome_printed"_s,
            u"welcome_printed_folder"_s,
            u"welcome_printer_problem"_s,
            u"welcome_back"_s,
            u"welcome_back_reprint"_s,
            u"already_checked_in"_s,
            u"revoked"_s,
            u"other_event"_s,
            u"not_programme_day"_s,
            u"forged"_s,
            u"unknown"_s,
            u"unreadable"_s,
            u"error"_s,
            u"attract_printer_problem"_s,
            u"lookup"_s,
            u"lookup_chosen"_s,
            u"staff_confirm_pin"_s,
            u"staff_pin_pad"_s,
            u"staff_today"_s,
            u"staff_guests"_s,
            u"staff_printing"_s,
            u"staff_report"_s};
}

// The screen KioskController::screen names for a state.
CheckIn::Screen KioskShowcase::screenOf(const QString &state)
{
    using CheckIn::Screen;
    if (state == u"staff_pin_pad" || state == u"staff_confirm_pin")
        return Screen::StaffPinPad;
    if (state.startsWith(u"staff_"))
        return Screen::StaffHome;
    if (state.startsWith(u"lookup"))
        return Screen::Lookup;
    if (state == u"working")
        return Screen::Working;
    return outcomeOf(state).isEmpty() ? Screen::Attract : Screen::Outcome;
}

bool KioskShowcase::run()
{
    m_problems.clear();
    // Shown as on a kiosk that prints both; nothing is printed (no print worker runs here).
    m_controller.setPrintKinds({u"badge"_s, u"agenda"_s});
    if (!m_screenshotDir.isEmpty() && !QDir().mkpath(m_screenshotDir))
        m_problems << u"cannot create %1"_s.arg(m_screenshotDir);
    const QString defaultLanguage = m_controller.defaultLanguage();
    m_englishHeadlines.clear();
    for (const QString &language : std::as_const(m_languages)) {
        if (!m_controller.setDefaultLanguage(language)) {
            m_problems << u"no such language: %1"_s.arg(language);
            continue;
        }
        for (const QString &state : stateNames()) {
            show(state);
            settle(kSettleMs);
            check(state, language);
            if (!m_screenshotDir.isEmpty()) {
                const QString file = QDir(m_screenshotDir).filePath(state + u'_' + language + u".png"_s);
                const QImage frame = m_window.grabWindow();
                if (frame.isNull() || !frame.save(file))
                    m_problems << u"%1: cannot save %2"_s.arg(state, file);
            }
        }
    }
    m_controller.setDefaultLanguage(defaultLanguage);
    m_controller.staff()->lock();
    m_controller.lookup()->close();
    m_controller.staff()->cancel();
    m_controller.dismiss();
    m_controller.notePrinterProblem(u"badge"_s, QString());
    m_controller.setPrintDestinations({});
    return m_problems.isEmpty();
}

void KioskShowcase::show(const QString &state)
{
    m_controller.setPrintDestinations(sampleDestinations(state.endsWith(u"_folder")));
    if (!state.startsWith(u"staff_") || state == u"staff_pin_pad" || state == u"staff_confirm_pin")
        m_controller.staff()->lock();
    if (!state.startsWith(u"lookup") && state != u"staff_confirm_pin")
        m_controller.lookup()->close();
    // The PIN pad over the attract screen, as the hidden gesture opens it (no PIN is checked).
    if (state == u"staff_pin_pad") {
        m_controller.notePrinterProblem(u"badge"_s, QString());
        m_controller.dismiss();
        m_controller.staff()->openPinPad();
        return;
    }
    m_controller.staff()->cancel();
    // The manual lookup: the search runs on the real guest list (read only); the first guest found is chosen.
    if (state.startsWith(u"lookup") || state == u"staff_confirm_pin") {
        m_controller.dismiss();
        GuestLookup &lookup = *m_controller.lookup();
        lookup.start();
        if (state == u"lookup") {
            lookup.back();
            lookup.setQuery(QString());
            lookup.setQuery(m_lookupQuery);
        } else if (lookup.results()->count() > 0 && lookup.chosenGuestId() == 0) {
            lookup.choose(lookup.results()->data(lookup.results()->index(0), GuestListModel::GuestIdRole).toLongLong());
        }
        if (state == u"staff_confirm_pin")
            lookup.askStaff();
        return;
    }
    // The staff dashboard on the real database (read only), one tab per state; the first guest listed is chosen.
    if (state.startsWith(u"staff_")) {
        m_controller.dismiss();
        m_controller.staff()->enterForShowcase();
        if (auto *home = m_window.findChild<QQuickItem *>(u"staffHome"_s))
            home->setProperty("tab", state.mid(6));
        StaffDashboard &dashboard = *m_controller.dashboard();
        if (state == u"staff_guests") {
            settle(kSettleMs); // the list arrives from the directory thread
            if (dashboard.guests()->count() > 0)
                dashboard.select(
                    dashboard.guests()->data(dashboard.guests()->index(0), GuestListModel::GuestIdRole).toLongLong());
        }
        return;
    }
    if (state.startsWith(u"attract")) {
        m_controller.notePrinterProblem(u"badge"_s, state == u"attract_printer_problem" ? kSampleProblem : QString());
        m_controller.dismiss();
        return;
    }
    if (state == u"working") {
        m_controller.presentWorking();
        settle(KioskController::kWorkingScreenDelay); // the working screen is due only then
        return;
    }
    CheckInOutcome outcome;
    outcome.kind = kindNamed(outcomeOf(state));
    if (outcome.kind == OutcomeKind::SystemError)
        outcome.message =
            u"The kiosk's disk is full: the check-in was not recorded. Free disk space, then scan again."_s;
    GuestPrintJobs jobs;
    if (outcome.admitted()) {
        outcome.guestName = m_sampleName;
        outcome.guestExternalId = u"sample"_s;
        outcome.dayNumber = outcome.kind == OutcomeKind::Welcome ? 1 : 2;
        jobs.guestId = kSampleGuestId;
    }
    // New job ids for every screen, so that no screen sees the jobs of the one before.
    const qint64 badge = m_nextJobId++;
    const qint64 agenda = m_nextJobId++;
    if (outcome.kind == OutcomeKind::Welcome) {
        outcome.printJobsQueued = {u"badge"_s, u"agenda"_s};
        jobs.jobs = {{badge, kSampleGuestId, u"badge"_s, u"queued"_s, {}},
                     {agenda, kSampleGuestId, u"agenda"_s, u"queued"_s, {}}};
    }
    if (state == u"welcome_back_reprint")
        jobs.jobs = {{badge, kSampleGuestId, u"badge"_s, u"sent"_s, {}}};
    if (outcome.kind == OutcomeKind::AlreadyCheckedIn)
        outcome.firstScanLocal = QDateTime(QDate::currentDate(), QTime(9, 12));
    if (outcome.kind == OutcomeKind::OtherEvent)
        outcome.tokenEventNumber = m_controller.eventNumber() - 1;
    m_controller.present(outcome, jobs);

    // What the print worker would report next.
    if (state == u"welcome_printing") {
        showPrintJob(badge, u"badge"_s, u"sent"_s);
    } else if (state == u"welcome_printed" || state == u"welcome_printed_folder") {
        showPrintJob(badge, u"badge"_s, u"printed"_s);
        showPrintJob(agenda, u"agenda"_s, u"printed"_s);
    } else if (state == u"welcome_printer_problem") {
        m_controller.notePrinterProblem(u"badge"_s, kSampleProblem);
        showPrintJob(badge, u"badge"_s, u"queued"_s, kSampleProblem);
        showPrintJob(agenda, u"agenda"_s, u"printed"_s);
    }
}

void KioskShowcase::showPrintJob(qint64 id, const QString &kind, const QString &state, const QString &message)
{
    m_controller.notePrintJob({id, kSampleGuestId, kind, state, message});
}

// The controller says which screen is up (KioskController::screen); the view shows its headline.
void KioskShowcase::check(const QString &state, const QString &language)
{
    if (m_controller.language() != language)
        m_problems << u"%1: shown in %2, not %3"_s.arg(state, m_controller.language(), language);
    const Qt::LayoutDirection direction = language == u"ar" ? Qt::RightToLeft : Qt::LeftToRight;
    if (QGuiApplication::layoutDirection() != direction)
        m_problems << u"%1 (%2): the layout is not %3"_s.arg(
            state, language, direction == Qt::RightToLeft ? u"right-to-left"_s : u"left-to-right"_s);
    using CheckIn::Screen;
    const Screen expectedScreen = screenOf(state);
    const CheckIn::KioskState controllerState = expectedScreen == Screen::Outcome   ? CheckIn::KioskState::Outcome
                                                : expectedScreen == Screen::Working ? CheckIn::KioskState::Working
                                                                                    : CheckIn::KioskState::Attract;
    if (m_controller.state() != controllerState)
        m_problems << u"%1: controller is in state %2"_s.arg(state, nameOf(m_controller.state()));
    if (expectedScreen == Screen::Outcome
        && m_controller.outcomeKind() != CheckIn::outcomeKindOf(kindNamed(outcomeOf(state))))
        m_problems << u"%1: controller shows outcome %2"_s.arg(state, nameOf(m_controller.outcomeKind()));
    const CheckIn::PrintStatus printStatus = printStatusOf(state);
    if (m_controller.printStatus() != printStatus)
        m_problems << u"%1: print status is '%2', not '%3'"_s.arg(state, nameOf(m_controller.printStatus()),
                                                                  nameOf(printStatus));
    if (m_controller.screen() != expectedScreen)
        m_problems << u"%1: the controller shows %2"_s.arg(state, nameOf(m_controller.screen()));

    auto *view = m_window.findChild<QQuickItem *>(u"kioskView"_s);
    if (!view) {
        m_problems << u"%1: no kioskView in the window"_s.arg(state);
        return;
    }
    const QString headline = view->property("headline").toString();
    if (headline.trimmed().isEmpty())
        m_problems << u"%1: the screen has no headline"_s.arg(state);
    // Every language but English words every headline its own way: the same words mean a missing translation.
    if (language == u"en")
        m_englishHeadlines.insert(state, headline);
    else if (m_englishHeadlines.value(state) == headline)
        m_problems << u"%1 (%2): the headline is not translated: %3"_s.arg(state, language, headline);
    const bool printLine = !view->property("printLine").toString().isEmpty();
    if (printLine != (printStatus != CheckIn::PrintStatus::None))
        m_problems << (printLine ? u"%1: the screen shows a print status"_s : u"%1: the screen shows no print status"_s)
                          .arg(state);
    // A kiosk whose documents go to a PDF folder never sends a guest to a printer.
    if (state.endsWith(u"_folder") && language == u"en"
        && view->property("printLine").toString().contains(u"printer"_s, Qt::CaseInsensitive))
        m_problems << u"%1: a kiosk without a printer tells the guest about a printer: %2"_s.arg(
            state, view->property("printLine").toString());
    const bool notice = !view->property("printerNotice").toString().isEmpty();
    if (expectedScreen == Screen::Attract && notice != (state == u"attract_printer_problem"))
        m_problems << (notice ? u"%1: the screen says a printer needs attention"_s
                              : u"%1: the screen does not say that the printer needs attention"_s)
                          .arg(state);
}

} // namespace checkin
