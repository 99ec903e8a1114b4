#include "kiosk/guests/countries.h"
#include "kiosk/guests/guestcsv.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using checkin::Countries;
using checkin::CsvProblem;
using checkin::GuestCsv;
using checkin::GuestCsvResult;
using checkin::GuestImportRow;

namespace checkin {
// Readable QCOMPARE failures.
char *toString(const GuestImportRow &row)
{
    QStringList days;
    for (const QDate &day : row.days)
        days.append(day.toString(Qt::ISODate));
    const QStringList fields{QString::number(row.line),
                             row.externalId,
                             row.displayName,
                             row.givenName,
                             row.familyName,
                             row.latinName,
                             row.organisation,
                             row.countryCode,
                             row.role,
                             row.email,
                             row.language,
                             row.regType,
                             row.ticketType,
                             days.join(u';')};
    return QTest::toString(u'[' + fields.join(u'|') + u']');
}
} // namespace checkin

namespace {

// A three-day programme: day 1 = 17 March, day 3 = 19 March.
const QDate FirstDay(2025, 3, 17);
const QDate LastDay(2025, 3, 19);

GuestCsvResult parse(const QByteArray &bytes)
{
    return GuestCsv::parse(bytes, FirstDay, LastDay);
}

QStringList problemStrings(const GuestCsvResult &result)
{
    QStringList strings;
    for (const CsvProblem &problem : result.problems)
        strings.append(problem.toString());
    return strings;
}

// Parses a file that must be free of problems and have exactly one guest.
GuestImportRow onlyRow(const QByteArray &bytes)
{
    const GuestCsvResult result = parse(bytes);
    if (!result.ok() || result.rows.size() != 1) {
        qWarning() << "unexpected problems:" << problemStrings(result);
        return {};
    }
    return result.rows.first();
}

GuestImportRow row(int line, const QString &id, const QString &displayName)
{
    GuestImportRow row;
    row.line = line;
    row.externalId = id;
    row.displayName = displayName;
    row.role = u"policymaker"_s;
    row.language = u"en"_s;
    return row;
}

} // namespace

class TestGuestCsv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsDatatrackerExportWithIdsDerivedFromEmail();
    void nameOrderColumnSaysWhichNameComesFirst();
    void derivedIdIsStableAndContainsNoPersonalData_data();
    void derivedIdIsStableAndContainsNoPersonalData();
    void readsOurColumnsAndIgnoresUnknownOnes();
    void acceptsHeaderNamesInAnyCaseAndAliases_data();
    void acceptsHeaderNamesInAnyCaseAndAliases();
    void composesDisplayNameFromGivenAndFamily_data();
    void composesDisplayNameFromGivenAndFamily();
    void keepsNamesInEveryScriptByteExact_data();
    void keepsNamesInEveryScriptByteExact();
    void checksLatinName_data();
    void checksLatinName();
    void mapsLanguage_data();
    void mapsLanguage();
    void mapsRole_data();
    void mapsRole();
    void parsesDaysWithinTheProgramme_data();
    void parsesDaysWithinTheProgramme();
    void reportsDaysWhenTheProgrammeHasNoDates();
    void checksCountryCode_data();
    void checksCountryCode();
    void acceptsExactlyTheIsoCountryCodes();
    void reportsHeaderProblems_data();
    void reportsHeaderProblems();
    void reportsDuplicateIdsNamingTheFirstLine_data();
    void reportsDuplicateIdsNamingTheFirstLine();
    void restrictsIdsToSafeFileNames_data();
    void restrictsIdsToSafeFileNames();
    void removesInvisibleControlsFromWhatIsPrinted_data();
    void removesInvisibleControlsFromWhatIsPrinted();
    void refusesAFloodOfCombiningMarks();
    void leavesOutWhatABadgeCannotPrintWithAWarning();
    void listsTheFirstHundredProblemsAndCountsTheRest();
    void rejectsLineBreaksAndControlCharacters_data();
    void rejectsLineBreaksAndControlCharacters();
    void reportsAFileWithoutGuestsOnce_data();
    void reportsAFileWithoutGuestsOnce();
    void skipsEmptyRows();
    void reportsEveryProblemSortedByLineAndColumn();
};

void TestGuestCsv::readsDatatrackerExportWithIdsDerivedFromEmail()
{
    const GuestCsvResult result = parse(
        "first_name,last_name,affiliation,country_code,email,reg_type,ticket_type\r\n"
        "Jane,Doe,Ministry of Digital Affairs,sn, Jane.Doe@example.org ,onsite,week_pass\r\n"
        "Amadou,Diallo,ARTP,SN,amadou.diallo@example.sn,remote,one_day\r\n"_ba);
    QCOMPARE(problemStrings(result), QStringList{});

    // Expected ids computed independently: sha256("jane.doe@example.org") starts 7f73355bf032.
    GuestImportRow jane = row(2, u"g-7f73355bf032"_s, u"Jane Doe"_s);
    jane.givenName = u"Jane"_s;
    jane.familyName = u"Doe"_s;
    jane.organisation = u"Ministry of Digital Affairs"_s;
    jane.countryCode = u"SN"_s;
    jane.email = u"Jane.Doe@example.org"_s;
    jane.regType = u"onsite"_s;
    jane.ticketType = u"week_pass"_s;
    GuestImportRow amadou = row(3, u"g-75fd43dd0347"_s, u"Amadou Diallo"_s);
    amadou.givenName = u"Amadou"_s;
    amadou.familyName = u"Diallo"_s;
    amadou.organisation = u"ARTP"_s;
    amadou.countryCode = u"SN"_s;
    amadou.email = u"amadou.diallo@example.sn"_s;
    amadou.regType = u"remote"_s;
    amadou.ticketType = u"one_day"_s;
    QCOMPARE(result.rows, (QList<GuestImportRow>{jane, amadou}));
}

