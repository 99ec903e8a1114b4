#include "printing/hpdfdocument.h"

// deflatePageFast(): libharu 2.3 has no compression level; its installed internal headers expose the page's
// content stream (as printing/text/hpdftextpainter.cpp also relies on).
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace checkin::pdf {

bool TrueTypeFont::covers(QStringView text) const
{
    if (!def)
        return false;
    // HPDF_TTFontDef_GetGlyphid (hpdf_fontdef.h, exported by libharu 2.3) reads the font's own cmap;
    // glyph 0 is .notdef, i.e. the character would print as an empty box.
    for (QChar c : text) {
        // libharu's cmap lookup is 16-bit: characters outside the BMP cannot be drawn with it.
        if (c.isSurrogate() || HPDF_TTFontDef_GetGlyphid(def, c.unicode()) == 0)
            return false;
    }
    return true;
}

float TrueTypeFont::width(const QByteArray &utf8, float size) const
{
    if (!font || utf8.isEmpty())
        return 0;
    const HPDF_TextWidth w = HPDF_Font_TextWidth(font, reinterpret_cast<const HPDF_BYTE *>(utf8.constData()),
                                                 HPDF_UINT(utf8.size()));
    return float(w.width) * size / 1000.0f;
}

HpdfDocument::HpdfDocument()
    : m_failure(std::make_unique<Failure>())
    , m_doc(HPDF_New(&HpdfDocument::recordError, m_failure.get()))
{
}

HpdfDocument::~HpdfDocument() = default;

void HPDF_STDCALL HpdfDocument::recordError(HPDF_STATUS code, HPDF_STATUS detail, void *userData)
{
    // Called by libharu in the middle of a C call: record and return, the caller checks afterwards.
    auto *failure = static_cast<Failure *>(userData);
    if (failure && failure->code == HPDF_OK) {
        failure->code = code;
        failure->detail = detail;
    }
}

std::expected<void, QString> HpdfDocument::check(QStringView step)
{
    if (m_failure->code == HPDF_OK)
        return {};
    const QString message = step.toString() + u": "_s + describeHpdfError(m_failure->code, m_failure->detail);
    *m_failure = Failure();
    if (m_doc)
        HPDF_ResetError(m_doc.get());
    return std::unexpected(message);
}

std::expected<void, QString> HpdfDocument::begin()
{
    if (!m_doc)
        return std::unexpected(u"starting a PDF document: out of memory"_s);
    *m_failure = Failure();
    HPDF_ResetError(m_doc.get());

    HPDF_NewDoc(m_doc.get());
    if (auto ok = check(u"starting a PDF document"); !ok)
        return ok;
    HPDF_SetCompressionMode(m_doc.get(), HPDF_COMP_ALL);
    // Encoders survive HPDF_NewDoc like fonts do; registering "UTF-8" twice would be an error.
    if (!m_utfEncodingsEnabled) {
        HPDF_UseUTFEncodings(m_doc.get());
        m_utfEncodingsEnabled = true;
    }
    return check(u"setting up the PDF document");
}

std::expected<TrueTypeFont, QString> HpdfDocument::trueTypeFont(const QString &path)
{
    const QString step = u"loading font %1"_s.arg(path);
    QByteArray name = m_fontNames.value(path);
    if (name.isEmpty()) {
        const char *loaded = HPDF_LoadTTFontFromFile(m_doc.get(), QFile::encodeName(path).constData(), HPDF_TRUE);
        if (auto ok = check(step); !ok)
            return std::unexpected(ok.error());
        if (!loaded)
            return std::unexpected(step + u": libharu returned no font"_s);
        name = QByteArray(loaded);
        m_fontNames.insert(path, name);
    }

    TrueTypeFont font;
    font.font = HPDF_GetFont(m_doc.get(), name.constData(), "UTF-8");
    font.def = HPDF_GetFontDef(m_doc.get(), name.constData());
    if (auto ok = check(step); !ok)
        return std::unexpected(ok.error());
    if (!font.font || !font.def)
        return std::unexpected(step + u": libharu returned no font"_s);
    return font;
}

std::expected<QByteArray, QString> HpdfDocument::save()
{
    HPDF_SaveToStream(m_doc.get());
    if (auto ok = check(u"writing the PDF"); !ok)
        return std::unexpected(ok.error());

    HPDF_UINT32 size = HPDF_GetStreamSize(m_doc.get());
    QByteArray bytes(qsizetype(size), Qt::Uninitialized);
    HPDF_ReadFromStream(m_doc.get(), reinterpret_cast<HPDF_BYTE *>(bytes.data()), &size);
    if (auto ok = check(u"reading the PDF back from memory"); !ok)
        return std::unexpected(ok.error());
    bytes.truncate(qsizetype(size));

    // Release pages and streams now; the loaded fonts stay for the next document.
    HPDF_FreeDoc(m_doc.get());
    return bytes;
}

std::expected<QString, QString> findFontFile(const QString &fileName, const QString &debianPackage)
{
    static const QStringList subfolders = {
        u"fonts/truetype/noto"_s, // Debian, Ubuntu (fonts-noto-core)
        u"fonts/noto"_s,          // Arch, Alpine
        u"fonts/google-noto"_s,   // Fedora
        u"fonts/truetype"_s,
        u"fonts"_s, // ~/.local/share/fonts
    };

    QStringList folders;
    const QString overrideDir = qEnvironmentVariable("CHECKIN_FONT_DIR");
    if (!overrideDir.isEmpty())
        folders.append(overrideDir);
    QStringList bases = QStandardPaths::standardLocations(QStandardPaths::GenericDataLocation);
    if (!bases.contains(u"/usr/share"_s))
        bases.append(u"/usr/share"_s);
    for (const QString &base : std::as_const(bases)) {
        for (const QString &sub : subfolders)
            folders.append(QDir(base).filePath(sub));
    }

    for (const QString &folder : std::as_const(folders)) {
        const QFileInfo candidate(QDir(folder).filePath(fileName));
        if (candidate.isFile() && candidate.isReadable())
            return candidate.absoluteFilePath();
    }
    return std::unexpected(
        u"cannot find the font file %1 in /usr/share/fonts/truetype/noto or any other standard "
        "font folder: install the Debian package %2 (apt install %2)"_s.arg(fileName, debianPackage));
}

QString describeHpdfError(HPDF_STATUS code, HPDF_STATUS detail)
{
    QString what;
    switch (code) {
    case HPDF_FAILD_TO_ALLOC_MEM:
        what = u"out of memory"_s;
        break;
    case HPDF_FILE_OPEN_ERROR:
        what = u"cannot open the file"_s;
        break;
    case HPDF_FILE_IO_ERROR:
        what = u"cannot read or write the file"_s;
        break;
    case HPDF_TTF_INVALID_CMAP:
    case HPDF_TTF_INVALID_FOMAT:
    case HPDF_TTF_MISSING_TABLE:
    case HPDF_UNSUPPORTED_FONT_TYPE:
    case HPDF_INVALID_TTC_FILE:
        what = u"the font file is not a usable TrueType font (reinstall the font package)"_s;
        break;
    case HPDF_TTF_CANNOT_EMBEDDING_FONT:
        what = u"the font's licence does not allow embedding it in a PDF"_s;
        break;
    default:
        what = u"internal PDF library failure"_s;
        break;
    }
    return u"%1 (libharu error 0x%2, detail %3)"_s.arg(what)
        .arg(qulonglong(code), 4, 16, QChar(u'0'))
        .arg(qulonglong(detail));
}

namespace {

HPDF_STATUS writeFlateFilter(HPDF_Dict, HPDF_Stream stream)
{
    return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

} // namespace

std::expected<void, QString> deflatePageFast(HPDF_Page page)
{
    const auto attr = static_cast<HPDF_PageAttr>(page->attr);
    HPDF_Dict contents = attr->contents;
    HPDF_Stream stream = contents ? contents->stream : nullptr;
    // Only a plain memory stream that libharu would deflate itself, and whose dictionary has no writer of its own.
    if (!stream || stream->type != HPDF_STREAM_MEMORY || !(contents->filter & HPDF_STREAM_FILTER_FLATE_DECODE)
        || contents->write_fn)
        return {};

    QByteArray raw;
    raw.reserve(qsizetype(stream->size));
    const HPDF_UINT chunks = HPDF_MemStream_GetBufCount(stream);
    for (HPDF_UINT i = 0; i < chunks; ++i) {
        HPDF_UINT length = 0;
        const HPDF_BYTE *chunk = HPDF_MemStream_GetBufPtr(stream, i, &length);
        if (chunk)
            raw.append(reinterpret_cast<const char *>(chunk), qsizetype(length));
    }
    if (raw.size() != qsizetype(stream->size))
        return std::unexpected(u"reading back the page's content (%1 of %2 bytes)"_s.arg(raw.size()).arg(stream->size));
    // qCompress() is zlib's compress2(): a zlib stream, which is what FlateDecode reads, after a 4-byte size.
    const QByteArray deflated = qCompress(raw, 1).sliced(4);

    HPDF_MemStream_FreeData(stream);
    if (HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE *>(deflated.constData()), HPDF_UINT(deflated.size()))
        != HPDF_OK)
        return std::unexpected(u"writing the compressed page"_s);
    contents->filter = HPDF_STREAM_FILTER_NONE; // libharu now copies the bytes as they are …
    contents->write_fn = writeFlateFilter;      // … and this adds the /Filter it then leaves out
    return {};
}

} // namespace checkin::pdf
