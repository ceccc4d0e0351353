#include "test_helpers.hpp"

#include "request.hpp"

using nlohmann::json;

namespace {
std::string first_field(const std::string& text) {
    const auto parsed = core::parse_request(text, db().renal_methods.umol_l_per_mg_dl);
    REQUIRE_FALSE(parsed.errors.empty());
    return parsed.errors.front().field;
}
json base() { return nomid_child(); }
}  // namespace

TEST_CASE("a minimal request parses with defaults") {
    const auto parsed = core::parse_request(base().dump(), db().renal_methods.umol_l_per_mg_dl);
    REQUIRE(parsed.request.has_value());
    CHECK(parsed.request->drug == "anakinra");
    CHECK(parsed.request->region == core::Region::Us);
    CHECK(parsed.request->escalation_step_mg_per_kg == 0.5);
    CHECK_FALSE(parsed.request->prescribed.has_value());
}

TEST_CASE("malformed JSON and non-objects are request errors") {
    CHECK(first_field("{") == "request");
    CHECK(first_field("[1,2]") == "request");
    CHECK(first_field("") == "request");
    CHECK(first_field("{\"a\":NaN}") == "request");
    CHECK(first_field("{\"a\":1e999}") == "request");
}

TEST_CASE("weight must be present, numeric, positive and plausible") {
    json r = base();
    r["patient"].erase("weight");
    CHECK(first_field(r.dump()) == "patient.weight");
    for (const json& bad : {json("20"), json(0), json(-5), json(351), json(nullptr), json::array()}) {
        r = base();
        r["patient"]["weight"]["value"] = bad;
        CAPTURE(bad.dump());
        CHECK(first_field(r.dump()) == "patient.weight");
    }
    r = base();
    r["patient"]["weight"]["value"] = 780;  // 353.8 kg
    r["patient"]["weight"]["unit"] = "lb";
    CHECK(first_field(r.dump()) == "patient.weight");
}

TEST_CASE("the weight unit must be kg or lb") {
    json r = base();
    r["patient"]["weight"]["unit"] = "stone";
    const auto parsed = core::parse_request(r.dump(), db().renal_methods.umol_l_per_mg_dl);
    REQUIRE(parsed.errors.size() == 1);
    CHECK(parsed.errors[0].field == "patient.weight");
    CHECK(parsed.errors[0].message.find("kg, lb") != std::string::npos);
}

TEST_CASE("unknown keys are errors at every level") {
    json r = base();
    r["dose"] = 5;
    CHECK(first_field(r.dump()) == "dose");
    r = base();
    r["patient"]["weight_kg"] = 20;
    CHECK(first_field(r.dump()) == "patient.weight_kg");
    r = base();
    r["safety"] = {{"smoker", true}};
    CHECK(first_field(r.dump()) == "safety.smoker");
}

TEST_CASE("renal function takes exactly one form") {
    json r = base();
    r["patient"]["renal"] = {{"crcl_ml_min", 40}, {"esrd", true}};
    CHECK(first_field(r.dump()) == "patient.renal");
    r["patient"]["renal"] = json::object();
    CHECK(first_field(r.dump()) == "patient.renal");
    r["patient"]["renal"] = {{"esrd", false}};
    CHECK(first_field(r.dump()) == "patient.renal.esrd");
    r["patient"]["renal"] = {{"crcl_ml_min", 0}};
    CHECK(first_field(r.dump()) == "patient.renal.crcl_ml_min");
}

TEST_CASE("creatinine units and plausibility") {
    json r = base();
    r["patient"]["renal"] = {{"scr", {{"value", 21}, {"unit", "mg/dL"}}}};
    CHECK(first_field(r.dump()) == "patient.renal.scr");
    r["patient"]["renal"] = {{"scr", {{"value", 1.1}, {"unit", "mmol/L"}}}};
    CHECK(first_field(r.dump()) == "patient.renal.scr");
    r["patient"]["renal"] = {{"scr", {{"value", 97}, {"unit", "µmol/L"}}}};
    const auto parsed = core::parse_request(r.dump(), db().renal_methods.umol_l_per_mg_dl);
    REQUIRE(parsed.request.has_value());
    CHECK(parsed.request->patient.renal.scr_unit == core::ScrUnit::UmolL);
    r["patient"]["renal"] = {{"scr", {{"value", 1800}, {"unit", "umol/L"}}}};  // 20.4 mg/dL
    CHECK(first_field(r.dump()) == "patient.renal.scr");
}

