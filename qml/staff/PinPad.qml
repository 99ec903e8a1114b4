import QtQuick
import QtQuick.Layouts
import IetfCheckin
import IetfCheckin.Kiosk

// The staff PIN pad: digits as dots, a big keypad, clear/back/cancel; shows the answer (wrong PIN, locked until
// HH:MM, no PIN set). Opened by the hidden gesture on the event header (staff.openPinPad()); cancel closes it, or in
// confirmMode returns to the lookup's chosen guest.
Rectangle {
    id: pad
    objectName: "staffPinPad"

    // Unlocks staff mode with the PIN.
    required property KioskStaff staff
    // The manual lookup whose chosen guest staff confirm in confirmMode.
    required property GuestLookup lookup
    // Confirming a guest's manual lookup instead of opening staff mode.
    property bool confirmMode: false
    // Under the title: what the PIN is for ("" for none).
    property string detail: ""
    // The pad's title (KioskView.headline).
    readonly property string headline: confirmMode ? qsTr("Staff confirmation") : qsTr("Staff PIN")
    property string entered: ""
    readonly property int maxDigits: 12
    // Keys are far above 9 mm on any kiosk screen we use (a 1920 px wide 21.5" panel: 120 px ≈ 30 mm), and the
    // pad with its title, detail and answer still fits a 1080 px high screen with room at the edges.
    readonly property int keySize: Theme.px(120)

    function press(digit) {
        if (entered.length < maxDigits && !staff.busy)
            entered += digit;
    }
    function submit() {
        if (entered.length === 0 || staff.busy)
            return;
        if (confirmMode)
            lookup.confirm(entered);
        else
            staff.unlock(entered);
        entered = "";
    }

    color: Theme.background
    Accessible.role: Accessible.Dialog
    Accessible.name: headline

    MouseArea { anchors.fill: parent } // swallow touches meant for the screens below
    onVisibleChanged: entered = ""

    ColumnLayout {
        anchors.centerIn: parent
        spacing: Theme.px(20)

        Text {
            Layout.alignment: Qt.AlignHCenter
            text: pad.headline
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.titleSize
            font.weight: Font.Bold
        }
        Text {
            objectName: "pinPadDetail"
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: pad.keySize * 3 + Theme.px(24) * 2
            visible: pad.detail !== ""
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            elide: Text.ElideRight
            text: pad.detail
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
        }
        Row {
            objectName: "pinDots"
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredHeight: Theme.px(40)
            spacing: Theme.px(18)
            Accessible.role: Accessible.StaticText
            Accessible.name: Theme.counted(qsTr("%n digit(s) entered", "", pad.entered.length), pad.entered.length)
            Repeater {
                model: Math.max(6, pad.entered.length)
                Rectangle {
                    required property int index
                    width: Theme.px(28); height: width; radius: width / 2
                    color: index < pad.entered.length ? Theme.accent : "transparent"
                    border.color: Theme.textMuted
                    border.width: Theme.px(3)
                }
            }
        }
        Text {
            objectName: "staffMessage"
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: pad.keySize * 3 + Theme.px(24) * 2
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: pad.staff.busy ? qsTr("Checking…") : pad.staff.message
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.smallSize
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
        Grid {
            Layout.alignment: Qt.AlignHCenter
            // Keypads keep 1 2 3 from the left in every language, as phones and ATMs do in Arabic too.
            LayoutMirroring.enabled: false
            LayoutMirroring.childrenInherit: true
            columns: 3
            spacing: Theme.px(24)
            Repeater {
                model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "back"]
                Rectangle {
                    id: key
                    required property string modelData
                    readonly property bool isDigit: modelData.length === 1
                    readonly property string label: isDigit ? modelData
                                                    : modelData === "clear" ? qsTr("Clear") : qsTr("⌫")
                    width: pad.keySize; height: pad.keySize; radius: Theme.px(20)
                    color: tap.pressed ? Theme.divider : Theme.surface
                    Accessible.role: Accessible.Button
                    Accessible.name: isDigit ? modelData : modelData === "clear" ? qsTr("Clear all digits")
                                                                                 : qsTr("Delete last digit")
                    Accessible.onPressAction: tap.clicked(null)
                    Text {
                        anchors.centerIn: parent
                        text: key.label
                        color: Theme.text
                        font.family: Theme.fontFamily
                        font.pixelSize: key.isDigit ? Theme.headlineSize * 0.7 : Theme.smallSize
                    }
                    MouseArea {
                        id: tap
                        anchors.fill: parent
                        onClicked: {
                            if (key.isDigit)
                                pad.press(key.modelData);
                            else if (key.modelData === "clear")
                                pad.entered = "";
                            else
                                pad.entered = pad.entered.slice(0, -1);
                        }
                    }
                }
            }
        }
        RowLayout {
            Layout.alignment: Qt.AlignHCenter
            spacing: Theme.px(24)
            Repeater {
                // Keys only: a model that changed with the language would rebuild the delegates inside the
                // RowLayout on every retranslate, which crashes Qt 6.4's layout engine.
                model: ["cancel", "ok"]
                Rectangle {
                    id: action
                    required property string modelData
                    readonly property string label: modelData === "cancel" ? qsTr("Cancel")
                                                    : pad.confirmMode ? qsTr("Confirm") : qsTr("Unlock")
                    Layout.preferredWidth: pad.keySize * 1.5 + Theme.px(12)
                    Layout.preferredHeight: pad.keySize * 0.8
                    radius: Theme.px(20)
                    color: modelData === "ok" ? Theme.accent : Theme.surface
                    Accessible.role: Accessible.Button
                    Accessible.name: label
                    Text {
                        anchors.centerIn: parent
                        text: action.label
                        color: action.modelData === "ok" ? Theme.textOnAccent : Theme.text
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.smallSize
                        font.weight: Font.Bold
                    }
                    MouseArea {
                        anchors.fill: parent
                        onClicked: {
                            if (action.modelData === "ok") {
                                pad.submit();
                            } else {
                                pad.entered = "";
                                if (pad.confirmMode)
                                    pad.lookup.cancelConfirm();
                                else
                                    pad.staff.cancel();
                            }
                        }
                    }
                }
            }
        }
    }
}
