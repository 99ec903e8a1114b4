#include "db/migrations.h"

namespace checkin::db {

namespace {

// Version 1: the whole data model. Rows a kiosk creates carry a globally unique `uid` and the `kiosk_id`,
// so several kiosks' records can later be merged into one venue database without conflicts.
// Times are UTC ISO 8601 text with milliseconds; programme days are venue-local ISO dates.
constexpr const char *kSchemaV1 = R"sql(
CREATE TABLE event (
    id          INTEGER PRIMARY KEY,
    number      INTEGER NOT NULL UNIQUE CHECK (number > 0),
    name        TEXT NOT NULL,
    city        TEXT NOT NULL,
    time_zone   TEXT NOT NULL,
    first_day   TEXT NOT NULL,
    last_day    TEXT NOT NULL CHECK (last_day >= first_day),
    verify_key  BLOB NOT NULL CHECK (length(verify_key) = 32),
    created_at  TEXT NOT NULL
);

CREATE TABLE guest (
    id            INTEGER PRIMARY KEY,
    event_id      INTEGER NOT NULL REFERENCES event(id),
    external_id   TEXT NOT NULL,
    display_name  TEXT NOT NULL,
    given_name    TEXT NOT NULL DEFAULT '',
    family_name   TEXT NOT NULL DEFAULT '',
    latin_name    TEXT NOT NULL DEFAULT '',
    organisation  TEXT NOT NULL DEFAULT '',
    country       TEXT NOT NULL DEFAULT '',
    role          TEXT NOT NULL DEFAULT 'policymaker' CHECK (role IN ('policymaker', 'staff', 'host')),
    email         TEXT NOT NULL DEFAULT '',
    language      TEXT NOT NULL DEFAULT 'en',
    reg_type      TEXT NOT NULL DEFAULT '',
    ticket_type   TEXT NOT NULL DEFAULT '',
    days          TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    UNIQUE (event_id, external_id)
);

CREATE TABLE invitation (
    id          INTEGER PRIMARY KEY,
    event_id    INTEGER NOT NULL REFERENCES event(id),
    guest_id    INTEGER NOT NULL REFERENCES guest(id),
    token_id    BLOB NOT NULL CHECK (length(token_id) = 6),
    status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
    issued_at   TEXT NOT NULL,
    revoked_at  TEXT,
    UNIQUE (event_id, token_id)
);
CREATE UNIQUE INDEX invitation_one_active_per_guest ON invitation(guest_id) WHERE status = 'active';

CREATE TABLE attendance (
    id             INTEGER PRIMARY KEY,
    uid            TEXT NOT NULL UNIQUE,
    kiosk_id       TEXT NOT NULL,
    event_id       INTEGER NOT NULL REFERENCES event(id),
    guest_id       INTEGER NOT NULL REFERENCES guest(id),
    invitation_id  INTEGER REFERENCES invitation(id),
    day            TEXT NOT NULL,
    scanned_at     TEXT NOT NULL,
    method         TEXT NOT NULL CHECK (method IN ('qr', 'manual')),
    annulled_at    TEXT,
    annul_reason   TEXT
);
-- One live attendance row per guest per programme day, however many kiosks scan at once.
CREATE UNIQUE INDEX attendance_one_per_guest_day ON attendance(guest_id, day) WHERE annulled_at IS NULL;
CREATE INDEX attendance_by_event_day ON attendance(event_id, day);

CREATE TABLE scan_log (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE,
    kiosk_id        TEXT NOT NULL,
    scanned_at      TEXT NOT NULL,
    source          TEXT NOT NULL,
    outcome         TEXT NOT NULL,
    event_id        INTEGER REFERENCES event(id),
    guest_id        INTEGER REFERENCES guest(id),
    token_id        BLOB,
    attendance_uid  TEXT,
    detail          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX scan_log_by_time ON scan_log(scanned_at);

CREATE TABLE agenda_item (
    id           INTEGER PRIMARY KEY,
    event_id     INTEGER NOT NULL REFERENCES event(id),
    source_id    TEXT NOT NULL,
    title        TEXT NOT NULL,
    kind         TEXT NOT NULL DEFAULT '',
    room         TEXT NOT NULL DEFAULT '',
    area         TEXT NOT NULL DEFAULT '',
    acronym      TEXT NOT NULL DEFAULT '',
    description  TEXT NOT NULL DEFAULT '',
    starts_at    TEXT NOT NULL,
    ends_at      TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    UNIQUE (event_id, source_id)
);

CREATE TABLE guest_agenda (
    guest_id        INTEGER NOT NULL REFERENCES guest(id),
    agenda_item_id  INTEGER NOT NULL REFERENCES agenda_item(id),
    PRIMARY KEY (guest_id, agenda_item_id)
) WITHOUT ROWID;

CREATE TABLE print_job (
    id               INTEGER PRIMARY KEY,
    uid              TEXT NOT NULL UNIQUE,
    kiosk_id         TEXT NOT NULL,
    event_id         INTEGER NOT NULL REFERENCES event(id),
    guest_id         INTEGER NOT NULL REFERENCES guest(id),
    kind             TEXT NOT NULL CHECK (kind IN ('badge', 'agenda')),
    reason           TEXT NOT NULL CHECK (reason IN ('checkin', 'reprint')),
    idempotency_key  TEXT NOT NULL UNIQUE,
    state            TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'printed', 'failed')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT NOT NULL DEFAULT '',
    printer          TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX print_job_by_state ON print_job(state, created_at);

CREATE TABLE staff_action (
    id          INTEGER PRIMARY KEY,
    uid         TEXT NOT NULL UNIQUE,
    kiosk_id    TEXT NOT NULL,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    event_id    INTEGER REFERENCES event(id),
    guest_id    INTEGER REFERENCES guest(id),
    target_uid  TEXT,
    detail      TEXT NOT NULL DEFAULT ''
);

CREATE TABLE setting (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) WITHOUT ROWID;
)sql";

// Version 2: the invitation's signature, so a kiosk (which holds only the public key) can print the guest's
// invitation QR on the badge. Filled when invitations are issued, or from the first scan of a token that another
// tool issued.
constexpr const char *kSchemaV2 = R"sql(
ALTER TABLE invitation ADD COLUMN signature BLOB CHECK (signature IS NULL OR length(signature) = 64);
)sql";

// Version 3: the file says what it is. PRAGMA application_id (in the file's header, read without any table) marks
// it as an ietf-checkin database, so restore, backups and the damaged-database advice can refuse an empty file,
// /dev/zero or another program's SQLite file (Database::kApplicationId).
constexpr const char *kSchemaV3 = R"sql(
PRAGMA application_id = 1229276739;
)sql";
static_assert(1229276739 == 0x49454643); // "IEFC": Database::kApplicationId

