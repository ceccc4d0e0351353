// Picks the label use, band and regimen for a patient, and states it in mg for their weight.
#pragma once
#include "drug_data.hpp"
#include "response.hpp"

#include <optional>
#include <string>

namespace core {

// The drug's use for an indication in a region ("any" matches both regions) for a patient of
// this age: where a label covers an indication only for some ages (Actemra: systemic JIA, not
// adult-onset Still's disease), the entry whose ages hold the patient. With the age unknown the
// first such entry is taken and `age_decides`, when given, is set.
const Use* find_use(const Drug& drug, const std::string& indication, Region region,
                    std::optional<double> age_months = std::nullopt, bool* age_decides = nullptr);
// The first band whose weight and age ranges hold the patient (an unknown age never
// matches a band that has an age condition).
const Band* select_band(const Regimen& regimen, double weight_kg, std::optional<double> age_months);
// "15 to 40 kg", "over 40 kg", "under 8 months": a band's conditions in words.
std::string describe_band(const Band& band);
// All of a regimen's bands in words, "; " between them (for "no labelled dose" messages).
std::string describe_bands(const Regimen& regimen);

// The course a regimen gives, in administrations at the interval in force (none when open).
std::optional<CourseResult> describe_course(const Regimen& regimen, std::optional<double> interval_hours);

// The regimen in mg for this weight, with the renal interval already applied.
RegimenResult describe_regimen(const Regimen& regimen, const Band& band, double weight_kg, const RenalResult& renal,
                               double step_mg_per_kg);

// The mg/day ceiling for an escalating dose (unrounded), if the data gives one.
std::optional<double> ceiling_mg_per_day(const Dose& dose, double weight_kg);

// The usual start in mg/day (unrounded): start mg/kg x weight, never above the start cap or
// the ceiling. The one place the start range is worked out (regimen, ladder and check use it).
// A per-kg dose in mg for this weight (unrounded), under the dose's own cap and the regimen's
// per-administration cap. The one place these caps are applied (regimen and check use it).
double capped_per_kg_mg(const Dose& dose, std::optional<double> max_mg_per_administration, double mg_per_kg,
                        double weight_kg);

struct StartRange {
    double min_mg = 0, max_mg = 0;
};
StartRange start_range_mg_per_day(const Dose& dose, double weight_kg);

}  // namespace core
