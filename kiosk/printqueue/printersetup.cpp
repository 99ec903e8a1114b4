#include "kiosk/printqueue/printersetup.h"

#include "db/database.h"
#include "db/settingstore.h"
#include "printing/badgelayout.h"
#include "printing/cupsprinter.h"
#include "printing/pdffolderprinter.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace checkin {

std::expected<PrinterSpec, QString> PrinterSpec::parse(const QString &raw)
{
    const QString text = raw.trimmed();
    PrinterSpec spec;
    if (text == u"none") {
        spec.kind = Kind::None;
        return spec;
    }
    if (text.startsWith(u"folder:")) {
        spec.kind = Kind::Folder;
        spec.folder = text.mid(7);
        if (spec.folder.isEmpty())
            return std::unexpected(u"'folder:' needs a folder, e.g. folder:/srv/badges."_s);
        return spec;
    }
    if (text.startsWith(u"cups:")) {
        spec.kind = Kind::Cups;
        const QString rest = text.mid(5);
        const qsizetype at = rest.indexOf(u'@');
        spec.queue = at < 0 ? rest : rest.left(at);
        spec.server = at < 0 ? QString() : rest.mid(at + 1);
        if (spec.queue.isEmpty() || spec.queue.contains(u'/') || spec.queue.contains(u' '))
            return std::unexpected(
                u"'%1' does not name a CUPS queue; write cups:QUEUE or cups:QUEUE@HOST:PORT."_s.arg(text));
        return spec;
    }
    return std::unexpected(
        u"Unknown printer '%1': write cups:QUEUE, cups:QUEUE@HOST:PORT, folder:DIR or none."_s.arg(text));
}

QString PrinterSpec::toString() const
{
    switch (kind) {
    case Kind::Cups:
        return server.isEmpty() ? u"cups:"_s + queue : u"cups:%1@%2"_s.arg(queue, server);
    case Kind::Folder:
        return u"folder:"_s + folder;
    case Kind::None:
        return u"none"_s;
    }
    return u"none"_s;
}

std::shared_ptr<Printer> PrinterSpec::makePrinter(const QString &media) const
{
    switch (kind) {
    case Kind::Cups: {
        CupsPrinter::Options options;
        options.queue = queue;
        options.server = server;
        options.media = media;
        return std::make_shared<CupsPrinter>(options);
    }
    case Kind::Folder:
        return std::make_shared<PdfFolderPrinter>(folder);
    case Kind::None:
        return nullptr;
    }
    return nullptr;
}

std::expected<void, QString> PrinterSetup::unsetForKind(db::Database &db, const QString &kind)
{
    if (kind != u"badge" && kind != u"agenda")
        return std::unexpected(u"Printers are set for badge or agenda, not '%1'."_s.arg(kind));
    if (auto ok = db::SettingStore(db).setValue(u"printer."_s + kind, QString()); !ok)
        return std::unexpected(ok.error().message);
    return {};
}

QString PrinterSetup::defaultFolder(const db::Database &db, const QString &kind)
{
    const QDir dir = QFileInfo(db.path()).absoluteDir();
    return dir.filePath(kind == u"agenda" ? u"printed/agendas"_s : u"printed/badges"_s);
}

std::expected<std::optional<PrinterSpec>, QString> PrinterSetup::stored(db::Database &db, const QString &kind)
{
    auto stored = db::SettingStore(db).value(u"printer."_s + kind);
    if (!stored)
        return std::unexpected(stored.error().message);
    if (!*stored)
        return std::optional<PrinterSpec>{};
    auto spec = PrinterSpec::parse(**stored);
    if (!spec)
        return std::unexpected(
            u"The stored %1 printer '%2' is not valid (%3): set it again with checkinctl printers"_s.arg(kind, **stored,
                                                                                                         spec.error()));
    return std::optional<PrinterSpec>{*spec};
}

