#pragma once

#include <QString>

#include <expected>
#include <memory>

namespace checkin::db {
class Database;
}

namespace checkin {

class Printer;

// Where a kind of document prints, as staff write it:
//   cups:QUEUE            a CUPS queue on the local print server
//   cups:QUEUE@HOST:PORT  a CUPS queue on another print server
//   folder:DIR            a "PDF folder" printer: each document becomes DIR/<job title>.pdf (venues without CUPS)
//   none                  do not print this kind
struct PrinterSpec
{
    enum class Kind { Cups, Folder, None };
    Kind kind = Kind::None;
    QString queue;  // cups
    QString server; // cups; empty = the local default
    QString folder; // folder

    // Parses a specification; the error says what is accepted.
    [[nodiscard]] static std::expected<PrinterSpec, QString> parse(const QString &text);
    // The specification as text (parse(toString()) gives it back).
    [[nodiscard]] QString toString() const;
    // A printer for this specification; nullptr for none.
    [[nodiscard]] std::shared_ptr<Printer> makePrinter() const;
};

// The printers configured for a kiosk database: settings printer.badge and printer.agenda, defaulting to PDF
// folders beside the database (DIR/printed/badges, DIR/printed/agendas) so a fresh install prints somewhere visible.
class PrinterSetup
{
public:
    // The specification for kind ("badge" or "agenda") stored in db, or the default.
    [[nodiscard]] static std::expected<PrinterSpec, QString> forKind(db::Database &db, const QString &kind);
    // Stores the specification for kind.
    [[nodiscard]] static std::expected<void, QString> setForKind(db::Database &db, const QString &kind,
                                                                 const PrinterSpec &spec);
    // The default PDF folder for kind beside the database file.
    [[nodiscard]] static QString defaultFolder(const db::Database &db, const QString &kind);
};

} // namespace checkin
