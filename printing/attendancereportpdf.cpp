#include "printing/attendancereportpdf.h"

#include "printing/daterange.h"

#include "printing/text/fontlibrary.h"
#include "printing/hpdfdocument.h"
#include "printing/text/hpdftextpainter.h"
#include "printing/text/textfitter.h"
#include "printing/text/textshaper.h"

#include <QHash>
#include <QLocale>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace checkin {

namespace {

using text::FontWeight;
using text::Rgb;
using text::TextLine;

// Every word the report prints. English only: the report goes to the programme's sponsors.
namespace Strings {
constexpr auto Label = "ATTENDANCE REGISTER  ·  IETF POLICYMAKER PROGRAM";
constexpr auto ShortTitle = "Attendance register";
constexpr auto Generated = "Generated %1";
constexpr auto Kiosk = "Kiosk %1";
constexpr auto KioskVenueWide = "Kiosk %1  ·  all kiosks (venue database)";
constexpr auto Times = "Times: %1";
constexpr auto DailyTotals = "Daily totals";
constexpr auto DayColumn = "DAY";
constexpr auto DateColumn = "DATE";
constexpr auto ExpectedColumn = "EXPECTED";
constexpr auto ArrivedColumn = "ARRIVED";
constexpr auto PercentColumn = "% ARRIVED";
constexpr auto DayNumber = "Day %1";
constexpr auto AtLeastOneDay = "%1 of %2 guests in the register arrived on at least one programme day.";
constexpr auto Register = "Register";
constexpr auto LegendArrived = "first scan that day (venue time)";
constexpr auto LegendAbsent = "expected, did not arrive";
constexpr auto LegendNotExpected = "not expected that day";
constexpr auto NumberColumn = "#";
constexpr auto NameColumn = "NAME";
constexpr auto OrganisationColumn = "ORGANISATION";
constexpr auto CountryColumn = "CTRY";
constexpr auto Absent = "–";
constexpr auto NotExpected = "n/a";
constexpr auto ArrivedTotal = "Arrived";
constexpr auto OfExpected = "of %1";
constexpr auto NoGuests = "There are no guests in the guest list.";
constexpr auto PageOf = "Page %1 of %2";
constexpr auto Footer = "%1  ·  attendance register  ·  times in %2";
constexpr auto CertifiedBy = "Certified correct by";
constexpr auto Statement = "I certify that this register is a true record of the attendance of the guests listed above at "
                           "%1, %2, as recorded by the check-in kiosks.";
constexpr auto NameField = "Name";
constexpr auto RoleField = "Role";
constexpr auto DateField = "Date";
constexpr auto SignatureField = "Signature";
constexpr auto PdfTitle = "Attendance register - %1";
} // namespace Strings

QString str(const char *s, const QString &a = {}, const QString &b = {})
{
    QString result = QString::fromUtf8(s);
    if (result.contains(u"%2"_s))
        return result.arg(a, b);
    if (result.contains(u"%1"_s))
        return result.arg(a);
    return result;
}

// The house look (see agendapdf.cpp): one deep blue accent and its tints, neutral greys.
constexpr Rgb Accent{0.086, 0.227, 0.408};
constexpr Rgb AccentTint{0.937, 0.953, 0.973}; // every other register row
constexpr Rgb BandLabel{0.710, 0.776, 0.859};
constexpr Rgb BandText{0.894, 0.922, 0.957};
constexpr Rgb White{1.0, 1.0, 1.0};
constexpr Rgb Ink{0.110, 0.133, 0.173};
constexpr Rgb Muted{0.373, 0.408, 0.463};
constexpr Rgb Faint{0.600, 0.627, 0.667};
constexpr Rgb Hairline{0.820, 0.835, 0.855};
constexpr Rgb Tick{0.082, 0.447, 0.247}; // green: "arrived" at a glance, still dark on a grey laser

// Page geometry, pt. Text positions are baselines measured from the top of the page.
constexpr double Margin = 40;
constexpr double BandHeight = 92;
constexpr double FirstContentTop = BandHeight + 26;
constexpr double RunningHeaderRule = 50;   // later pages: a one-line header above this rule
constexpr double LaterContentTop = RunningHeaderRule + 14;
constexpr double FooterRule = 44;          // from the bottom of the page
constexpr double ContentBottomGap = FooterRule + 10;

// Totals table.
constexpr double SectionHeadingHeight = 24;
constexpr double TotalsHeaderHeight = 16;
constexpr double TotalsRowHeight = 19;
constexpr double TotalsDayWidth = 58;
constexpr double TotalsDateWidth = 190;
constexpr double TotalsNumberWidth = 70;
constexpr double BarWidth = 90;

// Register.
constexpr double LegendHeight = 18;
constexpr double BasisNoteHeight = 24; // two lines of 8.5 pt under the totals
constexpr double RegisterHeaderHeight = 26;
constexpr double RowHeight = 14.5;
constexpr double TotalsRowHeightRegister = 28;
constexpr double NumberWidth = 30;
constexpr double CountryWidth = 30;
constexpr double CellPad = 4;
constexpr double DayWidth = 46;
constexpr double MinDayWidth = 36;
constexpr double MinNameAndOrganisation = 230;
constexpr double NameShare = 0.56;

// Type sizes.
constexpr double NameSize = 8.5;
constexpr double MinNameSize = 6.5;
constexpr double CellSize = 7.5;
constexpr double ColumnSize = 7;

// Signature block.
constexpr double SignatureHeight = 190;

struct Column
{
    double x = 0;
    double width = 0;
};

// The register's columns, from the content box's left edge.
struct Columns
{
    Column number, name, organisation, country;
    QList<Column> days;
};

// A day's totals as printed.
struct DayTotals
{
    int expected = 0;
    int arrived = 0;
};

// What goes on one page of the register.
struct PagePlan
{
    bool first = false;
    qsizetype firstRow = 0;
    qsizetype rowCount = 0;
    bool registerHeader = true; // the register's column header (false on a page with only the signature)
    bool totalsRow = false;
    bool signature = false;
    bool registerHeading = false; // "Register" and the legend, once, above the first rows
    double registerHeadingTop = 0;
    double registerTop = 0;     // top of the register's column header
    double signatureTop = 0;
};

} // namespace

