#include "safety.hpp"

#include "numbers.hpp"

#include <algorithm>

namespace core {

namespace {

template <typename T>
bool listed(const std::vector<T>& list, const T& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

bool applies(const std::vector<Region>& regions, const std::vector<std::string>& indications,
             const std::vector<std::string>& except, Region region, const std::string& indication) {
    return (regions.empty() || listed(regions, region)) && (indications.empty() || listed(indications, indication)) &&
           !listed(except, indication);
}

bool in_phase(TreatmentPhase when, bool on_treatment) {
    return when == TreatmentPhase::Any || (when == TreatmentPhase::OnTreatment) == on_treatment;
}

}  // namespace

std::vector<Finding> safety_findings(const Drug& drug, const SafetyInput& safety, Region region,
                                     const std::string& indication) {
    std::vector<Finding> out;
    std::vector<std::string> evaluated;
    for (const auto& rule : drug.safety_rules) {
        if (!applies(rule.regions, rule.indications, rule.except_indications, region, indication)) continue;
        if (!in_phase(rule.when, safety.on_treatment)) continue;
        evaluated.push_back(rule.flag);
        if (auto lab = safety.labs.find(rule.flag); lab != safety.labs.end()) {
            if (rule.value.contains(lab->second))
                out.push_back({rule.code, rule.severity, rule.message + " (entered: " + format_number(lab->second, 2) + ")",
                               rule.source});
        } else if (auto flag = safety.flags.find(rule.flag); flag != safety.flags.end() && flag->second) {
            out.push_back({rule.code, rule.severity, rule.message, rule.source});
        }
    }
    std::string missing;
    auto note = [&](const std::string& id, const std::string& words, bool given) {
        if (given && !listed(evaluated, id)) missing += (missing.empty() ? "" : ", ") + words;
    };
    for (const auto& item : safety_flags()) {
        auto it = safety.flags.find(item.id);
        note(item.id, item.words, it != safety.flags.end() && it->second);
    }
    for (const auto& item : safety_labs()) note(item.id, item.words, safety.labs.count(item.id) > 0);
    if (!missing.empty())
        out.push_back({"NOT_EVALUATED", Severity::Caution,
                       "Not checked for " + drug.name_in(region) + ": " + missing +
                           ". The data hold no rule from its label for " +
                           (missing.find(',') == std::string::npos ? "this" : "these") +
                           (safety.on_treatment ? " in a patient already on treatment" : " before starting") +
                           "; check the current label before giving it.",
                       drug.label_source});
    return out;
}

std::vector<MonitoringResult> monitoring_schedule(const Drug& drug, const SafetyInput& safety, Region region,
                                                  const std::string& indication) {
    std::vector<MonitoringResult> out;
    for (const auto& rule : drug.monitoring) {
        if (!applies(rule.regions, rule.indications, {}, region, indication)) continue;
        MonitoringResult m{rule.what, rule.months_after_start, {}, rule.source};
        if (safety.start_date)
            for (int months : rule.months_after_start) m.dates.push_back(to_iso(add_months(*safety.start_date, months)));
        out.push_back(std::move(m));
    }
    return out;
}

}  // namespace core
