// The venue-sync scale simulation (issue #6): 20 kiosks and 10,000 guests over a compressed four-day programme
// against a private PostgreSQL cluster with fsync on. Everything is the real thing: each kiosk has its own SQLite copy
// of one event database with signed invitations, checks guests in with CheckInService on one thread and runs
// VenueSync::syncOnce() every 2 s on another (as KioskSync does); the venue server is stopped for 10 simulated minutes
// during day 2's morning rush, and 20 invitations are revoked in the venue database on day 3. It prints (and with
// --json writes) sync lag, the records per second the venue absorbs, the outage's backlog and convergence time and
// how long a revocation takes to reach every kiosk, then checks that nothing was lost or counted twice.
//
// Not a Google Benchmark program: scripts/bench.sh runs it on its own. Exit status: 0 figures measured and every check
// held, 1 a check failed, 2 usage or setup error, 77 PostgreSQL is not installed.
#include "bench/venuesim/probes.h"
#include "bench/venuesim/programme.h"
#include "bench/venuesim/simkiosk.h"
#include "bench/venuesim/stats.h"
#include "tests/venue/pgtestenv.h"

#include "db/database.h"
#include "db/eventstore.h"
#include "db/gueststore.h"
#include "db/venue/venueevents.h"
#include "db/venue/venueschema.h"
#include "kiosk/checkin/checkinoutcome.h"
#include "kiosk/invitations/invitationtoken.h"
#include "kiosk/invitations/signingkey.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <limits>
#include <map>
#include <numeric>
#include <random>

using namespace Qt::StringLiterals;
using namespace checkin;
using namespace checkin::venuesim;
using Steady = std::chrono::steady_clock;

namespace {

constexpr int kExitChecksFailed = 1;
constexpr int kExitSetup = 2;
constexpr int kExitNoPostgres = 77;

struct Options
{
    int kiosks = 20;
    int guests = 10000;
    int days = 4;
    double compress = 350; // the four days' opening hours (about 35 h) in about 6 minutes
    double outageMinutes = 10;
    double outageSeconds = -1; // wall-clock override
    double syncInterval = 2;
    int revocations = 20;
    QString json;
    QString roundsCsv;
    bool keep = false;
};

void say(const QString &line)
{
    std::fprintf(stdout, "%s\n", qPrintable(line));
    std::fflush(stdout);
}

QString thousands(qint64 n)
{
    return QLocale(QLocale::English).toString(n);
}

std::optional<Options> parseOptions(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Simulates kiosks checking guests in over a compressed programme against a private PostgreSQL server "
        "(scripts/pg-test-env.sh, fsync on), with a venue outage and revocations, and reports sync lag, "
        "records per second, convergence after the outage and revocation propagation."_s);
    parser.addHelpOption();
    const QCommandLineOption kiosks(u"kiosks"_s, u"Kiosks (default 20)."_s, u"N"_s, u"20"_s);
    const QCommandLineOption guests(u"guests"_s, u"Guests (default 10000)."_s, u"N"_s, u"10000"_s);
    const QCommandLineOption days(u"days"_s, u"Programme days, 1–4 (default 4)."_s, u"N"_s, u"4"_s);
    const QCommandLineOption compress(
        u"compress"_s, u"Simulated seconds per wall-clock second (default 350: about 6 minutes for four days)."_s,
        u"F"_s, u"350"_s);
    const QCommandLineOption outageMinutes(
        u"outage-minutes"_s,
        u"Venue server outage in simulated minutes during day 2's morning (default 10; 0: none)."_s, u"M"_s, u"10"_s);
    const QCommandLineOption outageSeconds(
        u"outage-seconds"_s, u"Outage length in wall-clock seconds instead (e.g. 600 for a real 10-minute outage)."_s,
        u"S"_s);
    const QCommandLineOption interval(u"sync-interval"_s, u"Seconds between a kiosk's sync rounds (default 2)."_s,
                                      u"S"_s, u"2"_s);
    const QCommandLineOption revocations(u"revocations"_s, u"Invitations revoked in the venue database (default 20)."_s,
                                         u"N"_s, u"20"_s);
    const QCommandLineOption json(u"json"_s, u"Also write the figures to FILE as JSON."_s, u"FILE"_s);
    const QCommandLineOption roundsCsv(
        u"rounds-csv"_s,
        u"Write every sync round (kiosk, start and end in wall seconds, records, online, waiting) to FILE."_s,
        u"FILE"_s);
    const QCommandLineOption keep(u"keep"_s, u"Keep the PostgreSQL cluster and the kiosks' files (paths printed)."_s);
    parser.addOptions(
        {kiosks, guests, days, compress, outageMinutes, outageSeconds, interval, revocations, json, roundsCsv, keep});
    parser.process(app);

    Options o;
    bool ok = true;
    const auto integer = [&](const QCommandLineOption &option, int min, int max) {
        bool valid = false;
        const int v = parser.value(option).toInt(&valid);
        if (!valid || v < min || v > max) {
            std::fprintf(stderr, "--%s must be a whole number from %d to %d\n", qPrintable(option.names().first()), min,
                         max);
            ok = false;
        }
        return v;
    };
    const auto real = [&](const QCommandLineOption &option, double min) {
        bool valid = false;
        const double v = parser.value(option).toDouble(&valid);
        if (!valid || v < min) {
            std::fprintf(stderr, "--%s must be a number of at least %g\n", qPrintable(option.names().first()), min);
            ok = false;
        }
        return v;
    };
    o.kiosks = integer(kiosks, 1, 200);
    o.guests = integer(guests, 1, 1000000);
    o.days = integer(days, 1, 4);
    o.compress = real(compress, 1);
    o.outageMinutes = real(outageMinutes, 0);
    if (parser.isSet(outageSeconds))
        o.outageSeconds = real(outageSeconds, 0);
    o.syncInterval = real(interval, 0.05);
    o.revocations = integer(revocations, 0, 1000);
    o.json = parser.value(json);
    o.roundsCsv = parser.value(roundsCsv);
    o.keep = parser.isSet(keep);
    if (o.revocations > o.guests) {
        std::fprintf(stderr, "--revocations cannot exceed --guests\n");
        ok = false;
    }
    return ok ? std::optional<Options>(o) : std::nullopt;
}

