#pragma once

#include "db/venue/venueconnection.h"

namespace checkin::venue {

// The venue database's schema: versioned migrations recorded in the table venue_schema_version (the counterpart of
// the kiosks' PRAGMA user_version), each applied once, in its own transaction.
class VenueSchema
{
public:
    struct Migrated
    {
        int before = 0; // 0: the database had no ietf-checkin schema
        int after = 0;
    };

    // The newest schema version this build knows.
    [[nodiscard]] static int latestVersion();
    // Creates or updates the schema to latestVersion(); safe to run again and from several machines at once.
    // A schema newer than this build is refused (SchemaTooNew) and left untouched.
    [[nodiscard]] static VenueResult<Migrated> migrate(VenueConnection &conn);
    // The schema version found, after checking it is one this build can work with (NotInitialised, SchemaTooNew).
    [[nodiscard]] static VenueResult<int> check(VenueConnection &conn);
    // The version recorded in the database; 0 when it has no ietf-checkin schema.
    [[nodiscard]] static VenueResult<int> currentVersion(VenueConnection &conn);
};

} // namespace checkin::venue
