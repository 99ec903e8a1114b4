#include "printing/text/hpdftextresources_p.h"

// libharu 2.3 has no API for Form XObjects made of paths or for Type 3 fonts; its installed internal
// headers expose the object functions it builds its own objects with.
#include <hpdf_encrypt.h>
#include <hpdf_encryptdict.h>
#include <hpdf_error.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <unordered_map>

using namespace Qt::StringLiterals;

namespace checkin::text {

namespace {

// Page → document is the page's cross-reference table (attr->xref). An entry lives exactly as long as
// that table's objects: the anchor object's free callback removes it before libharu frees the table,
// so a later document whose table reuses the address starts with nothing. Never destroyed: documents
// may be freed by static objects after main() returns.
struct Registry
{
    std::mutex mutex;
    std::unordered_map<HPDF_Xref, HpdfTextResources *> caches;
};

Registry &registry()
{
    static auto *instance = new Registry;
    return *instance;
}

HPDF_Array numberArray(HPDF_MMgr mmgr, std::initializer_list<HPDF_INT32> values)
{
    HPDF_Array array = HPDF_Array_New(mmgr);
    if (array)
        for (const HPDF_INT32 value : values)
            HPDF_Array_AddNumber(array, value);
    return array;
}

HPDF_Array realArray(HPDF_MMgr mmgr, std::initializer_list<double> values)
{
    HPDF_Array array = HPDF_Array_New(mmgr);
    if (array)
        for (const double value : values)
            HPDF_Array_AddReal(array, HPDF_REAL(value));
    return array;
}

HPDF_STATUS writeBytes(HPDF_Stream stream, const QByteArray &bytes)
{
    return HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE *>(bytes.constData()), HPDF_UINT(bytes.size()));
}

void appendUtf16Hex(QByteArray &out, QStringView text)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        out += hex[(u >> 12) & 0xF];
        out += hex[(u >> 8) & 0xF];
        out += hex[(u >> 4) & 0xF];
        out += hex[u & 0xF];
    }
}

QByteArray hexByte(int value)
{
    return QByteArray::number(value, 16).rightJustified(2, '0').toUpper();
}

// The ToUnicode CMap: code n (one byte) is characters[n - 1].
QByteArray toUnicodeCMap(const QList<QString> &characters)
{
    QByteArray cmap = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                      "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n";
    for (qsizetype first = 0; first < characters.size(); first += 100) {
        const qsizetype count = std::min<qsizetype>(100, characters.size() - first);
        cmap += QByteArray::number(count) + " beginbfchar\n";
        for (qsizetype i = first; i < first + count; ++i) {
            cmap += '<' + hexByte(int(i + 1)) + "> <";
            appendUtf16Hex(cmap, characters[i]);
            cmap += ">\n";
        }
        cmap += "endbfchar\n";
    }
    cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return cmap;
}

} // namespace

// One Type 3 font of the text layer. Its arrays grow as characters arrive; the ToUnicode stream is
// written when libharu writes the document (writeToUnicode), so it lists every code.
struct HpdfTextResources::TextFont
{
    HPDF_Dict dict = nullptr;
    HPDF_Array differences = nullptr;
    HPDF_Array widths = nullptr;
    HPDF_Dict charProcs = nullptr;
    HPDF_Number lastChar = nullptr;
    HPDF_Dict toUnicode = nullptr;
    QList<QString> characters; // code n is characters[n - 1]
};

// One glyph outline as a Form XObject. libharu writes a stream's /Length as a separate object and
// deflates each stream as it saves; the forms are many and small, so they are written here instead:
// content deflated once per glyph for the life of the font library (GlyphOutline::deflatedForm), a
// direct /Length, and the stream appended by the dictionary's write hooks (libharu writes "<<", the
// entries, write_fn, ">>", then calls after_write_fn; HPDF_Xref_WriteToStream adds "endobj").
struct HpdfTextResources::GlyphForm
{
    HpdfTextResources *owner = nullptr;
    HPDF_Dict dict = nullptr;
    QByteArray content;             // the stream's bytes as stored (deflated), before encryption
    HPDF_Stream out = nullptr;      // where the dictionary is being written, between the two hooks
    HPDF_Encrypt encrypt = nullptr; // the document's encryption, when it has a password
};

