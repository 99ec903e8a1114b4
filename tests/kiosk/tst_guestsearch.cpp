// Guest search for staff: accents, case and scripts folded by ICU, prefix words in any order, ranking, limits.
// The guests go through a real event database (GuestStore::forEvent), as the staff screen loads them.
#include "tests/support/testevent.h"

#include "db/gueststore.h"
#include "kiosk/guests/guestsearch.h"

#include <QtTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace checkin;

namespace {

// external id, display name, family name, given name, Latin name, organisation, country
struct G
{
    const char16_t *id;
    const char16_t *display;
    const char16_t *family;
    const char16_t *given;
    const char16_t *latin;
    const char16_t *organisation;
    const char16_t *country;
};

const G kGuests[] = {
    {u"vn-khai", u"Nguyễn Thị Minh Khai", u"Nguyễn", u"Thị Minh Khai", u"Nguyen Thi Minh Khai",
     u"Ministry of Information and Communications", u"VN"},
    {u"vn-an", u"Nguyễn Văn An", u"Nguyễn", u"Văn An", u"", u"Bộ Khoa học và Công nghệ", u"VN"},
    {u"ru-olga", u"Ольга Смирнова", u"Смирнова", u"Ольга", u"Olga Smirnova", u"Министерство цифрового развития", u"RU"},
    {u"ru-yulia", u"Юлия Щербакова", u"Щербакова", u"Юлия", u"", u"Роскомнадзор", u"RU"},
    {u"jp-yamada", u"山田太郎", u"山田", u"太郎", u"Yamada Taro", u"総務省", u"JP"},
    {u"eg-layla", u"ليلى حسن", u"حسن", u"ليلى", u"Layla Hassan", u"National Telecom Regulatory Authority", u"EG"},
    {u"th-somchai", u"สมชาย ใจดี", u"ใจดี", u"สมชาย", u"Somchai Jaidee", u"NBTC", u"TH"},
    {u"gr-giorgos", u"Γιώργος Παπαδόπουλος", u"Παπαδόπουλος", u"Γιώργος", u"", u"EETT", u"GR"},
    {u"kr-minjun", u"김민준", u"김", u"민준", u"Kim Minjun", u"Ministry of Science and ICT", u"KR"},
    {u"in-rajesh", u"राजेश कुमार", u"कुमार", u"राजेश", u"Rajesh Kumar", u"TRAI", u"IN"},
    {u"gb-smith", u"Anna Smith", u"Smith", u"Anna", u"", u"Ofcom", u"GB"},
    {u"gb-smithson", u"John Smithson", u"Smithson", u"John", u"", u"Department for Science", u"GB"},
    {u"us-jones", u"Mary Jones", u"Jones", u"Mary", u"", u"Smith Institute", u"US"},
    {u"ie-obrien", u"Seán O'Brien", u"O'Brien", u"Seán", u"", u"ComReg", u"IE"},
    {u"de-mueller", u"Jürgen Müller", u"Müller", u"Jürgen", u"", u"Bundesnetzagentur", u"DE"},
    {u"es-long", u"Maximiliana Alejandra Concepción de los Ángeles Fernández-Villaverde y Gutiérrez de Torres",
     u"Fernández-Villaverde y Gutiérrez de Torres", u"Maximiliana Alejandra Concepción de los Ángeles", u"",
     u"Secretaría de Estado de Telecomunicaciones", u"ES"},
};

db::GuestRecord record(qint64 eventId, const G &g)
{
    db::GuestRecord r;
    r.eventId = eventId;
    r.externalId = QString::fromUtf16(g.id);
    r.displayName = QString::fromUtf16(g.display);
    r.familyName = QString::fromUtf16(g.family);
    r.givenName = QString::fromUtf16(g.given);
    r.latinName = QString::fromUtf16(g.latin);
    r.organisation = QString::fromUtf16(g.organisation);
    r.country = QString::fromUtf16(g.country);
    return r;
}

// The example guests in a real event database, loaded back as the staff screen loads them.
struct Fixture
{
    test::TestEvent event{[] {
        test::TestEvent::Options o;
        o.guests = 0;
        return o;
    }()};
    QList<db::GuestRecord> guests;
    std::optional<GuestSearchIndex> index;

