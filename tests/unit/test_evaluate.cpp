#include "test_helpers.hpp"
#include "plausibility.hpp"

using nlohmann::json;

TEST_CASE("an invalid request carries errors and no dose anywhere") {
    json req = nomid_child();
    req["patient"]["weight"]["value"] = 0;
    const auto result = core::evaluate_json(req.dump(), db());
    CHECK(result.exit_code == 2);
    const json r = json::parse(result.json);
    CHECK(r["ok"] == false);
    CHECK(r["errors"][0]["field"] == "patient.weight");
    CHECK(r.size() == 3);  // ok, data_version, errors
}

TEST_CASE("unknown drug and indication are field errors") {
    json req = nomid_child();
    req["drug"] = "rilonacept";
    CHECK(run(req)["errors"][0]["field"] == "drug");
    req = nomid_child();
    req["indication"] = "gca";
    const json r = run(req);
    CHECK(r["errors"][0]["field"] == "indication");
    CHECK(r["errors"][0]["message"].get<std::string>().find("no US dosing data") != std::string::npos);
    req["indication"] = "psoriasis";
    CHECK(run(req)["errors"][0]["message"].get<std::string>().find("Unknown indication") != std::string::npos);
}

TEST_CASE("a drug that is not indicated gives no dose") {
    json req = nomid_child();
    req["drug"] = "canakinumab";
    const json r = run(req);
    CHECK(r["ok"] == false);
    CHECK(r["errors"][0]["field"] == "indication");
}

TEST_CASE("a weight outside every labelled band is an error naming the weight") {
    json req = {{"drug", "canakinumab"},
                {"indication", "caps"},
                {"patient", {{"weight", {{"value", 12}, {"unit", "kg"}}}, {"age", {{"value", 5}, {"unit", "years"}}}}}};
    const json r = run(req);
    CHECK(r["ok"] == false);
    CHECK(r["errors"][0]["field"] == "patient.weight");
}

TEST_CASE("the escalation step must be one the label allows") {
    json req = nomid_child();
    req["escalation_step_mg_per_kg"] = 0.7;
    CHECK(run(req)["errors"][0]["field"] == "escalation_step_mg_per_kg");
}

TEST_CASE("pounds are converted and rounded to 0.01 kg before dosing") {
    json req = nomid_child();
    req["patient"]["weight"] = {{"value", 50}, {"unit", "lb"}};
    const json r = run(req);
    CHECK(r["patient"]["weight_kg"] == 22.68);
    CHECK(r["regimen"]["ceiling_mg_per_day"] == 181.4);  // 8 x 22.68 = 181.44, rounded down
}

TEST_CASE("off-label and emergency uses are marked") {
    json req = {{"indication", "pericarditis"}, {"patient", {{"weight", {{"value", 70}, {"unit", "kg"}}}}}};
    CHECK(has_code(run(req)["findings"], "OFF_LABEL"));
    req["indication"] = "covid19";
    const json r = run(req);
    CHECK(r["indication"]["status"] == "emergency-use");
    CHECK(has_code(r["findings"], "EMERGENCY_USE"));
    CHECK(has_code(r["findings"], "AGE_UNKNOWN"));
    CHECK(has_code(r["findings"], "COURSE"));
}

TEST_CASE("EU FMF: weight-based under 50 kg without a ladder, 100 mg fixed from 50 kg") {
    json req = {{"indication", "fmf"},
                {"region", "eu"},
                {"patient", {{"weight", {{"value", 30}, {"unit", "kg"}}}, {"age", {{"value", 9}, {"unit", "years"}}}}}};
    json r = run(req);
    CHECK(r["regimen"]["kind"] == "weight-based");
    CHECK(r["ladder"].empty());
    CHECK(has_code(r["findings"], "NO_LADDER"));
    req["patient"]["weight"]["value"] = 50;
    r = run(req);
    CHECK(r["regimen"]["kind"] == "fixed");
    CHECK(r["regimen"]["dose_mg"] == 100);
}

TEST_CASE("EU CAPS below 10 kg is flagged, not refused") {
    json req = {{"indication", "caps"},
                {"region", "eu"},
                {"patient", {{"weight", {{"value", 8}, {"unit", "kg"}}}, {"age", {{"value", 6}, {"unit", "months"}}}}}};
    const json r = run(req);
    CHECK(r["ok"] == true);
    CHECK(has_code(r["findings"], "WEIGHT_BELOW_LABEL"));
    CHECK(has_code(r["findings"], "AGE_BELOW_LABEL"));
}

TEST_CASE("every cited source appears in the sources table") {
    const json r = run(nomid_child());
    std::function<void(const json&)> walk = [&](const json& v) {
        if (v.is_object()) {
            if (v.contains("refs") && v["refs"].is_array())
                for (const auto& id : v["refs"]) CHECK_MESSAGE(r["sources"].contains(id.get<std::string>()), id);
            for (const auto& [k, child] : v.items()) walk(child);
        } else if (v.is_array()) {
            for (const auto& child : v) walk(child);
        }
    };
    walk(r);
}

TEST_CASE("the same request always gives the same bytes") {
    json req = nomid_child(23.7);
    req["exposure"] = {{"days", 3}};
    const auto a = core::evaluate_json(req.dump(), db()).json;
    const auto b = core::evaluate_json(req.dump(), db()).json;
    CHECK(a == b);
}

