// Staff's guest search (GuestSearchIndex): building the index for 10,000 guests whose names are written in ten
// scripts, and the search run on every keystroke while a name is typed. Reports median and p99 per keystroke.
#include "db/records.h"
#include "kiosk/guests/guestsearch.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <vector>

using namespace Qt::StringLiterals;
using namespace checkin;

namespace {

// Family names, given names, an alphabet for making names unique, and a country, per script.
struct Script
{
    std::vector<const char16_t *> family;
    std::vector<const char16_t *> given;
    const char16_t *alphabet;
    const char16_t *country;
    const char16_t *separator; // between the names as printed
    bool familyFirst;
};

const std::array<Script, 10> kScripts = {{
    {{u"Nguyễn", u"Trần", u"Lê", u"Phạm", u"Hoàng", u"Phan", u"Vũ", u"Đặng", u"Bùi", u"Đỗ"},
     {u"Thị Minh Khai", u"Văn An", u"Thu Hà", u"Quốc Bảo", u"Ngọc Lan", u"Đức Anh", u"Thanh Hương", u"Hữu Phước"},
     u"ăâđêôơưáàảãạ",
     u"VN",
     u" ",
     true},
    {{u"Смирнова", u"Иванов", u"Кузнецова", u"Попов", u"Васильева", u"Петров", u"Соколова", u"Щербаков", u"Морозова"},
     {u"Ольга", u"Юлия", u"Дмитрий", u"Наталья", u"Сергей", u"Екатерина", u"Алексей", u"Мария"},
     u"абвгдежзиклмнопрстуфхцчшщыэюя",
     u"RU",
     u" ",
     false},
    {{u"山田", u"佐藤", u"鈴木", u"高橋", u"田中", u"伊藤", u"渡辺", u"中村"},
     {u"太郎", u"花子", u"一郎", u"美咲", u"健太", u"陽子", u"翔", u"愛"},
     u"あいうえおかきくけこさしすせそ",
     u"JP",
     u"",
     true},
    {{u"حسن", u"علي", u"محمد", u"إبراهيم", u"يوسف", u"عبدالله", u"خالد", u"سعيد"},
     {u"ليلى", u"أحمد", u"فاطمة", u"عمر", u"مريم", u"كريم", u"نور", u"سارة"},
     u"ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
     u"EG",
     u" ",
     false},
    {{u"ใจดี", u"ศรีสุข", u"วงศ์ใหญ่", u"แสงทอง", u"บุญมา", u"ทองดี", u"สุขสวัสดิ์"},
     {u"สมชาย", u"สมหญิง", u"ประยุทธ์", u"วิภา", u"อนันต์", u"มาลี", u"สุรเชษฐ์"},
     u"กขคงจฉชซดตถทนบปผพฟมยรลวสหอ",
     u"TH",
     u" ",
     false},
    {{u"王", u"李", u"张", u"刘", u"陈", u"杨", u"黄", u"赵", u"周", u"吴"},
     {u"小明", u"丽", u"伟", u"芳", u"娜", u"强", u"敏", u"静"},
     u"一二三四五六七八九十百千万",
     u"CN",
     u"",
     true},
    {{u"Παπαδόπουλος", u"Γεωργίου", u"Νικολάου", u"Οικονόμου", u"Δημητρίου", u"Ιωάννου"},
     {u"Γιώργος", u"Μαρία", u"Νίκος", u"Ελένη", u"Κώστας", u"Σοφία"},
     u"αβγδεζηθικλμνξοπρστυφχψω",
     u"GR",
     u" ",
     false},
    {{u"김", u"이", u"박", u"최", u"정", u"강", u"조", u"윤"},
     {u"민준", u"서연", u"도윤", u"지우", u"하준", u"서윤", u"예준"},
     u"가나다라마바사아자차카타파하",
     u"KR",
     u"",
     true},
    {{u"कुमार", u"शर्मा", u"सिंह", u"पटेल", u"गुप्ता", u"वर्मा"},
     {u"राजेश", u"प्रिया", u"अमित", u"सुनीता", u"विजय", u"अनीता"},
     u"कखगघचछजझटठडढणतथदधनपफबभमयरलवशसह",
     u"IN",
     u" ",
     false},
    {{u"Smith", u"Müller", u"García", u"O'Brien", u"Kowalski", u"Johansson", u"Fernández-Villaverde", u"Dubois",
      u"Rossi", u"van der Berg"},
     {u"Anna", u"John", u"Łukasz", u"Seán", u"José María", u"Björk", u"Chloé", u"François"},
     u"abcdefghijklmnopqrstuvwxyz",
     u"FR",
     u" ",
     false},
}};

const std::array kOrganisations = {
    u"Ministry of Information and Communications",
    u"Министерство цифрового развития",
    u"総務省",
    u"National Telecom Regulatory Authority",
    u"NBTC",
    u"中华人民共和国工业和信息化部",
    u"EETT",
    u"Ministry of Science and ICT",
    u"Telecom Regulatory Authority of India",
    u"Ofcom",
    u"ARCEP",
    u"European Commission, DG CONNECT",
    u"Department for Science, Innovation and Technology",
    u"Secretaría de Estado de Telecomunicaciones",
    u"Bộ Khoa học và Công nghệ",
};

// The number written with the script's letters: makes every family name a word of its own.
QString uniqueSuffix(int n, const char16_t *alphabet)
{
    const QString letters = QString::fromUtf16(alphabet);
    QString out;
    do {
        out += letters.at(n % letters.size());
        n /= int(letters.size());
    } while (n > 0);
    return out;
}

// count guests spread over the scripts. Realistic lists repeat family and given names; with distinct, every
// family name is unique (the worst case for the index's transliteration cache).
QList<db::GuestRecord> makeGuests(int count, bool distinct)
{
    QList<db::GuestRecord> guests;
    guests.reserve(count);
    for (int i = 0; i < count; ++i) {
        const Script &s = kScripts[size_t(i) % kScripts.size()];
        const int k = i / int(kScripts.size());
        db::GuestRecord g;
        g.id = i + 1;
        g.eventId = 1;
        g.externalId = u"g-%1"_s.arg(i, 6, 10, QLatin1Char('0'));
        g.familyName = QString::fromUtf16(s.family[size_t(k) % s.family.size()]);
        if (distinct)
            g.familyName += uniqueSuffix(k, s.alphabet);
        g.givenName = QString::fromUtf16(s.given[size_t(k / 3) % s.given.size()]);
        const QString separator = QString::fromUtf16(s.separator);
        g.displayName = s.familyFirst ? g.familyName + separator + g.givenName : g.givenName + separator + g.familyName;
        if (QStringView(s.country) == u"JP" && k % 2 == 0)
            g.latinName = u"Yamada Taro"_s;
        g.organisation = QString::fromUtf16(kOrganisations[size_t(i) % kOrganisations.size()]);
        g.country = QString::fromUtf16(s.country);
        guests << g;
    }
    return guests;
}

void reportPercentiles(benchmark::State &state, std::vector<double> &micros)
{
    if (micros.empty())
        return;
    std::sort(micros.begin(), micros.end());
    state.counters["median_us"] = micros[micros.size() / 2];
    state.counters["p99_us"] = micros[std::min(micros.size() - 1, micros.size() * 99 / 100)];
    state.counters["max_us"] = micros.back();
}

// Building the index (ICU transliterators created, every name folded, words sorted) for range(0) guests;
// range(1) = 1 makes every family name distinct.
void BM_BuildIndex(benchmark::State &state)
{
    const QList<db::GuestRecord> guests = makeGuests(int(state.range(0)), state.range(1) != 0);
    for (auto _ : state) {
        GuestSearchIndex index(guests);
        benchmark::DoNotOptimize(index.size());
    }
}

// What staff type, one keystroke at a time: each prefix of each query is one search (limit 50).
const std::array kTyped = {
    u"nguyen thi", u"smirnova", u"olga smir", u"Смирн",        u"山田",
    u"shan tian",  u"yamada",   u"somchai",   u"papadopoulos", u"fernandez villaverde",
    u"ministry",   u"thailand", u"obrien",    u"zzz",
};

void BM_SearchPerKeystroke(benchmark::State &state)
{
    const QList<db::GuestRecord> guests = makeGuests(int(state.range(0)), false);
    GuestSearchIndex index(guests);
    QStringList keystrokes;
    for (const char16_t *typed : kTyped) {
        const QString text = QString::fromUtf16(typed);
        for (qsizetype n = 1; n <= text.size(); ++n)
            keystrokes << text.left(n);
    }
    std::vector<double> micros;
    qsizetype i = 0;
    QElapsedTimer timer;
    for (auto _ : state) {
        timer.start();
        const auto hits = index.search(keystrokes[i++ % keystrokes.size()], 50);
        micros.push_back(double(timer.nsecsElapsed()) / 1000.0);
        benchmark::DoNotOptimize(hits.size());
    }
    reportPercentiles(state, micros);
}

// The slowest kind of keystroke: one letter, which begins a word of thousands of guests.
void BM_SearchOneLetter(benchmark::State &state)
{
    const QList<db::GuestRecord> guests = makeGuests(int(state.range(0)), false);
    GuestSearchIndex index(guests);
    for (auto _ : state) {
        const auto hits = index.search(u"s"_s, 50);
        benchmark::DoNotOptimize(hits.size());
    }
}

} // namespace

// 0 guests: what creating the ICU transliterators alone costs.
BENCHMARK(BM_BuildIndex)->Args({0, 0})->Args({10000, 0})->Args({10000, 1})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SearchPerKeystroke)->Arg(10000)->Iterations(3000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SearchOneLetter)->Arg(10000)->Unit(benchmark::kMicrosecond);

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
