#include "test_helpers.hpp"

#include "ladder.hpp"
#include "regimen.hpp"

using nlohmann::json;

TEST_CASE("NOMID ladder runs from 1 to 8 mg/kg/day in 0.5 steps, ceiling included") {
    const json r = run(nomid_child(20));
    const auto& ladder = r["ladder"];
    REQUIRE(ladder.size() == 15);
    CHECK(ladder[0]["mg_per_kg_per_day"] == 1);
    CHECK(ladder[0]["mg_per_day"] == 20);
    CHECK(ladder[0]["ml_per_day"] == 0.13);
    CHECK(ladder[14]["mg_per_kg_per_day"] == 8);
    CHECK(ladder[14]["mg_per_day"] == 160);
    CHECK(ladder[14]["ml_per_day"] == 1.06);  // 1.0667 rounded down: the ceiling row never reads above 160 mg
    CHECK(ladder[14]["syringes_per_day"] == 2);
    CHECK(ladder[14]["is_ceiling"] == true);
}

TEST_CASE("a 1 mg/kg step gives eight rows") {
    json req = nomid_child(20);
    req["escalation_step_mg_per_kg"] = 1;
    CHECK(run(req)["ladder"].size() == 8);
}

TEST_CASE("no ladder row is ever above the ceiling, and the last row is the ceiling") {
    for (double kg : {0.5, 3.3, 7.77, 22.68, 49.9, 123.45, 350.0}) {
        const json r = run(nomid_child(kg));
        const double ceiling = r["regimen"]["ceiling_mg_per_day"];
        CAPTURE(kg);
        for (const auto& row : r["ladder"]) CHECK(row["mg_per_day"].get<double>() <= ceiling);
        CHECK(r["ladder"].back()["mg_per_day"] == ceiling);
    }
}

TEST_CASE("pericarditis ladder stops at the 100 mg/day cap with an exact ceiling row") {
    json req = {{"indication", "pericarditis"}, {"patient", {{"weight", {{"value", 70}, {"unit", "kg"}}}}}};
    const json r = run(req);
    CHECK(r["regimen"]["ceiling_mg_per_day"] == 100);
    const auto& ladder = r["ladder"];
    REQUIRE(ladder.size() == 2);  // 1 mg/kg = 70 mg, then the 100 mg cap (100 / 70 = 1.4286 mg/kg)
    CHECK(ladder[0]["mg_per_day"] == 70);
    CHECK(ladder[1]["mg_per_day"] == 100);
    CHECK(ladder[1]["mg_per_kg_per_day"] == 1.42);  // a ceiling row is rounded down in every column
    CHECK(ladder[1]["is_ceiling"] == true);
}

TEST_CASE("split doses appear only where the label allows them") {
    CHECK_FALSE(run(nomid_child())["ladder"][0]["split"].is_null());
    json dira = nomid_child();
    dira["indication"] = "dira";
    CHECK(run(dira)["ladder"][0]["split"].is_null());
}

TEST_CASE("each administration needs its own syringe") {
    const json row = run(nomid_child(30))["ladder"][14];  // 8 mg/kg x 30 kg = 240 mg
    CHECK(row["mg_per_day"] == 240);
    CHECK(row["syringes_per_day"] == 3);
    CHECK(row["split"]["mg_per_dose"] == 120);
    CHECK(row["split"]["syringes_per_day"] == 4);  // two doses of 120 mg, two syringes each
}

TEST_CASE("band selection honours inclusive and exclusive edges") {
    const core::Drug* cana = db().find("canakinumab");
    const core::Use* caps = core::find_use(*cana, "caps", "us");
    const auto& regimen = caps->regimens[0];
    CHECK(core::select_band(regimen, 14.99, std::nullopt) == nullptr);
    CHECK(core::select_band(regimen, 15, std::nullopt) == &regimen.bands[0]);
    CHECK(core::select_band(regimen, 40, std::nullopt) == &regimen.bands[0]);
    CHECK(core::select_band(regimen, 40.01, std::nullopt) == &regimen.bands[1]);
    CHECK(core::describe_band(regimen.bands[0]) == "15 to 40 kg");
    CHECK(core::describe_band(regimen.bands[1]) == "over 40 kg");
}

TEST_CASE("a region-specific use wins over one for any region") {
    const core::Drug* ana = db().find("anakinra");
    CHECK(core::find_use(*ana, "ra", "eu")->region == "eu");
    CHECK(core::find_use(*ana, "gout", "eu")->region == "any");
    CHECK(core::find_use(*ana, "gca", "us") == nullptr);
}

TEST_CASE("Kawasaki infants under 8 months start at 4 mg/kg/day") {
    json req = {{"indication", "kawasaki"},
                {"patient", {{"weight", {{"value", 6}, {"unit", "kg"}}}, {"age", {{"value", 5}, {"unit", "months"}}}}}};
    const json infant = run(req);
    CHECK(infant["regimen"]["start_mg_per_kg_per_day"]["min"] == 4);
    CHECK(infant["regimen"]["ceiling_mg_per_day"] == 36);
    req["patient"]["age"] = {{"value", 2}, {"unit", "years"}};
    CHECK(run(req)["regimen"]["start_mg_per_kg_per_day"]["min"] == 2);
}

TEST_CASE("mL is rounded to 0.01 at 150 mg/mL") {
    const core::Product& p = db().find("anakinra")->product;
    CHECK(core::ml_for_mg(100, p) == 0.67);
    CHECK(core::ml_for_mg(35, p) == 0.23);
    CHECK(core::syringes_for_mg(100, p) == 1);
    CHECK(core::syringes_for_mg(100.1, p) == 2);
}

TEST_CASE("the start range never exceeds a mg cap (pericarditis, 120 kg)") {
    json req = {{"indication", "pericarditis"}, {"patient", {{"weight", {{"value", 120}, {"unit", "kg"}}}}}};
    const json r = run(req);
    CHECK(r["regimen"]["start_mg_per_day"]["min"] == 100);
    CHECK(r["regimen"]["start_mg_per_day"]["max"] == 100);
    req["prescribed"] = {{"dose_mg", 100}, {"doses_per_day", 1}};
    const json check = run(req)["check"];
    CHECK_FALSE(has_code(check["findings"], "BELOW_START"));
    CHECK_FALSE(has_code(check["findings"], "ABOVE_CEILING"));
}

TEST_CASE("ladder rows above a start cap are not marked as start rows (US Still's, 60 kg)") {
    json req = {{"indication", "stills"},
                {"patient", {{"weight", {{"value", 60}, {"unit", "kg"}}}, {"age", {{"value", 14}, {"unit", "years"}}}}}};
    const json r = run(req);
    CHECK(r["regimen"]["start_mg_per_day"]["max"] == 100);
    for (const auto& row : r["ladder"]) CHECK(row["in_start_range"] == (row["mg_per_day"].get<double>() <= 100));
}
