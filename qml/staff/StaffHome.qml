import QtQuick
import QtQuick.Layouts
import IetfCheckin
import IetfCheckin.Kiosk

// Staff mode: the dashboard in four tabs — today, guests, printing, report — and a lock
// button. Any touch counts as staff activity, so the idle timeout only locks a kiosk left alone.
Rectangle {
    id: home
    objectName: "staffHome"
    color: Theme.background
    // Staff mode, for its idle timeout and the lock button.
    required property KioskStaff staff
    // What the four tabs show.
    required property StaffDashboard dashboard
    // The screen's title (KioskView.headline).
    readonly property string headline: qsTr("Staff mode")
    // Which tab is up: today, guests, printing, report (tests read and set it).
    property string tab: "today"
    // Room the on-screen keyboard takes at the bottom (KioskView sets it while the keyboard is up).
    property real keyboardHeight: 0

    onVisibleChanged: if (!visible) tab = "today"

    MouseArea {
        anchors.fill: parent
        onPressed: (mouse) => { home.staff.noteActivity(); mouse.accepted = false; }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.px(48)
        anchors.rightMargin: Theme.px(48)
        anchors.topMargin: Theme.px(24)
        anchors.bottomMargin: Math.max(Theme.px(24), home.keyboardHeight + Theme.px(12))
        spacing: Theme.px(20)

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            KioskText {
                text: home.headline
                font.pixelSize: Theme.titleSize
                font.weight: Font.Bold
            }
            KioskText {
                Layout.fillWidth: true
                text: home.dashboard.dayNumber > 0
                      ? qsTr("%1 · day %2").arg(home.dashboard.todayText).arg(Theme.number(home.dashboard.dayNumber))
                      : home.dashboard.todayText
                color: Theme.textMuted
                font.pixelSize: Theme.smallSize
                elide: Text.ElideRight
                horizontalAlignment: Text.AlignLeft
            }
            KioskButton {
                objectName: "staffLock"
                text: qsTr("Lock")
                accessibleName: qsTr("Lock staff mode")
                primary: true
                onClicked: home.staff.lock()
            }
        }

        RowLayout {
            objectName: "staffTabs"
            Layout.fillWidth: true
            spacing: Theme.px(16)
            Accessible.role: Accessible.PageTabList
            Accessible.name: qsTr("Staff dashboard sections")
            Repeater {
                // Keys only, labels looked up per key: see PinPad.qml on models that change with the language.
                model: ["today", "guests", "printing", "report"]
                KioskButton {
                    required property string modelData
                    objectName: "tab_" + modelData
                    Layout.fillWidth: true
                    primary: home.tab === modelData
                    text: modelData === "today" ? qsTr("Today")
                          : modelData === "guests" ? qsTr("Guests")
                          : modelData === "printing" ? (home.dashboard.failedJobs > 0 || Kiosk.printerProblem !== ""
                                                        ? qsTr("Printing (needs attention)") : qsTr("Printing"))
                          : qsTr("Report")
                    Accessible.role: Accessible.PageTab
                    Accessible.selected: home.tab === modelData
                    onClicked: { home.tab = modelData; home.dashboard.clearMessage(); }
                }
            }
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            TodayPanel { anchors.fill: parent; dashboard: home.dashboard; visible: home.tab === "today" }
            GuestsPanel { anchors.fill: parent; dashboard: home.dashboard; visible: home.tab === "guests" }
            PrintPanel { anchors.fill: parent; dashboard: home.dashboard; visible: home.tab === "printing" }
            ReportPanel { anchors.fill: parent; dashboard: home.dashboard; visible: home.tab === "report" }
        }

        // The answer to the last action (reprint, annul, revoke, export), until the next one.
        Rectangle {
            objectName: "staffMessageBar"
            Layout.fillWidth: true
            visible: home.dashboard.message !== "" || home.dashboard.busy
            implicitHeight: messageText.implicitHeight + Theme.px(32)
            radius: Theme.px(14)
            color: Theme.surface
            border.width: Math.max(1, Theme.px(2))
            border.color: home.dashboard.messageIsError ? Theme.danger : Theme.accent
            KioskText {
                id: messageText
                objectName: "staffActionMessage"
                anchors.fill: parent
                anchors.margins: Theme.px(16)
                text: home.dashboard.busy ? qsTr("Working…") : home.dashboard.message
                color: home.dashboard.messageIsError ? Theme.danger : Theme.text
                font.pixelSize: Theme.px(28)
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignLeft
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
        }
    }
}
