// Teaching mode: the teaching cases in data/teaching.json, practice marking (core/practice.hpp)
// and the practice text layer (ui/practice_mode.hpp): what is hidden before Check, the marks and
// their feedback, the message a host page receives.
#include "fields.hpp"
#include "inputs.hpp"
#include "numbers.hpp"
#include "practice.hpp"
#include "practice_mode.hpp"
#include "test_helpers.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <sstream>

using json = nlohmann::json;

namespace {

const core::TeachingSet& teaching() { return db().teaching; }

// The inputs a practice link for this case gives, after the case is applied.
ui::Inputs case_inputs(const std::string& id, const std::string& extra = "") {
    ui::Inputs in = ui::inputs_from_state("mode=practice&case=" + id + extra).inputs;
    REQUIRE(ui::apply_case(in, teaching()));
    return in;
}

core::Response respond(const ui::Inputs& in) { return ui::response_for(in, db()); }

json expected_answers() {
    std::ifstream file(std::string(DOSECHECK_SOURCE_DIR) + "/tests/teaching/expected.json");
    std::stringstream text;
    text << file.rdbuf();
    return json::parse(text.str());
}

core::PracticeQuantity quantity(const std::string& id) {
    const core::PracticeQuantity* q = teaching().quantity(id);
    REQUIRE_MESSAGE(q != nullptr, id);
    return *q;
}

// The numbers written in a text ("12", "0.47"), as tokens.
std::set<std::string> number_tokens(const std::string& text) {
    std::set<std::string> out;
    std::string current;
    for (char c : text + " ") {
        if ((c >= '0' && c <= '9') || (c == '.' && !current.empty())) {
            current += c;
        } else if (!current.empty()) {
            while (!current.empty() && current.back() == '.') current.pop_back();
            out.insert(current);
            current.clear();
        }
    }
    return out;
}

// A response with one step, for marking tests that need no case.
core::Response with_step(const std::string& id, core::StepOp op, std::vector<double> operands, double result, double weight = 20) {
    core::Response r;
    r.ok = true;
    r.patient.weight_kg = weight;
    core::Step s;
    s.quantity = core::append_step_words(r.step_words, id);
    s.op = op;
    s.operands = std::move(operands);
    s.result = result;
    r.steps.push_back(s);
    return r;
}

}  // namespace

TEST_CASE("the teaching data: at least 12 cases, each one asking 1 to 6 known quantities") {
    CHECK(teaching().cases.size() >= 12);
    for (const auto& c : teaching().cases) {
        CHECK_MESSAGE(!c.learning_point.empty(), c.id);
        CHECK_MESSAGE(!c.source.refs.empty(), c.id);
        CHECK_MESSAGE((!c.ask.empty() && c.ask.size() <= ui::StateLimits::max_asked), c.id);
        for (const auto& q : c.ask) CHECK_MESSAGE(teaching().quantity(q) != nullptr, std::string((c.id + " asks " + q)));
    }
}

TEST_CASE("every teaching case's inputs are the widget's input fields, and the case evaluates without an error") {
    for (const auto& c : teaching().cases) {
        for (const auto& input : c.inputs) CHECK_MESSAGE(ui::find_field(input.first) != nullptr, std::string((c.id + ": " + input.first)));
        const ui::Inputs in = case_inputs(c.id);
        CHECK_MESSAGE(in.problems.empty(), c.id);
        const core::Response r = respond(in);
        CHECK_MESSAGE(r.ok, std::string(((c.id + (r.errors.empty() ? std::string() : ": " + r.errors[0].message)))));
    }
}

TEST_CASE("the coverage the course pages need: every anakinra indication, both renal rules, lb, a neonate, above the ceiling, a comparator band edge") {
    std::set<std::string> indications, renal;
    bool lb = false, neonate = false, exceeds = false, comparator = false;
    for (const auto& c : teaching().cases) {
        for (const auto& input : c.inputs) {
            if (input.first == "indication") indications.insert(input.second);
            if (input.first == "scr" || input.first == "crcl" || input.first == "esrd") renal.insert(input.first);
            if (input.first == "weight_unit" && input.second == "lb") lb = true;
            if (input.first == "age_unit" && input.second == "months")
                for (const auto& other : c.inputs) neonate = neonate || (other.first == "age" && std::stod(other.second) <= 1);
        }
        const core::Response r = respond(case_inputs(c.id));
        exceeds = exceeds || (r.check && r.check->status == core::Verdict::Exceeds);
        for (const auto& q : c.ask) comparator = comparator || q.rfind("comparator.", 0) == 0;
    }
    for (const char* use : {"caps", "covid19", "dira", "fmf", "gout", "kawasaki", "nomid", "pericarditis", "ra", "stills"})
        CHECK_MESSAGE(indications.count(use) == 1, use);
    CHECK(renal.size() == 3);
    CHECK(lb);
    CHECK(neonate);
    CHECK(exceeds);
    CHECK(comparator);
}

