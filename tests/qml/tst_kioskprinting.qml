import QtQuick
import QtTest
import IetfCheckin
import IetfCheckin.Kiosk
import IetfCheckin.Test

// Printing while the guest is welcomed: the real print worker on its own thread renders the real badge and agenda
// from the database and hands them to a real printer — a PDF folder, a private cupsd's cups-pdf queue, or CUPS
// where nothing answers. Each test starts the printers it needs and uses a guest of its own. A guest is sent to
// the printer only when there is one: documents in a PDF folder are handed over by staff.
TestCase {
    id: testCase
    name: "KioskPrinting"
    width: 1280
    height: 800
    visible: true
    when: windowShown

    KioskView {
        id: view
        anchors.fill: parent
    }

    readonly property string problemLine:
        "There is a problem with the printer. Staff have been alerted; please see the staff desk."

    function init() {
        Kiosk.dismiss();
        Kiosk.outcomeTimeout = 60000;
        Kiosk.debounceInterval = 3000;
        Fixture.setTime(1, 9, 0);
        tryCompare(Kiosk, "ready", true);
        tryCompare(Kiosk, "screen", CheckIn.Screen.Attract);
    }

    function cleanup() {
        Fixture.stopPrinting();
        Kiosk.dismiss();
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

    function test_badgeAndAgendaPrintWhileTheGuestIsWelcomed() {
        const guest = Fixture.addGuest("Maria Santos");
        verify(Fixture.startPrinting("folder", "folder"));
        scan(Fixture.token(guest));
        compare(Kiosk.outcomeKind, CheckIn.OutcomeKind.Welcome);
        compare(Kiosk.printKinds, ["badge", "agenda"]);
        verify([CheckIn.PrintStatus.Queued, CheckIn.PrintStatus.Printing, CheckIn.PrintStatus.Printed].indexOf(Kiosk.printStatus) >= 0, Kiosk.printStatus);

        tryCompare(Kiosk, "printStatus", CheckIn.PrintStatus.Printed, 30000);
        // A PDF folder is no printer: the guest is never sent to one.
        verify(!Kiosk.printsOnPaper);
        compare(view.printLine, "Your badge and agenda have been prepared.");
        compare(shown("printStatusText").text, "Your badge and agenda have been prepared.");
        verify(shown("printStatus").visible);
        compare(shown("outcomeNext").text, "Staff will hand them to you.");
        compare(Kiosk.printProblem, "");
        compare(Kiosk.printerProblemKinds.length, 0);

        const badge = Fixture.printedText(guest, "badge");
        verify(badge.indexOf("Maria Santos") >= 0, "the badge names the guest: " + badge);
        compare(Fixture.printedPages(guest, "badge"), 1);
        verify(Fixture.printedPages(guest, "agenda") >= 1, "the agenda has pages");
        verify(Fixture.printedText(guest, "agenda").indexOf("Maria Santos") >= 0, "the agenda names the guest");
    }

    function test_aGuestIsSentToThePrinterWhenTheDocumentsGoToOne() {
        const guest = Fixture.addGuest("Aiko Tanaka");
        verify(Fixture.startPrinting("cups", "cups"), "a private cupsd with cups-pdf queues started");
        verify(Kiosk.printsOnPaper);
        scan(Fixture.token(guest));
        compare(Kiosk.outcomeKind, CheckIn.OutcomeKind.Welcome);
        tryCompare(Kiosk, "printStatus", CheckIn.PrintStatus.Printed, 60000);
        compare(view.printLine, "Your badge and agenda are ready at the printer.");
        compare(shown("outcomeNext").text, "Please collect them from the printer.");
        // Staff see where each kind goes and why.
        compare(Kiosk.printDestinations.length, 2);
        verify(Kiosk.printDestinations[0].indexOf("Badges: CUPS printer “badges” (set for this kiosk)") === 0,
               Kiosk.printDestinations[0]);
        verify(Kiosk.printDestinations[1].indexOf("Agendas: CUPS printer “agendas”") === 0, Kiosk.printDestinations[1]);
        // With no guest on screen the staff Printing tab still knows this kiosk prints.
        Kiosk.dismiss();
        verify(Kiosk.printsHere);
    }

    function test_staffSeeThatFolderDocumentsAreNotPrinted() {
        verify(Fixture.startPrinting("folder", "none"));
        verify(!Kiosk.printsOnPaper);
        verify(Kiosk.printDestinations[0].indexOf("Badges: saved as PDF files in ") === 0, Kiosk.printDestinations[0]);
        compare(Kiosk.printDestinations[1], "Agendas: not printed on this kiosk");
    }

    function test_printStatusFollowsTheGuestOnScreenOnly() {
        const first = Fixture.addGuest("Ιωάννης Παπαδόπουλος", "en");
        verify(Fixture.startPrinting("folder", "none"));
        scan(Fixture.token(first));
        compare(Kiosk.printKinds, ["badge"]);
        tryCompare(Kiosk, "printStatus", CheckIn.PrintStatus.Printed, 30000);
        compare(view.printLine, "Your badge has been prepared.");
        compare(shown("outcomeNext").text, "Staff will hand it to you.");
        verify(Fixture.printedText(first, "badge").indexOf("Παπαδόπουλος") >= 0, "the badge names the guest");
        Kiosk.dismiss();
        compare(Kiosk.printStatus, CheckIn.PrintStatus.None);
        tryCompare(Kiosk, "screen", CheckIn.Screen.Attract);
        compare(view.printLine, "");
    }

    // Welcome back and already checked in say nothing about printing, unless a reprint is on its way.
    function test_laterScansShowOnlyAReprint() {
        const guest = Fixture.addGuest("Zanele Khumalo");
        verify(Fixture.startPrinting("folder", "folder"));
        scan(Fixture.token(guest));
        tryCompare(Kiosk, "printStatus", CheckIn.PrintStatus.Printed, 30000);
        Kiosk.dismiss();

        Fixture.setTime(2, 9, 0);
        scan(Fixture.token(guest));
        compare(Kiosk.outcomeKind, CheckIn.OutcomeKind.WelcomeBack);
        compare(Kiosk.printStatus, CheckIn.PrintStatus.None);
        compare(view.printLine, "");
        verify(!shown("printStatus").visible);
        Kiosk.dismiss();

        verify(Fixture.reprint(guest, "badge"));
        Fixture.setTime(2, 11, 0);
        scan(Fixture.token(guest));
        compare(Kiosk.outcomeKind, CheckIn.OutcomeKind.AlreadyCheckedIn);
        compare(Kiosk.printStatus, CheckIn.PrintStatus.Queued); // the worker has not been woken: a reprint is not a welcome
        compare(Kiosk.printKinds, ["badge"]);
        compare(view.printLine, "Your badge is being prepared…");
        compare(shown("outcomeDetail").text, "You checked in today at 09:00.");
        Fixture.wakePrinting();
        tryCompare(Kiosk, "printStatus", CheckIn.PrintStatus.Printed, 30000);
        compare(view.printLine, "Your badge has been prepared.");
    }

    function test_unreachablePrintServerIsShownWhileTheCheckInCounts() {
        const guest = Fixture.addGuest("Kofi Boateng");
        verify(Fixture.startPrinting("offline", "folder"));
        scan(Fixture.token(guest));
        compare(Kiosk.outcomeKind, CheckIn.OutcomeKind.Welcome);
        verify(Kiosk.admitted);
        verify(Fixture.checkedIn(guest, 1), "the attendance is recorded");

        tryCompare(Kiosk, "printStatus", CheckIn.PrintStatus.Problem, 30000);
        compare(view.printLine, problemLine);
        compare(shown("printStatusText").text, problemLine);
        compare(shown("outcomeNext").text, "");
        verify(Kiosk.printProblem.indexOf("127.0.0.1") >= 0, "staff learn which server: " + Kiosk.printProblem);
        compare(Kiosk.printerProblemKinds, ["badge"]);
        verify(Kiosk.printerProblem.indexOf("127.0.0.1") >= 0, Kiosk.printerProblem);

        // Back on the attract screen the kiosk keeps saying, quietly, that the badge printer needs staff.
        Kiosk.dismiss();
        tryCompare(Kiosk, "screen", CheckIn.Screen.Attract);
        compare(view.printerNotice, "Badge printer needs attention");
        tryVerify(() => shown("printerNotice").visible, 5000, "the notice fades in");
        compare(shown("printerNoticeText").text, "Badge printer needs attention");
        verify(Fixture.checkedIn(guest, 1), "still recorded");

        // Printing stopped (the kiosk prints nothing now): no stale warning.
        Fixture.stopPrinting();
        compare(Kiosk.printerProblemKinds.length, 0);
        compare(view.printerNotice, "");
        verify(!shown("printerNotice").visible);
    }
}
