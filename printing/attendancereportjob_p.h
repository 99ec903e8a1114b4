#pragma once

// Private to printing/: one attendance report being rendered. attendancereportlayout.cpp counts, shapes and
// paginates it, attendancereportpdf.cpp draws it.

#include "printing/attendancereportpdf.h"

#include "printing/pdfpage_p.h"
#include "printing/text/fontlibrary.h"
#include "printing/text/textline.h"
#include "printing/text/textstyle.h"

#include <QHash>
#include <QList>
#include <QLocale>

namespace checkin::attendance {

using pdf::cleaned;
using text::FontWeight;
using text::Rgb;
using text::TextLine;

// Every word the report prints. English only: the report goes to the programme's sponsors.
namespace Strings {
inline constexpr auto Label = "ATTENDANCE REGISTER  ·  IETF POLICYMAKER PROGRAM";
inline constexpr auto ShortTitle = "Attendance register";
inline constexpr auto Generated = "Generated %1";
inline constexpr auto Kiosk = "Kiosk %1";
inline constexpr auto KioskVenueWide = "Kiosk %1  ·  all kiosks (venue database)";
inline constexpr auto Times = "Times: %1";
inline constexpr auto DailyTotals = "Daily totals";
inline constexpr auto DayColumn = "DAY";
inline constexpr auto DateColumn = "DATE";
inline constexpr auto ExpectedColumn = "EXPECTED";
inline constexpr auto ArrivedColumn = "ARRIVED";
inline constexpr auto PercentColumn = "% ARRIVED";
inline constexpr auto DayNumber = "Day %1";
inline constexpr auto AtLeastOneDay = "%1 of %2 guests in the register arrived on at least one programme day.";
inline constexpr auto Register = "Register";
inline constexpr auto LegendArrived = "first scan that day (venue time)";
inline constexpr auto LegendAbsent = "expected, did not arrive";
inline constexpr auto LegendNotExpected = "not expected that day";
inline constexpr auto NumberColumn = "#";
inline constexpr auto NameColumn = "NAME";
inline constexpr auto OrganisationColumn = "ORGANISATION";
inline constexpr auto CountryColumn = "CTRY";
inline constexpr auto Absent = "–";
inline constexpr auto NotExpected = "n/a";
inline constexpr auto ArrivedTotal = "Arrived";
inline constexpr auto OfExpected = "of %1";
inline constexpr auto NoGuests = "There are no guests in the guest list.";
inline constexpr auto PageOf = "Page %1 of %2";
inline constexpr auto Footer = "%1  ·  attendance register  ·  times in %2";
inline constexpr auto CertifiedBy = "Certified correct by";
inline constexpr auto Statement =
    "I certify that this register is a true record of the attendance of the guests listed above at "
    "%1, %2, as recorded by the check-in kiosks.";
inline constexpr auto NameField = "Name";
inline constexpr auto RoleField = "Role";
inline constexpr auto DateField = "Date";
inline constexpr auto SignatureField = "Signature";
inline constexpr auto PdfTitle = "Attendance register - %1";
} // namespace Strings

/// s from Strings with its %1 and %2 filled in.
[[nodiscard]] QString str(const char *s, const QString &a = {}, const QString &b = {});

// The house look (pdfpage_p.h), and two of the register's own.
using namespace pdf::colours;
inline constexpr Rgb Faint{0.600, 0.627, 0.667};
inline constexpr Rgb Tick{0.082, 0.447, 0.247}; // green: "arrived" at a glance, still dark on a grey laser

// Page geometry, pt. Text positions are baselines measured from the top of the page.
inline constexpr double Margin = 40;
inline constexpr double BandHeight = 92;
inline constexpr double FirstContentTop = BandHeight + 26;
inline constexpr double RunningHeaderRule = 50; // later pages: a one-line header above this rule
inline constexpr double LaterContentTop = RunningHeaderRule + 14;
inline constexpr double FooterRule = 44; // from the bottom of the page
inline constexpr double ContentBottomGap = FooterRule + 10;

// Totals table.
inline constexpr double SectionHeadingHeight = 24;
inline constexpr double TotalsHeaderHeight = 16;
inline constexpr double TotalsRowHeight = 19;
inline constexpr double TotalsDayWidth = 58;
inline constexpr double TotalsDateWidth = 190;
inline constexpr double TotalsNumberWidth = 70;
inline constexpr double BarWidth = 90;

// Register.
inline constexpr double LegendHeight = 18;
inline constexpr double BasisNoteHeight = 24; // two lines of 8.5 pt under the totals
inline constexpr double RegisterHeaderHeight = 26;
inline constexpr double RowHeight = 14.5;
inline constexpr double TotalsRowHeightRegister = 28;
inline constexpr double NumberWidth = 30;
inline constexpr double CountryWidth = 30;
inline constexpr double CellPad = 4;
inline constexpr double DayWidth = 46;
inline constexpr double MinDayWidth = 36;
inline constexpr double MinNameAndOrganisation = 230;
inline constexpr double NameShare = 0.56;

// Type sizes.
inline constexpr double NameSize = 8.5;
inline constexpr double MinNameSize = 6.5;
inline constexpr double CellSize = 7.5;
inline constexpr double ColumnSize = 7;

// Signature block.
inline constexpr double SignatureHeight = 190;

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
    double registerTop = 0; // top of the register's column header
    double signatureTop = 0;
};

