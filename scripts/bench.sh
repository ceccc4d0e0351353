#!/usr/bin/env bash
# evaluate() natively and as WebAssembly (figures, not tests): Google Benchmark natively, then the
# same plain loop (bench/bench_evaluate_plain.cpp: evaluate() alone, and evaluate_json(): request
# JSON in, response JSON out) natively and
# under Node, and a table of the budgets. The plain loop runs 3 rounds, native and wasm taking
# turns, and each figure is the round with the most evaluations per second: on a shared machine
# load only ever slows a round down. DOSECHECK_JOBS=1 builds on one core.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
JOBS=${DOSECHECK_JOBS:-$JOBS}
cd "$ROOT"
ensure_packages "${CORE_PACKAGES[@]}" "${WIDGET_PACKAGES[@]}" libbenchmark-dev  # build/web is the widget's folder: its configure needs them
ensure_node
stage_header_deps
ensure_imgui_source
# Natively only the two benchmarks (no UI here): the whole native build's tests take minutes.
cmake -S "$ROOT" -B "$ROOT/build/bench" -DDOSECHECK_DEPS_INCLUDE="$DEPS_INCLUDE" -DDOSECHECK_IMGUI_DIR= \
  -DCMAKE_BUILD_TYPE=Release -DDOSECHECK_BENCH=ON >"$ROOT/build/bench.configure.log" 2>&1 \
  || { cat "$ROOT/build/bench.configure.log"; exit 1; }
cmake --build "$ROOT/build/bench" --target bench_evaluate bench_evaluate_plain -j"$JOBS" >"$ROOT/build/bench.build.log" 2>&1 \
  || { tail -n 60 "$ROOT/build/bench.build.log"; exit 1; }
web_build web bench_evaluate_plain -DCMAKE_BUILD_TYPE=Release

echo "== Google Benchmark, native"
"$ROOT/build/bench/bench_evaluate" --benchmark_min_time=1 2>/dev/null

echo "== plain loop, 3 rounds (calls per second: evaluate typical, ladder_exposure; evaluate_json typical, ladder_exposure)"
rounds=""
for round in 1 2 3; do
  n=$("$ROOT/build/bench/bench_evaluate_plain")
  w=$(node --no-experimental-fetch "$ROOT/build/web/bench_evaluate_plain.js")
  echo "round $round: native $(awk '{printf "%s ", $2}' <<<"$n")| wasm $(awk '{printf "%s ", $2}' <<<"$w")"
  rounds+=$(awk '{print "native", $0}' <<<"$n")$'\n'$(awk '{print "wasm", $0}' <<<"$w")$'\n'
done

# The best round per case and build, as microseconds per call, against the budgets. evaluate()
# is the core's call on every input change (a request in, the response with its steps out);
# evaluate_json() adds reading the request's JSON and writing the response's (the CLI, compute()
# and the result message the widget publishes) — the figure the issue first measured.
awk '
  NF == 3 { if ($3 > best[$1 " " $2]) best[$1 " " $2] = $3 }
  function us(build, name) { return 1e6 / best[build " " name] }
  function verdict(ok) { return ok ? "met" : "MISSED" }
  function row(figure, name, budget_kind,   n, w) {
    n = us("native", name); w = us("wasm", name)
    if (budget_kind == "typical")
      budget = sprintf("native ≤ 20 µs %s; wasm ÷ native ≤ 2× %s", verdict(n <= 20), verdict(w / n <= 2))
    else
      budget = sprintf("wasm < 1000 µs per input change %s", verdict(w < 1000))
    printf "| %-52s | %10.1f µs | %10.1f µs | %12.2f× | %s |\n", figure, n, w, w / n, budget
  }
  END {
    printf "| %-52s | %13s | %13s | %13s | %s |\n", "figure", "native", "wasm (Node)", "wasm ÷ native", "budget"
    printf "|%s|%s|%s|%s|%s|\n", "------------------------------------------------------", "--------------:", "--------------:", "--------------:", "--------"
    row("evaluate(), typical request", "evaluate_typical", "typical")
    row("evaluate_json() (JSON in and out), typical request", "json_typical", "typical")
    row("evaluate(), full ladder + exposure (per input)", "evaluate_ladder_exposure", "ladder")
    row("evaluate_json(), full ladder + exposure", "json_ladder_exposure", "ladder")
  }' <<<"$rounds"
