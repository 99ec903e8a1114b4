#pragma once

#include "db/database.h"
#include "db/records.h"

#include <optional>

namespace checkin::db {

// The record of invitations e-mailed to guests (table invitation_mail): one row per invitation, updated on each
// attempt, so a re-run of 'invitations send' knows what was sent, what is deferred and what failed.
class InvitationMailStore
{
public:
    explicit InvitationMailStore(Database &db)
        : m_db(db)
    {
    }

    // The record of this invitation's e-mail, if it was ever tried.
    [[nodiscard]] DbResult<std::optional<InvitationMailRecord>> find(qint64 eventId, qint64 guestId,
                                                                     qint64 invitationId);
    // Records one attempt (state, recipient, lastReply, messageId of `attempt`): inserts the row on the first
    // attempt, else updates it and counts one more attempt. Returns the row as now stored.
    [[nodiscard]] DbResult<InvitationMailRecord> recordAttempt(const InvitationMailRecord &attempt);
    // Every record of the event, oldest first.
    [[nodiscard]] DbResult<QList<InvitationMailRecord>> forEvent(qint64 eventId);

private:
    Database &m_db;
};

} // namespace checkin::db
