// KioskController as QML sees it, without QML: which screen is up for each state, lookup and staff mode, and the
// signals a language change sends.
#include "tests/support/testevent.h"

#include "kiosk/app/kioskcontroller.h"
#include "kiosk/app/kioskenums.h"
#include "kiosk/app/kioskstaff.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace checkin;

class TestKioskController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_event = std::make_unique<test::TestEvent>();
        QVERIFY2(m_event->isValid(), qPrintable(m_event->error()));
        m_controller = std::make_unique<KioskController>(m_event->dbPath(), m_event->event(), u"t1"_s);
        QTRY_VERIFY(m_controller->isReady());
    }

    void cleanup()
    {
        m_controller.reset(); // stops the worker thread before its database goes away
        m_event.reset();
    }

    void setDefaultLanguageAnnouncesTheChangeOnce()
    {
        QSignalSpy changed(m_controller.get(), &KioskController::languageChanged);
        QVERIFY(m_controller->setDefaultLanguage(u"fr"_s));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(m_controller->language(), u"fr"_s);
        QCOMPARE(m_controller->defaultLanguage(), u"fr"_s);

        // The language on screen already, only the default changes: still one signal.
        QVERIFY(m_controller->setLanguage(u"ru"_s));
        changed.clear();
        QVERIFY(m_controller->setDefaultLanguage(u"ru"_s));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(m_controller->defaultLanguage(), u"ru"_s);

        // Nothing changes: no signal; an unknown code: refused, no signal.
        changed.clear();
        QVERIFY(m_controller->setDefaultLanguage(u"ru"_s));
        QVERIFY(!m_controller->setDefaultLanguage(u"xx"_s));
        QCOMPARE(changed.size(), 0);
        QCOMPARE(m_controller->defaultLanguage(), u"ru"_s);
    }

    void theScreenFollowsTheStateTheLookupAndStaffMode()
    {
        using CheckIn::Screen;
        QCOMPARE(m_controller->screen(), Screen::Attract);
        QSignalSpy screenChanged(m_controller.get(), &KioskController::screenChanged);

        // A check-in keeps the attract screen up for a moment, then shows the working screen.
        m_controller->presentWorking();
        QCOMPARE(m_controller->state(), CheckIn::KioskState::Working);
        QCOMPARE(m_controller->screen(), Screen::Attract);
        QTRY_COMPARE(m_controller->screen(), Screen::Working);

        CheckInOutcome outcome;
        outcome.kind = OutcomeKind::Revoked;
        m_controller->present(outcome);
        QCOMPARE(m_controller->screen(), Screen::Outcome);
        QCOMPARE(m_controller->outcomeKind(), CheckIn::OutcomeKind::Revoked);
        QCOMPARE(m_controller->printStatus(), CheckIn::PrintStatus::None);
        m_controller->dismiss();
        QCOMPARE(m_controller->screen(), Screen::Attract);
        QCOMPARE(m_controller->outcomeKind(), CheckIn::OutcomeKind::None);

        m_controller->lookup()->start();
        QCOMPARE(m_controller->screen(), Screen::Lookup);

        // The staff overlays go over the guests' screen, which stays as it was beneath them.
        KioskStaff &staff = *m_controller->staff();
        staff.openPinPad();
        QVERIFY(staff.isScanningPaused());
        QCOMPARE(m_controller->screen(), Screen::StaffPinPad);
        QCOMPARE(m_controller->guestScreen(), Screen::Lookup);
        QVERIFY(!m_controller->submitScan(u"anything"_s));
        staff.cancel();
        QCOMPARE(m_controller->screen(), Screen::Lookup);
        staff.enterForShowcase();
        QCOMPARE(m_controller->screen(), Screen::StaffHome);
        QVERIFY(!staff.isPinPadOpen());
        staff.lock();
        QCOMPARE(m_controller->screen(), Screen::Lookup);
        m_controller->lookup()->close();
        QCOMPARE(m_controller->screen(), Screen::Attract);
        QVERIFY(!staff.isScanningPaused());
        QVERIFY(screenChanged.size() >= 9);
    }

private:
    std::unique_ptr<test::TestEvent> m_event;
    std::unique_ptr<KioskController> m_controller;
};

QTEST_MAIN(TestKioskController)

#include "tst_kioskcontroller.moc"
