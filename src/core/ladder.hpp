// The escalation ladder: start dose to ceiling in fixed mg/kg steps, ceiling included exactly.
#pragma once
#include "drug_data.hpp"
#include "response.hpp"

#include <vector>

namespace core {

// Empty when the dose has no ceiling (no verified escalation rule) or is not escalating.
// Rows never pass the ceiling; when the steps do not land on it, a last row sits exactly at it.
std::vector<LadderRow> build_ladder(const Dose& dose, double weight_kg, double step_mg_per_kg, bool split_allowed,
                                    const Product& product);

// mL of product for `mg`, to 0.01 mL, and single-use syringes needed for one administration.
double ml_for_mg(double mg, const Product& product);
int syringes_for_mg(double mg, const Product& product);

}  // namespace core
