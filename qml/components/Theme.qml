pragma Singleton
import QtQuick

// Colours and type for a touchscreen read from a metre away. One accent colour; every text colour meets
// WCAG AAA (7:1) on the background and on surfaces. Sizes are for 1920×1080 and scale with the window.
QtObject {
    // Set by KioskView: 1.0 at 1920×1080, 0.67 at 1280×800.
    property real zoom: 1.0
    // Set by KioskView: the kiosk's language, for numbers written in its digits.
    property string language: "en"

    readonly property color background: "#0c1a2b"
    readonly property color surface: "#13263d"
    readonly property color divider: "#2a4058"
    readonly property color text: "#ffffff"            // 17.5:1 on background, 15.3:1 on surface
    readonly property color textMuted: "#b4c2d3"       // 9.7:1 (8.5:1 on surface)
    readonly property color accent: "#3ddc97"          // 9.9:1; the one accent colour
    readonly property color textOnAccent: "#0c1a2b"
    readonly property color danger: "#ffb3a7"          // 10.2:1 (8.9:1 on surface); refusals and destructive actions

    readonly property string fontFamily: "Noto Sans"

    function px(value) { return Math.round(value * zoom) }
    // A count in the language's own digits and grouping, like its dates and times (Arabic-Indic digits in Arabic,
    // "10 000" in French), so one screen never mixes two digit systems.
    function number(value) { return Number(value).toLocaleString(Qt.locale(language), "f", 0) }
    // A translated plural ("%n guest(s)") with its count in the language's digits: qsTr writes %n in Latin digits.
    function counted(text, count) { return text.replace(String(count), number(count)) }
    // Millimetres on the panels we ship for (21.5" to 24" at 1920×1080: 0.248 to 0.277 mm a pixel), rounded
    // up for the smaller pixel so a size given here is at least that size on any of them.
    function mm(value) { return Math.ceil(value / 0.248 * zoom) }

    // Every touch target is at least 9 mm (WCAG 2.5.5 asks 44 CSS px ≈ 9 mm); ours are about 24 mm high.
    readonly property int minTouch: mm(9)
    readonly property int touchTarget: Math.max(px(96), minTouch)

    readonly property int margin: px(72)
    readonly property int spacing: px(32)
    readonly property int displaySize: px(124)    // the guest's name
    readonly property int headlineSize: px(84)    // "Scan your invitation", outcome headlines
    readonly property int titleSize: px(46)       // the event's name
    readonly property int bodySize: px(44)
    readonly property int smallSize: px(32)
}
