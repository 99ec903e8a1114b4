#include "printing/agendajob_p.h"

#include "printing/daterange.h"

#include "printing/text/textfitter.h"
#include "printing/text/textshaper.h"

#include <QTranslator>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace checkin::agenda {

namespace {

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

} // namespace

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

QString Job::tr(const char *source) const
{
    if (m_translator) {
        const QString translated = m_translator->translate(Context, source);
        if (!translated.isEmpty())
            return translated;
    }
    return QString::fromUtf8(source);
}

text::TextStyle Job::style(double size, FontWeight weight, bool pageDirection) const
{
    text::TextStyle s;
    s.sizePt = size;
    s.weight = weight;
    // Headings follow the page; data (titles, rooms, names) follows its own first strong character,
    // so an English title on an Arabic page keeps its punctuation where an English reader expects it.
    s.direction = pageDirection ? (m_rtl ? text::TextDirection::RightToLeft : text::TextDirection::LeftToRight)
                                : text::TextDirection::Auto;
    if (pageDirection)
        s.language = m_language.scriptTag.toString();
    return s;
}

TextLine Job::heading(const QString &text, double size, FontWeight weight)
{
    return m_errors.value(text::shapeLine(m_fonts, text, style(size, weight, true)));
}

TextLine Job::data(const QString &text, double size, FontWeight weight)
{
    return m_errors.value(text::shapeLine(m_fonts, text, style(size, weight, false)));
}

TextLine Job::elided(const QString &text, double width, double size, FontWeight weight, bool pageDirection)
{
    return m_errors.value(text::elideText(m_fonts, text, width, style(size, weight, pageDirection)));
}

text::FitOptions Job::fitOptions(double width, double maxSize, double minSize, FontWeight weight,
                                 bool pageDirection) const
{
    text::FitOptions options;
    options.boxWidthPt = width;
    options.maxSizePt = maxSize;
    options.minSizePt = minSize;
    options.weight = weight;
    options.direction = style(maxSize, weight, pageDirection).direction;
    return options;
}

// Up to maxLines at one fixed size, balanced, the last cut with "…" when the text is longer.
QList<TextLine> Job::wrapped(const QString &text, double width, int maxLines, double size, FontWeight weight,
                             bool pageDirection)
{
    text::FitOptions options = fitOptions(width, size, size, weight, pageDirection);
    options.maxLines = maxLines;
    if (pageDirection)
        options.language = m_language.scriptTag.toString();
    return m_errors.value(text::fitText(m_fonts, text, options)).lines;
}

// A line shrunk to fit one line between maxSize and minSize, elided below that.
TextLine Job::fitted(const QString &text, double width, double maxSize, double minSize, FontWeight weight,
                     bool pageDirection)
{
    return m_errors.value(text::fitText(m_fonts, text, fitOptions(width, maxSize, minSize, weight, pageDirection)))
        .lines.value(0);
}

QString Job::capitalised(QString text) const
{
    if (!text.isEmpty())
        text.replace(0, 1, m_locale.toUpper(text.left(1)));
    return text;
}

QString Job::timeText(const QDateTime &local) const
{
    return m_locale.toString(local.time(), u"HH:mm"_s);
}

QString Job::dayHeadingText(QDate date) const
{
    if (m_language.code == u"zh")
        return m_locale.toString(date, u"yyyy年M月d日 dddd"_s);
    return capitalised(m_locale.toString(date, QLocale::LongFormat));
}

QString Job::dateRangeText() const
{
    return formatDateRange(m_data.firstDay, m_data.lastDay, m_locale);
}

QString Job::kindLabel(const QString &kind) const
{
    const QString key = kind.simplified().toLower().replace(u'_', u' ').replace(u'-', u' ');
    for (const KindLabel &k : KindLabels)
        if (key == QLatin1StringView(k.key))
            return tr(k.label);
    return capitalised(kind.simplified());
}

// The band's lines and the column labels, shaped once and drawn on every page.
std::expected<void, QString> Job::shapeHeader()
{
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
    const QString nameHint = m_language.scriptTag.toString();
    {
        text::FitOptions options;
        // The guest's lines may reach towards the start side as far as the event's lines beside them allow.
        options.boxWidthPt = std::max(endWidth, m_contentWidth - std::max(h.label.width(), h.event.width()) - 24);
        options.maxSizePt = 16;
        options.minSizePt = 10;
        options.weight = FontWeight::Bold;
        options.language = nameHint; // Han names of a Chinese-speaking guest in Simplified Chinese forms
        h.name = m_errors.value(text::fitText(m_fonts, shownName, options)).lines.value(0);
    }
    if (!latin.isEmpty() && latin != shownName)
        h.latinName = elided(latin, std::max(endWidth, m_contentWidth - h.event.width() - 24), 10, FontWeight::Regular,
                             false);
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
    if (m_errors.failed())
        return std::unexpected(m_errors.error());

    return {};
}

} // namespace checkin::agenda
