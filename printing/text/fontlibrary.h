#pragma once

#include "printing/text/textstyle.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace checkin::text {

struct FontLibraryPrivate;

// Owns FreeType, the HarfBuzz faces and the glyph outlines of the Noto fonts. Each font file is opened
// once, on the first character that needs it, and stays loaded for the life of the library: keep one
// FontLibrary for the whole process (or per print worker), not one per badge.
//
// Threading: no internal locking. A FontLibrary and every TextLine shaped with it (lines share its
// glyph cache) must be used by one thread at a time — normally the print worker that owns it. Hand it
// to another thread only with a happens-before edge (queued connection, joined thread).
class FontLibrary
{
    Q_DISABLE_COPY_MOVE(FontLibrary)

public:
    // Looks for the font files in fontDirectories, or in defaultFontDirectories() when empty.
    explicit FontLibrary(QStringList fontDirectories = {});
    ~FontLibrary();

    // Debian's Noto folders: /usr/share/fonts/truetype/noto and /usr/share/fonts/opentype/noto.
    [[nodiscard]] static QStringList defaultFontDirectories();

    // True when NotoSans-Regular.ttf was found and opens; without it nothing can be shaped.
    [[nodiscard]] bool isUsable() const;
    // Loads now the fonts text needs (e.g. every sample name at start-up, so the first badge is fast).
    void preload(const QString &text, FontWeight weight = FontWeight::Regular);
    // Number of font faces opened so far.
    [[nodiscard]] int loadedFaceCount() const;
    // "NotoSansArabic-Regular.ttf", "NotoSansCJK-Regular.ttc#2" … for a ShapedGlyph::fontId; for logs and tests.
    [[nodiscard]] QString faceName(int fontId) const;

private:
    friend struct FontLibraryAccess;
    std::shared_ptr<FontLibraryPrivate> d;
};

} // namespace checkin::text
