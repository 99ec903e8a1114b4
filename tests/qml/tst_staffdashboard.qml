import QtQuick
import QtTest
import IetfCheckin
import IetfCheckin.Kiosk
import IetfCheckin.Test

// The staff dashboard on the real controller: figures, lists and corrections read and written on the directory
// thread against the test database; the PIN checked by StaffAuth. Every correction is checked in the database.
TestCase {
    id: testCase
    name: "StaffDashboard"
    width: 1280
    height: 800
    visible: true
    when: windowShown

    KioskView {
        id: view
        anchors.fill: parent
    }

    readonly property string pin: "559031"
    readonly property StaffDashboard dashboard: Kiosk.dashboard

    function initTestCase() {
        compare(Fixture.setStaffPin(pin), "");
        Fixture.setTime(1, 9, 0);
        tryCompare(Kiosk, "ready", true);
        // Two guests arrive before staff look: one here, one at another kiosk.
        verify(Kiosk.submitScan(Fixture.token(0)));
        tryCompare(Kiosk, "state", CheckIn.KioskState.Outcome, 10000);
        Kiosk.dismiss();
        compare(Fixture.checkInElsewhere(4), CheckIn.OutcomeKind.Welcome);
    }

    function init() {
        Kiosk.staff.lock();
        Kiosk.dismiss();
        tryCompare(Kiosk, "screen", CheckIn.Screen.Attract);
        Kiosk.staff.openPinPad();
        Kiosk.staff.unlock(pin);
        tryCompare(Kiosk.staff, "active", true, 10000);
        compare(Kiosk.screen, CheckIn.Screen.StaffHome);
        tryCompare(dashboard, "loaded", true, 5000);
    }

    function cleanup() {
        Kiosk.staff.lock();
    }

    function openTab(name) {
        mouseClick(findChild(view, "tab_" + name));
        compare(findChild(view, "staffHome").tab, name);
    }

    function listedNames() {
        const list = findChild(view, "guestList");
        const names = [];
        for (let i = 0; i < list.count; ++i) {
            const item = list.itemAtIndex(i);
            if (item)
                names.push(item.name);
        }
        return names;
    }

    function selectGuest(query, name) {
        openTab("guests");
        dashboard.query = query;
        // The answer to this query, not the list from before it (every query here names fewer than everyone).
        tryVerify(() => listedNames().indexOf(name) >= 0 && findChild(view, "guestList").count < Fixture.guestCount(),
                  5000, name + " is listed");
        const list = findChild(view, "guestList");
        const row = listedNames().indexOf(name);
        tryVerify(() => list.itemAtIndex(row) !== null, 5000);
        mouseClick(list.itemAtIndex(row));
        tryVerify(() => findChild(view, "selectedName").text === name, 5000);
        compare(findChild(view, "selectedName").text, name);
    }

    // (Other test functions check more guests in: figures are compared with the database, not constants.)
    function test_todayShowsArrivalsAgainstExpectedAndEveryDay() {
        tryVerify(() => dashboard.arrivedToday >= 2, 5000);
        const arrived = dashboard.arrivedToday;
        compare(dashboard.expectedToday, Fixture.guestCount());
        compare(dashboard.dayNumber, 1);
        compare(findChild(view, "arrivedToday").text, arrived + " of " + Fixture.guestCount());
        compare(dashboard.days.count, 4, "one row per programme day");
        compare(dashboard.days.at(0).arrived, arrived);
        verify(dashboard.days.at(0).today);
        compare(dashboard.days.at(1).arrived, 0);
        compare(dashboard.days.at(1).expected, Fixture.guestCount());
    }

    // Another kiosk's arrival shows up while staff watch, without touching anything.
    function test_figuresAreLive() {
        tryVerify(() => dashboard.arrivedToday >= 2, 5000);
        const before = dashboard.arrivedToday;
        compare(Fixture.checkInElsewhere(5), CheckIn.OutcomeKind.Welcome);
        tryCompare(dashboard, "arrivedToday", before + 1, 5000);
        tryCompare(findChild(view, "arrivedToday"), "text", (before + 1) + " of " + Fixture.guestCount(), 2000);
    }

    function test_guestListSearchesAndFiltersByArrival() {
        openTab("guests");
        tryVerify(() => findChild(view, "guestList").count === Fixture.guestCount(), 5000, "everyone is listed");
        dashboard.filter = "arrived";
        tryVerify(() => findChild(view, "guestList").count === dashboard.arrivedToday, 5000);
        verify(listedNames().indexOf("Ольга Смирнова") >= 0);
        verify(listedNames().indexOf("山田太郎") < 0);
        mouseClick(findChild(view, "filter_not_arrived"));
        compare(dashboard.filter, "not_arrived");
        tryVerify(() => findChild(view, "guestList").count === Fixture.guestCount() - dashboard.arrivedToday, 5000);
        verify(listedNames().indexOf("山田太郎") >= 0);
        dashboard.filter = "all";
        dashboard.query = "smirnova";
        tryVerify(() => listedNames().length === 1 && listedNames()[0] === "Ольга Смирнова", 5000);
    }

    function test_reprintQueuesANewBadge() {
        const before = Fixture.printJobKinds(0).length;
        selectGuest("olga", "Ольга Смирнова");
        mouseClick(findChild(view, "reprintBadge"));
        tryVerify(() => !dashboard.busy && dashboard.message !== "", 5000);
        verify(!dashboard.messageIsError, dashboard.message);
        verify(dashboard.message.indexOf("badge") >= 0, dashboard.message);
        compare(Fixture.printJobKinds(0).length, before + 1);
        verify(Fixture.staffActions(0).indexOf("reprint") >= 0);
    }

    function test_annulAsksFirstThenAnnulsToday() {
        compare(Fixture.checkInElsewhere(7), CheckIn.OutcomeKind.Welcome);
        selectGuest("kowalska", "Anna Kowalska");
        tryVerify(() => findChild(view, "annulToday").enabled, 5000, "an arrived guest can be annulled");
        mouseClick(findChild(view, "annulToday"));
        verify(findChild(view, "confirmAction").visible, "annul asks once more");
        verify(Fixture.checkedIn(7, 1), "nothing changed yet");
        mouseClick(findChild(view, "confirmMistake"));
        tryVerify(() => !dashboard.busy && dashboard.message !== "", 5000);
        verify(!dashboard.messageIsError, dashboard.message);
        verify(!Fixture.checkedIn(7, 1), "today's check-in is annulled");
        verify(Fixture.staffActions(7).indexOf("annul") >= 0);
        tryVerify(() => !findChild(view, "annulToday").enabled, 5000, "nothing left to annul");
    }

    function test_revokeAsksFirstThenRefusesTheInvitation() {
        selectGuest("shan tian", "山田太郎");
        mouseClick(findChild(view, "revokeInvitation"));
        mouseClick(findChild(view, "confirmCancel"));
        verify(findChild(view, "revokeInvitation").visible, "keep it changes nothing");
        mouseClick(findChild(view, "revokeInvitation"));
        mouseClick(findChild(view, "confirmRevoke"));
        tryVerify(() => !dashboard.busy && dashboard.message !== "", 5000);
        verify(!dashboard.messageIsError, dashboard.message);
        tryVerify(() => dashboard.selected.revoked === true, 5000);
        verify(Fixture.staffActions(1).indexOf("revoke") >= 0);
        // The guest's QR is refused from now on.
        Kiosk.staff.lock();
        verify(Kiosk.submitScan(Fixture.token(1)));
        tryCompare(Kiosk, "state", CheckIn.KioskState.Outcome, 10000);
        compare(Kiosk.outcomeKind, CheckIn.OutcomeKind.Revoked);
    }

    function test_printingTabListsTheQueue() {
        openTab("printing");
        tryVerify(() => findChild(view, "jobList").count >= 2, 5000, "the arrivals' badges and agendas");
        verify(dashboard.queuedJobs >= 2, "nothing prints in this test: they wait");
        // This kiosk was started without printing: staff are told where the queue goes, not "ready".
        compare(Kiosk.printKinds.length, 0);
        verify(!Kiosk.printsHere);
        compare(Kiosk.printDestinations, []);
        compare(findChild(view, "printerStateText").text,
                "This kiosk does not print: badges and agendas wait in the queue for a print station.");
    }

    function test_reportIsExportedToTheChosenFolder() {
        openTab("report");
        verify(dashboard.exportFolders.count >= 1, "the kiosk's own folder is always offered");
        verify(findChild(view, "exportTo_0"));
        const folder = Fixture.reportFolder();
        compare(Fixture.filesIn(folder), []);
        dashboard.exportReport(folder); // a USB stick the test cannot mount: the same call its button makes
        tryVerify(() => !dashboard.busy && dashboard.message !== "", 10000);
        verify(!dashboard.messageIsError, dashboard.message);
        const files = Fixture.filesIn(folder);
        compare(files.length, 2, files);
        verify(/^ietf122-attendance-.*\.csv$/.test(files[0]), files[0]);
        verify(/^ietf122-attendance-.*\.pdf$/.test(files[1]), files[1]);
        verify(dashboard.message.indexOf(files[0]) >= 0, dashboard.message);

        // A folder that is gone (the stick was pulled): a sentence for staff, nothing written.
        dashboard.exportReport(folder + "/pulled-out");
        tryVerify(() => !dashboard.busy && dashboard.message !== "", 10000);
        verify(dashboard.messageIsError, dashboard.message);
    }

    function test_leavingStaffModeForgetsTheSearch() {
        selectGuest("olga", "Ольга Смирнова");
        Kiosk.staff.lock();
        compare(dashboard.query, "");
        compare(dashboard.guests.count, 0);
        compare(dashboard.selected.valid, false);
    }
}
