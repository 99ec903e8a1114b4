// PDF rendering with fonts, layouts and translations loaded once (as the kiosk's print worker keeps them): one
// badge, a 500-badge A4 sheet, one four-day personal agenda.
#include <agendapdf.h>
#include <badgelayout.h>
#include <badgerenderer.h>

#include <QCoreApplication>
#include <QTimeZone>

#include <benchmark/benchmark.h>

using namespace Qt::StringLiterals;
using namespace checkin;

namespace {

const QStringList kNames = {u"Nguyễn Thị Minh Khai"_s, u"Ольга Смирнова"_s, u"山田太郎"_s, u"ليلى حسن"_s,
                            u"สมชาย ใจดี"_s, u"Marie-Claire Dubois"_s, u"अमित शर्मा"_s, u"김민준"_s};

BadgeData badge(int i)
{
    BadgeData b;
    b.displayName = kNames[i % kNames.size()];
    b.givenName = b.displayName.section(u' ', 0, 0);
    b.latinName = u"Guest %1"_s.arg(i);
    b.organisation = u"Ministry of Digital Affairs"_s;
    b.countryCode = u"TH"_s;
    b.countryName = u"Thailand"_s;
    b.role = u"policymaker"_s;
    b.language = u"en"_s;
    b.eventName = u"IETF 122 Bangkok"_s;
    b.eventDates = u"15–21 March 2025"_s;
    b.token = QString(178, u'7');
    return b;
}

AgendaData agenda()
{
    AgendaData a;
    a.eventName = u"IETF 122 Bangkok"_s;
    a.eventCity = u"Bangkok"_s;
    a.timeZone = u"Asia/Bangkok"_s;
    a.firstDay = QDate(2025, 3, 15);
    a.lastDay = QDate(2025, 3, 18);
    a.guestName = u"Ольга Смирнова"_s;
    a.guestLatinName = u"Olga Smirnova"_s;
    a.organisation = u"Ministry of Digital Development"_s;
    a.language = u"ru"_s;
    const QTimeZone zone("Asia/Bangkok");
    for (int day = 0; day < 4; ++day) {
        for (int slot = 0; slot < 10; ++slot) {
            AgendaSession s;
            s.start = QDateTime(a.firstDay.addDays(day), QTime(8 + slot, 0), zone).toUTC();
            s.end = s.start.addSecs(50 * 60);
            s.title = u"Working group session %1: routing, security and operations"_s.arg(slot + 1);
            s.kind = slot % 3 == 0 ? u"briefing"_s : u"working group"_s;
            s.room = u"Ballroom %1"_s.arg(QChar(u'A' + slot % 4));
            s.highlighted = slot % 3 == 0;
            a.sessions << s;
        }
    }
    return a;
}

void BM_Badge(benchmark::State &state)
{
    static BadgeRenderer renderer(*BadgeLayout::builtIn(u"policymaker-4x3in"_s));
    int i = 0;
    (void)renderer.render(badge(0));
    for (auto _ : state) {
        auto pdf = renderer.render(badge(i++));
        benchmark::DoNotOptimize(pdf->size());
    }
}

void BM_BadgeSheet500(benchmark::State &state)
{
    static BadgeRenderer renderer(*BadgeLayout::builtIn(u"a4-sheet-8"_s));
    QList<BadgeData> all;
    for (int i = 0; i < 500; ++i)
        all << badge(i);
    (void)renderer.render(badge(0));
    for (auto _ : state) {
        auto pdf = renderer.renderSheet(all);
        state.counters["MB"] = double(pdf->size()) / 1e6;
    }
}

void BM_Agenda(benchmark::State &state)
{
    static AgendaRenderer renderer;
    renderer.preload();
    const AgendaData data = agenda();
    for (auto _ : state) {
        auto pdf = renderer.render(data);
        state.counters["KB"] = double(pdf->size()) / 1e3;
    }
}

} // namespace

BENCHMARK(BM_Badge)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BadgeSheet500)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_Agenda)->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
