#include "printing/attendancereportjob_p.h"

#include "printing/daterange.h"

#include "printing/text/textfitter.h"
#include "printing/text/textshaper.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace checkin::attendance {

QString str(const char *s, const QString &a, const QString &b)
{
    QString result = QString::fromUtf8(s);
    if (result.contains(u"%2"_s))
        return result.arg(a, b);
    if (result.contains(u"%1"_s))
        return result.arg(a);
    return result;
}

Job::Job(text::FontLibrary &fonts, pdf::HpdfDocument &doc, const AttendanceReportData &data)
    : m_fonts(fonts)
    , m_doc(doc)
    , m_data(data)
    , m_locale(QLocale::English, QLocale::UnitedKingdom)
{
}

text::TextStyle Job::style(double size, FontWeight weight, bool data) const
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
TextLine Job::label(const QString &text, double size, FontWeight weight)
{
    const QString key = text + u'\x1f' + QString::number(size) + (weight == FontWeight::Bold ? u"b"_s : u"r"_s);
    auto it = m_cache.constFind(key);
    if (it != m_cache.constEnd())
        return *it;
    const TextLine line = m_errors.value(text::shapeLine(m_fonts, text, style(size, weight, false)));
    m_cache.insert(key, line);
    return line;
}

TextLine Job::elided(const QString &text, double width, double size, FontWeight weight, bool data)
{
    return m_errors.value(text::elideText(m_fonts, text, width, style(size, weight, data)));
}

// One line shrunk down to minSize, cut with "…" below that: a name never leaves its cell.
TextLine Job::fitted(const QString &text, double width, double maxSize, double minSize, FontWeight weight)
{
    text::FitOptions options;
    options.boxWidthPt = width;
    options.maxSizePt = maxSize;
    options.minSizePt = minSize;
    options.weight = weight;
    return m_errors.value(text::fitText(m_fonts, text, options)).lines.value(0);
}

QList<TextLine> Job::wrapped(const QString &text, double width, int maxLines, double size)
{
    text::FitOptions options;
    options.boxWidthPt = width;
    options.maxLines = maxLines;
    options.maxSizePt = size;
    options.minSizePt = size;
    options.direction = text::TextDirection::LeftToRight;
    options.language = u"en"_s;
    return m_errors.value(text::fitText(m_fonts, text, options)).lines;
}

std::expected<void, QString> Job::chooseGeometry()
{
    const qsizetype dayCount = m_data.days.size();
    if (dayCount > AttendanceReportRenderer::MaxDays)
        return std::unexpected(u"the register fits at most %1 programme days side by side; this report has %2"_s
                                   .arg(AttendanceReportRenderer::MaxDays)
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

// Each day's expected and arrived guests, and the guests who came at least once.
void Job::count()
{
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
}

// Shapes everything once (headers, day dates, names, organisations); returns the event's printed name.
std::expected<QString, QString> Job::shape()
{
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
            it = organisations.insert(organisation, elided(organisation, c.organisation.width - 2 * CellPad, CellSize));
        m_organisations.append(*it);
        if (m_errors.failed())
            return std::unexpected(m_errors.error());
    }
    if (m_errors.failed())
        return std::unexpected(m_errors.error());
    return event;
}

} // namespace checkin::attendance
