pragma Singleton
import QtQuick

// Colours and type for a touchscreen read from a metre away. One accent colour; every text colour meets
// WCAG AA (4.5:1) on the background, most meet AAA. Sizes are for 1920×1080 and scale with the window.
QtObject {
    // Set by KioskView: 1.0 at 1920×1080, 0.67 at 1280×800.
    property real zoom: 1.0

    readonly property color background: "#0c1a2b"
    readonly property color surface: "#13263d"
    readonly property color divider: "#2a4058"
    readonly property color text: "#ffffff"            // 17.4:1 on background
    readonly property color textMuted: "#b4c2d3"       // 10.3:1
    readonly property color accent: "#3ddc97"          // 10.6:1; the one accent colour
    readonly property color textOnAccent: "#0c1a2b"

    readonly property string fontFamily: "Noto Sans"

    function px(value) { return Math.round(value * zoom) }

    readonly property int margin: px(72)
    readonly property int spacing: px(32)
    readonly property int displaySize: px(124)    // the guest's name
    readonly property int headlineSize: px(84)    // "Scan your invitation", outcome headlines
    readonly property int titleSize: px(46)       // the event's name
    readonly property int bodySize: px(44)
    readonly property int smallSize: px(32)
}
