import QtQuick
import QtTest
import IetfCheckin
import IetfCheckin.Kiosk
import IetfCheckin.Test

// Accessibility on every screen, on the real controller: each visible control that acts (button, tab) has an
// accessible name and is at least 9 mm each way on the panels we ship for (Theme.minTouch), and every text colour
// of the theme has WCAG AA contrast (4.5:1) on every background it is drawn on — ours aim at 7:1.
TestCase {
    id: testCase
    name: "Accessibility"
    width: 1920
    height: 1080
    visible: true
    when: windowShown

    KioskView {
        id: view
        anchors.fill: parent
    }

    readonly property string pin: "604812"

    function initTestCase() {
        compare(Fixture.setStaffPin(pin), "");
        Fixture.setTime(1, 9, 0);
        tryCompare(Kiosk, "ready", true);
    }

    function cleanup() {
        Kiosk.lookup.close();
        Kiosk.staff.lock();
        Kiosk.dismiss();
    }

    // Every visible item under item whose accessible role is one a finger uses.
    function controls(item, found) {
        if (!item.visible || item.opacity === 0 || item.objectName === "virtualKeyboard")
            return found;
        const role = item.Accessible.role;
        if (role === Accessible.Button || role === Accessible.PageTab || role === Accessible.CheckBox)
            found.push(item);
        for (let i = 0; i < item.children.length; ++i)
            controls(item.children[i], found);
        return found;
    }

    // True while a screen is part-way through its cross-fade (the screens are the view's grandchildren).
    function fading() {
        for (let i = 0; i < view.children.length; ++i) {
            const child = view.children[i];
            if (child.objectName === "virtualKeyboard")
                continue;
            for (let j = 0; j < child.children.length; ++j) {
                const o = child.children[j].opacity;
                if (o > 0 && o < 1)
                    return true;
            }
        }
        return false;
    }

    function checkScreen(screenName, hasControls = true) {
        wait(50);
        tryVerify(() => !fading(), 5000, screenName + ": the cross-fade ends");
        const found = controls(view, []);
        if (hasControls)
            verify(found.length > 0, screenName + ": no controls found");
        for (const control of found) {
            const label = screenName + ": " + (control.Accessible.name || control.objectName || control);
            verify(control.Accessible.name !== "", label + " has no accessible name");
            verify(control.width >= Theme.minTouch && control.height >= Theme.minTouch,
                   label + " is " + control.width + "×" + control.height + " px, under " + Theme.minTouch + " px (9 mm)");
        }
        return found.length;
    }

    function test_everyScreensControlsAreNamedAndLargeEnough() {
        tryCompare(Kiosk, "screen", CheckIn.Screen.Attract);
        checkScreen("attract");

        Kiosk.lookup.start();
        Kiosk.lookup.query = "a";
        tryVerify(() => Kiosk.lookup.results.count > 0, 5000);
        compare(Kiosk.screen, CheckIn.Screen.Lookup);
        checkScreen("lookup");
        Kiosk.lookup.choose(Kiosk.lookup.results.data(Kiosk.lookup.results.index(0, 0), 257));
        checkScreen("lookup, guest chosen");
        Kiosk.lookup.askStaff();
        compare(Kiosk.screen, CheckIn.Screen.StaffPinPad);
        checkScreen("PIN pad confirming a lookup");
        Kiosk.lookup.close();

        verify(Kiosk.submitScan(Fixture.token(0)));
        tryCompare(Kiosk, "screen", CheckIn.Screen.Outcome, 10000);
        checkScreen("welcome", false); // it times out on its own: nothing to press
        Kiosk.dismiss();

        Kiosk.staff.openPinPad();
        compare(Kiosk.screen, CheckIn.Screen.StaffPinPad);
        checkScreen("staff PIN pad");
        Kiosk.staff.unlock(pin);
        tryCompare(Kiosk.staff, "active", true, 10000);
        const home = findChild(view, "staffHome");
        for (const tab of ["today", "guests", "printing", "report"]) {
            home.tab = tab;
            if (tab === "guests") {
                tryVerify(() => Kiosk.dashboard.guests.count > 0, 5000);
                Kiosk.dashboard.select(Kiosk.dashboard.guests.data(Kiosk.dashboard.guests.index(0, 0), 257));
            }
            checkScreen("staff " + tab);
        }
    }

    function luminance(c) {
        const lin = v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
    }
    function contrast(a, b) {
        const la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    function test_textColoursHaveAtLeastAAContrast_data() {
        return [
            { tag: "text on background", fg: Theme.text, bg: Theme.background },
            { tag: "text on surface", fg: Theme.text, bg: Theme.surface },
            { tag: "text on pressed", fg: Theme.text, bg: Theme.divider },
            { tag: "muted on background", fg: Theme.textMuted, bg: Theme.background },
            { tag: "muted on a selected row", fg: Theme.textMuted, bg: Theme.divider },
            { tag: "muted on surface", fg: Theme.textMuted, bg: Theme.surface },
            { tag: "accent on background", fg: Theme.accent, bg: Theme.background },
            { tag: "accent on surface", fg: Theme.accent, bg: Theme.surface },
            { tag: "danger on background", fg: Theme.danger, bg: Theme.background },
            { tag: "danger on surface", fg: Theme.danger, bg: Theme.surface },
            { tag: "on accent", fg: Theme.textOnAccent, bg: Theme.accent },
        ];
    }
    function test_textColoursHaveAtLeastAAContrast(data) {
        const ratio = contrast(data.fg, data.bg);
        verify(ratio >= 4.5, data.tag + ": " + ratio.toFixed(2) + ":1");
    }
}
