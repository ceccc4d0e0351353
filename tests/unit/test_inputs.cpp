// The input model (src/ui/inputs, fields): one table, one serialisation, every way in bounded.
#include "test_helpers.hpp"

#include "inputs.hpp"
#include "outputs.hpp"
#include "summary.hpp"

#include "response_json.hpp"

#include <regex>
#include <set>

using nlohmann::json;

namespace {

// Every field of the table set to something other than its blank value.
ui::Inputs everything() {
    ui::Inputs in;
    const ui::Params params = {{"indication", "caps"}, {"region", "eu"}, {"route", "SC"}, {"weight", "28,5"},
                               {"weight_unit", "lb"}, {"age", "30"}, {"age_unit", "months"}, {"sex", "female"},
                               {"height_cm", "95"}, {"scr", "45"}, {"scr_unit", "umol/L"}, {"step", "1"},
                               {"dose_mg", "25"}, {"every_hours", "48"}, {"anc_per_mm3", "2500"},
                               {"platelets_per_mm3", "150000"}, {"alt_ast_x_uln", "1.5"}, {"start_date", "2026-12-01"}};
    for (const auto& [k, v] : params) REQUIRE(ui::set_field(in, k, v) == ui::SetOutcome::Set);
    for (const auto& flag : core::safety_flag_names()) REQUIRE(ui::set_field(in, flag, "1") == ui::SetOutcome::Set);
    return in;
}

// Two inputs hold the same state when they serialise alike and ask the core the same thing.
void same_state(const ui::Inputs& a, const ui::Inputs& b) {
    CHECK(ui::params_from_inputs(a) == ui::params_from_inputs(b));
    CHECK(ui::build_request(a).request == ui::build_request(b).request);
    CHECK(a.problems == b.problems);
}

// A valid value of each field's kind, for sweeping the whole table.
std::string sample(const ui::Field& f) {
    switch (f.kind) {
        case ui::FieldKind::Choice: return f.options.back().value;
        case ui::FieldKind::Identifier: return f.name == "drug" ? "tocilizumab" : "caps";
        case ui::FieldKind::Number: return "12,5";
        case ui::FieldKind::Date: return "2026-12-01";
        case ui::FieldKind::Flag: return "1";
        case ui::FieldKind::Page: return "1";
        case ui::FieldKind::List: return "ceiling_mg_per_day,verdict";
        case ui::FieldKind::Answer: return "12,5 mg";
    }
    return "";
}

}  // namespace

TEST_CASE("the field table declares each input once, with a label, and covers the core's safety names") {
    std::set<std::string> names;
    const std::regex shape("[a-z0-9_]{1,32}");
    size_t inputs = 0;
    for (const auto& f : ui::input_fields()) {
        CHECK(names.insert(f.name).second);
        CHECK(std::regex_match(f.name, shape));
        CHECK(!f.label.empty());
        if (f.kind != ui::FieldKind::Page) {
            ++inputs;
            CHECK(!f.error_path.empty());
        }
        if (f.kind == ui::FieldKind::Choice) {
            CHECK(!f.options.empty());
            bool default_listed = false;
            for (const auto& o : f.options) default_listed = default_listed || o.value == f.default_value;
            CHECK_MESSAGE(default_listed, f.name);
        }
    }
    for (const auto& flag : core::safety_flag_names()) {
        REQUIRE(ui::find_field(flag) != nullptr);
        CHECK(ui::field(flag).label != flag);  // a real checkbox label
    }
    for (const auto& lab : core::safety_labs()) {
        REQUIRE(ui::find_field(lab.id) != nullptr);
        CHECK(ui::field(lab.id).label != lab.id);
    }
    for (const char* used : {"drug", "indication", "region", "route", "weight", "weight_unit", "age", "age_unit", "sex",
                             "height_cm", "crcl", "scr", "scr_unit", "esrd", "step", "dose_mg", "doses_per_day",
                             "every_hours", "start_date", "embed", "parent_origin"})
        CHECK_MESSAGE(ui::find_field(used) != nullptr, used);
    // A link with every field still fits: alternatives (the renal measures, the frequencies)
    // are one parameter at a time.
    std::set<std::string> groups;
    int alternatives = 0;
    for (const auto& f : ui::input_fields())
        if (!f.group.empty()) {
            ++alternatives;
            groups.insert(f.group);
        }
    CHECK(static_cast<int>(inputs) - alternatives + static_cast<int>(groups.size()) + 2 <= static_cast<int>(ui::StateLimits::max_params));
    const json table = json::parse(ui::fields_json());
    CHECK(table["fields"].size() == ui::input_fields().size());
    CHECK(table["limits"]["max_params"] == 48);
    CHECK(table["limits"]["max_request_bytes"] == 256 * 1024);
    CHECK(table["limits"]["max_paste_bytes"] == 1024);
    CHECK(table["fields"][2]["options"][0] == json({{"value", "us"}, {"label", "US (FDA)"}}));
}

