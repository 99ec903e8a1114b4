#pragma once

#include <QList>
#include <QString>

#include <expected>
#include <functional>

namespace checkin::db {
class Database;
struct EventRecord;
} // namespace checkin::db

namespace checkin {

class SigningKey;

// Issues each guest's signed invitation: records it (once; re-issuing reuses it, so codes already e-mailed keep
// working), and writes OUT/<external_id>.png (the QR) and OUT/<external_id>.pdf (a one-page invitation).
class InvitationIssuer
{
public:
    struct Issued
    {
        qint64 guestId = 0;
        qint64 invitationId = 0; // the active invitation the files are for
        QString externalId;
        QString name;     // as printed (display name)
        QString email;    // empty when the list gave none
        QString language; // the guest's language: en fr es ar zh ru
        QString pngPath;
        QString pdfPath;
        bool newInvitation = false;
    };

    InvitationIssuer(db::Database &db, const db::EventRecord &event, const SigningKey &key);

    // Issues invitations for every guest of the event (or only `externalIds`), reporting each via progress.
    [[nodiscard]] std::expected<QList<Issued>, QString> issue(const QString &outDir,
                                                              const QStringList &externalIds = {},
                                                              const std::function<void(const Issued &)> &progress = {});

private:
    db::Database &m_db;
    const db::EventRecord &m_event;
    const SigningKey &m_key;
};

} // namespace checkin
