// The arithmetic behind every shown number (steps.hpp): each step redoes to its result, every
// number a golden answer shows has its step, and the texts say what a pharmacist writes.
#include "steps.hpp"

#include "numbers.hpp"
#include "step_writer.hpp"
#include "test_helpers.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <utility>

namespace {

using nlohmann::json;

core::Response evaluate_request(const json& request) { return core::evaluate_text(request.dump(), db()); }

// Every golden vector with a request, by file name, evaluated.
std::vector<std::pair<std::string, core::Response>> golden_evaluated() {
    std::vector<std::pair<std::string, core::Response>> out;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(DOSECHECK_SOURCE_DIR) + "/tests/golden")) {
        std::ifstream in(entry.path());
        const json vector = json::parse(in);
        if (vector.contains("request")) out.emplace_back(entry.path().filename().string(), evaluate_request(vector["request"]));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return out;
}

const std::vector<std::pair<std::string, core::Response>>& golden() {
    static const auto all = golden_evaluated();
    return all;
}

// A step as these tests read it: its own fields, with its id and text from the response.
struct SeenStep : core::Step {
    std::string quantity, text;
};
// The step with an id, or none (compares equal to nullptr); `->` reads it.
struct FoundStep {
    std::optional<SeenStep> step;
    const SeenStep* operator->() const { return &*step; }
    const SeenStep& operator*() const { return *step; }
    bool operator==(std::nullptr_t) const { return !step; }
};

FoundStep find_step(const core::Response& r, std::string_view quantity) {
    for (const auto& s : r.steps)
        if (core::quantity_of(r, s) == quantity)
            return {SeenStep{s, std::string(quantity), std::string(core::text_of(r, s))}};
    return {};
}

