import QtQuick
import QtQuick.Controls

// The kiosk window. main() decides full screen or windowed and shows it.
ApplicationWindow {
    id: window
    title: qsTr("IETF check-in")
    width: 1280
    height: 800
    color: Theme.background
    font.family: Theme.fontFamily

    KioskView {
        objectName: "kioskView"
        anchors.fill: parent
    }
}