// The organiser's event database: guests with signed invitations, made with the stores the importer and issuer use
// (without the per-guest QR PNG and PDF files, which the simulation does not need).
struct EventFile
{
    std::unique_ptr<db::Database> db;
    db::EventRecord event;
    QStringList tokens;
    QList<QByteArray> tokenIds;
};

std::expected<EventFile, QString> createEvent(const QString &path, int guests, int days)
{
    static const QStringList kNames = {
        u"Nguyễn Thị Minh Khai"_s, u"Ольга Смирнова"_s, u"山田太郎"_s,   u"ليلى حسن"_s, u"สมชาย ใจดี"_s,
        u"Maria Fernández"_s,      u"Kwame Mensah"_s,   u"Priya Raman"_s};
    auto opened = db::Database::open(path, db::Database::OpenMode::CreateIfMissing);
    if (!opened)
        return std::unexpected(opened.error().message);
    EventFile file;
    file.db = std::move(*opened);
    const SigningKey key = SigningKey::generate();
    const QDate firstDay(2026, 11, 2);
    file.event = {0,
                  122,
                  u"IETF 122 Bangkok"_s,
                  u"Bangkok"_s,
                  u"Asia/Bangkok"_s,
                  firstDay,
                  firstDay.addDays(days - 1),
                  key.publicKey()};
    auto id = db::EventStore(*file.db).create(file.event);
    if (!id)
        return std::unexpected(id.error().message);
    file.event.id = *id;

    db::Transaction tx(*file.db);
    if (auto ok = tx.begin(); !ok)
        return std::unexpected(ok.error().message);
    db::GuestStore store(*file.db);
    for (int i = 0; i < guests; ++i) {
        db::GuestRecord guest;
        guest.eventId = file.event.id;
        guest.externalId = u"guest-%1"_s.arg(i + 1, 5, 10, QChar(u'0'));
        guest.displayName = kNames.at(i % kNames.size()) + u" %1"_s.arg(i + 1);
        if (auto ok = store.upsert(guest); !ok)
            return std::unexpected(ok.error().message);
        auto stored = store.byExternalId(file.event.id, guest.externalId);
        if (!stored || !*stored)
            return std::unexpected(u"guest %1 vanished after it was written"_s.arg(guest.externalId));
        const QByteArray tokenId = InvitationToken::randomTokenId();
        const InvitationToken token = InvitationToken::sign(key, file.event.number, tokenId);
        if (auto ok = store.createInvitation(file.event.id, (*stored)->id, tokenId, token.signature()); !ok)
            return std::unexpected(ok.error().message);
        file.tokens << token.toText();
        file.tokenIds << tokenId;
    }
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error().message);
    return file;
}

QString loadAverage()
{
    QFile f(u"/proc/loadavg"_s);
    if (!f.open(QIODevice::ReadOnly))
        return u"?"_s;
    return QString::fromLatin1(f.readAll()).section(u' ', 0, 2);
}

double seconds(qint64 micros)
{
    return double(micros) / 1e6;
}

// The outage as it happened, in wall µs.
struct Outage
{
    bool planned = false;
    qint64 haltedUs = 0;
    qint64 acceptingUs = 0; // the restarted server accepted a connection
    qint64 convergedUs = 0; // every record the kiosks held at the restart was in the venue database
    qint64 backlog = 0;     // records waiting over all kiosks at the restart
    double plannedWallSeconds = 0;
};

struct Revocation
{
    QByteArray tokenId;
    qint64 revokedUs = 0;
};

// Runs the simulation; its steps in the order they happen.
class Simulation
{
public:
    explicit Simulation(Options options)
        : m_options(std::move(options))
    {
    }

    int run();

private:
    bool setUpVenue();
    bool setUpKiosks();
    bool warmUp();
    void runProgramme();
    void runOutage();
    void restartVenue();
    void runRevocations();
    bool drain();
    int report();
    void writeRounds(const QString &path);

    void tick();
    void waitUntil(Steady::time_point until);
    void waitFor(double wallSeconds)
    {
        waitUntil(Steady::now() + std::chrono::microseconds(qint64(wallSeconds * 1e6)));
    }
    qint64 waitingEverywhere();
    bool setupFailed(const QString &message);

    Options m_options;
    test::PgTestEnv m_pg;
    QTemporaryDir m_dir{QDir::tempPath() + u"/ietf-checkin-venuesim-XXXXXX"_s};
    EventFile m_event;
    std::unique_ptr<VenueProbe> m_venue;
    qint64 m_venueEventId = 0;
    std::unique_ptr<Programme> m_programme;
    std::unique_ptr<Timeline> m_timeline;
    std::vector<std::unique_ptr<SimKiosk>> m_kiosks;
    std::vector<std::unique_ptr<KioskFileProbe>> m_files; // the director's own connection to each kiosk's file
    Outage m_outage;
    std::vector<Revocation> m_revocations;
    Steady::time_point m_runStarted = Steady::now();
    Steady::time_point m_lastTick;
    qint64 m_programmeStartUs = 0;
    qint64 m_programmeEndUs = 0;
    bool m_venueDown = false;
    QString m_setupError;
};

bool Simulation::setupFailed(const QString &message)
{
    m_setupError = message;
    return false;
}

