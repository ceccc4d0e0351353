#include "numbers.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

using namespace core;

TEST_CASE("round_to gives the double nearest the decimal") {
    CHECK(round_to(0.1 + 0.2, 2) == 0.3);
    CHECK(round_to(35.55, 1) == 35.6);  // stored as 35.549999..., still rounds half up
    CHECK(round_to(0.665, 2) == 0.67);
    CHECK(round_to(20.0 / 150.0, 2) == 0.13);
    CHECK(round_to(-1.25, 1) == -1.3);
    CHECK(round_to(-0.0001, 2) == 0.0);
    CHECK_FALSE(std::signbit(round_to(-0.0001, 2)));
}

TEST_CASE("round_down_to never rounds up and absorbs binary noise") {
    CHECK(round_down_to(181.437, 1) == 181.4);
    CHECK(round_down_to(6.0 * 22.7 / 22.7, 2) == 6.0);
    CHECK(round_down_to(159.99999999999997, 1) == 160.0);
    CHECK(round_down_to(1.0666, 2) == 1.06);
}

TEST_CASE("whole_up counts syringes without binary noise") {
    CHECK(whole_up(0.4) == 1);
    CHECK(whole_up(1.0) == 1);
    CHECK(whole_up(1.0000000000001) == 1);
    CHECK(whole_up(1.01) == 2);
}

TEST_CASE("format_number writes numbers the safe way") {
    CHECK(format_number(5.0) == "5");
    CHECK(format_number(0.5) == "0.5");
    CHECK(format_number(12.25) == "12.25");
    CHECK(format_number(12.250, 3) == "12.25");
    CHECK(format_number(0.07) == "0.07");
    CHECK(format_number(1.005, 2) == "1.01");
    CHECK(format_number(160.0, 1) == "160");
    CHECK(format_number(-2.5) == "-2.5");
    CHECK(format_number(-0.001) == "0");
    CHECK(format_number(NAN) == "?");
    CHECK(format_number(9.333333333333333e25, 3) == "9.333333333333333e+25");  // found by the fuzzer
    CHECK(format_number(-1e300) == "-1e+300");
}

TEST_CASE("exp_deterministic matches the library exp closely") {
    for (double x : {-700.0, -50.0, -10.0, -1.0, -0.5, -1e-9, 0.0, 0.3, 1.0, 5.0, 40.0}) {
        const double expected = std::exp(x);
        CHECK(std::fabs(exp_deterministic(x) - expected) <= 4e-15 * expected);
    }
    CHECK(exp_deterministic(-1000) == 0.0);
    CHECK(std::isinf(exp_deterministic(1000)));
}

namespace {

// exp_deterministic as first written: all 23 terms of the series, then std::ldexp. The faster
// form must give the very same bits (native and wasm results, and every stored curve, rest on it).
double exp_all_terms(double x) {
    constexpr double kLn2 = 0.6931471805599453;
    constexpr double kLn2Hi = 6.93147180369123816490e-01;
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

// format_number's rounding as first written, with std::llround.
long long scaled_with_llround(double value, int decimals) {
    return std::llround(std::fabs(value) * std::pow(10.0, decimals) + 1e-9);
}

}  // namespace

TEST_CASE("exp_deterministic gives the same bits as the full series with std::ldexp") {
    int compared = 0;
    // Across the whole range used (and the edges of scaling by 2^k), densely near 0 where the
    // series is shortest, and at values of r near 0 and near ln 2.
    for (double x = -708; x <= 709; x += 0.0917) {
        CHECK(exp_deterministic(x) == exp_all_terms(x));
        ++compared;
    }
    for (double x = -1e-3; x <= 1e-3; x += 1.3e-6) {
        CHECK(exp_deterministic(x) == exp_all_terms(x));
        ++compared;
    }
    for (int k = -1022; k <= 1022; k += 7)
        for (double d : {-1e-12, 0.0, 1e-12, 0.6931471805})
            if (const double x = k * 0.6931471805599453 + d; x >= -708 && x <= 709) {
                CHECK(exp_deterministic(x) == exp_all_terms(x));
                ++compared;
            }
    CHECK(compared > 15000);
}

TEST_CASE("format_number rounds as std::llround did, half away from zero") {
    for (int decimals = 0; decimals <= 8; ++decimals)
        for (double x = 0.0005; x < 2e6; x = x * 1.0123 + 0.00037) {
            const double scale = std::pow(10.0, decimals);
            if (x * scale >= 1e15) break;
            const long long expected = scaled_with_llround(x, decimals);
            // The digits format_number writes, read back as a count of 10^-decimals.
            const std::string text = format_number(x, decimals);
            const auto dot = text.find('.');
            std::string digits = dot == std::string::npos ? text : text.substr(0, dot) + text.substr(dot + 1);
            const int written_decimals = dot == std::string::npos ? 0 : static_cast<int>(text.size() - dot - 1);
            digits.append(static_cast<size_t>(decimals - written_decimals), '0');
            CHECK(std::stoll(digits) == expected);
        }
    CHECK(format_number(0.5, 0) == "1");
    CHECK(format_number(2.5, 0) == "3");
    CHECK(format_number(-2.5, 0) == "-3");
    CHECK(format_number(0.125, 2) == "0.13");
}
