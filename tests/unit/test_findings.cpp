// The answer as a whole: one verdict, each finding once and in words, every source listed,
// nothing entered passed over in silence.
#include "test_helpers.hpp"

#include "inputs.hpp"
#include "summary.hpp"
#include "verdict.hpp"

#include <filesystem>
#include <fstream>

#include <functional>
#include <regex>
#include <set>

using nlohmann::json;

namespace {

// Every finding anywhere in a response (patient, check, comparators).
std::vector<json> all_findings(const json& r) {
    std::vector<json> out;
    for (const auto& f : r["findings"]) out.push_back(f);
    if (r["check"].is_object())
        for (const auto& f : r["check"]["findings"]) out.push_back(f);
    for (const auto& c : r["comparators"])
        for (const auto& f : c["findings"]) out.push_back(f);
    return out;
}

json busy_request() {
    json req = {{"indication", "dira"},
                {"region", "eu"},
                {"patient", {{"weight", {{"value", 20}, {"unit", "kg"}}}, {"age", {{"value", 3}, {"unit", "years"}}},
                             {"renal", {{"crcl_ml_min", 25}}}}},
                {"prescribed", {{"dose_mg", 40}, {"doses_per_day", 2}}},
                {"safety", {{"tb_history", true}, {"pregnancy", true}, {"anc_per_mm3", 1200}, {"platelets_per_mm3", 90000}}}};
    return req;
}

}  // namespace

TEST_CASE("a contraindication makes the overall verdict contraindicated, beside any dose check") {
    json req = nomid_child();
    req["prescribed"] = {{"dose_mg", 40}, {"doses_per_day", 1}};
    CHECK(run(req)["verdict"] == "ok");
    req["safety"] = {{"ecoli_hypersensitivity", true}};
    const json r = run(req);
    CHECK(r["check"]["status"] == "ok");  // the dose itself
    CHECK(r["verdict"] == "contraindicated");
    CHECK(r["verdict_reason"].get<std::string>().find("E. coli") != std::string::npos);
    // The summary says it first (for a form that is not blank).
    ui::Inputs entered;
    ui::set_field(entered, "weight", "20");
    const std::string text = ui::summary_text(core::evaluate_text(req.dump(), db()), entered, "");
    CHECK(text.rfind("Overall: CONTRAINDICATED", 0) == 0);
}

TEST_CASE("an active infection before starting is a contraindication, on treatment a caution") {
    json req = nomid_child();
    req["safety"] = {{"active_infection", true}};
    CHECK(run(req)["verdict"] == "contraindicated");
    req["safety"]["on_treatment"] = true;
    CHECK(run(req)["verdict"] == "caution");
}

TEST_CASE("ANC is graded by the label's thresholds: tocilizumab start, interrupt and discontinue") {
    json req = {{"drug", "tocilizumab"},
                {"indication", "ra"},
                {"route", "IV"},
                {"patient", {{"weight", {{"value", 60}, {"unit", "kg"}}}, {"age", {{"value", 50}, {"unit", "years"}}}}}};
    auto first_anc = [&](double anc, bool on_treatment) {
        req["safety"] = {{"anc_per_mm3", anc}, {"on_treatment", on_treatment}};
        const json r = run(req);
        for (const auto& f : r["findings"])
            if (f["code"] == "TCZ_ANC_LOW") return f["message"].get<std::string>();
        return std::string();
    };
    CHECK(first_anc(2000, false).empty());
    CHECK(first_anc(1999, false).find("Do not start") != std::string::npos);
    CHECK(first_anc(1500, true).empty());  // on treatment, above 1000: carry on
    CHECK(first_anc(800, true).find("interrupt") != std::string::npos);
    CHECK(first_anc(400, true).find("discontinue") != std::string::npos);
}

TEST_CASE("every flag without a rule for the drug is named by NOT_EVALUATED, in words") {
    json req = {{"drug", "canakinumab"},
                {"indication", "caps"},
                {"patient", {{"weight", {{"value", 70}, {"unit", "kg"}}}, {"age", {{"value", 30}, {"unit", "years"}}}}},
                {"safety", {{"asthma", true}, {"pregnancy", true}, {"breastfeeding", false}, {"anc_per_mm3", 400}}}};
    const json r = run(req);
    std::string message;
    for (const auto& f : r["findings"])
        if (f["code"] == "NOT_EVALUATED") message = f["message"];
    CHECK(message.find("asthma") != std::string::npos);
    CHECK(message.find("pregnancy") != std::string::npos);
    CHECK(message.find("ANC") != std::string::npos);
    CHECK(message.find("breastfeeding") == std::string::npos);  // not set: nothing to evaluate
    CHECK(message.find("anc_per_mm3") == std::string::npos);    // words, not the request's keys
    CHECK(r["findings_status"] == "caution");
}

