// The USB keyboard-wedge scanner: fast keystrokes ending in Enter are one scan; human typing never is.
#include "kiosk/app/keyboardwedge.h"

#include <QGuiApplication>
#include <QKeyEvent>
#include <QSignalSpy>
#include <QWindow>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace checkin;

namespace {

// One key press: a Qt::Key, its text, the ms since the previous key, whether it is an auto-repeat.
struct Key
{
    int key;
    QString text;
    int gapMs;
    bool autoRepeat = false;
};

QList<Key> typed(const QString &text, int gapMs)
{
    QList<Key> keys;
    for (const QChar c : text) {
        const int key = c.isDigit() ? Qt::Key_0 + c.digitValue() : c.toUpper().unicode();
        keys.append(Key{key, QString(c), gapMs});
    }
    return keys;
}

// keys, the first of them gapMs after whatever came before.
QList<Key> after(int gapMs, QList<Key> keys)
{
    keys.first().gapMs = gapMs;
    return keys;
}

Key enter(int gapMs)
{
    return Key{Qt::Key_Return, u"\r"_s, gapMs};
}

// A window that counts the key presses that reach it.
class KeyCountingWindow : public QWindow
{
public:
    int presses = 0;
    QList<int> keys;

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        ++presses;
        keys << event->key();
    }
};

} // namespace

Q_DECLARE_METATYPE(QList<Key>)

class TestKeyboardWedge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keystrokes_data();
    void keystrokes();
    void twoScansInARowAreTwoScans();
    void disabledWedgeCollectsNothing();
    void keyEventsThroughTheApplicationFilter();
};

void TestKeyboardWedge::keystrokes_data()
{
    QTest::addColumn<QList<Key>>("keys");
    QTest::addColumn<QStringList>("scans");

    const QString token = u"0123456789"_s.repeated(17).left(178);

    QTest::newRow("scanner: 178 digits 8 ms apart, then Enter") << (typed(token, 8) << enter(8)) << QStringList{token};
    QTest::newRow("scanner at 30 ms a key") << (typed(u"ABC123XYZ"_s, 30) << enter(30)) << QStringList{u"ABC123XYZ"_s};
    QTest::newRow("guest typing 150 ms a key, then Enter")
        << (typed(u"hello world"_s, 150) << enter(150)) << QStringList{};
    QTest::newRow("fast typist, 80 ms a key") << (typed(u"1234567890"_s, 80) << enter(80)) << QStringList{};
    QTest::newRow("fast burst but too short") << (typed(u"12"_s, 5) << enter(5)) << QStringList{};
    QTest::newRow("Enter long after a fast burst") << (typed(u"1234567890"_s, 5) << enter(400)) << QStringList{};
    QTest::newRow("Enter alone") << QList<Key>{enter(5)} << QStringList{};
    QTest::newRow("a held key auto-repeats, then Enter")
        << (QList<Key>{Key{Qt::Key_1, u"1"_s, 500}} << QList<Key>(10, Key{Qt::Key_1, u"1"_s, 30, true}) << enter(30))
        << QStringList{};
    QTest::newRow("a guest's slow keys before a scan are not part of it")
        << (typed(u"xy"_s, 700) << after(2000, typed(u"987654321"_s, 6)) << enter(6)) << QStringList{u"987654321"_s};
    QTest::newRow("Shift for capitals neither breaks nor pads a scan")
        << (QList<Key>{Key{Qt::Key_Shift, QString(), 300}, Key{Qt::Key_A, u"A"_s, 4}}
            << typed(u"bc"_s, 4) << Key{Qt::Key_Shift, QString(), 4} << Key{Qt::Key_D, u"D"_s, 4} << typed(u"1234"_s, 4)
            << enter(4))
        << QStringList{u"AbcD1234"_s};
    QTest::newRow("an arrow key in the middle breaks the burst")
        << (typed(u"1234"_s, 5) << Key{Qt::Key_Left, QString(), 5} << typed(u"5678"_s, 5) << enter(5)) << QStringList{};
    QTest::newRow("keypad Enter ends a scan too")
        << (typed(u"12345678"_s, 5) << Key{Qt::Key_Enter, u"\r"_s, 5}) << QStringList{u"12345678"_s};
}