void TestGuestCsv::derivedIdIsStableAndContainsNoPersonalData_data()
{
    QTest::addColumn<QString>("email");

    QTest::newRow("as typed") << u"jane.doe@example.org"_s;
    QTest::newRow("upper case") << u"JANE.DOE@EXAMPLE.ORG"_s;
    QTest::newRow("mixed case and spaces") << u"  Jane.Doe@Example.org\t"_s;
}

void TestGuestCsv::derivedIdIsStableAndContainsNoPersonalData()
{
    QFETCH(QString, email);

    const QString id = GuestCsv::idFromEmail(email);
    QCOMPARE(id, u"g-7f73355bf032"_s);
    QVERIFY(QRegularExpression(u"\\Ag-[0-9a-f]{12}\\z"_s).match(id).hasMatch());
    QCOMPARE(onlyRow("email,display_name\n\""_ba + email.toUtf8() + "\",Jane\n"_ba).externalId, id);
}

void TestGuestCsv::readsOurColumnsAndIgnoresUnknownOnes()
{
    const GuestCsvResult result = parse(
        "external_id,display_name,given_name,family_name,latin_name,organisation,country,role,email,"
        "language,days,reg_type,ticket_type,dietary_notes\n"
        "pm-001,Ольга Смирнова,Ольга,Смирнова,Olga Smirnova,Минцифры России,ru,Policymaker,"
        "olga@example.ru,ru-RU,3;1,,,vegetarian\n"
        "st.01,Kim Lee,,,,IETF Secretariat,,staff,,,,,,\n"_ba);
    QCOMPARE(problemStrings(result), QStringList{});

    GuestImportRow olga = row(2, u"pm-001"_s, u"Ольга Смирнова"_s);
    olga.givenName = u"Ольга"_s;
    olga.familyName = u"Смирнова"_s;
    olga.latinName = u"Olga Smirnova"_s;
    olga.organisation = u"Минцифры России"_s;
    olga.countryCode = u"RU"_s;
    olga.email = u"olga@example.ru"_s;
    olga.language = u"ru"_s;
    olga.days = {QDate(2025, 3, 17), QDate(2025, 3, 19)};
    GuestImportRow kim = row(3, u"st.01"_s, u"Kim Lee"_s);
    kim.organisation = u"IETF Secretariat"_s;
    kim.role = u"staff"_s;
    QCOMPARE(result.rows, (QList<GuestImportRow>{olga, kim}));
}

void TestGuestCsv::acceptsHeaderNamesInAnyCaseAndAliases_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("displayName");
    QTest::addColumn<QString>("organisation");
    QTest::addColumn<QString>("countryCode");

    QTest::newRow("spreadsheet-style names")
        << "First Name,Last Name,E-mail,Country Code\nJane,Doe,j@example.org,fr\n"_ba << u"Jane Doe"_s << QString()
        << u"FR"_s;
    QTest::newRow("upper case and spaces")
        << " FIRST_NAME , last-name ,EMAIL,AFFILIATION\nJane,Doe,j@example.org,ARCEP\n"_ba << u"Jane Doe"_s
        << u"ARCEP"_s << QString();
    QTest::newRow("given_name and family_name")
        << "given_name,family_name,external_id\nJane,Doe,a1\n"_ba << u"Jane Doe"_s << QString() << QString();
    QTest::newRow("organization (US spelling)")
        << "display_name,organization,external_id\nJane Doe,ARCEP,a1\n"_ba << u"Jane Doe"_s << u"ARCEP"_s << QString();
    QTest::newRow("country instead of country_code")
        << "display_name,Country,external_id\nJane Doe,de,a1\n"_ba << u"Jane Doe"_s << QString() << u"DE"_s;
    QTest::newRow("empty organisation falls back to affiliation")
        << "display_name,organisation,affiliation,external_id\nJane Doe,,ARCEP,a1\n"_ba << u"Jane Doe"_s << u"ARCEP"_s
        << QString();
    QTest::newRow("display_name wins over first and last name")
        << "display_name,first_name,last_name,external_id\nDr Jane Doe,Jane,Doe,a1\n"_ba << u"Dr Jane Doe"_s
        << QString() << QString();
}

void TestGuestCsv::acceptsHeaderNamesInAnyCaseAndAliases()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, displayName);
    QFETCH(QString, organisation);
    QFETCH(QString, countryCode);

    const GuestImportRow guest = onlyRow(bytes);
    QCOMPARE(guest.displayName, displayName);
    QCOMPARE(guest.organisation, organisation);
    QCOMPARE(guest.countryCode, countryCode);
}

void TestGuestCsv::composesDisplayNameFromGivenAndFamily_data()
{
    QTest::addColumn<QString>("given");
    QTest::addColumn<QString>("family");
    QTest::addColumn<QString>("displayName");

    QTest::newRow("Latin: given family") << u"Jane"_s << u"Doe"_s << u"Jane Doe"_s;
    QTest::newRow("Cyrillic: given family") << u"Ольга"_s << u"Смирнова"_s << u"Ольга Смирнова"_s;
    QTest::newRow("Japanese kanji: family given, no space") << u"太郎"_s << u"山田"_s << u"山田太郎"_s;
    QTest::newRow("Japanese kana given name") << u"さくら"_s << u"山田"_s << u"山田さくら"_s;
    QTest::newRow("Chinese") << u"小明"_s << u"王"_s << u"王小明"_s;
    QTest::newRow("Korean Hangul") << u"민준"_s << u"김"_s << u"김민준"_s;
    QTest::newRow("mixed scripts stay Western") << u"Taro"_s << u"山田"_s << u"Taro 山田"_s;
    QTest::newRow("given name only") << u"Sukarno"_s << QString() << u"Sukarno"_s;
    QTest::newRow("family name only") << QString() << u"Sukarno"_s << u"Sukarno"_s;
}

