#include "printing/pdfpage_p.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace checkin::pdf {

QString cleaned(const QString &text)
{
    return text.normalized(QString::NormalizationForm_C).simplified();
}

std::expected<void, QString> Page::drawLine(const text::TextLine &line, double x, double baseline,
                                            text::Rgb colour) const
{
    return text::drawLine(m_page, line, x, m_height - baseline, colour);
}

std::expected<void, QString> setDocumentInfo(HpdfDocument &doc, const QString &title, const char *fallbackTitle)
{
    HPDF_SetInfoAttr(doc.handle(), HPDF_INFO_CREATOR, "ietf-checkin");
    // Document info strings are PDFDocEncoding in libharu: only ASCII survives unchanged.
    const bool ascii = std::all_of(title.cbegin(), title.cend(), [](QChar c) { return c.unicode() < 0x7f; });
    HPDF_SetInfoAttr(doc.handle(), HPDF_INFO_TITLE, ascii ? title.toLatin1().constData() : fallbackTitle);
    return doc.check(u"setting the document properties");
}

std::expected<HPDF_Page, QString> addPage(HpdfDocument &doc, HPDF_PageSizes size, HPDF_PageDirection direction,
                                          QStringView which)
{
    const HPDF_Page page = HPDF_AddPage(doc.handle());
    CHECKIN_TRY(doc.check(QString(u"adding "_s + which)));
    HPDF_Page_SetSize(page, size, direction);
    CHECKIN_TRY(doc.check(u"setting the page size"));
    return page;
}

std::expected<void, QString> finishPage(HpdfDocument &doc, const Page &page, const ErrorLatch &errors, int number)
{
    const QString which = number > 0 ? u"page %1"_s.arg(number) : u"the page"_s;
    CHECKIN_TRY(doc.check(QString(u"drawing "_s + which)));
    if (errors.failed())
        return std::unexpected(errors.error());
    if (auto ok = deflatePageFast(page.handle()); !ok)
        return std::unexpected(u"compressing "_s + which + u": "_s + ok.error());
    return {};
}

QString missingNotoSans()
{
    return u"the Noto Sans font is missing: install the Debian package fonts-noto-core (apt install fonts-noto-core)"_s;
}

std::expected<QByteArray, QString> renderOnKeptDocument(
    std::unique_ptr<HpdfDocument> &doc, const QString &failed,
    const std::function<std::expected<QByteArray, QString>(HpdfDocument &)> &render)
{
    if (!doc)
        doc = std::make_unique<HpdfDocument>();
    auto pdf = render(*doc);
    if (!pdf) {
        // After a libharu error the handle's state is unknown: start afresh next time.
        doc.reset();
        return std::unexpected(failed + pdf.error());
    }
    return pdf;
}

} // namespace checkin::pdf
