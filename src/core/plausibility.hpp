// Whether a weight fits the age, by a cited growth reference: outside its bounds of biologically
// plausible values the answer asks to confirm the entry (a unit slip, kg for lb, is the usual cause).
#pragma once
#include "drug_data.hpp"
#include "request.hpp"
#include "response.hpp"

#include <optional>

namespace core {

struct WeightBounds {
    std::optional<double> min_kg, max_kg;  // no upper bound for adults past the reference's last age
};

// The bounds at this age (linear between the reference's rows; the widest of both sexes when
// the sex is unknown). None before the first row or without rows.
std::optional<WeightBounds> weight_bounds(const WeightForAgeReference& reference, double age_months, Sex sex);

// A weight outside the bounds for the age: an input error on patient.weight that names the
// range and the likely unit slip, unless the request confirms the weight (weight_confirmed),
// in which case a WEIGHT_FOR_AGE caution says it was confirmed. Nothing without an age.
struct WeightForAgeCheck {
    std::optional<FieldError> error;
    std::optional<Finding> confirmed;
};
WeightForAgeCheck check_weight_for_age(const WeightForAgeReference& reference, const PatientInput& patient, double weight_kg,
                                       std::optional<double> age_months);

}  // namespace core