// The numbers a response shows, listed from the response itself (not from the steps), each with
// the quantity id its step must carry.
std::vector<std::pair<std::string, double>> shown_numbers(const core::Response& r) {
    std::vector<std::pair<std::string, double>> out;
    out.emplace_back("weight_kg", r.patient.weight_kg);
    if (r.patient.age_years) out.emplace_back("age_years", *r.patient.age_years);
    if (r.renal.crcl_ml_min) out.emplace_back("crcl_ml_min", *r.renal.crcl_ml_min);
    if (r.renal.scr_mg_dl) out.emplace_back("scr_mg_dl", *r.renal.scr_mg_dl);
    if (r.renal.estimates.size() > 1)
        for (const auto& e : r.renal.estimates) out.emplace_back("crcl_ml_min." + core::name_of(e.weight_kind), e.crcl_ml_min);
    if (r.regimen) {
        const core::RegimenResult& g = *r.regimen;
        if (g.interval_hours) out.emplace_back("interval_hours", *g.interval_hours);
        if (g.start_mg_per_day) {
            out.emplace_back("start_min_mg_per_day", g.start_mg_per_day->min);
            out.emplace_back("start_max_mg_per_day", g.start_mg_per_day->max);
        }
        if (g.start_mg_per_kg_per_day) {
            out.emplace_back("start_min_mg_per_kg_per_day", g.start_mg_per_kg_per_day->min);
            out.emplace_back("start_max_mg_per_kg_per_day", g.start_mg_per_kg_per_day->max);
        }
        if (g.ceiling_mg_per_day) out.emplace_back("ceiling_mg_per_day", *g.ceiling_mg_per_day);
        if (g.ceiling_mg_per_day && g.ceiling_mg_per_kg_per_day) out.emplace_back("ceiling_mg_per_kg_per_day", *g.ceiling_mg_per_kg_per_day);
        if (g.kind != core::DoseKind::Escalating && g.dose_mg) out.emplace_back("regimen.dose_mg", *g.dose_mg);
        if (g.course && g.course->administrations && g.interval_hours) out.emplace_back("course_administrations", *g.course->administrations);
        if (g.kind != core::DoseKind::Escalating && g.increase_to_mg) out.emplace_back("regimen.increase_to_mg", *g.increase_to_mg);
    }
    for (size_t i = 0; i < r.ladder.size(); ++i) {
        const core::LadderRow& row = r.ladder[i];
        const std::string id = "ladder." + std::to_string(i) + ".";
        out.emplace_back(id + "mg", row.dose.mg);
        out.emplace_back(id + "mg_per_kg", row.mg_per_kg_per_dose);
        if (!row.daily) out.emplace_back(id + "average_mg_per_kg_per_day", row.average_mg_per_kg_per_day);
        if (row.dose.ml) out.emplace_back(id + "ml", *row.dose.ml);
        if (row.dose.syringes) out.emplace_back(id + "syringes", *row.dose.syringes);
        if (row.split) {
            out.emplace_back(id + "split_mg", row.split->mg_per_dose);
            out.emplace_back(id + "split_ml", row.split->ml_per_dose);
            out.emplace_back(id + "split_syringes", row.split->syringes_per_day);
        }
    }
    if (r.check) {
        const core::CheckResult& c = *r.check;
        out.emplace_back("order_dose_mg", c.dose_mg);
        if (c.interval_hours > 0) out.emplace_back("order_interval_hours", c.interval_hours);
        if (c.interval_hours > 0) out.emplace_back("administrations_per_day", c.administrations_per_day);
        if (c.total_doses && c.days && find_step(r, "order_hours") != nullptr) out.emplace_back("order_days", *c.days);
        out.emplace_back("dose_mg_per_day", c.mg_per_dosing_day);
        out.emplace_back("mg_per_kg_per_dosing_day", c.mg_per_kg_per_dosing_day);
        out.emplace_back("mg_per_kg_per_day", c.mg_per_kg_per_day);
        out.emplace_back("mg_per_kg_per_dose", c.mg_per_kg_per_dose);
        if (c.measure.ml) out.emplace_back("ml_per_dose", *c.measure.ml);
        if (c.measure.syringes) out.emplace_back("syringes_per_dose", *c.measure.syringes);
        if (c.measure.vial_mg) out.emplace_back("vial_mg_per_dose", *c.measure.vial_mg);
        if (c.measure.leftover_mg) out.emplace_back("leftover_mg_per_dose", *c.measure.leftover_mg);
    }
    std::set<std::string> drugs;
    for (const auto& c : r.comparators) {
        if (!c.dose_mg || !c.route) continue;
        std::string route = c.route == core::Route::SC ? "sc." : "iv.";
        const std::string prefix = "comparator." + c.drug + "." + (drugs.insert(c.drug).second ? "" : route);
        out.emplace_back(prefix + "dose_mg", *c.dose_mg);
        if (c.dose_max_mg) out.emplace_back(prefix + "dose_max_mg", *c.dose_max_mg);
        if (c.increase_to_mg) out.emplace_back(prefix + "increase_to_mg", *c.increase_to_mg);
        if (c.measure && c.measure->ml) out.emplace_back(prefix + "ml", *c.measure->ml);
        if (c.measure && c.measure->vial_mg) out.emplace_back(prefix + "vial_mg", *c.measure->vial_mg);
        if (c.increase_measure && c.increase_measure->ml) out.emplace_back(prefix + "increase_ml", *c.increase_measure->ml);
        if (c.interval_days) out.emplace_back(prefix + "interval_days", *c.interval_days);
        if (c.interval_days && c.administrations_per_year) out.emplace_back(prefix + "administrations_per_year", *c.administrations_per_year);
        if (c.interval_days && c.administrations_per_course) out.emplace_back(prefix + "administrations_per_course", *c.administrations_per_course);
    }
    return out;
}

}  // namespace

TEST_CASE("steps: the golden vectors are there to check") {
    CHECK(golden().size() > 300);
    size_t ok = 0;
    for (const auto& g : golden()) ok += g.second.ok ? 1 : 0;
    CHECK(ok > 200);
}

// A step writer over lists of its own, as explain() makes one (not copied: the writer refers to
// these very lists).
struct Written {
    Written() = default;
    Written(const Written&) = delete;
    std::vector<core::Step> steps;
    std::string words;
    std::vector<core::Source> sources;
    core::step_detail::StepWriter w{steps, words, sources};
};

TEST_CASE("step writer: texts written side by side do not mix, ids are written whole, a rounded text grows in place") {
    namespace sd = core::step_detail;
    Written out;
    const std::vector<core::Step>& steps = out.steps;
    const std::string& words = out.words;
    sd::StepWriter& w = out.w;
    static const core::Source rule{{"kineret-us"}, "US label 2.2", false, ""};
    sd::Text first{w};
    first << "Row 1: ";
    sd::Text second{w};
    second << "second, " << sd::Num{2.5};
    first << sd::Mg{12.25} << " a day";
    w.add(sd::step_id("ladder.0.", "mg"), first, core::StepOp::Given, {12.3}, core::StepRounding::None, 0, 12.3, "mg", rule);
    sd::Text third{w};
    third << "Dose";
    w.add("dose_mg", third, core::StepOp::Given, {12.345}, core::StepRounding::Nearest, 1, 12.3, "mg", rule);
    w.add(sd::StepId{"comparator.", "tocilizumab.", "ml"}, second, core::StepOp::Given, {2.5}, core::StepRounding::None, 0, 2.5, "mL", rule);
    REQUIRE(steps.size() == 3);
    CHECK(core::words_at(words, steps[0].text) == "Row 1: 12.3 mg a day");
    CHECK(core::words_at(words, steps[0].quantity) == "ladder.0.mg");
    CHECK(core::words_at(words, steps[1].text) == "Dose (12.345, rounded to 0.1)");
    CHECK(core::words_at(words, steps[1].quantity) == "dose_mg");
    CHECK(core::words_at(words, steps[2].text) == "second, 2.5");
    CHECK(core::words_at(words, steps[2].quantity) == "comparator.tocilizumab.ml");
    CHECK(steps[0].unit == "mg");
    CHECK(steps[2].unit == "mL");
}

