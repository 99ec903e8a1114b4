#include "printing/agendapdf.h"
#include "printing/agendajob_p.h"
#include "printing/venuezone.h"

#include "printing/text/hpdftextpainter.h"
#include "printing/text/textfitter.h"

#include <QHash>
#include <QTranslator>

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace checkin {

namespace agenda {

Q_LOGGING_CATEGORY(lcAgenda, "checkin.printing.agenda")

} // namespace agenda

struct AgendaRenderer::Private
{
    explicit Private(QStringList fontDirectories)
        : fonts(std::move(fontDirectories))
    {
    }

    // The translator for a language, loaded on first use; nullptr for English or a missing file.
    const QTranslator *translator(const KioskLanguage &language)
    {
        if (language.isSourceLanguage())
            return nullptr;
        auto it = translators.find(language.code.toString());
        if (it == translators.end()) {
            auto translator = std::make_unique<QTranslator>();
            const QString file = u"printing_"_s + language.translationSuffix;
            if (!translator->load(file, u":/i18n"_s)) {
                qCWarning(agenda::lcAgenda)
                    << "no translation" << file << "in :/i18n: agenda headings print in English";
                translator.reset();
            }
            it = translators.emplace(language.code.toString(), std::move(translator)).first;
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

namespace agenda {

Job::Job(text::FontLibrary &fonts, pdf::HpdfDocument &doc, const AgendaData &data, const KioskLanguage &language,
         const QTranslator *translator, const QTimeZone &zone)
    : m_fonts(fonts)
    , m_doc(doc)
    , m_data(data)
    , m_language(language)
    , m_locale(language.locale())
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

void Job::draw(const TextLine &line, double logicalX, double width, double baseline, Rgb colour, Edge edge)
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
    m_errors.check(m_page.drawLine(line, x, baseline, colour));
}

// Draws lines one after another from logicalX in reading order, gap apart; returns the logical x after them.
double Job::drawInline(const QList<std::pair<TextLine, Rgb>> &pieces, double logicalX, double baseline, double gap)
{
    for (const auto &[line, colour] : pieces) {
        if (line.isEmpty())
            continue;
        draw(line, logicalX, line.width(), baseline, colour);
        logicalX += line.width() + gap;
    }
    return logicalX;
}

std::expected<void, QString> Job::newPage()
{
    const auto page = pdf::addPage(
        m_doc, m_data.paper == AgendaData::Paper::Letter ? HPDF_PAGE_SIZE_LETTER : HPDF_PAGE_SIZE_A4,
        HPDF_PAGE_PORTRAIT);
    CHECKIN_TRY(page);
    m_page = pdf::Page(*page, m_pageWidth, m_pageHeight);
    return {};
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
    const TextLine page = heading(tr(PageOf).arg(m_locale.toString(pageNumber), m_locale.toString(pageCount)), 8,
                                  FontWeight::Bold);
    draw(page, 0, m_contentWidth, rule + 15, Muted, Edge::End);
    const TextLine note = elided(zoneNote, m_contentWidth - page.width() - 24, 8, FontWeight::Regular, true);
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
    CHECKIN_TRY(shapeHeader());
    const QList<LocalSession> sessions = localSessions();
    const bool anyHighlighted = !m_data.onlyGuestSessions
                                && std::any_of(sessions.cbegin(), sessions.cend(),
                                               [](const LocalSession &s) { return s.session->highlighted; });

    const QList<DayBlock> days = dayBlocks(sessions, anyHighlighted);
    if (m_errors.failed())
        return std::unexpected(m_errors.error());

    // ---- the document ----
    const QString event = cleaned(m_data.eventName);
    const QString city = cleaned(m_data.eventCity);
    CHECKIN_TRY(m_doc.begin());
    CHECKIN_TRY(pdf::setDocumentInfo(m_doc, u"Personal agenda - "_s + (event.isEmpty() ? u"IETF"_s : event),
                                     "Personal agenda"));

    const QString zonePlace = city.isEmpty() ? QString::fromLatin1(m_zone.id()).section(u'/', -1).replace(u'_', u' ')
                                             : city;
    const auto zoneNote = [&](const PagePlan &page) {
        QStringList shown;
        for (const qsizetype d : page.days)
            if (const QString offset = utcOffset(days[d].utcOffset); !shown.contains(offset))
                shown.append(offset);
        if (shown.isEmpty())
            shown.append(utcOffset(m_zone.offsetFromUtc(
                QDateTime(m_data.firstDay.isValid() ? m_data.firstDay : QDate::currentDate(), QTime(12, 0), m_zone))));
        return tr(TimesAreIn).arg(zonePlace, shown.join(u" / "_s));
    };

    if (sessions.isEmpty() && !m_data.onlyDay) {
        // Nothing to list: one friendly page instead of an error or a run of empty days.
        const bool published = !m_data.sessions.isEmpty();
        CHECKIN_TRY(newPage());
        drawHeader(false);
        drawMessage(published ? tr(NothingForYou) : tr(NotPublished), tr(AskStaff));
        drawFooter(1, 1, zoneNote(PagePlan()));
        CHECKIN_TRY(pdf::finishPage(m_doc, m_page, m_errors, 0));
        return m_doc.save();
    }

    const QList<PagePlan> pages = paginate(days);
    for (qsizetype p = 0; p < pages.size(); ++p) {
        CHECKIN_TRY(newPage());
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
        CHECKIN_TRY(pdf::finishPage(m_doc, m_page, m_errors, int(p + 1)));
    }
    return m_doc.save();
}

} // namespace agenda

AgendaRenderer::AgendaRenderer(QStringList fontDirectories)
    : m_d(std::make_unique<Private>(std::move(fontDirectories)))
{
}

AgendaRenderer::~AgendaRenderer() = default;

QStringList AgendaRenderer::supportedLanguages()
{
    return kioskLanguageCodes();
}

void AgendaRenderer::preload()
{
    // One sample per script of the six languages, both weights, plus the digits and punctuation of times.
    const QString sample = u"Agenda 0123456789:– ·…() Программа البرنامج الشخصي ٠١٢٣٤٥٦٧٨٩ 个人日程星期一"_s;
    m_d->fonts.preload(sample, text::FontWeight::Regular);
    m_d->fonts.preload(sample, text::FontWeight::Bold);
    for (const KioskLanguage &language : kioskLanguages())
        (void)m_d->translator(language);
}

std::expected<QByteArray, QString> AgendaRenderer::render(const AgendaData &data)
{
    const QString failed = u"cannot create the agenda PDF: "_s;
    if (!m_d->fonts.isUsable())
        return std::unexpected(failed + pdf::missingNotoSans());
    const QString zoneId = data.timeZone.trimmed();
    const std::optional<QTimeZone> zone = m_d->zone(zoneId);
    if (!zone)
        return std::unexpected(failed
                               + u"the event's time zone \"%1\" is not a known IANA time zone; set it to "
                                 "the venue's zone, e.g. Asia/Bangkok or America/Vancouver"_s.arg(zoneId));
    const KioskLanguage &language = kioskLanguageOrEnglish(data.language);
    const QTranslator *translator = m_d->translator(language);
    return pdf::renderOnKeptDocument(m_d->doc, failed, [&](pdf::HpdfDocument &doc) {
        return agenda::Job(m_d->fonts, doc, data, language, translator, *zone).run();
    });
}

} // namespace checkin
