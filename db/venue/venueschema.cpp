#include "db/venue/venueschema.h"

#include <span>

using namespace Qt::StringLiterals;

namespace checkin::venue {

namespace {

// Version 1. Two kinds of table:
// - pulled by kiosks (events, guests, invitations, sessions, session_attendees): written by 'venue push' (and later by
//   kiosks' revocations); every insert or update stamps change_seq from one sequence, so a kiosk pulls "everything
//   with change_seq > the last one I saw". Writers take the venue_changes advisory lock, so change_seq values commit
//   in order and a pull never skips a row committed late. Rows are never deleted: a guest who leaves a session is
//   attending = false, a revoked invitation stays with status 'revoked'. (INSERT … ON CONFLICT fires the stamping
//   trigger, so the sequence has gaps where a push changed nothing: pulls compare values, gaps are harmless.)
// - pushed by kiosks (attendance, scan_log, staff_actions, print_job_states): each row keyed by the uid the kiosk gave
//   it in its SQLite file, so a push is INSERT … ON CONFLICT DO NOTHING and can be repeated after any failure.
//   Attendance keeps one live row per guest per day venue-wide (the partial unique index); a later scan of the same
//   guest and day from another kiosk is kept with duplicate_of naming the row that won (the earliest).
// Times are timestamptz (sessions set TIME ZONE 'UTC'); programme days are venue-local dates.
constexpr const char *kSchemaV1[] = {
    R"sql(CREATE SEQUENCE venue_change_seq)sql",
    R"sql(CREATE FUNCTION venue_stamp_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.change_seq := nextval('venue_change_seq');
    NEW.updated_at := now();
    RETURN NEW;
END
$$)sql",
    R"sql(CREATE TABLE events (
    id          bigserial PRIMARY KEY,
    number      integer NOT NULL UNIQUE CHECK (number BETWEEN 1 AND 65535),
    name        text NOT NULL,
    city        text NOT NULL,
    time_zone   text NOT NULL,
    first_day   date NOT NULL,
    last_day    date NOT NULL CHECK (last_day >= first_day),
    verify_key  bytea NOT NULL CHECK (length(verify_key) = 32),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    change_seq  bigint NOT NULL DEFAULT 0
))sql",
    R"sql(CREATE TABLE guests (
    id            bigserial PRIMARY KEY,
    event_id      bigint NOT NULL REFERENCES events(id),
    external_id   text NOT NULL,
    display_name  text NOT NULL,
    given_name    text NOT NULL DEFAULT '',
    family_name   text NOT NULL DEFAULT '',
    latin_name    text NOT NULL DEFAULT '',
    organisation  text NOT NULL DEFAULT '',
    country       text NOT NULL DEFAULT '',
    role          text NOT NULL DEFAULT 'policymaker' CHECK (role IN ('policymaker', 'staff', 'host')),
    email         text NOT NULL DEFAULT '',
    language      text NOT NULL DEFAULT 'en',
    reg_type      text NOT NULL DEFAULT '',
    ticket_type   text NOT NULL DEFAULT '',
    days          date[] NOT NULL DEFAULT '{}',
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    change_seq    bigint NOT NULL DEFAULT 0,
    UNIQUE (event_id, external_id)
))sql",
    R"sql(CREATE INDEX guests_by_change ON guests (event_id, change_seq))sql",
    R"sql(CREATE TABLE invitations (
    id          bigserial PRIMARY KEY,
    event_id    bigint NOT NULL REFERENCES events(id),
    guest_id    bigint NOT NULL REFERENCES guests(id),
    token_id    bytea NOT NULL CHECK (length(token_id) = 6),
    signature   bytea CHECK (signature IS NULL OR length(signature) = 64),
    status      text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
    issued_at   timestamptz NOT NULL,
    revoked_at  timestamptz,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    change_seq  bigint NOT NULL DEFAULT 0,
    UNIQUE (event_id, token_id),
    CHECK ((status = 'revoked') = (revoked_at IS NOT NULL))
))sql",
    R"sql(CREATE INDEX invitations_by_change ON invitations (event_id, change_seq))sql",
    R"sql(CREATE TABLE sessions (
    id           bigserial PRIMARY KEY,
    event_id     bigint NOT NULL REFERENCES events(id),
    source_id    text NOT NULL,
    title        text NOT NULL,
    kind         text NOT NULL DEFAULT '',
    room         text NOT NULL DEFAULT '',
    area         text NOT NULL DEFAULT '',
    acronym      text NOT NULL DEFAULT '',
    description  text NOT NULL DEFAULT '',
    starts_at    timestamptz NOT NULL,
    ends_at      timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    change_seq   bigint NOT NULL DEFAULT 0,
    UNIQUE (event_id, source_id)
))sql",
    R"sql(CREATE INDEX sessions_by_change ON sessions (event_id, change_seq))sql",
    R"sql(CREATE TABLE session_attendees (
    session_id  bigint NOT NULL REFERENCES sessions(id),
    guest_id    bigint NOT NULL REFERENCES guests(id),
    attending   boolean NOT NULL DEFAULT true,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    change_seq  bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (session_id, guest_id)
))sql",
    R"sql(CREATE INDEX session_attendees_by_change ON session_attendees (change_seq))sql",
    R"sql(CREATE TRIGGER events_stamp BEFORE INSERT OR UPDATE ON events
    FOR EACH ROW EXECUTE FUNCTION venue_stamp_change())sql",
    R"sql(CREATE TRIGGER guests_stamp BEFORE INSERT OR UPDATE ON guests
    FOR EACH ROW EXECUTE FUNCTION venue_stamp_change())sql",
    R"sql(CREATE TRIGGER invitations_stamp BEFORE INSERT OR UPDATE ON invitations
    FOR EACH ROW EXECUTE FUNCTION venue_stamp_change())sql",
    R"sql(CREATE TRIGGER sessions_stamp BEFORE INSERT OR UPDATE ON sessions
    FOR EACH ROW EXECUTE FUNCTION venue_stamp_change())sql",
    R"sql(CREATE TRIGGER session_attendees_stamp BEFORE INSERT OR UPDATE ON session_attendees
    FOR EACH ROW EXECUTE FUNCTION venue_stamp_change())sql",
    R"sql(CREATE TABLE kiosks (
    kiosk_id       text PRIMARY KEY,
    event_id       bigint REFERENCES events(id),
    first_seen_at  timestamptz NOT NULL DEFAULT now(),
    last_seen_at   timestamptz NOT NULL DEFAULT now(),
    last_pull_seq  bigint NOT NULL DEFAULT 0,
    last_push_at   timestamptz,
    version        text NOT NULL DEFAULT ''
))sql",
    R"sql(CREATE TABLE attendance (
    uid            text PRIMARY KEY,
    kiosk_id       text NOT NULL,
    event_id       bigint NOT NULL REFERENCES events(id),
    guest_id       bigint NOT NULL REFERENCES guests(id),
    invitation_id  bigint REFERENCES invitations(id),
    day            date NOT NULL,
    scanned_at     timestamptz NOT NULL,
    method         text NOT NULL CHECK (method IN ('qr', 'manual')),
    annulled_at    timestamptz,
    annul_reason   text,
    duplicate_of   text REFERENCES attendance(uid),
    received_at    timestamptz NOT NULL DEFAULT now()
))sql",
    R"sql(CREATE UNIQUE INDEX attendance_live_one_per_guest_day ON attendance (event_id, guest_id, day)
    WHERE annulled_at IS NULL AND duplicate_of IS NULL)sql",
    R"sql(CREATE INDEX attendance_by_event_day ON attendance (event_id, day))sql",
    R"sql(CREATE TABLE scan_log (
    uid             text PRIMARY KEY,
    kiosk_id        text NOT NULL,
    scanned_at      timestamptz NOT NULL,
    source          text NOT NULL,
    outcome         text NOT NULL,
    event_id        bigint REFERENCES events(id),
    guest_id        bigint REFERENCES guests(id),
    token_id        bytea,
    attendance_uid  text,
    detail          text NOT NULL DEFAULT '',
    duplicate       boolean NOT NULL DEFAULT false,
    received_at     timestamptz NOT NULL DEFAULT now()
))sql",
    R"sql(CREATE INDEX scan_log_by_event_time ON scan_log (event_id, scanned_at))sql",
    R"sql(CREATE TABLE staff_actions (
    uid          text PRIMARY KEY,
    kiosk_id     text NOT NULL,
    at           timestamptz NOT NULL,
    actor        text NOT NULL,
    action       text NOT NULL,
    event_id     bigint REFERENCES events(id),
    guest_id     bigint REFERENCES guests(id),
    target_uid   text,
    detail       text NOT NULL DEFAULT '',
    received_at  timestamptz NOT NULL DEFAULT now()
))sql",
    R"sql(CREATE INDEX staff_actions_by_event_time ON staff_actions (event_id, at))sql",
    R"sql(CREATE TABLE print_job_states (
    uid              text PRIMARY KEY,
    kiosk_id         text NOT NULL,
    event_id         bigint NOT NULL REFERENCES events(id),
    guest_id         bigint NOT NULL REFERENCES guests(id),
    kind             text NOT NULL CHECK (kind IN ('badge', 'agenda')),
    reason           text NOT NULL CHECK (reason IN ('checkin', 'reprint')),
    idempotency_key  text NOT NULL,
    state            text NOT NULL CHECK (state IN ('queued', 'sent', 'printed', 'failed')),
    attempts         integer NOT NULL DEFAULT 0,
    last_error       text NOT NULL DEFAULT '',
    printer          text NOT NULL DEFAULT '',
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    received_at      timestamptz NOT NULL DEFAULT now()
))sql",
    R"sql(CREATE INDEX print_job_states_by_key ON print_job_states (idempotency_key))sql",
};

