import QtQuick
import QtQuick.Controls.Basic
import IetfCheckin

// A large text field for names in any script. The on-screen keyboard (Qt Virtual Keyboard) opens when it has
// focus; a hardware keyboard works too. No predictive text or auto-capitals: names are not words.
TextField {
    id: field

    property string accessibleName: placeholderText

    implicitHeight: Theme.touchTarget
    leftPadding: Theme.px(32)
    rightPadding: Theme.px(32)
    font.family: Theme.fontFamily
    font.pixelSize: Theme.bodySize
    color: Theme.text
    placeholderTextColor: Theme.textMuted
    selectionColor: Theme.accent
    selectedTextColor: Theme.textOnAccent
    inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase | Qt.ImhSensitiveData
    Accessible.name: accessibleName

    background: Rectangle {
        radius: Theme.px(18)
        color: Theme.surface
        border.width: Math.max(1, Theme.px(field.activeFocus ? 4 : 2))
        border.color: field.activeFocus ? Theme.accent : Theme.divider
    }
}
