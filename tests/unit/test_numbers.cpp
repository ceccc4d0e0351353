#include "numbers.hpp"

#include <doctest/doctest.h>

#include <cmath>

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
