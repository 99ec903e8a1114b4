#pragma once

#include "db/records.h"

#include <QList>
#include <QString>

#include <expected>

namespace checkin::db {
class Database;
}

namespace checkin {

// Finds the guest staff mean, from what they type: an external id (any case), an e-mail address, or a name (or
// part of one, in any script or in Latin letters: the kiosk's own ICU search, GuestSearchIndex) that matches one
// guest only. An ambiguous name is not guessed: the failure lists the candidates.
class GuestFinder
{
public:
    struct Failure
    {
        QString message;                   // one sentence saying what to do
        QList<db::GuestRecord> candidates; // the guests a name matched, best first, when there were several
    };

    // How many candidates an ambiguous name lists at most.
    static constexpr int kMaxCandidates = 10;

    [[nodiscard]] static std::expected<db::GuestRecord, Failure> find(db::Database &db, const db::EventRecord &event,
                                                                      const QString &text);
};

} // namespace checkin