HpdfTextResources::HpdfTextResources(HPDF_Page page, HPDF_Dict emptyGlyph)
    : m_mmgr(page->mmgr)
    , m_error(page->error)
    , m_xref(static_cast<HPDF_PageAttr>(page->attr)->xref)
    , m_emptyGlyph(emptyGlyph)
{
    const auto attr = static_cast<HPDF_PageAttr>(page->attr);
    m_deflate = attr->contents && attr->contents->filter != HPDF_STREAM_FILTER_NONE;
}

HpdfTextResources::~HpdfTextResources() = default;

QString HpdfTextResources::libharuError(const char *step) const
{
    return u"libharu error 0x%1 while %2."_s.arg(qulonglong(HPDF_Error_GetCode(m_error)), 4, 16, QChar(u'0'))
        .arg(QLatin1StringView(step));
}

std::expected<HpdfTextResources *, QString> HpdfTextResources::of(HPDF_Page page)
{
    const HPDF_Xref xref = static_cast<HPDF_PageAttr>(page->attr)->xref;
    Registry &r = registry();
    std::lock_guard lock(r.mutex);
    if (const auto it = r.caches.find(xref); it != r.caches.end())
        return it->second;

    // The anchor: the text layer's empty glyph procedure, an object every document with text needs.
    // libharu frees it with the document's other objects, and its free callback deletes the cache.
    HPDF_Dict emptyGlyph = HPDF_DictStream_New(page->mmgr, xref);
    // "wx 0 d0": the advance of a glyph that paints nothing (PDF 32000-1:2008, 9.6.5).
    const QByteArray proc = QByteArray::number(kTextGlyphWidth) + " 0 d0\n";
    if (!emptyGlyph || writeBytes(emptyGlyph->stream, proc) != HPDF_OK)
        return std::unexpected(u"libharu error 0x%1 while adding the text layer."_s.arg(
            qulonglong(HPDF_Error_GetCode(page->error)), 4, 16, QChar(u'0')));
    auto *cache = new HpdfTextResources(page, emptyGlyph);
    emptyGlyph->attr = cache;
    emptyGlyph->free_fn = &HpdfTextResources::documentFreed;
    r.caches.emplace(xref, cache);
    return cache;
}

void HpdfTextResources::documentFreed(HPDF_Dict anchor)
{
    // Called by libharu inside HPDF_FreeDoc (from whichever thread frees the document): forget the
    // document before its cross-reference table can be freed and its address reused.
    auto *cache = static_cast<HpdfTextResources *>(anchor->attr);
    anchor->attr = nullptr;
    anchor->free_fn = nullptr;
    if (!cache)
        return;
    {
        Registry &r = registry();
        std::lock_guard lock(r.mutex);
        if (const auto it = r.caches.find(cache->m_xref); it != r.caches.end() && it->second == cache)
            r.caches.erase(it);
    }
    delete cache;
}

HPDF_STATUS HpdfTextResources::beginFormStream(HPDF_Dict form, HPDF_Stream out)
{
    auto *glyph = static_cast<GlyphForm *>(form->attr);
    glyph->out = out;
    // With a password, libharu has put the encryption dictionary into the trailer before writing any
    // object, and has keyed its cipher to this object's number (HPDF_Xref_WriteToStream).
    const auto encryptDict = static_cast<HPDF_EncryptDict>(
        HPDF_Dict_GetItem(glyph->owner->m_xref->trailer, "Encrypt", HPDF_OCLASS_DICT));
    glyph->encrypt = encryptDict ? HPDF_EncryptDict_GetAttr(encryptDict) : nullptr;
    return HPDF_OK;
}

HPDF_STATUS HpdfTextResources::writeFormStream(HPDF_Dict form)
{
    auto *glyph = static_cast<GlyphForm *>(form->attr);
    HPDF_Stream out = std::exchange(glyph->out, nullptr);
    if (!out)
        return HPDF_SetError(glyph->owner->m_error, HPDF_INVALID_OPERATION, 0);
    QByteArray bytes = glyph->content;
    if (glyph->encrypt) {
        // RC4, as libharu 2.3 encrypts: same length, so the direct /Length holds.
        const QByteArray plain = bytes;
        HPDF_Encrypt_Reset(glyph->encrypt);
        HPDF_Encrypt_CryptBuf(glyph->encrypt, reinterpret_cast<const HPDF_BYTE *>(plain.constData()),
                              reinterpret_cast<HPDF_BYTE *>(bytes.data()), HPDF_UINT(plain.size()));
    }
    HPDF_STATUS status = HPDF_Stream_WriteStr(out, "\nstream\r\n"); // as libharu writes it (Acrobat 8 wants \r\n)
    status |= writeBytes(out, bytes);
    status |= HPDF_Stream_WriteStr(out, "\nendstream");
    return status;
}

