#include "printing/text/fontlibrary.h"

#include "printing/text/fontlibrary_p.h"
#include "printing/text/textshaper.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include FT_OUTLINE_H
#include FT_BBOX_H

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcText, "checkin.printing.text", QtInfoMsg)

namespace checkin::text {

namespace {

void appendNumber(QByteArray &out, double value)
{
    const double rounded = std::round(value);
    if (std::abs(value - rounded) < 0.005) {
        out += QByteArray::number(qint64(rounded));
    } else {
        QByteArray number = QByteArray::number(value, 'f', 2);
        while (number.endsWith('0'))
            number.chop(1);
        out += number;
    }
}

// FT_Outline_Decompose callbacks writing PDF path operators; quadratic (TrueType) segments become cubics.
struct PathWriter
{
    QByteArray *out;
    double x = 0;
    double y = 0;

    void point(double px, double py)
    {
        appendNumber(*out, px);
        *out += ' ';
        appendNumber(*out, py);
        *out += ' ';
    }

    static int moveTo(const FT_Vector *to, void *user)
    {
        auto *w = static_cast<PathWriter *>(user);
        w->point(to->x, to->y);
        *w->out += "m\n";
        w->x = to->x;
        w->y = to->y;
        return 0;
    }
    static int lineTo(const FT_Vector *to, void *user)
    {
        auto *w = static_cast<PathWriter *>(user);
        w->point(to->x, to->y);
        *w->out += "l\n";
        w->x = to->x;
        w->y = to->y;
        return 0;
    }
    static int conicTo(const FT_Vector *control, const FT_Vector *to, void *user)
    {
        auto *w = static_cast<PathWriter *>(user);
        // Degree elevation: a quadratic P0,Q,P2 is the cubic P0, P0+2/3(Q-P0), P2+2/3(Q-P2), P2.
        w->point(w->x + 2.0 / 3.0 * (control->x - w->x), w->y + 2.0 / 3.0 * (control->y - w->y));
        w->point(to->x + 2.0 / 3.0 * (control->x - to->x), to->y + 2.0 / 3.0 * (control->y - to->y));
        w->point(to->x, to->y);
        *w->out += "c\n";
        w->x = to->x;
        w->y = to->y;
        return 0;
    }
    static int cubicTo(const FT_Vector *c1, const FT_Vector *c2, const FT_Vector *to, void *user)
    {
        auto *w = static_cast<PathWriter *>(user);
        w->point(c1->x, c1->y);
        w->point(c2->x, c2->y);
        w->point(to->x, to->y);
        *w->out += "c\n";
        w->x = to->x;
        w->y = to->y;
        return 0;
    }
};

QString cjkFamily(CjkVariant variant)
{
    switch (variant) {
    case CjkVariant::Japanese:
        return u"CJK JP"_s;
    case CjkVariant::Korean:
        return u"CJK KR"_s;
    case CjkVariant::SimplifiedChinese:
        return u"CJK SC"_s;
    case CjkVariant::TraditionalChinese:
        return u"CJK TC"_s;
    case CjkVariant::HongKong:
        return u"CJK HK"_s;
    }
    return u"CJK SC"_s;
}

} // namespace

FontFace::~FontFace()
{
    if (hbFont)
        hb_font_destroy(hbFont);
    if (ftFace)
        FT_Done_Face(ftFace);
}

bool FontFace::hasCharacter(char32_t c) const
{
    hb_codepoint_t glyph = 0;
    return hb_font_get_nominal_glyph(hbFont, c, &glyph) && glyph != 0;
}

const GlyphOutline &FontFace::outline(quint32 glyphId)
{
    if (const auto it = m_outlines.find(glyphId); it != m_outlines.end())
        return it->second;

    GlyphOutline result;
    // NO_SCALE keeps font units: unhinted, exact, and one cached path serves every size.
    if (FT_Load_Glyph(ftFace, glyphId, FT_LOAD_NO_SCALE | FT_LOAD_NO_BITMAP) == 0
        && ftFace->glyph->format == FT_GLYPH_FORMAT_OUTLINE && ftFace->glyph->outline.n_points > 0) {
        FT_Outline *outline = &ftFace->glyph->outline;
        PathWriter writer{&result.path};
        FT_Outline_Funcs funcs{};
        funcs.move_to = &PathWriter::moveTo;
        funcs.line_to = &PathWriter::lineTo;
        funcs.conic_to = &PathWriter::conicTo;
        funcs.cubic_to = &PathWriter::cubicTo;
        if (FT_Outline_Decompose(outline, &funcs, &writer) != 0) {
            qCWarning(lcText) << "cannot decompose glyph" << glyphId << "of" << fileName;
            result.path.clear();
        }
        FT_BBox box{};
        FT_Outline_Get_BBox(outline, &box);
        result.xMin = int(box.xMin);
        result.yMin = int(box.yMin);
        result.xMax = int(box.xMax);
        result.yMax = int(box.yMax);
    }
    return m_outlines.emplace(glyphId, std::move(result)).first->second;
}

FontLibraryPrivate::FontLibraryPrivate(QStringList dirs)
    : directories(std::move(dirs))
{
    if (FT_Init_FreeType(&ft) != 0) {
        qCCritical(lcText) << "FreeType does not initialise";
        ft = nullptr;
    }
}

FontLibraryPrivate::~FontLibraryPrivate()
{
    faces.clear(); // every FT_Face before its library
    if (ft)
        FT_Done_FreeType(ft);
}

QString FontLibraryPrivate::findFile(const QString &fileName)
{
    if (const auto it = resolvedPaths.constFind(fileName); it != resolvedPaths.cend())
        return *it;
    QString found;
    for (const QString &dir : std::as_const(directories)) {
        const QString candidate = QDir(dir).filePath(fileName);
        if (QFileInfo(candidate).isFile()) {
            found = candidate;
            break;
        }
    }
    resolvedPaths.insert(fileName, found);
    return found;
}

int FontLibraryPrivate::openFace(const QString &fileName, const QString &family, int indexHint, bool syntheticBold)
{
    if (!ft)
        return -1;
    const QString path = findFile(fileName);
    if (path.isEmpty())
        return -1;
    const QByteArray native = QFile::encodeName(path);

    FT_Face ftFace = nullptr;
    int index = 0;
    if (family.isEmpty()) {
        if (FT_New_Face(ft, native.constData(), 0, &ftFace) != 0)
            ftFace = nullptr;
    } else {
        // A collection (Noto CJK .ttc): the face whose family names the wanted region.
        FT_Face probe = nullptr;
        if (FT_New_Face(ft, native.constData(), -1, &probe) != 0)
            return -1;
        const int count = int(probe->num_faces);
        FT_Done_Face(probe);
        // Try the usual position first: opening a CFF face of a 20 MB collection is not free.
        for (int n = -1; n < count && !ftFace; ++n) {
            const int i = n < 0 ? indexHint : n;
            if ((n >= 0 && i == indexHint) || i >= count)
                continue;
            FT_Face candidate = nullptr;
            if (FT_New_Face(ft, native.constData(), i, &candidate) != 0)
                continue;
            const QString name = QString::fromUtf8(candidate->family_name);
            if (name.contains(family) && !name.contains(u"Mono"_s)) {
                ftFace = candidate;
                index = i;
            } else {
                FT_Done_Face(candidate);
            }
        }
    }
    if (!ftFace) {
        qCWarning(lcText) << "cannot open font" << path << family;
        return -1;
    }

    hb_blob_t *blob = hb_blob_create_from_file_or_fail(native.constData());
    if (!blob) {
        FT_Done_Face(ftFace);
        qCWarning(lcText) << "HarfBuzz cannot map" << path;
        return -1;
    }
    hb_face_t *hbFace = hb_face_create(blob, unsigned(index));
    hb_blob_destroy(blob);
    hb_font_t *hbFont = hb_font_create(hbFace);
    hb_face_destroy(hbFace);

    auto face = std::make_unique<FontFace>();
    face->fileName = fileName;
    face->faceIndex = index;
    face->ftFace = ftFace;
    face->hbFont = hbFont;
    face->unitsPerEm = ftFace->units_per_EM > 0 ? ftFace->units_per_EM : 1000;
    hb_font_set_scale(hbFont, face->unitsPerEm, face->unitsPerEm);
    face->ascender = ftFace->ascender;
    face->descender = -double(ftFace->descender);
    face->syntheticBold = syntheticBold;
    faces.push_back(std::move(face));
    qCDebug(lcText) << "opened" << fileName << "face" << index << (syntheticBold ? "(synthetic bold)" : "");
    return int(faces.size()) - 1;
}

int FontLibraryPrivate::faceId(const FaceSpec &spec)
{
    if (spec.resolvedId != FaceSpec::kUnresolved)
        return spec.resolvedId;
    const auto cached = [&](const QString &fileName, bool synthetic) {
        const QString key = fileName + u'#' + spec.family + (synthetic ? u"#b"_s : QString());
        if (const auto it = faceIds.constFind(key); it != faceIds.cend())
            return *it;
        const int id = openFace(fileName, spec.family, spec.faceIndex, synthetic);
        faceIds.insert(key, id);
        return id;
    };
    const QString regular = spec.stem + u"-Regular."_s + spec.extension;
    int id = spec.bold ? cached(spec.stem + u"-Bold."_s + spec.extension, false) : -1;
    if (id < 0)
        id = cached(regular, spec.bold);
    if (id < 0 && spec.warnIfMissing && !warnedMissing.contains(regular)) {
        warnedMissing.insert(regular);
        qCWarning(lcText) << "font" << regular << "not found in" << directories;
    }
    spec.resolvedId = id;
    return id;
}

int FontLibraryPrivate::baseFaceId(FontWeight weight)
{
    return faceId(chain(USCRIPT_LATIN, weight, CjkVariant::SimplifiedChinese).constFirst()); // NotoSans
}

const QList<FaceSpec> &FontLibraryPrivate::chain(UScriptCode script, FontWeight weight, CjkVariant cjk)
{
    const quint32 key = (quint32(script) << 8) | (quint32(weight) << 4) | quint32(cjk);
    if (const auto it = chains.constFind(key); it != chains.cend())
        return *it;

    const bool bold = weight == FontWeight::Bold;
    QList<FaceSpec> specs;
    const auto add = [&](const QString &stem, bool warnIfMissing = true) {
        specs.append(FaceSpec{stem, u"ttf"_s, {}, 0, bold, warnIfMissing});
    };
    const auto addCjk = [&](CjkVariant variant) {
        specs.append(FaceSpec{u"NotoSansCJK"_s, u"ttc"_s, cjkFamily(variant), int(variant), bold, true});
    };

    switch (script) {
    case USCRIPT_LATIN:
    case USCRIPT_GREEK:
    case USCRIPT_CYRILLIC:
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED:
    case USCRIPT_UNKNOWN:
        break; // NotoSans, first in the common tail
    case USCRIPT_ARABIC:
        add(u"NotoSansArabic"_s);
        add(u"NotoNaskhArabic"_s);
        break;
    case USCRIPT_HEBREW:
        add(u"NotoSansHebrew"_s);
        add(u"NotoSerifHebrew"_s, false);
        break;
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_KATAKANA_OR_HIRAGANA:
    case USCRIPT_BOPOMOFO:
    case USCRIPT_SIMPLIFIED_HAN:
    case USCRIPT_TRADITIONAL_HAN:
    case USCRIPT_JAPANESE:
        addCjk(cjk);
        break;
    case USCRIPT_HANGUL:
    case USCRIPT_KOREAN:
        addCjk(CjkVariant::Korean);
        break;
    case USCRIPT_THAI:
        add(u"NotoSansThai"_s);
        add(u"NotoSerifThai"_s, false);
        break;
    case USCRIPT_TAMIL:
        add(u"NotoSansTamil"_s);
        add(u"NotoSansTamilSupplement"_s, false);
        break;
    case USCRIPT_ETHIOPIC:
        add(u"NotoSansEthiopic"_s);
        add(u"NotoSerifEthiopic"_s, false);
        break;
    case USCRIPT_TIBETAN:
        add(u"NotoSerifTibetan"_s);
        break;
    case USCRIPT_NKO:
        add(u"NotoSansNKo"_s);
        break;
    default: {
        // Noto names files after the script: "Canadian_Aboriginal" → NotoSansCanadianAboriginal.
        const QString name = QString::fromLatin1(uscript_getName(script)).remove(u'_');
        add(u"NotoSans"_s + name, false);
        add(u"NotoSerif"_s + name, false);
        break;
    }
    }

    add(u"NotoSans"_s);
    add(u"NotoSansSymbols"_s, false);
    add(u"NotoSansSymbols2"_s, false);
    add(u"NotoSansMath"_s, false);
    if (std::none_of(specs.cbegin(), specs.cend(), [](const FaceSpec &s) { return s.extension == u"ttc"_s; }))
        addCjk(cjk); // fullwidth forms and CJK punctuation inside other scripts
    return *chains.insert(key, specs);
}

FontLibrary::FontLibrary(QStringList fontDirectories)
    : d(std::make_shared<FontLibraryPrivate>(fontDirectories.isEmpty() ? defaultFontDirectories()
                                                                       : std::move(fontDirectories)))
{
}

FontLibrary::~FontLibrary() = default;

QStringList FontLibrary::defaultFontDirectories()
{
    return {u"/usr/share/fonts/truetype/noto"_s, u"/usr/share/fonts/opentype/noto"_s};
}

bool FontLibrary::isUsable() const
{
    return d->baseFaceId(FontWeight::Regular) >= 0;
}

void FontLibrary::preload(const QString &text, FontWeight weight)
{
    TextStyle style;
    style.weight = weight;
    (void)shapeLine(*this, text, style);
}

int FontLibrary::loadedFaceCount() const
{
    return int(d->faces.size());
}

QString FontLibrary::faceName(int fontId) const
{
    if (fontId < 0 || size_t(fontId) >= d->faces.size())
        return u"placeholder"_s;
    const FontFace *face = d->face(fontId);
    QString name = face->fileName;
    if (face->faceIndex != 0)
        name += u'#' + QString::number(face->faceIndex);
    if (face->syntheticBold)
        name += u" (synthetic bold)"_s;
    return name;
}

} // namespace checkin::text
