import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings
import IetfCheckin.Kiosk

// Everything the kiosk shows: the event header and one screen at a time, the one Kiosk.screen names (the guests'
// screens follow Kiosk.guestScreen, the staff overlays above them Kiosk.screen).
// Tests and `checkin-kiosk --self-test` read headline, printLine and printerNotice.
Item {
    id: view

    // The main sentence of the screen that is up.
    readonly property string headline: {
        switch (Kiosk.screen) {
        case CheckIn.Screen.StaffHome: return staffHome.headline;
        case CheckIn.Screen.StaffPinPad: return pinPad.headline;
        case CheckIn.Screen.Lookup: return lookup.headline;
        case CheckIn.Screen.Outcome: return outcome.headline;
        case CheckIn.Screen.Working: return working.headline;
        }
        return attract.headline;
    }
    // The outcome screen's print progress line ("" when none is shown).
    readonly property string printLine: Kiosk.screen === CheckIn.Screen.Outcome && outcome.admitted
                                        ? outcome.printLine : ""
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
    Binding {
        target: Theme
        property: "language"
        value: Kiosk.language
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
            onPressAndHold: Kiosk.staff.openPinPad()
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
            active: Kiosk.guestScreen === CheckIn.Screen.Attract
        }
        LookupScreen {
            id: lookup
            objectName: "lookupScreen"
            anchors.fill: parent
            lookup: Kiosk.lookup
            active: Kiosk.guestScreen === CheckIn.Screen.Lookup
            keyboardHeight: keyboard.shownHeight
        }
        WorkingScreen {
            id: working
            anchors.fill: parent
            active: Kiosk.guestScreen === CheckIn.Screen.Working
        }
        OutcomeScreen {
            id: outcome
            objectName: "outcomeScreen"
            anchors.fill: parent
            active: Kiosk.guestScreen === CheckIn.Screen.Outcome
        }
    }

    // Over everything, header included: scans are paused while either is up (Kiosk.staff.scanningPaused).
    PinPad {
        id: pinPad
        anchors.fill: parent
        staff: Kiosk.staff
        lookup: Kiosk.lookup
        confirmMode: Kiosk.lookup.confirming && !Kiosk.staff.pinPadOpen
        detail: confirmMode ? qsTr("Check in %1").arg(Kiosk.lookup.chosen.name) : ""
        visible: Kiosk.screen === CheckIn.Screen.StaffPinPad
    }
    StaffHome {
        id: staffHome
        anchors.fill: parent
        staff: Kiosk.staff
        dashboard: Kiosk.dashboard
        visible: Kiosk.screen === CheckIn.Screen.StaffHome
        keyboardHeight: keyboard.shownHeight
    }

    // The on-screen keyboard for the lookup and staff search fields (Qt Virtual Keyboard; it only shows when the
    // kiosk runs with QT_IM_MODULE=qtvirtualkeyboard, as checkin-kiosk sets by default). Centred and narrower
    // than the screen so the results above it stay visible. Its layout follows the kiosk's language where a
    // layout for it is installed; the globe key switches to the others.
    InputPanel {
        id: keyboard
        objectName: "virtualKeyboard"
        readonly property real shownHeight: active ? height : 0
        // About 1050 px wide on a 1920 px screen: keys of ~95 px (~24 mm), and a keyboard a third of the height.
        width: Math.min(parent.width, Math.max(parent.width * 0.55, 640))
        anchors.horizontalCenter: parent.horizontalCenter
        y: active ? parent.height - height : parent.height
        visible: active
        LayoutMirroring.enabled: false // the keyboard mirrors its own Arabic layout
    }
    // Once: the settings' available locales change when the active ones are set (a binding would loop).
    Component.onCompleted: {
        VirtualKeyboardSettings.activeLocales = Kiosk.languages.keyboardLocales
            .filter(locale => VirtualKeyboardSettings.availableLocales.indexOf(locale) >= 0);
    }
    Binding {
        target: VirtualKeyboardSettings
        property: "locale"
        value: Kiosk.languages.keyboardLocaleOf(Kiosk.language)
    }
}
