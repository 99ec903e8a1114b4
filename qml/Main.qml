import QtQuick
import QtQuick.Controls
import IetfCheckin.Kiosk

// The kiosk window. main() decides full screen or windowed and shows it.
ApplicationWindow {
    id: window
    title: qsTr("IETF check-in")
    width: 1280
    height: 800
    color: Theme.background
    font.family: Theme.fontFamily

    // Full-screen kiosk: nothing closes the window (Alt+F4, the compositor) unless staff mode is open.
    // SIGTERM from systemd still quits cleanly (QuitOnSignal in main).
    property bool lockedDown: false
    onClosing: (close) => { close.accepted = !lockedDown || Kiosk.staff.active; }

    KioskView {
        objectName: "kioskView"
        anchors.fill: parent
    }
}
