import QtQuick
import QtTest
import IetfCheckin
import IetfCheckin.Kiosk
import IetfCheckin.Test

// Scans through the real controller and worker thread into a real database, seen on the real screens.
// Each test uses its own guest, so the tests do not depend on their order.
TestCase {
    id: testCase
    name: "KioskFlow"
    width: 1280
    height: 800
    visible: true
    when: windowShown

    KioskView {
        id: view
        anchors.fill: parent
    }

    function init() {
        Kiosk.dismiss();
        Kiosk.outcomeTimeout = 60000;
        Kiosk.debounceInterval = 3000;
        Fixture.setTime(1, 9, 0);
        tryCompare(Kiosk, "ready", true);
        tryCompare(Kiosk, "screen", CheckIn.Screen.Attract);
    }

    function scan(text) {
        verify(Kiosk.submitScan(text, "scanner"), "the scan was accepted");
        tryCompare(Kiosk, "state", CheckIn.KioskState.Outcome, 5000);
        tryCompare(Kiosk, "screen", CheckIn.Screen.Outcome);
    }

    function shown(objectName) {
        const item = findChild(view, objectName);
        verify(item, objectName + " exists");
        return item;
    }

    function test_attractScreenShowsTheEvent() {
        compare(Kiosk.eventTitle, "IETF 122 Bangkok");
        compare(Kiosk.eventDates, "2–5 November 2026");
        compare(shown("eventTitle").text, "IETF 122 Bangkok");
        compare(view.headline, "Scan your invitation");
    }

    function test_validInvitationIsWelcomedAndQueuesTheBadge() {
        scan(Fixture.token(0));
        compare(Kiosk.outcomeKind, CheckIn.OutcomeKind.Welcome);
        verify(Kiosk.admitted);
        compare(Kiosk.guestName, "Ольга Смирнова");
        compare(Kiosk.dayNumber, 1);
        verify(Kiosk.printing);
        verify(Fixture.printJobKinds(0).indexOf("badge") >= 0, "a badge print job is in the database");
        verify(Fixture.printJobKinds(0).indexOf("agenda") >= 0, "an agenda print job is in the database");
        // Guest 0 reads Russian: the welcome is in Russian (tst_kiosklanguages.qml has the rest).
        compare(Kiosk.language, "ru");
        compare(view.headline, "Добро пожаловать");
        const name = shown("guestName");
        verify(name.visible);
        compare(name.text, "Ольга Смирнова");
        compare(shown("outcomeDetail").text, "Ваш бейдж и программа печатаются.");
    }

    // A USB scanner types the code fast and presses Enter; the application's keyboard wedge makes it a scan.
    function test_scannerKeystrokesCheckTheGuestIn() {
        const token = Fixture.token(9);
        for (let i = 0; i < token.length; ++i)
            keyClick(token[i]);
        keyClick(Qt.Key_Return);
        tryCompare(Kiosk, "state", CheckIn.KioskState.Outcome, 5000);
        compare(Kiosk.outcomeKind, CheckIn.OutcomeKind.Welcome);
        compare(Kiosk.guestName, "Sipho Dlamini");
    }

    // A guest poking the keyboard slowly does not submit anything.
    function test_slowTypingIsNotAScan() {
        // (keyClick's delay argument does nothing for windows in Qt 6.4: wait explicitly.)
        const words = "hello12345";
        for (let i = 0; i < words.length; ++i) {
            keyClick(words[i]);
            wait(300); // twice the fixture's 150 ms wedge interval
        }
        keyClick(Qt.Key_Return);
        wait(100);
        compare(Kiosk.state, CheckIn.KioskState.Attract);
    }

    function test_nonLatinNamesAreShownAsWritten() {
        scan(Fixture.token(2));
        compare(Kiosk.outcomeKind, CheckIn.OutcomeKind.Welcome);
        compare(shown("guestName").text, "ليلى حسن");
        Kiosk.dismiss();
        scan(Fixture.token(1));
        compare(shown("guestName").text, "山田太郎");
    }

    function test_secondScanTheSameDayIsAlreadyCheckedIn() {
        scan(Fixture.token(3));
        compare(Kiosk.outcomeKind, CheckIn.OutcomeKind.Welcome);
        Kiosk.dismiss();
        Fixture.setTime(1, 11, 45);
        scan(Fixture.token(3));
        compare(Kiosk.outcomeKind, CheckIn.OutcomeKind.AlreadyCheckedIn);
        verify(Kiosk.admitted);
        compare(Kiosk.guestName, "Nguyễn Thị Minh Khai");
        compare(Kiosk.firstScanTime, "09:00");
        compare(view.headline, "You are already checked in");
        compare(shown("outcomeDetail").text, "You checked in today at 09:00.");
        compare(Fixture.printJobKinds(3).length, 2, "no second badge");
    }

    function test_nextDayIsWelcomeBack() {
        scan(Fixture.token(4));
        compare(Kiosk.outcomeKind, CheckIn.OutcomeKind.Welcome);
        Kiosk.dismiss();
        Fixture.setTime(2, 8, 30);
        scan(Fixture.token(4));
        compare(Kiosk.outcomeKind, CheckIn.OutcomeKind.WelcomeBack);
        compare(Kiosk.dayNumber, 2);
        compare(shown("guestName").text, "Amélie Durand");
        compare(shown("outcomeDetail").text, "Jour 2 — votre présence est enregistrée."); // guest 4 reads French
    }

    function test_forgedCodeIsRefusedWithoutAName() {
        scan(Fixture.forgedToken(5));
        compare(Kiosk.outcomeKind, CheckIn.OutcomeKind.Forged);
        verify(!Kiosk.admitted);
        compare(Kiosk.guestName, "");
        verify(!shown("guestName").visible);
        compare(view.headline, "We could not verify this invitation");
        verify(shown("outcomeNext").text.indexOf("staff desk") >= 0, "tells the guest where to go");
        compare(Fixture.printJobKinds(5).length, 0);
    }

    function test_revokedInvitationIsRefusedWithoutShowingWhose() {
        verify(Fixture.revoke(6));
        scan(Fixture.token(6));
        compare(Kiosk.outcomeKind, CheckIn.OutcomeKind.Revoked);
        compare(Kiosk.guestName, "");
        verify(!shown("guestName").visible);
        compare(view.headline, "This invitation is no longer valid");
    }

    function test_otherQrCodeIsNotAnInvitation() {
        scan("https://datatracker.ietf.org/meeting/122/");
        compare(Kiosk.outcomeKind, CheckIn.OutcomeKind.Unreadable);
        compare(view.headline, "This code is not an invitation");
    }

    function test_outsideTheProgrammeDays() {
        Fixture.setTime(5, 10, 0);
        scan(Fixture.token(7));
        compare(Kiosk.outcomeKind, CheckIn.OutcomeKind.NotProgrammeDay);
        compare(shown("outcomeDetail").text, "The Policymaker Program runs 2–5 November 2026.");
    }

    function test_sameCodeWithinTheDebounceIntervalIsIgnored() {
        Kiosk.debounceInterval = 400;
        scan("not an invitation 1");
        verify(!Kiosk.submitScan("not an invitation 1", "camera"), "a repeat is ignored");
        compare(Kiosk.state, CheckIn.KioskState.Outcome);
        verify(Kiosk.submitScan("not an invitation 2", "camera"), "another code is not");
        tryCompare(Kiosk, "state", CheckIn.KioskState.Outcome, 5000);
        wait(600);
        verify(Kiosk.submitScan("not an invitation 2", "camera"), "the same code after the interval is");
        tryCompare(Kiosk, "state", CheckIn.KioskState.Outcome, 5000);
    }

    function test_emptyScanIsIgnored() {
        verify(!Kiosk.submitScan("   ", "scanner"));
        compare(Kiosk.state, CheckIn.KioskState.Attract);
    }

    function test_outcomeTimesOutToAttractAndForgetsTheName() {
        Kiosk.outcomeTimeout = 300;
        scan(Fixture.token(8));
        compare(Kiosk.guestName, "Chen Wei");
        tryCompare(Kiosk, "state", CheckIn.KioskState.Attract, 3000);
        compare(Kiosk.guestName, "");
        compare(Kiosk.outcomeKind, CheckIn.OutcomeKind.None);
        tryCompare(Kiosk, "screen", CheckIn.Screen.Attract);
        tryCompare(shown("guestName"), "text", "");
        compare(view.headline, "Scan your invitation");
    }

    function test_tappingTheOutcomeReturnsToAttract() {
        scan("tap me");
        // A guest taps what they see: the outcome screen takes touches once it is visible (it fades in).
        tryVerify(() => shown("outcomeScreen").visible);
        mouseClick(view, view.width / 2, view.height / 2);
        tryCompare(Kiosk, "state", CheckIn.KioskState.Attract);
    }
}