void TestGuestCsv::composesDisplayNameFromGivenAndFamily()
{
    QFETCH(QString, given);
    QFETCH(QString, family);
    QFETCH(QString, displayName);

    const GuestImportRow guest = onlyRow("external_id,first_name,last_name\na1,"_ba + given.toUtf8() + ","_ba
                                         + family.toUtf8() + "\n"_ba);
    QCOMPARE(guest.displayName, displayName);
    QCOMPARE(guest.givenName, given);
    QCOMPARE(guest.familyName, family);
}

void TestGuestCsv::keepsNamesInEveryScriptByteExact_data()
{
    QTest::addColumn<QByteArray>("name");

    QTest::newRow("Vietnamese (precomposed)") << "Nguyễn Thị Minh Khai"_ba;
    QTest::newRow("Vietnamese (decomposed, not normalised)") << "Nguye\xCC\x82\xCC\x83n Thi\xCC\xA3"_ba;
    QTest::newRow("Russian") << "Ольга Смирнова"_ba;
    QTest::newRow("Japanese") << "山田太郎"_ba;
    QTest::newRow("Arabic") << "ليلى حسن"_ba;
    QTest::newRow("Thai") << "สมชาย ใจดี"_ba;
    QTest::newRow("Hindi") << "अनीता शर्मा"_ba;
    QTest::newRow("Greek") << "Γιώργος Παπαδόπουλος"_ba;
    QTest::newRow("Hebrew") << "נועה לוי"_ba;
    QTest::newRow("Amharic") << "ሰላም ተስፋዬ"_ba;
    QTest::newRow("Persian with ZWNJ") << "محمد\xE2\x80\x8Cرضا"_ba;
    QTest::newRow("CJK extension B (outside the BMP)") << "\xF0\xA0\x80\x8B田"_ba;
    QTest::newRow("90 characters")
        << "Eva María de los Ángeles Guadalupe Rodríguez-Santisteban y Castellano de Villavicencio Paz"_ba;
}

void TestGuestCsv::keepsNamesInEveryScriptByteExact()
{
    QFETCH(QByteArray, name);

    if (QTest::currentDataTag() == "90 characters"_ba)
        QCOMPARE(QString::fromUtf8(name).size(), 90);
    const GuestImportRow guest = onlyRow("external_id,display_name\na1,\""_ba + name + "\"\n"_ba);
    QCOMPARE(guest.displayName.toUtf8(), name);
    QCOMPARE(guest.latinName, QString());
}

void TestGuestCsv::checksLatinName_data()
{
    QTest::addColumn<QString>("displayName");
    QTest::addColumn<QString>("latinName");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("problem");

    QTest::newRow("transliteration kept")
        << u"Ольга Смирнова"_s << u"Olga Smirnova"_s << u"Olga Smirnova"_s << QString();
    QTest::newRow("accents are Latin") << u"Nguyễn Thị Minh Khai"_s << u"Nguyễn Thị Minh Khai"_s << QString()
                                       << QString();
    QTest::newRow("empty stays empty") << u"山田太郎"_s << QString() << QString() << QString();
    QTest::newRow("same as display name dropped") << u"Jane Doe"_s << u"Jane Doe"_s << QString() << QString();
    QTest::newRow("not Latin") << u"Ольга"_s << u"Ольга"_s << QString()
                               << u"line 2, column 3 (latin_name): latin_name \"Ольга\" must be written in Latin "
                                  "letters (A to Z, accents allowed)"_s;
}

void TestGuestCsv::checksLatinName()
{
    QFETCH(QString, displayName);
    QFETCH(QString, latinName);
    QFETCH(QString, expected);
    QFETCH(QString, problem);

    const GuestCsvResult result = parse("external_id,display_name,latin_name\na1,"_ba + displayName.toUtf8() + ","_ba
                                        + latinName.toUtf8());
    if (!problem.isEmpty()) {
        QCOMPARE(problemStrings(result), QStringList{problem});
        return;
    }
    QCOMPARE(problemStrings(result), QStringList{});
    QCOMPARE(result.rows.first().latinName, expected);
}

void TestGuestCsv::mapsLanguage_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("language");

    QTest::newRow("empty means English") << QString() << u"en"_s;
    QTest::newRow("en") << u"en"_s << u"en"_s;
    QTest::newRow("upper case") << u"AR"_s << u"ar"_s;
    QTest::newRow("BCP 47 with region") << u"fr-FR"_s << u"fr"_s;
    QTest::newRow("POSIX locale") << u"zh_CN"_s << u"zh"_s;
    QTest::newRow("script and region") << u"zh-Hant-TW"_s << u"zh"_s;
    QTest::newRow("numeric region") << u"es-419"_s << u"es"_s;
    QTest::newRow("spaces around") << u" ru "_s << u"ru"_s;
    QTest::newRow("unsupported language") << u"de"_s << QString();
    QTest::newRow("language name") << u"French"_s << QString();
}

void TestGuestCsv::mapsLanguage()
{
    QFETCH(QString, value);
    QFETCH(QString, language);

    const GuestCsvResult result = parse("external_id,display_name,language\na1,Jane,"_ba + value.toUtf8() + "\n"_ba);
    if (language.isEmpty()) {
        QCOMPARE(problemStrings(result),
                 QStringList{u"line 2, column 3 (language): unknown language \""_s + value
                             + u"\"; use one of: en, fr, es, ar, zh, ru (or leave empty for en)"_s});
        QVERIFY(result.rows.isEmpty());
        return;
    }
    QCOMPARE(problemStrings(result), QStringList{});
    QCOMPARE(result.rows.first().language, language);
}