void TestKeyboardWedge::keystrokes()
{
    QFETCH(QList<Key>, keys);
    QFETCH(QStringList, scans);

    KeyboardWedge wedge;
    QSignalSpy spy(&wedge, &KeyboardWedge::scanned);
    qint64 now = 1'000'000;
    int consumedEnters = 0;
    for (const Key &key : keys) {
        now += key.gapMs;
        if (wedge.feedKey(key.key, key.text, now, key.autoRepeat))
            ++consumedEnters;
    }
    QStringList seen;
    for (const QList<QVariant> &args : spy)
        seen << args.at(0).toString();
    QCOMPARE(seen, scans);
    QCOMPARE(consumedEnters, scans.size());
}

void TestKeyboardWedge::twoScansInARowAreTwoScans()
{
    KeyboardWedge wedge;
    QSignalSpy spy(&wedge, &KeyboardWedge::scanned);
    qint64 now = 0;
    for (const QString &code : {u"11111111"_s, u"22222222"_s}) {
        now += 2000;
        const QList<Key> keys = typed(code, 5) << enter(5);
        for (const Key &key : keys)
            wedge.feedKey(key.key, key.text, now += key.gapMs);
    }
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(0).at(0).toString(), u"11111111"_s);
    QCOMPARE(spy.at(1).at(0).toString(), u"22222222"_s);
}

void TestKeyboardWedge::disabledWedgeCollectsNothing()
{
    KeyboardWedge wedge;
    QSignalSpy spy(&wedge, &KeyboardWedge::scanned);
    wedge.setEnabled(false);
    qint64 now = 0;
    const QList<Key> keys = typed(u"12345678"_s, 5) << enter(5);
    for (const Key &key : keys)
        QVERIFY(!wedge.feedKey(key.key, key.text, now += key.gapMs));
    QCOMPARE(spy.count(), 0);
}

// The real path: key events sent to a window pass the application's event filter, which sees each key once
// (not again for an item or object it is delivered to), lets ordinary keys through and eats only the Enter
// that completes a scan.
void TestKeyboardWedge::keyEventsThroughTheApplicationFilter()
{
    KeyboardWedge wedge;
    qApp->installEventFilter(&wedge);
    QSignalSpy spy(&wedge, &KeyboardWedge::scanned);
    KeyCountingWindow window;
    QObject item; // stands for a QQuickItem receiving the same key after the window

    quint64 now = 5'000'000;
    auto press = [&](int key, const QString &text, int gapMs) {
        now += gapMs;
        QKeyEvent event(QEvent::KeyPress, key, Qt::NoModifier, text);
        event.setTimestamp(now);
        QCoreApplication::sendEvent(&window, &event);
        QKeyEvent again(QEvent::KeyPress, key, Qt::NoModifier, text);
        again.setTimestamp(now);
        QCoreApplication::sendEvent(&item, &again);
    };
    for (const Key &key : typed(u"1234567890"_s, 7))
        press(key.key, key.text, key.gapMs);
    press(Qt::Key_Return, u"\r"_s, 7);

    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), u"1234567890"_s);
    QCOMPARE(window.presses, 10); // the digits reached the window, the completing Enter did not

    // A guest's slow Enter is not a scan, and it reaches the window.
    for (const Key &key : typed(u"abc"_s, 300))
        press(key.key, key.text, key.gapMs);
    press(Qt::Key_Return, u"\r"_s, 300);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(window.keys.last(), int(Qt::Key_Return));
    qApp->removeEventFilter(&wedge);
}

QTEST_MAIN(TestKeyboardWedge)
#include "tst_keyboardwedge.moc"
