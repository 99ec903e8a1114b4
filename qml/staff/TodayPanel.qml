import QtQuick
import QtQuick.Layouts
import IetfCheckin
import IetfCheckin.Kiosk

// Today's arrivals against expected (live: the dashboard refreshes every few seconds) and the whole
// programme as a day-by-day table.
Item {
    id: panel
    required property StaffDashboard dashboard

    RowLayout {
        anchors.fill: parent
        spacing: Theme.px(48)

        ColumnLayout {
            Layout.preferredWidth: parent.width * 0.42
            Layout.alignment: Qt.AlignTop
            spacing: Theme.px(16)

            KioskText {
                text: qsTr("Arrived today")
                color: Theme.textMuted
                font.pixelSize: Theme.smallSize
            }
            KioskText {
                objectName: "arrivedToday"
                Layout.fillWidth: true
                text: panel.dashboard.dayNumber > 0
                      ? qsTr("%1 of %2").arg(Theme.number(panel.dashboard.arrivedToday)).arg(Theme.number(panel.dashboard.expectedToday))
                      : qsTr("No programme today")
                font.pixelSize: panel.dashboard.dayNumber > 0 ? Theme.displaySize : Theme.bodySize
                font.weight: Font.Bold
                horizontalAlignment: Text.AlignLeft
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("Arrived today: %1 of %2 expected").arg(Theme.number(panel.dashboard.arrivedToday))
                                 .arg(Theme.number(panel.dashboard.expectedToday))
            }
            // Whose arrivals these are, when the kiosk has a venue database.
            KioskText {
                objectName: "arrivalsScope"
                Layout.fillWidth: true
                visible: panel.dashboard.venueWide || panel.dashboard.venueReadError !== ""
                text: panel.dashboard.venueWide
                      ? qsTr("Every kiosk at the venue (venue database).")
                      : qsTr("This kiosk's check-ins only: the venue database could not be read (%1).")
                        .arg(panel.dashboard.venueReadError)
                color: panel.dashboard.venueWide ? Theme.textMuted : Theme.danger
                font.pixelSize: Theme.smallSize
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignLeft
            }
            Rectangle {
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.px(28)
                visible: panel.dashboard.dayNumber > 0
                radius: height / 2
                color: Theme.surface
                Rectangle {
                    width: panel.dashboard.expectedToday > 0
                           ? parent.width * Math.min(1, panel.dashboard.arrivedToday / panel.dashboard.expectedToday) : 0
                    height: parent.height
                    radius: height / 2
                    color: Theme.accent
                }
            }
            KioskText {
                Layout.fillWidth: true
                Layout.topMargin: Theme.px(24)
                text: Theme.counted(qsTr("%n guest(s) invited", "", panel.dashboard.guestCount), panel.dashboard.guestCount)
                color: Theme.textMuted
                font.pixelSize: Theme.smallSize
                horizontalAlignment: Text.AlignLeft
            }
            KioskText {
                Layout.fillWidth: true
                visible: panel.dashboard.revokedCount > 0
                text: Theme.counted(qsTr("%n invitation(s) revoked", "", panel.dashboard.revokedCount),
                                    panel.dashboard.revokedCount)
                color: Theme.textMuted
                font.pixelSize: Theme.smallSize
                horizontalAlignment: Text.AlignLeft
            }
            // The venue database (several kiosks, one view), when this kiosk has one.
            KioskText {
                objectName: "venueSyncState"
                Layout.fillWidth: true
                Layout.topMargin: Theme.px(24)
                visible: panel.dashboard.venueSyncEnabled
                text: panel.dashboard.venueOnline
                      ? qsTr("Venue database: online, last sync %1.").arg(panel.dashboard.venueLastSyncText)
                        + (panel.dashboard.venueRecordsWaiting > 0
                           ? " " + Theme.counted(qsTr("%n record(s) waiting to be sent.", "", panel.dashboard.venueRecordsWaiting),
                                           panel.dashboard.venueRecordsWaiting) : "")
                      : qsTr("Venue database unreachable: %1. Check-ins continue on this kiosk and are sent when it is back.")
                        .arg(panel.dashboard.venueSyncError)
                color: panel.dashboard.venueOnline ? Theme.textMuted : Theme.danger
                font.pixelSize: Theme.px(28)
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignLeft
            }
            KioskText {
                objectName: "doubleBadges"
                Layout.fillWidth: true
                visible: panel.dashboard.venueDoubleBadges.length > 0
                text: qsTr("Printed twice (two kiosks were offline): %1")
                      .arg(panel.dashboard.venueDoubleBadges.join(", "))
                color: Theme.danger
                font.pixelSize: Theme.px(28)
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignLeft
            }
            KioskText {
                Layout.fillWidth: true
                visible: panel.dashboard.error !== ""
                text: qsTr("The figures could not be read: %1").arg(panel.dashboard.error)
                color: Theme.danger
                font.pixelSize: Theme.smallSize
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignLeft
            }
        }

        // Day-by-day: every programme day, today highlighted.
        ColumnLayout {
            objectName: "dayTable"
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            spacing: Theme.px(8)
            Accessible.role: Accessible.Table
            Accessible.name: qsTr("Attendance by day")

            RowLayout {
                Layout.fillWidth: true
                Layout.leftMargin: Theme.px(16)
                Layout.rightMargin: Theme.px(16)
                spacing: Theme.px(16)
                Repeater {
                    model: ["day", "date", "expected", "arrived", "share"]
                    KioskText {
                        required property string modelData
                        Layout.preferredWidth: modelData === "date" ? Theme.px(300) : Theme.px(170)
                        Layout.fillWidth: modelData === "date"
                        text: modelData === "day" ? qsTr("Day") : modelData === "date" ? qsTr("Date")
                              : modelData === "expected" ? qsTr("Expected") : modelData === "arrived" ? qsTr("Arrived")
                              : qsTr("Share")
                        color: Theme.textMuted
                        font.pixelSize: Theme.px(28)
                        horizontalAlignment: modelData === "date" ? Text.AlignLeft : Text.AlignRight
                    }
                }
            }
            Repeater {
                model: panel.dashboard.days
                Rectangle {
                    id: dayRow
                    required property int dayNumber
                    required property string date
                    required property int expected
                    required property int arrived
                    required property bool today
                    Layout.fillWidth: true
                    implicitHeight: Theme.px(76)
                    radius: Theme.px(12)
                    color: today ? Theme.surface : "transparent"
                    border.width: today ? Math.max(1, Theme.px(2)) : 0
                    border.color: Theme.accent
                    Accessible.role: Accessible.Row
                    Accessible.name: qsTr("Day %1, %2: %3 of %4 arrived").arg(Theme.number(dayNumber)).arg(date)
                                     .arg(Theme.number(arrived)).arg(Theme.number(expected))
                    RowLayout {
                        anchors.fill: parent
                        anchors.leftMargin: Theme.px(16)
                        anchors.rightMargin: Theme.px(16)
                        spacing: Theme.px(16)
                        KioskText {
                            Layout.preferredWidth: Theme.px(170)
                            text: Theme.number(dayRow.dayNumber)
                            font.pixelSize: Theme.smallSize
                            horizontalAlignment: Text.AlignRight
                        }
                        KioskText {
                            Layout.fillWidth: true
                            Layout.preferredWidth: Theme.px(300)
                            text: dayRow.date
                            font.pixelSize: Theme.smallSize
                            font.weight: dayRow.today ? Font.Bold : Font.Normal
                            horizontalAlignment: Text.AlignLeft
                        }
                        KioskText {
                            Layout.preferredWidth: Theme.px(170)
                            text: Theme.number(dayRow.expected)
                            font.pixelSize: Theme.smallSize
                            horizontalAlignment: Text.AlignRight
                        }
                        KioskText {
                            Layout.preferredWidth: Theme.px(170)
                            text: Theme.number(dayRow.arrived)
                            font.pixelSize: Theme.smallSize
                            font.weight: Font.Bold
                            horizontalAlignment: Text.AlignRight
                        }
                        KioskText {
                            Layout.preferredWidth: Theme.px(170)
                            text: dayRow.expected > 0
                                  ? qsTr("%1 %", "share of expected guests who arrived").arg(Theme.number(Math.round(100 * dayRow.arrived / dayRow.expected))) : "–"
                            color: Theme.textMuted
                            font.pixelSize: Theme.smallSize
                            horizontalAlignment: Text.AlignRight
                        }
                    }
                }
            }
        }
    }
}