TEST_CASE("each finding appears in one list only, and no UNVERIFIED_RULE twice") {
    const json r = run(busy_request());
    std::multiset<std::string> keys;
    for (const auto& f : r["findings"]) keys.insert(f["code"].get<std::string>() + "|" + f["message"].get<std::string>());
    for (const auto& f : r["check"]["findings"]) keys.insert(f["code"].get<std::string>() + "|" + f["message"].get<std::string>());
    for (const auto& k : keys) CHECK_MESSAGE(keys.count(k) == 1, k);
}

TEST_CASE("an unverified split rule does not grade a once-daily order, only a divided one") {
    json req = {{"indication", "caps"},
                {"region", "eu"},
                {"patient", {{"weight", {{"value", 30}, {"unit", "kg"}}}, {"age", {{"value", 9}, {"unit", "years"}}}}},
                {"prescribed", {{"dose_mg", 60}, {"doses_per_day", 1}}}};
    json r = run(req);
    CHECK(r["check"]["status"] == "ok");
    CHECK(has_code(r["findings"], "UNVERIFIED_RULE"));  // still said, as information
    for (const auto& f : r["findings"])
        if (f["code"] == "UNVERIFIED_RULE") CHECK(f["severity"] == "info");
    req["prescribed"] = {{"dose_mg", 30}, {"doses_per_day", 2}};
    r = run(req);
    CHECK(has_code(r["check"]["findings"], "UNVERIFIED_RULE"));
    CHECK_FALSE(has_code(r["findings"], "UNVERIFIED_RULE"));
}

TEST_CASE("messages meant for people carry no internal codes") {
    const std::regex code("\\b[A-Z]+_[A-Z_]+\\b");
    json newborn = nomid_child(3.2);
    newborn["patient"]["age"] = {{"value", 0}, {"unit", "months"}};
    json confirmed = nomid_child(145);
    confirmed["patient"]["weight_confirmed"] = true;
    for (const json& req : {busy_request(), newborn, confirmed}) {
        const json r = run(req);
        REQUIRE(r["ok"] == true);
        for (const auto& f : all_findings(r)) CHECK_MESSAGE(!std::regex_search(f["message"].get<std::string>(), code), f["message"]);
        CHECK(!std::regex_search(r["verdict_reason"].get<std::string>(), code));
    }
}

TEST_CASE("every source a finding cites is in the answer's sources, with the revision checked") {
    for (const json& req : {busy_request(), nomid_child()}) {
        const json r = run(req);
        for (const auto& f : all_findings(r))
            for (const auto& id : f["source"]["refs"]) {
                REQUIRE_MESSAGE(r["sources"].contains(id.get<std::string>()), id);
                CHECK_FALSE(r["sources"][id.get<std::string>()]["checked"].get<std::string>().empty());
            }
    }
}

TEST_CASE("no source is a mirror, redirector, bare IP address or AI site") {
    const std::regex bad("goto\\.php|[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+|droracle|fda\\.report|dcmfasthealth|120ty|butalbitalapap|"
                         "wikimd|indexarepository|pill2trip|themeditary|docslib|drugs-library|huggingface");
    for (const auto& [id, source] : db().sources) {
        const std::string where = id + " " + source.url;
        CHECK_MESSAGE(!std::regex_search(source.url, bad), where);
    }
}

TEST_CASE("a course stops the timeline and the exposure; a standing schedule does not") {
    json req = {{"indication", "covid19"},
                {"patient", {{"weight", {{"value", 80}, {"unit", "kg"}}}, {"age", {{"value", 55}, {"unit", "years"}}}}},
                {"exposure", {{"days", 28}, {"points_per_day", 2}}}};
    const json r = run(req);
    CHECK(r["comparators"][0]["timeline_days"].size() == 10);
    CHECK(r["comparators"][0]["administrations_per_year"].is_null());
    CHECK(r["exposure"][0]["doses"] == 10);
    CHECK(r["exposure"][0]["relative_concentration"].back().get<double>() < 1e-3);  // long after the last dose
    req["indication"] = "ra";
    const json ra = run(req);
    CHECK(ra["comparators"][0]["timeline_days"].size() == 84);
    CHECK(ra["comparators"][0]["administrations_per_year"] == 365);
}

