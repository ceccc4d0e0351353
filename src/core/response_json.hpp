// Response -> JSON text (the CLI and JavaScript contract). Keys keep a fixed order so the
// same response prints byte-identically natively and in WebAssembly.
#pragma once
#include "drug_data.hpp"
#include "response.hpp"

#include <string>

namespace core {

std::string response_to_json(const Response& response, const DrugDb& db);

}  // namespace core
