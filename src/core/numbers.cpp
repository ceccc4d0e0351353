#include "numbers.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

namespace core {

namespace {
constexpr double kNudge = 1e-9;

double power_of_ten(int decimals) {
    double scale = 1;
    for (int i = 0; i < decimals; ++i) scale *= 10;
    return scale;
}
}  // namespace

bool nearly_equal(double a, double b) { return std::fabs(a - b) <= kRelativeTolerance * std::fabs(b); }

double round_to(double value, int decimals) {
    const double scale = power_of_ten(decimals);
    const double units = value * scale;
    const double rounded = units >= 0 ? std::floor(units + 0.5 + kNudge) : -std::floor(-units + 0.5 + kNudge);
    return rounded == 0 ? 0.0 : rounded / scale;
}

double round_down_to(double value, int decimals) {
    const double scale = power_of_ten(decimals);
    const double rounded = std::floor(value * scale + kNudge);
    return rounded == 0 ? 0.0 : rounded / scale;
}

int whole_up(double value) {
    return static_cast<int>(std::ceil(value - kNudge));
}

void append_number(std::string& out, double value, int max_decimals) {
    if (!std::isfinite(value)) {
        out += '?';
        return;
    }
    const double scale = power_of_ten(max_decimals);
    if (std::fabs(value) * scale >= 1e15) {
        // Beyond exact integer arithmetic (only absurd inputs get here, inside error messages):
        // nlohmann/json's own shortest round-trip formatter, the same on every platform.
        out += nlohmann::json(value).dump();
        return;
    }
    const long long scaled = std::llround(std::fabs(value) * scale + kNudge);
    const long long unit = static_cast<long long>(scale);
    long long whole = scaled / unit, frac = scaled % unit;
    // Digits written right to left into a small buffer: no allocation (steps write many numbers).
    char buffer[48];
    char* end = buffer + sizeof buffer;
    char* p = end;
    if (frac != 0) {
        int digits = max_decimals;
        while (frac % 10 == 0) {
            frac /= 10;
            --digits;
        }
        for (int i = 0; i < digits; ++i, frac /= 10) *--p = static_cast<char>('0' + frac % 10);
        *--p = '.';
    }
    do {
        *--p = static_cast<char>('0' + whole % 10);
        whole /= 10;
    } while (whole != 0);
    if (value < 0 && scaled != 0) *--p = '-';
    out.append(p, static_cast<size_t>(end - p));
}

std::string format_number(double value, int max_decimals) {
    std::string out;
    append_number(out, value, max_decimals);
    return out;
}

double exp_deterministic(double x) {
    if (x != x) return x;
    if (x < -708) return 0.0;
    if (x > 709) return HUGE_VAL;
    // x = k*ln2 + r with r in [0, ln2); e^r by its Taylor series, then scale by 2^k exactly.
    // ln2 in two parts (Cody-Waite) keeps r accurate when k is large.
    constexpr double kLn2 = 0.6931471805599453;
    constexpr double kLn2Hi = 6.93147180369123816490e-01;  // few significant bits: k * hi is exact
    constexpr double kLn2Lo = 1.90821492927058770002e-10;
    const double k = std::floor(x / kLn2);
    const double r = (x - k * kLn2Hi) - k * kLn2Lo;
    double term = 1.0, sum = 1.0;
    for (int n = 1; n < 24; ++n) {
        term *= r / n;
        sum += term;
    }
    return std::ldexp(sum, static_cast<int>(k));
}

}  // namespace core
