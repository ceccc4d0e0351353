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
    CHECK(ladder[14]["ml_per_day"] == 1.07);  // 160 / 150 = 1.0667: one rounding rule for every volume (100 mg is 0.67 mL)
    CHECK(ladder[14]["syringe_draws_mg"] == json::array({100, 60}));
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
        json req = nomid_child(kg);
        req["patient"]["weight_confirmed"] = true;  // most of these weights are implausible at 6 years
        const json r = run(req);
        REQUIRE(r["ok"] == true);
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
    const core::Use* caps = core::find_use(*cana, "caps", core::Region::Us);
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
    CHECK(core::find_use(*ana, "ra", core::Region::Eu)->region == core::Region::Eu);
    CHECK(core::find_use(*ana, "gout", core::Region::Eu)->region == core::Region::Any);
    CHECK(core::find_use(*ana, "gca", core::Region::Us) == nullptr);
}

TEST_CASE("Kawasaki infants under 8 months start at 4 mg/kg/day") {
    json req = {{"indication", "kawasaki"},
                {"patient", {{"weight", {{"value", 6}, {"unit", "kg"}}}, {"age", {{"value", 5}, {"unit", "months"}}}}}};
    const json infant = run(req);
    CHECK(infant["regimen"]["start_mg_per_kg_per_day"]["min"] == 4);
    CHECK(infant["regimen"]["ceiling_mg_per_day"] == 36);
    req["patient"] = {{"weight", {{"value", 12}, {"unit", "kg"}}}, {"age", {{"value", 2}, {"unit", "years"}}}};
    CHECK(run(req)["regimen"]["start_mg_per_kg_per_day"]["min"] == 2);
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

TEST_CASE("a start capped below the first step is the first ladder row (US Still's, 70 kg: 100 mg, not 140 mg)") {
    const json r = run({{"indication", "stills"},
                        {"patient", {{"weight", {{"value", 70}, {"unit", "kg"}}}, {"age", {{"value", 35}, {"unit", "years"}}}}}});
    CHECK(r["regimen"]["start_mg_per_day"] == json({{"min", 100}, {"max", 100}}));
    const json& ladder = r["ladder"];
    REQUIRE(ladder.size() >= 2);
    CHECK(ladder[0]["mg_per_day"] == 100);
    CHECK(ladder[0]["mg_per_kg_per_day"] == 1.42);  // at a cap: rounded down, as the start field
    CHECK(r["regimen"]["start_mg_per_kg_per_day"] == json({{"min", 1.42}, {"max", 1.42}}));
    CHECK(r["regimen"]["label_start_mg_per_kg_per_day"] == json({{"min", 2}, {"max", 4}}));
    CHECK(r["regimen"]["start_cap_mg_per_day"] == 100);
    CHECK(ladder[0]["in_start_range"] == true);
    CHECK(ladder[1]["mg_per_day"] == 140);  // the 2 mg/kg/day step, above the capped start
    CHECK(ladder.back()["mg_per_day"] == 200);
    CHECK(ladder.back()["is_ceiling"] == true);
    CHECK(ladder.back()["mg_per_kg_per_day"] == 2.85);  // 200 / 70 = 2.857, a ceiling rounded down
}

TEST_CASE("under the every-48-h rule the ladder gives each administration, no split and no per-day columns") {
    json req = nomid_child(25);
    req["patient"]["renal"] = {{"crcl_ml_min", 26}};
    const json r = run(req);
    CHECK(r["regimen"]["interval_hours"] == 48);
    CHECK(r["regimen"]["split_allowed"] == false);
    for (const auto& row : r["ladder"]) {
        CHECK(row["split"].is_null());
        CHECK(row["mg_per_day"].is_null());
        CHECK(row["ml_per_day"].is_null());
        CHECK(row["syringes_per_day"].is_null());
        CHECK(row["average_mg_per_kg_per_day"].get<double>() * 2 == doctest::Approx(row["mg_per_kg_per_dose"].get<double>()).epsilon(0.01));
    }
    CHECK(r["ladder"].back()["mg_per_dose"] == 200);
    CHECK(r["ladder"].back()["average_mg_per_kg_per_day"] == 4);
    CHECK(r["ladder"].back()["syringe_draws_mg"] == json::array({100, 100}));
}

TEST_CASE("a neonate's ladder flags every row below the syringe's measurable dose; a measurable dose is offered only within the start range, or within the ceiling and one 1 mg/kg step") {
    const json r = run({{"indication", "nomid"}, {"patient", {{"weight", {{"value", 3.2}, {"unit", "kg"}}}}}});
    for (const auto& row : r["ladder"]) {
        const double mg = row["mg_per_dose"];
        CHECK(row["below_measurable"] == (mg < 20));
        // 20 mg is 6.25 mg/kg/day: never offered for a start row (1-2 mg/kg/day); offered from
        // the 5.5 mg/kg/day row (20 mg is 0.75 mg/kg above it), not from 5 mg/kg/day (1.25 above).
        const double row_mg_per_kg = row["mg_per_kg_per_dose"];
        if (mg < 20) CHECK(row["nearest_measurable_mg"] == (row_mg_per_kg >= 5.25 ? json(20) : json(nullptr)));
        CHECK(row["ml_per_dose"].get<double>() > 0);
        if (!row["split"].is_null()) CHECK(row["split"]["below_measurable"] == true);  // at most 12.8 mg twice daily
    }
    CHECK(r["ladder"].back()["mg_per_day"] == 25.6);
    CHECK(r["ladder"].back()["ml_per_day"] == 0.17);
    CHECK(has_code(r["findings"], "BELOW_MEASURABLE"));
    for (const auto& f : r["findings"])
        if (f["code"] == "BELOW_MEASURABLE") {
            const std::string message = f["message"];
            CHECK(f["severity"] == "caution");
            CHECK(message.find("6.25 mg/kg/day: above the start range by 4.25 mg/kg/day (8.5 escalation steps of 0.5 mg/kg)") != std::string::npos);
            CHECK(message.find("ask a specialist or the pharmacy") != std::string::npos);
            CHECK(message.find("within the ceiling") != std::string::npos);
        }
}

TEST_CASE("where the smallest measurable dose is within the start range it is offered for the start") {
    const json r = run({{"indication", "nomid"}, {"patient", {{"weight", {{"value", 15}, {"unit", "kg"}}}}}});
    CHECK(r["ladder"][0]["mg_per_dose"] == 15);
    CHECK(r["ladder"][0]["nearest_measurable_mg"] == 20);  // 1.33 mg/kg/day, inside 1-2 mg/kg/day
    CHECK_FALSE(r["ladder"][1]["below_measurable"]);
}

TEST_CASE("at 0.5 kg no dose within the ceiling can be measured, and no volume reads 0 mL") {
    const json r = run({{"indication", "nomid"}, {"patient", {{"weight", {{"value", 0.5}, {"unit", "kg"}}}}}});
    double previous = 0;
    for (const auto& row : r["ladder"]) {
        CHECK(row["below_measurable"] == true);
        CHECK(row["nearest_measurable_mg"].is_null());  // 20 mg would be 40 mg/kg
        CHECK(row["ml_per_dose"].get<double>() >= previous);
        CHECK(row["ml_per_dose"].get<double>() > 0);
        previous = row["ml_per_dose"];
    }
    CHECK(r["ladder"][0]["ml_per_dose"] == 0.003);
    CHECK(r["ladder"].back()["ml_per_dose"] == 0.03);  // 4 mg: never less than the 3.8 mg row above it
}

TEST_CASE("the nearest measurable dose offered for an unmeasurable dose: within the start range for a start, else within the ceiling and one step") {
    const core::Dose& nomid = core::find_use(*db().find("anakinra"), "nomid", core::Region::Us)->regimens[0].bands[0].dose;
    CHECK(core::nearest_offer_limit_mg(nomid, 3.2, 3.2) == doctest::Approx(6.4));    // a start: the top of the start range
    CHECK(core::nearest_offer_limit_mg(nomid, 3.2, 6.4) == doctest::Approx(6.4));
    CHECK(core::nearest_offer_limit_mg(nomid, 3.2, 16) == doctest::Approx(19.2));    // one 1 mg/kg step above 16 mg
    CHECK(core::nearest_offer_limit_mg(nomid, 3.2, 24) == doctest::Approx(25.6));    // the ceiling
    CHECK(core::largest_step_mg_per_kg(nomid) == 1);
}
