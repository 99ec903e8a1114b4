#pragma once

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace checkin {

struct StaffVerifyResult;

// The kiosk's staff mode: unlocking with the staff PIN (StaffAuth, checked on a short-lived thread with its own
// database connection, because the Argon2id check takes ~0.1 s and the GUI must not stall) and locking again on
// request or after idleTimeout ms without staff activity; and the PIN pad that comes before it, which pauses
// scanning while it is up. QML sees it as Kiosk.staff; the PIN is never logged, kept or put in a message.
class KioskStaff : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KioskStaff)
    QML_ELEMENT
    QML_UNCREATABLE("Kiosk.staff provides it")

    Q_PROPERTY(bool active READ isStaffMode NOTIFY staffChanged)
    Q_PROPERTY(QString message READ message NOTIFY staffChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY staffChanged)
    Q_PROPERTY(bool pinPadOpen READ isPinPadOpen NOTIFY staffChanged)
    Q_PROPERTY(bool scanningPaused READ isScanningPaused NOTIFY staffChanged)

public:
    static constexpr int kDefaultIdleTimeout = 120000; // ms of no staff activity before staff mode locks

    KioskStaff(QString databasePath, QString kioskId, qint64 eventId, QObject *parent = nullptr);
    ~KioskStaff() override;

    // Staff mode is open (the right PIN was entered and it has not locked since).
    [[nodiscard]] bool isStaffMode() const { return m_staffMode; }
    // The last unlock's answer for the PIN pad, in the UI language (wrong PIN, locked until HH:MM, no PIN set).
    [[nodiscard]] QString message() const { return m_message; }
    // An unlock is being checked.
    [[nodiscard]] bool isBusy() const { return !m_running.isNull(); }
    // The staff PIN pad is up (opened by the hidden gesture, closed by cancel, unlock or lock).
    [[nodiscard]] bool isPinPadOpen() const { return m_pinPadOpen; }
    // No scan is taken (scanner, camera or submitScan) while the PIN pad or staff mode is up.
    [[nodiscard]] bool isScanningPaused() const { return m_pinPadOpen || m_staffMode; }

    // Shows the staff PIN pad (not while staff mode is open).
    Q_INVOKABLE void openPinPad();
    // Closes the PIN pad without unlocking, forgetting its last answer.
    Q_INVOKABLE void cancel();
    // Checks pin off the GUI thread; staffChanged() when the answer is in. Ignored while a check runs.
    Q_INVOKABLE void unlock(const QString &pin);
    // Checks pin the same way (same lockout, same audit) without opening staff mode: confirmed() on success.
    void confirm(const QString &pin);
    // Leaves staff mode and the PIN pad now.
    Q_INVOKABLE void lock();
    // Leaves staff mode and forgets the last answer; the PIN pad stays as it is.
    void leaveStaffMode();
    // Opens staff mode without a PIN, for `checkin-kiosk --self-test` and `--screenshot` only (C++ only: QML
    // cannot reach it). It never locks by itself.
    void enterForShowcase();
    // Staff touched something: the idle timeout starts again.
    Q_INVOKABLE void noteActivity();

    void setIdleTimeout(int ms);
    // Where "now" comes from for the lockout (tests); default: the system clock.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

Q_SIGNALS:
    // active, message, busy, pinPadOpen or scanningPaused changed.
    void staffChanged();
    // A confirm() PIN was right.
    void confirmed();

private:
    enum class Purpose { Unlock, Confirm };
    void check(const QString &pin, Purpose purpose);
    void onVerified(const StaffVerifyResult &result, Purpose purpose);

    QString m_databasePath;
    QString m_kioskId;
    qint64 m_eventId = 0;
    bool m_staffMode = false;
    bool m_pinPadOpen = false;
    QString m_message;
    QPointer<QThread> m_running;
    QTimer m_idleTimer;
    std::function<QDateTime()> m_clock;
};

} // namespace checkin
