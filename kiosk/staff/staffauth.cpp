#include "kiosk/staff/staffauth.h"

#include "kiosk/invitations/signingkey.h"

#include "db/database.h"
#include "db/records.h"
#include "db/settingstore.h"
#include "db/staffactionstore.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace checkin {

namespace {

const auto kHashKey = u"staff.pin_hash"_s;
const auto kFailuresKey = u"staff.pin_failures"_s;
const auto kLockedUntilKey = u"staff.pin_locked_until"_s;
const auto kKioskActor = u"kiosk"_s;

// The PIN as bytes for libsodium; the caller wipes it with sodium_memzero when done.
QByteArray pinBytes(const QString &pin)
{
    return pin.toUtf8();
}

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        sodium_memzero(bytes.data(), size_t(bytes.size()));
    bytes.clear();
}

QString isoUtc(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QString json(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

StaffAuth::StaffAuth(db::Database &db, QString kioskId)
    : m_db(db)
    , m_kioskId(std::move(kioskId))
{
    ensureSodium();
}

std::optional<QString> StaffAuth::weakness(const QString &pin)
{
    if (pin.size() < kMinLength || pin.size() > kMaxLength)
        return u"The staff PIN must have %1 to %2 digits."_s.arg(kMinLength).arg(kMaxLength);
    for (const QChar c : pin) {
        if (c < u'0' || c > u'9')
            return u"The staff PIN may contain only the digits 0 to 9."_s;
    }
    bool allSame = true;
    bool up = true;
    bool down = true;
    for (qsizetype i = 1; i < pin.size(); ++i) {
        const int prev = pin[i - 1].unicode() - u'0';
        const int cur = pin[i].unicode() - u'0';
        allSame = allSame && cur == prev;
        up = up && cur == (prev + 1) % 10;
        down = down && cur == (prev + 9) % 10;
    }
    if (allSame)
        return u"The staff PIN must not be one digit repeated (like 111111)."_s;
    if (up || down)
        return u"The staff PIN must not be a straight run of digits (like 123456 or 654321)."_s;
    return std::nullopt;
}

int StaffAuth::lockoutSeconds(int failures)
{
    if (failures < kFailuresBeforeLockout)
        return 0;
    qint64 seconds = kFirstLockoutSeconds;
    for (int i = kFailuresBeforeLockout; i < failures && seconds < kMaxLockoutSeconds; ++i)
        seconds *= 2;
    return int(std::min<qint64>(seconds, kMaxLockoutSeconds));
}

bool StaffAuth::hasPin()
{
    auto hash = db::SettingStore(m_db).value(kHashKey);
    return hash && *hash && !(*hash)->isEmpty();
}

std::expected<void, QString> StaffAuth::audit(const QString &action, const QString &actor, const QString &detail)
{
    db::StaffActionRecord row;
    row.kioskId = m_kioskId;
    row.actor = actor;
    row.action = action;
    row.eventId = m_eventId;
    row.detail = detail;
    if (auto ok = db::StaffActionStore(m_db).append(row); !ok)
        return std::unexpected(ok.error().message);
    return {};
}

std::expected<void, QString> StaffAuth::setPin(const QString &newPin, const QString &actor)
{
    if (auto weak = weakness(newPin))
        return std::unexpected(*weak);

    QByteArray pin = pinBytes(newPin);
    char hash[crypto_pwhash_STRBYTES];
    const int rc = crypto_pwhash_str(hash, pin.constData(), static_cast<unsigned long long>(pin.size()),
                                     crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE);
    wipe(pin);
    if (rc != 0)
        return std::unexpected(u"Not enough memory to hash the staff PIN; close other programs and try again."_s);
    const QString hashText = QString::fromLatin1(hash);

    db::Transaction tx(m_db);
    if (auto ok = tx.begin(); !ok)
        return std::unexpected(ok.error().message);
    db::SettingStore settings(m_db);
    for (const auto &[key, value] :
         {std::pair{kHashKey, hashText}, std::pair{kFailuresKey, QString()}, std::pair{kLockedUntilKey, QString()}}) {
        if (auto ok = settings.setValue(key, value); !ok)
            return std::unexpected(ok.error().message);
    }
    if (auto ok = audit(u"pin-set"_s, actor, {}); !ok)
        return ok;
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error().message);
    return {};
}

std::expected<StaffAuth::Status, QString> StaffAuth::status(const QDateTime &now)
{
    db::SettingStore settings(m_db);
    Status status;
    auto hash = settings.value(kHashKey);
    if (!hash)
        return std::unexpected(hash.error().message);
    status.pinSet = *hash && !(*hash)->isEmpty();
    auto failures = settings.value(kFailuresKey);
    if (!failures)
        return std::unexpected(failures.error().message);
    status.failures = failures->value_or(QString()).toInt();
    auto until = settings.value(kLockedUntilKey);
    if (!until)
        return std::unexpected(until.error().message);
    if (*until) {
        // A lock written while the clock ran ahead (a kiosk set a year forward, then corrected) would otherwise
        // last until the clock catches up: no lock lasts longer from now than the longest lockout.
        const QDateTime t = QDateTime::fromString(**until, Qt::ISODateWithMs);
        if (t.isValid() && t > now) {
            const QDateTime longest = now.toUTC().addSecs(kMaxLockoutSeconds);
            status.lockCapped = t > longest;
            status.lockedUntil = status.lockCapped ? longest : t.toUTC();
        }
    }
    return status;
}

StaffVerifyResult StaffAuth::verify(const QString &pin, const QDateTime &now)
{
    StaffVerifyResult result;
    auto fail = [&result](const QString &message) {
        result.kind = StaffVerifyResult::Kind::Error;
        result.message = message;
        return result;
    };

    db::SettingStore settings(m_db);
    auto hash = settings.value(kHashKey);
    if (!hash)
        return fail(hash.error().message);
    if (!*hash || (*hash)->isEmpty()) {
        result.kind = StaffVerifyResult::Kind::NoPin;
        result.message = u"No staff PIN is set on this kiosk: run 'checkinctl staff-pin set'."_s;
        return result;
    }

    // Locked: refuse without looking at the PIN, so a locked kiosk tells nothing about it.
    auto before = status(now);
    if (!before)
        return fail(before.error());
    if (before->lockedUntil.isValid()) {
        db::Transaction tx(m_db);
        if (auto ok = tx.begin(); !ok)
            return fail(ok.error().message);
        // The capped end is written back, so the lock ends then instead of moving on with the clock.
        if (before->lockCapped) {
            if (auto ok = settings.setValue(kLockedUntilKey, isoUtc(before->lockedUntil)); !ok)
                return fail(ok.error().message);
        }
        if (auto ok = audit(
                u"pin-locked"_s, kKioskActor,
                json({{u"locked_until"_s, isoUtc(before->lockedUntil)}, {u"failures"_s, before->failures}}));
            !ok)
            return fail(ok.error());
        if (auto ok = tx.commit(); !ok)
            return fail(ok.error().message);
        result.kind = StaffVerifyResult::Kind::LockedOut;
        result.lockedUntil = before->lockedUntil;
        return result;
    }

    // The hash check runs outside the transaction: it takes a while, and other kiosks' check-ins must not wait.
    QByteArray pinUtf8 = pinBytes(pin);
    const QByteArray stored = (*hash)->toLatin1();
    const bool right = crypto_pwhash_str_verify(stored.constData(), pinUtf8.constData(),
                                                static_cast<unsigned long long>(pinUtf8.size()))
                       == 0;
    wipe(pinUtf8);

    db::Transaction tx(m_db);
    if (auto ok = tx.begin(); !ok)
        return fail(ok.error().message);
    if (right) {
        for (const QString &key : {kFailuresKey, kLockedUntilKey}) {
            if (auto ok = settings.setValue(key, {}); !ok)
                return fail(ok.error().message);
        }
        if (auto ok = audit(u"staff-unlock"_s, kKioskActor, {}); !ok)
            return fail(ok.error());
        result.kind = StaffVerifyResult::Kind::Accepted;
    } else {
        // Re-read inside the transaction: another kiosk on the same file may have counted a failure meanwhile.
        auto count = settings.value(kFailuresKey);
        if (!count)
            return fail(count.error().message);
        const int failures = count->value_or(QString()).toInt() + 1;
        if (auto ok = settings.setValue(kFailuresKey, QString::number(failures)); !ok)
            return fail(ok.error().message);
        QJsonObject detail{{u"failures"_s, failures}};
        if (const int seconds = lockoutSeconds(failures); seconds > 0) {
            result.kind = StaffVerifyResult::Kind::LockedOut;
            result.lockedUntil = now.toUTC().addSecs(seconds);
            if (auto ok = settings.setValue(kLockedUntilKey, isoUtc(result.lockedUntil)); !ok)
                return fail(ok.error().message);
            detail.insert(u"locked_until"_s, isoUtc(result.lockedUntil));
        } else {
            result.kind = StaffVerifyResult::Kind::Rejected;
            result.remainingBeforeLockout = kFailuresBeforeLockout - failures;
        }
        if (auto ok = audit(u"pin-failed"_s, kKioskActor, json(detail)); !ok)
            return fail(ok.error());
    }
    if (auto ok = tx.commit(); !ok)
        return fail(ok.error().message);
    return result;
}

} // namespace checkin
