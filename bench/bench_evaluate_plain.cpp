// Throughput of the core without Google Benchmark (which has no wasm build): runs each case for
// about a second and prints evaluations per second. `evaluate_*`: evaluate() alone (a parsed
// request in, the response with its steps out: the widget's call on every input change);
// `json_*`: evaluate_json() (JSON text in, JSON text out: the CLI, compute() and the result
// message the widget publishes).
#include "bench_requests.hpp"
#include "embedded_data.hpp"
#include "evaluate.hpp"

#include <chrono>
#include <cstdio>

namespace {

template <typename Work>
double per_second(Work work) {
    using clock = std::chrono::steady_clock;
    const auto start = clock::now();
    long count = 0;
    size_t sink = 0;
    while (clock::now() - start < std::chrono::seconds(1)) {
        for (int i = 0; i < 20; ++i) sink += work();
        count += 20;
    }
    const double seconds = std::chrono::duration<double>(clock::now() - start).count();
    if (sink == 0) std::puts("");
    return count / seconds;
}

double evaluate_per_second(const char* request_json) {
    const core::DrugDb& db = *data::embedded_drug_db().db;
    const core::ParsedRequest parsed = core::parse_request(request_json, db.renal_methods.umol_l_per_mg_dl);
    return per_second([&] { return core::evaluate(*parsed.request, db).steps.size(); });
}

double json_per_second(const char* request_json) {
    const core::DrugDb& db = *data::embedded_drug_db().db;
    return per_second([&] { return core::evaluate_json(request_json, db).json.size(); });
}

}  // namespace

int main() {
    std::printf("evaluate_typical %.0f\n", evaluate_per_second(bench::kTypicalRequest));
    std::printf("evaluate_ladder_exposure %.0f\n", evaluate_per_second(bench::kLadderExposureRequest));
    std::printf("json_typical %.0f\n", json_per_second(bench::kTypicalRequest));
    std::printf("json_ladder_exposure %.0f\n", json_per_second(bench::kLadderExposureRequest));
    return 0;
}
