// Throughput of evaluate() without Google Benchmark (which has no wasm build): runs each
// request for about a second and prints evaluations per second.
#include "bench_requests.hpp"
#include "embedded_data.hpp"
#include "evaluate.hpp"

#include <chrono>
#include <cstdio>

namespace {
double per_second(const char* request) {
    const core::DrugDb& db = *data::embedded_drug_db().db;
    using clock = std::chrono::steady_clock;
    const auto start = clock::now();
    long count = 0;
    size_t sink = 0;
    while (clock::now() - start < std::chrono::seconds(1)) {
        for (int i = 0; i < 20; ++i) sink += core::evaluate_json(request, db).json.size();
        count += 20;
    }
    const double seconds = std::chrono::duration<double>(clock::now() - start).count();
    if (sink == 0) std::puts("");
    return count / seconds;
}
}  // namespace

int main() {
    std::printf("typical %.0f\n", per_second(bench::kTypicalRequest));
    std::printf("ladder_exposure %.0f\n", per_second(bench::kLadderExposureRequest));
    return 0;
}