bool Simulation::setUpVenue()
{
    // Figures from a server that flushes every commit, as a venue's would; enough connections for every kiosk.
    qputenv("PG_TEST_DURABLE", "1");
    qputenv("PG_TEST_MAX_CONNECTIONS", QByteArray::number(m_options.kiosks + 20));
    // Commit times for the lag; statements over a second and lock waits over deadlock_timeout (1 s) in the log, and
    // pg_stat_statements, to say where the server spent its time.
    qputenv("PG_TEST_SETTINGS", "-c track_commit_timestamp=on -c log_min_duration_statement=1000 -c log_lock_waits=on "
                                "-c shared_preload_libraries=pg_stat_statements");
    if (m_options.keep)
        qputenv("CHECKIN_KEEP_PG_ENV", "1");
    if (!m_pg.start())
        return setupFailed(m_pg.error());
    auto conn = venue::VenueConnection::open(m_pg.conninfo());
    if (!conn)
        return setupFailed(conn.error().message);
    if (auto migrated = venue::VenueSchema::migrate(**conn); !migrated)
        return setupFailed(migrated.error().message);
    QElapsedTimer pushTimer;
    pushTimer.start();
    auto pushed = venue::VenueEvents(**conn).push(*m_event.db, m_event.event);
    if (!pushed)
        return setupFailed(pushed.error().message);
    say(u"venue: PostgreSQL %1 (fsync on, synchronous_commit on) in %2; event pushed in %3 s"_s
            .arg((*conn)->serverVersion(), m_pg.dir())
            .arg(double(pushTimer.elapsed()) / 1000, 0, 'f', 2));
    m_venue = std::make_unique<VenueProbe>(std::move(*conn));
    if (auto counting = m_venue->countStatements(); !counting)
        say(u"venue: no statement costs (pg_stat_statements: %1)"_s.arg(counting.error().message));
    auto id = m_venue->eventId(m_event.event.number);
    if (!id)
        return setupFailed(id.error().message);
    m_venueEventId = *id;
    return true;
}

bool Simulation::setUpKiosks()
{
    ProgrammeShape shape;
    shape.kiosks = m_options.kiosks;
    shape.guests = m_options.guests;
    shape.days = m_options.days;
    shape.firstDay = m_event.event.firstDay;
    shape.timeZone = m_event.event.timeZone;
    m_programme = std::make_unique<Programme>(shape);
    // Each kiosk starts from its own copy of the organiser's file, as when kiosks are set up from a USB stick.
    for (int k = 0; k < m_options.kiosks; ++k) {
        const QString id = u"kiosk-%1"_s.arg(k + 1, 2, 10, QChar(u'0'));
        const QString path = m_dir.filePath(id + u".sqlite"_s);
        if (auto ok = m_event.db->backupTo(path); !ok)
            return setupFailed(ok.error().message);
        auto file = db::Database::open(path);
        if (!file)
            return setupFailed(file.error().message);
        m_files.push_back(std::make_unique<KioskFileProbe>(std::move(*file)));
        m_kiosks.push_back(std::make_unique<SimKiosk>(
            id, path, m_event.event, m_pg.conninfo(), m_programme->perKiosk().at(std::size_t(k)), m_event.tokens,
            std::chrono::milliseconds(qint64(m_options.syncInterval * 1000))));
    }
    return true;
}

