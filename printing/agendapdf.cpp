#include "printing/agendapdf.h"
#include "printing/venuezone.h"

#include "printing/daterange.h"

#include "printing/text/fontlibrary.h"
#include "printing/hpdfdocument.h"
#include "printing/text/hpdftextpainter.h"
#include "printing/text/textfitter.h"
#include "printing/text/textshaper.h"

#include <QHash>
#include <QLocale>
#include <QLoggingCategory>
#include <QTimeZone>
#include <QTranslator>

#include <algorithm>
#include <cmath>
#include <map>

using namespace Qt::StringLiterals;

namespace checkin {

namespace {

Q_LOGGING_CATEGORY(lcAgenda, "checkin.printing.agenda")

using text::FontWeight;
using text::Rgb;
using text::TextLine;

// The translation context of every heading (printing/i18n/printing_*.ts).
constexpr char Context[] = "AgendaPdf";

// The house look (see invitationpdf.cpp): one deep blue accent and its tints, neutral greys.
constexpr Rgb Accent{0.086, 0.227, 0.408};
constexpr Rgb AccentTint{0.937, 0.953, 0.973};  // the summary panel
constexpr Rgb RowTint{0.882, 0.918, 0.961};     // the guest's own rows: stronger, so it survives a grey laser
constexpr Rgb BandLabel{0.710, 0.776, 0.859};
constexpr Rgb BandText{0.894, 0.922, 0.957};
constexpr Rgb White{1.0, 1.0, 1.0};
constexpr Rgb Ink{0.110, 0.133, 0.173};
constexpr Rgb Muted{0.373, 0.408, 0.463};
constexpr Rgb Hairline{0.820, 0.835, 0.855};

// Page geometry, pt. Text positions are baselines measured from the top of the page.
constexpr double Margin = 40;
constexpr double BandHeight = 92;
constexpr double ContentTop = BandHeight + 44;   // below the legend row
constexpr double FooterRule = 44;                // from the bottom of the page
constexpr double ContentBottomGap = FooterRule + 12;
constexpr double AccentBar = 3.5;

// Column layout of a session row, from the start edge of the content box.
constexpr double RowInset = 12;      // tint and bar before the time column
constexpr double TimeWidth = 52;
constexpr double ColumnGap = 14;
constexpr double RoomWidth = 112;

// Type sizes.
constexpr double TitleSize = 10.5;
constexpr double TimeSize = 10.5;
constexpr double MetaSize = 8.5;
constexpr double RoomSize = 9;
constexpr double TitleLead = 13.5;
constexpr double MetaGap = 12.5;
constexpr double MetaSpacing = 4;    // either side of a "·"       // last title baseline to the kind line's baseline
constexpr double SummaryTimeWidth = 74;
constexpr double SummaryRoomWidth = 120;
constexpr double SummaryGap = 10;
constexpr double RowPadding = 7;
constexpr double DayHeadingHeight = 50;
constexpr double DayGap = 20;
constexpr double ColumnHeaderHeight = 17;
constexpr int MaxSummaryEntries = 12;

// The headings. QT_TRANSLATE_NOOP lets lupdate find them; Job::tr() looks them up per agenda.
constexpr const char *PersonalAgenda = QT_TRANSLATE_NOOP("AgendaPdf", "Personal agenda");
constexpr const char *PolicymakerProgram = QT_TRANSLATE_NOOP("AgendaPdf", "IETF Policymaker Program");
constexpr const char *YourSessions = QT_TRANSLATE_NOOP("AgendaPdf", "Your sessions");
constexpr const char *YourSessionsToday = QT_TRANSLATE_NOOP("AgendaPdf", "Your sessions today");
constexpr const char *YourSession = QT_TRANSLATE_NOOP("AgendaPdf", "Your session");
constexpr const char *DayNumber = QT_TRANSLATE_NOOP("AgendaPdf", "Day %1");
constexpr const char *Continued = QT_TRANSLATE_NOOP("AgendaPdf", "%1 (continued)");
constexpr const char *PageOf = QT_TRANSLATE_NOOP("AgendaPdf", "Page %1 of %2");
constexpr const char *TimesAreIn = QT_TRANSLATE_NOOP("AgendaPdf", "Times are in %1 local time (%2)");
constexpr const char *TimeColumn = QT_TRANSLATE_NOOP("AgendaPdf", "Time");
constexpr const char *SessionColumn = QT_TRANSLATE_NOOP("AgendaPdf", "Session");
constexpr const char *RoomColumn = QT_TRANSLATE_NOOP("AgendaPdf", "Room");
constexpr const char *NotPublished = QT_TRANSLATE_NOOP("AgendaPdf", "The programme has not been published yet");
constexpr const char *AskStaff =
    QT_TRANSLATE_NOOP("AgendaPdf", "The Policymaker Program staff at the registration desk have the latest schedule.");
constexpr const char *NothingForYou = QT_TRANSLATE_NOOP("AgendaPdf", "No sessions have been scheduled for you yet.");
constexpr const char *NoSessionsThisDay = QT_TRANSLATE_NOOP("AgendaPdf", "No sessions this day");

// Session kinds as they come from the importers (lower case) → the printed, translated label.
struct KindLabel
{
    const char *key;
    const char *label;
};
constexpr KindLabel KindLabels[] = {
    {"briefing", QT_TRANSLATE_NOOP("AgendaPdf", "Briefing")},
    {"roundtable", QT_TRANSLATE_NOOP("AgendaPdf", "Roundtable")},
    {"round table", QT_TRANSLATE_NOOP("AgendaPdf", "Roundtable")},
    {"meeting", QT_TRANSLATE_NOOP("AgendaPdf", "Meeting")},
    {"plenary", QT_TRANSLATE_NOOP("AgendaPdf", "Plenary")},
    {"social", QT_TRANSLATE_NOOP("AgendaPdf", "Social event")},
    {"working group", QT_TRANSLATE_NOOP("AgendaPdf", "Working group")},
    {"wg", QT_TRANSLATE_NOOP("AgendaPdf", "Working group")},
    {"bof", QT_TRANSLATE_NOOP("AgendaPdf", "BoF (Birds of a Feather)")},
    {"rg", QT_TRANSLATE_NOOP("AgendaPdf", "Research group")},
    {"research group", QT_TRANSLATE_NOOP("AgendaPdf", "Research group")},
    {"tutorial", QT_TRANSLATE_NOOP("AgendaPdf", "Tutorial")},
    {"break", QT_TRANSLATE_NOOP("AgendaPdf", "Break")},
    {"lunch", QT_TRANSLATE_NOOP("AgendaPdf", "Lunch")},
    {"reception", QT_TRANSLATE_NOOP("AgendaPdf", "Reception")},
    {"dinner", QT_TRANSLATE_NOOP("AgendaPdf", "Dinner")},
    {"hackathon", QT_TRANSLATE_NOOP("AgendaPdf", "Hackathon")},
    {"keynote", QT_TRANSLATE_NOOP("AgendaPdf", "Keynote")},
    {"workshop", QT_TRANSLATE_NOOP("AgendaPdf", "Workshop")},
    {"side meeting", QT_TRANSLATE_NOOP("AgendaPdf", "Side meeting")},
    {"registration", QT_TRANSLATE_NOOP("AgendaPdf", "Registration")},
    {"visit", QT_TRANSLATE_NOOP("AgendaPdf", "Visit")},
};

// The six languages of the programme; anything else prints in English.
struct Language
{
    const char *code;        // what AgendaData::language starts with
    const char *qmSuffix;    // printing_<suffix>.qm in :/i18n/
    const char *textHint;    // TextStyle::language: CJK glyph forms, OpenType rules, line breaks
    QLocale::Language locale;
    QLocale::Country country;
};
constexpr Language Languages[] = {
    {"en", nullptr, "en", QLocale::English, QLocale::UnitedStates},
    {"fr", "fr", "fr", QLocale::French, QLocale::France},
    {"es", "es", "es", QLocale::Spanish, QLocale::Spain},
    {"ar", "ar", "ar", QLocale::Arabic, QLocale::Egypt},
    {"zh", "zh_CN", "zh-Hans", QLocale::Chinese, QLocale::China},
    {"ru", "ru", "ru", QLocale::Russian, QLocale::Russia},
};

const Language &languageFor(const QString &tag)
{
    const QString base = tag.section(u'-', 0, 0).section(u'_', 0, 0).trimmed().toLower();
    for (const Language &language : Languages)
        if (base == QLatin1StringView(language.code))
            return language;
    return Languages[0];
}

QString cleaned(const QString &text)
{
    return text.normalized(QString::NormalizationForm_C).simplified();
}

// "UTC+7", "UTC−8", "UTC+5:30", "UTC".
QString utcOffset(int seconds)
{
    if (seconds == 0)
        return u"UTC"_s;
    const int minutes = std::abs(seconds) / 60;
    QString result = u"UTC"_s + (seconds < 0 ? u"\u2212"_s : u"+"_s) + QString::number(minutes / 60);
    if (minutes % 60)
        result += u':' + QString::number(minutes % 60).rightJustified(2, u'0');
    return result;
}

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
    TextLine tag;  // "Your session"
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
    TextLine overline;  // "Day 2"
    TextLine offset;    // "UTC−8", only when the event's days do not all share one offset
    TextLine heading;   // "Monday, November 3, 2025"
    TextLine headingContinued;
    std::optional<SummaryBlock> summary;
    QList<RowBlock> rows;
    TextLine note;      // "No sessions this day"
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

} // namespace

struct AgendaRenderer::Private
{
    explicit Private(QStringList fontDirectories) : fonts(std::move(fontDirectories)) {}

