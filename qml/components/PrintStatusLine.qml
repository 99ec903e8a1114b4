import QtQuick
import QtQuick.Layouts
import IetfCheckin
import IetfCheckin.Kiosk

// How the guest's badge and agenda are coming along, live: a turning arc while they print, a tick once they are
// out, the notice sign when the printer needs staff. The words come from the screen that shows it.
Rectangle {
    id: line
    // Queued, Printing, Printed or Problem (CheckIn.PrintStatus).
    property int status: CheckIn.PrintStatus.None
    property alias text: words.text
    readonly property int padding: Theme.px(36)

    implicitWidth: row.implicitWidth + padding * 2
    implicitHeight: row.implicitHeight + Theme.px(20) * 2
    radius: Math.min(height / 2, Theme.px(48))
    color: Theme.surface
    border.width: status === CheckIn.PrintStatus.Problem ? Math.max(1, Theme.px(3)) : 0
    border.color: Theme.textMuted

    RowLayout {
        id: row
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.leftMargin: line.padding
        anchors.rightMargin: line.padding
        spacing: Theme.px(24)

        Item {
            Layout.alignment: Qt.AlignVCenter
            implicitWidth: Theme.px(52)
            implicitHeight: implicitWidth

            Spinner {
                anchors.fill: parent
                visible: line.status === CheckIn.PrintStatus.Queued || line.status === CheckIn.PrintStatus.Printing
                running: visible && line.visible
            }
            OutcomeIcon {
                anchors.fill: parent
                visible: line.status === CheckIn.PrintStatus.Printed || line.status === CheckIn.PrintStatus.Problem
                glyph: line.status === CheckIn.PrintStatus.Printed ? "tick" : "notice"
            }
        }
        KioskText {
            id: words
            objectName: "printStatusText"
            Layout.fillWidth: true
            color: Theme.text
            font.pixelSize: Theme.bodySize
            font.weight: line.status === CheckIn.PrintStatus.Problem ? Font.Bold : Font.Normal
            lineHeight: 1.1
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignLeft
        }
    }
}
