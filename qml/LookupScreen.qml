import QtQuick
import QtQuick.Layouts
import IetfCheckin
import IetfCheckin.Kiosk

// The guest who lost their invitation finds their name (any script, accents optional), picks themselves, and a
// staff member confirms with the PIN. Everything shown comes from Kiosk.lookup; nothing is decided here.
Item {
    id: screen

    property bool active: false
    // The search, the guest chosen and the way to staff.
    required property GuestLookup lookup
    // Room the on-screen keyboard takes at the bottom (KioskView sets it while the keyboard is up).
    property real keyboardHeight: 0
    readonly property string headline: chosen ? qsTr("Is this you?") : qsTr("Find your name")
    readonly property bool chosen: lookup.chosen.valid

    opacity: active ? 1 : 0
    visible: opacity > 0
    enabled: active // a screen fading out takes no touches meant for the one fading in
    Behavior on opacity { NumberAnimation { duration: 200 } }
    onActiveChanged: if (active && !chosen) field.forceActiveFocus()
    // The keyboard is for typing the name: once a guest is chosen it goes, and the buttons below show.
    onChosenChanged: {
        if (chosen) {
            field.focus = false;
            Qt.inputMethod.hide();
        } else if (active) {
            field.forceActiveFocus();
        }
    }

    // Any touch keeps the lookup open (screen.lookup.idleTimeout).
    MouseArea {
        anchors.fill: parent
        onPressed: (mouse) => { screen.lookup.activity(); mouse.accepted = false; }
    }

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        anchors.topMargin: Theme.px(24)
        anchors.bottomMargin: Math.max(Theme.px(24), screen.keyboardHeight + Theme.px(16))
        spacing: Theme.px(20)

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            KioskText {
                objectName: "lookupHeadline"
                Layout.fillWidth: true
                text: screen.headline
                font.pixelSize: Theme.titleSize
                font.weight: Font.Bold
                horizontalAlignment: Text.AlignLeft
                elide: Text.ElideRight
            }
            KioskButton {
                objectName: "lookupCancel"
                text: qsTr("Cancel")
                accessibleName: qsTr("Cancel and go back to scanning")
                onClicked: screen.lookup.close()
            }
        }

        KioskText {
            Layout.fillWidth: true
            visible: !screen.chosen
            text: qsTr("Type your family or given name, in any alphabet. A staff member will confirm who you are.")
            color: Theme.textMuted
            font.pixelSize: Theme.smallSize
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignLeft
        }

        SearchField {
            id: field
            objectName: "lookupField"
            Layout.fillWidth: true
            visible: !screen.chosen
            placeholderText: qsTr("Your name")
            accessibleName: qsTr("Search for your name")
            text: screen.lookup.query
            onTextEdited: screen.lookup.query = text
        }

        ListView {
            id: results
            objectName: "lookupResults"
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: !screen.chosen
            clip: true
            spacing: Theme.px(12)
            model: screen.lookup.results
            Accessible.role: Accessible.List
            Accessible.name: qsTr("People found")
            delegate: GuestRow {
                width: results.width
                onClicked: screen.lookup.choose(guestId)
            }
            KioskText {
                objectName: "lookupNoMatch"
                anchors.centerIn: parent
                width: parent.width
                visible: screen.lookup.searched && results.count === 0 && screen.lookup.query.trim() !== ""
                text: qsTr("No one found. Try fewer letters, or please see the staff desk.")
                color: Theme.textMuted
                font.pixelSize: Theme.smallSize
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignHCenter
            }
        }

        // The guest picked themselves: show who, and ask staff.
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: screen.chosen
            spacing: Theme.px(28)
            Item { Layout.fillHeight: true }
            KioskText {
                objectName: "lookupChosenName"
                Layout.fillWidth: true
                text: screen.lookup.chosen.name
                font.pixelSize: Theme.headlineSize
                font.weight: Font.Bold
                wrapMode: Text.WordWrap
                maximumLineCount: 2
                elide: Text.ElideRight
                horizontalAlignment: Text.AlignHCenter
            }
            KioskText {
                Layout.fillWidth: true
                text: [screen.lookup.chosen.organisation, screen.lookup.chosen.countryName]
                      .filter(part => part !== "").join(" · ")
                color: Theme.textMuted
                font.pixelSize: Theme.bodySize
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignHCenter
            }
            KioskText {
                Layout.fillWidth: true
                text: qsTr("Please ask a staff member to confirm it is you.")
                font.pixelSize: Theme.bodySize
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignHCenter
            }
            RowLayout {
                Layout.alignment: Qt.AlignHCenter
                spacing: Theme.spacing
                KioskButton {
                    objectName: "lookupBack"
                    text: qsTr("Not me")
                    accessibleName: qsTr("Not me, back to the list")
                    onClicked: screen.lookup.back()
                }
                KioskButton {
                    objectName: "lookupAskStaff"
                    primary: true
                    text: qsTr("Staff: confirm")
                    accessibleName: qsTr("Staff member: confirm with your PIN")
                    onClicked: screen.lookup.askStaff()
                }
            }
            Item { Layout.fillHeight: true }
        }
    }
}
