#include "test_helpers.hpp"

#include "renal.hpp"
#include "numbers.hpp"

#include <tuple>

using nlohmann::json;

using namespace core;

namespace {
RenalInput scr(double value, const char* unit) {
    RenalInput r;
    r.kind = RenalInput::Kind::Scr;
    r.scr_value = value;
    r.scr_unit = *core::from_name(std::string_view(unit), core::kScrUnits);
    return r;
}
const RenalMethods& methods() { return db().renal_methods; }
}  // namespace

TEST_CASE("Cockcroft-Gault for an adult man without a height uses actual weight") {
    const auto a = assess_renal(scr(1.0, "mg/dL"), 70, 60.0, Sex::Male, std::nullopt, methods());
    REQUIRE(a.errors.empty());
    CHECK(a.result.method == RenalMethod::CockcroftGault);
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
    CHECK(a.result.method == RenalMethod::BedsideSchwartz);
    CHECK(a.result.value_kind == "egfr");
    CHECK(*a.result.crcl_ml_min == 94.9);  // 0.413 x 115 / 0.5 = 94.99, shown rounded down
}

TEST_CASE("the formula switches at 18 years") {
    CHECK(assess_renal(scr(1.0, "mg/dL"), 60, 17.99, Sex::Male, 170.0, methods()).result.method == RenalMethod::BedsideSchwartz);
    CHECK(assess_renal(scr(1.0, "mg/dL"), 60, 18.0, Sex::Male, 170.0, methods()).result.method == RenalMethod::CockcroftGault);
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
    at_30.method = RenalMethod::Given;
    at_30.crcl_ml_min = 30.0;
    apply_renal_rule(at_30, rule);
    CHECK_FALSE(at_30.adjusted);
    RenalResult below;
    below.method = RenalMethod::Given;
    below.crcl_ml_min = 29.9;
    apply_renal_rule(below, rule);
    CHECK(below.adjusted);
    CHECK(*below.interval_hours == 48);
    RenalResult esrd;
    esrd.method = RenalMethod::Esrd;
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

TEST_CASE("a value that is exactly 30 in exact arithmetic shows 30 and is not below 30 (binary noise ignored)") {
    // Cockcroft-Gault: (140 - 32) x 44 x 0.85 / (72 x 1.87) = 30 exactly; doubles give 29.999999999999996.
    json req = {{"indication", "ra"},
                {"patient", {{"weight", {{"value", 44}, {"unit", "kg"}}}, {"age", {{"value", 32}, {"unit", "years"}}},
                             {"sex", "female"}, {"renal", {{"scr", {{"value", 1.87}, {"unit", "mg/dL"}}}}}}}};
    json r = run(req);
    CHECK(r["renal"]["crcl_ml_min"] == 30);
    CHECK(r["renal"]["adjusted"] == false);
    // Bedside Schwartz: 0.413 x 90 / 1.239 = 30 exactly.
    req = {{"indication", "nomid"},
           {"patient", {{"weight", {{"value", 13.5}, {"unit", "kg"}}}, {"age", {{"value", 3}, {"unit", "years"}}},
                        {"height_cm", 90}, {"renal", {{"scr", {{"value", 1.239}, {"unit", "mg/dL"}}}}}}}};
    r = run(req);
    CHECK(r["renal"]["crcl_ml_min"] == 30);
    CHECK(r["renal"]["adjusted"] == false);
}

TEST_CASE("with a height, Cockcroft-Gault shows actual, ideal and adjusted weight and says which it used") {
    // 82 kg, 160 cm woman, 35 y, SCr 190 umol/L: BMI 32, so adjusted weight.
    auto a = assess_renal(scr(190, "umol/L"), 82, 35.0, Sex::Female, 160.0, methods());
    REQUIRE(a.result.estimates.size() == 3);
    CHECK(a.result.estimates[0].crcl_ml_min == 47.2);  // actual: 47.29, shown rounded down
    CHECK(a.result.estimates[1].weight_kg == 52.38);   // ideal: 45.5 + 2.3 x 2.992 in
    CHECK(a.result.estimates[1].crcl_ml_min == 30.2);
    CHECK(a.result.estimates[2].weight_kg == 64.23);   // adjusted: 52.38 + 0.4 x 29.62
    CHECK(a.result.estimates[2].crcl_ml_min == 37);
    CHECK(a.result.weight_used == core::WeightKind::Adjusted);
    CHECK(*a.result.crcl_ml_min == 37);
    // A woman below her ideal weight: actual weight (never inflate a small patient's clearance).
    a = assess_renal(scr(1.87, "mg/dL"), 44, 32.0, Sex::Female, 160.0, methods());
    CHECK(a.result.weight_used == core::WeightKind::Actual);
    CHECK(*a.result.crcl_ml_min == 30);
    // A man above his ideal weight with a BMI under 30: ideal weight.
    a = assess_renal(scr(1.0, "mg/dL"), 80, 50.0, Sex::Male, 180.0, methods());
    CHECK(a.result.weight_used == core::WeightKind::Ideal);
    // Under 152.4 cm the ideal-weight formula does not apply.
    a = assess_renal(scr(1.0, "mg/dL"), 60, 50.0, Sex::Female, 150.0, methods());
    CHECK(a.result.weight_used == core::WeightKind::Actual);
    CHECK(a.result.estimates.size() == 1);
}

TEST_CASE("RENAL_DECISION_SENSITIVE when the weights fall on both sides of 30 mL/min") {
    json req = {{"indication", "ra"},
                {"patient", {{"weight", {{"value", 110}, {"unit", "kg"}}}, {"age", {{"value", 70}, {"unit", "years"}}},
                             {"sex", "male"}, {"height_cm", 175}, {"renal", {{"scr", {{"value", 220}, {"unit", "umol/L"}}}}}}},
                {"prescribed", {{"dose_mg", 100}, {"doses_per_day", 1}}}};
    json r = run(req);
    CHECK(r["renal"]["weight_used"] == "adjusted");
    CHECK(r["renal"]["crcl_ml_min"] == 33.7);
    CHECK(r["renal"]["adjusted"] == false);
    CHECK(has_code(r["check"]["findings"], "RENAL_DECISION_SENSITIVE"));
    CHECK(r["check"]["status"] == "caution");
    // 35-year-old 82 kg, 160 cm woman with SCr 190: near the line, not across it.
    req["patient"] = {{"weight", {{"value", 82}, {"unit", "kg"}}}, {"age", {{"value", 35}, {"unit", "years"}}}, {"sex", "female"},
                      {"height_cm", 160}, {"renal", {{"scr", {{"value", 190}, {"unit", "umol/L"}}}}}};
    r = run(req);
    CHECK_FALSE(has_code(r["check"]["findings"], "RENAL_DECISION_SENSITIVE"));
    CHECK(r["check"]["status"] == "ok");
}

namespace {
// The result of the formula text worked by hand: the numbers it shows, rounded down to 0.1.
double worked_from_text(const RenalResult& r, double height_cm, double age_years, Sex sex) {
    const double s = *r.scr_mg_dl;
    if (r.method == RenalMethod::BedsideSchwartz) return round_down_to(methods().schwartz_k * height_cm / s, 1);
    double kg = 0;
    for (const auto& e : r.estimates)
        if (e.weight_kind == *r.weight_used) kg = e.weight_kg;
    return round_down_to(kg * ((140 - age_years) / (methods().cg_constant * s) * (sex == Sex::Female ? methods().cg_female_factor : 1)), 1);
}
bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }
}  // namespace

