#pragma once

// SQL that takes a database of this build's schema back to schema 3, for tests that build a file the way an
// earlier release left it and check that it migrates forward. One place to extend when a migration is added.
namespace checkin::test {

inline constexpr const char *kBackToSchema3 =
    // schema 5: no invitation e-mail records
    "DROP TABLE invitation_mail; "
    // schema 4: no name order, no merged duplicates, the old one-live-row index
    "DROP INDEX attendance_one_per_guest_day; ALTER TABLE attendance DROP COLUMN duplicate_of; "
    "ALTER TABLE guest DROP COLUMN name_order; "
    "CREATE UNIQUE INDEX attendance_one_per_guest_day ON attendance(guest_id, day) WHERE annulled_at IS NULL; "
    "PRAGMA user_version = 3;";

} // namespace checkin::test
