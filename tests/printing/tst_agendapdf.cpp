#include "printing/agendapdf.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QXmlStreamReader>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;
using checkin::AgendaData;
using checkin::AgendaRenderer;
using checkin::AgendaSession;

namespace {

// Runs a poppler tool and returns its standard output; empty (and a warning) on failure.
QByteArray run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning("%s %s failed: %s", qPrintable(program), qPrintable(args.join(u' ')),
                 p.readAllStandardError().constData());
        return {};
    }
    return p.readAllStandardOutput();
}

QDateTime utc(int y, int m, int d, int h, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), Qt::UTC);
}

AgendaSession session(const QDateTime &start, int minutes, const QString &title, const QString &kind,
                      const QString &room, bool mine = false, const QString &acronym = {}, const QString &area = {})
{
    AgendaSession s;
    s.start = start;
    s.end = start.addSecs(minutes * 60);
    s.title = title;
    s.kind = kind;
    s.room = room;
    s.acronym = acronym;
    s.area = area;
    s.highlighted = mine;
    return s;
}

// IETF 122 in Bangkok (UTC+7), four programme days with 40 sessions; the guest attends the
// Policymaker Program sessions. Times are given in Bangkok time and stored in UTC, as the database does.
// The days are in March 2024, whose rules no tzdata release will change (docs/time-zones.md).
AgendaData bangkokProgramme(const QString &language = u"en"_s)
{
    AgendaData d;
    d.eventName = u"IETF 122 Bangkok"_s;
    d.eventCity = u"Bangkok"_s;
    d.timeZone = u"Asia/Bangkok"_s;
    d.firstDay = QDate(2024, 3, 16);
    d.lastDay = QDate(2024, 3, 19);
    d.guestName = u"Ольга Смирнова"_s;
    d.guestLatinName = u"Olga Smirnova"_s;
    d.organisation = u"Ministry of Digital Development, Communications and Mass Media"_s;
    d.language = language;
    const auto at = [](int day, int hour, int minute = 0) { return utc(2024, 3, 16 + day, hour - 7, minute); };
    const QString hall = u"Chitlada 1"_s, boardroom = u"Boardroom 2 (Level 22)"_s, plenary = u"Ballroom"_s;
    d.sessions = {
        // Day 1, Saturday
        session(at(0, 9), 90, u"Registration and badge pick-up"_s, u"registration"_s, u"Foyer"_s),
        session(at(0, 9, 30), 480, u"IETF Hackathon"_s, u"hackathon"_s, u"Ballroom"_s),
        session(at(0, 10), 60, u"Welcome to the Policymaker Program"_s, u"briefing"_s, boardroom, true),
        session(at(0, 11, 30), 90, u"How the IETF works: from Internet-Draft to RFC"_s, u"briefing"_s, boardroom, true),
        session(at(0, 13), 60, u"Lunch"_s, u"lunch"_s, u"Lotus Terrace"_s),
        session(at(0, 14), 90, u"Newcomers' tutorial"_s, u"tutorial"_s, hall),
        session(at(0, 16), 60, u"Code Sprint results"_s, u"meeting"_s, u"Ballroom"_s),
        session(at(0, 17), 120, u"Welcome reception"_s, u"social"_s, u"Lotus Terrace"_s, true),
        // Day 2, Sunday
        session(at(1, 9), 60, u"Policymaker breakfast briefing: the week ahead"_s, u"briefing"_s, boardroom, true),
        session(at(1, 9, 30), 120, u"Domain Name System Operations"_s, u"working group"_s, hall, false, u"dnsop"_s,
                u"Operations and Management"_s),
        session(at(1, 9, 30), 120, u"QUIC"_s, u"wg"_s, u"Chitlada 2"_s, false, u"quic"_s,
                u"Web and Internet Transport"_s),
        session(at(1, 11, 30), 90, u"Transport Layer Security"_s, u"wg"_s, u"Chitlada 3"_s, false, u"tls"_s,
                u"Security"_s),
        session(at(1, 11, 30), 90, u"Roundtable: encryption, lawful access and the open Internet"_s, u"roundtable"_s,
                boardroom, true),
        session(at(1, 13), 60, u"Lunch"_s, u"lunch"_s, u"Lotus Terrace"_s),
        session(at(1, 14), 90, u"Messaging Layer Security"_s, u"wg"_s, hall, false, u"mls"_s, u"Security"_s),
        session(at(1, 14), 90, u"Limited Additional Mechanisms for PKIX and SMIME"_s, u"wg"_s, u"Chitlada 2"_s, false,
                u"lamps"_s, u"Security"_s),
        session(at(1, 16), 90, u"Meeting with the Internet Architecture Board"_s, u"meeting"_s, boardroom, true),
        session(at(1, 17, 30), 120, u"IETF Plenary"_s, u"plenary"_s, plenary, true),
        session(at(1, 19, 30), 90, u"Side meeting: measuring encrypted DNS adoption in Asia-Pacific networks"_s,
                u"side meeting"_s, u"Meeting Room 4"_s),
        session(at(1, 20), 60, u"Research group on global access"_s, u"rg"_s, u"Meeting Room 5"_s, false, u"gaia"_s,
                u"IRTF"_s),
        // Day 3, Monday
        session(at(2, 9), 60, u"Briefing: Internet routing security and RPKI"_s, u"briefing"_s, boardroom, true),
        session(at(2, 9, 30), 120, u"Inter-Domain Routing"_s, u"wg"_s, hall, false, u"idr"_s, u"Routing"_s),
        session(at(2, 9, 30), 120, u"Secure Inter-Domain Routing Operations"_s, u"wg"_s, u"Chitlada 2"_s, false,
                u"sidrops"_s, u"Operations and Management"_s),
        session(at(2, 11, 30), 90, u"Privacy Preserving Measurement"_s, u"wg"_s, u"Chitlada 3"_s, false, u"ppm"_s,
                u"Security"_s),
        session(at(2, 11, 30), 90, u"Observe a working group: Human Rights Protocol Considerations"_s, u"rg"_s,
                u"Meeting Room 5"_s, true, u"hrpc"_s, u"IRTF"_s),
        session(at(2, 13), 60, u"Lunch with IETF leadership"_s, u"lunch"_s, u"Lotus Terrace"_s, true),
        session(at(2, 14), 90, u"Network Management Operations"_s, u"wg"_s, hall, false, u"opsawg"_s,
                u"Operations and Management"_s),
        session(at(2, 14), 90, u"Media Over QUIC"_s, u"wg"_s, u"Chitlada 2"_s, false, u"moq"_s,
                u"Web and Internet Transport"_s),
        session(at(2, 16), 90, u"Roundtable: standards, regulation and the role of governments"_s, u"roundtable"_s,
                boardroom, true),
        session(at(2, 16), 90, u"Deterministic Networking"_s, u"wg"_s, hall, false, u"detnet"_s, u"Routing"_s),
        // Day 4, Tuesday
        session(at(3, 9), 60, u"Briefing: digital identity and the web"_s, u"briefing"_s, boardroom, true),
        session(at(3, 9, 30), 120, u"Web Authorization Protocol"_s, u"wg"_s, hall, false, u"oauth"_s, u"Security"_s),
        session(at(3, 9, 30), 120, u"HTTP"_s, u"wg"_s, u"Chitlada 2"_s, false, u"httpbis"_s,
                u"Web and Internet Transport"_s),
        session(at(3, 11, 30), 90, u"Supply Chain Integrity, Transparency, and Trust"_s, u"wg"_s, u"Chitlada 3"_s,
                false, u"scitt"_s, u"Security"_s),
        session(at(3, 13), 60, u"Lunch"_s, u"lunch"_s, u"Lotus Terrace"_s),
        session(at(3, 14), 90, u"Bilateral meetings with IETF participants (by appointment)"_s, u"meeting"_s, boardroom,
                true),
        session(at(3, 14), 90, u"Remote ATtestation procedureS"_s, u"wg"_s, hall, false, u"rats"_s, u"Security"_s),
        session(at(3, 16), 60, u"Closing roundtable and feedback"_s, u"roundtable"_s, boardroom, true),
        session(at(3, 17), 90, u"Internet Society briefing panel"_s, u"plenary"_s, plenary),
        session(at(3, 19), 150, u"Farewell dinner"_s, u"social"_s, u"Riverside Restaurant"_s, true),
    };
    return d;
}

