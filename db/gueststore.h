#pragma once

#include "db/database.h"
#include "db/records.h"

#include <QSet>

#include <optional>

namespace checkin::db {

// Guests of an event and their invitations.
class GuestStore
{
public:
    explicit GuestStore(Database &db)
        : m_db(db)
    {
    }

    enum class Upserted { Inserted, Updated, Unchanged };
    // Inserts the guest, or updates the one with the same (event, external id); never duplicates.
    [[nodiscard]] DbResult<Upserted> upsert(const GuestRecord &guest);
    // The guest with this external id in the event, if any.
    [[nodiscard]] DbResult<std::optional<GuestRecord>> byExternalId(qint64 eventId, const QString &externalId);
    // The guest with this row id, if any.
    [[nodiscard]] DbResult<std::optional<GuestRecord>> byId(qint64 id);
    // Every guest of the event, by display name.
    [[nodiscard]] DbResult<QList<GuestRecord>> forEvent(qint64 eventId);

    // The guest's active invitation, if any.
    [[nodiscard]] DbResult<std::optional<InvitationRecord>> activeInvitation(qint64 guestId);
    // The guest's active invitation, else the last one issued (revoked); none if none was ever issued.
    [[nodiscard]] DbResult<std::optional<InvitationRecord>> currentInvitation(qint64 guestId);
    // The invitation with this token id in the event (active or revoked), if any.
    [[nodiscard]] DbResult<std::optional<InvitationRecord>> invitationByToken(qint64 eventId,
                                                                              const QByteArray &tokenId);
    // Every invitation of the event (active and revoked), by guest and issue order.
    [[nodiscard]] DbResult<QList<InvitationRecord>> invitationsForEvent(qint64 eventId);
    // Records a new active invitation; fails with a constraint error if the token id is taken.
    [[nodiscard]] DbResult<qint64> createInvitation(qint64 eventId, qint64 guestId, const QByteArray &tokenId,
                                                    const QByteArray &signature = {});
    // Stores the invitation's signature where it was not known yet (tokens issued by another tool).
    [[nodiscard]] DbResult<void> recordSignature(qint64 invitationId, const QByteArray &signature);
    // Marks the invitation revoked; returns false when it was not active.
    [[nodiscard]] DbResult<bool> revokeInvitation(qint64 invitationId);

    // Guests of the event whose invitations are all revoked (a guest without any invitation is not listed).
    [[nodiscard]] DbResult<QSet<qint64>> revokedGuests(qint64 eventId);
    // Changes whenever a guest of the event is added or updated: readers keep derived indexes until it moves.
    [[nodiscard]] DbResult<QString> listVersion(qint64 eventId);

private:
    Database &m_db;
};

} // namespace checkin::db