void TestGuestCsv::mapsRole_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("regType");
    QTest::addColumn<QString>("expected");

    QTest::newRow("nothing: policymaker") << QString() << QString() << u"policymaker"_s;
    QTest::newRow("datatracker reg_type: policymaker") << QString() << u"onsite"_s << u"policymaker"_s;
    QTest::newRow("reg_type staff") << QString() << u"staff"_s << u"staff"_s;
    QTest::newRow("reg_type names staff") << QString() << u"IETF Staff"_s << u"staff"_s;
    QTest::newRow("reg_type names host") << QString() << u"host_onsite"_s << u"host"_s;
    QTest::newRow("reg_type word only contains host") << QString() << u"hostname"_s << u"policymaker"_s;
    QTest::newRow("reg_type says both") << QString() << u"staff/host"_s << u"policymaker"_s;
    QTest::newRow("explicit role, any case") << u"Host"_s << QString() << u"host"_s;
    QTest::newRow("explicit role wins over reg_type") << u"POLICYMAKER"_s << u"staff"_s << u"policymaker"_s;
    QTest::newRow("unknown role") << u"VIP"_s << QString() << QString();
}

void TestGuestCsv::mapsRole()
{
    QFETCH(QString, role);
    QFETCH(QString, regType);
    QFETCH(QString, expected);

    const GuestCsvResult result = parse("external_id,display_name,role,reg_type\na1,Jane,"_ba + role.toUtf8() + ","_ba
                                        + regType.toUtf8() + "\n"_ba);
    if (expected.isEmpty()) {
        QCOMPARE(problemStrings(result), QStringList{u"line 2, column 3 (role): unknown role \""_s + role
                                                     + u"\"; use one of: policymaker, staff, host"_s});
        return;
    }
    QCOMPARE(problemStrings(result), QStringList{});
    QCOMPARE(result.rows.first().role, expected);
}

void TestGuestCsv::parsesDaysWithinTheProgramme_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QList<QDate>>("days");
    QTest::addColumn<QStringList>("problems");

    const QDate d1(2025, 3, 17);
    const QDate d2(2025, 3, 18);
    const QDate d3(2025, 3, 19);
    const QString outside = u"line 2, column 3 (days): day %1 is outside the programme; use a day number from 1 to 3 "
                            "or a date from 2025-03-17 to 2025-03-19"_s;
    const QString notADay = u"line 2, column 3 (days): \"%1\" is not a programme day; write day numbers (1 to 3) or "
                            "dates (YYYY-MM-DD), separated by \";\""_s;
    const QString dateOutside = u"line 2, column 3 (days): %1 is outside the programme, which runs from 2025-03-17 "
                                "to 2025-03-19"_s;

    QTest::newRow("empty: every day") << QString() << QList<QDate>{} << QStringList{};
    QTest::newRow("one day number") << u"2"_s << QList<QDate>{d2} << QStringList{};
    QTest::newRow("semicolons") << u"1;3"_s << QList<QDate>{d1, d3} << QStringList{};
    QTest::newRow("commas, unsorted") << u"3, 1"_s << QList<QDate>{d1, d3} << QStringList{};
    QTest::newRow("spaces") << u"1 2  3"_s << QList<QDate>{d1, d2, d3} << QStringList{};
    QTest::newRow("ISO date") << u"2025-03-18"_s << QList<QDate>{d2} << QStringList{};
    QTest::newRow("numbers and dates mixed, duplicates merged")
        << u"2025-03-19; 1; 3; 2025-03-17"_s << QList<QDate>{d1, d3} << QStringList{};
    QTest::newRow("first and last day") << u"2025-03-17;2025-03-19"_s << QList<QDate>{d1, d3} << QStringList{};
    QTest::newRow("day 0") << u"0"_s << QList<QDate>{} << QStringList{outside.arg(u"0")};
    QTest::newRow("day after the last") << u"1;4"_s << QList<QDate>{} << QStringList{outside.arg(u"4")};
    QTest::newRow("date before the first")
        << u"2025-03-16"_s << QList<QDate>{} << QStringList{dateOutside.arg(u"2025-03-16")};
    QTest::newRow("date after the last") << u"2025-03-20"_s << QList<QDate>{}
                                         << QStringList{dateOutside.arg(u"2025-03-20")};
    QTest::newRow("impossible date") << u"2025-02-30"_s << QList<QDate>{} << QStringList{notADay.arg(u"2025-02-30")};
    QTest::newRow("weekday name") << u"monday"_s << QList<QDate>{} << QStringList{notADay.arg(u"monday")};
    QTest::newRow("range is not a list") << u"1-3"_s << QList<QDate>{} << QStringList{notADay.arg(u"1-3")};
    QTest::newRow("every bad item reported")
        << u"0;2;17.03.2025;9"_s << QList<QDate>{}
        << QStringList{outside.arg(u"0"), notADay.arg(u"17.03.2025"), outside.arg(u"9")};
}

void TestGuestCsv::parsesDaysWithinTheProgramme()
{
    QFETCH(QString, value);
    QFETCH(QList<QDate>, days);
    QFETCH(QStringList, problems);

    const GuestCsvResult result = parse("external_id,display_name,days\na1,Jane,\""_ba + value.toUtf8() + "\"\n"_ba);
    QCOMPARE(problemStrings(result), problems);
    if (problems.isEmpty())
        QCOMPARE(result.rows.first().days, days);
}

void TestGuestCsv::reportsDaysWhenTheProgrammeHasNoDates()
{
    const QByteArray bytes = "external_id,display_name,days\na1,Jane,\na2,Bob,1\n"_ba;
    const GuestCsvResult result = GuestCsv::parse(bytes, QDate(), QDate());
    QCOMPARE(problemStrings(result),
             QStringList{u"line 3, column 3 (days): the event's first and last programme day are not set, so days "
                         "cannot be checked; set them in the event settings"_s});
    QVERIFY(GuestCsv::parse("external_id,display_name\na1,Jane\n"_ba, QDate(), QDate()).ok());
}