TEST_CASE("step writer: each rule is listed once, whether passed again or as an equal copy, and different rules apart") {
    namespace sd = core::step_detail;
    Written out;
    const std::vector<core::Source>& sources = out.sources;
    sd::StepWriter& w = out.w;
    const core::Source rule{{"kineret-us"}, "US label 2.2", false, ""};
    const core::Source copy = rule;
    const core::Source other{{"kineret-us"}, "US label 2.3", false, ""};
    const core::Source noted{{"kineret-us"}, "US label 2.2", false, "a note"};
    const auto add = [&](const char* id, const core::Source& source) {
        return w.add(id, "text", core::StepOp::Given, {1}, core::StepRounding::None, 0, 1, "", source).source;
    };
    CHECK(add("a", rule) == 0);
    CHECK(add("b", copy) == 0);
    CHECK(add("c", other) == 1);
    CHECK(add("d", rule) == 0);
    CHECK(add("e", noted) == 2);
    CHECK(add("f", other) == 1);
    CHECK(add("g", sd::entered_source()) == 3);
    REQUIRE(sources.size() == 4);
    CHECK(sources[0] == rule);
    CHECK(sources[1] == other);
    CHECK(sources[2] == noted);
    CHECK(sources[3] == sd::entered_source());
}

TEST_CASE("steps: in every golden answer, each step redone gives its result") {
    for (const auto& g : golden()) {
        INFO(g.first);
        for (const auto& step : g.second.steps) {
            INFO(core::quantity_of(g.second, step) << ": " << core::text_of(g.second, step));
            CHECK(core::nearly_equal(core::redo(step), step.result));
        }
    }
}

TEST_CASE("steps: every number a golden answer shows has a step with that quantity and exactly that result") {
    for (const auto& g : golden()) {
        if (!g.second.ok) continue;
        INFO(g.first);
        for (const auto& number : shown_numbers(g.second)) {
            INFO(number.first << " = " << number.second);
            const FoundStep step = find_step(g.second, number.first);
            REQUIRE(step != nullptr);
            CHECK(step->result == number.second);
        }
    }
}

TEST_CASE("steps: every step names its source, has words, a quantity given once, and no unit only for a count or a yes/no") {
    for (const auto& g : golden()) {
        INFO(g.first);
        std::set<std::string> quantities;
        for (const auto& step : g.second.steps) {
            INFO(core::quantity_of(g.second, step));
            CHECK_FALSE(core::source_of(g.second, step).section.empty());
            CHECK_FALSE(core::text_of(g.second, step).empty());
            CHECK(quantities.insert(std::string(core::quantity_of(g.second, step))).second);
            if (step.unit.empty()) CHECK(step.result == static_cast<double>(static_cast<long long>(step.result)));
        }
    }
}

TEST_CASE("steps: panels come in reading order (patient, dose, check, compare)") {
    for (const auto& g : golden()) {
        INFO(g.first);
        int last = 0;
        for (const auto& step : g.second.steps) {
            const int panel = static_cast<int>(step.panel);
            CHECK(panel >= last);
            last = panel;
        }
    }
}

TEST_CASE("steps: an answer with errors has no steps, and its JSON none either") {
    json req = nomid_child();
    req["patient"]["weight"]["value"] = -1;
    CHECK(evaluate_request(req).steps.empty());
    CHECK_FALSE(run(req).contains("steps"));
    for (const auto& g : golden())
        if (!g.second.ok) CHECK_MESSAGE(g.second.steps.empty(), g.first);
}

