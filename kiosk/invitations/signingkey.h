#pragma once

#include <QByteArray>
#include <QString>

#include <expected>

namespace checkin {

// Initialises libsodium once per process; call before any other libsodium function (cheap after the first call).
void ensureSodium();

// Ed25519 keys (libsodium). The private key signs invitations on the organiser's machine and is never stored in
// the kiosk database; kiosks hold only the 32-byte public key.
class SigningKey
{
public:
    static constexpr int kPublicKeySize = 32;
    static constexpr int kSignatureSize = 64;

    // A fresh random key pair.
    [[nodiscard]] static SigningKey generate();
    // Reads a private key file written by writeFiles(); refuses one that others can read.
    [[nodiscard]] static std::expected<SigningKey, QString> load(const QString &path);
    // Reads a public key file (verify.pub) and returns the 32 raw bytes.
    [[nodiscard]] static std::expected<QByteArray, QString> loadPublicKey(const QString &path);

    // Writes DIR/signing.key (mode 0600) and DIR/verify.pub; refuses to overwrite an existing private key.
    [[nodiscard]] std::expected<void, QString> writeFiles(const QString &dir) const;

    // The 32-byte public key.
    [[nodiscard]] QByteArray publicKey() const { return m_publicKey; }
    // A detached 64-byte signature of message.
    [[nodiscard]] QByteArray sign(const QByteArray &message) const;
    // True when signature is a valid Ed25519 signature of message by publicKey.
    [[nodiscard]] static bool verify(const QByteArray &publicKey, const QByteArray &message,
                                     const QByteArray &signature);

    ~SigningKey();
    SigningKey(const SigningKey &other);
    SigningKey &operator=(const SigningKey &other);

private:
    SigningKey() = default;
    QByteArray m_secretKey; // libsodium's 64-byte form (seed + public key); wiped on destruction
    QByteArray m_publicKey;
};

} // namespace checkin
