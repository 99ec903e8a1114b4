import QtQuick
import QtQuick.Layouts
import IetfCheckin.Kiosk

// Waiting for the next guest: what to scan and how.
Item {
    id: screen
    property bool active: true
    readonly property string headline: headlineText.text
    // The footer's note for staff passing by when a printer needs them; "" when all print.
    readonly property string printerNotice: {
        const kinds = Kiosk.printerProblemKinds;
        const badge = kinds.indexOf("badge") >= 0;
        const agenda = kinds.indexOf("agenda") >= 0;
        if (badge && agenda)
            return qsTr("Badge and agenda printers need attention");
        if (badge)
            return qsTr("Badge printer needs attention");
        if (agenda)
            return qsTr("Agenda printer needs attention");
        return "";
    }

    opacity: active ? 1 : 0
    visible: opacity > 0
    enabled: active // a screen fading out takes no touches meant for the one fading in
    Behavior on opacity { NumberAnimation { duration: 200 } }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        anchors.bottomMargin: footer.height + languages.height + Theme.px(24)
        spacing: Theme.px(110)

        Item { Layout.fillWidth: true }

        CameraViewfinder {
            Layout.alignment: Qt.AlignVCenter
            Layout.preferredWidth: Math.min(Theme.px(440), screen.height * 0.55)
            Layout.preferredHeight: Layout.preferredWidth
            animated: screen.visible
        }

        ColumnLayout {
            Layout.alignment: Qt.AlignVCenter
            Layout.preferredWidth: Theme.px(900)
            spacing: Theme.px(28)

            KioskText {
                id: headlineText
                objectName: "attractHeadline"
                Layout.fillWidth: true
                text: qsTr("Scan your invitation")
                color: Theme.text
                font.pixelSize: Theme.headlineSize
                font.weight: Font.Bold
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignLeft
            }
            KioskText {
                Layout.fillWidth: true
                text: qsTr("Hold the QR code on your invitation letter or badge under the scanner.")
                color: Theme.text
                font.pixelSize: Theme.bodySize
                lineHeight: 1.15
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignLeft
            }
            Rectangle {
                Layout.fillWidth: true
                Layout.topMargin: Theme.px(20)
                implicitHeight: hint.implicitHeight + Theme.px(28) * 2
                radius: Theme.px(18)
                color: Theme.surface

                RowLayout {
                    id: hint
                    anchors.fill: parent
                    anchors.margins: Theme.px(28)
                    spacing: Theme.px(24)
                    Rectangle {
                        Layout.alignment: Qt.AlignTop
                        Layout.topMargin: Theme.px(10)
                        implicitWidth: Theme.px(16)
                        implicitHeight: implicitWidth
                        radius: width / 2
                        color: Theme.accent
                    }
                    KioskText {
                        Layout.fillWidth: true
                        text: qsTr("Using the handheld scanner? Point it at the code and press the trigger.")
                        color: Theme.textMuted
                        font.pixelSize: Theme.smallSize
                        lineHeight: 1.15
                        wrapMode: Text.WordWrap
                        horizontalAlignment: Text.AlignLeft
                    }
                }
            }
        }

        Item { Layout.fillWidth: true }
    }

    // For the next guest; an admitted guest's outcome is shown in their own language anyway.
    LanguagePicker {
        id: languages
        objectName: "languagePicker"
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: footer.top
    }

    RowLayout {
        id: footer
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        anchors.bottomMargin: Theme.px(16)
        height: Theme.px(124)
        spacing: Theme.spacing

        // In the footer, not under the instructions: a two-line headline (French, Russian) must not push it away.
        KioskButton {
            objectName: "findMyName"
            text: qsTr("No invitation with you? Find your name")
            accessibleName: qsTr("No invitation with you? Find your name instead")
            enabled: Kiosk.ready
            onClicked: Kiosk.lookup.start()
        }
        KioskText {
            Layout.fillWidth: true
            text: Kiosk.serviceError === ""
                  ? qsTr("Need help? Please see the staff desk.")
                  : qsTr("This kiosk cannot check anyone in right now. Please see the staff desk.")
            color: Kiosk.serviceError === "" ? Theme.textMuted : Theme.text
            font.pixelSize: Theme.smallSize
            font.weight: Kiosk.serviceError === "" ? Font.Normal : Font.Bold
            elide: Text.ElideRight
            horizontalAlignment: Text.AlignLeft
        }
        // Small on purpose: a note for staff, not something a guest has to read.
        RowLayout {
            objectName: "printerNotice"
            visible: screen.printerNotice !== ""
            spacing: Theme.px(12)
            OutcomeIcon {
                Layout.alignment: Qt.AlignVCenter
                implicitWidth: Theme.px(30)
                glyph: "notice"
            }
            KioskText {
                objectName: "printerNoticeText"
                text: screen.printerNotice
                color: Theme.textMuted
                font.pixelSize: Theme.px(24)
            }
        }
        KioskText {
            text: qsTr("Kiosk %1").arg(Kiosk.kioskId)
            color: Theme.textMuted
            font.pixelSize: Theme.px(24)
            horizontalAlignment: Text.AlignRight
        }
    }
}