TEST_CASE("EU requests for canakinumab are answered from the EU label (CAPS escalates to 8 mg/kg)") {
    json req = {{"drug", "canakinumab"},
                {"indication", "caps"},
                {"region", "eu"},
                {"patient", {{"weight", {{"value", 30}, {"unit", "kg"}}}, {"age", {{"value", 10}, {"unit", "years"}}}}}};
    const json r = run(req);
    CHECK(r["ok"] == true);
    CHECK_FALSE(has_code(r["findings"], "REGION_FALLBACK"));
    CHECK(r["indication"]["label_region"] == "eu");
    CHECK(r["regimen"]["dose_mg"] == 60);        // 2 mg/kg, 15 to 40 kg
    CHECK(r["regimen"]["increase_to_mg"] == 240);  // up to 8 mg/kg every 8 weeks in the EU (3 mg/kg in the US)
}

TEST_CASE("an escalation step other than 0.5 or 1 is refused even without a ladder") {
    json req = {{"indication", "ra"}, {"escalation_step_mg_per_kg", 3}, {"patient", {{"weight", {{"value", 70}, {"unit", "kg"}}}}}};
    CHECK(run(req)["errors"][0]["field"] == "escalation_step_mg_per_kg");
}

TEST_CASE("Kawasaki without an age says the age-dependent band could not be chosen") {
    json req = {{"indication", "kawasaki"}, {"patient", {{"weight", {{"value", 6}, {"unit", "kg"}}}}}};
    const json r = run(req);
    CHECK(has_code(r["findings"], "AGE_UNKNOWN"));
    CHECK(r["findings_status"] == "caution");
}

TEST_CASE("a contraindication sets the patient-level status") {
    json req = nomid_child();
    req["safety"] = {{"ecoli_hypersensitivity", true}};
    CHECK(run(req)["findings_status"] == "contraindicated");
    CHECK(run(nomid_child())["findings_status"] == "ok");
}

TEST_CASE("a weight implausible for the age is an error on patient.weight, never a dose, unless confirmed") {
    const auto has_text = [](const json& s, const std::string& text) { return s.get<std::string>().find(text) != std::string::npos; };
    int refused = 0;
    for (int months = 0; months <= 480; months += 6) {
        const auto bounds = core::weight_bounds(db().weight_for_age, months, core::Sex::Unknown);
        REQUIRE(bounds.has_value());
        REQUIRE(bounds->min_kg.has_value());
        std::vector<double> implausible = {*bounds->min_kg - 0.1};
        if (bounds->max_kg) implausible.push_back(*bounds->max_kg + 0.5);
        for (double kg : implausible) {
            CAPTURE(months);
            CAPTURE(kg);
            json req = {{"indication", "nomid"},
                        {"patient", {{"weight", {{"value", kg}, {"unit", "kg"}}}, {"age", {{"value", months}, {"unit", "months"}}}}},
                        {"prescribed", {{"dose_mg", 20}, {"doses_per_day", 1}}}};
            const auto refusal = core::evaluate_json(req.dump(), db());
            CHECK(refusal.exit_code == 2);
            const json r = json::parse(refusal.json);
            REQUIRE(r["errors"].size() == 1);
            CHECK(r["errors"][0]["field"] == "patient.weight");
            CHECK(has_text(r["errors"][0]["message"], "If the weight is correct, confirm it to see doses for it."));
            CHECK_FALSE(has_text(r["errors"][0]["message"], "weight_confirmed"));  // a clinician reads it
            CHECK_FALSE(r.contains("regimen"));
            ++refused;

            req["patient"]["weight_confirmed"] = true;
            const json confirmed = run(req);
            REQUIRE(confirmed["ok"] == true);
            CHECK(confirmed["regimen"].is_object());
            bool said = false;
            for (const auto& f : confirmed["check"]["findings"])
                said = said || (f["code"] == "WEIGHT_FOR_AGE" && f["severity"] == "caution" && has_text(f["message"], "was confirmed as correct"));
            CHECK(said);
            CHECK(confirmed["check"]["status"] != "ok");  // a caution, or exceeds where 20 mg is above the ceiling
        }
        // Inside the bounds: a dose, no caution, whether confirmed or not.
        const double plausible = bounds->max_kg ? (*bounds->min_kg + *bounds->max_kg) / 2 : *bounds->min_kg + 30;
        json req = {{"indication", "nomid"},
                    {"patient", {{"weight", {{"value", plausible}, {"unit", "kg"}}}, {"age", {{"value", months}, {"unit", "months"}}}}}};
        CHECK_FALSE(has_code(run(req)["findings"], "WEIGHT_FOR_AGE"));
        req["patient"]["weight_confirmed"] = true;
        CHECK_FALSE(has_code(run(req)["findings"], "WEIGHT_FOR_AGE"));
    }
    CHECK(refused == 41 * 2 + 40);  // two bounds to 20 years, then the lower bound only
}

TEST_CASE("the pounds slip is named both ways") {
    json req = {{"indication", "nomid"},
                {"patient", {{"weight", {{"value", 35}, {"unit", "kg"}}}, {"age", {{"value", 3}, {"unit", "years"}}}}}};
    std::string message = run(req)["errors"][0]["message"];
    CHECK(message.find("(did you mean 35 lb, 15.88 kg?)") != std::string::npos);
    req["patient"]["weight"] = {{"value", 14}, {"unit", "lb"}};
    message = run(req)["errors"][0]["message"];
    CHECK(message.find("A weight of 14 lb (6.35 kg) is outside") != std::string::npos);
    CHECK(message.find("(did you mean 14 kg?)") != std::string::npos);
    req["patient"]["weight"] = {{"value", 145}, {"unit", "kg"}};  // 145 lb = 65.77 kg does not fit either
    CHECK(run(req)["errors"][0]["message"].get<std::string>().find("did you mean") == std::string::npos);
}
