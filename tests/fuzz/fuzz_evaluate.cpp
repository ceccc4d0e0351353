// libFuzzer target: any bytes as a request must give valid JSON, exit 0 or 2, and never
// crash, throw, or trip a sanitizer. An invalid request must carry no dose.
#include "embedded_data.hpp"
#include "evaluate.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
    static const core::DrugDb& db = *data::embedded_drug_db().db;
    const core::JsonResult result = core::evaluate_json(std::string_view(reinterpret_cast<const char*>(bytes), size), db);
    const auto response = nlohmann::json::parse(result.json, nullptr, false);
    if (response.is_discarded()) std::abort();
    if (result.exit_code != 0 && result.exit_code != 2) std::abort();
    if (result.exit_code == 2 && (response.contains("regimen") || response.contains("ladder") || response.contains("check")))
        std::abort();
    return 0;
}