// One report being rendered: shaping, layout and drawing.
class Job
{
public:
    Job(text::FontLibrary &fonts, pdf::HpdfDocument &doc, const AttendanceReportData &data);

    /// The report as PDF bytes.
    [[nodiscard]] std::expected<QByteArray, QString> run();

private:
    // ---- text (attendancereportlayout.cpp) ----
    [[nodiscard]] text::TextStyle style(double size, FontWeight weight, bool data) const;
    TextLine label(const QString &text, double size, FontWeight weight = FontWeight::Regular);
    TextLine elided(const QString &text, double width, double size, FontWeight weight = FontWeight::Regular,
                    bool data = true);
    TextLine fitted(const QString &text, double width, double maxSize, double minSize,
                    FontWeight weight = FontWeight::Regular);
    QList<TextLine> wrapped(const QString &text, double width, int maxLines, double size);
    [[nodiscard]] QString number(qint64 n) const { return m_locale.toString(n); }

    // ---- layout (attendancereportlayout.cpp) ----
    std::expected<void, QString> chooseGeometry();
    void count();
    std::expected<QString, QString> shape();
    QList<PagePlan> paginate() const;
    [[nodiscard]] double contentBottom() const { return m_pageHeight - ContentBottomGap; }
    [[nodiscard]] double totalsTableHeight() const
    {
        return SectionHeadingHeight + TotalsHeaderHeight + TotalsRowHeight * double(m_data.days.size()) + 36
               + (m_data.expectedBasis.isEmpty() ? 0 : BasisNoteHeight);
    }

    // ---- drawing on m_page; x from the content box's left edge, y (top) from the top of the page ----
    void fillRect(double x, double top, double width, double height, Rgb colour)
    {
        m_page.fillRect(Margin + x, top, width, height, colour);
    }
    void hline(double x, double top, double width, double thickness, Rgb colour)
    {
        fillRect(x, top, width, thickness, colour);
    }
    enum class Align { Left, Right, Center };
    void draw(const TextLine &line, double x, double width, double baseline, Rgb colour, Align align = Align::Left);
    void drawTick(double x, double baseline, double size);
    // A writing line for the signature block.
    void drawRule(double x, double top, double width) { hline(x, top, width, 0.7, Ink); }
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
    pdf::Page m_page;
    pdf::ErrorLatch m_errors;
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

} // namespace checkin::attendance