    // The translator for a language, loaded on first use; nullptr for English or a missing file.
    const QTranslator *translator(const Language &language)
    {
        if (!language.qmSuffix)
            return nullptr;
        auto it = translators.find(QLatin1StringView(language.code));
        if (it == translators.end()) {
            auto translator = std::make_unique<QTranslator>();
            const QString file = u"printing_"_s + QLatin1StringView(language.qmSuffix);
            if (!translator->load(file, u":/i18n"_s)) {
                qCWarning(lcAgenda) << "no translation" << file << "in :/i18n: agenda headings print in English";
                translator.reset();
            }
            it = translators.emplace(QLatin1StringView(language.code), std::move(translator)).first;
        }
        return it->second.get();
    }

    // The venue's zone when id is an IANA id this system knows. Qt alone also accepts "Bangkok" (as a POSIX
    // rule for UTC), which would silently print every time in UTC; the id list check is slow, so it is memoised.
    std::optional<QTimeZone> zone(const QString &id)
    {
        auto it = zones.find(id);
        if (it == zones.end()) {
            it = zones.insert(id, id.isEmpty() ? std::nullopt : venueZone(id.toLatin1()));
        }
        return *it;
    }

    text::FontLibrary fonts;
    std::unique_ptr<pdf::HpdfDocument> doc;
    QHash<QString, std::optional<QTimeZone>> zones;
    // Per-renderer translators, never installed globally: the kiosk's UI may show another language.
    std::map<QString, std::unique_ptr<QTranslator>> translators;
};

namespace {

// One agenda being rendered: shaping, layout and drawing with the guest's language and direction.
class Job
{
public:
    Job(text::FontLibrary &fonts, pdf::HpdfDocument &doc, const AgendaData &data, const Language &language,
        const QTranslator *translator, const QTimeZone &zone)
        : m_fonts(fonts)
        , m_doc(doc)
        , m_data(data)
        , m_language(language)
        , m_locale(m_language.locale, m_language.country)
        , m_translator(translator)
        , m_zone(zone)
        , m_rtl(m_locale.textDirection() == Qt::RightToLeft)
    {
        if (data.paper == AgendaData::Paper::Letter) {
            m_pageWidth = 612;
            m_pageHeight = 792;
        }
        m_contentWidth = m_pageWidth - 2 * Margin;
    }

