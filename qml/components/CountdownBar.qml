import QtQuick
import IetfCheckin

// A thin bar that empties while an outcome stays on screen: the kiosk will be ready for the next guest.
Item {
    id: bar
    // Milliseconds to empty; restart() fills it again.
    property int duration: 8000
    property bool running: false
    implicitHeight: Theme.px(8)

    function restart() {
        shrink.stop();
        fill.width = bar.width;
        if (bar.running && bar.duration > 0)
            shrink.start();
    }

    onRunningChanged: restart()
    onWidthChanged: if (!shrink.running) fill.width = bar.width

    Rectangle {
        anchors.fill: parent
        radius: height / 2
        color: Theme.surface
    }
    Rectangle {
        id: fill
        anchors.left: parent.left // mirrors: empties towards the reading start
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        radius: height / 2
        color: Theme.accent
        opacity: 0.8
    }
    NumberAnimation {
        id: shrink
        target: fill
        property: "width"
        to: 0
        duration: bar.duration
    }
}
