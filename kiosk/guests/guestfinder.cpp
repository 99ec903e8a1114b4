#include "kiosk/guests/guestfinder.h"

#include "kiosk/guests/guestsearch.h"

#include "db/database.h"
#include "db/gueststore.h"

using namespace Qt::StringLiterals;

namespace checkin {

std::expected<db::GuestRecord, GuestFinder::Failure> GuestFinder::find(db::Database &db, const db::EventRecord &event,
                                                                       const QString &text)
{
    const QString wanted = text.trimmed();
    if (wanted.isEmpty())
        return std::unexpected(Failure{u"Name the guest: an external id, an e-mail address or a name."_s, {}});
    db::GuestStore store(db);
    auto byId = store.byExternalId(event.id, wanted);
    if (!byId)
        return std::unexpected(Failure{byId.error().message, {}});
    if (*byId)
        return **byId;

    auto guests = store.forEvent(event.id);
    if (!guests)
        return std::unexpected(Failure{guests.error().message, {}});
    if (wanted.contains(u'@')) {
        for (const db::GuestRecord &g : std::as_const(*guests)) {
            if (g.email.trimmed().compare(wanted, Qt::CaseInsensitive) == 0)
                return g;
        }
    }

    GuestSearchIndex index(*guests);
    const QList<GuestSearchHit> hits = index.search(wanted, kMaxCandidates + 1);
    QList<db::GuestRecord> candidates;
    for (const GuestSearchHit &hit : hits) {
        for (const db::GuestRecord &g : std::as_const(*guests)) {
            if (g.id == hit.guestId) {
                candidates.append(g);
                break;
            }
        }
    }
    // One guest whose every word matched whole words wins over others that only begin with them: "Ana Lima" is
    // Ana Lima even when Ana Limão is also a guest.
    QList<db::GuestRecord> exact;
    for (qsizetype i = 0; i < hits.size(); ++i) {
        if (hits.at(i).exact)
            exact.append(candidates.at(i));
    }
    if (candidates.size() == 1)
        return candidates.first();
    if (exact.size() == 1)
        return exact.first();
    if (candidates.isEmpty()) {
        return std::unexpected(Failure{u"No guest of %1 matches \"%2\" (by external id, e-mail address or name); "
                                       "'checkinctl guests list' shows them all."_s.arg(event.name, wanted),
                                       {}});
    }
    const bool more = candidates.size() > kMaxCandidates;
    candidates.resize(std::min<qsizetype>(candidates.size(), kMaxCandidates));
    return std::unexpected(Failure{
        u"\"%1\" matches %2 guests of %3; name one by its external id (listed below)."_s.arg(
            wanted, more ? u"more than %1"_s.arg(kMaxCandidates) : QString::number(candidates.size()), event.name),
        candidates});
}

} // namespace checkin