struct AttendanceReportRenderer::Private
{
    explicit Private(QStringList fontDirectories) : fonts(std::move(fontDirectories)) {}

    text::FontLibrary fonts;
    std::unique_ptr<pdf::HpdfDocument> doc;
};

namespace {

// One report being rendered: shaping, layout and drawing.
class Job
{
public:
    Job(text::FontLibrary &fonts, pdf::HpdfDocument &doc, const AttendanceReportData &data)
        : m_fonts(fonts)
        , m_doc(doc)
        , m_data(data)
        , m_locale(QLocale::English, QLocale::UnitedKingdom)
    {
    }

    std::expected<QByteArray, QString> run();

private:
    // ---- text ----
    TextLine remember(std::expected<TextLine, QString> line)
    {
        if (!line) {
            if (m_error.isEmpty())
                m_error = line.error();
            return {};
        }
        return *std::move(line);
    }
    text::TextStyle style(double size, FontWeight weight, bool data) const
    {
        text::TextStyle s;
        s.sizePt = size;
        s.weight = weight;
        // Headings are English; names follow their own first strong character (an Arabic name reads right to left).
        s.direction = data ? text::TextDirection::Auto : text::TextDirection::LeftToRight;
        if (!data)
            s.language = u"en"_s;
        return s;
    }
    // Shaped once per distinct text: times, numbers and country codes repeat thousands of times.
    TextLine label(const QString &text, double size, FontWeight weight = FontWeight::Regular)
    {
        const QString key = text + u'\x1f' + QString::number(size) + (weight == FontWeight::Bold ? u"b"_s : u"r"_s);
        auto it = m_cache.constFind(key);
        if (it != m_cache.constEnd())
            return *it;
        const TextLine line = remember(text::shapeLine(m_fonts, text, style(size, weight, false)));
        m_cache.insert(key, line);
        return line;
    }
    TextLine elided(const QString &text, double width, double size, FontWeight weight = FontWeight::Regular,
                    bool data = true)
    {
        return remember(text::elideText(m_fonts, text, width, style(size, weight, data)));
    }
    // One line shrunk down to minSize, cut with "…" below that: a name never leaves its cell.
    TextLine fitted(const QString &text, double width, double maxSize, double minSize,
                    FontWeight weight = FontWeight::Regular)
    {
        text::FitOptions options;
        options.boxWidthPt = width;
        options.maxSizePt = maxSize;
        options.minSizePt = minSize;
        options.weight = weight;
        auto fit = text::fitText(m_fonts, text, options);
        if (!fit) {
            if (m_error.isEmpty())
                m_error = fit.error();
            return {};
        }
        return fit->lines.value(0);
    }
    QList<TextLine> wrapped(const QString &text, double width, int maxLines, double size)
    {
        text::FitOptions options;
        options.boxWidthPt = width;
        options.maxLines = maxLines;
        options.maxSizePt = size;
        options.minSizePt = size;
        options.direction = text::TextDirection::LeftToRight;
        options.language = u"en"_s;
        auto fit = text::fitText(m_fonts, text, options);
        if (!fit) {
            if (m_error.isEmpty())
                m_error = fit.error();
            return {};
        }
        return fit->lines;
    }
    QString number(qint64 n) const { return m_locale.toString(n); }
    static QString cleaned(const QString &text) { return text.normalized(QString::NormalizationForm_C).simplified(); }