TEST_CASE("an order's length is judged against the course: past it, or with no stop") {
    json req = {{"indication", "covid19"},
                {"patient", {{"weight", {{"value", 80}, {"unit", "kg"}}}, {"age", {{"value", 55}, {"unit", "years"}}}}},
                {"prescribed", {{"dose_mg", 100}, {"doses_per_day", 1}, {"days", 10}}}};
    CHECK(run(req)["check"]["status"] == "ok");
    req["prescribed"]["days"] = 11;
    CHECK(run(req)["check"]["status"] == "exceeds");  // a labelled (EUA) course
    req["indication"] = "gout";
    CHECK(run(req)["check"]["status"] == "caution");  // a studied, off-label course
    req["prescribed"].erase("days");
    CHECK(has_code(run(req)["check"]["findings"], "COURSE_OPEN_ENDED"));
}

TEST_CASE("an EU request is answered from EU data for every drug") {
    for (const char* indication : {"caps", "stills", "covid19", "crs", "ra", "gout", "fmf"}) {
        json req = {{"indication", indication},
                    {"region", "eu"},
                    {"patient", {{"weight", {{"value", 30}, {"unit", "kg"}}}, {"age", {{"value", 10}, {"unit", "years"}}}}}};
        const json r = run(req);
        if (!r["ok"]) continue;  // not an anakinra use in the EU
        for (const auto& c : r["comparators"]) CHECK_MESSAGE(c["region_note"] == "", indication);
    }
}

namespace {

// Every golden vector's request, evaluated (the widest set of answers the tests hold).
std::vector<json> golden_responses() {
    std::vector<json> out;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(DOSECHECK_SOURCE_DIR) + "/tests/golden")) {
        std::ifstream in(entry.path());
        const json vector = json::parse(in);
        if (vector.contains("request")) out.push_back(run(vector["request"]));
    }
    return out;
}

}  // namespace

TEST_CASE("every finding code in every golden answer is declared in data/findings.json") {
    for (const json& r : golden_responses())
        if (r["ok"] == true)
            for (const auto& f : all_findings(r)) CHECK_MESSAGE(db().findings.known(f["code"]), f["code"]);
}

TEST_CASE("a finding code appears once per answer (patient and check together), and once per comparator") {
    for (const json& r : golden_responses()) {
        if (r["ok"] != true) continue;
        std::set<std::string> codes;
        for (const auto& f : r["findings"]) CHECK_MESSAGE(codes.insert(f["code"]).second, f["code"]);
        if (r["check"].is_object())
            for (const auto& f : r["check"]["findings"]) CHECK_MESSAGE(codes.insert(f["code"]).second, f["code"]);
        for (const auto& c : r["comparators"]) {
            std::set<std::string> own;
            for (const auto& f : c["findings"]) CHECK_MESSAGE(own.insert(f["code"]).second, f["code"]);
        }
    }
}

TEST_CASE("findings with one code merge: worst severity first, both messages, sources combined, kept with the check") {
    core::Source a{{"a"}, "A 1", false, ""}, b{{"b", "a"}, "B 2", true, "note"};
    std::vector<core::Finding> patient = {{"X", core::Severity::Info, "first.", a}, {"Y", core::Severity::Info, "y.", a}};
    std::vector<core::Finding> check = {{"X", core::Severity::Caution, "second.", b}};
    core::merge_by_code(patient, &check);
    REQUIRE(patient.size() == 1);
    CHECK(patient[0].code == "Y");
    REQUIRE(check.size() == 1);
    CHECK(check[0].severity == core::Severity::Caution);
    CHECK(check[0].message == "second. first.");
    CHECK(check[0].source.refs == std::vector<std::string>{"b", "a"});
    CHECK(check[0].source.section == "B 2; A 1");
    CHECK(check[0].source.unverified);
}

TEST_CASE("which findings move into the check with an order is data: data/findings.json") {
    CHECK(db().findings.bears_on_order("OFF_LABEL"));
    CHECK_FALSE(db().findings.bears_on_order("RENAL_UNKNOWN"));
    json req = {{"indication", "gout"},
                {"patient", {{"weight", {{"value", 80}, {"unit", "kg"}}}, {"age", {{"value", 50}, {"unit", "years"}}}}}};
    CHECK(has_code(run(req)["findings"], "OFF_LABEL"));
    req["prescribed"] = {{"dose_mg", 100}, {"doses_per_day", 1}, {"days", 3}};
    const json r = run(req);
    CHECK(has_code(r["check"]["findings"], "OFF_LABEL"));
    CHECK_FALSE(has_code(r["findings"], "OFF_LABEL"));
    CHECK(has_code(r["findings"], "RENAL_UNKNOWN"));
}