void TestGuestCsv::checksCountryCode_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("countryCode");
    QTest::addColumn<QString>("problem");

    QTest::newRow("empty allowed") << QString() << QString() << QString();
    QTest::newRow("upper case") << u"JP"_s << u"JP"_s << QString();
    QTest::newRow("lower case") << u"fr"_s << u"FR"_s << QString();
    QTest::newRow("spaces around") << u" gb "_s << u"GB"_s << QString();
    QTest::newRow("Kosovo (XK, user-assigned, accepted on purpose)") << u"XK"_s << u"XK"_s << QString();
    QTest::newRow("unknown") << u"XX"_s << QString() << u"unknown country code \"XX\""_s;
    QTest::newRow("alpha-3") << u"FRA"_s << QString() << u"unknown country code \"FRA\""_s;
    QTest::newRow("EU is not a country") << u"EU"_s << QString() << u"unknown country code \"EU\""_s;
    QTest::newRow("UK hints GB")
        << u"UK"_s << QString()
        << u"unknown country code \"UK\"; use the two-letter ISO code, here probably \"GB\" (United Kingdom)"_s;
    QTest::newRow("country name hints its code")
        << u"france"_s << QString()
        << u"unknown country code \"france\"; use the two-letter ISO code, here probably \"FR\" (France)"_s;
}

void TestGuestCsv::checksCountryCode()
{
    QFETCH(QString, value);
    QFETCH(QString, countryCode);
    QFETCH(QString, problem);

    const GuestCsvResult result = parse("external_id,display_name,country_code\na1,Jane,"_ba + value.toUtf8()
                                        + "\n"_ba);
    if (!problem.isEmpty()) {
        QCOMPARE(problemStrings(result), QStringList{u"line 2, column 3 (country_code): "_s + problem});
        return;
    }
    QCOMPARE(problemStrings(result), QStringList{});
    QCOMPARE(result.rows.first().countryCode, countryCode);
}

void TestGuestCsv::acceptsExactlyTheIsoCountryCodes()
{
    // Debian's iso-codes package is an independent list of the assigned ISO 3166-1 codes.
    QFile file(u"/usr/share/iso-codes/json/iso_3166-1.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        QSKIP("iso-codes is not installed");
    QSet<QString> iso;
    const QJsonArray countries = QJsonDocument::fromJson(file.readAll()).object().value(u"3166-1").toArray();
    for (const QJsonValue &country : countries)
        iso.insert(country.toObject().value(u"alpha_2").toString());
    QVERIFY(iso.size() >= 249);

    for (char16_t a = u'A'; a <= u'Z'; ++a) {
        for (char16_t b = u'A'; b <= u'Z'; ++b) {
            const QString code = QString(QChar(a)) + QChar(b);
            const bool expected = iso.contains(code) || code == u"XK";
            QVERIFY2(Countries::normalisedCode(code).has_value() == expected, qPrintable(code));
            QVERIFY2(Countries::normalisedCode(code.toLower()).has_value() == expected, qPrintable(code));
        }
    }
    QCOMPARE(Countries::englishName(u"sn"), u"Senegal"_s);
}

void TestGuestCsv::reportsHeaderProblems_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("problems");

    QTest::newRow("no name column")
        << "email,organisation\njane@example.org,ARCEP\n"_ba
        << QStringList{u"line 1: missing required column: display_name or first_name/last_name (the header line "
                       "has: email, organisation)"_s};
    QTest::newRow("no id and no email column")
        << "display_name,organisation\nJane Doe,ARCEP\n"_ba
        << QStringList{u"line 1: missing required column: external_id or email (the header line has: "
                       "display_name, organisation)"_s};
    QTest::newRow("no header line at all")
        << "a1,Jane Doe,ARCEP\na2,John Doe,ARCEP\n"_ba
        << QStringList{u"line 1: missing required column: display_name or first_name/last_name (the header line "
                       "has: a1, Jane Doe, ARCEP)"_s,
                       u"line 1: missing required column: external_id or email (the header line has: a1, Jane "
                       "Doe, ARCEP)"_s};
    QTest::newRow("column twice")
        << "external_id,display_name,Email,email\na1,Jane,j@example.org,j@example.org\n"_ba
        << QStringList{u"line 1, column 4 (email): column \"email\" appears twice (columns 3 and 4); remove one of "
                       "them"_s};
    QTest::newRow("unreadable header reported once")
        << "external_id,\"display_name\n"_ba
        << QStringList{u"line 1, column 2: a quoted value starts here but its closing quote (\") is missing, so "
                       "the rest of the file was read as part of this value"_s};
    QTest::newRow("semicolon-separated (European Excel)")
        << "external_id;display_name\na1;Jane\n"_ba
        << QStringList{u"line 1: the columns are separated by semicolons, not commas; save the file as \"CSV UTF-8 "
                       "(comma delimited)\""_s};
}

void TestGuestCsv::reportsHeaderProblems()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, problems);

    const GuestCsvResult result = parse(bytes);
    QCOMPARE(problemStrings(result), problems);
    QVERIFY(result.rows.isEmpty());
}

void TestGuestCsv::reportsDuplicateIdsNamingTheFirstLine_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("problems");

    QTest::newRow("same external_id")
        << "external_id,display_name\na1,Jane\nb2,Bob\na1,Alice\n"_ba
        << QStringList{u"line 4, column 1 (external_id): guest id \"a1\" is already used on line 2"_s};
    QTest::newRow("every later occurrence names the first line")
        << "external_id,display_name\na1,Jane\na1,Bob\na1,Alice\n"_ba
        << QStringList{u"line 3, column 1 (external_id): guest id \"a1\" is already used on line 2"_s,
                       u"line 4, column 1 (external_id): guest id \"a1\" is already used on line 2"_s};
    QTest::newRow("ids differing only in case")
        << "external_id,display_name\nab-1,Jane\nAB-1,Bob\n"_ba
        << QStringList{u"line 3, column 1 (external_id): guest id \"AB-1\" is already used on line 2 as \"ab-1\" "
                       "(ids that differ only in upper and lower case count as the same)"_s};
    QTest::newRow("same email, id derived from it")
        << "first_name,last_name,email\nJane,Doe,jane@example.org\nJ.,Doe, JANE@example.org\n"_ba
        << QStringList{u"line 3, column 3 (email): the same email address is already on line 2; each guest needs "
                       "their own, because the guest id is made from it"_s};
}

