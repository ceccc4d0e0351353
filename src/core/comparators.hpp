// Anakinra, canakinumab and tocilizumab side by side for the same patient and indication.
#pragma once
#include "drug_data.hpp"
#include "request.hpp"
#include "response.hpp"

namespace core {

struct ComparisonPatient {
    double weight_kg = 0;
    std::optional<double> age_months;
    RenalResult renal;  // before any drug's renal rule
};

// One entry per drug and route, in the data's drug order; the requested drug is marked primary.
std::vector<ComparatorResult> compare_drugs(const DrugDb& db, const Request& request, const ComparisonPatient& patient);

}  // namespace core