TEST_CASE("steps: the JSON carries the same steps as compute(), with every field, and cites their sources") {
    json req = nomid_child(20);
    req["patient"]["renal"] = {{"crcl_ml_min", 25}};
    const core::Response r = evaluate_request(req);
    const json j = run(req);
    REQUIRE(j["steps"].size() == r.steps.size());
    for (size_t i = 0; i < r.steps.size(); ++i) {
        const json& s = j["steps"][i];
        CHECK(s["quantity"] == core::quantity_of(r, r.steps[i]));
        CHECK(s["panel"] == std::string(core::to_string(r.steps[i].panel)));
        CHECK(s["text"] == core::text_of(r, r.steps[i]));
        CHECK(s["op"] == std::string(core::to_string(r.steps[i].op)));
        CHECK(s["operands"].size() == r.steps[i].operands.size());
        CHECK(s["rounding"] == std::string(core::to_string(r.steps[i].rounding)));
        CHECK(s["decimals"] == r.steps[i].decimals);
        CHECK(s["result"].get<double>() == r.steps[i].result);
        CHECK(s["unit"] == r.steps[i].unit);
        // The rule by its position in step_sources, in full there, its refs in sources.
        REQUIRE(s["source"].is_number_integer());
        const json& rule = j["step_sources"].at(s["source"].get<size_t>());
        const core::Source& source = core::source_of(r, r.steps[i]);
        CHECK(s["source"] == r.steps[i].source);
        CHECK(rule["section"] == source.section);
        CHECK(rule["unverified"] == source.unverified);
        CHECK(rule["refs"].size() == source.refs.size());
        for (const auto& ref : rule["refs"]) CHECK_MESSAGE(j["sources"].contains(ref.get<std::string>()), ref);
    }
}

TEST_CASE("steps: Cockcroft-Gault with the patient's numbers substituted") {
    json req = {{"indication", "ra"},
                {"patient",
                 {{"weight", {{"value", 70}, {"unit", "kg"}}},
                  {"age", {{"value", 67}, {"unit", "years"}}},
                  {"sex", "female"},
                  {"renal", {{"scr", {{"value", 1.2}, {"unit", "mg/dL"}}}}}}}};
    const core::Response r = evaluate_request(req);
    REQUIRE(r.ok);
    const FoundStep scr = find_step(r, "scr_mg_dl");
    REQUIRE(scr != nullptr);
    CHECK(scr->text == "Creatinine 1.2 mg/dL, as entered");
    const FoundStep crcl = find_step(r, "crcl_ml_min");
    REQUIRE(crcl != nullptr);
    // (140 - 67) x 70 / (72 x 1.2) x 0.85 = 50.27..., shown rounded down.
    CHECK(crcl->text ==
          "CrCl (Cockcroft–Gault, actual weight) = (140 - 67 y) × 70 kg ÷ (72 × 1.2 mg/dL) × 0.85 (female) = 50.2 mL/min (50.272, rounded down to 0.1)");
    CHECK(crcl->op == core::StepOp::CockcroftGault);
    CHECK(crcl->operands == std::vector<double>{67, 70, 1.2, 0.85, 72});
    CHECK(crcl->rounding == core::StepRounding::Down);
    CHECK(crcl->result == 50.2);
    CHECK(core::source_of(r, *crcl).refs == db().renal_methods.cg_source.refs);
    const FoundStep rule = find_step(r, "renal_rule_applies");
    REQUIRE(rule != nullptr);
    CHECK(rule->text == "CrCl 50.2 ≥ 30 mL/min: no renal adjustment");
    CHECK(rule->result == 0);
}

TEST_CASE("steps: Cockcroft-Gault with a height shows ideal and adjusted weight, the BMI and the weight chosen") {
    json req = {{"indication", "ra"},
                {"patient",
                 {{"weight", {{"value", 100}, {"unit", "kg"}}},
                  {"age", {{"value", 67}, {"unit", "years"}}},
                  {"sex", "female"},
                  {"height_cm", 160},
                  {"renal", {{"scr", {{"value", 250}, {"unit", "umol/L"}}}}}}}};
    const core::Response r = evaluate_request(req);
    REQUIRE(r.ok);
    // 160 cm = 62.99 in; 45.5 + 2.3 x 2.99 = 52.38 kg; 52.38 + 0.4 x 47.62 = 71.43 kg; BMI 39.1.
    REQUIRE(find_step(r, "ideal_weight_kg") != nullptr);
    CHECK(find_step(r, "ideal_weight_kg")->text ==
          "Ideal weight (Devine, female) = 45.5 kg + 2.3 kg/in × (62.99 in - 60 in) = 52.38 kg (52.38189, rounded to 0.01)");
    REQUIRE(find_step(r, "adjusted_weight_kg") != nullptr);
    CHECK(find_step(r, "adjusted_weight_kg")->result == 71.43);
    REQUIRE(find_step(r, "bmi") != nullptr);
    CHECK(find_step(r, "bmi")->result == 39.1);
    REQUIRE(find_step(r, "renal_weight_kg") != nullptr);
    CHECK(find_step(r, "renal_weight_kg")->result == 71.43);
    CHECK(find_step(r, "renal_weight_kg")->text.find("Adjusted body weight 71.43 kg") != std::string::npos);
    CHECK(find_step(r, "crcl_ml_min.actual")->result == 30.4);
    CHECK(find_step(r, "crcl_ml_min.ideal")->result == 15.9);
    CHECK(find_step(r, "crcl_ml_min")->result == 21.7);
    CHECK(find_step(r, "crcl_ml_min")->text.find("× 71.43 kg ÷ (72 × 2.83 mg/dL)") != std::string::npos);
    CHECK(find_step(r, "renal_rule_applies")->text == "CrCl 21.7 < 30 mL/min: the renal rule applies, every 48 h");
}

