#include "printing/pdffolderprinter.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace checkin {

PdfFolderPrinter::PdfFolderPrinter(QString folder)
    : m_folder(std::move(folder))
{
}

QString PdfFolderPrinter::name() const
{
    return u"PDF folder %1"_s.arg(QDir::toNativeSeparators(m_folder));
}

QString PdfFolderPrinter::fileNameFor(const QString &title)
{
    QString base;
    base.reserve(title.size());
    for (const QChar c : title) {
        // Letters in any script are kept (guest names); separators, controls and shell-awkward characters are not.
        const bool safe = c.isLetterOrNumber() || c == u'-' || c == u'_' || c == u'.' || c == u' ' || c == u'['
                          || c == u']';
        base += safe ? c : u'_';
    }
    base = base.trimmed();
    while (base.startsWith(u'.'))
        base.replace(0, 1, u'_');
    if (base.isEmpty())
        base = u"job"_s;
    return base.left(200) + u".pdf"_s;
}

PrintResult<PrinterStatus> PdfFolderPrinter::status()
{
    PrinterStatus s;
    const QFileInfo info(m_folder);
    if (!info.exists() && !QDir().mkpath(m_folder)) {
        s.acceptsJobs = false;
        s.problem = u"The PDF folder %1 does not exist and cannot be created: create it or correct the kiosk's "
                    "printer setting"_s.arg(QDir::toNativeSeparators(m_folder));
    } else if (!QFileInfo(m_folder).isDir() || !QFileInfo(m_folder).isWritable()) {
        s.acceptsJobs = false;
        s.problem = u"The PDF folder %1 is not a writable folder: fix its permissions or correct the kiosk's "
                    "printer setting"_s.arg(QDir::toNativeSeparators(m_folder));
    }
    return s;
}

PrintResult<QString> PdfFolderPrinter::submit(const QByteArray &pdf, const QString &title)
{
    if (auto s = status(); !s->acceptsJobs)
        return std::unexpected(PrintError{PrintError::Kind::Unavailable, s->problem});
    const QDir dir(m_folder);
    const QString first = fileNameFor(title);
    QString path = dir.absoluteFilePath(first);
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = dir.absoluteFilePath(first.chopped(4) + u" (%1).pdf"_s.arg(n));
    // QSaveFile writes a temporary file beside the target and renames it: a crash never leaves half a PDF.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size() || !file.commit()) {
        return std::unexpected(PrintError{PrintError::Kind::Unavailable,
                                          u"Could not write %1 (%2): free some disk space or fix the folder's "
                                          "permissions"_s.arg(QDir::toNativeSeparators(path), file.errorString())});
    }
    return path;
}

PrintResult<PrintJobStatus> PdfFolderPrinter::jobStatus(const QString &handle)
{
    if (!QFileInfo::exists(handle)) {
        return std::unexpected(PrintError{PrintError::Kind::NotFound,
                                          u"The PDF %1 is no longer there: it was moved or deleted; reprint it if "
                                          "it is needed"_s.arg(QDir::toNativeSeparators(handle))});
    }
    return PrintJobStatus{PrintJobStatus::State::Completed, {}};
}

PrintResult<std::optional<QString>> PdfFolderPrinter::findJob(const QString &title, const QDateTime &)
{
    const QString path = QDir(m_folder).absoluteFilePath(fileNameFor(title));
    if (!QFileInfo::exists(path))
        return std::optional<QString>{};
    return std::optional<QString>{path};
}

} // namespace checkin
