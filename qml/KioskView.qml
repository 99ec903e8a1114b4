import QtQuick
import IetfCheckin.Kiosk

// Everything the kiosk shows: the event header and one screen at a time, chosen by Kiosk.state.
// Tests and `checkin-kiosk --self-test` read shownScreen, headline, printLine and printerNotice.
Item {
    id: view

    // Which screen is up: staff_home, staff_pin_pad, attract, working or outcome.
    readonly property string shownScreen: staffHome.visible ? "staff_home"
                                          : pinPad.visible ? "staff_pin_pad"
                                          : outcome.visible && outcome.active ? "outcome"
                                          : working.visible && working.active ? "working" : "attract"
    // The main sentence of the screen that is up.
    readonly property string headline: shownScreen === "staff_home" ? staffHome.headline
                                       : shownScreen === "staff_pin_pad" ? pinPad.headline
                                       : shownScreen === "outcome" ? outcome.headline
                                       : shownScreen === "working" ? working.headline : attract.headline
    // The outcome screen's print progress line ("" when none is shown).
    readonly property string printLine: shownScreen === "outcome" && outcome.admitted ? outcome.printLine : ""
    // The attract screen's note that a printer needs staff ("" when none).
    readonly property string printerNotice: attract.printerNotice

    // Right-to-left languages (Arabic) mirror the whole layout.
    // (qmllint 6.4 types Qt.application as QQmlApplication; in a Qt Quick app it has layoutDirection.)
    LayoutMirroring.enabled: Qt.application.layoutDirection === Qt.RightToLeft // qmllint disable
    LayoutMirroring.childrenInherit: true

    Binding {
        target: Theme
        property: "zoom"
        value: Math.min(view.width / 1920, view.height / 1080)
    }

    Rectangle {
        anchors.fill: parent
        color: Theme.background
    }

    EventHeader {
        id: header
        anchors.top: parent.top
        anchors.left: parent.left
        anchors.right: parent.right

        // The hidden way into staff mode: hold the header for three seconds.
        MouseArea {
            objectName: "staffGesture"
            anchors.fill: parent
            pressAndHoldInterval: 3000
            onPressAndHold: Kiosk.staffOpenPinPad()
        }
    }

    Item {
        id: stage
        anchors.top: header.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom

        AttractScreen {
            id: attract
            anchors.fill: parent
            // Stays up for the first moments of a check-in: most answer before the working screen is due.
            active: Kiosk.state === "attract" || (Kiosk.state === "working" && !working.due)
        }
        WorkingScreen {
            id: working
            anchors.fill: parent
            active: Kiosk.state === "working" && due
        }
        OutcomeScreen {
            id: outcome
            objectName: "outcomeScreen"
            anchors.fill: parent
            active: Kiosk.state === "outcome"
        }
    }

    // Over everything, header included: scans are paused while either is up (Kiosk.scanningPaused).
    PinPad {
        id: pinPad
        anchors.fill: parent
        visible: Kiosk.staffPinPadOpen && !Kiosk.staffMode
        onCancelled: Kiosk.staffCancel()
    }
    StaffHome {
        id: staffHome
        anchors.fill: parent
        visible: Kiosk.staffMode
    }
}
