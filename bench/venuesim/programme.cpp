#include "bench/venuesim/programme.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace Qt::StringLiterals;

namespace checkin::venuesim {

namespace {

constexpr int kMorningPeakStarts = 8 * 3600;
constexpr int kMorningPeakLength = 2 * 3600;
constexpr int kMorningPeakMode = 50 * 60; // the busiest moment: 08:50
constexpr double kMorningShare = 0.78;    // the rest trickle in until the afternoon
constexpr int kTailStarts = 10 * 3600;
constexpr int kLastArrival = 16 * 3600;
constexpr double kServiceMinSeconds = 8; // scan, welcome screen, badge and agenda out of the printer
constexpr double kServiceMaxSeconds = 12;

// A triangular distribution on [0, length] with its mode at mode: a morning rush that builds and fades.
double triangular(std::mt19937 &random, double length, double mode)
{
    const double u = std::uniform_real_distribution<double>(0, 1)(random);
    if (u < mode / length)
        return std::sqrt(u * length * mode);
    return length - std::sqrt((1 - u) * length * (length - mode));
}

} // namespace

double Programme::attendanceShare(int day)
{
    static constexpr double kShares[] = {1.0, 0.85, 0.75, 0.65};
    return kShares[std::clamp(day, 1, 4) - 1];
}

Programme::Programme(const ProgrammeShape &shape)
    : m_shape(shape)
    , m_perKiosk(std::size_t(shape.kiosks))
{
    std::mt19937 random(shape.seed);
    for (int day = 1; day <= shape.days; ++day) {
        m_dayOpensMs.push_back(m_lengthMs);
        std::vector<Arrival> arrivals = arrivalsFor(day, random);
        const double lastServed = queue(day, std::move(arrivals), random);
        // The day's window closes a minute after its last guest: the next morning follows at once.
        m_lengthMs += qint64((lastServed + 60 - kWindowOpens) * 1000);
    }
}

std::vector<Programme::Arrival> Programme::arrivalsFor(int day, std::mt19937 &random)
{
    std::vector<int> guests(std::size_t(m_shape.guests));
    std::iota(guests.begin(), guests.end(), 0);
    std::shuffle(guests.begin(), guests.end(), random);
    const int coming = int(std::lround(m_shape.guests * attendanceShare(day)));
    guests.resize(std::size_t(coming));
    m_arrivalsPerDay << coming;

    std::uniform_real_distribution<double> chance(0, 1);
    std::uniform_real_distribution<double> tail(kTailStarts, kLastArrival);
    std::uniform_real_distribution<double> later(5 * 60, 90 * 60);
    std::vector<Arrival> arrivals;
    arrivals.reserve(std::size_t(coming) * 105 / 100);
    for (int guest : guests) {
        const double at = chance(random) < kMorningShare
                              ? kMorningPeakStarts + triangular(random, kMorningPeakLength, kMorningPeakMode)
                              : tail(random);
        arrivals.push_back({at, guest, false});
        if (chance(random) < m_shape.secondScanRate)
            arrivals.push_back({std::min<double>(at + later(random), kLastArrival), guest, true});
    }
    return arrivals;
}

double Programme::queue(int day, std::vector<Arrival> arrivals, std::mt19937 &random)
{
    std::sort(arrivals.begin(), arrivals.end(),
              [](const Arrival &a, const Arrival &b) { return a.secondOfDay < b.secondOfDay; });
    const QTimeZone zone(m_shape.timeZone.toUtf8());
    const QDate date = m_shape.firstDay.addDays(day - 1);
    std::uniform_real_distribution<double> service(kServiceMinSeconds, kServiceMaxSeconds);
    std::vector<double> freeAt(std::size_t(m_shape.kiosks), kWindowOpens);
    std::vector<int> firstKiosk(std::size_t(m_shape.guests), -1);
    double lastServed = kWindowOpens;
    for (const Arrival &a : arrivals) {
        // One queue in front of all kiosks: the guest goes to whichever is free first. A guest scanning a second
        // time goes to another kiosk than before (that is what makes it a conflict for the venue to settle).
        int kiosk = -1;
        for (int k = 0; k < m_shape.kiosks; ++k) {
            if (a.secondScan && k == firstKiosk[std::size_t(a.guest)] && m_shape.kiosks > 1)
                continue;
            if (kiosk < 0 || freeAt[std::size_t(k)] < freeAt[std::size_t(kiosk)])
                kiosk = k;
        }
        const double scanAt = std::max(a.secondOfDay, freeAt[std::size_t(kiosk)]);
        freeAt[std::size_t(kiosk)] = scanAt + service(random);
        if (!a.secondScan)
            firstKiosk[std::size_t(a.guest)] = kiosk;
        lastServed = std::max(lastServed, scanAt);

        PlannedScan scan;
        scan.simMs = m_dayOpensMs.back() + qint64((scanAt - kWindowOpens) * 1000);
        scan.utcMs = QDateTime(date, QTime::fromMSecsSinceStartOfDay(int(scanAt * 1000)), zone).toMSecsSinceEpoch();
        scan.guest = a.guest;
        scan.day = day;
        scan.secondScan = a.secondScan;
        m_perKiosk[std::size_t(kiosk)].push_back(scan);
        ++m_scans;
        m_secondScans += a.secondScan ? 1 : 0;
    }
    return lastServed;
}

qint64 Programme::simMsAt(int day, int hh, int mm) const
{
    return dayOpensMs(day) + qint64(hh * 3600 + mm * 60 - kWindowOpens) * 1000;
}

QString Programme::describe(qint64 simMs) const
{
    int day = 1;
    while (day < int(m_dayOpensMs.size()) && simMs >= m_dayOpensMs[std::size_t(day)])
        ++day;
    const qint64 secondOfDay = kWindowOpens + (simMs - dayOpensMs(day)) / 1000;
    return u"day %1 %2"_s.arg(day).arg(QTime::fromMSecsSinceStartOfDay(int(secondOfDay * 1000)).toString(u"HH:mm"_s));
}

} // namespace checkin::venuesim