// Version 2: kiosk sync. venue_push_attendance records a batch of one kiosk's attendance rows under one lock (so two
// kiosks pushing the same guest at once never both take the live slot): a row whose uid is there already is left as
// it is (a repeated push after a crash); a row for a guest and day with no live row becomes the live row; otherwise
// the earliest scanned_at (then the smaller uid) is live and the other one names it in duplicate_of. When the newcomer
// is the earlier one it takes the live slot, and the row that held it (and the duplicates naming it) now name the
// newcomer. Nothing is deleted. Returns each row's uid and what happened to it: present | live | duplicate |
// annulled (an annulled row never holds the slot). Two indexes keep the hand-over of the live slot and the marking
// of duplicate scans from reading whole tables.
constexpr const char *kSchemaV2[] = {
    R"sql(CREATE INDEX attendance_by_duplicate_of ON attendance (duplicate_of) WHERE duplicate_of IS NOT NULL)sql",
    R"sql(CREATE INDEX scan_log_by_attendance ON scan_log (attendance_uid) WHERE attendance_uid IS NOT NULL)sql",
    R"sql(CREATE FUNCTION venue_push_attendance(p_event bigint, p_rows jsonb)
RETURNS TABLE (out_uid text, out_outcome text) LANGUAGE plpgsql AS $$
DECLARE
    r record;
    g bigint;
    inv bigint;
    live_uid text;
    live_at timestamptz;
BEGIN
    PERFORM pg_advisory_xact_lock(7310595474590336003);
    FOR r IN SELECT * FROM jsonb_to_recordset(p_rows) AS x(uid text, kiosk_id text, external_id text,
            token_id text, day date, scanned_at timestamptz, method text, annulled_at timestamptz,
            annul_reason text) ORDER BY x.scanned_at, x.uid LOOP
        out_uid := r.uid;
        IF EXISTS (SELECT 1 FROM attendance a WHERE a.uid = r.uid) THEN
            out_outcome := 'present';
            RETURN NEXT;
            CONTINUE;
        END IF;
        SELECT gg.id INTO g FROM guests gg WHERE gg.event_id = p_event AND gg.external_id = r.external_id;
        IF g IS NULL THEN
            RAISE EXCEPTION 'Guest % is not in the venue database: push the event again from the organiser''s database (checkinctl venue push), then sync.', r.external_id
                USING ERRCODE = 'foreign_key_violation';
        END IF;
        inv := NULL;
        IF r.token_id IS NOT NULL THEN
            SELECT i.id INTO inv FROM invitations i WHERE i.event_id = p_event AND i.token_id = decode(r.token_id, 'hex');
        END IF;
        live_uid := NULL;
        IF r.annulled_at IS NULL THEN
            SELECT a.uid, a.scanned_at INTO live_uid, live_at FROM attendance a
                WHERE a.event_id = p_event AND a.guest_id = g AND a.day = r.day
                AND a.annulled_at IS NULL AND a.duplicate_of IS NULL FOR UPDATE;
        END IF;
        INSERT INTO attendance (uid, kiosk_id, event_id, guest_id, invitation_id, day, scanned_at, method,
                                annulled_at, annul_reason, duplicate_of)
            VALUES (r.uid, r.kiosk_id, p_event, g, inv, r.day, r.scanned_at, r.method, r.annulled_at,
                    r.annul_reason, live_uid);
        IF r.annulled_at IS NOT NULL THEN
            out_outcome := 'annulled';
        ELSIF live_uid IS NULL THEN
            out_outcome := 'live';
        ELSIF (live_at, live_uid) < (r.scanned_at, r.uid) THEN
            out_outcome := 'duplicate';
        ELSE
            UPDATE attendance a SET duplicate_of = r.uid WHERE a.duplicate_of = live_uid AND a.uid <> r.uid;
            UPDATE attendance a SET duplicate_of = r.uid WHERE a.uid = live_uid;
            UPDATE attendance a SET duplicate_of = NULL WHERE a.uid = r.uid;
            out_outcome := 'live';
        END IF;
        RETURN NEXT;
    END LOOP;
END
$$)sql",
    // Annulments a kiosk made after its check-in was sent: the row is marked annulled (never deleted); when it held
    // the live slot, the earliest of its duplicates that is not annulled takes the slot, and the other duplicates
    // name that one. Returns how many rows it annulled (rows already annulled, or not there yet, are left alone).
    R"sql(CREATE FUNCTION venue_annul_attendance(p_event bigint, p_rows jsonb) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    r record;
    was_live boolean;
    heir text;
    n integer := 0;
