#include "test_helpers.hpp"

#include "inputs.hpp"
#include "summary.hpp"

using nlohmann::json;

TEST_CASE("URL parameters become inputs and a request") {
    const auto from = ui::inputs_from_params(ui::parse_query_string(
        "?indication=dira&region=us&weight=44&weight_unit=lb&age=5&age_unit=years&crcl=25&dose_mg=40&doses_per_day=2"));
    CHECK(from.unknown.empty());
    const json req = ui::request_from_inputs(from.inputs);
    CHECK(req["indication"] == "dira");
    CHECK(req["patient"]["weight"] == json({{"value", 44.0}, {"unit", "lb"}}));
    CHECK(req["patient"]["renal"]["crcl_ml_min"] == 25.0);
    CHECK(req["prescribed"] == json({{"dose_mg", 40.0}, {"doses_per_day", 2.0}}));
}

TEST_CASE("a non-numeric URL value stays text, so the core names the field") {
    const auto from = ui::inputs_from_params(ui::parse_query_string("weight=abc&indication=nomid"));
    const json r = run(ui::request_from_inputs(from.inputs));
    CHECK(r["ok"] == false);
    CHECK(r["errors"][0]["field"] == "patient.weight");
    CHECK(from.inputs.weight == "abc");  // kept as typed, never replaced
}

TEST_CASE("unknown URL parameters are reported") {
    const auto from = ui::inputs_from_params(ui::parse_query_string("weigth=20&indication=nomid"));
    REQUIRE(from.unknown.size() == 1);
    CHECK(from.unknown[0] == "weigth");
}

TEST_CASE("inputs survive a round trip through the URL and through local storage") {
    ui::Inputs in;
    in.indication = "caps";
    in.region = "eu";
    in.weight = "12.5";
    in.renal = ui::RenalKind::Scr;
    in.scr = "45";
    in.scr_unit = "umol/L";
    in.dose_mg = "25";
    in.frequency = ui::Frequency::EveryHours;
    in.every_hours = "48";
    in.safety_flags["asthma"] = true;
    const std::string query = ui::query_string(ui::params_from_inputs(in));
    const auto back = ui::inputs_from_params(ui::parse_query_string(query)).inputs;
    CHECK(ui::request_from_inputs(back)["patient"] == ui::request_from_inputs(in)["patient"]);
    CHECK(ui::request_from_inputs(back)["prescribed"] == ui::request_from_inputs(in)["prescribed"]);
    const auto stored = ui::inputs_from_json(json::parse(ui::inputs_to_json(in).dump()));
    CHECK(ui::request_from_inputs(stored) == ui::request_from_inputs(in));
    CHECK(ui::inputs_from_json(json::parse("[1]")).indication == "nomid");  // junk in storage: defaults
}

TEST_CASE("query strings encode and decode special characters") {
    const ui::Params p = {{"a b", "x&y=z"}, {"u", "\xC2\xB5mol/L"}};
    CHECK(ui::parse_query_string(ui::query_string(p)) == p);
    CHECK(ui::parse_query_string("?x=1+2&y=%41") == ui::Params{{"x", "1 2"}, {"y", "A"}});
}

TEST_CASE("the summary names the indication, weight, renal state, range, ceiling and verdict") {
    json req = nomid_child(20);
    req["patient"]["renal"] = {{"crcl_ml_min", 25}};
    req["prescribed"] = {{"dose_mg", 170}, {"every_hours", 48}};
    const auto response = core::evaluate_text(req.dump(), db());
    const std::string text = ui::summary_text(response);
    CHECK(text.find("NOMID") != std::string::npos);
    CHECK(text.find("Weight 20 kg") != std::string::npos);
    CHECK(text.find("CrCl 25 mL/min") != std::string::npos);
    CHECK(text.find("every 48 h") != std::string::npos);
    CHECK(text.find("20 mg to 40 mg per day") != std::string::npos);
    CHECK(text.find("Ceiling: 160 mg per day") != std::string::npos);
    CHECK(text.find("EXCEEDS") != std::string::npos);
}

TEST_CASE("the summary of invalid input lists the errors and no dose") {
    json req = nomid_child();
    req["patient"]["weight"]["value"] = -2;
    const std::string text = ui::summary_text(core::evaluate_text(req.dump(), db()));
    CHECK(text.find("patient.weight") != std::string::npos);
    CHECK(text.find(" mg") == std::string::npos);
}
