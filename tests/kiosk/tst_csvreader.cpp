#include "kiosk/common/csvreader.h"

#include <QTest>

using namespace Qt::StringLiterals;
using checkin::CsvProblem;
using checkin::CsvReader;
using checkin::CsvRecord;
using checkin::CsvTable;

namespace checkin {
// Readable QCOMPARE failures.
char *toString(const CsvRecord &record)
{
    return QTest::toString(u"line %1: ["_s.arg(record.line) + record.fields.join(u"|") + u']');
}
} // namespace checkin

Q_DECLARE_METATYPE(CsvRecord)

namespace {

QStringList problemStrings(const CsvTable &table)
{
    QStringList strings;
    for (const CsvProblem &problem : table.problems)
        strings.append(problem.toString());
    return strings;
}

const QString SaveAsCsv = u"save it as \"CSV UTF-8 (comma delimited)\" and try again"_s;
const QString NotUtf8 = u"the text is not valid UTF-8 (accented letters or other scripts are probably in another "
                        "encoding); save the file as \"CSV UTF-8 (comma delimited)\""_s;

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsRecordsWhateverTheLineEndsQuotesAndBom_data();
    void readsRecordsWhateverTheLineEndsQuotesAndBom();
    void reportsProblemsWithLineAndColumn_data();
    void reportsProblemsWithLineAndColumn();
    void keepsGoodRecordsAroundBadOnes();
    void limitsFieldLengthInCharactersNotBytes();
    void problemReadsAsLineColumnAndMessage_data();
    void problemReadsAsLineColumnAndMessage();
};

void TestCsvReader::readsRecordsWhateverTheLineEndsQuotesAndBom_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<QList<CsvRecord>>("records");

    const QStringList ab{u"a"_s, u"b"_s};
    const QList<CsvRecord> twoRows{{2, {u"1"_s, u"2"_s}}, {3, {u"3"_s, u"4"_s}}};

    QTest::newRow("LF with trailing newline") << "a,b\n1,2\n3,4\n"_ba << ab << twoRows;
    QTest::newRow("LF without trailing newline") << "a,b\n1,2\n3,4"_ba << ab << twoRows;
    QTest::newRow("CRLF with trailing newline") << "a,b\r\n1,2\r\n3,4\r\n"_ba << ab << twoRows;
    QTest::newRow("CRLF without trailing newline") << "a,b\r\n1,2\r\n3,4"_ba << ab << twoRows;
    QTest::newRow("lone CR as newline") << "a,b\r1,2\r3,4\r"_ba << ab << twoRows;
    QTest::newRow("mixed CRLF, LF and CR")
        << "a,b\r\n1,2\n3,4\r5,6\r\n"_ba << ab
        << QList<CsvRecord>{{2, {u"1"_s, u"2"_s}}, {3, {u"3"_s, u"4"_s}}, {4, {u"5"_s, u"6"_s}}};
    QTest::newRow("BOM and CRLF") << "\xEF\xBB\xBF"
                                     "a,b\r\n1,2\r\n3,4\r\n"_ba
                                  << ab << twoRows;
    QTest::newRow("BOM and LF, no trailing newline") << "\xEF\xBB\xBF"
                                                        "a,b\n1,2\n3,4"_ba
                                                     << ab << twoRows;
    QTest::newRow("quoted field with commas")
        << "a,b\n\"Doe, Jane\",\"1,2,3\"\n"_ba << ab << QList<CsvRecord>{{2, {u"Doe, Jane"_s, u"1,2,3"_s}}};
    QTest::newRow("quoted field with LF; next record's line counts it")
        << "a,b\n\"line 1\nline 2\",x\n3,4\n"_ba << ab
        << QList<CsvRecord>{{2, {u"line 1\nline 2"_s, u"x"_s}}, {4, {u"3"_s, u"4"_s}}};
    QTest::newRow("quoted field with CRLF kept as is")
        << "a,b\r\n\"x\r\ny\",z\r\n3,4\r\n"_ba << ab
        << QList<CsvRecord>{{2, {u"x\r\ny"_s, u"z"_s}}, {4, {u"3"_s, u"4"_s}}};
    QTest::newRow("quoted field with lone CR")
        << "a,b\r\"x\ry\",z\r3,4"_ba << ab << QList<CsvRecord>{{2, {u"x\ry"_s, u"z"_s}}, {4, {u"3"_s, u"4"_s}}};
    QTest::newRow("doubled quotes") << "a,b\n\"say \"\"hi\"\"\",\"\"\"\"\n"_ba << ab
                                    << QList<CsvRecord>{{2, {u"say \"hi\""_s, u"\""_s}}};
    QTest::newRow("empty fields") << "a,b,c\n,,\n1,,3\n\"\",\"\",\n"_ba << QStringList{u"a"_s, u"b"_s, u"c"_s}
                                  << QList<CsvRecord>{{2, {u""_s, u""_s, u""_s}},
                                                      {3, {u"1"_s, u""_s, u"3"_s}},
                                                      {4, {u""_s, u""_s, u""_s}}};
    QTest::newRow("trailing comma is an empty last field")
        << "a,b\n1,\n"_ba << ab << QList<CsvRecord>{{2, {u"1"_s, u""_s}}};
    QTest::newRow("blank and whitespace-only lines skipped, still counted")
        << "\na,b\n\n1,2\r\n\r\n  \t\n3,4\n\n\n"_ba << ab
        << QList<CsvRecord>{{4, {u"1"_s, u"2"_s}}, {7, {u"3"_s, u"4"_s}}};
    QTest::newRow("spaces around a quoted field ignored, in an unquoted field kept")
        << "a,b\n  \"x, y\"  , z \n"_ba << ab << QList<CsvRecord>{{2, {u"x, y"_s, u" z "_s}}};
    QTest::newRow("quote inside an unquoted field taken literally")
        << "a\nRobert \"Bob\" Smith\n"_ba << QStringList{u"a"_s} << QList<CsvRecord>{{2, {u"Robert \"Bob\" Smith"_s}}};
    QTest::newRow("non-ASCII text")
        << "name,org\nNguyễn Thị Minh Khai,\"Bộ Thông tin, Truyền thông\"\n山田太郎,総務省\n"_ba
        << QStringList{u"name"_s, u"org"_s}
        << QList<CsvRecord>{{2, {u"Nguyễn Thị Minh Khai"_s, u"Bộ Thông tin, Truyền thông"_s}},
                            {3, {u"山田太郎"_s, u"総務省"_s}}};
    QTest::newRow("U+FEFF inside a field is kept")
        << "a\n\"\xEF\xBB\xBFx\"\n"_ba << QStringList{u"a"_s} << QList<CsvRecord>{{2, {u"\uFEFFx"_s}}};
    QTest::newRow("header only") << "a,b\r\n"_ba << ab << QList<CsvRecord>{};
    QTest::newRow("empty file") << ""_ba << QStringList{} << QList<CsvRecord>{};
    QTest::newRow("only a BOM") << "\xEF\xBB\xBF"_ba << QStringList{} << QList<CsvRecord>{};
}

