// Judges a prescribed order against the regimen: ceiling or cap, start range, fixed dose,
// renal interval, split permission, repeat interval, course length, and whether the
// presentation can measure it. Verdict = the worst finding.
#pragma once
#include "drug_data.hpp"
#include "request.hpp"
#include "response.hpp"

namespace core {

struct CheckContext {
    const Regimen& regimen;
    const RegimenResult& shown;  // the regimen for this patient, renal rule applied
    const Dose& dose;
    const RenalResult& renal;
    double weight_kg = 0;
    const Drug& drug;
    const Use& use;
    const Presentation& presentation;
    const std::vector<LadderRow>& ladder;
};

CheckResult check_dose(const PrescribedInput& order, const CheckContext& context);

// The order's frequency and length, for check_dose: courses and single doses, the renal
// interval, the split, the labelled interval, and the ladder row that is the same order.
void check_schedule(const PrescribedInput& order, const CheckContext& context, CheckResult& check);

// "ok" | "caution" | "exceeds" from a list of findings (a contraindication is not an order verdict).
Verdict order_verdict(const std::vector<Finding>& findings);

}  // namespace core
