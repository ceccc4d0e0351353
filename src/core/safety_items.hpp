// The safety flags (yes/no) and labs (numbers) a request may carry: declared once, for the
// request parser, the data loader (rules must name one of them) and the findings that list them.
#pragma once
#include <string>
#include <vector>

namespace core {

struct SafetyFlag {
    std::string id, words;  // the request key, and its name in a message
};

struct SafetyLab {
    std::string id, words;  // the request key, and its name in a message
    std::string unit;       // as written after the value ("/mm3", "x ULN")
    double max = 0;         // the largest plausible value; above it the entry is refused
};

const std::vector<SafetyFlag>& safety_flags();
const std::vector<SafetyLab>& safety_labs();
const std::vector<std::string>& safety_flag_names();  // the ids of safety_flags(), for front ends
const SafetyLab* find_safety_lab(const std::string& id);
bool is_safety_flag(const std::string& id);

}  // namespace core