    // ---- drawing on m_page; x from the content box's left edge, y (top) from the top of the page ----
    void fillRect(double x, double top, double width, double height, Rgb colour)
    {
        HPDF_Page_SetRGBFill(m_page, HPDF_REAL(colour.red), HPDF_REAL(colour.green), HPDF_REAL(colour.blue));
        HPDF_Page_Rectangle(m_page, HPDF_REAL(Margin + x), HPDF_REAL(m_pageHeight - top - height), HPDF_REAL(width),
                            HPDF_REAL(height));
        HPDF_Page_Fill(m_page);
    }
    void hline(double x, double top, double width, double thickness, Rgb colour)
    {
        fillRect(x, top, width, thickness, colour);
    }
    enum class Align { Left, Right, Center };
    void draw(const TextLine &line, double x, double width, double baseline, Rgb colour, Align align = Align::Left)
    {
        if (line.isEmpty())
            return;
        const text::TextAlignment alignment = align == Align::Left ? text::TextAlignment::Left
            : align == Align::Right                                 ? text::TextAlignment::Right
                                                                    : text::TextAlignment::Center;
        const double left = text::alignedX(line, Margin + x, width, alignment);
        if (auto ok = text::drawLine(m_page, line, left, m_pageHeight - baseline, colour); !ok && m_error.isEmpty())
            m_error = ok.error();
    }
    // A tick mark drawn as a path (no font has to carry U+2713): its box's left edge at x, bottom at baseline.
    void drawTick(double x, double baseline, double size)
    {
        const double bottom = m_pageHeight - baseline;
        HPDF_Page_GSave(m_page);
        HPDF_Page_SetRGBStroke(m_page, HPDF_REAL(Tick.red), HPDF_REAL(Tick.green), HPDF_REAL(Tick.blue));
        HPDF_Page_SetLineWidth(m_page, HPDF_REAL(size * 0.17));
        HPDF_Page_SetLineCap(m_page, HPDF_ROUND_END);
        HPDF_Page_SetLineJoin(m_page, HPDF_ROUND_JOIN);
        HPDF_Page_MoveTo(m_page, HPDF_REAL(Margin + x), HPDF_REAL(bottom + size * 0.45));
        HPDF_Page_LineTo(m_page, HPDF_REAL(Margin + x + size * 0.35), HPDF_REAL(bottom + size * 0.08));
        HPDF_Page_LineTo(m_page, HPDF_REAL(Margin + x + size), HPDF_REAL(bottom + size * 0.9));
        HPDF_Page_Stroke(m_page);
        HPDF_Page_GRestore(m_page);
    }
    // A writing line for the signature block.
    void drawRule(double x, double top, double width)
    {
        hline(x, top, width, 0.7, Ink);
    }

    // ---- layout ----
    std::expected<void, QString> chooseGeometry();
    QList<PagePlan> paginate() const;
    [[nodiscard]] double contentBottom() const { return m_pageHeight - ContentBottomGap; }
    [[nodiscard]] double totalsTableHeight() const
    {
        return SectionHeadingHeight + TotalsHeaderHeight + TotalsRowHeight * double(m_data.days.size()) + 36
            + (m_data.expectedBasis.isEmpty() ? 0 : BasisNoteHeight);
    }

