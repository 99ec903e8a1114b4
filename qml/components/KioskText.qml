import QtQuick
import IetfCheckin

// Text in the kiosk's typeface and colours. Plain Text does not inherit ApplicationWindow's font, so every
// word on screen goes through this.
Text {
    color: Theme.text
    font.family: Theme.fontFamily
    font.pixelSize: Theme.bodySize
}