TEST_CASE("steps: creatinine in µmol/L is divided by 88.4 in its own step") {
    json req = {{"indication", "ra"},
                {"patient",
                 {{"weight", {{"value", 70}, {"unit", "kg"}}},
                  {"age", {{"value", 67}, {"unit", "years"}}},
                  {"sex", "male"},
                  {"renal", {{"scr", {{"value", 106}, {"unit", "umol/L"}}}}}}}};
    const core::Response r = evaluate_request(req);
    REQUIRE(r.ok);
    const FoundStep scr = find_step(r, "scr_mg_dl");
    REQUIRE(scr != nullptr);
    CHECK(scr->op == core::StepOp::Divide);
    CHECK(scr->operands == std::vector<double>{106, 88.4});
    CHECK(scr->text.rfind("Creatinine 106 µmol/L ÷ 88.4 = " + core::format_number(*r.renal.scr_mg_dl, 6) + " mg/dL", 0) == 0);
    CHECK(scr->result == *r.renal.scr_mg_dl);
    CHECK(core::source_of(r, *scr).refs == db().renal_methods.conversion_source.refs);
    // The formula uses the creatinine as shown, and still gives the shown CrCl.
    const FoundStep crcl = find_step(r, "crcl_ml_min");
    REQUIRE(crcl != nullptr);
    CHECK(crcl->operands[2] == *r.renal.scr_mg_dl);
    CHECK(crcl->text.find("× 70 kg ÷ (72 × " + core::format_number(*r.renal.scr_mg_dl, 6) + " mg/dL) = ") != std::string::npos);
}

TEST_CASE("steps: bedside Schwartz in a child") {
    json req = nomid_child(20);
    req["patient"]["height_cm"] = 115;
    req["patient"]["renal"] = {{"scr", {{"value", 0.5}, {"unit", "mg/dL"}}}};
    const core::Response r = evaluate_request(req);
    REQUIRE(r.ok);
    const FoundStep crcl = find_step(r, "crcl_ml_min");
    REQUIRE(crcl != nullptr);
    // 0.413 x 115 / 0.5 = 94.99, shown rounded down.
    CHECK(crcl->text == "eGFR (bedside Schwartz, used as CrCl) = 0.413 × 115 cm ÷ 0.5 mg/dL = 94.9 mL/min/1.73 m² (94.99, rounded down to 0.1)");
    CHECK(crcl->op == core::StepOp::BedsideSchwartz);
    CHECK(crcl->result == 94.9);
    CHECK(crcl->unit == "mL/min/1.73 m²");
    CHECK(core::source_of(r, *crcl).refs == db().renal_methods.schwartz_source.refs);
}

TEST_CASE("steps: a weight in pounds is converted and rounded to 0.01 kg") {
    json req = nomid_child();
    req["patient"]["weight"] = {{"value", 44}, {"unit", "lb"}};
    const core::Response r = evaluate_request(req);
    REQUIRE(r.ok);
    const FoundStep kg = find_step(r, "weight_kg");
    REQUIRE(kg != nullptr);
    CHECK(kg->text == "Weight 44 lb × 0.45359237 kg/lb = 19.96 kg (19.95806, rounded to 0.01)");
    CHECK(kg->result == 19.96);
    CHECK(kg->result == r.patient.weight_kg);
    CHECK(kg->op == core::StepOp::Multiply);
    CHECK(kg->rounding == core::StepRounding::Nearest);
    CHECK(kg->decimals == 2);
}

