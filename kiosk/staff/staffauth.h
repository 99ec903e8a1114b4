#pragma once

#include <QDateTime>
#include <QString>

#include <expected>
#include <optional>

namespace checkin {

namespace db {
class Database;
}

// What one PIN attempt came to.
struct StaffVerifyResult
{
    enum class Kind {
        Accepted,  // right PIN: staff mode may open; the failure counter is reset
        Rejected,  // wrong PIN; remainingBeforeLockout more wrong PINs are allowed before a lockout
        LockedOut, // locked until lockedUntil (this attempt may have started it); the PIN was not checked
        NoPin,     // no staff PIN is set on this kiosk's database; message says how to set one
        Error,     // the database failed; message says what to do
    };
    Kind kind = Kind::Error;
    int remainingBeforeLockout = 0;
    QDateTime lockedUntil; // UTC, for LockedOut
    QString message;       // for NoPin and Error (English, for staff and logs; never contains the PIN)
};

// The staff PIN of a kiosk database: set, check, lock out. The PIN is kept only as a libsodium Argon2id
// password hash (setting staff.pin_hash); failed attempts and the lockout live in the database too
// (staff.pin_failures, staff.pin_locked_until), so a restart does not reset them. Every change and every attempt
// is one transaction with its audit row (pin-set, pin-failed, pin-locked, staff-unlock); the PIN itself is never
// stored in clear, logged or put in a message.
//
// Lockout: the 3rd failure in a row locks for 30 s, each further failure doubles it (60 s, 120 s, …) up to 1 h.
// A right PIN resets the count. While locked, attempts are refused without checking the hash (no oracle).
// Blocking (the hash check takes ~0.1 s): call it off the GUI thread, with a connection of that thread.
class StaffAuth
{
public:
    static constexpr int kFailuresBeforeLockout = 3;
    static constexpr int kFirstLockoutSeconds = 30;
    static constexpr int kMaxLockoutSeconds = 3600;
    static constexpr int kMinLength = 6;
    static constexpr int kMaxLength = 12;

    StaffAuth(db::Database &db, QString kioskId);

    // Audit rows also name this event (0: none).
    void setEventId(qint64 eventId) { m_eventId = eventId; }
    // The rule a proposed PIN breaks, as a sentence for staff; nullopt when the PIN is acceptable.
    [[nodiscard]] static std::optional<QString> weakness(const QString &pin);
    // The lockout that failures wrong PINs in a row earn, in seconds (0: none yet).
    [[nodiscard]] static int lockoutSeconds(int failures);

    // Whether a staff PIN is set (false also when the database cannot be read).
    [[nodiscard]] bool hasPin();
    // Hashes and stores newPin (after the weakness rules), clears any lockout, audits pin-set by actor.
    [[nodiscard]] std::expected<void, QString> setPin(const QString &newPin, const QString &actor);
    // Checks pin at now (UTC); see the class comment for the lockout.
    [[nodiscard]] StaffVerifyResult verify(const QString &pin, const QDateTime &now);

    struct Status
    {
        bool pinSet = false;
        int failures = 0;
        QDateTime lockedUntil;   // invalid when not locked out at the time asked; never more than the longest
                                 // lockout after it, whatever the clock did when the lock was written
        bool lockCapped = false; // the stored lock ended later than that (written while the clock ran ahead)
    };
    // Whether a PIN is set and the lockout state at now.
    [[nodiscard]] std::expected<Status, QString> status(const QDateTime &now);

private:
    [[nodiscard]] std::expected<void, QString> audit(const QString &action, const QString &actor,
                                                     const QString &detail);

    db::Database &m_db;
    QString m_kioskId;
    qint64 m_eventId = 0;
};

} // namespace checkin
