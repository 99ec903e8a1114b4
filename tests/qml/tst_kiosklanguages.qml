import QtQuick
import QtTest
import IetfCheckin
import IetfCheckin.Kiosk
import IetfCheckin.Test

// The six languages on the real screens: the picker on the attract screen, Arabic mirrored, an admitted guest
// answered in their own language and the kiosk back in its own after the outcome times out.
TestCase {
    id: testCase
    name: "KioskLanguages"
    width: 1280
    height: 800
    visible: true
    when: windowShown

    KioskView {
        id: view
        anchors.fill: parent
    }

    function init() {
        Kiosk.dismiss(); // also back to the default language
        Kiosk.outcomeTimeout = 60000;
        Fixture.setTime(1, 9, 0);
        tryCompare(Kiosk, "ready", true);
        tryCompare(Kiosk, "screen", CheckIn.Screen.Attract);
        // The attract screen fades back in: nothing on it can be tapped until it shows.
        tryVerify(() => shown("attractHeadline").visible && shown("language_en").visible, 5000);
        compare(Kiosk.language, "en");
    }

    function shown(objectName) {
        const item = findChild(view, objectName);
        verify(item, objectName + " exists");
        return item;
    }

    function test_pickerShowsEachLanguageInItsOwnName() {
        const names = { en: "English", fr: "Français", es: "Español", ar: "العربية", zh: "中文", ru: "Русский" };
        for (const code in names) {
            const button = shown("language_" + code);
            verify(button.visible);
            compare(button.Accessible.name, names[code]);
            // ≥ 9 mm: at least 36 px even in the smallest window (0.28 mm a pixel on a 24-inch 1080p screen).
            verify(button.height >= 36 && button.width >= 36, code + " is large enough to tap");
        }
    }

    function test_tappingFrenchTranslatesTheAttractScreen() {
        compare(shown("attractHeadline").text, "Scan your invitation");
        mouseClick(shown("language_fr"));
        compare(Kiosk.language, "fr");
        compare(shown("attractHeadline").text, "Scannez votre invitation");
        compare(view.headline, "Scannez votre invitation");
        verify(shown("eventDates").text.indexOf("novembre") >= 0, shown("eventDates").text);
        verify(shown("language_fr").current);
        mouseClick(shown("language_en"));
        compare(shown("attractHeadline").text, "Scan your invitation");
        compare(shown("eventDates").text, "2–5 November 2026");
    }

    function test_arabicMirrorsTheLayout() {
        const english = shown("language_en");
        const russian = shown("language_ru");
        verify(!view.LayoutMirroring.enabled);
        verify(english.mapToItem(view, 0, 0).x < russian.mapToItem(view, 0, 0).x, "English first, on the left");
        compare(shown("attractHeadline").effectiveHorizontalAlignment, Text.AlignLeft);

        mouseClick(shown("language_ar"));
        compare(Kiosk.language, "ar");
        tryVerify(() => view.LayoutMirroring.enabled);
        compare(shown("attractHeadline").text, "يُرجى مسح دعوتكم ضوئيًا");
        // (Layouts place their items at the next polish.)
        tryVerify(() => english.mapToItem(view, 0, 0).x > russian.mapToItem(view, 0, 0).x, 2000,
                  "English first, on the right");
        compare(shown("attractHeadline").effectiveHorizontalAlignment, Text.AlignRight);
        const title = shown("eventTitle");
        verify(title.mapToItem(view, title.width, 0).x > view.width / 2, "the event title is on the right");

        Kiosk.setLanguage("en");
        tryVerify(() => !view.LayoutMirroring.enabled);
        tryVerify(() => english.mapToItem(view, 0, 0).x < russian.mapToItem(view, 0, 0).x);
    }

    function test_guestIsWelcomedInTheirLanguageThenTheKioskReturnsToItsOwn() {
        const guest = Fixture.addGuest("Иван Петров", "ru");
        mouseClick(shown("language_es")); // the previous guest's choice
        compare(Kiosk.language, "es");
        Kiosk.outcomeTimeout = 1500;
        verify(Kiosk.submitScan(Fixture.token(guest), "scanner"));
        tryCompare(Kiosk, "state", CheckIn.KioskState.Outcome, 5000);
        tryCompare(Kiosk, "screen", CheckIn.Screen.Outcome);
        compare(Kiosk.outcomeKind, CheckIn.OutcomeKind.Welcome);
        compare(Kiosk.language, "ru");
        compare(view.headline, "Добро пожаловать");
        compare(shown("outcomeDetail").text, "Ваш бейдж и программа печатаются.");

        tryCompare(Kiosk, "state", CheckIn.KioskState.Attract, 5000);
        compare(Kiosk.language, "en");
        tryCompare(Kiosk, "screen", CheckIn.Screen.Attract);
        compare(view.headline, "Scan your invitation");
    }

    function test_refusalStaysInThePickedLanguage() {
        mouseClick(shown("language_zh"));
        verify(Kiosk.submitScan("https://example.org/not-an-invitation", "scanner"));
        tryCompare(Kiosk, "state", CheckIn.KioskState.Outcome, 5000);
        tryCompare(Kiosk, "screen", CheckIn.Screen.Outcome);
        compare(Kiosk.outcomeKind, CheckIn.OutcomeKind.Unreadable);
        compare(Kiosk.language, "zh");
        compare(view.headline, "此二维码不是邀请函");
        Kiosk.dismiss();
        compare(Kiosk.language, "en");
    }

    function test_timesAreWrittenInTheGuestsLanguage() {
        const guest = Fixture.addGuest("Amira Haddad", "ar");
        Fixture.setTime(1, 9, 5);
        verify(Kiosk.submitScan(Fixture.token(guest), "scanner"));
        tryCompare(Kiosk, "state", CheckIn.KioskState.Outcome, 5000);
        Kiosk.dismiss();
        Kiosk.debounceInterval = 0;
        Fixture.setTime(1, 10, 0);
        verify(Kiosk.submitScan(Fixture.token(guest), "scanner"));
        tryCompare(Kiosk, "state", CheckIn.KioskState.Outcome, 5000);
        compare(Kiosk.outcomeKind, CheckIn.OutcomeKind.AlreadyCheckedIn);
        compare(Kiosk.language, "ar");
        verify(Kiosk.firstScanTime !== "" && Kiosk.firstScanTime !== "09:05", Kiosk.firstScanTime);
        Kiosk.debounceInterval = 3000;
    }
}
