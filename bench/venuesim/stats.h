#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

namespace checkin::venuesim {

// Median, 99th percentile and maximum of a sample (nearest rank), in the sample's unit.
struct Spread
{
    double median = 0;
    double p99 = 0;
    double max = 0;
    long count = 0;

    static Spread of(std::vector<double> values)
    {
        Spread s;
        s.count = long(values.size());
        if (values.empty())
            return s;
        std::sort(values.begin(), values.end());
        const auto rank = [&](double q) {
            const auto i = std::size_t(std::ceil(q * double(values.size()))) - 1;
            return values[std::min(i, values.size() - 1)];
        };
        s.median = rank(0.5);
        s.p99 = rank(0.99);
        s.max = values.back();
        return s;
    }
};

} // namespace checkin::venuesim
