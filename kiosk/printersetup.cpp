#include "printersetup.h"

#include <cupsprinter.h>
#include <database.h>
#include <pdffolderprinter.h>
#include <settingstore.h>

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
            return std::unexpected(u"'%1' does not name a CUPS queue; write cups:QUEUE or cups:QUEUE@HOST:PORT."_s.arg(text));
        return spec;
    }
    return std::unexpected(u"Unknown printer '%1': write cups:QUEUE, cups:QUEUE@HOST:PORT, folder:DIR or none."_s.arg(text));
}

QString PrinterSpec::toString() const
{
    switch (kind) {
    case Kind::Cups: return server.isEmpty() ? u"cups:"_s + queue : u"cups:%1@%2"_s.arg(queue, server);
    case Kind::Folder: return u"folder:"_s + folder;
    case Kind::None: return u"none"_s;
    }
    return u"none"_s;
}

std::shared_ptr<Printer> PrinterSpec::makePrinter() const
{
    switch (kind) {
    case Kind::Cups: {
        CupsPrinter::Options options;
        options.queue = queue;
        options.server = server;
        return std::make_shared<CupsPrinter>(options);
    }
    case Kind::Folder: return std::make_shared<PdfFolderPrinter>(folder);
    case Kind::None: return nullptr;
    }
    return nullptr;
}

QString PrinterSetup::defaultFolder(const db::Database &db, const QString &kind)
{
    const QDir dir = QFileInfo(db.path()).absoluteDir();
    return dir.filePath(kind == u"agenda" ? u"printed/agendas"_s : u"printed/badges"_s);
}

std::expected<PrinterSpec, QString> PrinterSetup::forKind(db::Database &db, const QString &kind)
{
    auto stored = db::SettingStore(db).value(u"printer."_s + kind);
    if (!stored)
        return std::unexpected(stored.error().message);
    if (!*stored) {
        PrinterSpec spec;
        spec.kind = PrinterSpec::Kind::Folder;
        spec.folder = defaultFolder(db, kind);
        return spec;
    }
    return PrinterSpec::parse(**stored);
}

std::expected<void, QString> PrinterSetup::setForKind(db::Database &db, const QString &kind, const PrinterSpec &spec)
{
    if (kind != u"badge" && kind != u"agenda")
        return std::unexpected(u"Printers are set for badge or agenda, not '%1'."_s.arg(kind));
    if (auto ok = db::SettingStore(db).setValue(u"printer."_s + kind, spec.toString()); !ok)
        return std::unexpected(ok.error().message);
    return {};
}

} // namespace checkin
