#include "test_helpers.hpp"

#include "drug_data.hpp"
#include "regimen.hpp"

#include <string>
#include <vector>

using nlohmann::json;

namespace {

// The embedded files with one of them replaced by an edited copy.
core::LoadResult load_with(const std::string& name, const std::function<void(json&)>& edit) {
    std::vector<std::string> texts;
    std::vector<core::DataFile> files;
    for (const auto& f : data::embedded_files()) {
        json j = json::parse(f.text);
        if (f.name == name) edit(j);
        texts.push_back(j.dump());
    }
    for (size_t i = 0; i < texts.size(); ++i) files.push_back({data::embedded_files()[i].name, texts[i]});
    return core::load_drug_db(files);
}

bool has_error(const core::LoadResult& r, const std::string& file, const std::string& path_part, const std::string& message_part) {
    for (const auto& e : r.errors)
        if (e.file == file && e.path.find(path_part) != std::string::npos && e.message.find(message_part) != std::string::npos)
            return true;
    return false;
}

}  // namespace

TEST_CASE("the embedded data loads without errors") {
    const auto& loaded = data::embedded_drug_db();
    for (const auto& e : loaded.errors) MESSAGE(e.file << " " << e.path << ": " << e.message);
    REQUIRE(loaded.db.has_value());
    CHECK(loaded.db->drugs.size() == 3);
    CHECK(loaded.db->drugs[0].id == "anakinra");
    CHECK_FALSE(loaded.db->data_version.empty());
}

TEST_CASE("every source id cited in the data exists and has a title") {
    for (const auto& entry : db().sources) CHECK_MESSAGE(!entry.second.title.empty(), entry.first);
}

TEST_CASE("an unknown key is a load error naming file and path") {
    const auto r = load_with("anakinra.json", [](json& j) { j["uses"][0]["regimens"][0]["intervall_hours"] = 24; });
    CHECK_FALSE(r.db.has_value());
    CHECK(has_error(r, "anakinra.json", "$.uses[0].regimens[0].intervall_hours", "unknown key"));
}

TEST_CASE("a rule without a source is a load error") {
    const auto r = load_with("anakinra.json", [](json& j) { j["uses"][2]["regimens"][0]["bands"][0].erase("source"); });
    CHECK(has_error(r, "anakinra.json", "$.uses[2].regimens[0].bands[0].source", "missing source"));
}

TEST_CASE("a source id missing from sources.json is a load error") {
    const auto r = load_with("canakinumab.json", [](json& j) { j["uses"][0]["source"]["refs"] = {"C999"}; });
    CHECK(has_error(r, "canakinumab.json", "$.uses[0].source.refs", "unknown source id"));
}

TEST_CASE("an impossible number is a load error") {
    const auto r = load_with("anakinra.json", [](json& j) {
        j["uses"][2]["regimens"][0]["bands"][0]["dose"]["ceiling_mg_per_kg_per_day"] = -8;
    });
    CHECK(has_error(r, "anakinra.json", "ceiling_mg_per_kg_per_day", "impossible value"));
}

TEST_CASE("a number given as text (wrong unit style) is a load error") {
    const auto r = load_with("anakinra.json", [](json& j) { j["presentations"][0]["mg_per_ml"] = "150 mg/mL"; });
    CHECK(has_error(r, "anakinra.json", "$.presentations[0].mg_per_ml", "finite number"));
}

TEST_CASE("a ceiling below the start range is a load error") {
    const auto r = load_with("anakinra.json", [](json& j) {
        j["uses"][2]["regimens"][0]["bands"][0]["dose"]["ceiling_mg_per_kg_per_day"] = 1.5;
    });
    CHECK(has_error(r, "anakinra.json", "ceiling_mg_per_kg_per_day", "below the start range"));
}

