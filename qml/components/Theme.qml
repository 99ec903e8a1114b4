pragma Singleton
import QtQuick

// Colours and type for a touchscreen read from a metre away. One accent colour; every text colour meets
// WCAG AAA (7:1) on the background and on surfaces. Sizes are for 1920×1080 and scale with the window.
QtObject {
    // Set by KioskView: 1.0 at 1920×1080, 0.67 at 1280×800.
    property real zoom: 1.0

    readonly property color background: "#0c1a2b"
    readonly property color surface: "#13263d"
    readonly property color divider: "#2a4058"
    readonly property color text: "#ffffff"            // 17.5:1 on background, 15.3:1 on surface
    readonly property color textMuted: "#b4c2d3"       // 9.7:1 (8.5:1 on surface)
    readonly property color accent: "#3ddc97"          // 9.9:1; the one accent colour
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