    Fixture()
    {
        db::GuestStore store(event.db());
        for (const G &g : kGuests)
            (void)store.upsert(record(event.event().id, g));
        guests = *store.forEvent(event.event().id);
        index.emplace(guests);
    }

    QString externalId(qint64 guestId) const
    {
        for (const db::GuestRecord &g : guests) {
            if (g.id == guestId)
                return g.externalId;
        }
        return {};
    }

    qint64 guestId(const QString &externalId) const
    {
        for (const db::GuestRecord &g : guests) {
            if (g.externalId == externalId)
                return g.id;
        }
        return 0;
    }

    QStringList find(const QString &query, int limit = 20, const std::function<bool(qint64)> &accept = {})
    {
        QStringList ids;
        for (const GuestSearchHit &hit : index->search(query, limit, accept))
            ids << externalId(hit.guestId);
        return ids;
    }
};

} // namespace

class TestGuestSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsGuests_data();
    void findsGuests();
    void reportsTheFieldThatMatched_data();
    void reportsTheFieldThatMatched();
    void exactWordsBeforePrefixesAndFamilyNamesBeforeOtherFields();
    void ninetyCharacterNameIsFoundByAnyOfItsWords();
    void resultsAreLimited();
    void acceptKeepsOnlyTheListStaffAreLookingAt();
    void foldsNamesOfEveryScriptToLatinWords_data();
    void foldsNamesOfEveryScriptToLatinWords();
    void emptyGuestListFindsNobody();
};

