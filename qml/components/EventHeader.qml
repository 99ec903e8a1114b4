import QtQuick
import QtQuick.Layouts
import IetfCheckin
import IetfCheckin.Kiosk

// The event's name and dates across the top of every screen.
Item {
    id: header
    implicitHeight: row.implicitHeight + Theme.px(44) * 2

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        spacing: Theme.spacing

        Rectangle {
            Layout.preferredWidth: Theme.px(10)
            Layout.fillHeight: true
            Layout.topMargin: Theme.px(6)
            Layout.bottomMargin: Theme.px(6)
            radius: width / 2
            color: Theme.accent
        }
        ColumnLayout {
            spacing: Theme.px(2)
            Layout.fillWidth: true
            KioskText {
                objectName: "eventTitle"
                Layout.fillWidth: true
                text: Kiosk.eventTitle
                color: Theme.text
                font.pixelSize: Theme.titleSize
                font.weight: Font.Bold
                elide: Text.ElideRight
                horizontalAlignment: Text.AlignLeft
            }
            KioskText {
                Layout.fillWidth: true
                text: qsTr("Policymaker Program")
                color: Theme.textMuted
                font.pixelSize: Theme.smallSize
                elide: Text.ElideRight
                horizontalAlignment: Text.AlignLeft
            }
        }
        KioskText {
            objectName: "eventDates"
            Layout.alignment: Qt.AlignVCenter
            text: Kiosk.eventDates
            color: Theme.textMuted
            font.pixelSize: Theme.titleSize
            horizontalAlignment: Text.AlignRight
        }
    }

    Rectangle {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        height: Math.max(1, Theme.px(2))
        color: Theme.divider
    }
}
