#pragma once

#include <QByteArray>
#include <QString>

#include <expected>

namespace checkin {

class SigningKey;

// The signed invitation carried in a guest's QR code. Compact, versioned, bound to one event, no personal data.
//
// Version 1, 73 bytes before encoding:
//   [0]      version = 1
//   [1..2]   IETF meeting number, unsigned big-endian
//   [3..8]   invitation id: 6 random bytes, unique within the event
//   [9..72]  Ed25519 signature of "ietf-checkin/invitation/v1" || bytes [0..8]
// Text form: the 73 bytes in 11 groups (ten of 7 bytes, one of 3), each group's big-endian value written as a
// zero-padded decimal number of 17 digits (3-byte group: 8 digits): 178 digits in all. Digits put the QR in
// numeric mode (version 6 at error correction M) and type reliably through any USB keyboard-wedge scanner.
class InvitationToken
{
public:
    static constexpr int kVersion = 1;
    static constexpr int kTokenIdSize = 6;
    static constexpr int kTextLength = 178;

    enum class ParseError {
        NotAToken, // not 178 digits: some other QR code, or a misread
        Damaged,   // looks like a token but its digits or version cannot be ours: forged or corrupted
    };

    // A newly signed token for the event and invitation id.
    [[nodiscard]] static InvitationToken sign(const SigningKey &key, int eventNumber, const QByteArray &tokenId);
    // Decodes the text form; the signature is not checked here (see verify()).
    [[nodiscard]] static std::expected<InvitationToken, ParseError> parse(QStringView text);
    // A token from its recorded parts (event, invitation id, stored signature); verify() still applies.
    [[nodiscard]] static InvitationToken fromParts(int eventNumber, const QByteArray &tokenId,
                                                   const QByteArray &signature);
    // A fresh random invitation id.
    [[nodiscard]] static QByteArray randomTokenId();

    // True when the signature is valid for publicKey.
    [[nodiscard]] bool verify(const QByteArray &publicKey) const;

    // The text to put in the QR code.
    [[nodiscard]] QString toText() const;
    // The 73 raw bytes.
    [[nodiscard]] QByteArray toBytes() const;
    // The text form of any 73 raw bytes (tests use it to present altered tokens to the kiosk).
    [[nodiscard]] static QString textFromBytes(const QByteArray &bytes);
    // Decodes 73 raw bytes (for tests that alter bytes); same errors as parse().
    [[nodiscard]] static std::expected<InvitationToken, ParseError> fromBytes(const QByteArray &bytes);

    [[nodiscard]] int version() const { return m_version; }
    [[nodiscard]] int eventNumber() const { return m_eventNumber; }
    [[nodiscard]] QByteArray tokenId() const { return m_tokenId; }
    [[nodiscard]] QByteArray signature() const { return m_signature; }

private:
    [[nodiscard]] QByteArray signedPart() const;

    int m_version = kVersion;
    int m_eventNumber = 0;
    QByteArray m_tokenId;
    QByteArray m_signature;
};

} // namespace checkin
