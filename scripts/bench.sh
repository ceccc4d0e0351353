#!/usr/bin/env bash
# evaluate() natively and as WebAssembly (figures, not tests): Google Benchmark natively, then the
# same plain loop (bench/bench_evaluate_plain.cpp: request JSON in, response JSON out) natively and
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

echo "== plain loop, 3 rounds (evaluations per second: typical, ladder_exposure)"
rounds=""
for round in 1 2 3; do
  n=$("$ROOT/build/bench/bench_evaluate_plain")
  w=$(node --no-experimental-fetch "$ROOT/build/web/bench_evaluate_plain.js")
  echo "round $round: native $(awk '{printf "%s ", $2}' <<<"$n")| wasm $(awk '{printf "%s ", $2}' <<<"$w")"
  rounds+=$(awk '{print "native", $0}' <<<"$n")$'\n'$(awk '{print "wasm", $0}' <<<"$w")$'\n'
done

# The best round per request and build, as microseconds per evaluate(), against the budgets.
awk '
  NF == 3 { if ($3 > best[$1 " " $2]) best[$1 " " $2] = $3 }
  function us(build, request) { return 1e6 / best[build " " request] }
  function row(figure, n, w, budget) {
    printf "| %-46s | %10.1f µs | %10.1f µs | %12.2f× | %s |\n", figure, n, w, w / n, budget
  }
  END {
    printf "| %-46s | %13s | %13s | %13s | %s |\n", "figure", "native", "wasm (Node)", "wasm ÷ native", "budget"
    printf "|%s|%s|%s|%s|%s|\n", "------------------------------------------------", "--------------:", "--------------:", "--------------:", "--------"
    tn = us("native", "typical"); tw = us("wasm", "typical")
    ln = us("native", "ladder_exposure"); lw = us("wasm", "ladder_exposure")
    row("evaluate, typical request", tn, tw,
        sprintf("native ≤ 20 µs %s; wasm ÷ native ≤ 2× %s", tn <= 20 ? "met" : "MISSED", tw / tn <= 2 ? "met" : "MISSED"))
    row("evaluate, full ladder + exposure (per input)", ln, lw,
        sprintf("wasm < 1000 µs per input change %s", lw < 1000 ? "met" : "MISSED"))
  }' <<<"$rounds"