std::expected<PrinterChoice, QString> PrinterSetup::choose(db::Database &db, const QString &kind)
{
    auto stored = PrinterSetup::stored(db, kind);
    if (!stored)
        return std::unexpected(stored.error());
    PrinterChoice choice;
    choice.kind = kind;
    if (*stored) {
        choice.spec = **stored;
        choice.source = PrinterChoice::Source::Stored;
        return choice;
    }
    // An unreachable CUPS is not an error here: a kiosk without CUPS prints into folders.
    auto destination = CupsPrinter::defaultDestination();
    if (destination && *destination) {
        choice.spec.kind = PrinterSpec::Kind::Cups;
        choice.spec.queue = **destination;
        choice.source = PrinterChoice::Source::CupsDefault;
        return choice;
    }
    choice.spec.kind = PrinterSpec::Kind::Folder;
    choice.spec.folder = defaultFolder(db, kind);
    choice.source = PrinterChoice::Source::FolderFallback;
    choice.reason = destination ? u"CUPS has no default printer"_s : destination.error().message;
    return choice;
}

QString PrinterChoice::sourceName() const
{
    switch (source) {
    case Source::Stored:
        return u"stored"_s;
    case Source::CupsDefault:
        return u"cups-default"_s;
    case Source::FolderFallback:
        return u"folder-fallback"_s;
    }
    return u"stored"_s;
}

QString PrinterChoice::describe() const
{
    const QString documents = kind == u"agenda" ? u"agendas"_s : u"badges"_s;
    const QString where = spec.server.isEmpty() ? QString() : u" at %1"_s.arg(spec.server);
    switch (spec.kind) {
    case PrinterSpec::Kind::Cups:
        return source == Source::CupsDefault
                   ? u"%1 print on the CUPS default printer '%2'"_s.arg(documents, spec.queue)
                   : u"%1 print on CUPS printer '%2'%3 (as set for this kiosk)"_s.arg(documents, spec.queue, where);
    case PrinterSpec::Kind::Folder:
        return source == Source::FolderFallback
                   ? u"no printer: %1 are saved as PDFs in %2 (%3; set one with lpadmin -d QUEUE or checkinctl printers)"_s
                         .arg(documents, QDir::toNativeSeparators(spec.folder), reason)
                   : u"no printer: %1 are saved as PDFs in %2 (as set for this kiosk)"_s.arg(
                       documents, QDir::toNativeSeparators(spec.folder));
    case PrinterSpec::Kind::None:
        return u"%1 are not printed here (as set for this kiosk)"_s.arg(documents);
    }
    return {};
}

std::expected<void, QString> PrinterSetup::setForKind(db::Database &db, const QString &kind, const PrinterSpec &spec)
{
    if (kind != u"badge" && kind != u"agenda")
        return std::unexpected(u"Printers are set for badge or agenda, not '%1'."_s.arg(kind));
    if (auto ok = db::SettingStore(db).setValue(u"printer."_s + kind, spec.toString()); !ok)
        return std::unexpected(ok.error().message);
    return {};
}

std::expected<QString, QString> PrinterSetup::storedBadgeLayout(db::Database &db)
{
    auto stored = db::SettingStore(db).value(u"badge.layout"_s);
    if (!stored)
        return std::unexpected(stored.error().message);
    return stored->value_or(QString());
}

std::expected<BadgeLayout, QString> PrinterSetup::loadLayout(const QString &name)
{
    if (BadgeLayout::builtInNames().contains(name))
        return BadgeLayout::builtIn(name);
    return BadgeLayout::load(name);
}

std::expected<BadgeLayout, QString> PrinterSetup::badgeLayout(db::Database &db, const QString &name)
{
    QString chosen = name;
    if (chosen.isEmpty()) {
        auto stored = storedBadgeLayout(db);
        if (!stored)
            return std::unexpected(stored.error());
        chosen = stored->isEmpty() ? BadgeLayout::builtInNames().first() : *stored;
    }
    return loadLayout(chosen);
}

std::expected<void, QString> PrinterSetup::setBadgeLayout(db::Database &db, const QString &name)
{
    QString value = name.trimmed();
    if (!value.isEmpty()) {
        auto layout = loadLayout(value);
        if (!layout)
            return std::unexpected(layout.error());
        // A file is stored by its absolute path: the kiosk and print-worker run from other folders.
        if (!BadgeLayout::builtInNames().contains(value))
            value = QFileInfo(value).absoluteFilePath();
    }
    if (auto ok = db::SettingStore(db).setValue(u"badge.layout"_s, value); !ok)
        return std::unexpected(ok.error().message);
    return {};
}

} // namespace checkin
