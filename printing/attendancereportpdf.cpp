#include "printing/attendancereportpdf.h"
#include "printing/attendancereportjob_p.h"

#include "printing/daterange.h"

#include "printing/text/hpdftextpainter.h"
#include "printing/text/textfitter.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace checkin {

struct AttendanceReportRenderer::Private
{
    explicit Private(QStringList fontDirectories)
        : fonts(std::move(fontDirectories))
    {
    }

    text::FontLibrary fonts;
    std::unique_ptr<pdf::HpdfDocument> doc;
};

namespace attendance {

void Job::draw(const TextLine &line, double x, double width, double baseline, Rgb colour, Align align)
{
    if (line.isEmpty())
        return;
    const text::TextAlignment alignment = align == Align::Left    ? text::TextAlignment::Left
                                          : align == Align::Right ? text::TextAlignment::Right
                                                                  : text::TextAlignment::Center;
    const double left = text::alignedX(line, Margin + x, width, alignment);
    m_errors.check(m_page.drawLine(line, left, baseline, colour));
}

// A tick mark drawn as a path (no font has to carry U+2713): its box's left edge at x, bottom at baseline.
void Job::drawTick(double x, double baseline, double size)
{
    const HPDF_Page page = m_page.handle();
    const double bottom = m_pageHeight - baseline;
    HPDF_Page_GSave(page);
    HPDF_Page_SetRGBStroke(page, HPDF_REAL(Tick.red), HPDF_REAL(Tick.green), HPDF_REAL(Tick.blue));
    HPDF_Page_SetLineWidth(page, HPDF_REAL(size * 0.17));
    HPDF_Page_SetLineCap(page, HPDF_ROUND_END);
    HPDF_Page_SetLineJoin(page, HPDF_ROUND_JOIN);
    HPDF_Page_MoveTo(page, HPDF_REAL(Margin + x), HPDF_REAL(bottom + size * 0.45));
    HPDF_Page_LineTo(page, HPDF_REAL(Margin + x + size * 0.35), HPDF_REAL(bottom + size * 0.08));
    HPDF_Page_LineTo(page, HPDF_REAL(Margin + x + size), HPDF_REAL(bottom + size * 0.9));
    HPDF_Page_Stroke(page);
    HPDF_Page_GRestore(page);
}

std::expected<void, QString> Job::newPage()
{
    const auto page = pdf::addPage(m_doc, HPDF_PAGE_SIZE_A4, m_landscape ? HPDF_PAGE_LANDSCAPE : HPDF_PAGE_PORTRAIT);
    CHECKIN_TRY(page);
    m_page = pdf::Page(*page, m_pageWidth, m_pageHeight);
    return {};
}

void Job::drawTitleBlock()
{
    const Header &h = m_header;
    fillRect(-Margin, 0, m_pageWidth, BandHeight, Accent);
    const double startWidth = m_contentWidth * 0.62;
    const double endX = startWidth + 16;
    const double endWidth = m_contentWidth - endX;
    draw(h.label, 0, startWidth, 27, BandLabel);
    draw(h.event, 0, startWidth, 55, White);
    draw(h.where, 0, startWidth, 74, BandText);
    draw(h.generated, endX, endWidth, 41, White, Align::Right);
    draw(h.kiosk, endX, endWidth, 57, BandText, Align::Right);
    draw(h.times, endX, endWidth, 73, BandText, Align::Right);
}

void Job::drawRunningHeader()
{
    const Header &h = m_header;
    draw(h.runningTitle, 0, m_contentWidth * 0.6, RunningHeaderRule - 8, Accent);
    draw(h.runningGenerated, m_contentWidth * 0.6, m_contentWidth * 0.4, RunningHeaderRule - 8, Muted, Align::Right);
    hline(0, RunningHeaderRule, m_contentWidth, 1.2, Accent);
}

void Job::drawFooter(int pageNumber, int pageCount)
{
    const double rule = m_pageHeight - FooterRule;
    hline(0, rule, m_contentWidth, 0.6, Hairline);
    const TextLine page = label(str(Strings::PageOf, number(pageNumber), number(pageCount)), 8, FontWeight::Bold);
    draw(page, 0, m_contentWidth, rule + 15, Muted, Align::Right);
    draw(m_header.footerNote, 0, m_contentWidth - page.width() - 24, rule + 15, Muted);
}

void Job::drawTotalsTable(double top)
{
    draw(label(str(Strings::DailyTotals), 12, FontWeight::Bold), 0, m_contentWidth, top + 12, Ink);
    double y = top + SectionHeadingHeight;
    const double dayX = 0, dateX = TotalsDayWidth, expectedX = dateX + TotalsDateWidth;
    const double arrivedX = expectedX + TotalsNumberWidth, percentX = arrivedX + TotalsNumberWidth + 24;
    draw(label(str(Strings::DayColumn), ColumnSize, FontWeight::Bold), dayX, TotalsDayWidth, y + 8, Muted);
    draw(label(str(Strings::DateColumn), ColumnSize, FontWeight::Bold), dateX, TotalsDateWidth, y + 8, Muted);
    draw(label(str(Strings::ExpectedColumn), ColumnSize, FontWeight::Bold), expectedX, TotalsNumberWidth, y + 8, Muted,
         Align::Right);
    draw(label(str(Strings::ArrivedColumn), ColumnSize, FontWeight::Bold), arrivedX, TotalsNumberWidth, y + 8, Muted,
         Align::Right);
    draw(label(str(Strings::PercentColumn), ColumnSize, FontWeight::Bold), percentX, BarWidth + 60, y + 8, Muted);
    hline(0, y + TotalsHeaderHeight - 4, m_contentWidth, 0.8, Hairline);
    y += TotalsHeaderHeight;
    for (qsizetype d = 0; d < m_data.days.size(); ++d) {
        const AttendanceReportDay &day = m_data.days[d];
        const DayTotals &t = m_totals[d];
        const double baseline = y + 13;
        draw(label(str(Strings::DayNumber, number(day.number)), 9.5, FontWeight::Bold), dayX, TotalsDayWidth, baseline,
             Accent);
        draw(label(m_locale.toString(day.date, u"dddd d MMMM yyyy"_s), 9.5), dateX, TotalsDateWidth, baseline, Ink);
        draw(label(number(t.expected), 9.5), expectedX, TotalsNumberWidth, baseline, Ink, Align::Right);
        draw(label(number(t.arrived), 9.5, FontWeight::Bold), arrivedX, TotalsNumberWidth, baseline, Ink, Align::Right);
        const double share = t.expected > 0 ? double(t.arrived) / double(t.expected) : 0.0;
        fillRect(percentX, y + 6, BarWidth, 8, AccentTint);
        if (share > 0)
            fillRect(percentX, y + 6, BarWidth * std::min(share, 1.0), 8, Accent);
        const QString percent = t.expected > 0 ? number(qRound(share * 100)) + u" %"_s : u"–"_s;
        draw(label(percent, 9.5), percentX + BarWidth + 8, 60, baseline, Ink);
        hline(0, y + TotalsRowHeight - 0.5, m_contentWidth, 0.5, Hairline);
        y += TotalsRowHeight;
    }
    const TextLine note = elided(str(Strings::AtLeastOneDay, number(m_cameAtLeastOnce), number(m_data.rows.size())),
                                 m_contentWidth, 8.5, FontWeight::Regular, false);
    draw(note, 0, m_contentWidth, y + 14, Muted);
    const QList<TextLine> basis = wrapped(cleaned(m_data.expectedBasis), m_contentWidth, 2, 8.5);
    for (qsizetype i = 0; i < basis.size(); ++i)
        draw(basis[i], 0, m_contentWidth, y + 26 + 11 * double(i), Muted);
}

void Job::drawRegisterHeading(double top)
{
    draw(label(str(Strings::Register), 12, FontWeight::Bold), 0, m_contentWidth, top + 12, Ink);
    // The legend: tick 09:15, –, n/a, each with its meaning.
    const double baseline = top + SectionHeadingHeight + 6;
    double x = 0;
    drawTick(x, baseline, 6.5);
    x += 9;
    const TextLine sample = label(u"09:15"_s, CellSize);
    draw(sample, x, sample.width(), baseline, Ink);
    x += sample.width() + 4;
    const auto explain = [&](const QString &what) {
        const TextLine line = label(what, 8);
        draw(line, x, line.width(), baseline, Muted);
        x += line.width() + 16;
    };
    explain(str(Strings::LegendArrived));
    const TextLine absent = label(str(Strings::Absent), CellSize);
    draw(absent, x, absent.width(), baseline, Faint);
    x += absent.width() + 4;
    explain(str(Strings::LegendAbsent));
    const TextLine notExpected = label(str(Strings::NotExpected), CellSize);
    draw(notExpected, x, notExpected.width(), baseline, Faint);
    x += notExpected.width() + 4;
    explain(str(Strings::LegendNotExpected));
}

void Job::drawRegisterHeader(double top)
{
    const Columns &c = m_columns;
    const double first = top + 10, second = top + 19;
    const auto head = [&](const char *text, const Column &column, double baseline, Align align = Align::Left) {
        draw(label(str(text), ColumnSize, FontWeight::Bold), column.x + CellPad, column.width - 2 * CellPad, baseline,
             Muted, align);
    };
    head(Strings::NumberColumn, c.number, second, Align::Right);
    head(Strings::NameColumn, c.name, second);
    head(Strings::OrganisationColumn, c.organisation, second);
    head(Strings::CountryColumn, c.country, second);
    for (qsizetype d = 0; d < c.days.size(); ++d) {
        const Column &column = c.days[d];
        const AttendanceReportDay &day = m_data.days[d];
        draw(label(str(Strings::DayNumber, number(day.number)).toUpper(), ColumnSize, FontWeight::Bold), column.x,
             column.width, first, Accent, Align::Center);
        draw(m_dayDates.value(d), column.x, column.width, second, Muted, Align::Center);
    }
    hline(0, top + RegisterHeaderHeight - 3, m_contentWidth, 1, Accent);
}

void Job::drawCellMark(const AttendanceMark &mark, const Column &column, double baseline)
{
    if (mark.arrived()) {
        const TextLine time = label(m_locale.toString(mark.firstScan, u"HH:mm"_s), CellSize);
        const double tick = 6.5, gap = 2.5;
        const double x = column.x + (column.width - tick - gap - time.width()) / 2;
        drawTick(x, baseline, tick);
        draw(time, x + tick + gap, time.width(), baseline, Ink);
    } else if (mark.expected) {
        draw(label(str(Strings::Absent), CellSize), column.x, column.width, baseline, Faint, Align::Center);
    } else {
        draw(label(str(Strings::NotExpected), CellSize), column.x, column.width, baseline, Faint, Align::Center);
    }
}

void Job::drawRow(qsizetype index, double top)
{
    const Columns &c = m_columns;
    if (index % 2 == 1)
        fillRect(0, top, m_contentWidth, RowHeight, AccentTint);
    const double baseline = top + 10.2;
    if (m_data.rows.isEmpty()) {
        draw(label(str(Strings::NoGuests), 8.5), c.name.x + CellPad, m_contentWidth, baseline, Muted);
        return;
    }
    const AttendanceRegisterRow &row = m_data.rows[index];
    draw(label(QString::number(index + 1), CellSize), c.number.x + CellPad, c.number.width - 2 * CellPad, baseline,
         Muted, Align::Right);
    draw(m_names[index], c.name.x + CellPad, c.name.width - 2 * CellPad, baseline, Ink);
    draw(m_organisations[index], c.organisation.x + CellPad, c.organisation.width - 2 * CellPad, baseline, Muted);
    draw(label(cleaned(row.country).toUpper(), CellSize), c.country.x + CellPad, c.country.width - 2 * CellPad,
         baseline, Ink);
    for (qsizetype d = 0; d < c.days.size(); ++d)
        drawCellMark(row.days.value(d, AttendanceMark{false, {}}), c.days[d], baseline);
}

void Job::drawTotalsRow(double top)
{
    const Columns &c = m_columns;
    hline(0, top, m_contentWidth, 1, Accent);
    draw(label(str(Strings::ArrivedTotal), 9, FontWeight::Bold), c.name.x + CellPad, c.name.width, top + 13, Ink);
    for (qsizetype d = 0; d < c.days.size(); ++d) {
        draw(label(number(m_totals[d].arrived), 9, FontWeight::Bold), c.days[d].x, c.days[d].width, top + 13, Ink,
             Align::Center);
        draw(label(str(Strings::OfExpected, number(m_totals[d].expected)), ColumnSize), c.days[d].x, c.days[d].width,
             top + 23, Muted, Align::Center);
    }
    hline(0, top + TotalsRowHeightRegister, m_contentWidth, 0.6, Hairline);
}

void Job::drawSignature(double top)
{
    draw(label(str(Strings::CertifiedBy), 12, FontWeight::Bold), 0, m_contentWidth, top + 12, Ink);
    double y = top + SectionHeadingHeight + 4;
    const QString dates = formatDateRange(m_data.firstDay, m_data.lastDay, m_locale);
    const QString event = cleaned(m_data.eventTitle).isEmpty() ? u"IETF"_s : cleaned(m_data.eventTitle);
    const QList<TextLine> statement = wrapped(str(Strings::Statement, event, dates), m_contentWidth, 3, 9.5);
    for (const TextLine &line : statement) {
        draw(line, 0, m_contentWidth, y + 4, Ink);
        y += 14;
    }
    y += 14;
    const double gap = 32;
    const double half = (m_contentWidth - gap) / 2;
    const auto field = [&](const char *name, double x, double top) {
        drawRule(x, top + 28, half);
        draw(label(str(name), 8), x, half, top + 38, Muted);
    };
    field(Strings::NameField, 0, y);
    field(Strings::RoleField, half + gap, y);
    y += 50;
    field(Strings::DateField, 0, y);
    field(Strings::SignatureField, half + gap, y);
}

std::expected<QByteArray, QString> Job::run()
{
    CHECKIN_TRY(chooseGeometry());

    count();
    const auto event = shape();
    CHECKIN_TRY(event);

    // ---- the document ----
    CHECKIN_TRY(m_doc.begin());
    CHECKIN_TRY(pdf::setDocumentInfo(m_doc, str(Strings::PdfTitle, *event), Strings::ShortTitle));

    const QList<PagePlan> pages = paginate();
    for (qsizetype p = 0; p < pages.size(); ++p) {
        const PagePlan &page = pages[p];
        CHECKIN_TRY(newPage());
        if (page.first) {
            drawTitleBlock();
            drawTotalsTable(FirstContentTop);
        } else {
            drawRunningHeader();
        }
        if (page.registerHeading)
            drawRegisterHeading(page.registerHeadingTop);
        double y = page.registerTop;
        if (page.registerHeader) {
            drawRegisterHeader(y);
            y += RegisterHeaderHeight;
        }
        for (qsizetype r = page.firstRow; r < page.firstRow + page.rowCount; ++r) {
            drawRow(r, y);
            y += RowHeight;
        }
        if (page.totalsRow)
            drawTotalsRow(y);
        if (page.signature)
            drawSignature(page.signatureTop);
        drawFooter(int(p + 1), int(pages.size()));
        CHECKIN_TRY(pdf::finishPage(m_doc, m_page, m_errors, int(p + 1)));
    }
    return m_doc.save();
}

} // namespace attendance

AttendanceReportRenderer::AttendanceReportRenderer(QStringList fontDirectories)
    : m_d(std::make_unique<Private>(std::move(fontDirectories)))
{
}

AttendanceReportRenderer::~AttendanceReportRenderer() = default;

std::expected<QByteArray, QString> AttendanceReportRenderer::render(const AttendanceReportData &data)
{
    const QString failed = u"cannot create the attendance report PDF: "_s;
    if (!m_d->fonts.isUsable())
        return std::unexpected(failed + pdf::missingNotoSans());
    return pdf::renderOnKeptDocument(
        m_d->doc, failed, [&](pdf::HpdfDocument &doc) { return attendance::Job(m_d->fonts, doc, data).run(); });
}

} // namespace checkin
