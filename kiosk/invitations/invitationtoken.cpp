#include "kiosk/invitations/invitationtoken.h"

#include "kiosk/invitations/signingkey.h"

#include <sodium.h>

#include <array>

using namespace Qt::StringLiterals;

namespace checkin {

namespace {

constexpr int kByteSize = 1 + 2 + InvitationToken::kTokenIdSize + SigningKey::kSignatureSize; // 73
constexpr int kGroupBytes = 7;
constexpr int kGroupDigits = 17; // 2^56 - 1 has 17 digits
constexpr std::array<int, 8> kDigitsForBytes = {0, 3, 5, 8, 10, 13, 15, 17};
const auto kDomain = "ietf-checkin/invitation/v1"_ba;

static_assert(kByteSize / kGroupBytes * kGroupDigits + kDigitsForBytes[kByteSize % kGroupBytes]
              == InvitationToken::kTextLength);

} // namespace

InvitationToken InvitationToken::sign(const SigningKey &key, int eventNumber, const QByteArray &tokenId)
{
    InvitationToken t;
    t.m_eventNumber = eventNumber;
    t.m_tokenId = tokenId;
    t.m_signature = key.sign(t.signedPart());
    return t;
}

InvitationToken InvitationToken::fromParts(int eventNumber, const QByteArray &tokenId, const QByteArray &signature)
{
    InvitationToken t;
    t.m_eventNumber = eventNumber;
    t.m_tokenId = tokenId;
    t.m_signature = signature;
    return t;
}

QByteArray InvitationToken::randomTokenId()
{
    ensureSodium();
    QByteArray id(kTokenIdSize, Qt::Uninitialized);
    randombytes_buf(id.data(), size_t(id.size()));
    return id;
}

QByteArray InvitationToken::signedPart() const
{
    QByteArray part = kDomain;
    part += char(m_version);
    part += char((m_eventNumber >> 8) & 0xff);
    part += char(m_eventNumber & 0xff);
    part += m_tokenId;
    return part;
}

bool InvitationToken::verify(const QByteArray &publicKey) const
{
    return SigningKey::verify(publicKey, signedPart(), m_signature);
}

QByteArray InvitationToken::toBytes() const
{
    return signedPart().mid(kDomain.size()) + m_signature;
}

std::expected<InvitationToken, InvitationToken::ParseError> InvitationToken::fromBytes(const QByteArray &bytes)
{
    if (bytes.size() != kByteSize)
        return std::unexpected(ParseError::NotAToken);
    const auto *b = reinterpret_cast<const unsigned char *>(bytes.constData());
    if (b[0] != kVersion)
        return std::unexpected(ParseError::Damaged);
    InvitationToken t;
    t.m_version = b[0];
    t.m_eventNumber = (b[1] << 8) | b[2];
    t.m_tokenId = bytes.mid(3, kTokenIdSize);
    t.m_signature = bytes.mid(3 + kTokenIdSize);
    return t;
}

QString InvitationToken::toText() const
{
    return textFromBytes(toBytes());
}

QString InvitationToken::textFromBytes(const QByteArray &bytes)
{
    QString text;
    text.reserve(kTextLength);
    for (qsizetype offset = 0; offset < bytes.size(); offset += kGroupBytes) {
        const int n = int(qMin<qsizetype>(kGroupBytes, bytes.size() - offset));
        quint64 value = 0;
        for (int i = 0; i < n; ++i)
            value = (value << 8) | quint8(bytes[offset + i]);
        text += u"%1"_s.arg(value, kDigitsForBytes[n], 10, QLatin1Char('0'));
    }
    return text;
}

std::expected<InvitationToken, InvitationToken::ParseError> InvitationToken::parse(QStringView text)
{
    text = text.trimmed();
    if (text.size() != kTextLength)
        return std::unexpected(ParseError::NotAToken);
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::unexpected(ParseError::NotAToken);
    }
    QByteArray bytes;
    bytes.reserve(kByteSize);
    qsizetype pos = 0;
    for (int remaining = kByteSize; remaining > 0; remaining -= kGroupBytes) {
        const int n = qMin(kGroupBytes, remaining);
        const int digits = kDigitsForBytes[n];
        quint64 value = 0;
        for (int i = 0; i < digits; ++i)
            value = value * 10 + quint64(text[pos + i].unicode() - u'0');
        pos += digits;
        // A group whose value needs more bytes than it holds cannot come from our encoder.
        if (n < 8 && value >= (quint64(1) << (8 * n)))
            return std::unexpected(ParseError::Damaged);
        for (int i = n - 1; i >= 0; --i)
            bytes += char((value >> (8 * i)) & 0xff);
    }
    return fromBytes(bytes);
}

} // namespace checkin
