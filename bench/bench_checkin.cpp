// Check-in hot path: token text -> parse -> Ed25519 verify -> one SQLite transaction (WAL, synchronous=FULL, as
// shipped) -> commit. Reports median and p99 per check-in for event databases of 1,000 and 100,000 guests.
#include "db/database.h"
#include "db/eventstore.h"
#include "db/gueststore.h"
#include "kiosk/checkin/checkinservice.h"
#include "kiosk/invitations/invitationtoken.h"
#include "kiosk/invitations/signingkey.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using namespace checkin;

namespace {

struct Venue
{
    QTemporaryDir dir;
    std::unique_ptr<db::Database> db;
    db::EventRecord event;
    QStringList tokens;
};

// A real event database with `guests` guests and signed invitations, built once per size.
Venue &venue(int guests)
{
    static std::map<int, std::unique_ptr<Venue>> cache;
    auto &slot = cache[guests];
    if (slot)
        return *slot;
    slot = std::make_unique<Venue>();
    Venue &v = *slot;
    v.db = std::move(*db::Database::open(v.dir.filePath(u"bench.sqlite"_s), db::Database::OpenMode::CreateIfMissing));
    const SigningKey key = SigningKey::generate();
    v.event = {0,
               122,
               u"IETF 122 Bangkok"_s,
               u"Bangkok"_s,
               u"Asia/Bangkok"_s,
               QDate(2026, 11, 2),
               QDate(2026, 11, 5),
               key.publicKey()};
    v.event.id = *db::EventStore(*v.db).create(v.event);
    db::Transaction tx(*v.db);
    (void)tx.begin();
    db::GuestStore store(*v.db);
    for (int i = 0; i < guests; ++i) {
        db::GuestRecord g;
        g.eventId = v.event.id;
        g.externalId = u"g%1"_s.arg(i);
        g.displayName = u"Guest %1"_s.arg(i);
        (void)store.upsert(g);
        const qint64 guestId = v.db->lastInsertId();
        const QByteArray tokenId = InvitationToken::randomTokenId();
        (void)store.createInvitation(v.event.id, guestId, tokenId);
        v.tokens << InvitationToken::sign(key, v.event.number, tokenId).toText();
    }
    (void)tx.commit();
    return v;
}

void reportPercentiles(benchmark::State &state, std::vector<double> &micros)
{
    if (micros.empty())
        return;
    std::sort(micros.begin(), micros.end());
    state.counters["median_us"] = micros[micros.size() / 2];
    state.counters["p99_us"] = micros[std::min(micros.size() - 1, micros.size() * 99 / 100)];
}

// A guest's first check-in of the day: attendance row, two print jobs, scan log, durable commit.
void BM_CheckInFirstScan(benchmark::State &state)
{
    Venue &v = venue(int(state.range(0)));
    CheckInService service(*v.db, v.event, u"bench"_s);
    static int day = 0;
    const QDateTime base(QDate(2026, 11, 2), QTime(9, 0), QTimeZone("Asia/Bangkok"));
    const QDateTime at = base.addDays(day++ % 4).toUTC();
    std::vector<double> micros;
    qsizetype i = 0;
    QElapsedTimer timer;
    for (auto _ : state) {
        timer.start();
        const auto outcome = service.checkIn(v.tokens[i++ % v.tokens.size()], at);
        micros.push_back(double(timer.nsecsElapsed()) / 1000.0);
        benchmark::DoNotOptimize(outcome.kind);
    }
    reportPercentiles(state, micros);
}

// A repeat scan the same day: read-only rules plus the scan-log append and commit.
void BM_CheckInRepeatScan(benchmark::State &state)
{
    Venue &v = venue(int(state.range(0)));
    CheckInService service(*v.db, v.event, u"bench"_s);
    const QDateTime at = QDateTime(QDate(2026, 11, 2), QTime(9, 0), QTimeZone("Asia/Bangkok")).toUTC();
    (void)service.checkIn(v.tokens.first(), at);
    std::vector<double> micros;
    QElapsedTimer timer;
    for (auto _ : state) {
        timer.start();
        const auto outcome = service.checkIn(v.tokens.first(), at);
        micros.push_back(double(timer.nsecsElapsed()) / 1000.0);
        benchmark::DoNotOptimize(outcome.kind);
    }
    reportPercentiles(state, micros);
}

// Parsing and verifying the token alone (no database).
void BM_TokenParseAndVerify(benchmark::State &state)
{
    const SigningKey key = SigningKey::generate();
    const QString text = InvitationToken::sign(key, 122, InvitationToken::randomTokenId()).toText();
    const QByteArray publicKey = key.publicKey();
    for (auto _ : state) {
        auto token = InvitationToken::parse(text);
        benchmark::DoNotOptimize(token->verify(publicKey));
    }
}

} // namespace

BENCHMARK(BM_TokenParseAndVerify);
BENCHMARK(BM_CheckInFirstScan)->Arg(1000)->Arg(100000)->Iterations(2000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_CheckInRepeatScan)->Arg(1000)->Arg(100000)->Iterations(2000)->Unit(benchmark::kMicrosecond);

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