TEST_CASE("every asked quantity of every case has an answer: a step in the case's response (or the verdict)") {
    for (const auto& c : teaching().cases) {
        const core::Response r = respond(case_inputs(c.id));
        for (const auto& q : c.ask)
            if (q != "verdict") CHECK_MESSAGE(core::step_for(r, q) != nullptr, std::string((c.id + " asks " + q)));
    }
}

TEST_CASE("the case author's hand-worked answers (tests/teaching/expected.json) are marked right by the core") {
    const json expected = expected_answers();
    for (const auto& c : teaching().cases) {
        REQUIRE_MESSAGE(expected.contains(c.id), c.id);
        const core::Response r = respond(case_inputs(c.id));
        for (const auto& q : c.ask) {
            const json& value = expected[c.id]["expected"][q];
            const std::string typed = value.is_string() ? value.get<std::string>() : core::format_number(value.get<double>(), 6);
            const core::Mark m = core::mark_answer(quantity(q), typed, r);
            CHECK_MESSAGE(m.status == core::MarkStatus::Right, std::string(((c.id + " " + q + ": the author's " + typed + "; " + m.feedback))));
        }
    }
}

TEST_CASE("marking: right within the stated tolerance, wrong outside it, with the answer given") {
    const core::Response r = with_step("ceiling_mg_per_day", core::StepOp::Multiply, {8, 14.5}, 116);
    const core::PracticeQuantity q = quantity("ceiling_mg_per_day");
    CHECK(core::mark_answer(q, "116", r).status == core::MarkStatus::Right);
    CHECK(core::mark_answer(q, "115.96", r).status == core::MarkStatus::Right);  // within half the 0.1 mg step
    CHECK(core::mark_answer(q, "115.9", r).status == core::MarkStatus::Wrong);
    const core::Mark above = core::mark_answer(q, "116.04", r);  // a maximum is never rounded up
    CHECK(above.status == core::MarkStatus::Wrong);
    CHECK(above.feedback.find("rounded down") != std::string::npos);
    CHECK(core::mark_answer(q, " 116,0 ", r).status == core::MarkStatus::Right);  // a decimal comma
    CHECK(core::mark_answer(q, "116 mg/day", r).status == core::MarkStatus::Right);
    const core::Mark wrong = core::mark_answer(q, "117", r);
    CHECK(wrong.status == core::MarkStatus::Wrong);
    CHECK(wrong.feedback.find("116 mg/day") != std::string::npos);
    CHECK(core::mark_answer(q, "", r).status == core::MarkStatus::Unanswered);
    CHECK(core::mark_answer(q, "lots", r).status == core::MarkStatus::Unreadable);
}

