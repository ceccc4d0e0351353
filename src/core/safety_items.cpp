#include "safety_items.hpp"

namespace core {

const std::vector<SafetyFlag>& safety_flags() {
    static const std::vector<SafetyFlag> items = {
        {"ecoli_hypersensitivity", "E. coli protein hypersensitivity"}, {"active_infection", "active infection"},
        {"tnf_blocker", "TNF-blocker co-therapy"},   {"live_vaccine_planned", "live vaccine planned"},
        {"tb_history", "tuberculosis history"},      {"asthma", "asthma"},
        {"pregnancy", "pregnancy"},                  {"breastfeeding", "breastfeeding"}};
    return items;
}

const std::vector<SafetyLab>& safety_labs() {
    static const std::vector<SafetyLab> items = {{"anc_per_mm3", "ANC", "/mm3", 100000},
                                                 {"platelets_per_mm3", "platelet count", "/mm3", 2000000},
                                                 {"alt_ast_x_uln", "ALT/AST", "x ULN", 100}};
    return items;
}

const std::vector<std::string>& safety_flag_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> ids;
        for (const auto& flag : safety_flags()) ids.push_back(flag.id);
        return ids;
    }();
    return names;
}

const SafetyLab* find_safety_lab(const std::string& id) {
    for (const auto& lab : safety_labs())
        if (lab.id == id) return &lab;
    return nullptr;
}

bool is_safety_flag(const std::string& id) {
    for (const auto& flag : safety_flags())
        if (flag.id == id) return true;
    return false;
}

}  // namespace core
