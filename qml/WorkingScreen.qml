import QtQuick
import QtQuick.Layouts

// A check-in is running. It only comes up when one takes longer than a blink (Kiosk.guestScreen says when).
Item {
    id: screen
    property bool active: false
    readonly property string headline: headlineText.text

    opacity: active ? 1 : 0
    visible: opacity > 0
    Behavior on opacity { NumberAnimation { duration: 150 } }

    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width - Theme.margin * 2
        spacing: Theme.px(48)

        Spinner {
            Layout.alignment: Qt.AlignHCenter
            running: screen.visible
        }
        KioskText {
            id: headlineText
            Layout.fillWidth: true
            text: qsTr("Checking your invitation…")
            color: Theme.text
            font.pixelSize: Theme.headlineSize
            font.weight: Font.Bold
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
        }
    }
}