TEST_CASE("marking names the usual slips: tenfold, mg for mL, per kg, lb for kg, the renal interval, a wrong unit") {
    const core::PracticeQuantity ceiling = quantity("ceiling_mg_per_day");
    const core::Response r = with_step("ceiling_mg_per_day", core::StepOp::Multiply, {8, 14.5}, 116, 14.5);
    CHECK(core::mark_answer(ceiling, "1160", r).feedback.find("10\xC3\x97 too high: check mg vs mL") != std::string::npos);
    CHECK(core::mark_answer(ceiling, "11.6", r).feedback.find("10\xC3\x97 too low") != std::string::npos);
    CHECK(core::mark_answer(ceiling, "8", r).feedback.find("per kg") != std::string::npos);
    CHECK(core::mark_answer(ceiling, "116 mL", r).feedback.find("asks for mg/day, not \"mL\"") != std::string::npos);
    CHECK(core::mark_answer(ceiling, "116 lots", r).status == core::MarkStatus::Unreadable);
    CHECK(core::mark_answer(ceiling, "12 5", r).status == core::MarkStatus::Unreadable);
    CHECK(core::mark_answer(ceiling, "1,160", r).status == core::MarkStatus::Unreadable);  // thousands or decimal?
    const core::Response daily = with_step("interval_hours", core::StepOp::Lookup, {25}, 48);
    CHECK(core::mark_answer(quantity("interval_hours"), "48 hours", daily).status == core::MarkStatus::Right);
    CHECK(core::mark_answer(quantity("interval_hours"), "48 hrs", daily).status == core::MarkStatus::Right);
    // A per-kg answer for a 10 kg child is "per kg", not a decimal slip.
    const core::Response ten_kg = with_step("ceiling_mg_per_day", core::StepOp::Multiply, {8, 10}, 80, 10);
    CHECK(core::mark_answer(ceiling, "8", ten_kg).feedback.find("per kg") != std::string::npos);
    // mg/kg has no mL in it: a tenfold slip there is the decimal point.
    const core::Response per_kg = with_step("mg_per_kg_per_dosing_day", core::StepOp::Divide, {140, 15}, 9.33, 15);
    const std::string tenfold = core::mark_answer(quantity("mg_per_kg_per_dosing_day"), "93.3", per_kg).feedback;
    CHECK(tenfold.find("10\xC3\x97 too high: check the decimal point") != std::string::npos);

    const core::Response volume = with_step("ml_per_dose", core::StepOp::Divide, {60, 150}, 0.4);
    const core::Mark mg_for_ml = core::mark_answer(quantity("ml_per_dose"), "60", volume);
    CHECK(mg_for_ml.status == core::MarkStatus::Wrong);
    CHECK(mg_for_ml.feedback.find("That is the dose in mg") != std::string::npos);
    CHECK(core::mark_answer(quantity("ml_per_dose"), "4", volume).feedback.find("10\xC3\x97 too high") != std::string::npos);

    const core::Response pounds = with_step("weight_kg", core::StepOp::Multiply, {176, 0.45359237}, 79.83);
    CHECK(core::mark_answer(quantity("weight_kg"), "176", pounds).feedback.find("weight in lb") != std::string::npos);

    const core::Response renal = with_step("interval_hours", core::StepOp::Lookup, {25}, 48);
    CHECK(core::mark_answer(quantity("interval_hours"), "24", renal).feedback.find("renal rule applies") != std::string::npos);
}

TEST_CASE("marking a verdict, and a quantity the case does not show") {
    core::Response r;
    r.ok = true;
    r.verdict = core::Verdict::Exceeds;
    r.check = core::CheckResult{};
    r.check->status = core::Verdict::Exceeds;
    r.verdict_reason = "Above the maximum daily dose.";
    CHECK(core::mark_answer(quantity("verdict"), "exceeds", r).status == core::MarkStatus::Right);
    CHECK(core::mark_answer(quantity("verdict"), "Exceeds", r).status == core::MarkStatus::Right);
    const core::Mark ok = core::mark_answer(quantity("verdict"), "ok", r);
    CHECK(ok.status == core::MarkStatus::Wrong);
    CHECK(ok.feedback.find("exceeds") != std::string::npos);
    CHECK(core::mark_answer(quantity("ml_per_dose"), "0.4", r).status == core::MarkStatus::NotApplicable);
    r.verdict = core::Verdict::Contraindicated;  // a contraindication elsewhere is the order's verdict too
    CHECK(core::mark_answer(quantity("verdict"), "contraindicated", r).status == core::MarkStatus::Right);
    r.check.reset();  // no order: nothing to judge
    CHECK(core::mark_answer(quantity("verdict"), "ok", r).status == core::MarkStatus::NotApplicable);
    core::Response refused;
    CHECK(core::mark_answer(quantity("verdict"), "ok", refused).status == core::MarkStatus::NotApplicable);
}

TEST_CASE("before Check nothing the page or a host hears holds an asked answer; after Check the host hears the marks") {
    for (const auto& c : teaching().cases) {
        ui::Inputs in = case_inputs(c.id);
        const core::Response r = respond(in);
        const ui::PracticeView view = ui::practice_view(in, teaching());
        REQUIRE(ui::answers_hidden(in));
        const std::string summary = ui::hidden_summary(in, view);
        const std::string result = ui::hidden_result_json(in, r);
        CHECK(json::parse(result).contains("practice"));
        CHECK_FALSE(json::parse(result).contains("regimen"));
        // A number the case itself gives (a dose per day as ordered, the data version) is no leak.
        std::string given = r.data_version;
        for (const auto& p : ui::params_from_inputs(in)) given += " " + p.second;
        const std::set<std::string> allowed = number_tokens(given);
        const std::set<std::string> in_summary = number_tokens(summary), in_result = number_tokens(result);
        for (const auto& q : c.ask) {
            const core::Step* s = core::step_for(r, q);
            if (s == nullptr) continue;
            const std::string shown = core::format_number(s->result, 6);
            if (allowed.count(shown)) continue;
            CHECK_MESSAGE(in_summary.count(shown) == 0, std::string((c.id + " " + q)));
            CHECK_MESSAGE(in_result.count(shown) == 0, std::string((c.id + " " + q)));
        }
    }
    ui::Inputs in = case_inputs("nomid-3", "&answer_1=120&answer_2=14&checked=1");
    CHECK_FALSE(ui::answers_hidden(in));
    const auto marks = ui::practice_marks(in, respond(in), ui::practice_view(in, teaching()));
    const json message = json::parse(ui::practice_message_json(in, marks));
    CHECK(message["case"] == "nomid-3");
    CHECK(message["answers"][0] == json({{"quantity", "ceiling_mg_per_day"}, {"status", "right"}, {"right", true}}));
    CHECK(message["answers"][1]["right"] == false);
    CHECK(message["asked"] == marks.size());
}

