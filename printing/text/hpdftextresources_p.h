#pragma once

// Internal to checkin_text: the PDF objects drawLine() shares across the pages of one libharu document.

#include "printing/text/fontlibrary_p.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringView>

#include <hpdf.h>

#include <deque>
#include <expected>
#include <memory>
#include <utility>
#include <vector>

namespace checkin::text {

// What drawLine() writes once per document and then refers to by name:
// - every distinct glyph outline (face, glyph id) as a Form XObject "G<n>" in glyph space of 1/1000 em,
//   listed in one XObject resource dictionary that all the document's pages share;
// - the invisible text layer's Type 3 fonts (255 characters each, shared by every line of the document).
//
// Lifetime: the object belongs to the libharu document, not to the HPDF_Doc handle. It is created on
// the first drawLine() into a document and deleted by libharu itself when that document's objects are
// freed (HPDF_FreeDoc, HPDF_NewDoc, HPDF_Free): the first object it adds to the document carries a free
// callback. HpdfDocument::begin() starts every document on the same handle, and the new document's
// cross-reference table may even get the address of the old one; nothing can find a freed cache, so no
// document ever names an object of another.
//
// Threading: a document is used by one thread at a time, and so is its cache; only the lookup from a
// page to its document's cache is shared between threads and is locked.
class HpdfTextResources
{
    Q_DISABLE_COPY_MOVE(HpdfTextResources)

public:
    // One character of the text layer: the page's resource name of its font and its code in that font.
    struct TextCode
    {
        QByteArray fontName;
        quint8 code = 0;
    };

    // The cache of the page's document, created on first use.
    [[nodiscard]] static std::expected<HpdfTextResources *, QString> of(HPDF_Page page);

    // The resource name of the Form XObject drawing the glyph at 1000 units per em, added to the page's
    // resources, its outline written the first time the document needs it. Empty when the glyph has no
    // ink, or when libharu's limit of 4095 entries per dictionary leaves no room (the caller then draws
    // the outline inline).
    [[nodiscard]] std::expected<QByteArray, QString> glyph(HPDF_Page page,
                                                           const std::shared_ptr<FontLibraryPrivate> &fonts, int fontId,
                                                           quint32 glyphId);

    // The text-layer font and code for one character (one or two UTF-16 units), added to the page's resources.
    [[nodiscard]] std::expected<TextCode, QString> character(HPDF_Page page, QStringView character);

    // The text layer's glyphs are this wide in glyph space (1/1000 em): poppler takes the size of a
    // Type 3 font's text from the width of its first glyph, reading 500 as "an average letter of the
    // font size", so its words come out exactly as tall as the font size says.
    static constexpr int kTextGlyphWidth = 500;

private:
    struct GlyphForm;
    struct TextFont;
    struct PageState
    {
        bool sharesXObjects = false;  // the page's XObject resources are m_xobjects
        QSet<int> ownXObjects;        // otherwise: forms added to the page's own dictionary
        QHash<int, QByteArray> fonts; // text-layer font index → the page's resource name
    };

    HpdfTextResources(HPDF_Page page, HPDF_Dict emptyGlyph);
    ~HpdfTextResources();

    static void documentFreed(HPDF_Dict anchor);
    static HPDF_STATUS writeToUnicode(HPDF_Dict toUnicode);
    static HPDF_STATUS beginFormStream(HPDF_Dict form, HPDF_Stream out);
    static HPDF_STATUS writeFormStream(HPDF_Dict form);
    [[nodiscard]] QString libharuError(const char *step) const;
    [[nodiscard]] std::expected<int, QString> createGlyph(FontFace *face, quint32 glyphId);
    [[nodiscard]] std::expected<TextFont *, QString> createTextFont();
    [[nodiscard]] std::expected<HPDF_Dict, QString> pageXObjects(HPDF_Page page, PageState &state);

    HPDF_MMgr m_mmgr = nullptr;
    HPDF_Error m_error = nullptr;
    HPDF_Xref m_xref = nullptr;
    bool m_deflate = false;
    HPDF_Dict m_emptyGlyph = nullptr;     // the text layer's only glyph procedure; owns this object
    HPDF_Dict m_fontDescriptor = nullptr; // shared by the text-layer fonts
    HPDF_Dict m_xobjects = nullptr;       // the pages' shared XObject resources: every "G<n>"

    // Keeps the faces alive (and their addresses unique) as long as the document names their glyphs.
    std::vector<std::shared_ptr<FontLibraryPrivate>> m_libraries;
    QHash<std::pair<const FontFace *, quint32>, int> m_glyphIndex; // → index in m_glyphs; -1 no ink, -2 inline
    std::deque<GlyphForm> m_glyphs;                                // stable addresses: libharu holds them

    QHash<QString, std::pair<int, quint8>> m_codes; // character → text-layer font index, code
    std::vector<std::unique_ptr<TextFont>> m_textFonts;

    QHash<HPDF_Page, PageState> m_pages;
};

} // namespace checkin::text