void TestGuestCsv::reportsDuplicateIdsNamingTheFirstLine()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, problems);

    const GuestCsvResult result = parse(bytes);
    QCOMPARE(problemStrings(result), problems);
    QVERIFY(result.rows.isEmpty());
}

void TestGuestCsv::restrictsIdsToSafeFileNames_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("problem");

    const QString characters = u"the guest id \"%1\" may only contain the letters A to Z and a to z, digits, "
                               "\".\", \"_\" and \"-\", and must start with a letter or digit"_s;
    QTest::newRow("all allowed characters") << u"Az09._-"_s << QString();
    QTest::newRow("digit first") << u"0-a"_s << QString();
    // "checkinctl badge -rf" would read the id as an option.
    QTest::newRow("hyphen first") << u"-rf"_s << characters.arg(u"-rf");
    QTest::newRow("dot first") << u".hidden"_s << characters.arg(u".hidden");
    QTest::newRow("underscore first") << u"_x"_s << characters.arg(u"_x");
    QTest::newRow("64 characters") << QString(64, u'x') << QString();
    QTest::newRow("65 characters") << QString(65, u'x') << u"the guest id is 65 characters long; the limit is 64"_s;
    QTest::newRow("space") << u"a b"_s << characters.arg(u"a b");
    QTest::newRow("slash") << u"../etc"_s << characters.arg(u"../etc");
    QTest::newRow("dot-dot") << u".."_s << characters.arg(u"..");
    QTest::newRow("dot") << u"."_s << characters.arg(u".");
    QTest::newRow("non-ASCII letter") << u"müller"_s << characters.arg(u"müller");
    QTest::newRow("empty") << QString() << u"the guest id is empty; every guest needs a unique external_id"_s;
}

void TestGuestCsv::restrictsIdsToSafeFileNames()
{
    QFETCH(QString, id);
    QFETCH(QString, problem);

    const GuestCsvResult result = parse("external_id,display_name\n\""_ba + id.toUtf8() + "\",Jane\n"_ba);
    if (problem.isEmpty()) {
        QCOMPARE(problemStrings(result), QStringList{});
        QCOMPARE(result.rows.first().externalId, id);
        return;
    }
    QCOMPARE(problemStrings(result), QStringList{u"line 2, column 1 (external_id): "_s + problem});
}

void TestGuestCsv::removesInvisibleControlsFromWhatIsPrinted_data()
{
    QTest::addColumn<QString>("given");
    QTest::addColumn<QString>("stored");

    // Shown as "Evilexe.png" by a screen that obeys the override; printed and stored as written.
    QTest::newRow("right-to-left override") << u"Evil\u202Egnp.exe"_s << u"Evilgnp.exe"_s;
    QTest::newRow("embedding and pop") << u"\u202BJane\u202C Doe"_s << u"Jane Doe"_s;
    QTest::newRow("isolates") << u"\u2067ليلى\u2069 حسن"_s << u"ليلى حسن"_s;
    QTest::newRow("direction marks") << u"Jane\u200F Doe\u200E"_s << u"Jane Doe"_s;
    QTest::newRow("zero-width space, word joiner, BOM") << u"Jo\u200Bhn\u2060 Sm\uFEFFith"_s << u"John Smith"_s;
    QTest::newRow("soft hyphen") << u"Müller\u00AD-Lüdenscheidt"_s << u"Müller-Lüdenscheidt"_s;
    QTest::newRow("only invisible around the name") << u"\u202E\u200B Ольга Смирнова \u2066"_s << u"Ольга Смирнова"_s;
    QTest::newRow("Persian ZWNJ kept") << u"محمد\u200Cرضا"_s << u"محمد\u200Cرضا"_s;
    QTest::newRow("Devanagari ZWJ kept") << u"क्\u200Dष"_s << u"क्\u200Dष"_s;
}

void TestGuestCsv::removesInvisibleControlsFromWhatIsPrinted()
{
    QFETCH(QString, given);
    QFETCH(QString, stored);
    const QByteArray file = "external_id,display_name,organisation,latin_name\na1,\""_ba + given.toUtf8()
                            + "\",\"Ministry\u202E of Tests\",\"Jane\u200B Doe\"\n"_ba;
    const GuestCsvResult result = parse(file);
    QCOMPARE(problemStrings(result), QStringList{});
    QCOMPARE(result.rows.size(), 1);
    QCOMPARE(result.rows.first().displayName, stored);
    QCOMPARE(result.rows.first().organisation, u"Ministry of Tests"_s);
    if (stored != u"Jane Doe"_s)
        QCOMPARE(result.rows.first().latinName, u"Jane Doe"_s);
}

void TestGuestCsv::refusesAFloodOfCombiningMarks()
{
    // "Stack" with 500 acute accents on its k: admitted, its badge could never be printed.
    const QString flood = u"Stack"_s + QString(500, QChar(0x0301));
    const GuestCsvResult result = parse("external_id,display_name\na1,Jane Doe\na2,\""_ba + flood.toUtf8() + "\"\n"_ba);
    QCOMPARE(problemStrings(result),
             QStringList{u"line 3, column 2 (display_name): the value stacks 500 accents or marks on one letter; a "
                         "badge can print at most 4, so the text is probably garbled"_s});
    QVERIFY(result.rows.isEmpty());
    // Real names stack at most a few: Vietnamese two, Thai three.
    QVERIFY(
        parse(
            "external_id,display_name\na1,\"Nguye\xCC\x82\xCC\x83n\"\na2,\"\xE0\xB8\x81\xE0\xB8\xB4\xE0\xB9\x8A\xE0\xB9\x8C\"\n"_ba)
            .ok());
}