    std::expected<QByteArray, QString> run();

private:
    // ---- text ----
    QString tr(const char *source) const
    {
        if (m_translator) {
            const QString translated = m_translator->translate(Context, source);
            if (!translated.isEmpty())
                return translated;
        }
        return QString::fromUtf8(source);
    }

    text::TextStyle style(double size, FontWeight weight, bool pageDirection) const
    {
        text::TextStyle s;
        s.sizePt = size;
        s.weight = weight;
        // Headings follow the page; data (titles, rooms, names) follows its own first strong character,
        // so an English title on an Arabic page keeps its punctuation where an English reader expects it.
        s.direction = pageDirection ? (m_rtl ? text::TextDirection::RightToLeft : text::TextDirection::LeftToRight)
                                    : text::TextDirection::Auto;
        if (pageDirection)
            s.language = QString::fromLatin1(m_language.textHint);
        return s;
    }

    // Remembers the first failure (only missing fonts fail); the caller checks m_error between blocks.
    TextLine remember(std::expected<TextLine, QString> line)
    {
        if (!line) {
            if (m_error.isEmpty())
                m_error = line.error();
            return {};
        }
        return *std::move(line);
    }

    TextLine heading(const QString &text, double size, FontWeight weight = FontWeight::Regular)
    {
        return remember(text::shapeLine(m_fonts, text, style(size, weight, true)));
    }
    TextLine data(const QString &text, double size, FontWeight weight = FontWeight::Regular)
    {
        return remember(text::shapeLine(m_fonts, text, style(size, weight, false)));
    }
    TextLine elided(const QString &text, double width, double size, FontWeight weight, bool pageDirection)
    {
        return remember(text::elideText(m_fonts, text, width, style(size, weight, pageDirection)));
    }
    // Up to maxLines at one fixed size, balanced, the last cut with "…" when the text is longer.
    QList<TextLine> wrapped(const QString &text, double width, int maxLines, double size, FontWeight weight,
                            bool pageDirection = false)
    {
        text::FitOptions options;
        options.boxWidthPt = width;
        options.maxLines = maxLines;
        options.maxSizePt = size;
        options.minSizePt = size;
        options.weight = weight;
        options.direction = style(size, weight, pageDirection).direction;
        if (pageDirection)
            options.language = QString::fromLatin1(m_language.textHint);
        auto fitted = text::fitText(m_fonts, text, options);
        if (!fitted) {
            if (m_error.isEmpty())
                m_error = fitted.error();
            return {};
        }
        return fitted->lines;
    }
    // A line shrunk to fit one line between maxSize and minSize, elided below that.
    TextLine fitted(const QString &text, double width, double maxSize, double minSize, FontWeight weight,
                    bool pageDirection)
    {
        text::FitOptions options;
        options.boxWidthPt = width;
        options.maxSizePt = maxSize;
        options.minSizePt = minSize;
        options.weight = weight;
        options.direction = style(maxSize, weight, pageDirection).direction;
        auto fit = text::fitText(m_fonts, text, options);
        if (!fit) {
            if (m_error.isEmpty())
                m_error = fit.error();
            return {};
        }
        return fit->lines.value(0);
    }

    QString capitalised(QString text) const
    {
        if (!text.isEmpty())
            text.replace(0, 1, m_locale.toUpper(text.left(1)));
        return text;
    }
    QString timeText(const QDateTime &local) const { return m_locale.toString(local.time(), u"HH:mm"_s); }
    QString dayHeadingText(QDate date) const
    {
        if (QLatin1StringView(m_language.code) == "zh"_L1)
            return m_locale.toString(date, u"yyyy年M月d日 dddd"_s);
        return capitalised(m_locale.toString(date, QLocale::LongFormat));
    }
    QString dateRangeText() const;
    QString kindLabel(const QString &kind) const
    {
        const QString key = kind.simplified().toLower().replace(u'_', u' ').replace(u'-', u' ');
        for (const KindLabel &k : KindLabels)
            if (key == QLatin1StringView(k.key))
                return tr(k.label);
        return capitalised(kind.simplified());
    }

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

