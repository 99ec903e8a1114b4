import QtQuick
import QtTest
import IetfCheckin
import IetfCheckin.Kiosk
import IetfCheckin.Test

// Staff mode through the real controller: the PIN is checked by StaffAuth (Argon2id, persisted lockout) on
// KioskStaff's own thread against the test database; the keyboard wedge is the one checkin-kiosk's main wires.
TestCase {
    id: testCase
    name: "StaffMode"
    width: 1280
    height: 800
    visible: true
    when: windowShown

    KioskView {
        id: view
        anchors.fill: parent
    }

    readonly property string pin: "482913"

    function initTestCase() {
        compare(Fixture.setStaffPin(pin), "");
    }

    function init() {
        Kiosk.staff.lock();
        Kiosk.dismiss();
        Kiosk.outcomeTimeout = 60000;
        Kiosk.debounceInterval = 3000;
        tryCompare(Kiosk, "ready", true);
        tryCompare(Kiosk, "screen", CheckIn.Screen.Attract);
    }

    function cleanup() {
        Kiosk.staff.lock();
    }

    function unlock(pin) {
        Kiosk.staff.unlock(pin);
        verify(Kiosk.staff.busy, "the PIN is being checked");
        tryCompare(Kiosk.staff, "busy", false, 10000);
    }

    function typeScan(text) {
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i]);
        keyClick(Qt.Key_Return);
    }

    // Holding the event header for three seconds opens the PIN pad; cancel closes it.
    function test_longPressOnTheHeaderOpensThePinPad() {
        const gesture = findChild(view, "staffGesture");
        verify(gesture);
        mousePress(gesture, 20, 20);
        wait(1000);
        verify(!Kiosk.staff.pinPadOpen, "a short press does not open the pad");
        tryCompare(Kiosk.staff, "pinPadOpen", true, 4000);
        mouseRelease(gesture, 20, 20);
        compare(Kiosk.screen, CheckIn.Screen.StaffPinPad);
        compare(view.headline, "Staff PIN");
        Kiosk.staff.cancel();
        compare(Kiosk.screen, CheckIn.Screen.Attract);
    }

    function test_rightPinEntersStaffModeAndLockLeavesIt() {
        Fixture.setTime(3, 9, 0); // after test_wrongPinsLockOut's lockout, whichever runs first
        Kiosk.staff.openPinPad();
        unlock(pin);
        verify(Kiosk.staff.active);
        compare(Kiosk.staff.message, "");
        verify(!Kiosk.staff.pinPadOpen, "staff home replaces the PIN pad");
        compare(Kiosk.screen, CheckIn.Screen.StaffHome);
        compare(view.headline, "Staff mode");
        Kiosk.staff.lock();
        verify(!Kiosk.staff.active);
        compare(Kiosk.screen, CheckIn.Screen.Attract);
    }

    function test_wrongPinsLockOut() {
        Fixture.setTime(2, 9, 0);
        Kiosk.staff.openPinPad();
        unlock("000001");
        verify(!Kiosk.staff.active);
        compare(Kiosk.staff.message, "Wrong PIN. 2 more attempt(s) before staff mode locks for a while.");
        compare(findChild(view, "staffMessage").text, Kiosk.staff.message);
        unlock("000002");
        compare(Kiosk.staff.message, "Wrong PIN. 1 more attempt(s) before staff mode locks for a while.");
        unlock("000003");
        verify(!Kiosk.staff.active);
        verify(Kiosk.staff.message.startsWith("Too many wrong PINs. Staff mode is locked until "),
               Kiosk.staff.message);
        verify(/\d{1,2}:\d{2}/.test(Kiosk.staff.message), "the message says until when: " + Kiosk.staff.message);
        // Locked: even the right PIN is refused unchecked.
        unlock(pin);
        verify(!Kiosk.staff.active);
        verify(Kiosk.staff.message.startsWith("Too many wrong PINs."), Kiosk.staff.message);
        // An hour later the right PIN opens staff mode again.
        Fixture.setTime(2, 10, 0);
        unlock(pin);
        verify(Kiosk.staff.active, Kiosk.staff.message);
    }

    // Scans typed by the USB scanner are not taken while the PIN pad or staff mode is up.
    function test_wedgeIsDisabledWhileStaffScreensAreUp() {
        Fixture.setTime(4, 9, 0);
        verify(!Kiosk.staff.scanningPaused);
        Kiosk.staff.openPinPad();
        verify(Kiosk.staff.scanningPaused);
        typeScan(Fixture.token(0));
        wait(300);
        compare(Kiosk.state, CheckIn.KioskState.Attract);
        verify(!Fixture.checkedIn(0, 4), "no check-in from the PIN pad");
        verify(!Kiosk.submitScan(Fixture.token(0), "camera"), "no scan from the camera either");

        unlock(pin);
        verify(Kiosk.staff.active);
        verify(Kiosk.staff.scanningPaused);
        typeScan(Fixture.token(0));
        wait(300);
        compare(Kiosk.state, CheckIn.KioskState.Attract);
        verify(!Fixture.checkedIn(0, 4), "no check-in in staff mode");

        Kiosk.staff.lock();
        verify(!Kiosk.staff.scanningPaused);
        typeScan(Fixture.token(0));
        tryCompare(Kiosk, "state", CheckIn.KioskState.Outcome, 5000);
        compare(Kiosk.outcomeKind, CheckIn.OutcomeKind.Welcome);
    }
}
