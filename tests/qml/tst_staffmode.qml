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
        Kiosk.staffLock();
        Kiosk.dismiss();
        Kiosk.outcomeTimeout = 60000;
        Kiosk.debounceInterval = 3000;
        tryCompare(Kiosk, "ready", true);
        tryCompare(view, "shownScreen", "attract");
    }

    function cleanup() {
        Kiosk.staffLock();
    }

    function unlock(pin) {
        Kiosk.staffUnlock(pin);
        verify(Kiosk.staffBusy, "the PIN is being checked");
        tryCompare(Kiosk, "staffBusy", false, 10000);
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
        verify(!Kiosk.staffPinPadOpen, "a short press does not open the pad");
        tryCompare(Kiosk, "staffPinPadOpen", true, 4000);
        mouseRelease(gesture, 20, 20);
        compare(view.shownScreen, "staff_pin_pad");
        compare(view.headline, "Staff PIN");
        Kiosk.staffCancel();
        compare(view.shownScreen, "attract");
    }

    function test_rightPinEntersStaffModeAndLockLeavesIt() {
        Fixture.setTime(3, 9, 0); // after test_wrongPinsLockOut's lockout, whichever runs first
        Kiosk.staffOpenPinPad();
        unlock(pin);
        verify(Kiosk.staffMode);
        compare(Kiosk.staffMessage, "");
        verify(!Kiosk.staffPinPadOpen, "staff home replaces the PIN pad");
        compare(view.shownScreen, "staff_home");
        compare(view.headline, "Staff mode");
        Kiosk.staffLock();
        verify(!Kiosk.staffMode);
        compare(view.shownScreen, "attract");
    }

    function test_wrongPinsLockOut() {
        Fixture.setTime(2, 9, 0);
        Kiosk.staffOpenPinPad();
        unlock("000001");
        verify(!Kiosk.staffMode);
        compare(Kiosk.staffMessage, "Wrong PIN. 2 more attempt(s) before staff mode locks for a while.");
        compare(findChild(view, "staffMessage").text, Kiosk.staffMessage);
        unlock("000002");
        compare(Kiosk.staffMessage, "Wrong PIN. 1 more attempt(s) before staff mode locks for a while.");
        unlock("000003");
        verify(!Kiosk.staffMode);
        verify(Kiosk.staffMessage.startsWith("Too many wrong PINs. Staff mode is locked until "),
               Kiosk.staffMessage);
        verify(/\d{1,2}:\d{2}/.test(Kiosk.staffMessage), "the message says until when: " + Kiosk.staffMessage);
        // Locked: even the right PIN is refused unchecked.
        unlock(pin);
        verify(!Kiosk.staffMode);
        verify(Kiosk.staffMessage.startsWith("Too many wrong PINs."), Kiosk.staffMessage);
        // An hour later the right PIN opens staff mode again.
        Fixture.setTime(2, 10, 0);
        unlock(pin);
        verify(Kiosk.staffMode, Kiosk.staffMessage);
    }

    // Scans typed by the USB scanner are not taken while the PIN pad or staff mode is up.
    function test_wedgeIsDisabledWhileStaffScreensAreUp() {
        Fixture.setTime(4, 9, 0);
        verify(!Kiosk.scanningPaused);
        Kiosk.staffOpenPinPad();
        verify(Kiosk.scanningPaused);
        typeScan(Fixture.token(0));
        wait(300);
        compare(Kiosk.state, "attract");
        verify(!Fixture.checkedIn(0, 4), "no check-in from the PIN pad");
        verify(!Kiosk.submitScan(Fixture.token(0), "camera"), "no scan from the camera either");

        unlock(pin);
        verify(Kiosk.staffMode);
        verify(Kiosk.scanningPaused);
        typeScan(Fixture.token(0));
        wait(300);
        compare(Kiosk.state, "attract");
        verify(!Fixture.checkedIn(0, 4), "no check-in in staff mode");

        Kiosk.staffLock();
        verify(!Kiosk.scanningPaused);
        typeScan(Fixture.token(0));
        tryCompare(Kiosk, "state", "outcome", 5000);
        compare(Kiosk.outcomeKind, "welcome");
    }
}