// The badge fonts are monochrome Noto fonts without emoji: an emoji is left out of what is shown and printed,
// with a warning naming it, instead of a placeholder box on the badge ("José □ Silva") beside "José 😀 Silva" on
// the screen. Text-style symbols the fonts have stay.
void TestGuestCsv::leavesOutWhatABadgeCannotPrintWithAWarning()
{
    const GuestCsvResult result = parse(
        "external_id,display_name,organisation,latin_name\n"
        "a1,José \xF0\x9F\x98\x80 Silva,Acme\xC2\xAE Ministry \xE2\x98\x85,Jose Silva\n"
        "a2,\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7 Marie \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD,Office,\n"
        "a3,Ana \xEE\x80\x80Lima,\xF0\x9F\x98\x80,\n"_ba);
    QCOMPARE(problemStrings(result), QStringList{});
    QCOMPARE(result.rows.size(), 3);
    QCOMPARE(result.rows.at(0).displayName, u"José Silva"_s);
    QCOMPARE(result.rows.at(0).organisation, u"Acme® Ministry ★"_s);
    QCOMPARE(result.rows.at(1).displayName, u"Marie"_s);
    QCOMPARE(result.rows.at(2).displayName, u"Ana Lima"_s); // a private-use character
    QCOMPARE(result.rows.at(2).organisation, QString());    // nothing printable left: as if empty
    QStringList warnings;
    for (const CsvProblem &w : result.warnings)
        warnings << u"%1:%2"_s.arg(w.line).arg(w.columnName);
    QCOMPARE(warnings,
             (QStringList{u"2:display_name"_s, u"3:display_name"_s, u"4:display_name"_s, u"4:organisation"_s}));
    QVERIFY2(result.warnings.first().message.contains(u"😀"_s)
                 && result.warnings.first().message.contains(u"\"José Silva\""_s),
             qPrintable(result.warnings.first().message));
}

// Two million bad rows used to become a 193 MB answer; the list keeps the first 100 in file order and counts the rest.
void TestGuestCsv::listsTheFirstHundredProblemsAndCountsTheRest()
{
    QByteArray file = "external_id,display_name,country_code\n";
    for (int i = 0; i < 250; ++i)
        file += "g" + QByteArray::number(i) + ",Guest " + QByteArray::number(i) + ",XX\n"; // unknown country
    file += "short row\n"; // the CSV reader's own problem, found after the first 100 too
    const GuestCsvResult result = parse(file);
    QCOMPARE(result.problems.size(), checkin::kMaxListedProblems);
    QCOMPARE(result.unlistedProblems, 151);
    QCOMPARE(result.problemCount(), 251);
    QCOMPARE(result.problems.first().line, 2);
    QCOMPARE(result.problems.last().line, 101);
    QVERIFY(result.rows.isEmpty());
    QCOMPARE(checkin::unlistedProblemsNote(151), u"…and 151 more problems, not listed"_s);
    QCOMPARE(checkin::unlistedProblemsNote(1999900), u"…and 1,999,900 more problems, not listed"_s);
}

void TestGuestCsv::rejectsLineBreaksAndControlCharacters_data()
{
    QTest::addColumn<QByteArray>("row");
    QTest::addColumn<QStringList>("problems");

    const QString printed = u"the value is on more than one line; it is printed on the badge, so it must be on one "
                            "line"_s;
    QTest::newRow("line break in a name")
        << "a1,\"Jane\nDoe\",,,,\n"_ba << QStringList{u"line 2, column 2 (display_name): "_s + printed};
    QTest::newRow("CRLF in a given name")
        << "a1,,\"Jane\r\nMary\",Doe,,\n"_ba << QStringList{u"line 2, column 3 (first_name): "_s + printed};
    QTest::newRow("line break in the organisation")
        << "a1,Jane,,,\"Ministry\nof Things\",\n"_ba << QStringList{u"line 2, column 5 (organisation): "_s + printed};
    QTest::newRow("tab inside a name")
        << "a1,Jane\tDoe,,,,\n"_ba
        << QStringList{u"line 2, column 2 (display_name): the value contains an invisible control character "
                       "(U+0009); remove it"_s};
    QTest::newRow("bell character at the end")
        << "a1,Jane Doe\x07,,,,\n"_ba
        << QStringList{u"line 2, column 2 (display_name): the value contains an invisible control character "
                       "(U+0007); remove it"_s};
    QTest::newRow("line break after the id is trimmed") << "\"a1\n\",Jane,,,,\n"_ba << QStringList{};
    QTest::newRow("line break inside the id")
        << "\"a\n1\",Jane,,,,\n"_ba
        << QStringList{u"line 2, column 1 (external_id): the value is on more than one line; remove the line "
                       "break"_s};
    QTest::newRow("multi-line reg_type is fine") << "a1,Jane,,,,\"on site\nweek pass\"\n"_ba << QStringList{};
    QTest::newRow("line breaks around a name are trimmed") << "a1,\"\n Jane Doe \r\n\",,,,\n"_ba << QStringList{};
}

void TestGuestCsv::rejectsLineBreaksAndControlCharacters()
{
    QFETCH(QByteArray, row);
    QFETCH(QStringList, problems);

    const GuestCsvResult result = parse("external_id,display_name,first_name,last_name,organisation,reg_type\n"_ba
                                        + row);
    QCOMPARE(problemStrings(result), problems);
    QCOMPARE(result.rows.size(), problems.isEmpty() ? 1 : 0);
}

