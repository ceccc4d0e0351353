// Durations in the words a clinician reads: "8 months", "4 years", "once daily", "every 4 weeks".
#pragma once
#include "numbers.hpp"

#include <string>

namespace core {

// Intervals are compared like doses (nearly_equal: a relative tolerance of 1e-9, binary noise
// and never a real difference), so 12.000000001 h is twice daily, in the words and in every rule.
inline bool same_hours(double a, double b) { return nearly_equal(a, b); }

std::string age_words(double months);
// "a 3-year-old", "an 8-month-old", "an adult of 30 years": a patient by age, for messages.
std::string aged_patient_words(double months);
std::string duration_words(double hours);  // "12 weeks", "3 days", "8 h"; more decimals only where 2 would hide a difference
std::string interval_words(double hours);  // "once daily", "every other day (every 48 h)", "every 12 weeks"

}  // namespace core