bool Simulation::warmUp()
{
    QElapsedTimer timer;
    timer.start();
    for (auto &kiosk : m_kiosks)
        kiosk->startSync();
    for (auto &kiosk : m_kiosks) {
        while (kiosk->onlineRounds() == 0) {
            if (timer.elapsed() > 300000)
                return setupFailed(u"%1 did not complete a sync round within 5 minutes"_s.arg(kiosk->id()));
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }
    say(u"kiosks: %1 files copied; first sync rounds (each pulls all %2 guests) done in %3 s"_s.arg(m_options.kiosks)
            .arg(thousands(m_options.guests))
            .arg(double(timer.elapsed()) / 1000, 0, 'f', 1));
    return true;
}

qint64 Simulation::waitingEverywhere()
{
    qint64 total = 0;
    for (auto &file : m_files)
        total += file->waiting(m_event.event.id).value_or(0);
    return total;
}

void Simulation::tick()
{
    const auto now = Steady::now();
    if (now - m_lastTick < std::chrono::seconds(5))
        return;
    m_lastTick = now;
    int done = 0;
    for (const auto &kiosk : m_kiosks)
        done += kiosk->scansDone();
    const qint64 sim = std::min(m_timeline->simNow(), m_programme->lengthMs() - 1);
    say(u"[%1 s] %2 | scans %3 of %4 | waiting %5 | venue %6"_s
            .arg(std::chrono::duration<double>(now - m_runStarted).count(), 6, 'f', 1)
            .arg(m_programme->describe(sim), thousands(done), thousands(m_programme->scans()),
                 thousands(waitingEverywhere()), m_venueDown ? u"down"_s : u"up"_s));
}

void Simulation::waitUntil(Steady::time_point until)
{
    while (Steady::now() < until) {
        std::this_thread::sleep_until(std::min(until, Steady::now() + std::chrono::milliseconds(50)));
        tick();
    }
}

void Simulation::runProgramme()
{
    const qint64 wallLengthMs = qint64(double(m_programme->lengthMs()) / m_options.compress);
    say(u"programme: %1 days, %2 scans (%3 second scans at another kiosk), %4 simulated hours at %5× = %6 s"_s
            .arg(m_options.days)
            .arg(thousands(m_programme->scans()), thousands(m_programme->secondScans()))
            .arg(double(m_programme->lengthMs()) / 3.6e6, 0, 'f', 1)
            .arg(m_options.compress)
            .arg(double(wallLengthMs) / 1000, 0, 'f', 0));
    m_timeline = std::make_unique<Timeline>(Steady::now() + std::chrono::milliseconds(500), m_options.compress);
    m_lastTick = Steady::now();
    m_programmeStartUs = wallMicros() + 500000;
    for (auto &kiosk : m_kiosks)
        kiosk->startCheckIns(*m_timeline);

    // The outage in day 2's morning rush (day 1 when there is only one). The revocations start in day 3's rush, when
    // the kiosks are busiest, and run on past it (later the same day when the outage has that day).
    const int outageDay = std::min(2, m_options.days);
    const int revocationDay = std::min(3, m_options.days);
    const bool outage = m_options.outageMinutes > 0 || m_options.outageSeconds > 0;
    if (outage) {
        waitUntil(m_timeline->wallAt(m_programme->simMsAt(outageDay, 8, 45)));
        runOutage();
    }
    if (m_options.revocations > 0) {
        const bool sameDay = outage && revocationDay == outageDay;
        waitUntil(m_timeline->wallAt(m_programme->simMsAt(revocationDay, sameDay ? 11 : 8, sameDay ? 0 : 40)));
        runRevocations();
    }
    for (auto &kiosk : m_kiosks) {
        while (!kiosk->checkInsFinished())
            waitFor(0.05);
        kiosk->joinCheckIns();
    }
    m_programmeEndUs = wallMicros();
}

void Simulation::runOutage()
{
    m_outage.planned = true;
    m_outage.plannedWallSeconds = m_options.outageSeconds >= 0 ? m_options.outageSeconds
                                                               : m_options.outageMinutes * 60 / m_options.compress;
    say(u"outage: stopping the venue server for %1 s wall (%2 simulated minutes)"_s
            .arg(m_outage.plannedWallSeconds, 0, 'f', 1)
            .arg(m_outage.plannedWallSeconds * m_options.compress / 60, 0, 'f', 1));
    // A fast shutdown refuses new connections at once: the outage starts when the halt does.
    const auto haltStarted = Steady::now();
    m_outage.haltedUs = wallMicros();
    if (!m_pg.halt())
        say(u"outage: halting the server failed: %1"_s.arg(m_pg.error()));
    m_venueDown = true;
    waitUntil(haltStarted + std::chrono::microseconds(qint64(m_outage.plannedWallSeconds * 1e6)));
    restartVenue();
}

void Simulation::restartVenue()
{
    // The backlog: everything each kiosk holds at this moment. Convergence is when every kiosk's sent marks cover it
    // (the kiosks keep checking guests in meanwhile, so "nothing waiting" would never hold at a compressed peak).
    std::vector<KioskHighWater> backlogEnds;
    for (auto &file : m_files)
        backlogEnds.push_back(file->highWater().value_or(KioskHighWater{}));
    m_outage.backlog = waitingEverywhere();
    m_venue.reset(); // its connection died with the server

    // The moment the server accepts connections, seen by a client of our own (pg_ctl start -w returns a little later).
    const QString conninfo = m_pg.conninfo(); // read before the restarter thread writes it again (same value)
    bool restarted = false;
    std::atomic<bool> restartDone{false};
    std::thread restarter([&] {
        restarted = m_pg.start();
        restartDone = true;
    });
    for (;;) {
        // Read before trying, so a server that came up just as the script ended still gets its last try.
        const bool scriptEnded = restartDone;
        if (auto conn = venue::VenueConnection::open(conninfo)) {
            m_outage.acceptingUs = wallMicros();
            m_venue = std::make_unique<VenueProbe>(std::move(*conn));
            break;
        }
        if (scriptEnded)
            break; // the script gave up (its error is reported below)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    restarter.join();
    m_venueDown = false;
    if (!restarted || !m_venue) {
        say(u"outage: the venue server did not come back: %1"_s.arg(m_pg.error()));
        return;
    }
    const auto deadline = Steady::now() + std::chrono::minutes(5);
    std::size_t caughtUp = 0;
    while (caughtUp < m_files.size() && Steady::now() < deadline) {
        if (m_files[caughtUp]->sentUpTo(backlogEnds[caughtUp]).value_or(false)) {
            ++caughtUp;
            continue;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        tick();
    }
    if (caughtUp == m_files.size())
        m_outage.convergedUs = wallMicros();
    say(u"outage: server accepting after %1 s down; backlog of %2 records converged %3 s later"_s
            .arg(seconds(m_outage.acceptingUs - m_outage.haltedUs), 0, 'f', 1)
            .arg(thousands(m_outage.backlog))
            .arg(m_outage.convergedUs ? seconds(m_outage.convergedUs - m_outage.acceptingUs) : -1, 0, 'f', 2));
}

void Simulation::runRevocations()
{
    // Spread at random moments, so they fall anywhere in the kiosks' 2-second round cycle.
    std::mt19937 random(6);
    std::vector<int> guests(std::size_t(m_options.guests));
    std::iota(guests.begin(), guests.end(), 0);
    std::shuffle(guests.begin(), guests.end(), random);
    std::uniform_real_distribution<double> gap(0.3, 1.3);
    for (int i = 0; i < m_options.revocations; ++i) {
        const QByteArray tokenId = m_event.tokenIds.at(guests[std::size_t(i)]);
        auto revoked = m_venue ? m_venue->revoke(m_venueEventId, tokenId)
                               : venue::VenueResult<qint64>(std::unexpected(venue::VenueError{}));
        if (!revoked) {
            say(u"revocation %1 failed: %2"_s.arg(i + 1).arg(revoked.error().message));
            continue;
        }
        m_revocations.push_back({tokenId, *revoked});
        waitFor(gap(random));
    }
    say(u"revocations: %1 invitations revoked in the venue database"_s.arg(m_revocations.size()));
}

bool Simulation::drain()
{
    // After the last guest: every kiosk sends what it still holds, then one more round each picks up the rest.
    const auto deadline = Steady::now() + std::chrono::minutes(5);
    while (waitingEverywhere() > 0) {
        if (Steady::now() > deadline)
            return setupFailed(u"records were still waiting five minutes after the programme ended"_s);
        waitFor(0.1);
    }
    std::vector<int> rounds;
    for (const auto &kiosk : m_kiosks)
        rounds.push_back(kiosk->onlineRounds());
    for (std::size_t k = 0; k < m_kiosks.size(); ++k) {
        while (m_kiosks[k]->onlineRounds() <= rounds[k] && Steady::now() < deadline)
            waitFor(0.05);
    }
    for (auto &kiosk : m_kiosks)
        kiosk->stopSync();
    return true;
}

int Simulation::run()
{
    say(u"bench_venue_sim: %1 kiosks, %2 guests, %3 days, compression %4×, sync every %5 s; %6 cores, load %7"_s
            .arg(m_options.kiosks)
            .arg(thousands(m_options.guests))
            .arg(m_options.days)
            .arg(m_options.compress)
            .arg(m_options.syncInterval)
            .arg(std::thread::hardware_concurrency())
            .arg(loadAverage()));
    if (!m_dir.isValid()) {
        std::fprintf(stderr, "bench_venue_sim: cannot create a temporary folder in %s\n", qPrintable(QDir::tempPath()));
        return kExitSetup;
    }
    m_dir.setAutoRemove(!m_options.keep);
    QElapsedTimer timer;
    timer.start();
    auto event = createEvent(m_dir.filePath(u"event.sqlite"_s), m_options.guests, m_options.days);
    if (!event) {
        std::fprintf(stderr, "bench_venue_sim: creating the event database failed: %s\n", qPrintable(event.error()));
        return kExitSetup;
    }
    m_event = std::move(*event);
    say(u"event: %1 guests with signed invitations in %2 s"_s.arg(thousands(m_options.guests))
            .arg(double(timer.elapsed()) / 1000, 0, 'f', 1));
    if (!setUpVenue()) {
        if (m_pg.notInstalled()) {
            std::fprintf(stderr, "bench_venue_sim: PostgreSQL is not installed (apt-get install postgresql, or bash "
                                 "scripts/install-deps.sh); nothing was measured.\n");
            return kExitNoPostgres;
        }
        std::fprintf(stderr, "bench_venue_sim: setting up the venue database failed: %s\n", qPrintable(m_setupError));
        return kExitSetup;
    }
    if (!setUpKiosks() || !warmUp()) {
        std::fprintf(stderr, "bench_venue_sim: setting up the kiosks failed: %s\n", qPrintable(m_setupError));
        return kExitSetup;
    }
    runProgramme();
    if (!drain())
        say(u"drain: "_s + m_setupError);
    const int status = report();
    if (m_options.keep)
        say(u"kept: kiosks' files in %1, PostgreSQL cluster in %2 (stop it with scripts/pg-test-env.sh stop DIR)"_s.arg(
            m_dir.path(), m_pg.dir()));
    return status;
}

// ---- The report -------------------------------------------------------------------------------------------------

struct Check
{
    QString what;
    bool ok;
};

QJsonObject spreadJson(const Spread &s)
{
    return {{u"median"_s, s.median}, {u"p99"_s, s.p99}, {u"max"_s, s.max}, {u"count"_s, qint64(s.count)}};
}

QString spreadText(const Spread &s, const char *unit)
{
    return u"median %1, p99 %2, max %3 %4 (%5)"_s.arg(s.median, 0, 'f', 3)
        .arg(s.p99, 0, 'f', 3)
        .arg(s.max, 0, 'f', 3)
        .arg(QString::fromLatin1(unit), thousands(s.count));
}

// Records per second in the busiest window of windowSeconds, counting each round's records at its end, leaving out
// rounds that ended in [skipFromUs, skipToUs) (the outage and its recovery burst).
// What the venue server logged as slow (log_min_duration_statement, log_lock_waits), by statement.
struct SlowStatements
{
    int total = 0;
    int lockWaits = 0;
    QStringList byStatement; // "N× SELECT out_outcome FROM venue_push_…"
};

SlowStatements slowStatements(const QString &logPath)
{
    SlowStatements slow;
    QFile log(logPath);
    if (!log.open(QIODevice::ReadOnly))
        return slow;
    std::map<QString, int> counts;
    while (!log.atEnd()) {
        const QString line = QString::fromUtf8(log.readLine());
        if (line.contains(u"still waiting for"_s)) {
            ++slow.lockWaits;
        } else if (const qsizetype at = line.indexOf(u" ms  "_s); at > 0 && line.contains(u"duration: "_s)) {
            ++slow.total;
            const QString statement = line.mid(at + 5).section(u": "_s, 1).simplified();
            ++counts[statement.left(48)];
        }
    }
    for (const auto &[statement, n] : counts)
        slow.byStatement << u"%1× %2"_s.arg(n).arg(statement);
    return slow;
}

double busiestRate(const std::vector<RoundStat> &rounds, double windowSeconds, qint64 skipFromUs, qint64 skipToUs)
{
    std::map<qint64, qint64> perSecond;
    for (const RoundStat &r : rounds) {
        if (r.endUs >= skipFromUs && r.endUs < skipToUs)
            continue;
        perSecond[r.endUs / 1000000] += r.records;
    }
    double best = 0;
    const qint64 window = qint64(windowSeconds);
    for (auto it = perSecond.begin(); it != perSecond.end(); ++it) {
        qint64 sum = 0;
        for (auto jt = it; jt != perSecond.end() && jt->first < it->first + window; ++jt)
            sum += jt->second;
        best = std::max(best, double(sum) / windowSeconds);
    }
    return best;
}

void Simulation::writeRounds(const QString &path)
{
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        std::fprintf(stderr, "bench_venue_sim: cannot write %s: %s\n", qPrintable(path), qPrintable(out.errorString()));
        return;
    }
    out.write("kiosk,start_s,end_s,records,online,waiting\n");
    for (const auto &kiosk : m_kiosks) {
        for (const RoundStat &r : kiosk->figures().rounds) {
            out.write(u"%1,%2,%3,%4,%5,%6\n"_s.arg(kiosk->id())
                          .arg(seconds(r.startUs - m_programmeStartUs), 0, 'f', 3)
                          .arg(seconds(r.endUs - m_programmeStartUs), 0, 'f', 3)
                          .arg(r.records)
                          .arg(r.online ? 1 : 0)
                          .arg(r.waiting)
                          .toUtf8());
        }
    }
}

int Simulation::report()
{
    std::vector<RoundStat> rounds;
    std::vector<qint64> checkIns;
    std::vector<double> lateness;
    std::array<int, 10> outcomes{};
    QStringList errors;
    for (const auto &kiosk : m_kiosks) {
        const KioskFigures &f = kiosk->figures();
        rounds.insert(rounds.end(), f.rounds.begin(), f.rounds.end());
        checkIns.insert(checkIns.end(), f.checkInAtUs.begin(), f.checkInAtUs.end());
        for (qint64 l : f.latenessUs)
            lateness.push_back(double(l) / 1000);
        for (std::size_t i = 0; i < outcomes.size(); ++i)
            outcomes[i] += f.outcomes[i];
        if (!f.error.isEmpty())
            errors << f.error;
    }
    if (!m_venue) {
        std::fprintf(stderr, "bench_venue_sim: no connection to the venue database for the report\n");
        return kExitSetup;
    }
    auto received = m_venue->attendanceArrivals(m_venueEventId);
    auto totals = m_venue->totals(m_venueEventId);
    auto venueScans = m_venue->scanUids(m_venueEventId);
    auto venueLive = m_venue->liveGuestDays(m_venueEventId);
    if (!received || !totals || !venueScans || !venueLive) {
        std::fprintf(stderr, "bench_venue_sim: reading the venue database failed\n");
        return kExitSetup;
    }

    // Lag: from the local commit to the venue's commit of the row, both read from this machine's clock. The venue's
    // commit is the commit timestamp of the row's last writer, or the end of the kiosk's round that sent it if that
    // is earlier (a row whose live slot later changed hands carries the later commit). Rows checked in while the
    // server was down, or pushed after it went down, are also reported apart: their lag is the outage. received_at
    // (the start of the push transaction) splits the lag into waiting for the kiosk's round and the push itself.
    const qint64 downFrom = m_outage.haltedUs ? m_outage.haltedUs : std::numeric_limits<qint64>::max();
    const qint64 downTo = m_outage.acceptingUs ? m_outage.acceptingUs : downFrom;
    std::vector<double> lagAll, lagOnline, lagConfirmed, lagUntilPush;
    qint64 missing = 0;
    qint64 localAttendance = 0;
    QSet<QString> localUids, localScanUids, localGuestDays;
    qint64 localPrintJobs = 0;
    for (std::size_t k = 0; k < m_kiosks.size(); ++k) {
        const KioskFigures &f = m_kiosks[k]->figures();
        for (const auto &[uid, committedUs] : f.committed) {
            const auto it = received->constFind(uid);
            if (it == received->cend()) {
                ++missing;
                continue;
            }
            const auto confirmed = f.confirmedUs.constFind(uid);
            qint64 arrivedUs = it->committedUs > 0 ? it->committedUs : std::numeric_limits<qint64>::max();
            if (confirmed != f.confirmedUs.cend()) {
                arrivedUs = std::min(arrivedUs, *confirmed);
                lagConfirmed.push_back(seconds(*confirmed - committedUs));
            }
            if (arrivedUs == std::numeric_limits<qint64>::max())
                arrivedUs = it->receivedUs; // neither known (not expected): the lower bound
            const double lag = seconds(arrivedUs - committedUs);
            lagAll.push_back(lag);
            lagUntilPush.push_back(seconds(it->receivedUs - committedUs));
            if (arrivedUs < downFrom || committedUs >= downTo) // the server was up from the commit to the push
                lagOnline.push_back(lag);
        }
        KioskFileProbe &file = *m_files[k];
        localAttendance += file.attendanceRows().value_or(-1);
        localPrintJobs += file.printJobs().value_or(-1);
        localUids.unite(file.attendanceUids().value_or(QSet<QString>{}));
        localScanUids.unite(file.scanUids().value_or(QSet<QString>{}));
        localGuestDays.unite(file.guestDays().value_or(QSet<QString>{}));
    }
    const Spread lag = Spread::of(lagAll);
    const Spread lagUp = Spread::of(lagOnline);
    const Spread lagKiosk = Spread::of(lagConfirmed);
    const Spread lagPushStart = Spread::of(lagUntilPush);
    const SlowStatements slow = slowStatements(m_pg.dir() + u"/log/postgres.log"_s);

    std::vector<double> propagation;
    int notPropagated = 0;
    for (const Revocation &r : m_revocations) {
        for (const auto &kiosk : m_kiosks) {
            const auto it = kiosk->figures().revokedSeenUs.constFind(r.tokenId);
            if (it == kiosk->figures().revokedSeenUs.cend())
                ++notPropagated;
            else
                propagation.push_back(seconds(*it - r.revokedUs));
        }
    }
    const Spread revocation = Spread::of(propagation);
    // Each revocation's slowest kiosk, in the order they were made (the first ones fall in the rush).
    QStringList slowestKiosk;
    QJsonArray slowestJson;
    for (std::size_t i = 0; i < m_revocations.size(); ++i) {
        const auto begin = propagation.begin() + qsizetype(i * m_kiosks.size());
        if (notPropagated > 0 || begin >= propagation.end())
            break;
        const double worst = *std::max_element(begin, begin + qsizetype(m_kiosks.size()));
        slowestKiosk << QString::number(worst, 'f', 1);
        slowestJson << worst;
    }

    // Throughput.
    std::map<qint64, int> checkInsPerSecond;
    for (qint64 at : checkIns)
        ++checkInsPerSecond[at / 1000000];
    int peakCheckIns = 0;
    for (const auto &[second, n] : checkInsPerSecond)
        peakCheckIns = std::max(peakCheckIns, n);
    qint64 recordsPushed = 0;
    std::vector<double> roundSeconds;
    for (const RoundStat &r : rounds) {
        recordsPushed += r.records;
        if (r.online && r.records > 0)
            roundSeconds.push_back(seconds(r.endUs - r.startUs));
    }
    const double programmeSeconds = seconds(m_programmeEndUs - m_programmeStartUs);
    const qint64 recoveryEnd = m_outage.convergedUs ? m_outage.convergedUs : downTo;
    const double sustained10s = busiestRate(rounds, 10, downFrom, recoveryEnd);
    const double sustained60s = busiestRate(rounds, 60, downFrom, recoveryEnd);
    const double convergence = m_outage.convergedUs ? seconds(m_outage.convergedUs - m_outage.acceptingUs) : -1;
    const double burstRate = convergence > 0 ? double(m_outage.backlog) / convergence : 0;
    // How the kiosks came back: their first online round after the server accepted connections (it waits for the
    // kiosk's next round, at most one sync interval away) and how long that round took.
    // A kiosk whose connection survived in its VenueSync (no round fell inside a short outage) fails its first round
    // after the restart on that dead connection and reconnects only in the round after: counted here.
    std::vector<double> recoveryDelay, recoveryRound;
    int failedFirstRounds = 0;
    if (m_outage.acceptingUs) {
        for (const auto &kiosk : m_kiosks) {
            const auto &kioskRounds = kiosk->figures().rounds;
            const auto first = std::find_if(kioskRounds.begin(), kioskRounds.end(),
                                            [&](const RoundStat &r) { return r.startUs >= m_outage.acceptingUs; });
            failedFirstRounds += first != kioskRounds.end() && !first->online ? 1 : 0;
            for (const RoundStat &r : kioskRounds) {
                if (r.online && r.endUs > m_outage.acceptingUs) {
                    recoveryDelay.push_back(seconds(r.startUs - m_outage.acceptingUs));
                    recoveryRound.push_back(seconds(r.endUs - r.startUs));
                    break;
                }
            }
        }
    }
    const Spread late = Spread::of(lateness);
    const Spread roundTime = Spread::of(roundSeconds);

    const QList<Check> checks = {
        {u"every local check-in is in the venue database (%1 missing)"_s.arg(missing), missing == 0},
        {u"venue attendance rows %1 == local rows %2"_s.arg(totals->attendance).arg(localAttendance),
         totals->attendance == localAttendance && QSet<QString>(localUids).size() == localAttendance},
        {u"one live row per guest per day (%1 guest-days twice)"_s.arg(totals->guestDaysTwiceLive),
         totals->guestDaysTwiceLive == 0},
        {u"venue live guest-days %1 == guest-days checked in at the kiosks %2"_s.arg(venueLive->size())
             .arg(localGuestDays.size()),
         *venueLive == localGuestDays},
        {u"live %1 + duplicates %2 == rows %3"_s.arg(totals->live).arg(totals->duplicates).arg(totals->attendance),
         totals->live + totals->duplicates == totals->attendance},
        {u"venue scan log %1 rows == every local scan %2"_s.arg(venueScans->size()).arg(localScanUids.size()),
         *venueScans == localScanUids},
        {u"venue print job states %1 == local print jobs %2"_s.arg(totals->printJobs).arg(localPrintJobs),
         totals->printJobs == localPrintJobs},
        {u"every revocation reached every kiosk (%1 missing)"_s.arg(notPropagated), notPropagated == 0},
        {u"the outage's backlog converged"_s, !m_outage.planned || m_outage.convergedUs > 0},
        {u"no kiosk failed (%1)"_s.arg(errors.isEmpty() ? u"none"_s : errors.join(u"; "_s)), errors.isEmpty()},
    };

    say(u""_s);
    say(u"== bench_venue_sim results (load average now %1)"_s.arg(loadAverage()));
    say(u"scans %1 in %2 s wall (compression %3×): %4; peak %5 check-ins/s wall, mean %6/s"_s
            .arg(thousands(qint64(checkIns.size())))
            .arg(programmeSeconds, 0, 'f', 1)
            .arg(m_options.compress)
            .arg(u"welcome %1, welcome back %2, already %3, revoked %4"_s
                     .arg(outcomes[std::size_t(OutcomeKind::Welcome)])
                     .arg(outcomes[std::size_t(OutcomeKind::WelcomeBack)])
                     .arg(outcomes[std::size_t(OutcomeKind::AlreadyCheckedIn)])
                     .arg(outcomes[std::size_t(OutcomeKind::Revoked)]))
            .arg(peakCheckIns)
            .arg(double(checkIns.size()) / programmeSeconds, 0, 'f', 1));
    say(u"kiosks behind schedule (ms): "_s + spreadText(late, "ms"));
    say(u"venue: %1 attendance rows (%2 live, %3 duplicates settled), %4 scans (%5 marked duplicate), %6 print job "
        "states, %7 MB"_s
            .arg(thousands(totals->attendance), thousands(totals->live), thousands(totals->duplicates),
                 thousands(totals->scans), thousands(totals->duplicateScans), thousands(totals->printJobs))
            .arg(double(totals->databaseBytes) / 1e6, 0, 'f', 1));
    say(u"sync lag to the venue's commit, all rows (s): "_s + spreadText(lag, "s"));
    say(u"  the server up from commit to push (s):      "_s + spreadText(lagUp, "s"));
    say(u"  until the push transaction began (s):       "_s + spreadText(lagPushStart, "s"));
    say(u"  until the kiosk's round ended (s):          "_s + spreadText(lagKiosk, "s"));
    say(u"    (a round pulls first, then pushes what was waiting when it began: rows that come during a round go"
        " with the next one)"_s);
    say(u"sync rounds that pushed, duration (s):        "_s + spreadText(roundTime, "s"));
    say(u"venue log: %1 statements over 1 s (%2), %3 lock waits over 1 s"_s.arg(slow.total)
            .arg(slow.byStatement.join(u", "_s))
            .arg(slow.lockWaits));
    say(u"records pushed %1 (%2/s over the programme); busiest 10 s %3/s, busiest 60 s %4/s (outside the outage)"_s
            .arg(thousands(recordsPushed))
            .arg(double(recordsPushed) / programmeSeconds, 0, 'f', 0)
            .arg(sustained10s, 0, 'f', 0)
            .arg(sustained60s, 0, 'f', 0));
    if (m_outage.planned) {
        say(u"outage: %1 s wall down (%2 simulated min); backlog %3 records converged in %4 s after the server "
            "accepted connections: %5 records/s"_s.arg(seconds(downTo - downFrom), 0, 'f', 1)
                .arg(seconds(downTo - downFrom) * m_options.compress / 60, 0, 'f', 1)
                .arg(thousands(m_outage.backlog))
                .arg(convergence, 0, 'f', 2)
                .arg(burstRate, 0, 'f', 0));
        say(u"  kiosks' first round after it: started "_s + spreadText(Spread::of(recoveryDelay), "s")
            + u" after; took "_s + spreadText(Spread::of(recoveryRound), "s"));
        say(u"  kiosks whose first round after the restart failed on the connection the outage broke: %1 of %2"_s
                .arg(failedFirstRounds)
                .arg(m_kiosks.size()));
    }
    say(u"revocation to every kiosk's file (s): "_s + spreadText(revocation, "s"));
    say(u"  each revocation's slowest kiosk (s), in order: "_s + slowestKiosk.join(u' '));
    const QList<StatementCost> costs = m_venue->costliestStatements(8).value_or(QList<StatementCost>{});
    QJsonArray costsJson;
    if (!costs.isEmpty())
        say(u"venue server time by statement (top level; calls, mean, total):"_s);
    for (const StatementCost &c : costs) {
        say(u"  %1× %2 ms = %3 s  %4"_s.arg(thousands(c.calls))
                .arg(c.meanMs, 0, 'f', 2)
                .arg(c.totalSeconds, 0, 'f', 1)
                .arg(c.query.left(90)));
        costsJson << QJsonObject{{u"query"_s, c.query.left(200)},
                                 {u"calls"_s, c.calls},
                                 {u"mean_ms"_s, c.meanMs},
                                 {u"total_s"_s, c.totalSeconds}};
    }
    bool allOk = true;
    for (const Check &c : checks) {
        say((c.ok ? u"  ok      "_s : u"  FAILED  "_s) + c.what);
        allOk = allOk && c.ok;
    }

    if (!m_options.roundsCsv.isEmpty())
        writeRounds(m_options.roundsCsv);
    if (!m_options.json.isEmpty()) {
        QJsonObject checksJson;
        for (const Check &c : checks)
            checksJson.insert(c.what, c.ok);
        const QJsonObject root{
            {u"kiosks"_s, m_options.kiosks},
            {u"guests"_s, m_options.guests},
            {u"days"_s, m_options.days},
            {u"compression"_s, m_options.compress},
            {u"sync_interval_s"_s, m_options.syncInterval},
            {u"scans"_s, qint64(checkIns.size())},
            {u"programme_wall_s"_s, programmeSeconds},
            {u"peak_checkins_per_s"_s, peakCheckIns},
            {u"behind_schedule_ms"_s, spreadJson(late)},
            {u"attendance_rows"_s, totals->attendance},
            {u"duplicates"_s, totals->duplicates},
            {u"scan_rows"_s, totals->scans},
            {u"print_job_states"_s, totals->printJobs},
            {u"records_pushed"_s, recordsPushed},
            {u"lag_s"_s, spreadJson(lag)},
            {u"lag_online_s"_s, spreadJson(lagUp)},
            {u"lag_kiosk_confirmed_s"_s, spreadJson(lagKiosk)},
            {u"push_round_s"_s, spreadJson(roundTime)},
            {u"lag_until_push_began_s"_s, spreadJson(lagPushStart)},
            {u"slow_statements"_s, slow.total},
            {u"lock_waits_over_1s"_s, slow.lockWaits},
            {u"records_per_s_mean"_s, double(recordsPushed) / programmeSeconds},
            {u"records_per_s_busiest_10s"_s, sustained10s},
            {u"records_per_s_busiest_60s"_s, sustained60s},
            {u"outage_wall_s"_s, seconds(downTo - downFrom)},
            {u"outage_backlog_records"_s, m_outage.backlog},
            {u"outage_convergence_s"_s, convergence},
            {u"outage_burst_records_per_s"_s, burstRate},
            {u"outage_first_round_delay_s"_s, spreadJson(Spread::of(recoveryDelay))},
            {u"outage_first_round_s"_s, spreadJson(Spread::of(recoveryRound))},
            {u"outage_kiosks_first_round_failed"_s, failedFirstRounds},
            {u"revocation_s"_s, spreadJson(revocation)},
            {u"revocation_slowest_kiosk_s"_s, slowestJson},
            {u"load_average_end"_s, loadAverage()},
            {u"checks"_s, checksJson},
            {u"all_checks_ok"_s, allOk},
            {u"statement_costs"_s, costsJson},
        };
        QFile out(m_options.json);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(QJsonDocument(root).toJson()) < 0) {
            std::fprintf(stderr, "bench_venue_sim: cannot write %s: %s\n", qPrintable(m_options.json),
                         qPrintable(out.errorString()));
        }
    }
    return allOk ? 0 : kExitChecksFailed;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const std::optional<Options> options = parseOptions(app);
    if (!options)
        return kExitSetup;
    Simulation simulation(*options);
    return simulation.run();
}
