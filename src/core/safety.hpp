// Safety findings from the request's flags and labs, and monitoring dates from a start date.
#pragma once
#include "drug_data.hpp"
#include "request.hpp"
#include "response.hpp"

namespace core {

std::vector<Finding> safety_findings(const Drug& drug, const SafetyInput& safety, const std::string& region,
                                     const std::string& indication);
std::vector<MonitoringResult> monitoring_schedule(const Drug& drug, const SafetyInput& safety);

}  // namespace core
