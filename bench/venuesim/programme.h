#pragma once

#include <QDate>
#include <QList>
#include <QString>

#include <random>
#include <vector>

namespace checkin::venuesim {

// One scan at a kiosk: when (simulated milliseconds since the programme's start, and the UTC time the kiosk is told),
// whose invitation, which programme day.
struct PlannedScan
{
    qint64 simMs = 0;
    qint64 utcMs = 0;
    int guest = 0;
    int day = 1;
    bool secondScan = false; // the guest already scanned at another kiosk today
};

// What shapes the programme.
struct ProgrammeShape
{
    int kiosks = 20;
    int guests = 10000;
    int days = 4;
    double secondScanRate = 0.03; // guests who scan again at another kiosk the same day
    QDate firstDay;
    QString timeZone;
    quint32 seed = 20261102;
};

// A compressed multi-day programme: only each day's opening hours are simulated (07:45 until the last queue is
// served), back to back, so the simulated clock never idles through a night.
class Programme
{
public:
    // Venue-local second of the day at which each day's simulated window opens.
    static constexpr int kWindowOpens = 7 * 3600 + 45 * 60;
    // Share of the guests who come on day N (day 1 everyone; later days fewer).
    static double attendanceShare(int day);

    explicit Programme(const ProgrammeShape &shape);

    // Each kiosk's scans in time order.
    [[nodiscard]] const std::vector<std::vector<PlannedScan>> &perKiosk() const { return m_perKiosk; }
    // Simulated milliseconds at which day N (1-based) opens, and the programme's total simulated length.
    [[nodiscard]] qint64 dayOpensMs(int day) const { return m_dayOpensMs.at(std::size_t(day - 1)); }
    [[nodiscard]] qint64 lengthMs() const { return m_lengthMs; }
    // Simulated milliseconds of venue-local time hh:mm on day N.
    [[nodiscard]] qint64 simMsAt(int day, int hh, int mm) const;
    // Venue-local day and time of a simulated moment, for progress lines ("day 2 08:51").
    [[nodiscard]] QString describe(qint64 simMs) const;
    [[nodiscard]] int scans() const { return m_scans; }
    [[nodiscard]] int secondScans() const { return m_secondScans; }
    [[nodiscard]] const QList<int> &arrivalsPerDay() const { return m_arrivalsPerDay; }

private:
    struct Arrival
    {
        double secondOfDay = 0;
        int guest = 0;
        bool secondScan = false;
    };

    std::vector<Arrival> arrivalsFor(int day, std::mt19937 &random);
    // Hands each arrival to the kiosk that is free first (one queue in front of all kiosks; a second scan goes to
    // another kiosk than the guest's first), each guest taking 8–12 s. Returns when the day's last guest is served.
    double queue(int day, std::vector<Arrival> arrivals, std::mt19937 &random);

    ProgrammeShape m_shape;
    std::vector<std::vector<PlannedScan>> m_perKiosk;
    std::vector<qint64> m_dayOpensMs;
    qint64 m_lengthMs = 0;
    int m_scans = 0;
    int m_secondScans = 0;
    QList<int> m_arrivalsPerDay;
};

} // namespace checkin::venuesim
