#pragma once

#include <QDate>
#include <QList>
#include <QString>

#include <expected>
#include <functional>
#include <memory>
#include <optional>

namespace checkin::db {
class Database;
struct EventRecord;
struct GuestRecord;
struct PrintJobRecord;
} // namespace checkin::db

namespace checkin {

class BadgeLayout;
struct AgendaData;
struct BadgeData;

// A guest's badge and personal agenda as PDFs, from the database. Keeps the renderers (fonts, layouts, translations)
// loaded between documents, so make one per thread and reuse it; not thread-safe.
class PrintDocuments
{
public:
    // Renders documents for the events in db with the given badge layout.
    PrintDocuments(db::Database &db, const BadgeLayout &layout);
    ~PrintDocuments();
    PrintDocuments(const PrintDocuments &) = delete;
    PrintDocuments &operator=(const PrintDocuments &) = delete;

    // One badge.
    [[nodiscard]] std::expected<QByteArray, QString> badge(const db::EventRecord &event, const db::GuestRecord &guest);
    // Many badges on the layout's sheet (or one per page).
    [[nodiscard]] std::expected<QByteArray, QString> badgeSheet(const db::EventRecord &event,
                                                                const QList<db::GuestRecord> &guests);
    // The guest's personal agenda: the whole programme or only onlyDay.
    [[nodiscard]] std::expected<QByteArray, QString> agenda(const db::EventRecord &event, const db::GuestRecord &guest,
                                                            std::optional<QDate> onlyDay = {});
    // The document of a print job (its kind, guest and event).
    [[nodiscard]] std::expected<QByteArray, QString> render(const db::PrintJobRecord &job);

    // The data a badge shows for this guest (no PDF).
    [[nodiscard]] std::expected<BadgeData, QString> badgeData(const db::EventRecord &event,
                                                              const db::GuestRecord &guest);
    // The data an agenda shows for this guest (no PDF).
    [[nodiscard]] std::expected<AgendaData, QString> agendaData(const db::EventRecord &event,
                                                                const db::GuestRecord &guest,
                                                                std::optional<QDate> onlyDay = {});

    // A print-queue renderer that opens its own connection to dbPath and its own renderers on first use, on the
    // thread that calls it (the print worker's). layoutName: a built-in name or a layout file; empty = the
    // layout stored for the kiosk (PrinterSetup::badgeLayout).
    [[nodiscard]] static std::function<std::expected<QByteArray, QString>(const db::PrintJobRecord &)> jobRenderer(
        const QString &dbPath, const QString &layoutName = {});

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace checkin
