// PDF rendering with fonts, layouts and translations loaded once (as the kiosk's print worker keeps them): one
// badge, a 500-badge A4 sheet, one four-day personal agenda. Then the peer, in the same run: one fixed badge drawn by
// us and by Python reportlab (bench/reportlab_badge.py, what pretix and Indico render with) with the same page size,
// texts, fonts and QR code; both medians per badge and the ratio.
#include "printing/agendapdf.h"
#include "printing/badgelayout.h"
#include "printing/badgerenderer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTimeZone>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <ctime>

using namespace Qt::StringLiterals;
using namespace checkin;

namespace {

const QStringList kNames = {
    u"Nguyễn Thị Minh Khai"_s, u"Ольга Смирнова"_s, u"山田太郎"_s, u"ليلى حسن"_s, u"สมชาย ใจดี"_s,
    u"Marie-Claire Dubois"_s,  u"अमित शर्मा"_s,      u"김민준"_s};

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

// The badge both renderers draw: a name reportlab can print correctly (it shapes no text, so no Arabic, Thai,
// Devanagari…), the built-in 4×3 in layout's fields, a 178-digit invitation.
BadgeData peerBadge()
{
    BadgeData b;
    b.givenName = u"Ольга"_s;
    b.displayName = u"Ольга Смирнова"_s;
    b.latinName = u"Olga Smirnova"_s;
    b.organisation = u"Ministry of Digital Development"_s;
    b.countryCode = u"RU"_s;
    b.countryName = u"Russian Federation"_s;
    b.role = u"policymaker"_s;
    b.language = u"ru"_s;
    b.eventName = u"IETF 122 Bangkok"_s;
    b.eventDates = u"15–21 March 2025"_s;
    b.token = QString(178, u'7');
    return b;
}

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

double medianOf(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

struct PeerResult
{
    double medianMs = 0;
    double medianCpuMs = 0;
};
PeerResult g_oursPeerBadge[2]; // [without, with] the QR code

// Our side of the comparison: peerBadge() again and again, one PDF each; also written to
// $CHECKIN_BENCH_PDF_DIR/badge-ours.pdf when set, to look at. range(0): 1 = with its QR code, 0 = without (where
// the time goes: reportlab encodes QR codes in pure Python).
void BM_PeerBadgeOurs(benchmark::State &state)
{
    static BadgeRenderer renderer(*BadgeLayout::builtIn(u"policymaker-4x3in"_s));
    const bool withQr = state.range(0) != 0;
    BadgeData data = peerBadge();
    if (!withQr)
        data.token.clear();
    const QByteArray first = *renderer.render(data);
    if (const QString dir = qEnvironmentVariable("CHECKIN_BENCH_PDF_DIR"); !dir.isEmpty() && withQr) {
        QFile out(dir + u"/badge-ours.pdf"_s);
        if (out.open(QIODevice::WriteOnly))
            out.write(first);
    }
    std::vector<double> wall;
    std::vector<double> cpu;
    QElapsedTimer timer;
    for (auto _ : state) {
        const double cpuStart = threadCpuMs();
        timer.start();
        auto pdf = renderer.render(data);
        wall.push_back(double(timer.nsecsElapsed()) / 1e6);
        cpu.push_back(threadCpuMs() - cpuStart);
        benchmark::DoNotOptimize(pdf->size());
    }
    g_oursPeerBadge[withQr] = {medianOf(wall), medianOf(cpu)};
    state.counters["median_ms"] = g_oursPeerBadge[withQr].medianMs;
    state.counters["median_cpu_ms"] = g_oursPeerBadge[withQr].medianCpuMs;
    state.counters["KB"] = double(first.size()) / 1e3;
}

// reportlab's side: bench/reportlab_badge.py under Debian's python3 (where python3-reportlab lives), timing its own
// loop of 300 badges so that the interpreter's start is not counted. Also reports the ratio to BM_PeerBadgeOurs.
// range(0): 1 = with the QR code, 0 = without.
void BM_PeerBadgeReportlab(benchmark::State &state)
{
    const bool withQr = state.range(0) != 0;
    QJsonObject result;
    for (auto _ : state) {
        QProcess python;
        QStringList args{QStringLiteral(CHECKIN_BENCH_DIR "/reportlab_badge.py"), u"--iterations"_s, u"300"_s};
        if (!withQr)
            args << u"--token="_s;
        if (const QString dir = qEnvironmentVariable("CHECKIN_BENCH_PDF_DIR"); !dir.isEmpty() && withQr)
            args << u"--out"_s << dir + u"/badge-reportlab.pdf"_s;
        python.start(u"/usr/bin/python3"_s, args);
        if (!python.waitForFinished(300000) || python.exitStatus() != QProcess::NormalExit || python.exitCode() != 0) {
            const QByteArray why = python.readAllStandardError().trimmed();
            const QByteArray message = "reportlab_badge.py failed (is python3-reportlab installed?): " + why;
            state.SkipWithError(message.constData());
            return;
        }
        result = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
    }
    const PeerResult reportlab{result.value(u"median_ms"_s).toDouble(), result.value(u"median_cpu_ms"_s).toDouble()};
    state.counters["median_ms"] = reportlab.medianMs;
    state.counters["median_cpu_ms"] = reportlab.medianCpuMs;
    state.counters["KB"] = result.value(u"bytes"_s).toDouble() / 1e3;
    const PeerResult &ours = g_oursPeerBadge[withQr];
    if (ours.medianCpuMs > 0) {
        // Target: ours at least 5× faster. CPU time, as the Python loop and ours may share the core with other work.
        state.counters["ours_faster_x"] = reportlab.medianCpuMs / ours.medianCpuMs;
        state.counters["ours_faster_wall_x"] = reportlab.medianMs / ours.medianMs;
    }
}

} // namespace

BENCHMARK(BM_Badge)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BadgeSheet500)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_Agenda)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PeerBadgeOurs)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond)->Iterations(300);
BENCHMARK(BM_PeerBadgeReportlab)->Arg(1)->Arg(0)->Iterations(1)->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
