#include "kioskshowcase.h"

#include "kioskcontroller.h"

#include <QDir>
#include <QEventLoop>
#include <QImage>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace checkin {

namespace {

// Long enough for the screens' cross-fades to finish.
constexpr int kSettleMs = 700;

void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

OutcomeKind kindNamed(const QString &name)
{
    for (OutcomeKind kind : {OutcomeKind::Welcome, OutcomeKind::WelcomeBack, OutcomeKind::AlreadyCheckedIn,
                             OutcomeKind::Revoked, OutcomeKind::OtherEvent, OutcomeKind::NotProgrammeDay,
                             OutcomeKind::Forged, OutcomeKind::Unknown, OutcomeKind::Unreadable,
                             OutcomeKind::SystemError}) {
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
{
}

QStringList KioskShowcase::stateNames()
{
    return {u"attract"_s, u"working"_s, u"welcome"_s, u"welcome_back"_s, u"already_checked_in"_s, u"revoked"_s,
            u"other_event"_s, u"not_programme_day"_s, u"forged"_s, u"unknown"_s, u"unreadable"_s, u"error"_s};
}

bool KioskShowcase::run()
{
    m_problems.clear();
    if (!m_screenshotDir.isEmpty() && !QDir().mkpath(m_screenshotDir))
        m_problems << u"cannot create %1"_s.arg(m_screenshotDir);
    for (const QString &state : stateNames()) {
        show(state);
        settle(kSettleMs);
        check(state);
        if (!m_screenshotDir.isEmpty()) {
            const QString file = QDir(m_screenshotDir).filePath(state + u".png"_s);
            const QImage frame = m_window.grabWindow();
            if (frame.isNull() || !frame.save(file))
                m_problems << u"%1: cannot save %2"_s.arg(state, file);
        }
    }
    m_controller.dismiss();
    return m_problems.isEmpty();
}

void KioskShowcase::show(const QString &state)
{
    if (state == u"attract") {
        m_controller.dismiss();
        return;
    }
    if (state == u"working") {
        m_controller.presentWorking();
        return;
    }
    CheckInOutcome outcome;
    outcome.kind = kindNamed(state);
    if (outcome.admitted()) {
        outcome.guestName = m_sampleName;
        outcome.guestExternalId = u"sample"_s;
        outcome.dayNumber = outcome.kind == OutcomeKind::Welcome ? 1 : 2;
    }
    if (outcome.kind == OutcomeKind::Welcome)
        outcome.printJobsQueued = {u"badge"_s, u"agenda"_s};
    if (outcome.kind == OutcomeKind::AlreadyCheckedIn)
        outcome.firstScanLocal = QDateTime(QDate::currentDate(), QTime(9, 12));
    if (outcome.kind == OutcomeKind::OtherEvent)
        outcome.tokenEventNumber = m_controller.eventNumber() - 1;
    m_controller.present(outcome);
}

// The view reports which screen it shows (KioskView.shownScreen) and the headline it shows on it.
void KioskShowcase::check(const QString &state)
{
    const QString expectedScreen = state == u"attract" || state == u"working" ? state : u"outcome"_s;
    if (m_controller.state() != expectedScreen)
        m_problems << u"%1: controller is in state %2"_s.arg(state, m_controller.state());
    if (expectedScreen == u"outcome" && m_controller.outcomeKind() != state)
        m_problems << u"%1: controller shows outcome %2"_s.arg(state, m_controller.outcomeKind());

    auto *view = m_window.findChild<QQuickItem *>(u"kioskView"_s);
    if (!view) {
        m_problems << u"%1: no kioskView in the window"_s.arg(state);
        return;
    }
    const QString shown = view->property("shownScreen").toString();
    if (shown != expectedScreen)
        m_problems << u"%1: the view shows %2"_s.arg(state, shown);
    const QString headline = view->property("headline").toString();
    if (headline.trimmed().isEmpty())
        m_problems << u"%1: the screen has no headline"_s.arg(state);
}

} // namespace checkin
