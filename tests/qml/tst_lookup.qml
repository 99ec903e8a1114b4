import QtQuick
import QtTest
import IetfCheckin
import IetfCheckin.Kiosk
import IetfCheckin.Test

// The manual lookup for a guest without their invitation, on the real controller: the name search runs on the
// directory thread against the test database (ICU folding), the staff PIN is checked by StaffAuth, and the
// confirmed guest is checked in by CheckInService as a manual check-in.
TestCase {
    id: testCase
    name: "ManualLookup"
    width: 1280
    height: 800
    visible: true
    when: windowShown

    KioskView {
        id: view
        anchors.fill: parent
    }

    readonly property string pin: "730215"

    function initTestCase() {
        compare(Fixture.setStaffPin(pin), "");
    }

    function init() {
        Kiosk.lookup.close();
        Kiosk.staff.lock();
        Kiosk.dismiss();
        Kiosk.outcomeTimeout = 60000;
        Kiosk.lookup.idleTimeout = 60000;
        Fixture.setTime(1, 9, 0);
        tryCompare(Kiosk, "ready", true);
        tryCompare(Kiosk, "screen", CheckIn.Screen.Attract);
    }

    function cleanup() {
        Kiosk.lookup.close();
        Kiosk.staff.lock();
    }

    function openLookup() {
        const button = findChild(view, "findMyName");
        verify(button, "the attract screen offers the lookup");
        tryVerify(() => button.visible && button.enabled, 2000, "the attract screen is back (it fades in)");
        mouseClick(button);
        tryCompare(Kiosk, "screen", CheckIn.Screen.Lookup);
    }

    function typeName(text) {
        const field = findChild(view, "lookupField");
        verify(field);
        field.forceActiveFocus();
        for (let i = 0; i < text.length; ++i) {
            keyClick(text[i]);
            wait(60); // a person types slower than a scanner: the keyboard wedge lets it through
        }
    }

    // Taps result i once its delegate exists (the list creates delegates after its count changes), again if the
    // list was still settling (a tap on a delegate being replaced is lost, as on a real screen).
    function clickResult(i) {
        const list = findChild(view, "lookupResults");
        tryVerify(() => {
            const item = list.itemAtIndex(i);
            if (item && view.headline !== "Is this you?")
                mouseClick(item);
            return view.headline === "Is this you?";
        }, 5000, "result " + i + " was chosen");
    }

    function resultNames() {
        const list = findChild(view, "lookupResults");
        const names = [];
        for (let i = 0; i < list.count; ++i) {
            const item = list.itemAtIndex(i);
            if (item)
                names.push(item.name);
        }
        return names;
    }

    function test_typingWithoutAccentsFindsTheGuest_data() {
        return [
            { tag: "vietnamese without tones", typed: "nguyen", name: "Nguyễn Thị Minh Khai" },
            { tag: "cyrillic typed in latin", typed: "smirnova", name: "Ольга Смирнова" },
            { tag: "given name first", typed: "olga", name: "Ольга Смирнова" },
            { tag: "cyrillic as written", typed: "Смирн", name: "Ольга Смирнова" },
            { tag: "french accent left out", typed: "amelie", name: "Amélie Durand" },
        ];
    }
    function test_typingWithoutAccentsFindsTheGuest(data) {
        openLookup();
        compare(view.headline, "Find your name");
        if (/^[a-z]+$/.test(data.typed))
            typeName(data.typed);
        else
            Kiosk.lookup.query = data.typed; // a layout the test keyboard does not have
        tryVerify(() => resultNames().indexOf(data.name) >= 0, 5000, data.name + " is listed");
    }

    function test_noMatchSaysSoAndSendsToStaff() {
        openLookup();
        Kiosk.lookup.query = "zzzqqq";
        tryVerify(() => findChild(view, "lookupNoMatch").visible, 5000);
        compare(findChild(view, "lookupResults").count, 0);
    }

    function test_staffPinConfirmsAndChecksTheGuestIn() {
        const guest = 3; // Nguyễn Thị Minh Khai
        compare(Fixture.liveCheckIns(guest), 0);
        openLookup();
        typeName("khai");
        tryVerify(() => resultNames().indexOf("Nguyễn Thị Minh Khai") >= 0, 5000);
        clickResult(0);
        compare(findChild(view, "lookupChosenName").text, "Nguyễn Thị Minh Khai");
        mouseClick(findChild(view, "lookupAskStaff"));
        compare(Kiosk.screen, CheckIn.Screen.StaffPinPad);
        compare(view.headline, "Staff confirmation");
        verify(findChild(view, "pinPadDetail").text.indexOf("Nguyễn Thị Minh Khai") >= 0);

        // A wrong PIN checks no one in.
        Kiosk.lookup.confirm("000000");
        tryCompare(Kiosk.staff, "busy", false, 10000);
        verify(Kiosk.staff.message.indexOf("Wrong PIN") >= 0, Kiosk.staff.message);
        compare(Fixture.liveCheckIns(guest), 0);
        compare(Kiosk.screen, CheckIn.Screen.StaffPinPad);

        Kiosk.lookup.confirm(pin);
        tryCompare(Kiosk, "state", CheckIn.KioskState.Outcome, 10000);
        compare(Kiosk.outcomeKind, CheckIn.OutcomeKind.Welcome);
        compare(Kiosk.guestName, "Nguyễn Thị Minh Khai");
        tryCompare(Kiosk, "screen", CheckIn.Screen.Outcome); // it fades in
        verify(!Kiosk.staff.active, "confirming a lookup does not open staff mode");
        compare(Fixture.liveCheckIns(guest), 1);
        compare(Fixture.manualCheckIns(guest), 1);
        verify(Fixture.staffActions(guest).indexOf("manual-checkin") >= 0, Fixture.staffActions(guest));
        compare(Fixture.printJobKinds(guest).sort(), ["agenda", "badge"]);
        // Nothing of the lookup stays behind.
        compare(Kiosk.lookup.open, false);
        compare(Kiosk.lookup.query, "");
        compare(Kiosk.lookup.results.count, 0);
    }

    function test_cancellingThePinPadReturnsToTheChosenGuest() {
        openLookup();
        Kiosk.lookup.query = "durand";
        tryVerify(() => Kiosk.lookup.results.count > 0, 5000);
        clickResult(0);
        Kiosk.lookup.askStaff();
        compare(Kiosk.screen, CheckIn.Screen.StaffPinPad);
        Kiosk.lookup.cancelConfirm();
        compare(Kiosk.screen, CheckIn.Screen.Lookup);
        compare(view.headline, "Is this you?");
        mouseClick(findChild(view, "lookupBack"));
        compare(view.headline, "Find your name");
        mouseClick(findChild(view, "lookupCancel"));
        compare(Kiosk.screen, CheckIn.Screen.Attract);
    }

    // Left alone, the lookup closes and forgets the name typed and everyone found.
    function test_idleTimeoutClearsTheLookup() {
        Kiosk.lookup.idleTimeout = 400;
        openLookup();
        typeName("smir");
        tryVerify(() => Kiosk.lookup.results.count > 0, 5000);
        tryCompare(Kiosk, "screen", CheckIn.Screen.Attract, 3000);
        compare(Kiosk.lookup.open, false);
        compare(Kiosk.lookup.query, "");
        compare(Kiosk.lookup.results.count, 0);
        compare(Kiosk.lookup.chosen.valid, false);
    }

    // The guest finds the invitation after all: a scan closes the lookup and checks in as usual.
    function test_aScanDuringTheLookupChecksInAndClosesIt() {
        openLookup();
        Kiosk.lookup.query = "kwame";
        verify(Kiosk.submitScan(Fixture.token(6)));
        compare(Kiosk.lookup.open, false);
        tryCompare(Kiosk, "state", CheckIn.KioskState.Outcome, 10000);
        compare(Kiosk.outcomeKind, CheckIn.OutcomeKind.Welcome);
        compare(Fixture.manualCheckIns(6), 0);
    }

    // A revoked invitation stays revoked: staff confirming the lookup gets the same refusal as a scan.
    function test_revokedGuestIsRefusedAfterConfirmation() {
        verify(Fixture.revoke(9));
        openLookup();
        Kiosk.lookup.query = "dlamini";
        tryVerify(() => Kiosk.lookup.results.count > 0, 5000);
        Kiosk.lookup.choose(findChild(view, "lookupResults").itemAtIndex(0).guestId);
        Kiosk.lookup.askStaff();
        Kiosk.lookup.confirm(pin);
        tryCompare(Kiosk, "state", CheckIn.KioskState.Outcome, 10000);
        compare(Kiosk.outcomeKind, CheckIn.OutcomeKind.Revoked);
        compare(Fixture.liveCheckIns(9), 0);
    }
}