TEST_CASE("a case replaces the patient but keeps the practice fields; a link's own ask= wins over the case's") {
    ui::Inputs in = ui::inputs_from_state("mode=practice&case=ra-3&weight=3&answer_1=100").inputs;
    REQUIRE(ui::apply_case(in, teaching()));
    CHECK(in.weight == "65");
    CHECK(in.answers[0] == "100");
    CHECK(in.ask == "dose_mg_per_day,ml_per_dose,verdict");
    ui::Inputs asked = ui::inputs_from_state("mode=practice&case=ra-3&ask=verdict").inputs;
    REQUIRE(ui::apply_case(asked, teaching()));
    CHECK(asked.ask == "verdict");
    ui::Inputs unknown = ui::inputs_from_state("mode=practice&case=no-such-case").inputs;
    CHECK_FALSE(ui::apply_case(unknown, teaching()));
    const ui::PracticeView view = ui::practice_view(unknown, teaching());
    CHECK(view.problem.find("no-such-case") == std::string::npos);  // link text is data, never display
    CHECK(view.problem.find("teaching case") != std::string::npos);
    const ui::PracticeView odd = ui::practice_view(ui::inputs_from_state("mode=practice&ask=verdict,made_up").inputs, teaching());
    CHECK(odd.asked.size() == 1);
    CHECK(odd.problem.find("made_up") == std::string::npos);
    CHECK(odd.problem.find("1 question") != std::string::npos);
}

TEST_CASE("the teaching data loader refuses an unknown quantity, a bad id, a duplicate and too many questions") {
    auto load_with = [](const std::string& teaching_json) {
        std::vector<core::DataFile> files;
        for (const auto& f : data::embedded_files())
            if (f.name != "teaching.json") files.push_back(f);
        files.push_back({"teaching.json", teaching_json});
        return core::load_drug_db(files);
    };
    const std::string quantities =
        R"("quantities": [{"id": "verdict", "label": "Verdict", "unit": "", "answer": "verdict", "tolerance": 0, "tolerance_note": "exact"}])";
    auto one_case = [&](const std::string& c) { return "{\"description\": \"t\", " + quantities + ", \"cases\": [" + c + "]}"; };
    const std::string good = R"({"id": "a-case", "title": "T", "learning_point": "L", "inputs": {"indication": "ra"}, "ask": ["verdict"],
                                 "source": {"refs": ["kineret-us"], "section": "2.1"}})";
    const std::string good_text = one_case(good);
    CHECK(load_with(good_text).errors.empty());
    std::string bad = good;
    bad.replace(bad.find("\"verdict\"]"), 9, "\"dose\"");
    const std::string unknown_text = one_case(bad);
    CHECK_FALSE(load_with(unknown_text).errors.empty());
    std::string bad_id = good;
    bad_id.replace(bad_id.find("a-case"), 6, "A Case");
    const std::string bad_id_text = one_case(bad_id);
    CHECK_FALSE(load_with(bad_id_text).errors.empty());
    const std::string twice = one_case(good + "," + good);
    CHECK_FALSE(load_with(twice).errors.empty());
    std::string many = good;
    many.replace(many.find("[\"verdict\"]"), 11, R"(["verdict","verdict","verdict","verdict","verdict","verdict","verdict"])");
    const std::string many_text = one_case(many);
    CHECK_FALSE(load_with(many_text).errors.empty());
    std::string unsourced = good;
    unsourced.replace(unsourced.find(",\n"), std::string::npos, "}");
    const std::string unsourced_text = one_case(R"({"id": "a-case", "title": "T", "learning_point": "L", "inputs": {"indication": "ra"}, "ask": ["verdict"]})");
    CHECK_FALSE(load_with(unsourced_text).errors.empty());
}