TEST_CASE("a blank form invents nothing: no weight, no indication, no dose") {
    const ui::Inputs blank;
    CHECK(ui::is_blank(blank));
    CHECK(ui::params_from_inputs(blank).empty());
    CHECK(blank.weight.empty());
    CHECK(blank.indication.empty());
    CHECK(blank.doses_per_day.empty());
    const core::Response r = ui::response_for(blank, db());
    CHECK_FALSE(r.ok);
    REQUIRE(r.errors.size() == 2);
    CHECK(r.errors[0].field == "indication");
    CHECK(r.errors[1].field == "patient.weight");
    const std::string text = ui::summary_text(r, blank, "2026-11-22 14:05");
    CHECK(text.rfind("Overall: NO DOSE - no patient entered", 0) == 0);
    CHECK(!std::regex_search(text, std::regex("\\d mg(?!/)")));  // no dose; "0.5 mg/kg" is the step
}

TEST_CASE("every field survives the URL fragment, storage, Share link and Export, one by one and all together") {
    for (const auto& f : ui::input_fields()) {
        if (f.kind == ui::FieldKind::Page) continue;
        ui::Inputs in;
        REQUIRE_MESSAGE(ui::set_field(in, f.name, sample(f)) == ui::SetOutcome::Set, f.name);
        REQUIRE_MESSAGE(!ui::params_from_inputs(in).empty(), f.name);
        same_state(ui::inputs_from_state(ui::state_string(in)).inputs, in);
    }
    const ui::Inputs in = everything();
    // URL fragment and Share link: the state string.
    const std::string state = ui::state_string(in);
    CHECK(state.find("weight=28%2C5") != std::string::npos);
    same_state(ui::inputs_from_state("#" + state).inputs, in);
    // An old "?..." link reads the same.
    same_state(ui::inputs_from_state("?" + state).inputs, in);
    // Local storage.
    const auto saved = ui::read_storage_record(ui::storage_record(in, "2026-11-22T14:05"));
    REQUIRE(saved);
    same_state(ui::inputs_from_state(saved->state).inputs, in);
    // Export JSON: {inputs, response, generated_at}.
    const core::Response r = ui::response_for(in, db());
    const json exported = json::parse(ui::export_json(in, core::evaluate_json(ui::build_request(in).request.dump(), db()).json,
                                                      {"2026-11-22 14:05", "2026-11-22T14:05:33+01:00", "20261122T130533Z"}));
    CHECK(exported.size() == 3);
    CHECK(exported["generated_at"] == "2026-11-22T14:05:33+01:00");
    CHECK(exported["response"]["ok"] == true);
    ui::Params back;
    for (auto it = exported["inputs"].begin(); it != exported["inputs"].end(); ++it) back.emplace_back(it.key(), it.value());
    same_state(ui::inputs_from_params(back).inputs, in);
    // Copy and Print: the summary names every input.
    const std::string text = ui::summary_text(r, in, "2026-11-22 14:05");
    for (const char* part : {"Indication caps", "Label EU (EMA)", "Route SC", "Weight 28,5 lb", "Age 30 months", "Sex female",
                             "Height 95 cm", "Serum creatinine 45 \xC2\xB5mol/L", "Step 1 mg/kg", "Prescribed dose 25 mg",
                             "Every (hours) 48 h", "ANC 2500", "Platelets 150000", "ALT/AST 1.5", "Start date 2026-12-01",
                             "E. coli protein hypersensitivity", "Breastfeeding", "Generated 2026-11-22 14:05"})
        CHECK_MESSAGE(text.find(part) != std::string::npos, part << "\n" << text);
}