void TestCsvReader::readsRecordsWhateverTheLineEndsQuotesAndBom()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, header);
    QFETCH(QList<CsvRecord>, records);

    const CsvTable table = CsvReader::parse(bytes);
    QCOMPARE(problemStrings(table), QStringList{});
    QCOMPARE(table.header, header);
    QCOMPARE(table.records, records);
}

void TestCsvReader::reportsProblemsWithLineAndColumn_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("problems");

    QTest::newRow("unterminated quote")
        << "a,b\n1,2\n3,\"abc\n4,5\n"_ba
        << QStringList{u"line 3, column 2 (b): a quoted value starts here but its closing quote (\") is missing, "
                       "so the rest of the file was read as part of this value"_s};
    QTest::newRow("text after a closing quote")
        << "a,b\n\"Jane\"Doe,2\n"_ba
        << QStringList{u"line 2, column 1 (a): unexpected text \"Doe\" after the closing quote; put the whole "
                       "value in quotes and write each quote inside it twice (\"\")"_s};
    QTest::newRow("invalid UTF-8 (Latin-1 é)")
        << "a,b\n1,2\nJos\xE9,3\n"_ba << QStringList{u"line 3, column 1 (a): "_s + NotUtf8};
    QTest::newRow("invalid UTF-8 on the second line of a quoted field")
        << "a,b\n1,\"ok\r\nbad \xFF\"\n"_ba << QStringList{u"line 3, column 2 (b): "_s + NotUtf8};
    QTest::newRow("UTF-8 sequence cut off at the end of the file")
        << "a\n\xE5\xB1"_ba << QStringList{u"line 2, column 1 (a): "_s + NotUtf8};
    QTest::newRow("invalid UTF-8 in the header") << "\xC0\xAF"
                                                    "a,b\n1,2\n"_ba
                                                 << QStringList{u"line 1, column 1: "_s + NotUtf8};
    QTest::newRow("more values than columns")
        << "a,b\n1,2\nDoe, Jane,3\n"_ba
        << QStringList{u"line 3: the number of values in this row (3) is not the number of columns in the header "
                       "(2); a value that contains a comma must be put in quotes"_s};
    QTest::newRow("fewer values than columns")
        << "a,b,c\n1,2\n"_ba
        << QStringList{u"line 2: the number of values in this row (2) is not the number of columns in the header "
                       "(3); add the missing values, or commas for empty ones"_s};
    QTest::newRow("10,000-character field")
        << "a,b\n"_ba + QByteArray(10000, 'x') + ",2\n"_ba
        << QStringList{u"line 2, column 1 (a): field is 10000 characters long; the limit is 1000"_s};
    QTest::newRow("UTF-16 file") << "\xFF\xFE"
                                    "a\0,\0b\0"_ba
                                 << QStringList{u"the file is saved as UTF-16 text, not as CSV; "_s + SaveAsCsv};
    QTest::newRow("UTF-32 file, little-endian") // starts like UTF-16's mark: told apart by its two zero bytes
        << QByteArray("\xFF\xFE\0\0a\0\0\0,\0\0\0", 12)
        << QStringList{u"the file is saved as UTF-32 text, not as CSV; "_s + SaveAsCsv};
    QTest::newRow("UTF-32 file, big-endian")
        << QByteArray("\0\0\xFE\xFF\0\0\0a", 8)
        << QStringList{u"the file is saved as UTF-32 text, not as CSV; "_s + SaveAsCsv};
    QTest::newRow("xlsx workbook")
        << "PK\x03\x04\x14\0\x06\0"_ba
        << QStringList{u"the file is a spreadsheet workbook (for example .xlsx or .ods), not CSV; "_s + SaveAsCsv};
    QTest::newRow("zero byte") << "a,b\r\n1,2\0\r\n"_ba
                               << QStringList{u"line 2: the file contains a zero byte, so it is not a CSV text file; "_s
                                              + SaveAsCsv};
    QTest::newRow("zero byte after lone CRs")
        << "a,b\r1,2\r3,\0"_ba
        << QStringList{u"line 3: the file contains a zero byte, so it is not a CSV text file; "_s + SaveAsCsv};
    QTest::newRow("several problems, sorted by line and column")
        << "a,b\n\"x\ny\xFF\",\"z\"!\n1,2,3\n\xFF,4\n"_ba
        << QStringList{u"line 3, column 1 (a): "_s + NotUtf8,
                       u"line 3, column 2 (b): unexpected text \"!\" after the closing quote; put the whole value "
                       "in quotes and write each quote inside it twice (\"\")"_s,
                       u"line 4: the number of values in this row (3) is not the number of columns in the header "
                       "(2); a value that contains a comma must be put in quotes"_s,
                       u"line 5, column 1 (a): "_s + NotUtf8};
}

