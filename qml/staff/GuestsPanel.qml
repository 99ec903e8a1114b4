import QtQuick
import QtQuick.Layouts
import IetfCheckin
import IetfCheckin.Kiosk

// Every guest with search (any script, accents optional) and the arrived / not yet arrived filter; the chosen
// guest's corrections on the side: reprint badge or agenda, annul today's check-in, revoke the invitation.
// Annul and revoke ask once more before they act.
Item {
    id: panel
    required property StaffDashboard dashboard
    readonly property guestCard guest: dashboard.selected
    readonly property bool hasGuest: guest.valid
    // "" or the action waiting for a second tap: annul | revoke
    property string confirming: ""

    onGuestChanged: confirming = ""

    RowLayout {
        anchors.fill: parent
        spacing: Theme.px(40)

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: parent.width * 0.58
            spacing: Theme.px(16)

            SearchField {
                objectName: "guestSearch"
                Layout.fillWidth: true
                placeholderText: qsTr("Search by name, organisation or country")
                accessibleName: qsTr("Search guests")
                text: panel.dashboard.query
                onTextEdited: panel.dashboard.query = text
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.px(12)
                Accessible.role: Accessible.Grouping
                Accessible.name: qsTr("Show")
                Repeater {
                    model: ["all", "arrived", "not_arrived"]
                    KioskButton {
                        required property string modelData
                        objectName: "filter_" + modelData
                        Layout.fillWidth: true
                        primary: panel.dashboard.filter === modelData
                        text: modelData === "all" ? qsTr("Everyone")
                              : modelData === "arrived" ? qsTr("Arrived today") : qsTr("Not yet arrived")
                        Accessible.checkable: true
                        Accessible.checked: primary
                        onClicked: panel.dashboard.filter = modelData
                    }
                }
            }
            KioskText {
                objectName: "guestCount"
                text: Theme.counted(qsTr("%n guest(s) listed", "", guestList.count), guestList.count)
                color: Theme.textMuted
                font.pixelSize: Theme.px(26)
            }
            ListView {
                id: guestList
                objectName: "guestList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: Theme.px(8)
                model: panel.dashboard.guests
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Guests")
                delegate: GuestRow {
                    width: guestList.width
                    showArrival: true
                    selected: panel.hasGuest && panel.guest.guestId === guestId
                    onClicked: panel.dashboard.select(guestId)
                }
            }
        }

        // The chosen guest and what staff can do for them.
        Rectangle {
            objectName: "guestActions"
            Layout.fillHeight: true
            Layout.preferredWidth: parent.width * 0.38
            radius: Theme.px(20)
            color: Theme.surface

            KioskText {
                anchors.centerIn: parent
                width: parent.width - Theme.px(64)
                visible: !panel.hasGuest
                text: qsTr("Choose a guest in the list.")
                color: Theme.textMuted
                font.pixelSize: Theme.smallSize
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignHCenter
            }

            ColumnLayout {
                anchors.fill: parent
                anchors.margins: Theme.px(32)
                visible: panel.hasGuest
                spacing: Theme.px(16)

                KioskText {
                    objectName: "selectedName"
                    Layout.fillWidth: true
                    text: panel.guest.name
                    font.pixelSize: Theme.bodySize
                    font.weight: Font.Bold
                    wrapMode: Text.WordWrap
                    maximumLineCount: 3
                    elide: Text.ElideRight
                    horizontalAlignment: Text.AlignLeft
                }
                KioskText {
                    Layout.fillWidth: true
                    text: [panel.guest.organisation, panel.guest.countryName]
                          .filter(part => part !== "").join(" · ")
                    color: Theme.textMuted
                    font.pixelSize: Theme.px(28)
                    wrapMode: Text.WordWrap
                    horizontalAlignment: Text.AlignLeft
                }
                KioskText {
                    objectName: "selectedStatus"
                    Layout.fillWidth: true
                    text: {
                        const days = Theme.counted(qsTr("%n day(s) attended", "", panel.guest.daysAttended),
                                                   panel.guest.daysAttended);
                        if (panel.guest.revoked)
                            return qsTr("Invitation revoked") + " · " + days;
                        if (!panel.guest.arrived)
                            return qsTr("Not arrived today") + " · " + days;
                        return (panel.guest.annulHere ? qsTr("Arrived today at %1").arg(panel.guest.arrivedAt)
                                : qsTr("Arrived today at %1 at kiosk %2").arg(panel.guest.arrivedAt)
                                  .arg(panel.guest.arrivedKiosk)) + " · " + days;
                    }
                    color: panel.guest.revoked ? Theme.danger : Theme.text
                    font.pixelSize: Theme.px(28)
                    wrapMode: Text.WordWrap
                    horizontalAlignment: Text.AlignLeft
                }
                Item { Layout.fillHeight: true }

                // Normal actions, or the second question of annul / revoke.
                ColumnLayout {
                    Layout.fillWidth: true
                    visible: panel.confirming === ""
                    spacing: Theme.px(14)
                    KioskButton {
                        objectName: "reprintBadge"
                        Layout.fillWidth: true
                        text: qsTr("Reprint badge")
                        enabled: !panel.dashboard.busy
                        onClicked: panel.dashboard.reprint("badge")
                    }
                    KioskButton {
                        objectName: "reprintAgenda"
                        Layout.fillWidth: true
                        text: qsTr("Reprint agenda")
                        enabled: !panel.dashboard.busy
                        onClicked: panel.dashboard.reprint("agenda")
                    }
                    KioskButton {
                        objectName: "annulToday"
                        Layout.fillWidth: true
                        danger: true
                        text: qsTr("Annul today's check-in")
                        enabled: !panel.dashboard.busy && panel.guest.arrived && panel.guest.annulHere
                        onClicked: panel.confirming = "annul"
                    }
                    KioskText {
                        objectName: "annulElsewhere"
                        Layout.fillWidth: true
                        visible: panel.guest.arrived && !panel.guest.annulHere
                        text: qsTr("Checked in at kiosk %1: annul it there.").arg(panel.guest.arrivedKiosk)
                        color: Theme.textMuted
                        font.pixelSize: Theme.smallSize
                        wrapMode: Text.WordWrap
                        horizontalAlignment: Text.AlignLeft
                    }
                    KioskButton {
                        objectName: "revokeInvitation"
                        Layout.fillWidth: true
                        danger: true
                        text: qsTr("Revoke invitation")
                        enabled: !panel.dashboard.busy && panel.hasGuest && !panel.guest.revoked
                        onClicked: panel.confirming = "revoke"
                    }
                }
                ColumnLayout {
                    objectName: "confirmAction"
                    Layout.fillWidth: true
                    visible: panel.confirming !== ""
                    spacing: Theme.px(14)
                    KioskText {
                        Layout.fillWidth: true
                        text: panel.confirming === "annul"
                              ? qsTr("Annul today's check-in of %1? They can scan again afterwards.").arg(panel.guest.name)
                              : qsTr("Revoke the invitation of %1? Their QR code will be refused from now on.").arg(panel.guest.name)
                        font.pixelSize: Theme.px(28)
                        wrapMode: Text.WordWrap
                        horizontalAlignment: Text.AlignLeft
                    }
                    KioskButton {
                        objectName: "confirmMistake"
                        Layout.fillWidth: true
                        visible: panel.confirming === "annul"
                        danger: true
                        text: qsTr("Annul: scanned by mistake")
                        onClicked: { panel.dashboard.annulToday("mistake"); panel.confirming = ""; }
                    }
                    KioskButton {
                        objectName: "confirmWrongPerson"
                        Layout.fillWidth: true
                        visible: panel.confirming === "annul"
                        danger: true
                        text: qsTr("Annul: wrong person")
                        onClicked: { panel.dashboard.annulToday("wrong_person"); panel.confirming = ""; }
                    }
                    KioskButton {
                        objectName: "confirmRevoke"
                        Layout.fillWidth: true
                        visible: panel.confirming === "revoke"
                        danger: true
                        text: qsTr("Revoke the invitation")
                        onClicked: { panel.dashboard.revoke(); panel.confirming = ""; }
                    }
                    KioskButton {
                        objectName: "confirmCancel"
                        Layout.fillWidth: true
                        text: qsTr("Keep it")
                        accessibleName: qsTr("Do not change anything")
                        onClicked: panel.confirming = ""
                    }
                }
            }
        }
    }
}
