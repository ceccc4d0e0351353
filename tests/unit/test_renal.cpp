#include "test_helpers.hpp"

#include "renal.hpp"

using nlohmann::json;

using namespace core;

namespace {
RenalInput scr(double value, const char* unit) {
    RenalInput r;
    r.kind = RenalInput::Kind::Scr;
    r.scr_value = value;
    r.scr_unit = unit;
    return r;
}
const RenalMethods& methods() { return db().renal_methods; }
}  // namespace

TEST_CASE("Cockcroft-Gault for an adult man uses actual weight") {
    const auto a = assess_renal(scr(1.0, "mg/dL"), 70, 60.0, Sex::Male, std::nullopt, methods());
    REQUIRE(a.errors.empty());
    CHECK(a.result.method == "cockcroft-gault");
    CHECK(*a.result.crcl_ml_min == 77.7);  // (140 - 60) x 70 / 72 = 77.78, shown rounded down
}

TEST_CASE("Cockcroft-Gault multiplies by 0.85 for a woman") {
    const auto a = assess_renal(scr(1.0, "mg/dL"), 70, 60.0, Sex::Female, std::nullopt, methods());
    CHECK(*a.result.crcl_ml_min == 66.1);  // 77.78 x 0.85 = 66.11
}

TEST_CASE("creatinine in umol/L gives the same CrCl as mg/dL") {
    const auto si = assess_renal(scr(88.4, "umol/L"), 70, 60.0, Sex::Male, std::nullopt, methods());
    CHECK(*si.result.crcl_ml_min == 77.7);
    CHECK(*si.result.scr_mg_dl == 1.0);
}

TEST_CASE("bedside Schwartz for a child uses height") {
    const auto a = assess_renal(scr(0.5, "mg/dL"), 20, 6.0, Sex::Unknown, 115.0, methods());
    REQUIRE(a.errors.empty());
    CHECK(a.result.method == "bedside-schwartz");
    CHECK(a.result.value_kind == "egfr");
    CHECK(*a.result.crcl_ml_min == 94.9);  // 0.413 x 115 / 0.5 = 94.99, shown rounded down
}

TEST_CASE("the formula switches at 18 years") {
    CHECK(assess_renal(scr(1.0, "mg/dL"), 60, 17.99, Sex::Male, 170.0, methods()).result.method == "bedside-schwartz");
    CHECK(assess_renal(scr(1.0, "mg/dL"), 60, 18.0, Sex::Male, 170.0, methods()).result.method == "cockcroft-gault");
}

TEST_CASE("missing inputs for an estimate are named") {
    CHECK(assess_renal(scr(1.0, "mg/dL"), 70, std::nullopt, Sex::Male, std::nullopt, methods()).errors[0].field == "patient.age");
    CHECK(assess_renal(scr(1.0, "mg/dL"), 70, 40.0, Sex::Unknown, std::nullopt, methods()).errors[0].field == "patient.sex");
    CHECK(assess_renal(scr(0.4, "mg/dL"), 15, 5.0, Sex::Male, std::nullopt, methods()).errors[0].field == "patient.height_cm");
    CHECK(assess_renal(scr(0.3, "mg/dL"), 5, 0.5, Sex::Male, 60.0, methods()).errors[0].field == "patient.renal.scr");
}

TEST_CASE("the renal rule applies below 30 mL/min and in ESRD, not at 30") {
    RenalRule rule;
    rule.crcl_below_ml_min = 30;
    rule.esrd = true;
    rule.interval_hours = 48;
    RenalResult at_30;
    at_30.method = "given";
    at_30.crcl_exact = 30.0;
    apply_renal_rule(at_30, rule);
    CHECK_FALSE(at_30.adjusted);
    RenalResult below;
    below.method = "given";
    below.crcl_exact = 29.96;
    apply_renal_rule(below, rule);
    CHECK(below.adjusted);
    CHECK(*below.interval_hours == 48);
    RenalResult esrd;
    esrd.method = "esrd";
    apply_renal_rule(esrd, rule);
    CHECK(esrd.adjusted);
    RenalResult unknown;
    apply_renal_rule(unknown, rule);
    CHECK_FALSE(unknown.adjusted);
}

TEST_CASE("29.96 mL/min is below 30: adjusted, and shown as 29.9 so display and rule agree") {
    json req = nomid_child();
    req["patient"]["renal"] = {{"crcl_ml_min", 29.96}};
    const json r = run(req);
    CHECK(r["renal"]["crcl_ml_min"] == 29.9);
    CHECK(r["renal"]["adjusted"] == true);
    req["patient"]["renal"] = {{"crcl_ml_min", 30}};
    CHECK(run(req)["renal"]["adjusted"] == false);
}
