import QtQuick
import IetfCheckin

// A touch button: at least Theme.touchTarget high (well over 9 mm), an accessible name, a pressed state.
// primary: the one action a screen expects; danger: an action that takes something away (annul, revoke).
Rectangle {
    id: button

    property string text
    property string accessibleName: text
    property bool primary: false
    property bool danger: false
    property int fontSize: Theme.smallSize
    signal clicked()

    implicitWidth: Math.max(Theme.touchTarget * 2, label.implicitWidth + Theme.px(56))
    implicitHeight: Theme.touchTarget
    radius: Theme.px(18)
    // Disabled controls are exempt from WCAG contrast; they still read as buttons.
    opacity: enabled ? 1 : 0.4
    color: tap.pressed ? Theme.divider : primary ? Theme.accent : Theme.surface
    border.width: Math.max(1, Theme.px(2))
    border.color: danger ? Theme.danger : primary ? Theme.accent : Theme.divider

    Accessible.role: Accessible.Button
    Accessible.name: accessibleName
    Accessible.onPressAction: if (button.enabled) button.clicked()

    KioskText {
        id: label
        anchors.centerIn: parent
        width: Math.min(implicitWidth, button.width - Theme.px(32))
        horizontalAlignment: Text.AlignHCenter
        elide: Text.ElideRight
        text: button.text
        color: button.primary && !tap.pressed ? Theme.textOnAccent : button.danger ? Theme.danger : Theme.text
        font.pixelSize: button.fontSize
        font.weight: Font.Bold
    }
    MouseArea {
        id: tap
        anchors.fill: parent
        onClicked: button.clicked()
    }
}