BEGIN
    PERFORM pg_advisory_xact_lock(7310595474590336003);
    FOR r IN SELECT * FROM jsonb_to_recordset(p_rows) AS x(uid text, annulled_at timestamptz, annul_reason text) LOOP
        UPDATE attendance a SET annulled_at = r.annulled_at, annul_reason = r.annul_reason
            WHERE a.uid = r.uid AND a.event_id = p_event AND a.annulled_at IS NULL
            RETURNING (a.duplicate_of IS NULL) INTO was_live;
        IF NOT FOUND THEN
            CONTINUE;
        END IF;
        n := n + 1;
        IF was_live THEN
            SELECT a.uid INTO heir FROM attendance a WHERE a.duplicate_of = r.uid AND a.annulled_at IS NULL
                ORDER BY a.scanned_at, a.uid LIMIT 1;
            IF heir IS NOT NULL THEN
                UPDATE attendance a SET duplicate_of = heir WHERE a.duplicate_of = r.uid AND a.uid <> heir;
                UPDATE attendance a SET duplicate_of = NULL WHERE a.uid = heir;
            END IF;
        END IF;
    END LOOP;
    RETURN n;
END
$$)sql",
};

// Version 3: indexes found by the 20-kiosk simulation (bench_venue_sim). The duplicate-scan marking looks up every
// attendance row of a guest and day (live or not: the partial live index does not serve it), and every sync round
// asks for the check-in badges printed at more than one kiosk.
constexpr const char *kSchemaV3[] = {
    R"sql(CREATE INDEX attendance_by_guest_day ON attendance (event_id, guest_id, day))sql",
    R"sql(CREATE INDEX print_job_states_checkin_badges ON print_job_states (event_id, guest_id, kiosk_id)
    WHERE kind = 'badge' AND reason = 'checkin' AND state IN ('sent', 'printed'))sql",
};

