#pragma once

// A small but real one-page PDF for printing tests, drawn with libharu and a standard font so that its text
// survives CUPS' PDF → PostScript → PDF round trip through cups-pdf and can be found again with pdftotext.
// Header-only test support; link Hpdf::Hpdf.

#include <QByteArray>
#include <QProcess>
#include <QStringList>

#include <hpdf.h>

#include <memory>
#include <type_traits>

namespace checkin::test {

inline QByteArray makeTestPdf(const QStringList &lines)
{
    struct Free
    {
        void operator()(HPDF_Doc doc) const { HPDF_Free(doc); }
    };
    std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, Free> doc(HPDF_New(nullptr, nullptr));
    if (!doc)
        return {};
    HPDF_Page page = HPDF_AddPage(doc.get());
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A5, HPDF_PAGE_PORTRAIT);
    HPDF_Font font = HPDF_GetFont(doc.get(), "Helvetica", nullptr);
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, font, 11);
    float y = HPDF_Page_GetHeight(page) - 40;
    for (const QString &line : lines) {
        HPDF_Page_TextOut(page, 20, y, line.toLatin1().constData());
        y -= 18;
    }
    HPDF_Page_EndText(page);
    if (HPDF_SaveToStream(doc.get()) != HPDF_OK)
        return {};
    QByteArray bytes(int(HPDF_GetStreamSize(doc.get())), Qt::Uninitialized);
    HPDF_UINT32 size = HPDF_UINT32(bytes.size());
    const HPDF_STATUS rc = HPDF_ReadFromStream(doc.get(), reinterpret_cast<HPDF_BYTE *>(bytes.data()), &size);
    if (rc != HPDF_OK && rc != HPDF_STREAM_EOF)
        return {};
    bytes.truncate(int(size));
    return bytes;
}

// pdftotext of a PDF file, or the error output prefixed by "ERROR:".
inline QString pdfText(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return QStringLiteral("ERROR:") + QString::fromLocal8Bit(p.readAllStandardError());
    return QString::fromUtf8(p.readAllStandardOutput());
}

// The page count pdfinfo reports, or -1.
inline int pdfPages(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("pdfinfo"), {path});
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return -1;
    for (const QString &line : QString::fromUtf8(p.readAllStandardOutput()).split(u'\n')) {
        if (line.startsWith(QStringLiteral("Pages:")))
            return line.mid(6).trimmed().toInt();
    }
    return -1;
}

} // namespace checkin::test
