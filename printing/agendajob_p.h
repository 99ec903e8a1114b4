#pragma once

// Private to printing/: one agenda being rendered. agendatext.cpp words it (translations, dates, shaping),
// agendalayout.cpp lays it out (sessions into days, rows and pages), agendapdf.cpp draws it.

#include "printing/agendapdf.h"

#include "printing/pdfpage_p.h"
#include "printing/text/fontlibrary.h"
#include "printing/text/languages.h"
#include "printing/text/textfitter.h"
#include "printing/text/textline.h"
#include "printing/text/textstyle.h"

#include <QDateTime>
#include <QList>
#include <QLocale>
#include <QLoggingCategory>
#include <QTimeZone>

#include <optional>
#include <utility>

class QTranslator;

namespace checkin::agenda {

Q_DECLARE_LOGGING_CATEGORY(lcAgenda)

using pdf::cleaned;
using text::FontWeight;
using text::Rgb;
using text::TextLine;

// The translation context of every heading (printing/i18n/printing_*.ts).
inline constexpr char Context[] = "AgendaPdf";

// The house look (pdfpage_p.h), and the guest's own rows: stronger than the panel tint, so it survives a grey laser.
using namespace pdf::colours;
inline constexpr Rgb RowTint{0.882, 0.918, 0.961};

// Page geometry, pt. Text positions are baselines measured from the top of the page.
inline constexpr double Margin = 40;
inline constexpr double BandHeight = 92;
inline constexpr double ContentTop = BandHeight + 44; // below the legend row
inline constexpr double FooterRule = 44;              // from the bottom of the page
inline constexpr double ContentBottomGap = FooterRule + 12;
inline constexpr double AccentBar = 3.5;

// Column layout of a session row, from the start edge of the content box.
inline constexpr double RowInset = 12; // tint and bar before the time column
inline constexpr double TimeWidth = 52;
inline constexpr double ColumnGap = 14;
inline constexpr double RoomWidth = 112;

// Type sizes.
inline constexpr double TitleSize = 10.5;
inline constexpr double TimeSize = 10.5;
inline constexpr double MetaSize = 8.5;
inline constexpr double RoomSize = 9;
inline constexpr double TitleLead = 13.5;
inline constexpr double MetaGap = 12.5;
inline constexpr double MetaSpacing =
    4; // either side of a "·"       // last title baseline to the kind line's baseline
inline constexpr double SummaryTimeWidth = 74;
inline constexpr double SummaryRoomWidth = 120;
inline constexpr double SummaryGap = 10;
inline constexpr double RowPadding = 7;
inline constexpr double DayHeadingHeight = 50;
inline constexpr double DayGap = 20;
inline constexpr double ColumnHeaderHeight = 17;
inline constexpr int MaxSummaryEntries = 12;

// The headings. QT_TRANSLATE_NOOP lets lupdate find them; Job::tr() looks them up per agenda.
inline constexpr const char *PersonalAgenda = QT_TRANSLATE_NOOP("AgendaPdf", "Personal agenda");
inline constexpr const char *PolicymakerProgram = QT_TRANSLATE_NOOP("AgendaPdf", "IETF Policymaker Program");
inline constexpr const char *YourSessions = QT_TRANSLATE_NOOP("AgendaPdf", "Your sessions");
inline constexpr const char *YourSessionsToday = QT_TRANSLATE_NOOP("AgendaPdf", "Your sessions today");
inline constexpr const char *YourSession = QT_TRANSLATE_NOOP("AgendaPdf", "Your session");
inline constexpr const char *DayNumber = QT_TRANSLATE_NOOP("AgendaPdf", "Day %1");
inline constexpr const char *Continued = QT_TRANSLATE_NOOP("AgendaPdf", "%1 (continued)");
inline constexpr const char *PageOf = QT_TRANSLATE_NOOP("AgendaPdf", "Page %1 of %2");
inline constexpr const char *TimesAreIn = QT_TRANSLATE_NOOP("AgendaPdf", "Times are in %1 local time (%2)");
inline constexpr const char *TimeColumn = QT_TRANSLATE_NOOP("AgendaPdf", "Time");
inline constexpr const char *SessionColumn = QT_TRANSLATE_NOOP("AgendaPdf", "Session");
inline constexpr const char *RoomColumn = QT_TRANSLATE_NOOP("AgendaPdf", "Room");
inline constexpr const char *NotPublished = QT_TRANSLATE_NOOP("AgendaPdf", "The programme has not been published yet");
inline constexpr const char *AskStaff = QT_TRANSLATE_NOOP(
    "AgendaPdf", "The Policymaker Program staff at the registration desk have the latest schedule.");
inline constexpr const char *NothingForYou = QT_TRANSLATE_NOOP("AgendaPdf",
                                                               "No sessions have been scheduled for you yet.");
inline constexpr const char *NoSessionsThisDay = QT_TRANSLATE_NOOP("AgendaPdf", "No sessions this day");

// "UTC+7", "UTC−8", "UTC+5:30", "UTC".
[[nodiscard]] QString utcOffset(int seconds);

// One session placed in the venue's time zone.
struct LocalSession
{
    const AgendaSession *session = nullptr;
    QDateTime start;
    QDateTime end; // invalid when not printed
};

// A session row, shaped and measured.
struct RowBlock
{
    const LocalSession *session = nullptr;
    bool highlighted = false;
    TextLine start;
    TextLine end;
    QList<TextLine> title;
    TextLine tag;         // "Your session"
    QList<TextLine> meta; // kind · acronym · area, the separators included
    QList<TextLine> room;
    double height = 0;
};

struct SummaryEntry
{
    TextLine time;
    TextLine title;
    TextLine room;
};

struct SummaryBlock
{
    TextLine label;
    QList<SummaryEntry> entries;
    double height = 0;
};

struct DayBlock
{
    QDate date;
    int number = 0;
    int utcOffset = 0;
    TextLine overline; // "Day 2"
    TextLine offset;   // "UTC−8", only when the event's days do not all share one offset
    TextLine heading;  // "Monday, November 3, 2025"
    TextLine headingContinued;
    std::optional<SummaryBlock> summary;
    QList<RowBlock> rows;
    TextLine note; // "No sessions this day"
};

// What goes where on one page.
struct Placed
{
    enum class Kind { DayHeading, Summary, ColumnHeader, Row, Note };
    Kind kind = Kind::Row;
    qsizetype day = 0;
    qsizetype row = 0;
    double top = 0;
    bool continued = false;
};

struct PagePlan
{
    QList<Placed> items;
    QList<qsizetype> days;
};

// One agenda being rendered: shaping, layout and drawing with the guest's language and direction.
class Job
{
public:
    Job(text::FontLibrary &fonts, pdf::HpdfDocument &doc, const AgendaData &data, const KioskLanguage &language,
        const QTranslator *translator, const QTimeZone &zone);

