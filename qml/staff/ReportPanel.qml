import QtQuick
import QtQuick.Layouts
import IetfCheckin
import IetfCheckin.Kiosk

// Export the attendance report (CSV and a signed-off PDF with per-day totals) to this kiosk's reports folder or
// a USB stick. The list of places refreshes when the tab opens and on request.
Item {
    id: panel
    required property StaffDashboard dashboard

    onVisibleChanged: if (visible) dashboard.refreshExportFolders()

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.px(20)

        KioskText {
            Layout.fillWidth: true
            text: qsTr("The attendance report lists every guest and programme day with arrival times, per-day totals and a signature line for the programme sponsors. It is saved as a CSV file and a PDF file.")
            font.pixelSize: Theme.smallSize
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignLeft
        }
        KioskText {
            Layout.fillWidth: true
            text: qsTr("Save it to:")
            color: Theme.textMuted
            font.pixelSize: Theme.smallSize
            horizontalAlignment: Text.AlignLeft
        }
        Repeater {
            model: panel.dashboard.exportFolders
            KioskButton {
                required property string label
                required property string path
                required property int index
                objectName: "exportTo_" + index
                Layout.fillWidth: true
                text: label
                accessibleName: qsTr("Save the report to %1").arg(label)
                primary: index === 0
                enabled: !panel.dashboard.busy
                onClicked: panel.dashboard.exportReport(path)
            }
        }
        KioskButton {
            objectName: "refreshFolders"
            text: qsTr("Look for USB drives again")
            onClicked: panel.dashboard.refreshExportFolders()
        }
        Item { Layout.fillHeight: true }
    }
}
