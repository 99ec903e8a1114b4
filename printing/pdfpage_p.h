#pragma once

// Private to printing/: the page toolkit the document renderers (agenda, attendance report, invitation) share:
// text cleaning, top-down page coordinates, the first-error latch, and starting and finishing documents and pages.

#include "printing/hpdfdocument.h"
#include "printing/text/hpdftextpainter.h"
#include "printing/text/textline.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <hpdf.h>

#include <expected>
#include <functional>
#include <memory>

// Early return from a function returning std::expected when a step failed.
#define CHECKIN_TRY(expr)                                                                                              \
    if (auto ok_ = (expr); !ok_)                                                                                       \
        return std::unexpected(std::move(ok_).error());

namespace checkin::pdf {

// The documents' house look: one deep blue accent and its tints, neutral greys.
namespace colours {
inline constexpr text::Rgb Accent{0.086, 0.227, 0.408};
inline constexpr text::Rgb AccentTint{0.937, 0.953, 0.973}; // panels, every other table row
inline constexpr text::Rgb BandLabel{0.710, 0.776, 0.859}; // the accent mixed towards white, for small text on the band
inline constexpr text::Rgb BandText{0.894, 0.922, 0.957};
inline constexpr text::Rgb White{1.0, 1.0, 1.0};
inline constexpr text::Rgb Ink{0.110, 0.133, 0.173};
inline constexpr text::Rgb Muted{0.373, 0.408, 0.463};
inline constexpr text::Rgb Hairline{0.820, 0.835, 0.855};
} // namespace colours

/// Text as the documents print a field: NFC, runs of white space collapsed, trimmed.
[[nodiscard]] QString cleaned(const QString &text);

// Keeps the first error of many shaping and drawing steps, so that a page is laid out or drawn to its end and
// checked once; a failed step gives an empty result (an empty line draws nothing).
class ErrorLatch
{
public:
    /// Records error unless an earlier one is recorded.
    void record(const QString &error)
    {
        if (m_error.isEmpty())
            m_error = error;
    }
    /// The result's value, or a default value after recording its error.
    template<typename T>
    [[nodiscard]] T value(std::expected<T, QString> result)
    {
        if (!result) {
            record(result.error());
            return T{};
        }
        return *std::move(result);
    }
    /// Records the step's error, if it failed.
    void check(const std::expected<void, QString> &step)
    {
        if (!step)
            record(step.error());
    }
    /// True once an error is recorded.
    [[nodiscard]] bool failed() const { return !m_error.isEmpty(); }
    /// The first error recorded; empty when none.
    [[nodiscard]] const QString &error() const { return m_error; }

private:
    QString m_error;
};

// One page in libharu's coordinates (origin bottom-left, y up), drawn on from top-down layout positions.
class Page
{
public:
    Page() = default;
    Page(HPDF_Page page, double width, double height)
        : m_page(page)
        , m_width(width)
        , m_height(height)
    {
    }

    /// The libharu page for drawing calls.
    [[nodiscard]] HPDF_Page handle() const { return m_page; }
    /// The page's width in points.
    [[nodiscard]] double width() const { return m_width; }
    /// The page's height in points.
    [[nodiscard]] double height() const { return m_height; }
    /// Fills a rectangle whose top edge is `top` points below the top of the page, computed in Real (double, or
    /// float for a layout done in libharu's HPDF_REAL, so that its rectangles land on the same digits).
    template<typename Real = double>
    void fillRect(Real x, Real top, Real width, Real height, text::Rgb colour) const
    {
        HPDF_Page_SetRGBFill(m_page, HPDF_REAL(colour.red), HPDF_REAL(colour.green), HPDF_REAL(colour.blue));
        HPDF_Page_Rectangle(m_page, HPDF_REAL(x), HPDF_REAL(Real(m_height) - top - height), HPDF_REAL(width),
                            HPDF_REAL(height));
        HPDF_Page_Fill(m_page);
    }
    /// Draws a shaped line with its left end at x and its baseline `baseline` points below the top of the page.
    [[nodiscard]] std::expected<void, QString> drawLine(const text::TextLine &line, double x, double baseline,
                                                        text::Rgb colour) const;

private:
    HPDF_Page m_page = nullptr;
    double m_width = 0;
    double m_height = 0;
};

/// Marks the begun document as made by ietf-checkin, titled title, or fallbackTitle when title is not ASCII.
[[nodiscard]] std::expected<void, QString> setDocumentInfo(HpdfDocument &doc, const QString &title,
                                                           const char *fallbackTitle);
/// Adds a page of that size; which names the page in errors ("adding a page").
[[nodiscard]] std::expected<HPDF_Page, QString> addPage(HpdfDocument &doc, HPDF_PageSizes size,
                                                        HPDF_PageDirection direction, QStringView which = u"a page");
/// Checks a drawn page (libharu's errors, then the latch's) and compresses it; number 0 is a document's only page.
[[nodiscard]] std::expected<void, QString> finishPage(HpdfDocument &doc, const Page &page, const ErrorLatch &errors,
                                                      int number);

/// Why a renderer cannot start when FontLibrary finds no Noto Sans: the package to install.
[[nodiscard]] QString missingNotoSans();
/// Renders on the document kept in doc (made on first use); after a failure doc is dropped (libharu's state is then
/// unknown) and the error is prefixed with failed.
[[nodiscard]] std::expected<QByteArray, QString> renderOnKeptDocument(
    std::unique_ptr<HpdfDocument> &doc, const QString &failed,
    const std::function<std::expected<QByteArray, QString>(HpdfDocument &)> &render);

} // namespace checkin::pdf