TEST_CASE("steps: an age in months is divided by 12") {
    json req = nomid_child(12);
    req["patient"]["age"] = {{"value", 30}, {"unit", "months"}};
    const core::Response r = evaluate_request(req);
    REQUIRE(r.ok);
    const FoundStep age = find_step(r, "age_years");
    REQUIRE(age != nullptr);
    CHECK(age->text == "Age 30 months ÷ 12 = 2.5 years");
    CHECK(age->result == 2.5);
}

TEST_CASE("steps: the ceiling and the start, mg/kg/day × kg") {
    const core::Response r = evaluate_request(nomid_child(14.5));
    REQUIRE(r.ok);
    CHECK(find_step(r, "ceiling_mg_per_day")->text == "Ceiling: 8 mg/kg/day × 14.5 kg = 116 mg/day");
    CHECK(find_step(r, "start_min_mg_per_day")->text == "Start, lowest: 1 mg/kg/day × 14.5 kg = 14.5 mg/day");
    CHECK(find_step(r, "start_max_mg_per_day")->text == "Start, highest: 2 mg/kg/day × 14.5 kg = 29 mg/day");
    // The split of the ceiling row: 116 / 2 = 58 mg twice daily.
    const FoundStep last = find_step(r, "ladder." + std::to_string(r.ladder.size() - 1) + ".split_mg");
    REQUIRE(last != nullptr);
    CHECK(last->text == "Row " + std::to_string(r.ladder.size()) + ": split, 116 mg ÷ 2 = 58 mg twice daily");
    CHECK(core::source_of(r, *last).refs == r.regimen->split_source.refs);
}

TEST_CASE("steps: a start capped in mg/day (pericarditis at 120 kg) shows the cap and the mg/kg it comes to") {
    json req = {{"indication", "pericarditis"},
                {"patient", {{"weight", {{"value", 120}, {"unit", "kg"}}}, {"age", {{"value", 50}, {"unit", "years"}}}}}};
    const core::Response r = evaluate_request(req);
    REQUIRE(r.ok);
    REQUIRE(r.regimen->start_cap_mg_per_day);
    const FoundStep uncapped = find_step(r, "start_max_mg_per_day.uncapped");
    const FoundStep capped = find_step(r, "start_max_mg_per_day");
    REQUIRE(uncapped != nullptr);
    REQUIRE(capped != nullptr);
    CHECK(capped->op == core::StepOp::Cap);
    CHECK(capped->result == r.regimen->start_mg_per_day->max);
    CHECK(capped->operands[0] == uncapped->result);
    CHECK(capped->text.find(", capped at " + core::format_number(*r.regimen->start_cap_mg_per_day, 1) + " mg/day") != std::string::npos);
    const FoundStep per_kg = find_step(r, "start_max_mg_per_kg_per_day");
    REQUIRE(per_kg != nullptr);
    CHECK(per_kg->rounding == core::StepRounding::Down);
    CHECK(per_kg->result == r.regimen->start_mg_per_kg_per_day->max);
}

TEST_CASE("steps: under the every-48-h rule a row is one administration, and the rule says why") {
    json req = nomid_child(20);
    req["patient"]["renal"] = {{"crcl_ml_min", 25}};
    const core::Response r = evaluate_request(req);
    REQUIRE(r.ok);
    CHECK(find_step(r, "crcl_ml_min")->text == "CrCl 25 mL/min, as entered");
    CHECK(find_step(r, "renal_rule_applies")->text == "CrCl 25 < 30 mL/min: the renal rule applies, every 48 h");
    CHECK(core::source_of(r, *find_step(r, "renal_rule_applies")).refs == r.renal.source.refs);
    CHECK(find_step(r, "interval_hours")->result == 48);
    CHECK(find_step(r, "ladder.0.mg")->text == "Row 1: 1 mg/kg × 20 kg = 20 mg per administration, every 48 h");
    CHECK(find_step(r, "ladder.0.split_mg") == nullptr);
}

TEST_CASE("steps: ESRD applies the renal rule with no number") {
    json req = nomid_child(20);
    req["patient"]["renal"] = {{"esrd", true}};
    const core::Response r = evaluate_request(req);
    REQUIRE(r.ok);
    CHECK(find_step(r, "crcl_ml_min") == nullptr);
    const FoundStep rule = find_step(r, "renal_rule_applies");
    REQUIRE(rule != nullptr);
    CHECK(rule->result == 1);
    CHECK(rule->text.find("End-stage renal disease") == 0);
}

