// How one administration is drawn or given from a presentation: mL, syringes and the mg drawn
// from each (graduated syringe), whole devices, or the vial combination (vials). The one
// place volumes are worked out, so the same dose shows the same mL everywhere.
#pragma once
#include "drug_data.hpp"
#include "response.hpp"

#include <optional>

namespace core {

// mL for `mg` at `mg_per_ml`: to 0.01 mL (100 mg at 150 mg/mL is 0.67 mL), with more decimals
// only where 0.01 would read 0, so a positive dose never shows 0 mL. Monotone in mg.
double ml_for_mg(double mg, double mg_per_ml);

// One administration of `mg`. The nearest measurable dose offered instead of an unmeasurable
// one is at most `offer_limit_mg` (see nearest_offer_limit_mg); without a limit none is offered.
Measure measure_dose(double mg, const Presentation& presentation, std::optional<double> offer_limit_mg = std::nullopt);

// Without a measurable minimum in the data, a draw smaller than the smallest dose the labels
// draw from the presentation is one the data cannot confirm as measurable: a VOLUME_UNCONFIRMED
// caution that starts with `what` ("The labelled dose, 6 mg"); otherwise nothing.
std::optional<Finding> volume_unconfirmed(const std::string& what, double mg, const Presentation& presentation);

// A measure in words for people: "0.67 mL, 1 syringe", "2 syringes (100 + 60 mg)", "28 mL drawn
// from 1 x 400 mg + 2 x 80 mg vials", or why it cannot be given.
std::string measure_words(const Measure& measure);

}  // namespace core