    // ---- drawing on m_page ----
    void fillRect(double logicalX, double top, double width, double height, Rgb colour)
    {
        HPDF_Page_SetRGBFill(m_page, HPDF_REAL(colour.red), HPDF_REAL(colour.green), HPDF_REAL(colour.blue));
        HPDF_Page_Rectangle(m_page, HPDF_REAL(left(logicalX, width)), HPDF_REAL(m_pageHeight - top - height),
                            HPDF_REAL(width), HPDF_REAL(height));
        HPDF_Page_Fill(m_page);
    }
    // Draws a line in the box [logicalX, logicalX + width] at its start (reading) edge, its end edge or centred.
    enum class Edge { Start, End, Center };
    void draw(const TextLine &line, double logicalX, double width, double baseline, Rgb colour,
              Edge edge = Edge::Start)
    {
        if (line.isEmpty())
            return;
        // The box's edge follows the page's direction, whatever the line's own direction is.
        text::TextAlignment alignment = text::TextAlignment::Center;
        if (edge != Edge::Center)
            alignment = (edge == Edge::Start) != m_rtl ? text::TextAlignment::Left : text::TextAlignment::Right;
        if (line.isRightToLeft() == m_rtl && edge != Edge::Center)
            alignment = edge == Edge::Start ? text::TextAlignment::Start : text::TextAlignment::End;
        const double x = text::alignedX(line, left(logicalX, width), width, alignment);
        if (auto ok = text::drawLine(m_page, line, x, m_pageHeight - baseline, colour); !ok && m_error.isEmpty())
            m_error = ok.error();
    }
    // Draws lines one after another from logicalX in reading order, gap apart; returns the logical x after them.
    double drawInline(const QList<std::pair<TextLine, Rgb>> &pieces, double logicalX, double baseline, double gap)
    {
        for (const auto &[line, colour] : pieces) {
            if (line.isEmpty())
                continue;
            draw(line, logicalX, line.width(), baseline, colour);
            logicalX += line.width() + gap;
        }
        return logicalX;
    }

    // ---- layout ----
    QList<LocalSession> localSessions() const;
    QList<QDate> daysToPrint(const QList<LocalSession> &sessions) const;
    RowBlock rowBlock(const LocalSession &session, bool highlight);
    SummaryBlock summaryBlock(const QList<const LocalSession *> &mine);
    QList<PagePlan> paginate(const QList<DayBlock> &days) const;

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
    const Language &m_language;
    QLocale m_locale;
    const QTranslator *m_translator;
    QTimeZone m_zone;
    bool m_rtl;
    double m_pageWidth = 595.276;
    double m_pageHeight = 841.89;
    double m_contentWidth = 0;
    HPDF_Page m_page = nullptr;
    QString m_error;

