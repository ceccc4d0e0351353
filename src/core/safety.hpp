// Safety findings from the request's flags and labs, and monitoring dates from a start date.
#pragma once
#include "drug_data.hpp"
#include "request.hpp"
#include "response.hpp"

namespace core {

// The drug's rules that apply to this region, indication and phase (starting or on treatment)
// and fire; then one NOT_EVALUATED finding naming every flag set and lab given for which the
// drug has no applicable rule, so nothing entered is passed over in silence.
std::vector<Finding> safety_findings(const Drug& drug, const SafetyInput& safety, Region region,
                                     const std::string& indication);
std::vector<MonitoringResult> monitoring_schedule(const Drug& drug, const SafetyInput& safety, Region region,
                                                  const std::string& indication);

}  // namespace core