std::expected<int, QString> HpdfTextResources::createGlyph(FontFace *face, quint32 glyphId)
{
    const GlyphOutline &outline = face->outline(glyphId);
    if (outline.path.isEmpty())
        return -1;
    if (!m_xobjects) {
        m_xobjects = HPDF_Dict_New(m_mmgr);
        if (!m_xobjects || HPDF_Xref_Add(m_xref, m_xobjects) != HPDF_OK) { // Xref_Add frees it when it fails
            m_xobjects = nullptr;
            return std::unexpected(libharuError("adding the glyph outlines"));
        }
    }
    if (m_xobjects->list->count >= HPDF_LIMIT_MAX_DICT_ELEMENT)
        return -2; // libharu's limit for one dictionary: this glyph draws inline

    int margin = std::max(2, face->unitsPerEm / 50);
    const int stroke = int(std::lround(0.035 * face->unitsPerEm));
    if (face->syntheticBold)
        margin += stroke;
    QByteArray content = outline.deflatedForm;
    if (content.isEmpty() || !m_deflate) {
        content = outline.path;
        // No Bold file for this script: thicken the regular outline with a stroke in the fill colour (a
        // form inherits the page's colours, and its dash pattern unless it sets one).
        content += face->syntheticBold ? "1 j [] 0 d " + QByteArray::number(stroke) + " w B\n" : QByteArray("f\n");
        if (m_deflate) {
            content = qCompress(content, 9).mid(4); // a zlib stream after Qt's 4-byte length: FlateDecode
            outline.deflatedForm = content;
        }
    }

    GlyphForm &glyph = m_glyphs.emplace_back();
    glyph.owner = this;
    glyph.content = content;
    glyph.dict = HPDF_Dict_New(m_mmgr);
    if (!glyph.dict || HPDF_Xref_Add(m_xref, glyph.dict) != HPDF_OK) {
        m_glyphs.pop_back();
        return std::unexpected(libharuError("adding a glyph outline"));
    }
    const int index = int(m_glyphs.size() - 1);
    HPDF_STATUS status = HPDF_Dict_AddName(glyph.dict, "Subtype", "Form");
    // The ink box with room for the stroke and antialiasing: a form is clipped to its BBox.
    status |= HPDF_Dict_Add(glyph.dict, "BBox",
                            numberArray(m_mmgr, {outline.xMin - margin, outline.yMin - margin, outline.xMax + margin,
                                                 outline.yMax + margin}));
    if (face->unitsPerEm != 1000) {
        const double scale = 1000.0 / face->unitsPerEm;
        status |= HPDF_Dict_Add(glyph.dict, "Matrix", realArray(m_mmgr, {scale, 0, 0, scale, 0, 0}));
    }
    status |= HPDF_Dict_AddNumber(glyph.dict, "Length", HPDF_INT32(content.size()));
    if (m_deflate)
        status |= HPDF_Dict_AddName(glyph.dict, "Filter", "FlateDecode");
    const QByteArray name = 'G' + QByteArray::number(index);
    status |= HPDF_Dict_Add(m_xobjects, name.constData(), glyph.dict);
    if (status != HPDF_OK)
        return std::unexpected(libharuError("adding a glyph outline"));
    glyph.dict->attr = &glyph;
    glyph.dict->write_fn = &HpdfTextResources::beginFormStream;
    glyph.dict->after_write_fn = &HpdfTextResources::writeFormStream;
    return index;
}

std::expected<HPDF_Dict, QString> HpdfTextResources::pageXObjects(HPDF_Page page, PageState &state)
{
    if (state.sharesXObjects)
        return m_xobjects;
    const auto attr = static_cast<HPDF_PageAttr>(page->attr);
    if (attr->xobjects)
        return attr->xobjects; // an image came first: the page has its own dictionary
    // Made the way HPDF_Page_GetXObjectName makes it, so that images libharu draws later on the page
    // land in the same dictionary (its names are "X<n>", ours "G<n>").
    const auto resources = static_cast<HPDF_Dict>(HPDF_Page_GetInheritableItem(page, "Resources", HPDF_OCLASS_DICT));
    if (!resources || HPDF_Dict_Add(resources, "XObject", m_xobjects) != HPDF_OK)
        return std::unexpected(libharuError("adding the glyph outlines to the page"));
    attr->xobjects = m_xobjects;
    state.sharesXObjects = true;
    return m_xobjects;
}

