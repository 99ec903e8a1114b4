#pragma once

#include <QString>

#include <expected>
#include <memory>
#include <optional>

namespace checkin::db {
class Database;
}

namespace checkin {

class BadgeLayout;
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
    // A printer for this specification; nullptr for none. media: the CUPS media each job asks for (a badge
    // layout's stock); folders ignore it.
    [[nodiscard]] std::shared_ptr<Printer> makePrinter(const QString &media = {}) const;
};

// Where one kind of document goes on a kiosk, and why: the printer staff stored, else the CUPS default
// destination, else the PDF folder beside the database.
struct PrinterChoice
{
    enum class Source {
        Stored,         // set with checkinctl printers (or for one run of the kiosk)
        CupsDefault,    // nothing stored: CUPS' default destination
        FolderFallback, // nothing stored and no CUPS default: a PDF folder beside the database
    };
    QString kind; // badge or agenda
    PrinterSpec spec;
    Source source = Source::Stored;
    QString reason; // FolderFallback: why not a CUPS printer, e.g. "CUPS at localhost:631 has no default printer"

    // "stored", "cups-default" or "folder-fallback".
    [[nodiscard]] QString sourceName() const;
    // True when the documents come out of a printer (a CUPS queue), not into a folder or nowhere.
    [[nodiscard]] bool isPrinter() const { return spec.kind == PrinterSpec::Kind::Cups; }
    // Where the documents go, one English sentence for staff and logs: "badges print on the CUPS default
    // printer 'Brother_QL_820NWB'", "no printer: badges are saved as PDFs in /var/lib/checkin/printed/badges …".
    [[nodiscard]] QString describe() const;
};

// The printers configured for a kiosk database: settings printer.badge and printer.agenda; without one, the CUPS
// default destination, else PDF folders beside the database (DIR/printed/badges, DIR/printed/agendas) so a fresh
// install prints somewhere visible. The badge layout (setting badge.layout) decides the badge stock's CUPS media.
class PrinterSetup
{
public:
    // Where kind ("badge" or "agenda") goes, and why. Without a stored printer it asks CUPS (cupsServer(), i.e.
    // $CUPS_SERVER or the local cupsd) for its default destination, which may take a few seconds: not on the GUI
    // thread.
    [[nodiscard]] static std::expected<PrinterChoice, QString> choose(db::Database &db, const QString &kind);
    // The specification stored for kind, if any.
    [[nodiscard]] static std::expected<std::optional<PrinterSpec>, QString> stored(db::Database &db,
                                                                                   const QString &kind);
    // Stores the specification for kind.
    [[nodiscard]] static std::expected<void, QString> setForKind(db::Database &db, const QString &kind,
                                                                 const PrinterSpec &spec);
    // Forgets the specification stored for kind: back to the CUPS default destination, else the PDF folder.
    [[nodiscard]] static std::expected<void, QString> unsetForKind(db::Database &db, const QString &kind);
    // The default PDF folder for kind beside the database file.
    [[nodiscard]] static QString defaultFolder(const db::Database &db, const QString &kind);

    // The badge layout as stored (a built-in name or a layout file), empty when none is.
    [[nodiscard]] static std::expected<QString, QString> storedBadgeLayout(db::Database &db);
    // The badge layout named (a built-in name or a layout file), else the stored one, else the default built-in.
    [[nodiscard]] static std::expected<BadgeLayout, QString> badgeLayout(db::Database &db, const QString &name = {});
    // Stores the badge layout (a built-in name or a layout file, checked by loading it); empty: the default.
    [[nodiscard]] static std::expected<void, QString> setBadgeLayout(db::Database &db, const QString &name);
    // A layout by built-in name or file path.
    [[nodiscard]] static std::expected<BadgeLayout, QString> loadLayout(const QString &name);
};

} // namespace checkin
