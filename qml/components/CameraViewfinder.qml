import QtQuick
import QtMultimedia
import IetfCheckin
import IetfCheckin.Kiosk

// What to scan with: the live camera image inside a framing guide while a camera runs (Kiosk.cameraActive),
// else the drawing of a QR code (no camera: the USB scanner is the way in). Decoding is the controller's.
Item {
    id: viewfinder
    property bool animated: true
    readonly property bool live: Kiosk.cameraActive
    implicitWidth: Theme.px(420)
    implicitHeight: implicitWidth

    QrGlyph {
        anchors.fill: parent
        visible: !viewfinder.live
        animated: viewfinder.animated && visible
    }

    Rectangle {
        anchors.fill: parent
        visible: viewfinder.live
        radius: width * 0.06
        color: Theme.surface
        clip: true

        Loader {
            objectName: "cameraImage"
            anchors.fill: parent
            active: viewfinder.live
            sourceComponent: VideoOutput {
                id: output
                fillMode: VideoOutput.PreserveAspectCrop
                Component.onCompleted: Kiosk.attachViewfinder(output)
            }
        }

        // The framing guide: four accent corners where the code should sit.
        Repeater {
            model: 4
            Item {
                id: corner
                required property int index
                readonly property real arm: viewfinder.width * 0.14
                readonly property real inset: viewfinder.width * 0.12
                readonly property real thickness: Math.max(4, viewfinder.width * 0.018)
                width: arm
                height: arm
                x: index % 2 === 0 ? inset : viewfinder.width - inset - arm
                y: index < 2 ? inset : viewfinder.height - inset - arm
                Rectangle {
                    width: parent.width
                    height: corner.thickness
                    y: corner.index < 2 ? 0 : parent.height - height
                    radius: height / 2
                    color: Theme.accent
                }
                Rectangle {
                    width: corner.thickness
                    height: parent.height
                    x: corner.index % 2 === 0 ? 0 : parent.width - width
                    radius: width / 2
                    color: Theme.accent
                }
            }
        }
    }
}