std::expected<QByteArray, QString> HpdfTextResources::glyph(HPDF_Page page,
                                                            const std::shared_ptr<FontLibraryPrivate> &fonts,
                                                            int fontId, quint32 glyphId)
{
    FontFace *face = fonts->face(fontId);
    const auto key = std::pair<const FontFace *, quint32>(face, glyphId);
    auto it = m_glyphIndex.constFind(key);
    if (it == m_glyphIndex.constEnd()) {
        if (std::find(m_libraries.cbegin(), m_libraries.cend(), fonts) == m_libraries.cend())
            m_libraries.push_back(fonts);
        const auto created = createGlyph(face, glyphId);
        if (!created)
            return std::unexpected(created.error());
        it = m_glyphIndex.insert(key, *created);
    }
    const int index = *it;
    if (index < 0)
        return QByteArray();

    QByteArray name = 'G' + QByteArray::number(index);
    PageState &state = m_pages[page];
    if (state.sharesXObjects || state.ownXObjects.contains(index))
        return name;
    const auto xobjects = pageXObjects(page, state);
    if (!xobjects)
        return std::unexpected(xobjects.error());
    if (*xobjects == m_xobjects)
        return name;
    if ((*xobjects)->list->count >= HPDF_LIMIT_MAX_DICT_ELEMENT)
        return QByteArray();
    if (HPDF_Dict_Add(*xobjects, name.constData(), m_glyphs[size_t(index)].dict) != HPDF_OK)
        return std::unexpected(libharuError("adding a glyph outline to the page"));
    state.ownXObjects.insert(index);
    return name;
}

std::expected<HpdfTextResources::TextFont *, QString> HpdfTextResources::createTextFont()
{
    if (!m_fontDescriptor) {
        // Ascent and descent of the em box: poppler makes its word boxes this tall (without a
        // descriptor, 0.95 and -0.35 of the size, so that lines set close together overlap).
        HPDF_Dict descriptor = HPDF_Dict_New(m_mmgr);
        if (!descriptor || HPDF_Xref_Add(m_xref, descriptor) != HPDF_OK) // Xref_Add frees it when it fails
            return std::unexpected(libharuError("adding the text layer font descriptor"));
        HPDF_STATUS status = HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
        status |= HPDF_Dict_AddName(descriptor, "FontName", "CheckinTextLayer");
        status |= HPDF_Dict_AddNumber(descriptor, "Flags", 4); // symbolic: characters beyond Adobe's Latin set
        status |= HPDF_Dict_Add(descriptor, "FontBBox", numberArray(m_mmgr, {0, -200, kTextGlyphWidth, 800}));
        status |= HPDF_Dict_AddNumber(descriptor, "ItalicAngle", 0);
        status |= HPDF_Dict_AddNumber(descriptor, "Ascent", 800);
        status |= HPDF_Dict_AddNumber(descriptor, "Descent", -200);
        if (status != HPDF_OK)
            return std::unexpected(libharuError("adding the text layer font descriptor"));
        m_fontDescriptor = descriptor;
    }

    auto font = std::make_unique<TextFont>();
    font->dict = HPDF_Dict_New(m_mmgr);
    if (!font->dict || HPDF_Xref_Add(m_xref, font->dict) != HPDF_OK)
        return std::unexpected(libharuError("adding a text layer font"));
    font->toUnicode = HPDF_DictStream_New(m_mmgr, m_xref);
    font->charProcs = HPDF_Dict_New(m_mmgr);
    HPDF_Dict encoding = HPDF_Dict_New(m_mmgr);
    font->differences = HPDF_Array_New(m_mmgr);
    font->widths = HPDF_Array_New(m_mmgr);
    font->lastChar = HPDF_Number_New(m_mmgr, 0);
    HPDF_Dict resources = HPDF_Dict_New(m_mmgr);
    if (!font->toUnicode || !font->charProcs || !encoding || !font->differences || !font->widths || !font->lastChar
        || !resources)
        return std::unexpected(libharuError("adding a text layer font"));
    font->toUnicode->attr = font.get();
    font->toUnicode->before_write_fn = &HpdfTextResources::writeToUnicode;
    if (m_deflate)
        font->toUnicode->filter = HPDF_STREAM_FILTER_FLATE_DECODE;

    HPDF_STATUS status = HPDF_Array_AddNumber(font->differences, 1);
    status |= HPDF_Dict_AddName(encoding, "Type", "Encoding");
    status |= HPDF_Dict_Add(encoding, "Differences", font->differences);
    status |= HPDF_Dict_AddName(font->dict, "Type", "Font");
    status |= HPDF_Dict_AddName(font->dict, "Subtype", "Type3");
    // Glyph space is 1/1000 em; every glyph is kTextGlyphWidth wide and paints nothing. The box is the
    // em box over that width, as in the font descriptor.
    status |= HPDF_Dict_Add(font->dict, "FontBBox", numberArray(m_mmgr, {0, -200, kTextGlyphWidth, 800}));
    status |= HPDF_Dict_Add(font->dict, "FontMatrix", realArray(m_mmgr, {0.001, 0, 0, 0.001, 0, 0}));
    status |= HPDF_Dict_Add(font->dict, "CharProcs", font->charProcs);
    status |= HPDF_Dict_Add(font->dict, "Encoding", encoding);
    status |= HPDF_Dict_AddNumber(font->dict, "FirstChar", 1);
    status |= HPDF_Dict_Add(font->dict, "LastChar", font->lastChar);
    status |= HPDF_Dict_Add(font->dict, "Widths", font->widths);
    status |= HPDF_Dict_Add(font->dict, "FontDescriptor", m_fontDescriptor);
    status |= HPDF_Dict_Add(font->dict, "Resources", resources);
    status |= HPDF_Dict_Add(font->dict, "ToUnicode", font->toUnicode);
    if (status != HPDF_OK)
        return std::unexpected(libharuError("adding a text layer font"));
    m_textFonts.push_back(std::move(font));
    return m_textFonts.back().get();
}

