// Native throughput of evaluate(): a typical request, and a full ladder + exposure request.
#include "bench_requests.hpp"
#include "embedded_data.hpp"
#include "evaluate.hpp"

#include <benchmark/benchmark.h>

static void run(benchmark::State& state, const char* request) {
    const core::DrugDb& db = *data::embedded_drug_db().db;
    for (auto _ : state) benchmark::DoNotOptimize(core::evaluate_json(request, db));
    state.SetItemsProcessed(state.iterations());
}

static void BM_typical(benchmark::State& state) { run(state, bench::kTypicalRequest); }
static void BM_ladder_exposure(benchmark::State& state) { run(state, bench::kLadderExposureRequest); }
BENCHMARK(BM_typical);
BENCHMARK(BM_ladder_exposure);
BENCHMARK_MAIN();