TEST_CASE("an empty weight band is a load error") {
    const auto r = load_with("canakinumab.json", [](json& j) {
        j["uses"][0]["regimens"][0]["bands"][0]["weight_kg"] = {{"from", 40}, {"to", 15}};
    });
    CHECK(has_error(r, "canakinumab.json", "weight_kg", "empty range"));
}

TEST_CASE("an unknown safety flag is a load error") {
    const auto r = load_with("anakinra.json", [](json& j) { j["safety_rules"][0]["flag"] = "smoker"; });
    CHECK(has_error(r, "anakinra.json", "$.safety_rules[0].flag", "unknown safety flag"));
}

TEST_CASE("a duplicate use for the same indication and region is a load error") {
    const auto r = load_with("anakinra.json", [](json& j) { j["uses"].push_back(j["uses"][0]); });
    CHECK(has_error(r, "anakinra.json", "$.uses[", "duplicate use"));
}

TEST_CASE("a Tmax the one-compartment model cannot reach is a load error") {
    const auto r = load_with("anakinra.json", [](json& j) { j["pk"]["tmax_hours"] = 9; });
    CHECK(has_error(r, "anakinra.json", "$.pk.tmax_hours", "impossible"));
}

TEST_CASE("invalid JSON and a missing file are load errors") {
    std::vector<core::DataFile> files;
    for (const auto& f : data::embedded_files())
        if (f.name != "methods.json") files.push_back(f.name == "tocilizumab.json" ? core::DataFile{f.name, "{"} : f);
    const auto r = core::load_drug_db(files);
    CHECK(has_error(r, "tocilizumab.json", "$", "not valid JSON"));
    CHECK(has_error(r, "methods.json", "$", "missing data file"));
}

TEST_CASE("a safety rule whose code is not in data/findings.json is a load error") {
    const auto r = load_with("anakinra.json", [](json& j) { j["safety_rules"][0]["code"] = "NEW_CODE"; });
    CHECK_FALSE(r.db.has_value());
    CHECK(has_error(r, "anakinra.json", "$.safety_rules[0].code", "not in findings.json"));
    const auto bad = load_with("findings.json", [](json& j) { j["codes"]["lower_case"] = {{"bears_on_order", true}, {"meaning", "x"}}; });
    CHECK(has_error(bad, "findings.json", "$.codes.lower_case", "capitals"));
}

TEST_CASE("a course states how serious an overrun and a standing order are; the loader refuses a course without them") {
    const auto r = load_with("tocilizumab.json", [](json& j) {
        for (auto& use : j["uses"])
            for (auto& regimen : use["regimens"])
                if (regimen.contains("course")) regimen["course"].erase("open_ended_severity");
    });
    CHECK_FALSE(r.db.has_value());
    CHECK(has_error(r, "tocilizumab.json", "course.open_ended_severity", "missing"));
    const core::Course& gout = *core::find_use(*db().find("anakinra"), "gout", core::Region::Us)->regimens[0].course;
    CHECK(gout.open_ended_severity == core::Severity::Caution);  // an off-label study's course
    const core::Course& crs = *core::find_use(*db().find("tocilizumab"), "crs", core::Region::Us)->regimens[0].course;
    CHECK(crs.open_ended_severity == core::Severity::Exceeds);   // a labelled course of at most 4 doses
}

TEST_CASE("a backstop goes only with an unverified increase, and is above the labelled dose") {
    const auto verified = load_with("anakinra.json", [](json& j) {
        j["uses"][0]["regimens"][0]["bands"][0]["dose"]["backstop"] = {
            {"mg_per_day", 200}, {"source", {{"refs", {"kineret-us"}}, {"section", "x"}}}};
    });
    CHECK(has_error(verified, "anakinra.json", "dose.backstop", "increase_unverified"));
    const core::Dose& eu_fmf = core::find_use(*db().find("anakinra"), "fmf", core::Region::Eu)->regimens[0].bands[1].dose;
    REQUIRE(eu_fmf.backstop.has_value());
    CHECK(eu_fmf.backstop->mg_per_day == 200);
    CHECK(eu_fmf.backstop->source.unverified);
}

