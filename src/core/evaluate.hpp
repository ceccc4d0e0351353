// The one entry point every front end calls: request -> response.
#pragma once
#include "drug_data.hpp"
#include "request.hpp"
#include "response.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace core {

Response evaluate(const Request& request, const DrugDb& db);

// JSON text in, Response out: a parse error becomes an error Response (front ends that render).
Response evaluate_text(std::string_view request_json, const DrugDb& db);

// JSON text in, JSON text out (the CLI and JavaScript contract). exit_code: 0 for a computed
// response, 2 for invalid input (ok: false, errors[], and no dose anywhere).
struct JsonResult {
    std::string json;
    int exit_code = 0;
};
JsonResult evaluate_json(std::string_view request_json, const DrugDb& db);

// A request refused for its size before it is read (the CLI's and compute()'s input caps):
// an error response naming the limit, exit code 2. `bytes`: its size, or 0 when only "more
// than the limit" is known (an endless stream).
JsonResult refuse_oversized_request(std::size_t bytes, std::size_t limit_bytes, const DrugDb& db);

}  // namespace core
