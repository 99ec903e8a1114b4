#pragma once

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>
#include <QTimer>

#include <functional>

namespace checkin {

struct StaffVerifyResult;

// The kiosk's staff mode: unlocking with the staff PIN (StaffAuth, checked on a short-lived thread with its own
// database connection, because the Argon2id check takes ~0.1 s and the GUI must not stall) and locking again on
// request or after idleTimeout ms without staff activity. KioskController exposes it to QML; the PIN is never
// logged, kept or put in a message.
class KioskStaff : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KioskStaff)

public:
    static constexpr int kDefaultIdleTimeout = 120000; // ms of no staff activity before staff mode locks

    KioskStaff(QString databasePath, QString kioskId, qint64 eventId, QObject *parent = nullptr);
    ~KioskStaff() override;

    [[nodiscard]] bool isStaffMode() const { return m_staffMode; }
    // The last unlock's answer for the PIN pad, in the UI language (wrong PIN, locked until HH:MM, no PIN set).
    [[nodiscard]] QString message() const { return m_message; }
    // An unlock is being checked.
    [[nodiscard]] bool isBusy() const { return !m_running.isNull(); }

    // Checks pin off the GUI thread; staffChanged() when the answer is in. Ignored while a check runs.
    void unlock(const QString &pin);
    // Checks pin the same way (same lockout, same audit) without opening staff mode: confirmed() on success.
    void confirm(const QString &pin);
    // Leaves staff mode now.
    void lock();
    // Opens staff mode without a PIN, for `checkin-kiosk --self-test` and `--screenshot` only (C++ only: QML
    // cannot reach it). It never locks by itself.
    void enterForShowcase();
    // Staff touched something: the idle timeout starts again.
    void noteActivity();

    void setIdleTimeout(int ms);
    // Where "now" comes from for the lockout (tests); default: the system clock.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

Q_SIGNALS:
    // staffMode, message or busy changed.
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
    QString m_message;
    QPointer<QThread> m_running;
    QTimer m_idleTimer;
    std::function<QDateTime()> m_clock;
};

} // namespace checkin
