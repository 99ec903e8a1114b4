#pragma once

#include <QDate>
#include <QString>

#include <expected>

namespace checkin {

// The built-in demo: an event running around today in Bangkok, a dozen fictional policymakers whose names cover
// many scripts, a signing key and every guest's invitation QR and PDF. Running it again reuses what exists.
class DemoEvent
{
public:
    static constexpr int kEventNumber = 900;

    struct Result
    {
        QString dbPath;
        QString keyDir;
        QString invitationsDir;
        int eventNumber = kEventNumber;
        int guests = 0;
        bool created = false; // false when the demo database already existed
    };

    // Creates (or completes) the demo database at dbPath and writes keys and invitations under outDir.
    [[nodiscard]] static std::expected<Result, QString> ensure(const QString &dbPath, const QString &outDir,
                                                               const QString &kioskId);
};

} // namespace checkin
