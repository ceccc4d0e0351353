#include "dates.hpp"
#include "units.hpp"
#include "words.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace core;

TEST_CASE("pounds convert with the exact international definition") {
    CHECK(lb_to_kg(1) == 0.45359237);
    CHECK(lb_to_kg(100) == doctest::Approx(45.359237).epsilon(1e-15));
    CHECK(kg_to_lb(lb_to_kg(44.1)) == doctest::Approx(44.1).epsilon(1e-14));
}

TEST_CASE("creatinine converts from umol/L at 88.4 per mg/dL") {
    CHECK(scr_umol_l_to_mg_dl(88.4, 88.4) == 1.0);
    CHECK(scr_umol_l_to_mg_dl(176.8, 88.4) == 2.0);
}

TEST_CASE("ISO dates parse strictly") {
    CHECK(parse_iso_date("2026-01-31") == Date{2026, 1, 31});
    CHECK(parse_iso_date("2024-02-29").has_value());
    CHECK_FALSE(parse_iso_date("2026-02-29").has_value());
    CHECK_FALSE(parse_iso_date("2026-13-01").has_value());
    CHECK_FALSE(parse_iso_date("2026-1-01").has_value());
    CHECK_FALSE(parse_iso_date("26-01-01xx").has_value());
    CHECK_FALSE(parse_iso_date("").has_value());
    CHECK_FALSE(parse_iso_date("2026-00-10").has_value());
}

TEST_CASE("adding months keeps the day or moves to the month's last day") {
    CHECK(to_iso(add_months({2026, 1, 31}, 1)) == "2026-02-28");
    CHECK(to_iso(add_months({2028, 1, 31}, 1)) == "2028-02-29");
    CHECK(to_iso(add_months({2026, 11, 15}, 3)) == "2027-02-15");
    CHECK(to_iso(add_months({2026, 5, 31}, 12)) == "2027-05-31");
    CHECK(to_iso(add_months({2026, 3, 10}, 0)) == "2026-03-10");
}

TEST_CASE("intervals are compared and named with the dose tolerance (relative 1e-9)") {
    CHECK(core::interval_words(12.000000001) == "twice daily");
    CHECK(core::interval_words(12.0000004) == "every 12.0000004 h");  // beyond the tolerance, and the words show it
    CHECK(core::interval_words(48) == "every other day (every 48 h)");
    CHECK(core::interval_words(2016) == "every 12 weeks");
    CHECK(core::interval_words(36) == "every 36 h");
    CHECK(core::same_hours(24 * (1 + 1e-10), 24));
    CHECK_FALSE(core::same_hours(24.0001, 24));
    CHECK(core::aged_patient_words(36) == "a 3-year-old");
    CHECK(core::aged_patient_words(8) == "an 8-month-old");
    CHECK(core::aged_patient_words(30 * 12) == "an adult of 30 years");
}
