import QtQuick
import QtQuick.Layouts
import IetfCheckin
import IetfCheckin.Kiosk

// Six large buttons, each language in its own name and script; a tap shows the kiosk in that language for the
// next guest (Kiosk.setLanguage). Each button is language_<code> for tests.
RowLayout {
    id: picker
    spacing: Theme.px(20)
    Accessible.role: Accessible.Grouping
    Accessible.name: qsTr("Language")

    Repeater {
        model: Kiosk.languages

        Rectangle {
            id: button
            required property string code
            required property string nativeName
            readonly property bool current: Kiosk.language === code

            objectName: "language_" + code
            // At least 9 mm on a 24-inch 1080p touchscreen (about 0.28 mm a pixel): 96 px is 27 mm by 13 mm.
            Layout.preferredWidth: Math.max(Theme.px(220), label.implicitWidth + Theme.px(48))
            Layout.preferredHeight: Math.max(Theme.px(96), 36)
            radius: Theme.px(18)
            color: current ? Theme.accent : Theme.surface
            border.width: Math.max(1, Theme.px(2))
            border.color: current ? Theme.accent : Theme.divider

            Accessible.role: Accessible.Button
            Accessible.name: nativeName
            Accessible.checkable: true
            Accessible.checked: current
            Accessible.onPressAction: Kiosk.setLanguage(code)

            KioskText {
                id: label
                anchors.centerIn: parent
                text: button.nativeName
                color: button.current ? Theme.textOnAccent : Theme.text
                font.pixelSize: Theme.smallSize
                font.weight: button.current ? Font.Bold : Font.Normal
            }
            TapHandler {
                onTapped: Kiosk.setLanguage(button.code)
            }
        }
    }
}
