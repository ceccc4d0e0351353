// Unit conversions with their exact definitions.
#pragma once

namespace core {

inline constexpr double kKgPerLb = 0.45359237;             // international pound, exact
inline constexpr double kMonthsPerYear = 12.0;

inline double lb_to_kg(double lb) { return lb * kKgPerLb; }
inline double kg_to_lb(double kg) { return kg / kKgPerLb; }

// Serum creatinine: µmol/L = mg/dL x factor (88.4, FACTS 6.4); the factor comes from data/methods.json.
inline double scr_umol_l_to_mg_dl(double umol_l, double umol_l_per_mg_dl) { return umol_l / umol_l_per_mg_dl; }

}  // namespace core