TEST_CASE("a use's scope_caution is data: any use can carry one, and every answer for it shows LABEL_SCOPE") {
    const auto r = load_with("anakinra.json", [](json& j) {
        for (auto& use : j["uses"])
            if (use["indication"] == "gout")
                use["scope_caution"] = {{"message", "Only for flares."}, {"source", {{"refs", {"gout-pilot-2007"}}, {"section", "FACTS 3"}}}};
    });
    REQUIRE(r.db.has_value());
    const std::string request =
        R"({"indication": "gout", "patient": {"weight": {"value": 80, "unit": "kg"}, "age": {"value": 50, "unit": "years"}}})";
    const json answer = json::parse(core::evaluate_json(request, *r.db).json);
    CHECK(has_code(answer["findings"], "LABEL_SCOPE"));
    CHECK_FALSE(has_code(run(json::parse(request))["findings"], "LABEL_SCOPE"));  // the shipped data: none for gout
}

TEST_CASE("a use whose dose is not in the data has no regimen, and never shows a dose") {
    const auto bad = load_with("tocilizumab.json", [](json& j) {
        for (auto& use : j["uses"])
            if (use.contains("dose_not_in_data")) use["regimens"] = j["uses"][0]["regimens"];
    });
    CHECK(has_error(bad, "tocilizumab.json", ".regimens", "has no regimen"));
    const json child = run({{"drug", "tocilizumab"},
                            {"indication", "covid19"},
                            {"patient", {{"weight", {{"value", 30}, {"unit", "kg"}}}, {"age", {{"value", 9}, {"unit", "years"}}}}}});
    CHECK(child["ok"] == false);
    CHECK(child["errors"][0]["field"] == "indication");
}

TEST_CASE("an unknown age where the age decides the labelled status is an input error, for the drug and for a comparator") {
    const json toci = run({{"drug", "tocilizumab"}, {"indication", "covid19"}, {"patient", {{"weight", {{"value", 30}, {"unit", "kg"}}}}}});
    CHECK(toci["ok"] == false);
    CHECK(toci["errors"][0]["field"] == "patient.age");
    const json ana = run({{"indication", "covid19"}, {"patient", {{"weight", {{"value", 80}, {"unit", "kg"}}}}}});
    REQUIRE(ana["ok"] == true);
    const json& comparator = ana["comparators"][2];
    CHECK(comparator["drug"] == "tocilizumab");
    CHECK(comparator["error"]["field"] == "patient.age");
    CHECK(comparator["dose_mg"].is_null());
    CHECK(comparator["indicated"] == false);
}

TEST_CASE("vials may carry a measurable minimum; a whole device may not, nor a smallest draw") {
    const json minimum = {{"min_mg", 15}, {"source", {{"refs", {"ilaris-us"}}, {"section", "a test minimum"}}}};
    auto r = load_with("canakinumab.json", [&](json& j) {
        j["presentations"][0].erase("smallest_labelled_draw");
        j["presentations"][0]["measurable"] = minimum;
    });
    for (const auto& e : r.errors) MESSAGE(e.file << " " << e.path << ": " << e.message);
    REQUIRE(r.db.has_value());
    CHECK(r.db->find("canakinumab")->presentations[0].min_measurable_mg == 15);
    r = load_with("canakinumab.json", [&](json& j) { j["presentations"][0]["measurable"] = minimum; });
    CHECK(has_error(r, "canakinumab.json", "$.presentations[0].smallest_labelled_draw", "needs no smallest labelled draw"));
    r = load_with("tocilizumab.json", [&](json& j) {
        REQUIRE(j["presentations"][1]["kind"] == "whole-device");  // the 162 mg/0.9 mL SC device
        j["presentations"][1]["measurable"] = minimum;
    });
    CHECK(has_error(r, "tocilizumab.json", "measurable", "a whole device is given whole"));
}
