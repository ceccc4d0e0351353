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

// The days of the first 12 weeks on which a regimen gives a dose (day 0 = the first dose):
// a standing schedule repeats, a course stops with it.
std::vector<int> timeline_days(std::optional<double> interval_hours, const std::optional<CourseResult>& course);

}  // namespace core