TEST_CASE("the request carries every input to its place in the core's request") {
    const json req = ui::build_request(everything()).request;
    CHECK(req["indication"] == "caps");
    CHECK(req["region"] == "eu");
    CHECK(req["route"] == "SC");
    CHECK(req["patient"]["weight"] == json({{"value", 28.5}, {"unit", "lb"}}));
    CHECK(req["patient"]["renal"] == json({{"scr", {{"value", 45.0}, {"unit", "umol/L"}}}}));
    CHECK(req["escalation_step_mg_per_kg"] == 1);
    CHECK(req["prescribed"] == json({{"dose_mg", 25.0}, {"every_hours", 48.0}}));
    CHECK(req["safety"]["ecoli_hypersensitivity"] == true);
    CHECK(req["safety"]["platelets_per_mm3"] == 150000.0);
    CHECK(req["safety"]["alt_ast_x_uln"] == 1.5);
    CHECK(req["safety"]["start_date"] == "2026-12-01");
}

TEST_CASE("a decimal comma is a decimal point where unambiguous, and an error otherwise") {
    CHECK(*ui::read_decimal("14,5").value == 14.5);
    CHECK(*ui::read_decimal("0,9").value == 0.9);
    CHECK(*ui::read_decimal("0,125").value == 0.125);     // never a thousands group after 0
    CHECK(*ui::read_decimal("1234,5").value == 1234.5);   // 4 digits before: not a group
    CHECK(*ui::read_decimal(" 20 ").value == 20);
    for (const char* ambiguous : {"1,234", "12,500", "1.234,5", "1,2,3"}) {
        const auto d = ui::read_decimal(ambiguous);
        CHECK_MESSAGE(!d.value, ambiguous);
        CHECK_MESSAGE(!d.error.empty(), ambiguous);
    }
    CHECK(ui::read_decimal("1,234").error.find("1234 or 1.234") != std::string::npos);
    CHECK(!ui::read_decimal("--").value);
    CHECK(ui::read_decimal("--").error.empty());  // not a number: the core names the field

    ui::Inputs in;
    ui::set_field(in, "indication", "nomid");
    ui::set_field(in, "weight", "14,5");
    ui::set_field(in, "scr", "0,9");
    ui::set_field(in, "age", "6");
    ui::set_field(in, "height_cm", "110");
    core::Response r = ui::response_for(in, db());
    REQUIRE(r.ok);
    CHECK(r.patient.weight_kg == 14.5);
    CHECK(*r.renal.scr_mg_dl == 0.9);
    ui::set_field(in, "weight", "1,234");
    r = ui::response_for(in, db());
    CHECK_FALSE(r.ok);
    REQUIRE(!r.errors.empty());
    CHECK(r.errors[0].field == "patient.weight");
    CHECK(r.errors[0].message.find("could mean 1234 or 1.234") != std::string::npos);
    CHECK(r.errors.size() == 1);  // the core's own complaint about the missing weight is not repeated
}