struct Migration
{
    int version;
    std::span<const char *const> statements;
};

constexpr Migration kMigrations[] = {
    {1, kSchemaV1},
    {2, kSchemaV2},
    {3, kSchemaV3},
};

// pg_advisory_xact_lock key for schema changes ("ietf-checkin venue schema"); pushes use kChangesLock.
constexpr const char *kLockSchemaSql = "SELECT pg_advisory_xact_lock(7310595474590336001)";

VenueError tooNew(int found)
{
    return {VenueError::Kind::SchemaTooNew,
            u"The venue database has schema version %1, newer than this program knows (%2): it was set up by a "
            "newer ietf-checkin. Update ietf-checkin on this machine; nothing was changed."_s.arg(found)
                .arg(VenueSchema::latestVersion()),
            {}};
}

} // namespace

int VenueSchema::latestVersion()
{
    return std::end(kMigrations)[-1].version;
}

VenueResult<int> VenueSchema::currentVersion(VenueConnection &conn)
{
    auto table = conn.exec("SELECT to_regclass('venue_schema_version') IS NOT NULL");
    if (!table)
        return std::unexpected(table.error());
    if (!table->boolean(0, 0))
        return 0;
    auto version = conn.exec("SELECT coalesce(max(version), 0) FROM venue_schema_version");
    if (!version)
        return std::unexpected(version.error());
    return int(version->int64(0, 0));
}

