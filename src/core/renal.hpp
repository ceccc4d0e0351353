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
// age, sex, weight); the age limits come from data/methods.json. The label names no formula (FACTS 1.3): the choice is this
// widget's, stated in the response.
RenalAssessment assess_renal(const RenalInput& input, double weight_kg, std::optional<double> age_years, Sex sex,
                             std::optional<double> height_cm, const RenalMethods& methods);

// Marks `renal` adjusted when the regimen's renal rule applies to it.
void apply_renal_rule(RenalResult& renal, const RenalRule& rule);

}  // namespace core