HPDF_STATUS HpdfTextResources::writeToUnicode(HPDF_Dict toUnicode)
{
    // Called by libharu as it writes the stream's dictionary, i.e. once every code is known. A document
    // saved twice rewrites the whole map.
    const auto *font = static_cast<const TextFont *>(toUnicode->attr);
    if (!font)
        return HPDF_OK;
    HPDF_MemStream_FreeData(toUnicode->stream);
    return writeBytes(toUnicode->stream, toUnicodeCMap(font->characters));
}

std::expected<HpdfTextResources::TextCode, QString> HpdfTextResources::character(HPDF_Page page, QStringView character)
{
    auto it = m_codes.constFind(character.toString());
    if (it == m_codes.constEnd()) {
        TextFont *font = m_textFonts.empty() ? nullptr : m_textFonts.back().get();
        if (!font || font->characters.size() >= 255) {
            const auto created = createTextFont();
            if (!created)
                return std::unexpected(created.error());
            font = *created;
        }
        font->characters.append(character.toString());
        const auto code = quint8(font->characters.size());
        const QByteArray glyphName = 'g' + QByteArray::number(code);
        HPDF_STATUS status = HPDF_Array_AddName(font->differences, glyphName.constData());
        status |= HPDF_Dict_Add(font->charProcs, glyphName.constData(), m_emptyGlyph);
        status |= HPDF_Array_AddNumber(font->widths, kTextGlyphWidth);
        HPDF_Number_SetValue(font->lastChar, code);
        if (status != HPDF_OK)
            return std::unexpected(libharuError("adding a character to the text layer"));
        it = m_codes.insert(character.toString(), {int(m_textFonts.size() - 1), code});
    }
    const auto [fontIndex, code] = *it;

    PageState &state = m_pages[page];
    auto name = state.fonts.constFind(fontIndex);
    if (name == state.fonts.constEnd()) {
        const char *local = HPDF_Page_GetLocalFontName(
            page, reinterpret_cast<HPDF_Font>(m_textFonts[size_t(fontIndex)]->dict));
        if (!local)
            return std::unexpected(libharuError("adding the text layer font to the page"));
        name = state.fonts.insert(fontIndex, QByteArray(local));
    }
    return TextCode{*name, code};
}

} // namespace checkin::text
