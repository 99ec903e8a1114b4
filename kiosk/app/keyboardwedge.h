#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>

namespace checkin {

// Turns the keystrokes of a USB keyboard-wedge barcode scanner into scans.
//
// A wedge scanner "types" the decoded text very fast (a key every few milliseconds, rarely more than 30) and
// ends with Enter. Installed as an event filter on the application, this collects printable keys that follow
// each other within maxKeyInterval and emits scanned() when Enter arrives just as fast after at least
// minLength characters. Anything slower (a guest poking the keyboard), auto-repeat and non-text keys start
// over, so human typing never becomes a scan. Keys are observed, not eaten — except the Enter that completes
// a scan — so a future staff text field still receives what is typed into it.
class KeyboardWedge : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyboardWedge)
    Q_PROPERTY(bool enabled READ isEnabled WRITE setEnabled NOTIFY enabledChanged)

public:
    static constexpr int kDefaultMaxKeyInterval = 50; // ms; scanners type a character every < 30 ms
    static constexpr int kDefaultMinLength = 6;
    static constexpr int kMaxLength = 4096;

    explicit KeyboardWedge(QObject *parent = nullptr);
    ~KeyboardWedge() override;

    // Whether keys are being collected; disabling drops what was collected so far.
    [[nodiscard]] bool isEnabled() const { return m_enabled; }
    void setEnabled(bool enabled);

    // The longest pause between two keys of one scan, in milliseconds.
    [[nodiscard]] int maxKeyInterval() const { return m_maxKeyInterval; }
    void setMaxKeyInterval(int ms) { m_maxKeyInterval = ms; }
    // The fewest characters that count as a scan.
    [[nodiscard]] int minLength() const { return m_minLength; }

    // Feeds one key press (Qt::Key, its text, its time in ms); true when it was the Enter that completed a scan.
    bool feedKey(int key, const QString &text, qint64 timestampMs, bool autoRepeat = false);
    // Forgets the keys collected so far.
    void reset();

Q_SIGNALS:
    // A complete scan: the characters typed before Enter, without the Enter.
    void scanned(const QString &text);
    void enabledChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QString m_buffer;
    qint64 m_lastKeyAt = -1;
    bool m_enabled = true;
    int m_maxKeyInterval = kDefaultMaxKeyInterval;
    int m_minLength = kDefaultMinLength;
    QElapsedTimer m_clock; // for key events that carry no timestamp
};

} // namespace checkin
