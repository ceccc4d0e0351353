// Durations in the words a clinician reads: "8 months", "4 years", "once daily", "every 4 weeks".
#pragma once
#include <string>

namespace core {

std::string age_words(double months);
std::string interval_words(double hours);

}  // namespace core
