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
// Why the age is needed when a label covers an indication only for some ages and none was
// given: the entries and the ages they cover ("field": patient.age).
std::string age_needed_message(const Drug& drug, const std::string& indication, Region region);

// The first band whose weight and age ranges hold the patient (an unknown age never
// matches a band that has an age condition).
const Band* select_band(const Regimen& regimen, double weight_kg, std::optional<double> age_months);
// An age range (in months) in words: "under 18 years", "18 years and over", "under 8 months".
std::string describe_range_words(const Range& months);
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

// The usual start as shown: mg/day, and mg/kg/day after any cap (a capped bound is rounded
// down, like a ceiling), with the label's range and the cap when it lowered the start.
struct StartShown {
    RangeMg mg, mg_per_kg, label_mg_per_kg;
    std::optional<double> cap_mg;
};
StartShown describe_start(const Dose& dose, double weight_kg);

// The start in words: "20 to 40 mg/day (1-2 mg/kg/day)", or with a cap "100 mg/day (1.42
// mg/kg/day at 70 kg: the 2-4 mg/kg/day start is capped at 100 mg/day)". Per administration
// (every 48 h) when `per_administration`.
std::string start_words(const StartShown& start, double weight_kg, bool per_administration);

// The largest escalation step the label allows, mg/kg (0 without steps).
double largest_step_mg_per_kg(const Dose& dose);

// The largest dose (per day, or per administration every 48 h) that may be offered as the
// nearest measurable dose instead of `day_mg`, which the presentation cannot measure: never a
// start above the start range (when day_mg is a start, at or below the range's top), otherwise
// within the ceiling and one escalation step (the largest the label allows) above day_mg. None
// without a ceiling or steps.
std::optional<double> nearest_offer_limit_mg(const Dose& dose, double weight_kg, double day_mg);

}  // namespace core
