import QtQuick
import QtQuick.Layouts
import IetfCheckin

// One guest in a list: name as they write it, organisation and country, and (for staff) today's arrival.
// A model row of GuestListModel; the whole row is one button.
Rectangle {
    id: row

    required property real guestId
    required property string name
    required property string organisation
    required property string countryName
    required property bool arrived
    required property string arrivedAt
    required property bool revoked
    property bool showArrival: false // staff lists only: a guest at the kiosk never sees who else arrived
    property bool selected: false
    signal clicked()

    implicitHeight: Math.max(Theme.touchTarget, content.implicitHeight + Theme.px(28))
    radius: Theme.px(16)
    color: tap.pressed || selected ? Theme.divider : Theme.surface
    border.width: selected ? Math.max(1, Theme.px(3)) : 0
    border.color: Theme.accent

    Accessible.role: Accessible.Button
    Accessible.name: [name, organisation, countryName, status.visible ? status.text : ""]
                     .filter(part => part !== "").join(", ")
    Accessible.onPressAction: row.clicked()

    RowLayout {
        id: content
        anchors.fill: parent
        anchors.leftMargin: Theme.px(28)
        anchors.rightMargin: Theme.px(28)
        spacing: Theme.px(24)
        ColumnLayout {
            Layout.fillWidth: true
            spacing: Theme.px(4)
            KioskText {
                Layout.fillWidth: true
                text: row.name
                font.pixelSize: Theme.smallSize
                font.weight: Font.Bold
                elide: Text.ElideRight
                horizontalAlignment: Text.AlignLeft
            }
            KioskText {
                Layout.fillWidth: true
                visible: text !== ""
                text: [row.organisation, row.countryName].filter(part => part !== "").join(" · ")
                color: Theme.textMuted
                font.pixelSize: Theme.px(26)
                elide: Text.ElideRight
                horizontalAlignment: Text.AlignLeft
            }
        }
        KioskText {
            id: status
            visible: row.showArrival
            text: row.revoked ? qsTr("Invitation revoked")
                  : row.arrived ? qsTr("Arrived %1").arg(row.arrivedAt) : qsTr("Not yet")
            color: row.revoked ? Theme.danger : row.arrived ? Theme.accent : Theme.textMuted
            font.pixelSize: Theme.px(26)
            font.weight: Font.Bold
        }
    }
    MouseArea {
        id: tap
        anchors.fill: parent
        onClicked: row.clicked()
    }
}
