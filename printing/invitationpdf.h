#pragma once

#include <QByteArray>
#include <QDate>
#include <QString>

#include <expected>

namespace checkin {

// Everything printed on one invitation; plain data, no database types.
struct InvitationData
{
    int eventNumber = 0; // 122 → "IETF 122" when eventName is empty
    QString eventName;   // e.g. "IETF 122"
    QString eventCity;   // e.g. "Bangkok"
    QDate firstDay;
    QDate lastDay;
    QString guestName;      // in the guest's own script
    QString guestLatinName; // Latin transcription, printed when guestName cannot be drawn
    QString organisation;
    QString token; // QR content: the signed invitation token (no personal data)
};

// Renders the one-page A4 invitation PDF (libharu, embedded Noto Sans, QR as vector squares).
class InvitationPdf
{
public:
    /// The invitation as PDF bytes, or a message a staff member can act on (e.g. a missing font package).
    [[nodiscard]] static std::expected<QByteArray, QString> render(const InvitationData &data);
};

} // namespace checkin