VenueResult<int> VenueSchema::check(VenueConnection &conn)
{
    auto version = currentVersion(conn);
    if (!version)
        return version;
    if (*version == 0) {
        return std::unexpected(VenueError{
            VenueError::Kind::NotInitialised,
            u"The venue database %1 has no ietf-checkin schema yet: run 'checkinctl venue init' with the same "
            "connection settings first."_s.arg(conn.describe()),
            {}});
    }
    if (*version > latestVersion())
        return std::unexpected(tooNew(*version));
    return version;
}

VenueResult<VenueSchema::Migrated> VenueSchema::migrate(VenueConnection &conn)
{
    VenueTransaction tx(conn);
    if (auto ok = tx.begin(); !ok)
        return std::unexpected(ok.error());
    // Two machines running init at once: the second waits, then finds the schema made.
    if (auto ok = conn.exec(kLockSchemaSql); !ok)
        return std::unexpected(ok.error());
    if (auto ok = conn.exec("CREATE TABLE IF NOT EXISTS venue_schema_version ("
                            "version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
        !ok) {
        return std::unexpected(ok.error());
    }
    auto before = currentVersion(conn);
    if (!before)
        return std::unexpected(before.error());
    if (*before > latestVersion())
        return std::unexpected(tooNew(*before));
    for (const Migration &m : kMigrations) {
        if (m.version <= *before)
            continue;
        for (const char *sql : m.statements) {
            if (auto ok = conn.exec(sql); !ok)
                return std::unexpected(ok.error());
        }
        if (auto ok = conn.exec("INSERT INTO venue_schema_version (version) VALUES ($1)", {m.version}); !ok)
            return std::unexpected(ok.error());
    }
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    return Migrated{*before, latestVersion()};
}

} // namespace checkin::venue