struct Word
{
    QString text;
    QRectF box;
};

} // namespace

class TestAgendaPdf : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    AgendaRenderer m_renderer; // one for the whole test, as a print worker keeps one

    // Renders into the temporary folder (and into $CHECKIN_KEEP_PDF_DIR for eyeballing with pdftoppm).
    QString renderToFile(const AgendaData &data, const QString &name)
    {
        const auto pdf = m_renderer.render(data);
        if (!pdf) {
            qWarning("render failed: %s", qPrintable(pdf.error()));
            return {};
        }
        const QString path = m_dir.filePath(name + u".pdf"_s);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(*pdf) != pdf->size())
            return {};
        f.close();
        if (const QString keep = qEnvironmentVariable("CHECKIN_KEEP_PDF_DIR"); !keep.isEmpty()) {
            QFile::remove(QDir(keep).filePath(name + u".pdf"_s));
            QFile::copy(path, QDir(keep).filePath(name + u".pdf"_s));
        }
        return path;
    }

    static QString text(const QString &pdfPath, int page = 0)
    {
        QStringList args{u"-enc"_s, u"UTF-8"_s};
        if (page > 0)
            args << u"-f"_s << QString::number(page) << u"-l"_s << QString::number(page);
        return QString::fromUtf8(run(u"pdftotext"_s, args << pdfPath << u"-"_s));
    }

    static int pageCount(const QString &pdfPath)
    {
        static const QRegularExpression pages(u"^Pages:\\s+(\\d+)$"_s, QRegularExpression::MultilineOption);
        return pages.match(QString::fromUtf8(run(u"pdfinfo"_s, {pdfPath}))).captured(1).toInt();
    }

    static QList<QSizeF> pageSizes(const QString &pdfPath, int count)
    {
        static const QRegularExpression size(u"^Page\\s+\\d+ size:\\s+([\\d.]+) x ([\\d.]+) pts"_s,
                                             QRegularExpression::MultilineOption);
        const QString info = QString::fromUtf8(
            run(u"pdfinfo"_s, {u"-f"_s, u"1"_s, u"-l"_s, QString::number(count), pdfPath}));
        QList<QSizeF> sizes;
        for (auto it = size.globalMatch(info); it.hasNext();) {
            const auto m = it.next();
            sizes.append(QSizeF(m.captured(1).toDouble(), m.captured(2).toDouble()));
        }
        return sizes;
    }

    static QList<Word> words(const QString &pdfPath, int page)
    {
        const QByteArray xml = run(u"pdftotext"_s, {u"-bbox"_s, u"-enc"_s, u"UTF-8"_s, u"-f"_s, QString::number(page),
                                                    u"-l"_s, QString::number(page), pdfPath, u"-"_s});
        QList<Word> result;
        QXmlStreamReader reader(xml);
        while (!reader.atEnd()) {
            if (reader.readNext() == QXmlStreamReader::StartElement && reader.name() == u"word"_s) {
                const auto a = reader.attributes();
                const QPointF topLeft(a.value(u"xMin"_s).toDouble(), a.value(u"yMin"_s).toDouble());
                const QPointF bottomRight(a.value(u"xMax"_s).toDouble(), a.value(u"yMax"_s).toDouble());
                result.append({reader.readElementText(), QRectF(topLeft, bottomRight)});
            }
        }
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        for (const QString &tool : {u"pdftotext"_s, u"pdfinfo"_s}) {
            if (QStandardPaths::findExecutable(tool).isEmpty())
                QSKIP(qPrintable(tool + u" not found: install the Debian package poppler-utils"_s));
        }
        m_renderer.preload();
    }

    void fourDayProgrammeIsNumberedPagesOfTheRightSize_data()
    {
        QTest::addColumn<AgendaData::Paper>("paper");
        QTest::addColumn<QSizeF>("size");
        QTest::newRow("A4") << AgendaData::Paper::A4 << QSizeF(595.276, 841.89);
        QTest::newRow("Letter") << AgendaData::Paper::Letter << QSizeF(612, 792);
    }

    void fourDayProgrammeIsNumberedPagesOfTheRightSize()
    {
        QFETCH(AgendaData::Paper, paper);
        QFETCH(QSizeF, size);
        AgendaData data = bangkokProgramme();
        data.paper = paper;
        const QString path = renderToFile(data, u"programme-"_s + QString::fromLatin1(QTest::currentDataTag()));
        QVERIFY(!path.isEmpty());

        const int pages = pageCount(path);
        QVERIFY2(pages >= 2, qPrintable(QString::number(pages)));
        const QList<QSizeF> sizes = pageSizes(path, pages);
        QCOMPARE(sizes.size(), pages);
        for (const QSizeF &s : sizes) {
            QVERIFY2(qAbs(s.width() - size.width()) < 0.5 && qAbs(s.height() - size.height()) < 0.5,
                     qPrintable(u"%1 x %2"_s.arg(s.width()).arg(s.height())));
        }
        for (int page = 1; page <= pages; ++page) {
            const QString t = text(path, page).simplified();
            QVERIFY2(t.contains(u"Page %1 of %2"_s.arg(page).arg(pages)), qPrintable(t));
            // The header repeats on every page.
            QVERIFY2(t.contains(u"IETF 122 Bangkok"_s), qPrintable(t));
            QVERIFY2(t.contains(u"Ольга Смирнова"_s), qPrintable(t));
            QVERIFY2(t.contains(u"Times are in Bangkok local time (UTC+7)"_s), qPrintable(t));
        }

        // Every session and every day is printed, in order.
        const QString all = text(path).simplified();
        for (const AgendaSession &s : std::as_const(data.sessions))
            QVERIFY2(all.contains(s.title.simplified()), qPrintable(s.title));
        qsizetype at = 0;
        for (const QString &day : {u"Saturday, March 16, 2024"_s, u"Sunday, March 17, 2024"_s,
                                   u"Monday, March 18, 2024"_s, u"Tuesday, March 19, 2024"_s}) {
            const qsizetype found = all.indexOf(day, at);
            QVERIFY2(found >= at, qPrintable(day));
            at = found;
        }
        QVERIFY(all.contains(u"16–19 March 2024"_s));
        QVERIFY(all.contains(u"Ministry of Digital Development"_s));
    }

    void longDayContinuesOnTheNextPageUnderItsHeading()
    {
        AgendaData data = bangkokProgramme();
        data.firstDay = data.lastDay = QDate(2024, 3, 17);
        data.sessions.clear();
        for (int i = 0; i < 45; ++i)
            data.sessions.append(session(utc(2024, 3, 17, 1, 0).addSecs(i * 15 * 60), 15,
                                         u"Lightning talk %1"_s.arg(i + 1), u"meeting"_s, u"Chitlada 1"_s, i % 7 == 0));
        const QString path = renderToFile(data, u"long-day"_s);
        QVERIFY(!path.isEmpty());
        const int pages = pageCount(path);
        QVERIFY2(pages >= 2, qPrintable(QString::number(pages)));
        QVERIFY(text(path, 1).contains(u"Sunday, March 17, 2024"_s));
        QVERIFY(!text(path, 1).contains(u"(continued)"_s));
        for (int page = 2; page <= pages; ++page)
            QVERIFY2(text(path, page).contains(u"Sunday, March 17, 2024 (continued)"_s), qPrintable(text(path, page)));
        QVERIFY(text(path).contains(u"Lightning talk 45"_s));
    }

    void timesAreInTheVenuesTimeZone()
    {
        AgendaData data = bangkokProgramme();
        data.sessions = {session(utc(2024, 3, 17, 2, 0), 90, u"Breakfast briefing"_s, u"briefing"_s, u"Boardroom"_s),
                         // 17:30 UTC is already the next day (00:30) in Bangkok.
                         session(utc(2024, 3, 17, 17, 30), 30, u"Night owl session"_s, u"meeting"_s, u"Bar"_s)};
        const QString path = renderToFile(data, u"bangkok-times"_s);
        QVERIFY(!path.isEmpty());
        const QString t = text(path).simplified();
        QVERIFY2(t.contains(u"09:00"_s) && t.contains(u"10:30"_s), qPrintable(t));
        QVERIFY(!t.contains(u"02:00"_s));
        QVERIFY(t.contains(u"00:30"_s));
        // Each session under its local day.
        const qsizetype sunday = t.indexOf(u"Sunday, March 17, 2024"_s);
        const qsizetype monday = t.indexOf(u"Monday, March 18, 2024"_s);
        QVERIFY(sunday >= 0 && monday > sunday);
        QVERIFY(t.indexOf(u"Breakfast briefing"_s) > sunday && t.indexOf(u"Breakfast briefing"_s) < monday);
        QVERIFY(t.indexOf(u"Night owl session"_s) > monday);
    }

    void vancouverEventAcrossTheDaylightSavingChange()
    {
        // North America left daylight saving time on Sunday 3 November 2024 at 02:00: UTC−7, then UTC−8 (a settled
        // rule: British Columbia's later ones may differ, docs/time-zones.md).
        AgendaData data;
        data.eventName = u"IETF 124 Vancouver"_s;
        data.eventCity = u"Vancouver"_s;
        data.timeZone = u"America/Vancouver"_s;
        data.firstDay = QDate(2024, 11, 2);
        data.lastDay = QDate(2024, 11, 5);
        data.guestName = u"Jean Tremblay"_s;
        data.language = u"en"_s;
        data.sessions = {
            session(utc(2024, 11, 2, 16, 30), 30, u"Summer-time session"_s, u"briefing"_s, u"Room A"_s, true),
            session(utc(2024, 11, 4, 17, 15), 30, u"Winter-time session"_s, u"briefing"_s, u"Room A"_s)};
        const QString path = renderToFile(data, u"vancouver-dst"_s);
        QVERIFY(!path.isEmpty());
        const QString t = text(path).simplified();
        QVERIFY2(t.contains(u"09:30"_s) && t.contains(u"10:00"_s), qPrintable(t)); // 16:30Z at UTC−7
        QVERIFY2(t.contains(u"09:15"_s) && t.contains(u"09:45"_s), qPrintable(t)); // 17:15Z at UTC−8
        QVERIFY(!t.contains(u"08:30"_s));                                          // 16:30Z at UTC−8
        QVERIFY(!t.contains(u"10:15"_s));                                          // 17:15Z at UTC−7
        // The days do not share one offset: each day says its own, and so does the footer.
        QVERIFY2(t.contains(u"UTC−7"_s) && t.contains(u"UTC−8"_s), qPrintable(t));
        QVERIFY(t.indexOf(u"Summer-time session"_s) < t.indexOf(u"Monday, November 4, 2024"_s));
        QVERIFY(t.indexOf(u"Winter-time session"_s) > t.indexOf(u"Monday, November 4, 2024"_s));
    }

    void guestAndEventNamesInAnyScript_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("latin");
        QTest::addColumn<QString>("language");
        QTest::newRow("cyrillic") << u"Ольга Смирнова"_s << u"Olga Smirnova"_s << u"ru"_s;
        QTest::newRow("arabic") << u"فاطمة الزهراء المنصوري"_s << u"Fatima Zahra El Mansouri"_s << u"ar"_s;
        QTest::newRow("chinese") << u"王晓明"_s << u"Wang Xiaoming"_s << u"zh"_s;
        QTest::newRow("arabic guest, English agenda") << u"محمد بن راشد"_s << u"Mohammed bin Rashid"_s << u"en"_s;
    }

    void guestAndEventNamesInAnyScript()
    {
        QFETCH(QString, name);
        QFETCH(QString, latin);
        QFETCH(QString, language);
        AgendaData data = bangkokProgramme(language);
        data.guestName = name;
        data.guestLatinName = latin;
        const QString path = renderToFile(data, u"guest-"_s
                                                    + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
        QVERIFY(!path.isEmpty());
        const QString t = text(path, 1).simplified();
        QVERIFY2(t.contains(name), qPrintable(t));
        QVERIFY2(t.contains(latin), qPrintable(t));
        QVERIFY2(t.contains(u"IETF 122 Bangkok"_s), qPrintable(t));
    }

    void headingsAreInTheGuestsLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("en") << u"en"_s
                            << QStringList{u"Personal agenda"_s, u"Your sessions today"_s,
                                           u"Saturday, March 16, 2024"_s, u"Page 1 of"_s, u"Briefing"_s};
        QTest::newRow("fr") << u"fr"_s << QStringList{u"Programme personnel"_s,  u"Vos sessions du jour"_s,
                                                      u"Samedi 16 mars 2024"_s,  u"Page 1 sur"_s,
                                                      u"Séance d’information"_s, u"16–19 mars 2024"_s};
        QTest::newRow("es") << u"es-MX"_s
                            << QStringList{u"Agenda personal"_s, u"Sus sesiones de hoy"_s,
                                           u"Sábado, 16 de marzo de 2024"_s, u"Página 1 de"_s, u"Sesión informativa"_s};
        QTest::newRow("ar") << u"ar"_s
                            << QStringList{u"البرنامج الشخصي"_s, u"جلساتك اليوم"_s, u"السبت"_s, u"مارس"_s, u"إحاطة"_s};
        QTest::newRow("zh") << u"zh-Hans"_s
                            << QStringList{u"个人日程"_s, u"您今天的会议"_s, u"2024年3月16日 星期六"_s, u"第 1 页"_s,
                                           u"情况介绍会"_s};
        QTest::newRow("ru") << u"ru"_s
                            << QStringList{u"Личная программа"_s, u"Ваши сессии в этот день"_s,
                                           u"Суббота, 16 марта 2024"_s, u"Страница 1 из"_s, u"Брифинг"_s};
        QTest::newRow("unsupported language prints English") << u"de"_s << QStringList{u"Personal agenda"_s};
    }

    void headingsAreInTheGuestsLanguage()
    {
        QFETCH(QString, language);
        QFETCH(QStringList, expected);
        const QString path = renderToFile(bangkokProgramme(language), u"language-"_s + language);
        QVERIFY(!path.isEmpty());
        const QString t = text(path, 1);
        for (const QString &e : std::as_const(expected))
            QVERIFY2(t.contains(e), qPrintable(e + u" not in:\n"_s + t));
        // The renderer's translators are its own: the application's translation is untouched.
        QCOMPARE(QCoreApplication::translate("AgendaPdf", "Personal agenda"), u"Personal agenda"_s);
    }

    void arabicPageIsMirrored()
    {
        const QString path = renderToFile(bangkokProgramme(u"ar"_s), u"mirrored-ar"_s);
        QVERIFY(!path.isEmpty());
        const QString english = renderToFile(bangkokProgramme(u"en"_s), u"mirrored-en"_s);
        QVERIFY(!english.isEmpty());
        const auto wordBox = [](const QList<Word> &ws, const QString &w) {
            for (const Word &word : ws)
                if (word.text == w)
                    return word.box;
            return QRectF();
        };
        // The first session's start time: ٠٩:٠٠ in the Arabic agenda's own digits, 09:00 in English.
        const QRectF arabicTime = wordBox(words(path, 1), u"٠٩:٠٠"_s);
        const QRectF englishTime = wordBox(words(english, 1), u"09:00"_s);
        QVERIFY(arabicTime.isValid() && englishTime.isValid());
        QVERIFY2(arabicTime.left() > 595.0 * 0.8, qPrintable(QString::number(arabicTime.left())));
        QVERIFY2(englishTime.right() < 595.0 * 0.2, qPrintable(QString::number(englishTime.right())));
        // The event's name flush with the right edge of the content box (40 pt margin), the guest's with the left.
        const QRectF event = wordBox(words(path, 1), u"Bangkok"_s);
        const QRectF guest = wordBox(words(path, 1), u"Ольга"_s);
        QVERIFY(event.isValid() && guest.isValid());
        QVERIFY2(qAbs(event.right() - (595.276 - 40)) < 1, qPrintable(QString::number(event.right())));
        QVERIFY2(qAbs(guest.left() - 40) < 1, qPrintable(QString::number(guest.left())));
    }

    void highlightedSessionsAreSummarisedEachDay()
    {
        const AgendaData data = bangkokProgramme();
        const QString path = renderToFile(data, u"summary"_s);
        QVERIFY(!path.isEmpty());
        const QString t = text(path).simplified();
        QCOMPARE(t.count(u"Your sessions today"_s), 4);
        QVERIFY(t.contains(u"Your sessions"_s)); // the legend
        for (const AgendaSession &s : std::as_const(data.sessions)) {
            // Own sessions twice (summary and programme), the others once.
            // The start of the title: the summary cuts long ones short with "…".
            const QString start = s.title.left(30);
            const bool partOfAnother = std::any_of(
                data.sessions.cbegin(), data.sessions.cend(),
                [&](const AgendaSession &o) { return o.title != s.title && o.title.contains(start); });
            if (!partOfAnother) // "Lunch", "QUIC"
                QVERIFY2(t.count(start) == (s.highlighted ? 2 : 1), qPrintable(s.title));
        }
        // The day's summary comes before the day's programme.
        const qsizetype summary = t.indexOf(u"Your sessions today"_s);
        QVERIFY(summary < t.indexOf(u"Registration and badge pick-up"_s));
        QVERIFY(t.indexOf(u"Welcome to the Policymaker Program"_s) > summary);
    }

    void onlyTheGuestsSessionsOrOneDay()
    {
        AgendaData data = bangkokProgramme();
        data.onlyGuestSessions = true;
        QString path = renderToFile(data, u"only-mine"_s);
        QVERIFY(!path.isEmpty());
        QString t = text(path).simplified();
        QVERIFY(t.contains(u"IETF Plenary"_s));
        QVERIFY(!t.contains(u"Domain Name System Operations"_s));
        QVERIFY(!t.contains(u"Your sessions today"_s)); // every row is theirs: no summary needed

        data = bangkokProgramme();
        data.onlyDay = QDate(2024, 3, 18);
        path = renderToFile(data, u"only-day"_s);
        QVERIFY(!path.isEmpty());
        QCOMPARE(pageCount(path), 1);
        t = text(path).simplified();
        QVERIFY(t.contains(u"Monday, March 18, 2024"_s));
        QVERIFY(t.contains(u"Inter-Domain Routing"_s));
        QVERIFY(!t.contains(u"Sunday, March 17, 2024"_s));
        QVERIFY(!t.contains(u"IETF Plenary"_s));
    }

    void emptyProgrammeIsAFriendlyPage()
    {
        AgendaData data = bangkokProgramme();
        data.sessions.clear();
        const QString path = renderToFile(data, u"empty"_s);
        QVERIFY(!path.isEmpty());
        QCOMPARE(pageCount(path), 1);
        const QString t = text(path).simplified();
        QVERIFY2(t.contains(u"The programme has not been published yet"_s), qPrintable(t));
        QVERIFY(t.contains(u"Ольга Смирнова"_s));
        QVERIFY(t.contains(u"Page 1 of 1"_s));

        data.language = u"fr"_s;
        const QString french = renderToFile(data, u"empty-fr"_s);
        QVERIFY(text(french).contains(u"Le programme n’a pas encore été publié"_s));
    }

    void veryLongTitleStaysInsideItsColumn()
    {
        AgendaData data = bangkokProgramme();
        QString title;
        while (title.size() < 300)
            title += u"Multi-stakeholder approaches to Internet standards and cross-border data governance "_s;
        title.truncate(300);
        data.sessions[2].title = title;
        data.sessions[3].room = u"Queen Sirikit National Convention Centre, Plenary Hall 3, Level 2, East Wing"_s;
        const QString path = renderToFile(data, u"long-title"_s);
        QVERIFY(!path.isEmpty());
        const QString t = text(path);
        QVERIFY2(t.contains(u"…"_s), qPrintable(t)); // cut after three lines
        QVERIFY(t.contains(u"Multi-stakeholder approaches"_s));
        const int pages = pageCount(path);
        for (int page = 1; page <= pages; ++page) {
            for (const Word &w : words(path, page)) {
                QVERIFY2(w.box.left() >= 40 - 1 && w.box.right() <= 595.276 - 40 + 1,
                         qPrintable(u"%1 at %2–%3"_s.arg(w.text).arg(w.box.left()).arg(w.box.right())));
                QVERIFY2(w.box.bottom() <= 841.89 - 20, qPrintable(w.text));
            }
        }
    }

    void badTimeZoneIsAnErrorStaffCanFix()
    {
        AgendaData data = bangkokProgramme();
        for (const QString &zone : {u"Bangkok"_s, u"Asia/Bankok"_s, u"UTC+7"_s, QString()}) {
            data.timeZone = zone;
            const auto pdf = m_renderer.render(data);
            QVERIFY2(!pdf, qPrintable(zone));
            QVERIFY2(pdf.error().contains(u"IANA"_s) && pdf.error().contains(u"e.g. Asia/Bangkok"_s),
                     qPrintable(pdf.error()));
        }
        // The renderer is still usable afterwards.
        QVERIFY(m_renderer.render(bangkokProgramme()).has_value());
    }

    void rendererIsReusedAcrossAgendasAndLanguages()
    {
        // Languages in turn through one renderer: each agenda gets its own language, none leaks into the next.
        const QStringList languages{u"ar"_s, u"en"_s, u"zh"_s, u"ru"_s, u"fr"_s, u"es"_s, u"en"_s};
        std::vector<double> ms;
        for (const QString &language : languages) {
            QElapsedTimer timer;
            timer.start();
            const auto pdf = m_renderer.render(bangkokProgramme(language));
            ms.push_back(double(timer.nsecsElapsed()) / 1e6);
            QVERIFY2(pdf.has_value(), pdf ? "" : qPrintable(pdf.error()));
            QVERIFY(pdf->startsWith("%PDF-"));
        }
        const QString path = renderToFile(bangkokProgramme(u"en"_s), u"after-others"_s);
        QVERIFY(text(path, 1).contains(u"Personal agenda"_s));
        std::sort(ms.begin(), ms.end());
        qInfo("agenda of %lld sessions with fonts loaded: median %.1f ms (informational, not asserted)",
              qlonglong(bangkokProgramme().sessions.size()), ms[ms.size() / 2]);
    }
};

QTEST_GUILESS_MAIN(TestAgendaPdf)
#include "tst_agendapdf.moc"