TEST_CASE("a prescribed order needs a dose and exactly one frequency") {
    json r = base();
    r["prescribed"] = {{"dose_mg", 40}};
    CHECK(first_field(r.dump()) == "prescribed");
    r["prescribed"] = {{"dose_mg", 40}, {"doses_per_day", 2}, {"every_hours", 12}};
    CHECK(first_field(r.dump()) == "prescribed");
    r["prescribed"] = {{"dose_mg", 40}, {"doses_per_day", 1.5}};
    CHECK(first_field(r.dump()) == "prescribed.doses_per_day");
    r["prescribed"] = {{"dose_mg", -40}, {"doses_per_day", 1}};
    CHECK(first_field(r.dump()) == "prescribed.dose_mg");
    r["prescribed"] = {{"dose_mg", 40}, {"every_hours", 0}};
    CHECK(first_field(r.dump()) == "prescribed.every_hours");
}

TEST_CASE("every error is reported, not just the first") {
    json r = base();
    r["patient"]["weight"]["value"] = -1;
    r["patient"]["height_cm"] = 900;
    r["region"] = "uk";
    const auto parsed = core::parse_request(r.dump(), db().renal_methods.umol_l_per_mg_dl);
    CHECK(parsed.errors.size() == 3);
}

TEST_CASE("a start date must be a real calendar date") {
    json r = base();
    r["safety"] = {{"start_date", "2026-02-30"}};
    CHECK(first_field(r.dump()) == "safety.start_date");
    r["safety"] = {{"start_date", 20260201}};
    CHECK(first_field(r.dump()) == "safety.start_date");
}

TEST_CASE("invalid UTF-8 in an unknown key is reported without throwing") {
    const std::string text = "{\"indication\":\"nomid\",\"patient\":{\"weight\":{\"value\":20,\"unit\":\"kg\"}},\"\xC3\x28\":1}";
    const auto result = core::evaluate_json(text, db());
    CHECK(result.exit_code == 2);
}

TEST_CASE("a key given twice is refused at every level, naming the field (the last value never wins)") {
    const std::string weight = R"({"indication":"nomid","patient":{"weight":{"value":20,"value":200,"unit":"kg"}}})";
    CHECK(first_field(weight) == "patient.weight.value");
    const auto result = core::evaluate_json(weight, db());
    CHECK(result.exit_code == 2);
    const std::string flag =
        R"({"indication":"nomid","patient":{"weight":{"value":20,"unit":"kg"}},"safety":{"ecoli_hypersensitivity":true,"ecoli_hypersensitivity":false}})";
    CHECK(first_field(flag) == "safety.ecoli_hypersensitivity");
    CHECK(first_field(R"({"drug":"anakinra","indication":"nomid","drug":"canakinumab","patient":{"weight":{"value":20,"unit":"kg"}}})") ==
          "drug");
    CHECK(first_field(R"({"indication":"nomid","patient":{"weight":{"value":20,"unit":"kg"}},"patient":{}})") == "patient");
}

TEST_CASE("text after the JSON value is an error, even after a NUL byte; whitespace is not") {
    const std::string ok = R"({"indication":"nomid","patient":{"weight":{"value":20,"unit":"kg"}}})";
    CHECK(first_field(ok + " x") == "request");
    CHECK(first_field(ok + "{}") == "request");
    CHECK(first_field(ok + std::string(1, '\0') + R"({"weight":{"value":200}})") == "request");
    CHECK(first_field(std::string(1, '\0') + ok) == "request");
    CHECK(core::parse_request(ok + " \n\t ", db().renal_methods.umol_l_per_mg_dl).errors.empty());
    const auto result = core::evaluate_json(ok + std::string(1, '\0') + "x", db());
    CHECK(result.exit_code == 2);
    CHECK(result.json.find("NUL") != std::string::npos);
}

