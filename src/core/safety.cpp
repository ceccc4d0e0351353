#include "safety.hpp"

#include "numbers.hpp"

#include <algorithm>

namespace core {

namespace {
bool listed(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}
}  // namespace

std::vector<Finding> safety_findings(const Drug& drug, const SafetyInput& safety, const std::string& region,
                                     const std::string& indication) {
    std::vector<Finding> out;
    for (const auto& rule : drug.safety_rules) {
        if (!rule.regions.empty() && !listed(rule.regions, region)) continue;
        if (!rule.indications.empty() && !listed(rule.indications, indication)) continue;
        if (listed(rule.except_indications, indication)) continue;
        bool fires = false;
        std::string detail;
        if (auto lab = safety.labs.find(rule.flag); lab != safety.labs.end()) {
            fires = (rule.below && lab->second < *rule.below) || (rule.above && lab->second > *rule.above);
            detail = " (entered: " + format_number(lab->second, 2) + ")";
        } else if (auto flag = safety.flags.find(rule.flag); flag != safety.flags.end()) {
            fires = flag->second;
        }
        if (fires) out.push_back({rule.code, rule.severity, rule.message + detail, rule.source});
    }
    return out;
}

std::vector<MonitoringResult> monitoring_schedule(const Drug& drug, const SafetyInput& safety) {
    std::vector<MonitoringResult> out;
    for (const auto& rule : drug.monitoring) {
        MonitoringResult m{rule.what, rule.months_after_start, {}, rule.source};
        if (safety.start_date)
            for (int months : rule.months_after_start) m.dates.push_back(to_iso(add_months(*safety.start_date, months)));
        out.push_back(std::move(m));
    }
    return out;
}

}  // namespace core
