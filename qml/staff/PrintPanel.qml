import QtQuick
import QtQuick.Layouts
import IetfCheckin
import IetfCheckin.Kiosk

// The printers' state, where each kind of document goes, and the print queue: problems first, then what waits,
// then the newest printed.
Item {
    id: panel
    required property StaffDashboard dashboard

    function stateText(state) {
        switch (state) {
        case CheckIn.JobState.Sent: return qsTr("Printing");
        case CheckIn.JobState.Printed: return qsTr("Printed");
        case CheckIn.JobState.Failed: return qsTr("Failed");
        }
        return qsTr("Waiting");
    }
    function kindText(kind, reason) {
        const what = kind === "badge" ? qsTr("Badge") : qsTr("Agenda");
        return reason === "reprint" ? qsTr("%1 (reprint)").arg(what) : what;
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.px(16)

        Rectangle {
            objectName: "printerState"
            Layout.fillWidth: true
            implicitHeight: printerText.implicitHeight + Theme.px(40)
            radius: Theme.px(16)
            color: Theme.surface
            border.width: Math.max(1, Theme.px(2))
            border.color: Kiosk.printerProblem !== "" ? Theme.danger : Theme.accent
            KioskText {
                id: printerText
                objectName: "printerStateText"
                anchors.fill: parent
                anchors.margins: Theme.px(20)
                text: Kiosk.printerProblem !== "" ? Kiosk.printerProblem
                      : !Kiosk.printsHere
                        ? qsTr("This kiosk does not print: badges and agendas wait in the queue for a print station.")
                        : qsTr("Printers are ready.")
                color: Kiosk.printerProblem !== "" ? Theme.danger : Theme.text
                font.pixelSize: Theme.smallSize
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignLeft
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
        }
        KioskText {
            objectName: "printDestinations"
            Layout.fillWidth: true
            visible: text !== ""
            text: Kiosk.printDestinations.join("\n")
            color: Theme.text
            font.pixelSize: Theme.smallSize
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignLeft
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        KioskText {
            objectName: "jobCounts"
            Layout.fillWidth: true
            text: qsTr("%1 waiting · %2 printed · %3 failed").arg(Theme.number(panel.dashboard.queuedJobs))
                  .arg(Theme.number(panel.dashboard.printedJobs)).arg(Theme.number(panel.dashboard.failedJobs))
            color: Theme.textMuted
            font.pixelSize: Theme.smallSize
            horizontalAlignment: Text.AlignLeft
        }
        ListView {
            id: jobList
            objectName: "jobList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.px(8)
            model: panel.dashboard.jobs
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Print queue")
            KioskText {
                anchors.centerIn: parent
                visible: jobList.count === 0
                text: qsTr("Nothing has been printed yet.")
                color: Theme.textMuted
                font.pixelSize: Theme.smallSize
            }
            delegate: Rectangle {
                id: job
                required property string guestName
                required property string kind
                required property string reason
                required property int state
                required property int attempts
                required property string lastError
                required property string time
                width: jobList.width
                implicitHeight: jobRow.implicitHeight + Theme.px(24)
                radius: Theme.px(12)
                color: Theme.surface
                Accessible.role: Accessible.ListItem
                Accessible.name: [guestName, panel.kindText(kind, reason), panel.stateText(state), lastError]
                                 .filter(p => p).join(", ")
                RowLayout {
                    id: jobRow
                    anchors.fill: parent
                    anchors.leftMargin: Theme.px(24)
                    anchors.rightMargin: Theme.px(24)
                    spacing: Theme.px(20)
                    KioskText {
                        Layout.preferredWidth: Theme.px(110)
                        text: job.time
                        color: Theme.textMuted
                        font.pixelSize: Theme.px(26)
                    }
                    KioskText {
                        Layout.fillWidth: true
                        Layout.preferredWidth: Theme.px(500)
                        text: job.guestName
                        font.pixelSize: Theme.px(28)
                        elide: Text.ElideRight
                        horizontalAlignment: Text.AlignLeft
                    }
                    KioskText {
                        Layout.preferredWidth: Theme.px(260)
                        text: panel.kindText(job.kind, job.reason)
                        font.pixelSize: Theme.px(26)
                        horizontalAlignment: Text.AlignLeft
                    }
                    ColumnLayout {
                        Layout.preferredWidth: Theme.px(520)
                        spacing: 0
                        KioskText {
                            Layout.fillWidth: true
                            text: panel.stateText(job.state)
                                  + (job.attempts > 1 ? " · " + Theme.counted(qsTr("%n attempt(s)", "", job.attempts), job.attempts) : "")
                            color: job.state === CheckIn.JobState.Failed ? Theme.danger
                                   : job.state === CheckIn.JobState.Printed ? Theme.accent : Theme.text
                            font.pixelSize: Theme.px(26)
                            font.weight: Font.Bold
                            horizontalAlignment: Text.AlignLeft
                        }
                        KioskText {
                            Layout.fillWidth: true
                            visible: job.lastError !== "" && job.state !== CheckIn.JobState.Printed
                            text: job.lastError
                            color: Theme.textMuted
                            font.pixelSize: Theme.px(22)
                            wrapMode: Text.WordWrap
                            maximumLineCount: 2
                            elide: Text.ElideRight
                            horizontalAlignment: Text.AlignLeft
                        }
                    }
                }
            }
        }
    }
}
