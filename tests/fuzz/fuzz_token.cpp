// libFuzzer target: InvitationToken::parse() and verify() on arbitrary QR/keyboard-wedge text.
#include "kiosk/invitations/invitationtoken.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstdlib>

using checkin::InvitationToken;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString text = QString::fromUtf8(bytes);
    const auto token = InvitationToken::parse(text);
    if (!token)
        return 0;

    // A token that parses re-encodes to exactly the digits it came from, and its bytes round-trip.
    if (token->toText() != QStringView(text).trimmed())
        std::abort();
    const QByteArray raw = token->toBytes();
    if (raw.size() != 73 || InvitationToken::textFromBytes(raw) != token->toText())
        std::abort();
    const auto again = InvitationToken::fromBytes(raw);
    if (!again || again->toText() != token->toText())
        std::abort();
    if (token->version() != InvitationToken::kVersion || token->tokenId().size() != InvitationToken::kTokenIdSize)
        std::abort();

    // Nobody holds the secret for this key (it is not even a valid curve point for most inputs), so nothing
    // the fuzzer writes may verify; a public key of the wrong length must be refused, not read past.
    static const QByteArray key(32, '\x5a');
    if (token->verify(key) || token->verify(QByteArray()) || token->verify(raw.left(size % 64)))
        std::abort();
    return 0;
}
