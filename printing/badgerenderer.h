#pragma once

#include "printing/badgelayout.h"

#include <QByteArray>
#include <QList>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <expected>
#include <memory>

namespace checkin {

// Everything one badge prints; plain data, no database types. Every guest-supplied string is
// sanitised before printing (invisible and direction-override characters removed).
struct BadgeData
{
    QString givenName; // the hero line ("Olga"); the display name when empty
    QString familyName;
    QString displayName; // the full name as printed, in the guest's own script
    QString latinName;   // Latin transcription, printed under a name in another script when the layout asks
    QString organisation;
    QString countryCode; // ISO 3166-1 alpha-2
    QString countryName; // as printed; empty = the English name of countryCode
    QString role;        // a key of the layout's roles: "policymaker", "staff", "host"
    QString language;    // BCP 47 hint ("ja", "zh-Hant", "ko"): CJK glyph forms, line breaking
    QString eventName;   // "IETF 125 Shenzhen"
    QString eventDates;  // "14–20 March 2026", formatted by the caller
    QString token;       // QR content (the invitation token); empty = no QR code
};

// Where the renderer put something on a badge: one box per text line, QR code, band, image and line.
struct BadgeBox
{
    int badge = 0;   // index in renderSheet()'s list; 0 for render()
    int element = 0; // index in BadgeLayout::elements()
    BadgeElementType type = BadgeElementType::Text;
    QRectF rectMm;          // mm from the badge's top-left corner; for text, the line's ink box
    QString text;           // text lines: the line as printed
    double fontSizePt = 0;  // text lines
    bool truncated = false; // text lines: cut with "…" because even minSize did not fit
};

// The Latin name to print under `name`, or empty: only when `name` has letters of another script
// and the Latin name says something different ("ليلى حسن" → "Layla Hassan"; "Nguyễn" → nothing).
[[nodiscard]] QString latinNameIfDifferent(const QString &name, const QString &latinName);

struct BadgeRendererPrivate;

// Renders badges for one layout as PDF: names shaped with HarfBuzz in every script (text stays
// extractable), QR codes as vector rectangles. Keeps fonts, shaping faces and the libharu handle
// loaded between badges, so keep one renderer for the life of the process.
//
// Threading: one renderer per thread. It has no locking; render() and renderSheet() must not run
// concurrently on the same object. Create it on (or hand it with a happens-before edge to) the
// print worker that uses it.
class BadgeRenderer
{
    Q_DISABLE_COPY_MOVE(BadgeRenderer)

public:
    // fontDirectories as for text::FontLibrary (empty = Debian's Noto folders).
    explicit BadgeRenderer(const BadgeLayout &layout, const QStringList &fontDirectories = {});
    ~BadgeRenderer();

    // The layout this renderer draws.
    [[nodiscard]] const BadgeLayout &layout() const;
    // Loads now the fonts these texts need, so that the first badge is as fast as the rest.
    void preload(const QStringList &texts);
    // One badge as a one-page PDF of the layout's card size, or a message staff can act on.
    [[nodiscard]] std::expected<QByteArray, QString> render(const BadgeData &data);
    // Many badges in one PDF: sheet().perPage() per page on the sheet's paper, else one per page.
    [[nodiscard]] std::expected<QByteArray, QString> renderSheet(const QList<BadgeData> &badges);
    // Where everything went in the last render() or renderSheet() (for tests and layout checks).
    [[nodiscard]] QList<BadgeBox> lastLayoutBoxes() const;

private:
    std::unique_ptr<BadgeRendererPrivate> d;
};

} // namespace checkin
