// What the clinician must know about this use before any order is judged: the label's scope
// (off-label, emergency use, age and weight limits, region), renal state, how the dose can be
// measured, and the rules the answer rests on that were not verified.
#pragma once
#include "drug_data.hpp"
#include "request.hpp"
#include "response.hpp"

#include <optional>
#include <vector>

namespace core {

struct ScopeContext {
    const DrugDb& db;
    const Drug& drug;
    const Use& use;
    const Regimen& regimen;
    const Band& band;
    const Presentation& presentation;
    const Request& request;
    const Response& response;  // renal, regimen and ladder already worked out
    double weight_kg = 0;
    std::optional<double> age_months;
    bool region_fallback = false;  // the requested region has no data for this use
};

std::vector<Finding> scope_findings(const ScopeContext& x);

// One UNVERIFIED_RULE finding naming every rule the answer rests on that the primary label did
// not confirm: a caution with the check where the order rests on one of them, else information.
void add_unverified_finding(const ScopeContext& x, Response& r);

}  // namespace core