TEST_CASE("steps: a row below what the syringe measures says so, with the nearest measurable dose") {
    const core::Response r = evaluate_request(nomid_child(10));
    REQUIRE(r.ok);
    REQUIRE(r.ladder.front().dose.below_measurable);
    const FoundStep below = find_step(r, "ladder.0.below_measurable");
    REQUIRE(below != nullptr);
    CHECK(below->op == core::StepOp::Below);
    CHECK(below->result == 1);
    CHECK(below->text.find("10 mg < 20 mg, the smallest dose one draw measures: below measurable") != std::string::npos);
    if (r.ladder.front().dose.nearest_measurable_mg)
        CHECK(below->text.find("the nearest measurable dose is 20 mg (0.13 mL)") != std::string::npos);
    CHECK_FALSE(core::source_of(r, *below).section.empty());
}

TEST_CASE("steps: an order's mg per day, mg/kg/day, mL and syringes") {
    json req = nomid_child(20);
    req["prescribed"] = {{"dose_mg", 40}, {"doses_per_day", 2}};
    const core::Response r = evaluate_request(req);
    REQUIRE(r.ok);
    CHECK(find_step(r, "dose_mg_per_day")->text == "Per dosing day: 40 mg × 2 = 80 mg");
    CHECK(find_step(r, "dose_mg_per_day")->result == 80);
    CHECK(find_step(r, "mg_per_kg_per_day")->text == "On average: 40 mg × 24 h ÷ 12 h ÷ 20 kg = 4 mg/kg/day");
    CHECK(find_step(r, "mg_per_kg_per_day")->result == r.check->mg_per_kg_per_day);
    CHECK(find_step(r, "ml_per_dose")->text == "Order: 40 mg ÷ 150 mg/mL = 0.27 mL (0.26667, rounded to 0.01)");
    CHECK(find_step(r, "syringes_per_dose")->result == 1);
    CHECK(find_step(r, "ml_per_dose")->panel == core::StepPanel::Check);
}

TEST_CASE("steps: a vial dose, mL = mg ÷ mg/mL and the vial combination") {
    json req = {{"drug", "tocilizumab"},
                {"indication", "ra"},
                {"route", "IV"},
                {"patient", {{"weight", {{"value", 70}, {"unit", "kg"}}}, {"age", {{"value", 50}, {"unit", "years"}}}}},
                {"prescribed", {{"dose_mg", 560}, {"every_hours", 672}}}};
    const core::Response r = evaluate_request(req);
    REQUIRE(r.ok);
    const FoundStep ml = find_step(r, "ml_per_dose");
    REQUIRE(ml != nullptr);
    CHECK(ml->text == "Order: 560 mg ÷ 20 mg/mL = 28 mL");
    const FoundStep vials = find_step(r, "vial_mg_per_dose");
    REQUIRE(vials != nullptr);
    CHECK(vials->text == "Order: vials 1 × 400 mg + 2 × 80 mg = 560 mg (the least left over, then the fewest vials)");
    CHECK(vials->op == core::StepOp::Add);
    CHECK(vials->operands == std::vector<double>{400, 80, 80});
    CHECK(find_step(r, "leftover_mg_per_dose")->result == 0);
    // The labelled dose for this patient, from the band: mg/kg x kg.
    REQUIRE(find_step(r, "regimen.mg_per_kg") != nullptr);
    CHECK(find_step(r, "regimen.mg_per_kg")->op == core::StepOp::Lookup);
    CHECK(find_step(r, "regimen.dose_mg")->result == *r.regimen->dose_mg);
}

TEST_CASE("steps: a whole-device dose counts devices; one that is not whole says it cannot be given") {
    json req = {{"drug", "tocilizumab"},
                {"indication", "ra"},
                {"route", "SC"},
                {"patient", {{"weight", {{"value", 70}, {"unit", "kg"}}}, {"age", {{"value", 50}, {"unit", "years"}}}}},
                {"prescribed", {{"dose_mg", 162}, {"every_hours", 168}}}};
    core::Response r = evaluate_request(req);
    REQUIRE(r.ok);
    CHECK(find_step(r, "syringes_per_dose")->text == "Order: 162 mg ÷ 162 mg per device = 1 device, each given whole");
    CHECK(find_step(r, "ml_per_dose")->result == 0.9);
    req["prescribed"]["dose_mg"] = 81;
    r = evaluate_request(req);
    REQUIRE(r.ok);
    CHECK(find_step(r, "ml_per_dose") == nullptr);
    const FoundStep devices = find_step(r, "syringes_per_dose.exact");
    REQUIRE(devices != nullptr);
    CHECK(devices->result == 0.5);
    CHECK(devices->text.find("cannot be given") != std::string::npos);
}

