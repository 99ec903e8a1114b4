// The attendance report PDF: real PDFs read back with poppler-utils (pdftotext, pdfinfo).
#include "printing/attendancereportpdf.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using checkin::AttendanceMark;
using checkin::AttendanceRegisterRow;
using checkin::AttendanceReportData;
using checkin::AttendanceReportDay;
using checkin::AttendanceReportRenderer;

namespace {

// Runs a poppler tool and returns its standard output; empty (and a warning) on failure.
QByteArray run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning("%s %s failed: %s", qPrintable(program), qPrintable(args.join(u' ')),
                 p.readAllStandardError().constData());
        return {};
    }
    return p.readAllStandardOutput();
}

const QString LongName =
    u"Maria Fernanda de los Ángeles Guadalupe Rodríguez-Villanueva y Castellanos de la Torre Alta"_s;

// IETF 121 in Dublin, four programme days.
AttendanceReportData dublin(int dayCount = 4)
{
    AttendanceReportData d;
    d.eventTitle = u"IETF 121 Dublin"_s;
    d.eventNumber = 121;
    d.city = u"Dublin"_s;
    d.firstDay = QDate(2026, 11, 2);
    d.lastDay = d.firstDay.addDays(dayCount - 1);
    d.timeZoneLabel = u"Europe/Dublin (UTC+0)"_s;
    d.generatedAt = u"28 November 2026, 14:05"_s;
    d.kioskId = u"kiosk-hall-a"_s;
    for (int i = 0; i < dayCount; ++i)
        d.days.append(AttendanceReportDay{d.firstDay.addDays(i), i + 1});
    return d;
}

AttendanceRegisterRow row(const QString &name, const QString &organisation, const QString &country,
                          const QList<AttendanceMark> &marks)
{
    return AttendanceRegisterRow{name, organisation, country, marks};
}

AttendanceMark at(int h, int m)
{
    return AttendanceMark{true, QTime(h, m)};
}
const AttendanceMark absent{true, {}};
const AttendanceMark notExpected{false, {}};

struct Word
{
    QString text;
    QRectF box;
};

} // namespace

