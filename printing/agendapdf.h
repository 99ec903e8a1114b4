#pragma once

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <expected>
#include <memory>
#include <optional>

namespace checkin {

// One session of the programme as printed; plain data, no database types.
struct AgendaSession
{
    QDateTime start; // UTC (any QDateTime that knows its instant)
    QDateTime end;   // UTC; invalid or not after start: only the start time is printed
    QString title;
    QString kind; // briefing, roundtable, meeting, plenary, social, working group (wg), bof, … or free text
    QString room;
    QString area;
    QString acronym;
    QString description;      // not printed yet; kept so callers map every column once
    bool highlighted = false; // one of the guest's own sessions
};

// Everything printed on one guest's personal agenda.
struct AgendaData
{
    enum class Paper { A4, Letter };

    QString eventName; // "IETF 122 Bangkok"
    QString eventCity; // "Bangkok"; names the time zone in the footer
    QString timeZone;  // IANA id of the venue, e.g. "Asia/Bangkok"; every time is printed in it
    QDate firstDay;    // programme days, in the venue's zone; each is printed even without sessions
    QDate lastDay;
    QString guestName;      // in the guest's own script
    QString guestLatinName; // printed under guestName when different
    QString organisation;
    QString language; // en fr es ar zh ru (a BCP 47 tag such as "fr-CA" or "zh-Hans" is fine); others: English
    QList<AgendaSession> sessions; // any order
    Paper paper = Paper::A4;
    bool onlyGuestSessions = false; // print only the highlighted sessions
    std::optional<QDate> onlyDay;   // print only this day (today's page on days 2–4)
};

// Renders personal agenda PDFs: a header on every page, day by day sessions in the venue's time zone,
// the guest's own sessions highlighted, headings in the guest's language, right-to-left for Arabic.
// Keeps fonts, parsed font files and translations loaded between agendas, so make one per print
// worker and reuse it. Not thread-safe: one instance per thread, used only by the thread that made it.
class AgendaRenderer
{
    Q_DISABLE_COPY_MOVE(AgendaRenderer)

public:
    // Finds the Noto fonts in fontDirectories, or in the standard Debian folders when empty.
    explicit AgendaRenderer(QStringList fontDirectories = {});
    ~AgendaRenderer();

    // Loads every supported language's translation and fonts now, so the first agenda prints as fast as the rest.
    void preload();
    // The agenda as PDF bytes, or a message a staff member can act on (a missing font package, a bad time zone).
    [[nodiscard]] std::expected<QByteArray, QString> render(const AgendaData &data);

    // The languages with translated headings ("en" plus the ones with a translation file).
    [[nodiscard]] static QStringList supportedLanguages();

private:
    struct Private;
    std::unique_ptr<Private> m_d;
};

} // namespace checkin
