#include "printing/agendajob_p.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace checkin::agenda {

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
        entry.title = elided(title.isEmpty() ? u"\u2014"_s : title, summaryTitleWidth(), 9.5, FontWeight::Regular,
                             false);
        entry.room = elided(cleaned(s->session->room), SummaryRoomWidth, 9, FontWeight::Regular, false);
        summary.entries.append(entry);
    }
    summary.height = 10 + 9 + 6 + 14.5 * double(summary.entries.size()) + 6;
    return summary;
}

// The days to print with their rows and summaries, shaped; sessions are sorted by start.
QList<DayBlock> Job::dayBlocks(const QList<LocalSession> &sessions, bool anyHighlighted)
{
    const QList<QDate> dates = daysToPrint(sessions);
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

    return days;
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

} // namespace checkin::agenda
