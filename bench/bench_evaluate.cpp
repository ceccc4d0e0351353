// Native throughput of the core: evaluate() alone (a Request in, a Response with its steps out:
// what the widget calls on every input change), and evaluate_json() (JSON text in and out: the
// CLI's and compute()'s contract), for a typical request and a full ladder + exposure request.
#include "bench_requests.hpp"
#include "embedded_data.hpp"
#include "evaluate.hpp"
#include "response_json.hpp"

#include <benchmark/benchmark.h>

static void run_json(benchmark::State& state, const char* request) {
    const core::DrugDb& db = *data::embedded_drug_db().db;
    for (auto _ : state) benchmark::DoNotOptimize(core::evaluate_json(request, db));
    state.SetItemsProcessed(state.iterations());
}

static void run_core(benchmark::State& state, const char* request_json) {
    const core::DrugDb& db = *data::embedded_drug_db().db;
    const core::ParsedRequest parsed = core::parse_request(request_json, db.renal_methods.umol_l_per_mg_dl);
    for (auto _ : state) benchmark::DoNotOptimize(core::evaluate(*parsed.request, db));
    state.SetItemsProcessed(state.iterations());
}

static void run_write(benchmark::State& state, const char* request_json) {
    const core::DrugDb& db = *data::embedded_drug_db().db;
    const core::Response response = core::evaluate_text(request_json, db);
    for (auto _ : state) benchmark::DoNotOptimize(core::response_to_json(response, db));
    state.SetItemsProcessed(state.iterations());
}

static void BM_evaluate_typical(benchmark::State& state) { run_core(state, bench::kTypicalRequest); }
static void BM_evaluate_ladder_exposure(benchmark::State& state) { run_core(state, bench::kLadderExposureRequest); }
static void BM_write_json_typical(benchmark::State& state) { run_write(state, bench::kTypicalRequest); }
static void BM_write_json_ladder_exposure(benchmark::State& state) { run_write(state, bench::kLadderExposureRequest); }
static void BM_evaluate_json_typical(benchmark::State& state) { run_json(state, bench::kTypicalRequest); }
static void BM_evaluate_json_ladder_exposure(benchmark::State& state) { run_json(state, bench::kLadderExposureRequest); }
BENCHMARK(BM_evaluate_typical);
BENCHMARK(BM_evaluate_ladder_exposure);
BENCHMARK(BM_write_json_typical);
BENCHMARK(BM_write_json_ladder_exposure);
BENCHMARK(BM_evaluate_json_typical);
BENCHMARK(BM_evaluate_json_ladder_exposure);
BENCHMARK_MAIN();