// Each row: the query typed and the external ids expected, in order (empty: nobody).
void TestGuestSearch::findsGuests_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected");

    const QStringList khai{u"vn-khai"_s};
    const QStringList nguyens{u"vn-khai"_s, u"vn-an"_s}; // both family names: by folded name
    const QStringList olga{u"ru-olga"_s};
    const QStringList yamada{u"jp-yamada"_s};

    // Vietnamese without its tone marks, in any case, spacing and order.
    QTest::newRow("nguyen finds both Nguyễns, by name") << u"nguyen"_s << nguyens;
    QTest::newRow("upper case") << u"NGUYEN"_s << nguyens;
    QTest::newRow("mixed case") << u"nGuYeN tHi"_s << khai;
    QTest::newRow("extra spaces") << u"   nguyen     thi   "_s << khai;
    QTest::newRow("tab and newline are spaces") << u"\tnguyen\nkhai "_s << khai;
    QTest::newRow("words in any order") << u"khai minh nguyen"_s << khai;
    QTest::newRow("partial words") << u"ngu th mi"_s << khai;
    QTest::newRow("typed with its accents") << u"Nguyễn Thị"_s << khai;
    QTest::newRow("decomposed accents") << u"Nguye\u0302\u0303n"_s << nguyens;
    // Cyrillic: Latin spelling, original script, partial.
    QTest::newRow("smirnova") << u"smirnova"_s << olga;
    QTest::newRow("olga (soft sign dropped)") << u"olga"_s << olga;
    QTest::newRow("olga smirnova") << u"olga smirnova"_s << olga;
    QTest::newRow("original script, partial") << u"Смирн"_s << olga;
    QTest::newRow("original script, lower case") << u"ольга"_s << olga;
    QTest::newRow("BGN spelling shcherbakova") << u"shcherbakova"_s << QStringList{u"ru-yulia"_s};
    QTest::newRow("BGN spelling yuliya") << u"yuliya"_s << QStringList{u"ru-yulia"_s};
    QTest::newRow("ISO 9 spelling serbakova") << u"serbakova"_s << QStringList{u"ru-yulia"_s};
    QTest::newRow("Юлия in Cyrillic") << u"Юлия"_s << QStringList{u"ru-yulia"_s};
    // Han: pinyin of each character, the original characters, the guest's own Latin name.
    QTest::newRow("shan tian") << u"shan tian"_s << yamada;
    QTest::newRow("shan") << u"shan"_s << yamada;
    QTest::newRow("山田") << u"山田"_s << yamada;
    QTest::newRow("山") << u"山"_s << yamada;
    QTest::newRow("yamada (latin name)") << u"yamada"_s << yamada;
    QTest::newRow("taro yamada") << u"taro yamada"_s << yamada;
    // Other scripts by their Latin names and originals.
    QTest::newRow("layla") << u"layla"_s << QStringList{u"eg-layla"_s};
    QTest::newRow("حسن") << u"حسن"_s << QStringList{u"eg-layla"_s};
    QTest::newRow("somchai") << u"somchai"_s << QStringList{u"th-somchai"_s};
    QTest::newRow("สมชาย") << u"สมชาย"_s << QStringList{u"th-somchai"_s};
    QTest::newRow("papadopoulos") << u"papadopoulos"_s << QStringList{u"gr-giorgos"_s};
    QTest::newRow("Παπαδ") << u"Παπαδ"_s << QStringList{u"gr-giorgos"_s};
    QTest::newRow("giorgos") << u"giorgos"_s << QStringList{u"gr-giorgos"_s};
    QTest::newRow("김민준") << u"김민준"_s << QStringList{u"kr-minjun"_s};
    QTest::newRow("kim") << u"kim"_s << QStringList{u"kr-minjun"_s};
    QTest::newRow("rajesh") << u"rajesh"_s << QStringList{u"in-rajesh"_s};
    QTest::newRow("राजेश") << u"राजेश"_s << QStringList{u"in-rajesh"_s};
    // Apostrophes join or split.
    QTest::newRow("obrien") << u"obrien"_s << QStringList{u"ie-obrien"_s};
    QTest::newRow("o'brien") << u"o'brien"_s << QStringList{u"ie-obrien"_s};
    QTest::newRow("O’Brien typographic") << u"O’Brien"_s << QStringList{u"ie-obrien"_s};
    QTest::newRow("brien") << u"brien"_s << QStringList{u"ie-obrien"_s};
    QTest::newRow("sean") << u"sean"_s << QStringList{u"ie-obrien"_s};
    // German umlauts as typed either way.
    QTest::newRow("muller") << u"muller"_s << QStringList{u"de-mueller"_s};
    QTest::newRow("mueller") << u"mueller"_s << QStringList{u"de-mueller"_s};
    QTest::newRow("Müller") << u"Müller"_s << QStringList{u"de-mueller"_s};
    QTest::newRow("juergen") << u"juergen"_s << QStringList{u"de-mueller"_s};
    // Organisation and country.
    QTest::newRow("organisation word") << u"ofcom"_s << QStringList{u"gb-smith"_s};
    QTest::newRow("organisation in Russian") << u"министерство"_s << olga;
    QTest::newRow("organisation transliterated") << u"ministerstvo"_s << olga;
    QTest::newRow("country name") << u"japan"_s << yamada;
    QTest::newRow("country code") << u"jp"_s << yamada;
    QTest::newRow("country and name") << u"russia olga"_s << olga;
    QTest::newRow("country code ranks before a prefix") << u"th"_s << QStringList{u"th-somchai"_s, u"vn-khai"_s};
    QTest::newRow("external id") << u"gb-smithson"_s << QStringList{u"gb-smithson"_s};
    // Nothing to find.
    QTest::newRow("no match") << u"zzyzx"_s << QStringList{};
    QTest::newRow("every word must match") << u"nguyen smirnova"_s << QStringList{};
    QTest::newRow("empty query") << QString() << QStringList{};
    QTest::newRow("only spaces") << u"    "_s << QStringList{};
    QTest::newRow("only punctuation") << u"!?,.-"_s << QStringList{};
    QTest::newRow("a word longer than any name") << u"smirnovaaaaa"_s << QStringList{};
}