TEST_CASE("outside values are held to their field: refused values leave a problem and no dose") {
    ui::Inputs in;
    CHECK(ui::set_field(in, "indication", "nomid") == ui::SetOutcome::Set);
    CHECK(ui::set_field(in, "weight", "20") == ui::SetOutcome::Set);
    CHECK(ui::response_for(in, db()).ok);
    CHECK(ui::set_field(in, "weigth", "20") == ui::SetOutcome::Unknown);
    CHECK(ui::set_field(in, "parent_origin", "https://x.example") == ui::SetOutcome::Page);
    struct Case {
        const char* name;
        std::string value;
        const char* words;
    };
    const Case cases[] = {
        {"sex", "\xE2\x9C\x93 OK (pharmacy verified)", "must be one of"},
        {"region", "xx", "must be one of"},
        {"weight", "20 kg", "must be a number"},
        {"weight", "\xFF", "not valid text"},
        {"weight", "2\xE2\x80\xAE" "0", "hidden or control"},      // a right-to-left override
        {"weight", "20\n", "hidden or control"},
        {"start_date", "1 Dec", "YYYY-MM-DD"},
        {"indication", "<script>", "not a known id"},
        {"asthma", "maybe", "1 (yes) or 0 (no)"},
        {"dose_mg", std::string(65, '1'), "too long"},
    };
    for (const auto& c : cases) {
        ui::Inputs bad = in;
        CHECK_MESSAGE(ui::set_field(bad, c.name, c.value) == ui::SetOutcome::Refused, c.name);
        REQUIRE(bad.problems.count(c.name));
        CHECK_MESSAGE(bad.problems.at(c.name).find(c.words) != std::string::npos, bad.problems.at(c.name));
        CHECK(ui::state_string(bad).find(c.value) == std::string::npos);  // the refused text is not kept
        const core::Response r = ui::response_for(bad, db());
        CHECK_FALSE(r.ok);  // no dose while a value is refused
        CHECK(r.errors[0].field == ui::field(c.name).error_path);
        // Editing the field (or setting it again) lifts the refusal.
        ui::touch_field(bad, c.name);
        CHECK(bad.problems.empty());
    }
}

TEST_CASE("a link is read as data: unknown names counted, repeats and rival alternatives refused, size bounded") {
    const auto forged = ui::inputs_from_state(
        "indication=nomid&weight=20&dose_mg=90&doses_per_day=2&%E2%9C%93%20OK%20%0A%0A(pharmacy%20verified)=1&x=2");
    CHECK(forged.report.unknown == 2);
    CHECK(forged.report.refused.empty());
    const core::Response r = ui::response_for(forged.inputs, db());
    REQUIRE(r.ok);
    const std::string text = ui::summary_text(r, forged.inputs, "now");
    CHECK(text.rfind("Overall: EXCEEDS", 0) == 0);
    CHECK(text.find("pharmacy") == std::string::npos);

    const auto twice = ui::inputs_from_state("indication=nomid&weight=20&weight=30");
    CHECK(twice.inputs.problems.count("weight"));
    CHECK(twice.inputs.weight.empty());
    CHECK_FALSE(ui::response_for(twice.inputs, db()).ok);

    auto rivals = ui::inputs_from_state("indication=nomid&weight=20&crcl=25&scr=1.2");
    CHECK(rivals.inputs.problems.count("renal"));
    CHECK(rivals.inputs.renal == ui::RenalKind::None);
    const core::Response rr = ui::response_for(rivals.inputs, db());
    CHECK_FALSE(rr.ok);
    CHECK(rr.errors[0].field == "patient.renal");
    ui::touch_field(rivals.inputs, "renal");
    CHECK(rivals.inputs.problems.empty());
    // esrd=0 chooses nothing, so creatinine stays the one renal measure.
    const auto not_esrd = ui::inputs_from_state("indication=dira&weight=12&age=2&scr=0.4&height_cm=85&esrd=0");
    CHECK(not_esrd.inputs.problems.empty());
    CHECK(not_esrd.inputs.renal == ui::RenalKind::Scr);

    std::string many;
    for (int i = 0; i < 49; ++i) many += "&p" + std::to_string(i) + "=1";
    const auto crowded = ui::inputs_from_state(many);
    CHECK(crowded.report.refused.find("49 parameters") != std::string::npos);
    CHECK(ui::is_blank(crowded.inputs));
    const auto huge = ui::inputs_from_state("weight=" + std::string(1400000, '9'));
    CHECK(huge.report.refused.find("too long") != std::string::npos);
    CHECK(ui::is_blank(huge.inputs));
}

