// Where each finding goes and the one verdict for the patient. A finding about the patient or
// the use that bears on any order (data/findings.json) is listed with the check when there is an
// order; a code appears once per answer (findings with one code are merged, worst severity
// first); the verdict is the worst finding anywhere.
#pragma once
#include "drug_data.hpp"
#include "response.hpp"

#include <vector>

namespace core {

// Puts `scope` (findings about the patient and the use) into r.findings, or into
// r.check->findings where the catalogue says they bear on the order.
void place_scope_findings(std::vector<Finding> scope, const FindingCatalogue& catalogue, Response& r);

// Merges findings that share a code: one finding per code across `patient` and `check` (when
// given), with the worst severity, the messages in order and the sources combined. It stays in
// the check when any part of it was there.
void merge_by_code(std::vector<Finding>& patient, std::vector<Finding>* check);

// Sets r.findings_status, r.check->status, r.verdict and r.verdict_reason from the findings.
void set_verdicts(Response& r);

}  // namespace core