void TestGuestSearch::findsGuests()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);

    Fixture f;
    QCOMPARE(f.index->size(), qsizetype(std::size(kGuests)));
    QCOMPARE(f.find(query), expected);
}

void TestGuestSearch::reportsTheFieldThatMatched_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");
    QTest::addColumn<bool>("exact");

    QTest::newRow("family name") << u"smirnova"_s << u"family_name"_s << true;
    QTest::newRow("given name") << u"olga"_s << u"given_name"_s << true;
    QTest::newRow("Latin name") << u"yamada"_s << u"latin_name"_s << true;
    QTest::newRow("organisation") << u"roskom"_s << u"organisation"_s << false;
    QTest::newRow("country") << u"greece"_s << u"country"_s << true;
    QTest::newRow("external id") << u"long"_s << u"external_id"_s << true;
    QTest::newRow("family name wins over country") << u"russia smirnova"_s << u"family_name"_s << true;
    QTest::newRow("prefix") << u"smir"_s << u"family_name"_s << false;
}

void TestGuestSearch::reportsTheFieldThatMatched()
{
    QFETCH(QString, query);
    QFETCH(QString, field);
    QFETCH(bool, exact);

    Fixture f;
    const QList<GuestSearchHit> hits = f.index->search(query, 5);
    QCOMPARE(hits.size(), 1);
    QCOMPARE(guestSearchFieldName(hits.first().field), field);
    QCOMPARE(hits.first().exact, exact);
}

void TestGuestSearch::exactWordsBeforePrefixesAndFamilyNamesBeforeOtherFields()
{
    Fixture f;
    // "smith": Anna Smith's family name (whole word), Mary Jones's organisation "Smith Institute" (whole word,
    // other field), then John Smithson (family name, only a prefix).
    QCOMPARE(f.find(u"smith"_s), (QStringList{u"gb-smith"_s, u"us-jones"_s, u"gb-smithson"_s}));
    // "smi": all prefixes; the three family names alphabetically by folded name, then the organisation.
    QCOMPARE(f.find(u"smi"_s), (QStringList{u"gb-smith"_s, u"gb-smithson"_s, u"ru-olga"_s, u"us-jones"_s}));
    // Whole words on every query word beat a prefix on one of them.
    QCOMPARE(f.find(u"nguyen an"_s), (QStringList{u"vn-an"_s, u"vn-khai"_s}));
    const QList<GuestSearchHit> hits = f.index->search(u"nguyen an"_s, 5);
    QVERIFY(hits.at(0).exact);  // "an" is Văn An's given name
    QVERIFY(!hits.at(1).exact); // "an" only begins "and" in Khai's organisation
}

void TestGuestSearch::ninetyCharacterNameIsFoundByAnyOfItsWords()
{
    Fixture f;
    const QString name = QString::fromUtf16(kGuests[std::size(kGuests) - 1].display);
    QCOMPARE(name.size(), 90);
    const QStringList expected{u"es-long"_s};
    QCOMPARE(f.find(name), expected);
    QCOMPARE(f.find(name.toUpper()), expected);
    QCOMPARE(f.find(u"villaverde"_s), expected);
    QCOMPARE(f.find(u"fernandez gutierrez"_s), expected);
    QCOMPARE(f.find(u"angeles concepcion"_s), expected);
    QCOMPARE(f.find(u"torres maxi"_s), expected);
    // Far more than a name (pasted ten times): cut to the first 256 characters, never an error.
    QCOMPARE(f.find(QString(name + u' ').repeated(10)), expected);
}

