#pragma once

#include "db/database.h"
#include "db/records.h"
#include "kiosk/invitations/signingkey.h"

#include <QList>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace checkin::test {

// A real event in a real SQLite file in a temporary folder: signing key, guests and signed invitations.
// Every test that needs data builds it through this, so the rules are exercised on the real schema.
class TestEvent
{
public:
    struct Options
    {
        int number = 122;
        QString name = QStringLiteral("IETF 122 Bangkok");
        QString city = QStringLiteral("Bangkok");
        QString timeZone = QStringLiteral("Asia/Bangkok");
        QDate firstDay = QDate(2026, 11, 2);
        QDate lastDay = QDate(2026, 11, 5);
        int guests = 3;
    };

    explicit TestEvent(const Options &options);
    TestEvent()
        : TestEvent(Options{})
    {
    }

    [[nodiscard]] bool isValid() const { return m_valid; }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] QString dbPath() const { return m_dbPath; }
    [[nodiscard]] QString dirPath() const { return m_dir.path(); }
    [[nodiscard]] db::Database &db() { return *m_db; }
    [[nodiscard]] const db::EventRecord &event() const { return m_event; }
    [[nodiscard]] const SigningKey &key() const { return m_key; }
    // Guest i's external id ("guest-1", …) and invitation text.
    [[nodiscard]] QString externalId(int i) const { return m_externalIds.at(i); }
    [[nodiscard]] QString token(int i) const { return m_tokens.at(i); }
    [[nodiscard]] int guestCount() const { return int(m_tokens.size()); }
    // Adds one more guest with a signed invitation; returns its index.
    int addGuest(const QString &displayName, const QString &language = QStringLiteral("en"));
    // A UTC time that is hh:mm venue-local on programme day dayNumber (1-based).
    [[nodiscard]] QDateTime localTime(int dayNumber, int hh, int mm) const;

private:
    QTemporaryDir m_dir;
    QString m_dbPath;
    std::unique_ptr<db::Database> m_db;
    db::EventRecord m_event;
    SigningKey m_key;
    QStringList m_externalIds;
    QStringList m_tokens;
    bool m_valid = false;
    QString m_error;
};

} // namespace checkin::test