TEST_CASE("steps: a comparator's band, mg/kg × kg and its cap") {
    json req = {{"indication", "caps"},
                {"patient", {{"weight", {{"value", 30}, {"unit", "kg"}}}, {"age", {{"value", 10}, {"unit", "years"}}}}}};
    const core::Response r = evaluate_request(req);
    REQUIRE(r.ok);
    const FoundStep band = find_step(r, "comparator.canakinumab.mg_per_kg");
    REQUIRE(band != nullptr);
    CHECK(band->op == core::StepOp::Lookup);
    CHECK(band->text.find("Band ") == 0);
    CHECK(band->panel == core::StepPanel::Compare);
    const FoundStep dose = find_step(r, "comparator.canakinumab.dose_mg");
    REQUIRE(dose != nullptr);
    CHECK(dose->text == "Dose: " + core::format_number(band->result) + " mg/kg × 30 kg = " + core::format_number(dose->result, 1) + " mg");
    REQUIRE(find_step(r, "comparator.canakinumab.ml") != nullptr);
    REQUIRE(find_step(r, "comparator.anakinra.dose_mg") != nullptr);
}

TEST_CASE("steps: redo works each operation the way the contract states it") {
    const auto step = [](core::StepOp op, std::vector<double> operands, core::StepRounding rounding = core::StepRounding::None, int decimals = 0) {
        core::Step s;
        s.op = op;
        s.operands = std::move(operands);
        s.rounding = rounding;
        s.decimals = decimals;
        return s;
    };
    CHECK(core::redo(step(core::StepOp::Given, {29.96}, core::StepRounding::Down, 1)) == 29.9);
    CHECK(core::redo(step(core::StepOp::Multiply, {8, 14.5})) == 116);
    CHECK(core::redo(step(core::StepOp::Divide, {100, 150}, core::StepRounding::Nearest, 2)) == 0.67);
    CHECK(core::redo(step(core::StepOp::Cap, {280, 200})) == 200);
    CHECK(core::redo(step(core::StepOp::Below, {25, 30})) == 1);
    CHECK(core::redo(step(core::StepOp::Below, {30, 30})) == 0);
    CHECK(core::redo(step(core::StepOp::WholeUp, {110, 100})) == 2);
    CHECK(core::redo(step(core::StepOp::Add, {400, 80, 80})) == 560);
    CHECK(core::redo(step(core::StepOp::Subtract, {560, 540})) == 20);
    CHECK(core::redo(step(core::StepOp::MultiplyDivide, {250, 24, 48, 25}, core::StepRounding::Nearest, 2)) == 5);
    CHECK(core::redo(step(core::StepOp::AddScaled, {45.5, 2.3, 160 / 2.54, 60}, core::StepRounding::Nearest, 2)) == 52.38);
    CHECK(core::redo(step(core::StepOp::CockcroftGault, {67, 70, 1.2, 0.85, 72}, core::StepRounding::Down, 1)) == 50.2);
    CHECK(core::redo(step(core::StepOp::BedsideSchwartz, {115, 0.5, 0.413}, core::StepRounding::Down, 1)) == 94.9);
    core::Step lookup = step(core::StepOp::Lookup, {30});
    lookup.result = 2;
    CHECK(core::redo(lookup) == 2);
}

TEST_CASE("steps: the enum names") {
    CHECK(core::to_string(core::StepPanel::Compare) == "compare");
    CHECK(core::to_string(core::StepOp::CockcroftGault) == "cockcroft-gault");
    CHECK(core::to_string(core::StepOp::WholeUp) == "whole-up");
    CHECK(core::to_string(core::StepOp::MultiplyDivide) == "multiply-divide");
    CHECK(core::to_string(core::StepRounding::Down) == "down");
}

TEST_CASE("a step's operands keep every value, inline or past the inline room") {
    core::Operands few{1, 2.5};
    CHECK(few.size() == 2);
    CHECK(few == std::vector<double>{1, 2.5});
    core::Operands many;
    std::vector<double> expected;
    for (int i = 0; i < 15; ++i) {  // crosses kInline: the list moves to the heap whole
        many.push_back(i * 0.5);
        expected.push_back(i * 0.5);
        CHECK(many == expected);
    }
    CHECK(core::Operands(expected) == expected);
    core::Operands copy = many;
    core::Operands moved = std::move(many);
    CHECK(copy == expected);
    CHECK(moved == expected);
    CHECK(many.empty());  // a moved-from list is empty, never a view of freed memory
    copy = few;
    CHECK(copy == few);
    moved = core::Operands{7, 8, 9, 10, 11, 12, 13};
    CHECK(moved.size() == 7);
    CHECK(moved[6] == 13);
    CHECK_FALSE(moved == few);
}
