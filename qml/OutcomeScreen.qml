import QtQuick
import QtQuick.Layouts
import IetfCheckin.Kiosk

// The result of a scan: a welcome with the guest's name, or what went wrong and what to do next.
// Tapping anywhere returns to the attract screen; so does the countdown. While the guest's badge and agenda print,
// how they are coming along is shown live (Kiosk.printStatus). Where documents go to a PDF folder rather than a
// printer (Kiosk.printsOnPaper false), the guest is told staff will hand them over, never to go to a printer.
Item {
    id: screen
    property bool active: false
    readonly property string headline: headlineText.text
    // The print progress line, when one is shown.
    readonly property string printLine: printWords

    // What is on screen. Kept while the screen fades out, so the words do not vanish before the screen does;
    // cleared once it is hidden.
    property int kind: CheckIn.OutcomeKind.None
    property string name: ""
    property bool admitted: false
    property bool printing: false
    property int dayNumber: 0
    property string firstScanTime: ""
    property int otherEventNumber: 0
    property int printStatus: CheckIn.PrintStatus.None
    property var printKinds: []
    property bool onPaper: true

    function takePrintStatus() {
        if (Kiosk.outcomeKind === CheckIn.OutcomeKind.None)
            return; // the outcome is being cleared: keep the words until the screen has faded out
        printStatus = Kiosk.printStatus;
        printKinds = Kiosk.printKinds;
        onPaper = Kiosk.printsOnPaper;
    }

    function take() {
        if (Kiosk.outcomeKind === CheckIn.OutcomeKind.None)
            return;
        kind = Kiosk.outcomeKind;
        name = Kiosk.guestName;
        admitted = Kiosk.admitted;
        printing = Kiosk.printing;
        dayNumber = Kiosk.dayNumber;
        firstScanTime = Kiosk.firstScanTime;
        otherEventNumber = Kiosk.otherEventNumber;
        takePrintStatus();
        countdown.restart();
    }

    opacity: active ? 1 : 0
    visible: opacity > 0
    enabled: active // a screen fading out takes no touches meant for the one fading in
    Behavior on opacity { NumberAnimation { duration: 200 } }
    onVisibleChanged: {
        if (!visible) {
            kind = CheckIn.OutcomeKind.None;
            name = "";
            admitted = false;
            firstScanTime = "";
            printStatus = CheckIn.PrintStatus.None;
            printKinds = [];
        }
    }
    Component.onCompleted: take()

    Connections {
        target: Kiosk
        function onOutcomeChanged() { screen.take(); }
        function onPrintStatusChanged() { screen.takePrintStatus(); }
        function onOutcomeExtended() { countdown.restart(); }
    }

    // The words for each outcome. Presentation only: the controller says which outcome it is.
    readonly property string headlineWords: {
        switch (kind) {
        case CheckIn.OutcomeKind.Welcome: return qsTr("Welcome");
        case CheckIn.OutcomeKind.WelcomeBack: return qsTr("Welcome back");
        case CheckIn.OutcomeKind.AlreadyCheckedIn: return qsTr("You are already checked in");
        case CheckIn.OutcomeKind.Revoked: return qsTr("This invitation is no longer valid");
        case CheckIn.OutcomeKind.OtherEvent: return qsTr("This invitation is for another meeting");
        case CheckIn.OutcomeKind.NotProgrammeDay: return qsTr("Check-in is not open today");
        case CheckIn.OutcomeKind.Forged: return qsTr("We could not verify this invitation");
        case CheckIn.OutcomeKind.Unknown: return qsTr("We could not find this invitation");
        case CheckIn.OutcomeKind.Unreadable: return qsTr("This code is not an invitation");
        case CheckIn.OutcomeKind.Error: return qsTr("Sorry, something went wrong");
        }
        return "";
    }
    // Which documents print, and how far they are: "" when nothing prints for this guest on this kiosk.
    readonly property bool printsBadge: printKinds.indexOf("badge") >= 0
    readonly property bool printsAgenda: printKinds.indexOf("agenda") >= 0
    readonly property string printWords: {
        switch (printStatus) {
        case CheckIn.PrintStatus.Queued:
        case CheckIn.PrintStatus.Printing:
            if (!onPaper)
                return printsBadge && printsAgenda ? qsTr("Your badge and agenda are being prepared…")
                     : printsBadge ? qsTr("Your badge is being prepared…") : qsTr("Your agenda is being prepared…");
            return printsBadge && printsAgenda ? qsTr("Your badge and agenda are printing…")
                 : printsBadge ? qsTr("Your badge is printing…") : qsTr("Your agenda is printing…");
        case CheckIn.PrintStatus.Printed:
            if (!onPaper)
                return printsBadge && printsAgenda ? qsTr("Your badge and agenda have been prepared.")
                     : printsBadge ? qsTr("Your badge has been prepared.") : qsTr("Your agenda has been prepared.");
            return printsBadge && printsAgenda ? qsTr("Your badge and agenda are ready at the printer.")
                 : printsBadge ? qsTr("Your badge is ready at the printer.")
                               : qsTr("Your agenda is ready at the printer.");
        case CheckIn.PrintStatus.Problem:
            return qsTr("There is a problem with the printer. Staff have been alerted; please see the staff desk.");
        }
        return "";
    }
    readonly property string detailWords: {
        switch (kind) {
        case CheckIn.OutcomeKind.Welcome:
            if (screen.printWords !== "")
                return ""; // the print line says it, live
            if (screen.printing && !screen.onPaper)
                return qsTr("Your badge and agenda are being prepared…");
            return screen.printing ? qsTr("Your badge and agenda are printing.")
                                  : qsTr("Your badge was printed at your first check-in.");
        case CheckIn.OutcomeKind.WelcomeBack:
            return qsTr("Day %1 — your attendance is recorded.").arg(Theme.number(screen.dayNumber));
        case CheckIn.OutcomeKind.AlreadyCheckedIn:
            return screen.firstScanTime !== "" ? qsTr("You checked in today at %1.").arg(screen.firstScanTime)
                                              : qsTr("You checked in earlier today.");
        case CheckIn.OutcomeKind.Revoked: return qsTr("It has been withdrawn and cannot be used to check in.");
        case CheckIn.OutcomeKind.OtherEvent:
            return screen.otherEventNumber > 0
                    ? qsTr("It was issued for IETF %1. This kiosk checks in guests of %2.")
                          .arg(screen.otherEventNumber).arg(Kiosk.eventTitle)
                    : qsTr("This kiosk checks in guests of %1.").arg(Kiosk.eventTitle);
        case CheckIn.OutcomeKind.NotProgrammeDay: return qsTr("The Policymaker Program runs %1.").arg(Kiosk.eventDates);
        case CheckIn.OutcomeKind.Forged: return qsTr("The code may be damaged or altered.");
        case CheckIn.OutcomeKind.Unknown: return qsTr("It is not on this kiosk's guest list.");
        case CheckIn.OutcomeKind.Unreadable: return qsTr("It may be a different QR code, or it was not read completely.");
        case CheckIn.OutcomeKind.Error: return qsTr("Your check-in could not be recorded.");
        }
        return "";
    }
    readonly property string nextWords: {
        switch (kind) {
        case CheckIn.OutcomeKind.Welcome:
            if (screen.printStatus === CheckIn.PrintStatus.Problem)
                return ""; // the print line sends the guest to the staff desk
            if (screen.printStatus !== CheckIn.PrintStatus.None && screen.printKinds.length === 1)
                return screen.onPaper ? qsTr("Please collect it from the printer.") : qsTr("Staff will hand it to you.");
            if (screen.printing || screen.printStatus !== CheckIn.PrintStatus.None)
                return screen.onPaper ? qsTr("Please collect them from the printer.")
                                      : qsTr("Staff will hand them to you.");
            return qsTr("If you need a new one, please see the staff desk.");
        case CheckIn.OutcomeKind.WelcomeBack: return qsTr("Enjoy the day.");
        case CheckIn.OutcomeKind.AlreadyCheckedIn: return qsTr("There is no need to scan again.");
        case CheckIn.OutcomeKind.Unreadable: return qsTr("Please scan the QR code on your invitation letter or badge.");
        case CheckIn.OutcomeKind.None: return "";
        }
        return qsTr("Please see the staff desk. We will help you straight away.");
    }

    TapHandler {
        onTapped: Kiosk.dismiss()
    }

    // The space between the header and the countdown; the words sit in its middle.
    Item {
        id: area
        anchors.top: parent.top
        anchors.bottom: countdown.top
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.leftMargin: Theme.margin * 2
        anchors.rightMargin: Theme.margin * 2
        anchors.bottomMargin: Theme.px(24)

        // A name that fits on one line at full size gets one line; a longer one gets two, shrunk to fit.
        TextMetrics {
            id: nameMetrics
            font: nameText.font
            text: screen.name
        }

        ColumnLayout {
            id: content
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            spacing: Theme.px(20)

            OutcomeIcon {
                Layout.alignment: Qt.AlignHCenter
                Layout.bottomMargin: Theme.px(12)
                // Smaller when a print line joins the detail, so that everything fits between header and countdown.
                implicitWidth: Theme.px(screen.printWords !== "" && screen.detailWords !== "" ? 112 : 144)
                glyph: screen.admitted ? "tick" : "notice"
            }
            KioskText {
                id: headlineText
                objectName: "outcomeHeadline"
                Layout.fillWidth: true
                text: screen.headlineWords
                color: screen.admitted ? Theme.accent : Theme.text
                font.pixelSize: Theme.headlineSize
                font.weight: Font.Bold
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignHCenter
            }
            KioskText {
                id: nameText
                objectName: "guestName"
                Layout.fillWidth: true
                Layout.preferredHeight: nameMetrics.advanceWidth <= content.width
                                        ? Theme.displaySize * 1.45 : Theme.displaySize * 2.1
                Layout.bottomMargin: Theme.px(8)
                visible: screen.admitted && screen.name !== ""
                text: screen.name
                color: Theme.text
                font.pixelSize: Theme.displaySize
                font.weight: Font.Bold
                fontSizeMode: Text.Fit
                minimumPixelSize: Theme.px(44)
                // Fit shrinks the wrapped name until it fits the box; only a name too long even at the
                // smallest size is cut off.
                wrapMode: Text.Wrap
                clip: true
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
            }
            KioskText {
                objectName: "outcomeDetail"
                Layout.fillWidth: true
                visible: text !== ""
                text: screen.detailWords
                color: screen.admitted ? Theme.text : Theme.textMuted
                font.pixelSize: Theme.bodySize
                lineHeight: 1.1
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignHCenter
            }
            PrintStatusLine {
                objectName: "printStatus"
                Layout.alignment: Qt.AlignHCenter
                Layout.preferredWidth: Math.min(implicitWidth, content.width)
                visible: screen.admitted && text !== ""
                status: screen.printStatus
                text: screen.printWords
            }
            // What to do next. For a guest who may not go in it is the most important line: it gets a box.
            Rectangle {
                Layout.alignment: Qt.AlignHCenter
                Layout.topMargin: screen.admitted ? 0 : Theme.px(24)
                Layout.maximumWidth: content.width
                implicitWidth: nextText.implicitWidth + (screen.admitted ? 0 : Theme.px(56) * 2)
                implicitHeight: nextText.implicitHeight + (screen.admitted ? 0 : Theme.px(28) * 2)
                radius: height / 2
                color: screen.admitted ? "transparent" : Theme.surface
                border.width: screen.admitted ? 0 : Math.max(1, Theme.px(3))
                border.color: Theme.accent
                visible: nextText.text !== ""

                KioskText {
                    id: nextText
                    objectName: "outcomeNext"
                    anchors.centerIn: parent
                    width: Math.min(implicitWidth, content.width - (screen.admitted ? 0 : Theme.px(56) * 2))
                    text: screen.nextWords
                    color: screen.admitted ? Theme.textMuted : Theme.text
                    font.pixelSize: Theme.bodySize
                    font.weight: screen.admitted ? Font.Normal : Font.Bold
                    wrapMode: Text.WordWrap
                    horizontalAlignment: Text.AlignHCenter
                }
            }
            // What went wrong, for the staff member the guest fetches (disk full, database damaged …); English,
            // as in the kiosk's log. Only on the error screen.
            KioskText {
                objectName: "outcomeStaffDetail"
                Layout.fillWidth: true
                Layout.topMargin: Theme.px(12)
                visible: screen.kind === CheckIn.OutcomeKind.Error && Kiosk.staffDetail !== ""
                text: qsTr("For staff: %1").arg(Kiosk.staffDetail)
                color: Theme.textMuted
                font.pixelSize: Theme.px(26)
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignHCenter
            }
        }
    }

    CountdownBar {
        id: countdown
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        anchors.bottomMargin: Theme.px(48)
        duration: Kiosk.outcomeTimeout
        running: screen.active
    }
}