void TestCsvReader::reportsProblemsWithLineAndColumn()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, problems);

    QCOMPARE(problemStrings(CsvReader::parse(bytes)), problems);
}

void TestCsvReader::keepsGoodRecordsAroundBadOnes()
{
    const CsvTable table = CsvReader::parse("a,b\n1,2\nx\xFF,3\n4,5,6\n7,8\n"_ba);
    QCOMPARE(table.problems.size(), 2);
    QCOMPARE(table.records, (QList<CsvRecord>{{2, {u"1"_s, u"2"_s}}, {5, {u"7"_s, u"8"_s}}}));
}

void TestCsvReader::limitsFieldLengthInCharactersNotBytes()
{
    // 1000 CJK characters are 3000 bytes and still within the default limit.
    const QByteArray thousand = QString(1000, u'山').toUtf8();
    QVERIFY(CsvReader::parse(QByteArray("a\n"_ba + thousand)).problems.isEmpty());

    const CsvTable tooLong = CsvReader::parse(QByteArray("a\n"_ba + thousand + QString(u'山').toUtf8()));
    QCOMPARE(problemStrings(tooLong),
             QStringList{u"line 2, column 1 (a): field is 1001 characters long; the limit is 1000"_s});

    // Characters outside the BMP count once, not as two UTF-16 units.
    QVERIFY(CsvReader::parse("a\n\xF0\x9F\x98\x80\xF0\x9F\x98\x80"_ba, 2).problems.isEmpty());
    QCOMPARE(CsvReader::parse("a\nabc"_ba, 2).problems.size(), 1);
    QVERIFY(CsvReader::parse(QByteArray("a\n"_ba + QByteArray(5000, 'x')), 0).problems.isEmpty());
}

void TestCsvReader::problemReadsAsLineColumnAndMessage_data()
{
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("columnName");
    QTest::addColumn<QString>("expected");

    QTest::newRow("line, column and name")
        << 7 << 3 << u"country_code"_s << u"line 7, column 3 (country_code): unknown country code \"XX\""_s;
    QTest::newRow("column without a name") << 7 << 3 << QString() << u"line 7, column 3: unknown country code \"XX\""_s;
    QTest::newRow("whole row") << 7 << 0 << QString() << u"line 7: unknown country code \"XX\""_s;
    QTest::newRow("whole file") << 0 << 0 << QString() << u"unknown country code \"XX\""_s;
}

void TestCsvReader::problemReadsAsLineColumnAndMessage()
{
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, columnName);
    QFETCH(QString, expected);

    const CsvProblem problem{line, column, columnName, u"unknown country code \"XX\""_s};
    QCOMPARE(problem.toString(), expected);
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
