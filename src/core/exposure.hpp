// Relative exposure: a one-compartment model with first-order absorption (SC) or a bolus
// (IV), summed over a regimen's doses. Concentrations are relative to the peak after one
// dose with normal clearance, so no volume of distribution is needed.
#pragma once
#include "drug_data.hpp"
#include "request.hpp"
#include "response.hpp"

namespace core {

struct ExposureRegimen {
    Route route = Route::SC;
    double dose_mg = 0;
    double interval_hours = 0;   // 0: a single dose
    int max_doses = 0;           // a course: at most this many doses (0: as many as the period holds)
    double relative_clearance = 1;
};

ExposureSeries simulate_exposure(const Pk& pk, const ExposureRegimen& regimen, int days, int points_per_day);

// The absorption rate constant (per hour) that puts the single-dose peak at tmax for the
// given elimination rate; solved by bisection.
double absorption_rate_for_tmax(double ke_per_hour, double tmax_hours);

// The exposure curve of every comparator the answer shows a dose for (the checked drug: the
// prescribed order, when its route matches), each with its regimen in words.
std::vector<ExposureSeries> comparison_exposure(const DrugDb& db, const Response& response, const ExposureInput& input);

// Clearance relative to normal renal function (FACTS 1.3, Yang 2003), 1 when no band matches.
double relative_clearance(const Pk& pk, const RenalResult& renal);

}  // namespace core
