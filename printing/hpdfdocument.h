#pragma once

// Private to printing/: RAII and error handling around one libharu document handle.
// Includes <hpdf.h>, so it must never be included from a public header.

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringView>

#include <hpdf.h>

#include <expected>
#include <memory>
#include <type_traits>

namespace checkin::pdf {

// A TrueType font usable in the current document: the per-document font object and its parsed definition.
struct TrueTypeFont
{
    HPDF_Font font = nullptr;   // valid until the next HpdfDocument::begin()
    HPDF_FontDef def = nullptr; // lives as long as the HpdfDocument

    /// True when every character of the (NFC) text has a glyph in this font; non-BMP characters never do.
    [[nodiscard]] bool covers(QStringView text) const;
    /// Advance width of UTF-8 text at the given size in points (no character or word spacing).
    [[nodiscard]] float width(const QByteArray &utf8, float size) const;
};

// Owns one libharu handle (HPDF_Free on destruction). libharu reports errors through a handler that
// only records them here (no longjmp, nothing thrown through C); callers check() after each step.
// begin() starts a new document on the same handle: libharu then keeps the parsed TrueType fonts,
// so a long-running process pays for font loading once. Not thread-safe: one instance per thread.
class HpdfDocument
{
public:
    HpdfDocument();
    ~HpdfDocument();
    Q_DISABLE_COPY_MOVE(HpdfDocument)

    /// Starts a new, empty, compressed document with UTF-8 text, keeping fonts loaded for earlier ones.
    [[nodiscard]] std::expected<void, QString> begin();
    /// The libharu handle for drawing calls.
    [[nodiscard]] HPDF_Doc handle() const { return m_doc.get(); }
    /// An embedded TrueType font taking UTF-8 text; the file is parsed at most once per HpdfDocument.
    [[nodiscard]] std::expected<TrueTypeFont, QString> trueTypeFont(const QString &path);
    /// Ok, or the first libharu error recorded since the last check, described for staff with the step named.
    [[nodiscard]] std::expected<void, QString> check(QStringView step);
    /// The finished document as PDF bytes; its pages are released afterwards (fonts stay loaded).
    [[nodiscard]] std::expected<QByteArray, QString> save();

private:
    struct Failure
    {
        HPDF_STATUS code = HPDF_OK;
        HPDF_STATUS detail = HPDF_OK;
    };
    struct Free
    {
        void operator()(HPDF_Doc doc) const { HPDF_Free(doc); }
    };

    static void HPDF_STDCALL recordError(HPDF_STATUS code, HPDF_STATUS detail, void *userData);

    std::unique_ptr<Failure> m_failure; // libharu holds its address as user data: keep it stable
    std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, Free> m_doc;
    QHash<QString, QByteArray> m_fontNames; // font file path → libharu font name
    bool m_utfEncodingsEnabled = false;
};

/// Compresses a finished page's content stream at zlib level 1 instead of libharu's level 6 (four times faster for
/// pages of glyph outlines, files about 25 % larger). Call once, after the page's last drawing operation.
[[nodiscard]] std::expected<void, QString> deflatePageFast(HPDF_Page page);

/// Finds a font file (e.g. "NotoSans-Regular.ttf") in the standard font folders; the error names the Debian package.
[[nodiscard]] std::expected<QString, QString> findFontFile(const QString &fileName, const QString &debianPackage);

/// Describes a libharu error code for staff ("the font file is not a usable TrueType font").
[[nodiscard]] QString describeHpdfError(HPDF_STATUS code, HPDF_STATUS detail);

} // namespace checkin::pdf
