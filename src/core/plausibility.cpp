#include "plausibility.hpp"

#include "numbers.hpp"
#include "units.hpp"
#include "words.hpp"

#include <algorithm>

namespace core {

std::optional<WeightBounds> weight_bounds(const WeightForAgeReference& reference, double age_months, Sex sex) {
    const auto& rows = reference.rows;
    if (rows.empty() || age_months < rows.front().age_months) return std::nullopt;
    auto bounds_of = [&](const WeightForAgeRow& row) {
        switch (sex) {
            case Sex::Male: return std::pair{row.male_min_kg, row.male_max_kg};
            case Sex::Female: return std::pair{row.female_min_kg, row.female_max_kg};
            case Sex::Unknown: break;
        }
        return std::pair{std::min(row.male_min_kg, row.female_min_kg), std::max(row.male_max_kg, row.female_max_kg)};
    };
    if (age_months >= rows.back().age_months) {
        // Past the reference's last age (an adult): only the lower bound still means something.
        WeightBounds b{bounds_of(rows.back()).first, std::nullopt};
        if (age_months == rows.back().age_months) b.max_kg = bounds_of(rows.back()).second;
        return b;
    }
    size_t i = 1;
    while (rows[i].age_months <= age_months) ++i;
    const auto [lo_min, lo_max] = bounds_of(rows[i - 1]);
    const auto [hi_min, hi_max] = bounds_of(rows[i]);
    const double t = (age_months - rows[i - 1].age_months) / (rows[i].age_months - rows[i - 1].age_months);
    return WeightBounds{lo_min + t * (hi_min - lo_min), lo_max + t * (hi_max - lo_max)};
}

WeightForAgeCheck check_weight_for_age(const WeightForAgeReference& reference, const PatientInput& patient, double weight_kg,
                                       std::optional<double> age_months) {
    WeightForAgeCheck out;
    if (!age_months) return out;
    const auto bounds = weight_bounds(reference, *age_months, patient.sex);
    if (!bounds) return out;
    const bool low = bounds->min_kg && weight_kg < *bounds->min_kg;
    const bool high = bounds->max_kg && weight_kg > *bounds->max_kg;
    if (!low && !high) return out;
    const std::string range = bounds->max_kg ? format_number(*bounds->min_kg, 1) + " to " + format_number(*bounds->max_kg, 1) + " kg"
                                             : "at least " + format_number(*bounds->min_kg, 1) + " kg";
    const std::string plausible = "the plausible range for " + aged_patient_words(round_down_to(*age_months, 0)) + " (" + range +
                                  ", " + reference.reference + ")";
    const bool in_lb = patient.weight_unit == WeightUnit::Lb;
    const std::string entered = format_number(patient.weight_value) + " " + name_of(patient.weight_unit) +
                                (in_lb ? " (" + format_number(weight_kg) + " kg)" : "");
    if (patient.weight_confirmed) {
        out.confirmed = Finding{"WEIGHT_FOR_AGE", Severity::Caution,
                                "The weight, " + entered + ", is " + (low ? "below " : "above ") + plausible +
                                    ", and was confirmed as correct: the doses shown are for " + format_number(weight_kg) +
                                    " kg. Check them against the patient once more.",
                                reference.source};
        return out;
    }
    std::string message = "A weight of " + entered + " is outside " + plausible + "; check the weight and its unit";
    // The usual slip is the unit: name the other reading when it fits the age.
    const double other_kg = in_lb ? round_to(patient.weight_value, 2) : round_to(lb_to_kg(patient.weight_value), 2);
    if ((!bounds->min_kg || other_kg >= *bounds->min_kg) && (!bounds->max_kg || other_kg <= *bounds->max_kg))
        message += in_lb ? " (did you mean " + format_number(patient.weight_value) + " kg?)"
                         : " (did you mean " + format_number(patient.weight_value) + " lb, " + format_number(other_kg) + " kg?)";
    message += ". If the weight is correct, confirm it to see doses for it.";
    out.error = FieldError{"patient.weight", message};
    return out;
}

}  // namespace core
