// Judges a prescribed order against the regimen: ceiling or cap, start range, fixed dose,
// renal interval, split permission, repeat interval. Verdict = the worst finding.
#pragma once
#include "drug_data.hpp"
#include "request.hpp"
#include "response.hpp"

namespace core {

CheckResult check_dose(const PrescribedInput& order, const RegimenResult& regimen, const Dose& dose,
                       const RenalResult& renal, double weight_kg, const Drug& drug,
                       const std::vector<LadderRow>& ladder);

// "ok" | "caution" | "exceeds" from a list of findings.
std::string verdict(const std::vector<Finding>& findings);
int severity_rank(const std::string& severity);

}  // namespace core