TEST_CASE("the formula text shows creatinine as entered and reproduces the shown value (1.239 mg/dL at 90 cm)") {
    const auto a = assess_renal(scr(1.239, "mg/dL"), 13, 2.0, Sex::Unknown, 90.0, methods());
    CHECK(*a.result.crcl_ml_min == 30);  // 0.413 x 90 / 1.239 = 30.0, not 29.98 from 1.24
    CHECK(*a.result.scr_mg_dl == 1.239);
    CHECK(a.result.formula == "Bedside Schwartz: 0.413 x 90 cm / 1.239 mg/dL = 30 mL/min/1.73 m2 (rounded down to 0.1; "
                              "eGFR, IDMS creatinine, used as CrCl)");
    const auto si = assess_renal(scr(220, "umol/L"), 110, 70.0, Sex::Male, 175.0, methods());
    CHECK(contains(si.result.formula, "Creatinine 220 umol/L / 88.4 = 2.489 mg/dL. Cockcroft-Gault:"));
    CHECK(contains(si.result.formula, "x 86.28 kg (adjusted weight) / (72 x 2.489 mg/dL) = 33.7 mL/min"));  // 2.49 would give 33.6
}

TEST_CASE("property: for every creatinine, the shown creatinine and weight give every shown estimate") {
    int checked = 0, longer = 0;
    for (int tenth = 200; tenth <= 8000; tenth += 3) {  // 20 to 800 umol/L
        const double umol = tenth / 10.0;
        for (const auto& [age, sex, height, kg] : {std::tuple{8.0, Sex::Unknown, 128.0, 26.0}, std::tuple{45.0, Sex::Female, 165.0, 90.0},
                                                  std::tuple{70.0, Sex::Male, 175.0, 110.0}}) {
            const auto a = assess_renal(scr(umol, "umol/L"), kg, age, sex, height, methods());
            REQUIRE(a.errors.empty());
            const RenalResult& r = a.result;
            CAPTURE(umol);
            CAPTURE(r.formula);
            CHECK(worked_from_text(r, height, age, sex) == *r.crcl_ml_min);
            for (const auto& e : r.estimates)  // each listed estimate, worked from its shown weight
                CHECK(round_down_to(e.weight_kg * ((140 - age) / (methods().cg_constant * *r.scr_mg_dl) *
                                                   (sex == Sex::Female ? methods().cg_female_factor : 1)), 1) == e.crcl_ml_min);
            CHECK(contains(r.formula, "= " + format_number(*r.scr_mg_dl, 6) + " mg/dL. "));
            CHECK(contains(r.formula, "= " + format_number(*r.crcl_ml_min, 1) + " mL/min"));
            if (format_number(*r.scr_mg_dl, 6).size() > 4) ++longer;
            ++checked;
        }
    }
    MESSAGE(checked << " creatinine estimates checked; " << longer << " needed more than 2 decimals");
    CHECK(longer > 0);
}
