#pragma once

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>

namespace checkin::db {

// Plain rows as the data-access layer reads and writes them. No behaviour here: rules live in kiosk/.

struct EventRecord
{
    qint64 id = 0;
    int number = 0;
    QString name;
    QString city;
    QString timeZone; // IANA, e.g. Asia/Bangkok
    QDate firstDay;
    QDate lastDay;
    QByteArray verifyKey; // Ed25519 public key, 32 bytes
};

struct GuestRecord
{
    qint64 id = 0;
    qint64 eventId = 0;
    QString externalId;
    QString displayName;
    QString givenName;
    QString familyName;
    QString latinName;
    QString organisation;
    QString country; // ISO 3166-1 alpha-2
    QString role;    // policymaker | staff | host
    QString email;
    QString language; // en fr es ar zh ru
    QString regType;
    QString ticketType;
    QList<QDate> days; // expected programme days; empty = every day (see ExpectedDays for remote and one-day)
    QString nameOrder; // '' as the script suggests | given-first | family-first
};

struct InvitationRecord
{
    qint64 id = 0;
    qint64 eventId = 0;
    qint64 guestId = 0;
    QByteArray tokenId;   // 6 random bytes, unique per event
    QByteArray signature; // 64-byte Ed25519 signature of the token; empty if not known yet
    QString status;       // active | revoked
    QString issuedAt;
    QString revokedAt;
};

struct AttendanceRecord
{
    qint64 id = 0;
    QString uid;
    QString kioskId;
    qint64 eventId = 0;
    qint64 guestId = 0;
    qint64 invitationId = 0;
    QDate day;
    QString scannedAt; // UTC ISO 8601
    QString method;    // qr | manual
    QString annulledAt;
    QString annulReason;
    QString duplicateOf; // merged from another kiosk for a guest and day already here: the live row's uid
};

struct ScanLogRecord
{
    QString uid;
    QString kioskId;
    QString scannedAt;
    QString source; // camera | scanner | image | cli | manual
    QString outcome;
    qint64 eventId = 0; // 0 = unknown
    qint64 guestId = 0; // 0 = unknown
    QByteArray tokenId;
    QString attendanceUid;
    QString detail;
};

struct PrintJobRecord
{
    qint64 id = 0;
    QString uid;
    QString kioskId;
    qint64 eventId = 0;
    qint64 guestId = 0;
    QString kind;   // badge | agenda
    QString reason; // checkin | reprint
    QString idempotencyKey;
    QString state; // queued | sent | printed | failed
    int attempts = 0;
    QString lastError;
    QString printer;
    QString createdAt;
    QString updatedAt;
};

struct StaffActionRecord
{
    QString uid;
    QString kioskId;
    QString at;
    QString actor;
    QString action; // annul | revoke | reprint | import | issue | event-create | ...
    qint64 eventId = 0;
    qint64 guestId = 0;
    QString targetUid;
    QString detail; // JSON object text
};

// One invitation e-mailed to a guest (or tried): the last SMTP outcome and how many times it was tried.
struct InvitationMailRecord
{
    qint64 id = 0;
    QString uid;
    QString kioskId;
    qint64 eventId = 0;
    qint64 guestId = 0;
    qint64 invitationId = 0;
    QString recipient; // the address it was sent to
    QString state;     // sent | failed | deferred
    int attempts = 0;
    QString lastReply; // the server's reply to the last attempt ("550 5.1.1 <x@example.org>: no such user")
    QString messageId; // Message-ID of the last message tried
    QString sentAt;    // UTC ISO 8601 when state is sent
    QString createdAt;
    QString updatedAt;
};

} // namespace checkin::db
