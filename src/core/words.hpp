// Durations in the words a clinician reads: "8 months", "4 years", "once daily", "every 4 weeks".
#pragma once
#include <string>

namespace core {

std::string age_words(double months);
std::string duration_words(double hours);  // "12 weeks", "3 days", "8 h"
std::string interval_words(double hours);  // "once daily", "every other day (every 48 h)", "every 12 weeks"

}  // namespace core
