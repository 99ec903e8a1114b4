import QtQuick
import QtQuick.Layouts
import IetfCheckin
import IetfCheckin.Kiosk

// Staff mode's home (placeholder: the dashboard comes later). Any touch counts as staff activity, so the idle
// timeout only locks a kiosk left alone.
Rectangle {
    id: home
    objectName: "staffHome"
    color: Theme.background
    // The screen's title (KioskView.headline).
    readonly property string headline: qsTr("Staff mode")

    MouseArea {
        anchors.fill: parent
        onPressed: (mouse) => { Kiosk.staffActivity(); mouse.accepted = false; }
    }

    ColumnLayout {
        anchors.centerIn: parent
        spacing: Theme.spacing
        Text {
            Layout.alignment: Qt.AlignHCenter
            text: home.headline
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.headlineSize
            font.weight: Font.Bold
        }
        Rectangle {
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: Theme.px(320)
            Layout.preferredHeight: Theme.px(120)
            radius: Theme.px(20)
            color: Theme.accent
            Accessible.role: Accessible.Button
            Accessible.name: qsTr("Lock")
            Text {
                anchors.centerIn: parent
                text: qsTr("Lock")
                color: Theme.textOnAccent
                font.family: Theme.fontFamily
                font.pixelSize: Theme.bodySize
                font.weight: Font.Bold
            }
            MouseArea {
                anchors.fill: parent
                onClicked: Kiosk.staffLock()
            }
        }
    }
}