    std::expected<void, QString> newPage();
    void drawTitleBlock();
    void drawRunningHeader();
    void drawFooter(int pageNumber, int pageCount);
    void drawTotalsTable(double top);
    void drawRegisterHeading(double top);
    void drawRegisterHeader(double top);
    void drawRow(qsizetype index, double top);
    void drawTotalsRow(double top);
    void drawSignature(double top);
    void drawCellMark(const AttendanceMark &mark, const Column &column, double baseline);

    text::FontLibrary &m_fonts;
    pdf::HpdfDocument &m_doc;
    const AttendanceReportData &m_data;
    QLocale m_locale;
    bool m_landscape = false;
    double m_pageWidth = 595.276;
    double m_pageHeight = 841.89;
    double m_contentWidth = 0;
    Columns m_columns;
    QList<DayTotals> m_totals;
    int m_cameAtLeastOnce = 0;
    HPDF_Page m_page = nullptr;
    QString m_error;
    QHash<QString, TextLine> m_cache;

    // Shaped once per report.
    struct Header
    {
        TextLine label, event, where, generated, kiosk, times, runningTitle, runningGenerated, footerNote;
    } m_header;
    QList<TextLine> m_dayDates; // under "DAY n" in the register's header
    QList<TextLine> m_names;
    QList<TextLine> m_organisations;
};

std::expected<void, QString> Job::chooseGeometry()
{
    const qsizetype dayCount = m_data.days.size();
    if (dayCount > AttendanceReportRenderer::MaxDays)
        return std::unexpected(u"the register fits at most %1 programme days side by side; this report has %2"_s.arg(
            AttendanceReportRenderer::MaxDays)
                                   .arg(dayCount));
    const double fixed = NumberWidth + CountryWidth + MinNameAndOrganisation;
    const auto fits = [&](double contentWidth, double dayWidth) {
        return fixed + dayWidth * double(dayCount) <= contentWidth;
    };
    double dayWidth = DayWidth;
    if (!fits(595.276 - 2 * Margin, DayWidth)) {
        m_landscape = true;
        std::swap(m_pageWidth, m_pageHeight);
        const double room = (m_pageWidth - 2 * Margin - fixed) / double(std::max<qsizetype>(dayCount, 1));
        dayWidth = std::min(DayWidth, std::max(MinDayWidth, room));
    }
    m_contentWidth = m_pageWidth - 2 * Margin;

    Columns &c = m_columns;
    c.number = {0, NumberWidth};
    const double flexible = m_contentWidth - NumberWidth - CountryWidth - dayWidth * double(dayCount);
    c.name = {NumberWidth, std::floor(flexible * NameShare)};
    c.organisation = {c.name.x + c.name.width, flexible - c.name.width};
    c.country = {c.organisation.x + c.organisation.width, CountryWidth};
    double x = c.country.x + CountryWidth;
    for (qsizetype d = 0; d < dayCount; ++d) {
        c.days.append({x, dayWidth});
        x += dayWidth;
    }
    return {};
}

QList<PagePlan> Job::paginate() const
{
    QList<PagePlan> pages;
    PagePlan page;
    page.first = true;
    double y = FirstContentTop + totalsTableHeight();
    // The register starts under the totals, unless fewer than three of its rows would fit there.
    if (y + SectionHeadingHeight + LegendHeight + RegisterHeaderHeight + 3 * RowHeight > contentBottom()) {
        page.registerHeader = false;
        pages.append(page);
        page = PagePlan();
        y = LaterContentTop;
    }
    page.registerHeading = true;
    page.registerHeadingTop = y;
    y += SectionHeadingHeight + LegendHeight;
    page.registerTop = y;
    y += RegisterHeaderHeight;
    const qsizetype rows = std::max<qsizetype>(m_data.rows.size(), 1); // an empty list prints one note row
    qsizetype next = 0;
    while (true) {
        const qsizetype room = qsizetype(std::floor((contentBottom() - y) / RowHeight));
        page.firstRow = next;
        page.rowCount = std::clamp<qsizetype>(room, 0, rows - next);
        next += page.rowCount;
        y += RowHeight * double(page.rowCount);
        if (next == rows)
            break;
        pages.append(page);
        page = PagePlan();
        page.registerTop = LaterContentTop;
        y = LaterContentTop + RegisterHeaderHeight;
    }
    // The totals row stays under the register's header; it takes the last row along rather than stand alone.
    if (y + TotalsRowHeightRegister > contentBottom()) {
        const qsizetype carried = page.rowCount > 1 ? 1 : 0;
        page.rowCount -= carried;
        pages.append(page);
        page = PagePlan();
        page.registerTop = LaterContentTop;
        page.firstRow = next - carried;
        page.rowCount = carried;
        y = LaterContentTop + RegisterHeaderHeight + RowHeight * double(carried);
    }
    page.totalsRow = true;
    y += TotalsRowHeightRegister + 22;
    if (y + SignatureHeight > contentBottom()) {
        pages.append(page);
        page = PagePlan();
        page.registerHeader = false;
        page.firstRow = next;
        y = LaterContentTop;
    }
    page.signature = true;
    page.signatureTop = y;
    pages.append(page);
    return pages;
}

std::expected<void, QString> Job::newPage()
{
    m_page = HPDF_AddPage(m_doc.handle());
    if (auto ok = m_doc.check(u"adding a page"); !ok)
        return ok;
    HPDF_Page_SetSize(m_page, HPDF_PAGE_SIZE_A4, m_landscape ? HPDF_PAGE_LANDSCAPE : HPDF_PAGE_PORTRAIT);
    return m_doc.check(u"setting the page size");
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
    const TextLine note = elided(
        str(Strings::AtLeastOneDay, number(m_cameAtLeastOnce), number(m_data.rows.size())), m_contentWidth, 8.5,
        FontWeight::Regular, false);
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
    draw(label(QString::number(index + 1), CellSize), c.number.x + CellPad, c.number.width - 2 * CellPad, baseline, Muted,
         Align::Right);
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
    if (auto ok = chooseGeometry(); !ok)
        return std::unexpected(ok.error());

    // ---- count ----
    m_totals.resize(m_data.days.size());
    for (const AttendanceRegisterRow &row : m_data.rows) {
        bool came = false;
        for (qsizetype d = 0; d < m_data.days.size(); ++d) {
            const AttendanceMark mark = row.days.value(d, AttendanceMark{false, {}});
            m_totals[d].expected += mark.expected ? 1 : 0;
            m_totals[d].arrived += mark.arrived() ? 1 : 0;
            came = came || mark.arrived();
        }
        m_cameAtLeastOnce += came ? 1 : 0;
    }

    // ---- shape everything once ----
    Header &h = m_header;
    const QString event = cleaned(m_data.eventTitle).isEmpty() ? u"IETF %1"_s.arg(m_data.eventNumber)
                                                               : cleaned(m_data.eventTitle);
    const double startWidth = m_contentWidth * 0.62;
    const double endWidth = m_contentWidth - startWidth - 16;
    h.label = elided(str(Strings::Label), startWidth, 9, FontWeight::Bold, false);
    h.event = fitted(event, startWidth, 21, 13, FontWeight::Bold);
    QStringList where;
    if (const QString city = cleaned(m_data.city); !city.isEmpty())
        where.append(city);
    if (const QString dates = formatDateRange(m_data.firstDay, m_data.lastDay, m_locale); !dates.isEmpty())
        where.append(dates);
    h.where = elided(where.join(u"  ·  "_s), startWidth, 10.5);
    const QString generated = str(Strings::Generated, cleaned(m_data.generatedAt));
    h.generated = elided(generated, endWidth, 10, FontWeight::Bold, false);
    if (!cleaned(m_data.kioskId).isEmpty())
        h.kiosk = elided(str(m_data.venueWide ? Strings::KioskVenueWide : Strings::Kiosk, cleaned(m_data.kioskId)),
                         endWidth, 9);
    const QString zone = cleaned(m_data.timeZoneLabel).isEmpty() ? u"venue time"_s : cleaned(m_data.timeZoneLabel);
    h.times = elided(str(Strings::Times, zone), endWidth, 9);
    h.runningTitle = elided(event + u"  ·  "_s + str(Strings::ShortTitle), m_contentWidth * 0.6 - 8, 9,
                            FontWeight::Bold);
    h.runningGenerated = elided(generated, m_contentWidth * 0.4, 8, FontWeight::Regular, false);
    h.footerNote = elided(str(Strings::Footer, event, zone), m_contentWidth * 0.75, 8, FontWeight::Regular, false);

    const Columns &c = m_columns;
    // "Tue 10 Nov", or "10 Nov" when the days are narrow (many programme days): one form for every day that fits.
    for (const QString &format : {u"ddd d MMM"_s, u"d MMM"_s, u"d/M"_s}) {
        m_dayDates.clear();
        bool fits = true;
        for (qsizetype d = 0; d < m_data.days.size(); ++d) {
            m_dayDates.append(label(m_locale.toString(m_data.days[d].date, format), ColumnSize));
            fits = fits && m_dayDates.last().width() <= c.days[d].width - 3;
        }
        if (fits)
            break;
    }
    m_names.reserve(m_data.rows.size());
    m_organisations.reserve(m_data.rows.size());
    QHash<QString, TextLine> organisations; // a delegation shares its ministry's name
    for (const AttendanceRegisterRow &row : m_data.rows) {
        const QString name = cleaned(row.name);
        m_names.append(fitted(name.isEmpty() ? u"—"_s : name, c.name.width - 2 * CellPad, NameSize, MinNameSize));
        const QString organisation = cleaned(row.organisation);
        auto it = organisations.constFind(organisation);
        if (it == organisations.constEnd())
            it = organisations.insert(organisation,
                                      elided(organisation, c.organisation.width - 2 * CellPad, CellSize));
        m_organisations.append(*it);
        if (!m_error.isEmpty())
            return std::unexpected(m_error);
    }
    if (!m_error.isEmpty())
        return std::unexpected(m_error);

    // ---- the document ----
    if (auto ok = m_doc.begin(); !ok)
        return std::unexpected(ok.error());
    HPDF_SetInfoAttr(m_doc.handle(), HPDF_INFO_CREATOR, "ietf-checkin");
    // Document info strings are PDFDocEncoding in libharu: only ASCII survives unchanged.
    const QString pdfTitle = str(Strings::PdfTitle, event);
    const bool ascii = std::all_of(pdfTitle.cbegin(), pdfTitle.cend(), [](QChar ch) { return ch.unicode() < 0x7f; });
    HPDF_SetInfoAttr(m_doc.handle(), HPDF_INFO_TITLE,
                     ascii ? pdfTitle.toLatin1().constData() : Strings::ShortTitle);
    if (auto ok = m_doc.check(u"setting the document properties"); !ok)
        return std::unexpected(ok.error());

    const QList<PagePlan> pages = paginate();
    for (qsizetype p = 0; p < pages.size(); ++p) {
        const PagePlan &page = pages[p];
        if (auto ok = newPage(); !ok)
            return std::unexpected(ok.error());
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
        if (auto ok = m_doc.check(u"drawing page %1"_s.arg(p + 1)); !ok)
            return std::unexpected(ok.error());
        if (!m_error.isEmpty())
            return std::unexpected(m_error);
        if (auto ok = pdf::deflatePageFast(m_page); !ok)
            return std::unexpected(u"compressing page %1: "_s.arg(p + 1) + ok.error());
    }
    return m_doc.save();
}

} // namespace

AttendanceReportRenderer::AttendanceReportRenderer(QStringList fontDirectories)
    : m_d(std::make_unique<Private>(std::move(fontDirectories)))
{
}

AttendanceReportRenderer::~AttendanceReportRenderer() = default;

std::expected<QByteArray, QString> AttendanceReportRenderer::render(const AttendanceReportData &data)
{
    const QString failed = u"cannot create the attendance report PDF: "_s;
    if (!m_d->fonts.isUsable())
        return std::unexpected(failed + u"the Noto Sans font is missing: install the Debian package fonts-noto-core "
                                        "(apt install fonts-noto-core)"_s);
    if (!m_d->doc)
        m_d->doc = std::make_unique<pdf::HpdfDocument>();
    Job job(m_d->fonts, *m_d->doc, data);
    auto pdf = job.run();
    if (!pdf) {
        // After a libharu error the handle's state is unknown: start afresh next time (fonts stay loaded).
        m_d->doc.reset();
        return std::unexpected(failed + pdf.error());
    }
    return pdf;
}

} // namespace checkin
