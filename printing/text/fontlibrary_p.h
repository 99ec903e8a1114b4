#pragma once

// Internal to checkin_text: FreeType/HarfBuzz/ICU types live here, never in the public headers.

#include "printing/text/fontlibrary.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QLoggingCategory>
#include <QSet>
#include <QString>

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>
#include <unicode/uscript.h>

#include <memory>
#include <unordered_map>
#include <vector>

Q_DECLARE_LOGGING_CATEGORY(lcText)

namespace checkin::text {

// Which regional glyph forms the Noto CJK collection should use for Han characters.
enum class CjkVariant { Japanese = 0, Korean = 1, SimplifiedChinese = 2, TraditionalChinese = 3, HongKong = 4 };

// A glyph's outline as PDF path operators in font units (y up), with its ink box.
struct GlyphOutline
{
    QByteArray path; // empty for glyphs without ink (space)
    int xMin = 0, yMin = 0, xMax = 0, yMax = 0;
    // The PDF painter's Form XObject content for it (path and painting operator, deflated), made once
    // for every document that draws the glyph.
    mutable QByteArray deflatedForm;
};

// One opened face of a font file.
struct FontFace
{
    Q_DISABLE_COPY_MOVE(FontFace)
    FontFace() = default;
    ~FontFace();

    QString fileName;
    int faceIndex = 0;
    FT_Face ftFace = nullptr;
    hb_font_t *hbFont = nullptr; // scale = units per em, so HarfBuzz positions are in font units
    int unitsPerEm = 1000;
    double ascender = 0;        // font units above the baseline
    double descender = 0;       // font units below the baseline, positive
    bool syntheticBold = false; // regular outlines drawn with a stroke: the script has no Bold file

    [[nodiscard]] bool hasCharacter(char32_t c) const;
    // Decomposed once with FreeType (handles CFF, collections and nested composite glyphs), then cached.
    [[nodiscard]] const GlyphOutline &outline(quint32 glyphId);

private:
    std::unordered_map<quint32, GlyphOutline> m_outlines;
};

// A candidate font for a script: "<stem>-Regular.<ext>" or "<stem>-Bold.<ext>", in a collection the face
// whose family contains `family`.
struct FaceSpec
{
    QString stem;
    QString extension = QStringLiteral("ttf");
    QString family;
    int faceIndex = 0; // where to look first in a collection
    bool bold = false;
    bool warnIfMissing = true;

    static constexpr int kUnresolved = -2;
    mutable int resolvedId = kUnresolved; // memo of FontLibraryPrivate::faceId(), set on first use
};

struct FontLibraryPrivate
{
    Q_DISABLE_COPY_MOVE(FontLibraryPrivate)
    explicit FontLibraryPrivate(QStringList directories);
    ~FontLibraryPrivate();

    // Candidate fonts for a script in fallback order (the script's own fonts, then Latin, symbols, CJK).
    const QList<FaceSpec> &chain(UScriptCode script, FontWeight weight, CjkVariant cjk);
    // Opens the spec's face on first use; -1 when the file is missing or does not open.
    int faceId(const FaceSpec &spec);
    [[nodiscard]] FontFace *face(int id) const { return faces.at(size_t(id)).get(); }
    // NotoSans (Regular or Bold): metrics of empty lines and the font of last resort.
    int baseFaceId(FontWeight weight);

    FT_Library ft = nullptr;
    QStringList directories;
    std::vector<std::unique_ptr<FontFace>> faces;
    QHash<QString, int> faceIds;           // "file#family#synthetic" → id, or -1 when it failed
    QHash<QString, QString> resolvedPaths; // file name → absolute path, empty when absent
    QSet<QString> warnedMissing;
    QHash<quint32, QList<FaceSpec>> chains;

private:
    QString findFile(const QString &fileName);
    int openFace(const QString &fileName, const QString &family, int indexHint, bool syntheticBold);
};

// Lets the shaper and the painter reach a FontLibrary's internals.
struct FontLibraryAccess
{
    static const std::shared_ptr<FontLibraryPrivate> &d(const FontLibrary &library) { return library.d; }
};

} // namespace checkin::text
