import QtQuick
import IetfCheckin

// A round sign above an outcome: a tick on the accent colour for guests who may go in, a quiet outlined
// exclamation mark for everything that needs the staff desk or another try.
Item {
    id: icon
    // "tick" or "notice".
    property string glyph: "tick"
    implicitWidth: Theme.px(168)
    implicitHeight: implicitWidth

    Canvas {
        id: canvas
        anchors.fill: parent
        antialiasing: true
        onPaint: {
            const ctx = getContext("2d");
            const w = width;
            const line = w * 0.075;
            ctx.reset();
            ctx.lineCap = "round";
            ctx.lineJoin = "round";
            if (icon.glyph === "tick") {
                ctx.fillStyle = Theme.accent;
                ctx.beginPath();
                ctx.arc(w / 2, w / 2, w / 2, 0, 2 * Math.PI);
                ctx.fill();
                ctx.strokeStyle = Theme.textOnAccent;
                ctx.lineWidth = line;
                ctx.beginPath();
                ctx.moveTo(w * 0.28, w * 0.52);
                ctx.lineTo(w * 0.44, w * 0.67);
                ctx.lineTo(w * 0.73, w * 0.36);
                ctx.stroke();
            } else {
                ctx.strokeStyle = Theme.text;
                ctx.lineWidth = line * 0.8;
                ctx.beginPath();
                ctx.arc(w / 2, w / 2, w / 2 - line * 0.4, 0, 2 * Math.PI);
                ctx.stroke();
                ctx.lineWidth = line;
                ctx.beginPath();
                ctx.moveTo(w / 2, w * 0.27);
                ctx.lineTo(w / 2, w * 0.58);
                ctx.stroke();
                ctx.fillStyle = Theme.text;
                ctx.beginPath();
                ctx.arc(w / 2, w * 0.73, line * 0.62, 0, 2 * Math.PI);
                ctx.fill();
            }
        }
    }
    onGlyphChanged: canvas.requestPaint()
    onWidthChanged: canvas.requestPaint()
}