class TestAttendanceReportPdf : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    AttendanceReportRenderer m_renderer; // one for the whole test, as the export keeps one

    // Renders into the temporary folder (and into $CHECKIN_KEEP_PDF_DIR for eyeballing with pdftoppm).
    QString renderToFile(const AttendanceReportData &data, const QString &name)
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

    // The text of every page, pdftotext's form feeds split out.
    static QStringList pageTexts(const QString &pdfPath)
    {
        QStringList pages =
            QString::fromUtf8(run(u"pdftotext"_s, {u"-enc"_s, u"UTF-8"_s, pdfPath, u"-"_s})).split(u'\f');
        if (!pages.isEmpty() && pages.last().trimmed().isEmpty())
            pages.removeLast();
        return pages;
    }

    static QString pdfInfo(const QString &pdfPath) { return QString::fromUtf8(run(u"pdfinfo"_s, {pdfPath})); }

    static int pageCount(const QString &pdfPath)
    {
        static const QRegularExpression pages(u"^Pages:\\s+(\\d+)$"_s, QRegularExpression::MultilineOption);
        return pages.match(pdfInfo(pdfPath)).captured(1).toInt();
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
    }

    void namesInEveryScriptTotalsAndSignatureLine()
    {
        AttendanceReportData data = dublin();
        data.rows = {
            row(u"Nguyễn Thị Minh Khai"_s, u"Ministry of Information and Communications"_s, u"VN"_s,
                {at(8, 55), at(9, 2), absent, at(9, 30)}),
            row(u"Ольга Смирнова"_s, u"Ministry of Digital Development"_s, u"RU"_s,
                {at(9, 15), absent, absent, absent}),
            row(u"山田太郎"_s, u"Ministry of Internal Affairs, Japan"_s, u"JP"_s,
                {at(10, 1), at(10, 2), at(10, 3), at(10, 4)}),
            row(u"ليلى حسن"_s, u"National Telecom Regulatory Authority"_s, u"EG"_s,
                {absent, at(13, 45), notExpected, notExpected}),
            row(u"สมชาย ใจดี"_s, u"NBTC"_s, u"TH"_s, {absent, absent, absent, absent}),
            row(LongName,
                u"Secretaría de Infraestructura, Comunicaciones y Transportes de los Estados Unidos Mexicanos"_s,
                u"MX"_s, {at(7, 59), notExpected, at(12, 0), absent}),
        };
        const QString path = renderToFile(data, u"scripts"_s);
        QVERIFY(!path.isEmpty());
        QCOMPARE(pageCount(path), 1);
        QVERIFY(pdfInfo(path).contains(u"A4"_s));

        const QString t = pageTexts(path).join(u'\n');
        const QString flat = t.simplified();
        for (const QString &name :
             {u"Nguyễn Thị Minh Khai"_s, u"Ольга Смирнова"_s, u"山田太郎"_s, u"ليلى حسن"_s, u"สมชาย ใจดี"_s})
            QVERIFY2(t.contains(name), qPrintable(name + u" not in:\n"_s + t));
        QVERIFY2(flat.contains(u"Maria Fernanda"_s), qPrintable(flat));
        // The title block.
        QVERIFY(flat.contains(u"IETF 121 Dublin"_s));
        QVERIFY(flat.contains(u"2–5 November 2026"_s));
        QVERIFY(flat.contains(u"Generated 28 November 2026, 14:05"_s));
        QVERIFY(flat.contains(u"kiosk-hall-a"_s));
        QVERIFY(flat.contains(u"Europe/Dublin (UTC+0)"_s));
        // Per-day totals, counted from the rows: day 1 expects 6 and 4 came; day 3 expects 5 (one not invited), 2 came.
        QVERIFY2(flat.contains(u"Daily totals"_s), qPrintable(flat));
        QVERIFY2(flat.contains(u"Monday 2 November 2026 6 4 67 %"_s), qPrintable(flat));
        QVERIFY2(flat.contains(u"Wednesday 4 November 2026 5 2 40 %"_s), qPrintable(flat));
        QVERIFY2(flat.contains(u"5 of 6 guests in the register arrived on at least one programme day."_s),
                 qPrintable(flat));
        // The register: first scan times, the totals row.
        for (const QString &time : {u"08:55"_s, u"09:15"_s, u"10:04"_s, u"13:45"_s, u"07:59"_s})
            QVERIFY2(flat.contains(time), qPrintable(time));
        QVERIFY(flat.contains(u"Arrived"_s));
        QVERIFY2(flat.contains(u"of 6"_s) && flat.contains(u"of 5"_s), qPrintable(flat));
        // The signature block.
        QVERIFY(flat.contains(u"Certified correct by"_s));
        QVERIFY(flat.contains(u"true record of the attendance of the guests listed above at IETF 121 Dublin"_s));
        for (const QString &field : {u"Name"_s, u"Role"_s, u"Date"_s, u"Signature"_s})
            QVERIFY2(
                t.contains(QRegularExpression(u"^\\s*"_s + field + u"\\s*$"_s, QRegularExpression::MultilineOption)),
                qPrintable(field));
        QVERIFY(flat.contains(u"Page 1 of 1"_s));
    }

    void longNamesStayInTheirCell()
    {
        AttendanceReportData data = dublin();
        data.rows = {row(LongName, LongName, u"MX"_s, {at(9, 0), absent, absent, absent}),
                     row(u"محمد بن راشد بن سعيد بن مكتوم بن حشر بن مكتوم بن بطي بن سهيل آل مكتوم الفلاسي"_s,
                         u"Telecommunications and Digital Government Regulatory Authority"_s, u"AE"_s,
                         {absent, absent, absent, absent})};
        const QString path = renderToFile(data, u"long-names"_s);
        QVERIFY(!path.isEmpty());
        const QList<Word> all = words(path, 1);
        double organisationLeft = -1, countryLeft = -1, registerTop = -1, registerBottom = -1;
        for (const Word &w : all) {
            if (w.text == u"Arrived")
                registerBottom = w.box.top();
            if (w.text == u"ORGANISATION") {
                organisationLeft = w.box.left();
                registerTop = w.box.bottom();
            }
            if (w.text == u"CTRY")
                countryLeft = w.box.left();
        }
        QVERIFY(organisationLeft > 0 && countryLeft > organisationLeft && registerBottom > registerTop);
        // Every word of the rows between the name column and the organisation column ends before the next column.
        bool sawEllipsis = false;
        for (const Word &w : all) {
            if (w.box.top() < registerTop || w.box.top() >= registerBottom || w.box.left() < 60
                || w.box.left() >= countryLeft)
                continue; // the title block, the totals, the row numbers, the days
            if (w.text.contains(u'…'))
                sawEllipsis = true;
            if (w.box.left() < organisationLeft - 4)
                QVERIFY2(w.box.right() <= organisationLeft, qPrintable(w.text));
            else
                QVERIFY2(w.box.right() <= countryLeft, qPrintable(w.text));
        }
        QVERIFY(sawEllipsis);
    }

    void fifteenHundredGuestsFillNumberedPagesEachWithTheTableHeader()
    {
        AttendanceReportData data = dublin();
        const QStringList names = {
            u"Nguyễn Thị Minh Khai"_s, u"Ольга Смирнова"_s, u"山田太郎"_s, u"ليلى حسن"_s, u"สมชาย ใจดี"_s,
            u"Jean Tremblay"_s};
        for (int i = 0; i < 1500; ++i) {
            QList<AttendanceMark> marks;
            for (int d = 0; d < 4; ++d)
                marks.append((i + d) % 3 ? at(8 + (i + d) % 4, (i * 7 + d) % 60) : absent);
            data.rows.append(
                row(names[i % names.size()] + u" %1"_s.arg(i + 1), u"Delegation %1"_s.arg(i % 40 + 1), u"FR"_s, marks));
        }
        const QString path = renderToFile(data, u"fifteen-hundred"_s);
        QVERIFY(!path.isEmpty());
        const int pages = pageCount(path);
        QVERIFY2(pages >= 20, qPrintable(QString::number(pages)));
        const QStringList texts = pageTexts(path);
        QCOMPARE(texts.size(), pages);
        for (int p = 1; p <= pages; ++p) {
            const QString t = texts[p - 1].simplified();
            QVERIFY2(t.contains(u"Page %1 of %2"_s.arg(p).arg(pages)), qPrintable(t));
            const bool signatureOnly = p == pages && !t.contains(u"Delegation"_s);
            if (!signatureOnly) {
                QVERIFY2(t.contains(u"NAME"_s) && t.contains(u"ORGANISATION"_s) && t.contains(u"DAY 4"_s),
                         qPrintable(u"page %1: %2"_s.arg(p).arg(t.left(300))));
            }
            if (p > 1)
                QVERIFY2(t.contains(u"IETF 121 Dublin · Attendance register"_s), qPrintable(t.left(300)));
        }
        QVERIFY(texts.first().contains(u"Daily totals"_s));
        QVERIFY(texts.last().contains(u"Certified correct by"_s));
        const QString all = texts.join(u'\n');
        QVERIFY(all.contains(u"Nguyễn Thị Minh Khai 1"_s));
        QVERIFY(all.contains(u"Jean Tremblay 1500"_s)); // the last guest is printed
        QVERIFY(all.contains(u"of 1,500"_s));
    }

    void manyDaysTurnTheRegisterLandscape()
    {
        for (const int days : {6, AttendanceReportRenderer::MaxDays}) {
            AttendanceReportData data = dublin(days);
            for (int g = 0; g < 3; ++g) {
                QList<AttendanceMark> marks;
                for (int d = 0; d < days; ++d)
                    marks.append(d % 3 == g ? absent : at(9, d));
                data.rows.append(
                    row(LongName, u"Ministry of Digital Development, Communications and Mass Media"_s, u"RU"_s, marks));
            }
            const QString path = renderToFile(data, u"days-%1"_s.arg(days));
            QVERIFY(!path.isEmpty());
            QVERIFY2(pdfInfo(path).contains(u"841.89 x 595.276 pts"_s), qPrintable(pdfInfo(path)));
            const QString t = pageTexts(path).join(u' ');
            QVERIFY(t.contains(u"DAY %1"_s.arg(days)));
            const QString lastTime = QTime(9, days - 1).toString(u"HH:mm"_s);
            QVERIFY2(t.contains(lastTime), qPrintable(lastTime + u" not in "_s + t));
        }

        const auto tooMany = m_renderer.render(dublin(AttendanceReportRenderer::MaxDays + 1));
        QVERIFY(!tooMany);
        QVERIFY2(tooMany.error().contains(u"at most 14 programme days"_s), qPrintable(tooMany.error()));
    }

    void emptyGuestListSaysSo()
    {
        const QString path = renderToFile(dublin(), u"empty"_s);
        QVERIFY(!path.isEmpty());
        const QString t = pageTexts(path).join(u' ').simplified();
        QVERIFY2(t.contains(u"There are no guests in the guest list."_s), qPrintable(t));
        QVERIFY(t.contains(u"0 of 0 guests"_s));
        QVERIFY(t.contains(u"Certified correct by"_s));
    }
};

QTEST_GUILESS_MAIN(TestAttendanceReportPdf)
#include "tst_attendancereportpdf.moc"
