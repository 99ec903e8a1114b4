import QtQuick
import IetfCheckin

// A drawing of a QR code on an invitation, with a scanner's light sweeping over it: "this is what to scan".
Item {
    id: glyph
    property bool animated: true
    implicitWidth: Theme.px(420)
    implicitHeight: implicitWidth

    Rectangle {
        id: card
        anchors.fill: parent
        radius: width * 0.06
        color: Theme.text
        clip: true

        Canvas {
            id: code
            anchors.fill: parent
            anchors.margins: parent.width * 0.1
            antialiasing: false
            onWidthChanged: requestPaint()
            onPaint: {
                const n = 25;
                const m = width / n;
                const ctx = getContext("2d");
                ctx.reset();
                ctx.fillStyle = Theme.background;
                function finder(x, y) {
                    ctx.fillRect(x * m, y * m, 7 * m, 7 * m);
                    ctx.clearRect((x + 1) * m, (y + 1) * m, 5 * m, 5 * m);
                    ctx.fillRect((x + 2) * m, (y + 2) * m, 3 * m, 3 * m);
                }
                finder(0, 0);
                finder(n - 7, 0);
                finder(0, n - 7);
                // The alignment pattern.
                ctx.fillRect((n - 9) * m, (n - 9) * m, 5 * m, 5 * m);
                ctx.clearRect((n - 8) * m, (n - 8) * m, 3 * m, 3 * m);
                ctx.fillRect((n - 7) * m, (n - 7) * m, m, m);
                // Data modules: a fixed pseudo-random pattern, the same drawing every time.
                let seed = 20261102;
                function next() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; }
                for (let y = 0; y < n; ++y) {
                    for (let x = 0; x < n; ++x) {
                        const r = next();
                        const inFinder = (x < 8 && y < 8) || (x >= n - 8 && y < 8) || (x < 8 && y >= n - 8);
                        const inAlignment = x >= n - 9 && x < n - 4 && y >= n - 9 && y < n - 4;
                        if (inFinder || inAlignment)
                            continue;
                        const timing = x === 6 || y === 6;
                        if (timing ? (x + y) % 2 === 0 : r < 0.47)
                            ctx.fillRect(x * m, y * m, m, m);
                    }
                }
            }
        }

        // The scanner's light and its glow.
        Rectangle {
            x: beam.x
            width: beam.width
            y: beam.y - height / 2 + beam.height / 2
            height: Theme.px(72)
            visible: beam.visible
            gradient: Gradient {
                GradientStop { position: 0.0; color: "transparent" }
                GradientStop { position: 0.5; color: Qt.rgba(Theme.accent.r, Theme.accent.g, Theme.accent.b, 0.3) }
                GradientStop { position: 1.0; color: "transparent" }
            }
        }
        Rectangle {
            id: beam
            x: card.width * 0.04
            width: card.width * 0.92
            height: Math.max(2, Theme.px(8))
            radius: height / 2
            color: Theme.accent
            y: card.height * 0.3
            visible: glyph.animated

            SequentialAnimation on y {
                running: glyph.animated && glyph.visible
                loops: Animation.Infinite
                NumberAnimation { from: card.height * 0.06; to: card.height * 0.92; duration: 1600; easing.type: Easing.InOutSine }
                NumberAnimation { from: card.height * 0.92; to: card.height * 0.06; duration: 1600; easing.type: Easing.InOutSine }
            }
        }
    }
}
