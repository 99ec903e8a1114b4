import QtQuick
import IetfCheckin

// A turning arc: the kiosk is checking the invitation.
Item {
    id: spinner
    property bool running: visible
    implicitWidth: Theme.px(140)
    implicitHeight: implicitWidth

    Canvas {
        id: ring
        anchors.fill: parent
        antialiasing: true
        onPaint: {
            const ctx = getContext("2d");
            const w = width;
            const line = w * 0.09;
            ctx.reset();
            ctx.lineCap = "round";
            ctx.lineWidth = line;
            ctx.strokeStyle = Theme.divider;
            ctx.beginPath();
            ctx.arc(w / 2, w / 2, w / 2 - line, 0, 2 * Math.PI);
            ctx.stroke();
            ctx.strokeStyle = Theme.accent;
            ctx.beginPath();
            ctx.arc(w / 2, w / 2, w / 2 - line, -Math.PI / 2, Math.PI / 3);
            ctx.stroke();
        }
        onWidthChanged: requestPaint()
        RotationAnimator on rotation {
            from: 0
            to: 360
            duration: 1100
            loops: Animation.Infinite
            running: spinner.running
        }
    }
}
