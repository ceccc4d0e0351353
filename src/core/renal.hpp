// Renal function: a given CrCl, an estimate from serum creatinine, or ESRD.
#pragma once
#include "drug_data.hpp"
#include "request.hpp"
#include "response.hpp"

#include <optional>

namespace core {

struct RenalAssessment {
    RenalResult result;
    std::vector<FieldError> errors;  // the estimate needs inputs that are missing
};

// Bedside Schwartz from 1 to 18 years (needs height), Cockcroft-Gault from 18 years (needs
// age, sex, weight; with a height also ideal and adjusted weight, and the one used is named).
// The label names no formula (FACTS 1.3): the choice is this widget's, stated in the response.
RenalAssessment assess_renal(const RenalInput& input, double weight_kg, std::optional<double> age_years, Sex sex,
                             std::optional<double> height_cm, const RenalMethods& methods);

// Marks `renal` adjusted when the regimen's renal rule applies to it. The rule compares the
// value shown (rounded down to 0.1), so the number on screen and the rule always agree.
void apply_renal_rule(RenalResult& renal, const RenalRule& rule);

// True when Cockcroft-Gault with actual, ideal and adjusted weight falls on both sides of the
// rule's threshold: the every-other-day decision then depends on the weight chosen.
bool renal_decision_sensitive(const RenalResult& renal, const RenalRule& rule);

}  // namespace core