TEST_CASE("invalid UTF-8 in a link is a field error, never a crash") {
    const auto from = ui::inputs_from_state("#indication=nomid&weight=%FF");
    CHECK(from.inputs.problems.count("weight"));
    const core::Response r = ui::response_for(from.inputs, db());
    CHECK_FALSE(r.ok);
    CHECK(r.errors[0].field == "patient.weight");
    CHECK(ui::state_string(from.inputs) == "indication=nomid");
    CHECK(!ui::summary_text(r, from.inputs, "now").empty());
    CHECK(!ui::export_json(from.inputs, core::response_to_json(r, db()), {}).empty());
}

TEST_CASE("page parameters stay out of the state and in the query") {
    const ui::Params params = ui::parse_query_string("?embed=1&parent_origin=https%3A%2F%2Fa.example&weight=20");
    CHECK(ui::page_params(params) == ui::Params{{"embed", "1"}, {"parent_origin", "https://a.example"}});
    CHECK(ui::has_input_params(params));
    CHECK_FALSE(ui::has_input_params(ui::page_params(params)));
    const auto from = ui::inputs_from_params(params);
    CHECK(from.report.unknown == 0);
    CHECK(ui::state_string(from.inputs) == "weight=20");
}

TEST_CASE("query strings encode and decode special characters") {
    const ui::Params p = {{"a b", "x&y=z"}, {"u", "\xC2\xB5mol/L"}};
    CHECK(ui::parse_query_string(ui::query_string(p)) == p);
    CHECK(ui::parse_query_string("?x=1+2&y=%41") == ui::Params{{"x", "1 2"}, {"y", "A"}});
    CHECK(ui::parse_query_string("#y=%4") == ui::Params{{"y", "%4"}});
}

TEST_CASE("the frequency and renal choices survive without their values") {
    ui::Inputs in;
    ui::set_field(in, "every_hours", "");
    CHECK(in.frequency == ui::Frequency::EveryHours);
    ui::set_field(in, "crcl", "");
    CHECK(in.renal == ui::RenalKind::Crcl);
    const ui::Inputs back = ui::inputs_from_state(ui::state_string(in)).inputs;
    CHECK(back.frequency == ui::Frequency::EveryHours);
    CHECK(back.renal == ui::RenalKind::Crcl);
    ui::set_field(in, "indication", "nomid");
    ui::set_field(in, "weight", "20");
    ui::set_field(in, "dose_mg", "40");
    const core::Response r = ui::response_for(in, db());
    CHECK_FALSE(r.ok);
    std::set<std::string> fields;
    for (const auto& e : r.errors) fields.insert(e.field);
    CHECK(fields.count("prescribed.every_hours"));
    CHECK(fields.count("patient.renal.crcl_ml_min"));
}

TEST_CASE("an error path is named by the control a person sees, never by the path") {
    CHECK(ui::error_subject("patient.weight") == "Weight");
    CHECK(ui::error_subject("patient.weight.value") == "Weight");
    CHECK(ui::error_subject("prescribed.doses_per_day") == "Doses per day");
    CHECK(ui::error_subject("patient.renal") == "Renal function");  // the choice, not the ESRD flag sharing the path
    CHECK(ui::error_subject("patient.renal.scr") == "Serum creatinine");
    CHECK(ui::error_line("patient.weight", "Weight must be greater than 0.") == "Weight must be greater than 0.");
    CHECK(ui::error_line("route", "Unknown route \"PO\": use one of SC, IV.") == "Route: Unknown route \"PO\": use one of SC, IV.");
}