// Version 4: staff can say how a guest's name is written, and one file can hold another kiosk's check-ins.
// - guest.name_order: '' composes the name as the script suggests (family name first for Han, Kana and Hangul,
//   given name first otherwise); 'given-first' or 'family-first' says it (a Vietnamese guest: family first).
// - attendance.duplicate_of: a check-in merged from another kiosk's file for a guest and day this file already
//   has (the venue database's rule: the earliest is the live one, later ones are kept and flagged). A duplicate
//   names the uid of the live row and does not count; the one-live-row index leaves duplicates out.
constexpr const char *kSchemaV4 = R"sql(
ALTER TABLE guest ADD COLUMN name_order TEXT NOT NULL DEFAULT ''
    CHECK (name_order IN ('', 'given-first', 'family-first'));
ALTER TABLE attendance ADD COLUMN duplicate_of TEXT;
DROP INDEX attendance_one_per_guest_day;
CREATE UNIQUE INDEX attendance_one_per_guest_day ON attendance(guest_id, day)
    WHERE annulled_at IS NULL AND duplicate_of IS NULL;
)sql";

// Version 5: one row per invitation e-mailed (checkinctl invitations send), so a re-run sends only what was not
// sent. Keyed by the invitation, not the guest: a re-issued invitation (after a revoke) is a new send. 'deferred'
// (a 4xx reply) is tried again on the next run; 'failed' (a 5xx reply) only when staff ask (--retry-failed).
constexpr const char *kSchemaV5 = R"sql(
CREATE TABLE invitation_mail (
    id             INTEGER PRIMARY KEY,
    uid            TEXT NOT NULL UNIQUE,
    kiosk_id       TEXT NOT NULL,
    event_id       INTEGER NOT NULL REFERENCES event(id),
    guest_id       INTEGER NOT NULL REFERENCES guest(id),
    invitation_id  INTEGER NOT NULL REFERENCES invitation(id),
    recipient      TEXT NOT NULL,
    state          TEXT NOT NULL CHECK (state IN ('sent', 'failed', 'deferred')),
    attempts       INTEGER NOT NULL DEFAULT 1 CHECK (attempts >= 1),
    last_reply     TEXT NOT NULL DEFAULT '',
    message_id     TEXT NOT NULL DEFAULT '',
    sent_at        TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    UNIQUE (event_id, guest_id, invitation_id)
);
)sql";

constexpr Migration kMigrations[] = {
    {1, kSchemaV1}, {2, kSchemaV2}, {3, kSchemaV3}, {4, kSchemaV4}, {5, kSchemaV5},
};

} // namespace

std::span<const Migration> migrations()
{
    return kMigrations;
}

} // namespace checkin::db
