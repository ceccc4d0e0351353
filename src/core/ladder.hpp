// The escalation ladder: start dose to ceiling in fixed mg/kg steps, ceiling included exactly.
#pragma once
#include "drug_data.hpp"
#include "response.hpp"

#include <vector>

namespace core {

// Empty when the dose has no ceiling (no verified escalation rule) or is not escalating.
// The first row is the usual start in mg (capped where the label caps it); rows never pass the
// ceiling, and when the steps do not land on it a last row sits exactly at it. Each row is one
// administration every `interval_hours` (24, or 48 under the renal rule, with no split).
std::vector<LadderRow> build_ladder(const Dose& dose, double weight_kg, double step_mg_per_kg, bool split_allowed,
                                    double interval_hours, const Presentation& presentation);

}  // namespace core