void TestGuestCsv::reportsAFileWithoutGuestsOnce_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("problem");

    const QString empty = u"the file has no guests: it is empty"_s;
    const QString headerOnly = u"the file has no guests: it has a header line but no rows below it"_s;
    QTest::newRow("empty file") << ""_ba << empty;
    QTest::newRow("only a BOM") << "\xEF\xBB\xBF"_ba << empty;
    QTest::newRow("blank lines") << "\r\n\r\n  \n"_ba << empty;
    QTest::newRow("header only") << "external_id,display_name\r\n"_ba << headerOnly;
    QTest::newRow("header with a wrong column only") << "name\n"_ba << headerOnly;
    QTest::newRow("header and empty spreadsheet rows") << "external_id,display_name\n,\n , \n"_ba << headerOnly;
    // A file the CSV reader refuses whole is that one problem, not also "missing required column" for the header
    // it never read.
    QTest::newRow("zero byte on a data line")
        << QByteArray("external_id,display_name\ng1,Jane\ng2,Jo\0hn\n", 42)
        << u"line 3: the file contains a zero byte, so it is not a CSV text file; save it as \"CSV UTF-8 (comma "
           "delimited)\" and try again"_s;
    QTest::newRow("workbook")
        << "PK\x03\x04\x14\0\x06\0"_ba
        << u"the file is a spreadsheet workbook (for example .xlsx or .ods), not CSV; save it as \"CSV UTF-8 (comma "
           "delimited)\" and try again"_s;
}

void TestGuestCsv::reportsAFileWithoutGuestsOnce()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, problem);

    QCOMPARE(problemStrings(parse(bytes)), QStringList{problem});
}

void TestGuestCsv::skipsEmptyRows()
{
    const GuestCsvResult result = parse("external_id,display_name,country_code\n,,\na1,Jane,\n , ,\n\na2,Bob,\n"_ba);
    QCOMPARE(problemStrings(result), QStringList{});
    QCOMPARE(result.rows.size(), 2);
    QCOMPARE(result.rows.at(0).line, 3);
    QCOMPARE(result.rows.at(1).line, 6);
}

void TestGuestCsv::reportsEveryProblemSortedByLineAndColumn()
{
    const GuestCsvResult result = parse("external_id,display_name,country_code,language,role,days\n"
                                        "a1,Jane Doe,FR,fr,,1\n"
                                        "a2,,XX,de,vip,9\n"
                                        "a1,Bob,gb,en,host,2\n"
                                        "\"a 3\",\"Line\nbreak\",US,en,staff,\n"
                                        "a4,Ok,,,,2025-03-20\n"
                                        "a5,Bad\xFF,,,,\n"
                                        "a6,Too,many,,,,,\n"
                                        "a7,\"unterminated,,,,\n"_ba);
    const QString notUtf8 = u"the text is not valid UTF-8 (accented letters or other scripts are probably in "
                            "another encoding); save the file as \"CSV UTF-8 (comma delimited)\""_s;
    QCOMPARE(problemStrings(result),
             (QStringList{
                 u"line 3, column 2 (display_name): the name is empty; fill in display_name, or first_name and "
                 "last_name"_s,
                 u"line 3, column 3 (country_code): unknown country code \"XX\""_s,
                 u"line 3, column 4 (language): unknown language \"de\"; use one of: en, fr, es, ar, zh, ru (or "
                 "leave empty for en)"_s,
                 u"line 3, column 5 (role): unknown role \"vip\"; use one of: policymaker, staff, host"_s,
                 u"line 3, column 6 (days): day 9 is outside the programme; use a day number from 1 to 3 or a "
                 "date from 2025-03-17 to 2025-03-19"_s,
                 u"line 4, column 1 (external_id): guest id \"a1\" is already used on line 2"_s,
                 u"line 5, column 1 (external_id): the guest id \"a 3\" may only contain the letters A to Z and a "
                 "to z, digits, \".\", \"_\" and \"-\", and must start with a letter or digit"_s,
                 u"line 5, column 2 (display_name): the value is on more than one line; it is printed on the "
                 "badge, so it must be on one line"_s,
                 u"line 7, column 6 (days): 2025-03-20 is outside the programme, which runs from 2025-03-17 to "
                 "2025-03-19"_s,
                 u"line 8, column 2 (display_name): "_s + notUtf8,
                 u"line 9: the number of values in this row (8) is not the number of columns in the header (6); "
                 "a value that contains a comma must be put in quotes"_s,
                 u"line 10, column 2 (display_name): a quoted value starts here but its closing quote (\") is "
                 "missing, so the rest of the file was read as part of this value"_s,
             }));
    QVERIFY(!result.ok());
    QVERIFY(result.rows.isEmpty());
}

void TestGuestCsv::nameOrderColumnSaysWhichNameComesFirst()
{
    const GuestCsvResult result = parse("external_id,first_name,last_name,name_order\n"
                                        "v1,Minh Khai,Nguyễn,family-first\n"
                                        "v2,Minh Khai,Nguyễn,\n"
                                        "j1,太郎,山田,\n"
                                        "j2,太郎,山田,given first\n"
                                        "j3,Taro,Yamada,Family_First\n"_ba);
    QVERIFY2(result.ok(), qPrintable(result.problems.value(0).toString()));
    QCOMPARE(result.rows[0].displayName, u"Nguyễn Minh Khai"_s);
    QCOMPARE(result.rows[0].nameOrder, u"family-first"_s);
    QCOMPARE(result.rows[1].displayName, u"Minh Khai Nguyễn"_s); // the default: given name first in Latin script
    QCOMPARE(result.rows[2].displayName, u"山田太郎"_s);         // family first, no space, for Han
    QCOMPARE(result.rows[3].displayName, u"太郎 山田"_s);
    QCOMPARE(result.rows[4].displayName, u"Yamada Taro"_s);

    const GuestCsvResult bad = parse("external_id,display_name,name_order\nv1,Jane,surname-first\n"_ba);
    QCOMPARE(bad.problems.size(), 1);
    QVERIFY2(bad.problems[0].message.contains(u"given-first, family-first"_s), qPrintable(bad.problems[0].message));
}

QTEST_GUILESS_MAIN(TestGuestCsv)
#include "tst_guestcsv.moc"