void TestGuestSearch::resultsAreLimited()
{
    Fixture f;
    // "m" begins a family name (Müller), four given names (Minjun, Mary, Maximiliana, Minh) and Olga's ministry.
    const QStringList all = f.find(u"m"_s, 100);
    QCOMPARE(all,
             (QStringList{u"de-mueller"_s, u"kr-minjun"_s, u"us-jones"_s, u"es-long"_s, u"vn-khai"_s, u"ru-olga"_s}));
    QCOMPARE(f.find(u"m"_s, 3), all.mid(0, 3));
    QCOMPARE(f.find(u"m"_s, 1), all.mid(0, 1));
    QVERIFY(f.find(u"m"_s, 0).isEmpty());
    QVERIFY(f.find(u"m"_s, -1).isEmpty());
}

void TestGuestSearch::acceptKeepsOnlyTheListStaffAreLookingAt()
{
    Fixture f;
    // Staff search the not-yet-arrived list: Khai has arrived, so only Văn An is left, and the limit counts only
    // the guests kept.
    const qint64 arrived = f.guestId(u"vn-khai"_s);
    const auto notArrived = [arrived](qint64 id) { return id != arrived; };
    QCOMPARE(f.find(u"nguyen"_s, 1, notArrived), QStringList{u"vn-an"_s});
    QCOMPARE(f.find(u"nguyen"_s, 20, [arrived](qint64 id) { return id == arrived; }), QStringList{u"vn-khai"_s});
}

// What the index is built from: each script's names folded to plain Latin words (ICU 72).
void TestGuestSearch::foldsNamesOfEveryScriptToLatinWords_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("words");

    QTest::newRow("Vietnamese") << u"Nguyễn Thị Minh Khai"_s
                                << QStringList{u"nguyen"_s, u"thi"_s, u"minh"_s, u"khai"_s};
    QTest::newRow("Cyrillic") << u"Ольга Смирнова"_s << QStringList{u"olga"_s, u"smirnova"_s};
    QTest::newRow("Han, one character at a time")
        << u"山田太郎"_s << QStringList{u"shan"_s, u"tian"_s, u"tai"_s, u"lang"_s};
    QTest::newRow("Arabic") << u"ليلى حسن"_s << QStringList{u"lyly"_s, u"hsn"_s};
    QTest::newRow("Thai") << u"สมชาย ใจดี"_s << QStringList{u"smchay"_s, u"cidi"_s};
    QTest::newRow("Greek") << u"Γιώργος Παπαδόπουλος"_s << QStringList{u"giorgos"_s, u"papadopoulos"_s};
    QTest::newRow("Hangul") << u"김민준"_s << QStringList{u"gimminjun"_s};
    QTest::newRow("Devanagari") << u"राजेश कुमार"_s << QStringList{u"rajesa"_s, u"kumara"_s};
    QTest::newRow("German") << u"Jürgen Müller-Straße"_s << QStringList{u"jurgen"_s, u"muller"_s, u"strasse"_s};
    QTest::newRow("Polish and Nordic") << u"Łukasz Øyvind"_s << QStringList{u"lukasz"_s, u"oyvind"_s};
    QTest::newRow("full-width and ligature") << u"ＡＢＣ ﬁne"_s << QStringList{u"abc"_s, u"fine"_s};
    QTest::newRow("kana") << u"やまだ ヤマダ"_s << QStringList{u"yamada"_s};
}

void TestGuestSearch::foldsNamesOfEveryScriptToLatinWords()
{
    QFETCH(QString, text);
    QFETCH(QStringList, words);

    GuestSearchIndex index({});
    QCOMPARE(index.foldedWords(text), words);
}

void TestGuestSearch::emptyGuestListFindsNobody()
{
    GuestSearchIndex index({});
    QCOMPARE(index.size(), 0);
    QVERIFY(index.search(u"nguyen"_s).isEmpty());
}

QTEST_GUILESS_MAIN(TestGuestSearch)
#include "tst_guestsearch.moc"
