#include "tests/support/testevent.h"

#include "db/eventstore.h"
#include "db/gueststore.h"
#include "kiosk/invitations/invitationtoken.h"

#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace checkin::test {

TestEvent::TestEvent(const Options &options)
    : m_key(SigningKey::generate())
{
    m_dbPath = m_dir.filePath(u"checkin.sqlite"_s);
    auto db = db::Database::open(m_dbPath, db::Database::OpenMode::CreateIfMissing);
    if (!db) {
        m_error = db.error().message;
        return;
    }
    m_db = std::move(*db);
    m_event.number = options.number;
    m_event.name = options.name;
    m_event.city = options.city;
    m_event.timeZone = options.timeZone;
    m_event.firstDay = options.firstDay;
    m_event.lastDay = options.lastDay;
    m_event.verifyKey = m_key.publicKey();
    db::EventStore events(*m_db);
    auto id = events.create(m_event);
    if (!id) {
        m_error = id.error().message;
        return;
    }
    m_event.id = *id;
    m_valid = true;
    for (int i = 0; i < options.guests; ++i)
        addGuest(u"Guest %1"_s.arg(i + 1));
}

int TestEvent::addGuest(const QString &displayName, const QString &language)
{
    const int index = int(m_tokens.size());
    db::GuestRecord guest;
    guest.eventId = m_event.id;
    guest.externalId = u"guest-%1"_s.arg(index + 1);
    guest.displayName = displayName;
    guest.language = language;
    db::GuestStore guests(*m_db);
    if (auto ok = guests.upsert(guest); !ok) {
        m_valid = false;
        m_error = ok.error().message;
        return -1;
    }
    const auto stored = guests.byExternalId(m_event.id, guest.externalId);
    const QByteArray tokenId = InvitationToken::randomTokenId();
    const InvitationToken token = InvitationToken::sign(m_key, m_event.number, tokenId);
    if (auto ok = guests.createInvitation(m_event.id, (*stored)->id, tokenId, token.signature()); !ok) {
        m_valid = false;
        m_error = ok.error().message;
        return -1;
    }
    m_externalIds << guest.externalId;
    m_tokens << token.toText();
    return index;
}

QDateTime TestEvent::localTime(int dayNumber, int hh, int mm) const
{
    const QTimeZone zone(m_event.timeZone.toUtf8());
    return QDateTime(m_event.firstDay.addDays(dayNumber - 1), QTime(hh, mm), zone).toUTC();
}

} // namespace checkin::test
