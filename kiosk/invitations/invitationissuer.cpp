#include "kiosk/invitations/invitationissuer.h"
#include "printing/savefile.h"

#include "kiosk/invitations/invitationtoken.h"
#include "kiosk/invitations/signingkey.h"

#include "db/database.h"
#include "db/gueststore.h"
#include "db/records.h"
#include "printing/invitationpdf.h"
#include "printing/qrencoder.h"

#include <QDir>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace checkin {

InvitationIssuer::InvitationIssuer(db::Database &db, const db::EventRecord &event, const SigningKey &key)
    : m_db(db)
    , m_event(event)
    , m_key(key)
{
}

std::expected<QList<InvitationIssuer::Issued>, QString> InvitationIssuer::issue(
    const QString &outDir, const QStringList &externalIds, const std::function<void(const Issued &)> &progress)
{
    if (m_key.publicKey() != m_event.verifyKey) {
        return std::unexpected(u"This signing key does not belong to %1: kiosks would refuse its invitations. "
                               "Use the key whose verify.pub was given to 'event create'."_s.arg(m_event.name));
    }
    if (!QDir().mkpath(outDir))
        return std::unexpected(u"Cannot create the folder %1."_s.arg(outDir));
    const QDir dir(outDir);

    db::GuestStore guests(m_db);
    auto all = guests.forEvent(m_event.id);
    if (!all)
        return std::unexpected(all.error().message);
    for (const QString &id : externalIds) {
        if (std::none_of(all->cbegin(), all->cend(), [&](const db::GuestRecord &g) { return g.externalId == id; }))
            return std::unexpected(u"No guest %1 in %2."_s.arg(id, m_event.name));
    }

    QList<Issued> issued;
    for (const db::GuestRecord &guest : *all) {
        if (!externalIds.isEmpty() && !externalIds.contains(guest.externalId))
            continue;
        Issued item;
        item.guestId = guest.id;
        item.externalId = guest.externalId;
        item.name = guest.displayName;
        item.email = guest.email;
        item.language = guest.language;

        // One transaction per guest: an interrupted run keeps what it issued, and re-running continues.
        db::Transaction tx(m_db);
        if (auto ok = tx.begin(); !ok)
            return std::unexpected(ok.error().message);
        auto invitation = guests.activeInvitation(guest.id);
        if (!invitation)
            return std::unexpected(invitation.error().message);
        QByteArray tokenId;
        if (*invitation) {
            tokenId = (*invitation)->tokenId;
            item.invitationId = (*invitation)->id;
            // Invitations recorded before signatures were stored: keep the signature so kiosks can print the QR.
            if ((*invitation)->signature.isEmpty()) {
                const auto token = InvitationToken::sign(m_key, m_event.number, tokenId);
                if (auto ok = guests.recordSignature((*invitation)->id, token.signature()); !ok)
                    return std::unexpected(ok.error().message);
            }
        } else {
            // 48 random bits: a collision within one event is rare but possible, so try again on a clash.
            for (int attempt = 0; attempt < 5 && tokenId.isEmpty(); ++attempt) {
                const QByteArray candidate = InvitationToken::randomTokenId();
                auto existing = guests.invitationByToken(m_event.id, candidate);
                if (!existing)
                    return std::unexpected(existing.error().message);
                if (*existing)
                    continue;
                const auto token = InvitationToken::sign(m_key, m_event.number, candidate);
                auto created = guests.createInvitation(m_event.id, guest.id, candidate, token.signature());
                if (!created)
                    return std::unexpected(created.error().message);
                item.invitationId = *created;
                tokenId = candidate;
                item.newInvitation = true;
            }
        }
        if (auto ok = tx.commit(); !ok)
            return std::unexpected(ok.error().message);

        const QString text = InvitationToken::sign(m_key, m_event.number, tokenId).toText();
        auto matrix = QrEncoder::encode(text, QrErrorCorrection::M);
        if (!matrix)
            return std::unexpected(matrix.error());
        item.pngPath = dir.filePath(guest.externalId + u".png"_s);
        if (auto ok = QrEncoder::writePng(*matrix, item.pngPath); !ok)
            return std::unexpected(ok.error());

        InvitationData data;
        data.eventNumber = m_event.number;
        data.eventName = m_event.name;
        data.eventCity = m_event.city;
        data.firstDay = m_event.firstDay;
        data.lastDay = m_event.lastDay;
        data.guestName = guest.displayName;
        data.guestLatinName = guest.latinName;
        data.organisation = guest.organisation;
        data.token = text;
        auto pdf = InvitationPdf::render(data);
        if (!pdf)
            return std::unexpected(u"Invitation for %1: %2"_s.arg(guest.externalId, pdf.error()));
        item.pdfPath = dir.filePath(guest.externalId + u".pdf"_s);
        if (auto saved = saveFile(item.pdfPath, *pdf); !saved)
            return std::unexpected(u"Cannot write %1: %2."_s.arg(item.pdfPath, saved.error()));

        if (progress)
            progress(item);
        issued << item;
    }
    return issued;
}

} // namespace checkin