    // Shaped once per agenda, drawn on every page.
    struct Header
    {
        TextLine label, event, where, name, latinName, organisation, legend, timeColumn, sessionColumn, roomColumn;
    } m_header;
};

QString Job::dateRangeText() const
{
    return formatDateRange(m_data.firstDay, m_data.lastDay, m_locale);
}

QList<LocalSession> Job::localSessions() const
{
    QList<LocalSession> result;
    result.reserve(m_data.sessions.size());
    for (const AgendaSession &session : m_data.sessions) {
        if (!session.start.isValid()) {
            qCWarning(lcAgenda) << "left out a session without a start time:" << session.title;
            continue;
        }
        if (m_data.onlyGuestSessions && !session.highlighted)
            continue;
        LocalSession local{&session, session.start.toTimeZone(m_zone), {}};
        if (session.end.isValid() && session.end > session.start)
            local.end = session.end.toTimeZone(m_zone);
        if (m_data.onlyDay && local.start.date() != *m_data.onlyDay)
            continue;
        result.append(local);
    }
    std::stable_sort(result.begin(), result.end(), [](const LocalSession &a, const LocalSession &b) {
        if (a.start != b.start)
            return a.start < b.start;
        return a.end.isValid() && b.end.isValid() && a.end < b.end;
    });
    return result;
}

QList<QDate> Job::daysToPrint(const QList<LocalSession> &sessions) const
{
    if (m_data.onlyDay)
        return {*m_data.onlyDay};
    QList<QDate> days;
    // The programme days, even empty ones (capped: a typo in a year must not print a thousand pages).
    if (m_data.firstDay.isValid()) {
        const QDate last = m_data.lastDay.isValid() ? m_data.lastDay : m_data.firstDay;
        for (QDate d = m_data.firstDay; d <= last && days.size() < 31; d = d.addDays(1))
            days.append(d);
    }
    for (const LocalSession &s : sessions)
        if (!days.contains(s.start.date()))
            days.append(s.start.date());
    std::sort(days.begin(), days.end());
    return days;
}

RowBlock Job::rowBlock(const LocalSession &session, bool highlight)
{
    const AgendaSession &s = *session.session;
    RowBlock row;
    row.session = &session;
    row.highlighted = highlight;
    row.start = heading(timeText(session.start), TimeSize, FontWeight::Bold);
    if (session.end.isValid())
        row.end = heading(timeText(session.end), RoomSize);
    const QString title = cleaned(s.title);
    row.title = wrapped(title.isEmpty() ? u"\u2014"_s : title, titleWidth(), 3, TitleSize,
                        highlight ? FontWeight::Bold : FontWeight::Regular);

    double metaRoom = titleWidth();
    if (highlight) {
        row.tag = heading(tr(YourSession), MetaSize, FontWeight::Bold);
        metaRoom -= row.tag.width() + 8;
    }
    // Kind (translated; left out when the title already says it: "Lunch", "IETF Plenary"), acronym, area.
    // Shaped piece by piece: a separator shaped next to Han text would take the wide CJK middle dot.
    QList<std::pair<QString, bool>> meta; // text, in the page's language
    if (const QString kind = kindLabel(cleaned(s.kind)); !kind.isEmpty() && !title.contains(kind, Qt::CaseInsensitive))
        meta.append({kind, true});
    if (const QString acronym = cleaned(s.acronym); !acronym.isEmpty())
        meta.append({acronym, false});
    if (const QString area = cleaned(s.area); !area.isEmpty() && area.compare(cleaned(s.acronym), Qt::CaseInsensitive))
        meta.append({area, false});
    const TextLine separator = data(u"·"_s, MetaSize);
    double used = 0;
    for (const auto &[piece, pageLanguage] : std::as_const(meta)) {
        const double sep = row.meta.isEmpty() ? 0.0 : separator.width() + 2 * MetaSpacing;
        const double room = metaRoom - used - sep;
        if (room < 24)
            break;
        const TextLine line = elided(piece, room, MetaSize, FontWeight::Regular, pageLanguage);
        if (!row.meta.isEmpty())
            row.meta.append(separator);
        row.meta.append(line);
        used += sep + line.width();
    }
    if (const QString room = cleaned(s.room); !room.isEmpty())
        row.room = wrapped(room, RoomWidth, 2, RoomSize, FontWeight::Regular);

    // Baselines from the row's top: first lines of time, title and room share one.
    const double first = RowPadding + TitleSize * 0.8;
    const double lastTitle = first + TitleLead * double(std::max<qsizetype>(row.title.size(), 1) - 1);
    double bottom = lastTitle + TitleSize * 0.3;
    if (!row.meta.isEmpty() || !row.tag.isEmpty())
        bottom = lastTitle + MetaGap + MetaSize * 0.3;
    bottom = std::max(bottom, first + (row.end.isEmpty() ? 0.0 : 13.0) + RoomSize * 0.3);
    bottom = std::max(bottom, first + 12.0 * double(std::max<qsizetype>(row.room.size(), 1) - 1) + RoomSize * 0.3);
    row.height = std::ceil(bottom + RowPadding + 1);
    return row;
}

SummaryBlock Job::summaryBlock(const QList<const LocalSession *> &mine)
{
    SummaryBlock summary;
    summary.label = heading(tr(YourSessionsToday), MetaSize + 0.5, FontWeight::Bold);
    for (const LocalSession *s : mine) {
        if (summary.entries.size() == MaxSummaryEntries)
            break;
        SummaryEntry entry;
        QString time = timeText(s->start);
        if (s->end.isValid())
            time += u"\u2013"_s + timeText(s->end);
        entry.time = heading(time, 9.5, FontWeight::Bold);
        const QString title = cleaned(s->session->title);
        entry.title = elided(title.isEmpty() ? u"\u2014"_s : title, summaryTitleWidth(), 9.5, FontWeight::Regular, false);
        entry.room = elided(cleaned(s->session->room), SummaryRoomWidth, 9, FontWeight::Regular, false);
        summary.entries.append(entry);
    }
    summary.height = 10 + 9 + 6 + 14.5 * double(summary.entries.size()) + 6;
    return summary;
}

QList<PagePlan> Job::paginate(const QList<DayBlock> &days) const
{
    QList<PagePlan> pages(1);
    double y = ContentTop;
    const auto fresh = [&] { return pages.back().items.isEmpty(); };
    const auto breakPage = [&] {
        pages.append(PagePlan());
        y = ContentTop;
    };
    const auto place = [&](Placed::Kind kind, qsizetype day, qsizetype row, double height, bool continued = false) {
        pages.back().items.append(Placed{kind, day, row, y, continued});
        if (!pages.back().days.contains(day))
            pages.back().days.append(day);
        y += height;
    };

    for (qsizetype d = 0; d < days.size(); ++d) {
        const DayBlock &day = days[d];
        const double summary = day.summary ? day.summary->height + 14 : 0;
        const double firstRow = day.rows.isEmpty() ? 30 : ColumnHeaderHeight + day.rows.first().height;
        // Keep the heading with its summary and the first session; never strand a heading at a page's foot.
        if (!fresh() && y + DayGap + DayHeadingHeight + summary + firstRow > contentBottom())
            breakPage();
        if (!fresh())
            y += DayGap;
        place(Placed::Kind::DayHeading, d, 0, DayHeadingHeight);
        if (day.summary)
            place(Placed::Kind::Summary, d, 0, summary);
        if (day.rows.isEmpty()) {
            place(Placed::Kind::Note, d, 0, 30);
            continue;
        }
        place(Placed::Kind::ColumnHeader, d, 0, ColumnHeaderHeight);
        qsizetype rowsOnPage = 0;
        for (qsizetype r = 0; r < day.rows.size(); ++r) {
            const double height = day.rows[r].height;
            // Never carry the day's last session alone onto a page: take the one before it along.
            const bool lastWouldBeAlone = r == day.rows.size() - 2 && rowsOnPage >= 2 && y + height <= contentBottom()
                && y + height + day.rows[r + 1].height > contentBottom();
            if (y + height > contentBottom() || lastWouldBeAlone) {
                rowsOnPage = 0;
                breakPage();
                place(Placed::Kind::DayHeading, d, 0, DayHeadingHeight, true);
                place(Placed::Kind::ColumnHeader, d, 0, ColumnHeaderHeight);
            }
            place(Placed::Kind::Row, d, r, height);
            ++rowsOnPage;
        }
    }
    return pages;
}

std::expected<void, QString> Job::newPage()
{
    pdf::HpdfDocument &doc = m_doc;
    m_page = HPDF_AddPage(doc.handle());
    if (auto ok = doc.check(u"adding a page"); !ok)
        return ok;
    HPDF_Page_SetSize(m_page, m_data.paper == AgendaData::Paper::Letter ? HPDF_PAGE_SIZE_LETTER : HPDF_PAGE_SIZE_A4,
                      HPDF_PAGE_PORTRAIT);
    return doc.check(u"setting the page size");
}

void Job::drawHeader(bool legend)
{
    const Header &h = m_header;
    fillRect(-Margin, 0, m_pageWidth, BandHeight, Accent);
    const double startWidth = m_contentWidth * 0.56;
    const double endX = startWidth + 16;
    const double endWidth = m_contentWidth - endX;
    draw(h.label, 0, startWidth, 27, BandLabel);
    draw(h.event, 0, startWidth, 55, White);
    draw(h.where, 0, startWidth, 74, BandText);

    // The guest: name, Latin name, organisation, flush with the end edge.
    QList<std::pair<TextLine, Rgb>> lines;
    if (!h.latinName.isEmpty())
        lines.append({h.latinName, BandText});
    if (!h.organisation.isEmpty())
        lines.append({h.organisation, BandLabel});
    double baseline = lines.size() == 2 ? 41 : (lines.size() == 1 ? 55 : 62);
    draw(h.name, endX, endWidth, baseline, White, Edge::End);
    for (const auto &[line, colour] : std::as_const(lines)) {
        baseline += baseline < 50 ? 16.5 : 19;
        draw(line, endX, endWidth, baseline, colour, Edge::End);
    }

    if (legend) {
        const double top = BandHeight + 15;
        fillRect(0, top, 22, 12, RowTint);
        fillRect(0, top, AccentBar, 12, Accent);
        draw(h.legend, 30, startWidth, top + 9.5, Ink);
    }
}

void Job::drawFooter(int pageNumber, int pageCount, const QString &zoneNote)
{
    const double rule = m_pageHeight - FooterRule;
    fillRect(0, rule, m_contentWidth, 0.6, Hairline);
    const TextLine page =
        heading(tr(PageOf).arg(m_locale.toString(pageNumber), m_locale.toString(pageCount)), 8, FontWeight::Bold);
    draw(page, 0, m_contentWidth, rule + 15, Muted, Edge::End);
    const TextLine note = remember(text::elideText(m_fonts, zoneNote, m_contentWidth - page.width() - 24,
                                                   style(8, FontWeight::Regular, true)));
    draw(note, 0, m_contentWidth, rule + 15, Muted);
}

void Job::drawDayHeading(const DayBlock &day, double top, bool continued)
{
    draw(day.overline, 0, m_contentWidth, top + 7, Accent);
    draw(day.offset, 0, m_contentWidth, top + 7, Muted, Edge::End);
    draw(continued ? day.headingContinued : day.heading, 0, m_contentWidth, top + 31, Ink);
    fillRect(0, top + 39, m_contentWidth, 1.4, Accent);
}

void Job::drawSummary(const SummaryBlock &summary, double top)
{
    fillRect(0, top, m_contentWidth, summary.height, AccentTint);
    fillRect(0, top, AccentBar, summary.height, Accent);
    double baseline = top + 10 + 7;
    draw(summary.label, RowInset + 4, m_contentWidth, baseline, Accent);
    baseline += 6 + 14;
    const double timeX = RowInset + 4;
    const double titleX = timeX + SummaryTimeWidth + SummaryGap;
    for (const SummaryEntry &entry : summary.entries) {
        draw(entry.time, timeX, SummaryTimeWidth, baseline, Ink);
        draw(entry.title, titleX, summaryTitleWidth(), baseline, Ink);
        draw(entry.room, m_contentWidth - RowInset - SummaryRoomWidth, SummaryRoomWidth, baseline, Muted, Edge::End);
        baseline += 14.5;
    }
}

void Job::drawColumnHeader(double top)
{
    const Header &h = m_header;
    const double baseline = top + 8;
    draw(h.timeColumn, RowInset, TimeWidth, baseline, Muted);
    draw(h.sessionColumn, titleX(), titleWidth(), baseline, Muted);
    draw(h.roomColumn, roomX(), RoomWidth, baseline, Muted);
    fillRect(0, top + ColumnHeaderHeight - 4.5, m_contentWidth, 0.8, Hairline);
}

void Job::drawRow(const RowBlock &row, double top)
{
    if (row.highlighted) {
        fillRect(0, top, m_contentWidth, row.height - 1, RowTint);
        fillRect(0, top, AccentBar, row.height - 1, Accent);
    }
    const double first = top + RowPadding + TitleSize * 0.8;
    draw(row.start, RowInset, TimeWidth, first, row.highlighted ? Accent : Ink);
    draw(row.end, RowInset, TimeWidth, first + 13, Muted);
    double baseline = first;
    for (qsizetype i = 0; i < row.title.size(); ++i) {
        baseline = first + TitleLead * double(i);
        draw(row.title[i], titleX(), titleWidth(), baseline, Ink);
    }
    if (!row.meta.isEmpty() || !row.tag.isEmpty()) {
        double x = drawInline({{row.tag, Accent}}, titleX(), baseline + MetaGap, 8);
        for (const TextLine &piece : row.meta)
            x = drawInline({{piece, Muted}}, x, baseline + MetaGap, MetaSpacing);
    }
    double roomBaseline = first;
    for (const TextLine &line : row.room) {
        draw(line, roomX(), RoomWidth, roomBaseline, Ink);
        roomBaseline += 12;
    }
    fillRect(0, top + row.height - 0.5, m_contentWidth, 0.5, Hairline);
}

void Job::drawMessage(const QString &title, const QString &detail)
{
    const double top = ContentTop + 70;
    const double width = m_contentWidth - 80;
    const QList<TextLine> titleLines = wrapped(title, width, 3, 18, FontWeight::Bold, true);
    const QList<TextLine> detailLines = wrapped(detail, width, 3, 11, FontWeight::Regular, true);
    const double height = 36 + 24 * double(titleLines.size()) + 10 + 16 * double(detailLines.size()) + 26;
    fillRect(0, top, m_contentWidth, height, AccentTint);
    fillRect(m_contentWidth / 2 - 20, top, 40, 3, Accent);
    double baseline = top + 36 + 14;
    for (const TextLine &line : titleLines) {
        draw(line, 40, width, baseline, Ink, Edge::Center);
        baseline += 24;
    }
    baseline += 6;
    for (const TextLine &line : detailLines) {
        draw(line, 40, width, baseline, Muted, Edge::Center);
        baseline += 16;
    }
}

std::expected<QByteArray, QString> Job::run()
{
    // ---- shape everything once ----
    const QString event = cleaned(m_data.eventName);
    const QString city = cleaned(m_data.eventCity);
    Header &h = m_header;
    const double startWidth = m_contentWidth * 0.56;
    const double endWidth = m_contentWidth - startWidth - 16;
    h.label = heading(tr(PersonalAgenda) + u"  ·  "_s + tr(PolicymakerProgram), 9, FontWeight::Bold);
    if (h.label.width() > startWidth)
        h.label = heading(tr(PersonalAgenda), 9, FontWeight::Bold);
    h.event = fitted(event.isEmpty() ? u"IETF"_s : event, startWidth, 21, 13, FontWeight::Bold, false);
    QStringList where;
    if (!city.isEmpty())
        where.append(city);
    if (const QString dates = dateRangeText(); !dates.isEmpty())
        where.append(dates);
    h.where = elided(where.join(u"  ·  "_s), startWidth, 10.5, FontWeight::Regular, true);
    const QString name = cleaned(m_data.guestName);
    const QString latin = cleaned(m_data.guestLatinName);
    const QString shownName = name.isEmpty() ? latin : name;
    const QString nameHint = QString::fromLatin1(m_language.textHint);
    {
        text::FitOptions options;
        // The guest's lines may reach towards the start side as far as the event's lines beside them allow.
        options.boxWidthPt = std::max(endWidth, m_contentWidth - std::max(h.label.width(), h.event.width()) - 24);
        options.maxSizePt = 16;
        options.minSizePt = 10;
        options.weight = FontWeight::Bold;
        options.language = nameHint; // Han names of a Chinese-speaking guest in Simplified Chinese forms
        auto fit = text::fitText(m_fonts, shownName, options);
        if (fit)
            h.name = fit->lines.value(0);
        else if (m_error.isEmpty())
            m_error = fit.error();
    }
    if (!latin.isEmpty() && latin != shownName)
        h.latinName = elided(latin, std::max(endWidth, m_contentWidth - h.event.width() - 24), 10,
                             FontWeight::Regular, false);
    if (const QString organisation = cleaned(m_data.organisation); !organisation.isEmpty())
        h.organisation = elided(organisation, std::max(endWidth, m_contentWidth - h.where.width() - 24), 9,
                                FontWeight::Regular, false);
    h.legend = heading(tr(YourSessions), 9);
    const auto columnLabel = [&](const char *source) {
        return heading(m_locale.toUpper(tr(source)), 7.5, FontWeight::Bold);
    };
    h.timeColumn = columnLabel(TimeColumn);
    h.sessionColumn = columnLabel(SessionColumn);
    h.roomColumn = columnLabel(RoomColumn);
    if (!m_error.isEmpty())
        return std::unexpected(m_error);

    const QList<LocalSession> sessions = localSessions();
    const QList<QDate> dates = daysToPrint(sessions);
    const bool anyHighlighted = !m_data.onlyGuestSessions
        && std::any_of(sessions.cbegin(), sessions.cend(), [](const LocalSession &s) { return s.session->highlighted; });

    QList<DayBlock> days;
    QList<int> offsets;
    for (const QDate &date : dates) {
        DayBlock day;
        day.date = date;
        day.utcOffset = m_zone.offsetFromUtc(QDateTime(date, QTime(12, 0), m_zone));
        if (!offsets.contains(day.utcOffset))
            offsets.append(day.utcOffset);
        if (m_data.firstDay.isValid())
            day.number = int(m_data.firstDay.daysTo(date)) + 1;
        days.append(day);
    }
    qsizetype next = 0;
    for (DayBlock &day : days) {
        if (day.number >= 1)
            day.overline = heading(m_locale.toUpper(tr(DayNumber).arg(m_locale.toString(day.number))), 8.5,
                                   FontWeight::Bold);
        if (offsets.size() > 1)
            day.offset = heading(utcOffset(day.utcOffset), 8.5, FontWeight::Bold);
        const QString title = dayHeadingText(day.date);
        day.heading = heading(title, 17, FontWeight::Bold);
        day.headingContinued = heading(tr(Continued).arg(title), 17, FontWeight::Bold);

        QList<const LocalSession *> mine;
        for (; next < sessions.size() && sessions[next].start.date() == day.date; ++next) {
            const LocalSession &s = sessions[next];
            const bool highlight = anyHighlighted && s.session->highlighted;
            day.rows.append(rowBlock(s, highlight));
            if (highlight)
                mine.append(&s);
        }
        if (!mine.isEmpty())
            day.summary = summaryBlock(mine);
        if (day.rows.isEmpty())
            day.note = heading(tr(NoSessionsThisDay), 10.5);
    }
    if (!m_error.isEmpty())
        return std::unexpected(m_error);

    // ---- the document ----
    pdf::HpdfDocument &doc = m_doc;
    if (auto ok = doc.begin(); !ok)
        return std::unexpected(ok.error());
    HPDF_SetInfoAttr(doc.handle(), HPDF_INFO_CREATOR, "ietf-checkin");
    // Document info strings are PDFDocEncoding in libharu: only ASCII survives unchanged.
    const QString pdfTitle = u"Personal agenda - "_s + (event.isEmpty() ? u"IETF"_s : event);
    const bool ascii = std::all_of(pdfTitle.cbegin(), pdfTitle.cend(), [](QChar c) { return c.unicode() < 0x7f; });
    HPDF_SetInfoAttr(doc.handle(), HPDF_INFO_TITLE, ascii ? pdfTitle.toLatin1().constData() : "Personal agenda");
    if (auto ok = doc.check(u"setting the document properties"); !ok)
        return std::unexpected(ok.error());

    const QString zonePlace =
        city.isEmpty() ? QString::fromLatin1(m_zone.id()).section(u'/', -1).replace(u'_', u' ') : city;
    const auto zoneNote = [&](const PagePlan &page) {
        QStringList shown;
        for (const qsizetype d : page.days)
            if (const QString offset = utcOffset(days[d].utcOffset); !shown.contains(offset))
                shown.append(offset);
        if (shown.isEmpty())
            shown.append(utcOffset(m_zone.offsetFromUtc(QDateTime(m_data.firstDay.isValid() ? m_data.firstDay
                                                                                            : QDate::currentDate(),
                                                                  QTime(12, 0), m_zone))));
        return tr(TimesAreIn).arg(zonePlace, shown.join(u" / "_s));
    };

    if (sessions.isEmpty() && !m_data.onlyDay) {
        // Nothing to list: one friendly page instead of an error or a run of empty days.
        const bool published = !m_data.sessions.isEmpty();
        if (auto ok = newPage(); !ok)
            return std::unexpected(ok.error());
        drawHeader(false);
        drawMessage(published ? tr(NothingForYou) : tr(NotPublished), tr(AskStaff));
        drawFooter(1, 1, zoneNote(PagePlan()));
        if (auto ok = doc.check(u"drawing the page"); !ok)
            return std::unexpected(ok.error());
        if (!m_error.isEmpty())
            return std::unexpected(m_error);
        if (auto ok = pdf::deflatePageFast(m_page); !ok)
            return std::unexpected(u"compressing the page: "_s + ok.error());
        return doc.save();
    }

    const QList<PagePlan> pages = paginate(days);
    for (qsizetype p = 0; p < pages.size(); ++p) {
        if (auto ok = newPage(); !ok)
            return std::unexpected(ok.error());
        drawHeader(anyHighlighted);
        for (const Placed &item : pages[p].items) {
            const DayBlock &day = days[item.day];
            switch (item.kind) {
            case Placed::Kind::DayHeading:
                drawDayHeading(day, item.top, item.continued);
                break;
            case Placed::Kind::Summary:
                drawSummary(*day.summary, item.top);
                break;
            case Placed::Kind::ColumnHeader:
                drawColumnHeader(item.top);
                break;
            case Placed::Kind::Row:
                drawRow(day.rows[item.row], item.top);
                break;
            case Placed::Kind::Note:
                draw(day.note, RowInset, m_contentWidth - RowInset, item.top + 16, Muted);
                break;
            }
        }
        drawFooter(int(p + 1), int(pages.size()), zoneNote(pages[p]));
        if (auto ok = doc.check(u"drawing page %1"_s.arg(p + 1)); !ok)
            return std::unexpected(ok.error());
        if (!m_error.isEmpty())
            return std::unexpected(m_error);
        if (auto ok = pdf::deflatePageFast(m_page); !ok)
            return std::unexpected(u"compressing page %1: "_s.arg(p + 1) + ok.error());
    }
    return doc.save();
}

} // namespace

AgendaRenderer::AgendaRenderer(QStringList fontDirectories)
    : m_d(std::make_unique<Private>(std::move(fontDirectories)))
{
}

AgendaRenderer::~AgendaRenderer() = default;

QStringList AgendaRenderer::supportedLanguages()
{
    QStringList codes;
    for (const Language &language : Languages)
        codes.append(QString::fromLatin1(language.code));
    return codes;
}

void AgendaRenderer::preload()
{
    // One sample per script of the six languages, both weights, plus the digits and punctuation of times.
    const QString sample = u"Agenda 0123456789:– ·…() Программа البرنامج الشخصي ٠١٢٣٤٥٦٧٨٩ 个人日程星期一"_s;
    m_d->fonts.preload(sample, FontWeight::Regular);
    m_d->fonts.preload(sample, FontWeight::Bold);
    for (const Language &language : Languages)
        (void)m_d->translator(language);
}

std::expected<QByteArray, QString> AgendaRenderer::render(const AgendaData &data)
{
    const QString failed = u"cannot create the agenda PDF: "_s;
    if (!m_d->fonts.isUsable())
        return std::unexpected(failed + u"the Noto Sans font is missing: install the Debian package fonts-noto-core "
                                        "(apt install fonts-noto-core)"_s);
    const QString zoneId = data.timeZone.trimmed();
    const std::optional<QTimeZone> zone = m_d->zone(zoneId);
    if (!zone)
        return std::unexpected(failed + u"the event's time zone \"%1\" is not a known IANA time zone; set it to "
                                        "the venue's zone, e.g. Asia/Bangkok or America/Vancouver"_s.arg(zoneId));
    if (!m_d->doc)
        m_d->doc = std::make_unique<pdf::HpdfDocument>();

    const Language &language = languageFor(data.language);
    Job job(m_d->fonts, *m_d->doc, data, language, m_d->translator(language), *zone);
    auto pdf = job.run();
    if (!pdf) {
        // After a libharu error the handle's state is unknown: start afresh next time (fonts stay loaded).
        m_d->doc.reset();
        return std::unexpected(failed + pdf.error());
    }
    return pdf;
}

} // namespace checkin
