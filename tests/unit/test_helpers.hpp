// Shared by the unit tests: the embedded database and a one-line way to evaluate JSON.
#pragma once
#include "embedded_data.hpp"
#include "embedded_json.hpp"
#include "evaluate.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>

inline const core::DrugDb& db() {
    const auto& loaded = data::embedded_drug_db();
    REQUIRE(loaded.db.has_value());
    return *loaded.db;
}

// Evaluates a request written as JSON and returns the parsed response.
inline nlohmann::json run(const nlohmann::json& request) {
    return nlohmann::json::parse(core::evaluate_json(request.dump(), db()).json);
}

inline nlohmann::json run_text(const std::string& text) { return nlohmann::json::parse(core::evaluate_json(text, db()).json); }

inline nlohmann::json nomid_child(double kg = 20) {
    return {{"indication", "nomid"},
            {"patient", {{"weight", {{"value", kg}, {"unit", "kg"}}}, {"age", {{"value", 6}, {"unit", "years"}}}}}};
}

inline bool has_code(const nlohmann::json& findings, const std::string& code) {
    for (const auto& f : findings)
        if (f["code"] == code) return true;
    return false;
}