    /// The agenda as PDF bytes.
    [[nodiscard]] std::expected<QByteArray, QString> run();

private:
    // ---- text (agendatext.cpp) ----
    [[nodiscard]] QString tr(const char *source) const;
    [[nodiscard]] text::TextStyle style(double size, FontWeight weight, bool pageDirection) const;
    [[nodiscard]] text::FitOptions fitOptions(double width, double maxSize, double minSize, FontWeight weight,
                                              bool pageDirection) const;
    TextLine heading(const QString &text, double size, FontWeight weight = FontWeight::Regular);
    TextLine data(const QString &text, double size, FontWeight weight = FontWeight::Regular);
    TextLine elided(const QString &text, double width, double size, FontWeight weight, bool pageDirection);
    QList<TextLine> wrapped(const QString &text, double width, int maxLines, double size, FontWeight weight,
                            bool pageDirection = false);
    TextLine fitted(const QString &text, double width, double maxSize, double minSize, FontWeight weight,
                    bool pageDirection);
    [[nodiscard]] QString capitalised(QString text) const;
    [[nodiscard]] QString timeText(const QDateTime &local) const;
    [[nodiscard]] QString dayHeadingText(QDate date) const;
    [[nodiscard]] QString dateRangeText() const;
    [[nodiscard]] QString kindLabel(const QString &kind) const;
    std::expected<void, QString> shapeHeader();

    // ---- geometry: x is measured from the content box's start edge (the right edge on an Arabic page) ----
    [[nodiscard]] double left(double logicalX, double width) const
    {
        return m_rtl ? m_pageWidth - Margin - logicalX - width : Margin + logicalX;
    }
    [[nodiscard]] double titleX() const { return RowInset + TimeWidth + ColumnGap; }
    [[nodiscard]] double roomX() const { return m_contentWidth - RowInset - RoomWidth; }
    [[nodiscard]] double titleWidth() const { return roomX() - ColumnGap - titleX(); }
    [[nodiscard]] double summaryTitleWidth() const
    {
        return m_contentWidth - 2 * RowInset - 4 - SummaryTimeWidth - SummaryRoomWidth - 2 * SummaryGap;
    }
    [[nodiscard]] double contentBottom() const { return m_pageHeight - ContentBottomGap; }

    // ---- layout (agendalayout.cpp) ----
    QList<LocalSession> localSessions() const;
    QList<QDate> daysToPrint(const QList<LocalSession> &sessions) const;
    RowBlock rowBlock(const LocalSession &session, bool highlight);
    SummaryBlock summaryBlock(const QList<const LocalSession *> &mine);
    QList<DayBlock> dayBlocks(const QList<LocalSession> &sessions, bool anyHighlighted);
    QList<PagePlan> paginate(const QList<DayBlock> &days) const;

    // ---- drawing on m_page (agendapdf.cpp) ----
    void fillRect(double logicalX, double top, double width, double height, Rgb colour)
    {
        m_page.fillRect(left(logicalX, width), top, width, height, colour);
    }
    // Draws a line in the box [logicalX, logicalX + width] at its start (reading) edge, its end edge or centred.
    enum class Edge { Start, End, Center };
    void draw(const TextLine &line, double logicalX, double width, double baseline, Rgb colour,
              Edge edge = Edge::Start);
    double drawInline(const QList<std::pair<TextLine, Rgb>> &pieces, double logicalX, double baseline, double gap);
    std::expected<void, QString> newPage();
    void drawHeader(bool legend);
    void drawFooter(int pageNumber, int pageCount, const QString &zoneNote);
    void drawDayHeading(const DayBlock &day, double top, bool continued);
    void drawSummary(const SummaryBlock &summary, double top);
    void drawColumnHeader(double top);
    void drawRow(const RowBlock &row, double top);
    void drawMessage(const QString &title, const QString &detail);

    text::FontLibrary &m_fonts;
    pdf::HpdfDocument &m_doc;
    const AgendaData &m_data;
    const KioskLanguage &m_language;
    QLocale m_locale;
    const QTranslator *m_translator;
    QTimeZone m_zone;
    bool m_rtl;
    double m_pageWidth = 595.276;
    double m_pageHeight = 841.89;
    double m_contentWidth = 0;
    pdf::Page m_page;
    pdf::ErrorLatch m_errors; // only missing fonts fail; checked between blocks

    // Shaped once per agenda, drawn on every page.
    struct Header
    {
        TextLine label, event, where, name, latinName, organisation, legend, timeColumn, sessionColumn, roomColumn;
    } m_header;
};

} // namespace checkin::agenda