TEST_CASE("an order may say how long it runs, and a single dose needs no frequency") {
    json r = base();
    r["prescribed"] = {{"dose_mg", 100}, {"total_doses", 1}};
    CHECK(core::parse_request(r.dump(), db().renal_methods.umol_l_per_mg_dl).errors.empty());
    r["prescribed"] = {{"dose_mg", 100}, {"doses_per_day", 1}, {"days", 10}};
    CHECK(core::parse_request(r.dump(), db().renal_methods.umol_l_per_mg_dl).errors.empty());
    r["prescribed"] = {{"dose_mg", 100}, {"doses_per_day", 1}, {"days", 10}, {"total_doses", 10}};
    CHECK(first_field(r.dump()) == "prescribed");
    r["prescribed"] = {{"dose_mg", 100}, {"total_doses", 3}};
    CHECK(first_field(r.dump()) == "prescribed");  // three doses need a frequency
    r["prescribed"] = {{"dose_mg", 100}, {"every_hours", 8}, {"total_doses", 2.5}};
    CHECK(first_field(r.dump()) == "prescribed.total_doses");
    r["prescribed"] = {{"dose_mg", 0.01}, {"doses_per_day", 1}};
    CHECK(first_field(r.dump()) == "prescribed.dose_mg");  // below 0.1 mg is not a plausible order
}

TEST_CASE("on_treatment must be true or false") {
    json r = base();
    r["safety"] = {{"on_treatment", "yes"}};
    CHECK(first_field(r.dump()) == "safety.on_treatment");
    r["safety"] = {{"on_treatment", true}};
    CHECK(core::parse_request(r.dump(), db().renal_methods.umol_l_per_mg_dl).errors.empty());
}

TEST_CASE("weight_confirmed must be true or false, and defaults to false") {
    json r = base();
    CHECK_FALSE(core::parse_request(r.dump(), db().renal_methods.umol_l_per_mg_dl).request->patient.weight_confirmed);
    for (const json& bad : {json("yes"), json(1), json(nullptr)}) {
        r["patient"]["weight_confirmed"] = bad;
        CAPTURE(bad.dump());
        CHECK(first_field(r.dump()) == "patient.weight_confirmed");
    }
    r["patient"]["weight_confirmed"] = true;
    const auto parsed = core::parse_request(r.dump(), db().renal_methods.umol_l_per_mg_dl);
    REQUIRE(parsed.errors.empty());
    CHECK(parsed.request->patient.weight_confirmed);
}

TEST_CASE("a request with thousands of errors lists 50 and counts the rest") {
    json req = nomid_child();
    for (int i = 0; i < 5000; ++i) req["k" + std::to_string(i)] = 1;
    const json r = run(req);
    CHECK(r["ok"] == false);
    REQUIRE(r["errors"].size() == 51);
    CHECK(r["errors"][50] == json({{"field", "request"}, {"message", "4950 more errors are not listed."}}));
}

TEST_CASE("echoed input is bounded: long keys and values shortened, nested values named, never printed") {
    json req = nomid_child();
    req[std::string(100000, 'k')] = 1;
    req["region"] = std::string(100000, 'r');
    std::string nested = "{\"indication\":\"nomid\",\"patient\":{\"weight\":{\"value\":20,\"unit\":\"kg\"}},\"region\":" +
                         std::string(200000, '[') + std::string(200000, ']') + "}";
    const json deep = run_text(nested);
    CHECK(deep["ok"] == false);
    CHECK(deep["errors"][0]["message"].get<std::string>().find("(a list)") != std::string::npos);
    const json r = run(req);
    CHECK(r.dump().size() < 1000);
}

TEST_CASE("an oversized request is refused with the CLI's shape") {
    const json r = json::parse(core::refuse_oversized_request(10485760, 262144, db()).json);
    CHECK(r["ok"] == false);
    CHECK(r["errors"][0]["field"] == "request");
    CHECK(r["errors"][0]["message"] == "The request is 10485760 bytes; at most 262144 bytes (256 KB) are read. Nothing was computed.");
    CHECK(core::refuse_oversized_request(0, 1048576, db()).exit_code == 2);
}
