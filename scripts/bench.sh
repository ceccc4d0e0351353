#!/usr/bin/env bash
# Prints evaluate() throughput natively (Google Benchmark, and the plain loop) and as
# WebAssembly under Node (the same plain loop), and the native/wasm ratio. Figures, not tests.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_packages "${CORE_PACKAGES[@]}" libbenchmark-dev
ensure_node
stage_header_deps
ensure_imgui_source
configure_build bench -DCMAKE_BUILD_TYPE=Release -DDOSECHECK_BENCH=ON -DDOSECHECK_IMGUI_DIR=  # no UI here
web_build web bench_evaluate_plain -DCMAKE_BUILD_TYPE=Release

echo "== Google Benchmark, native"
"$ROOT/build/bench/bench_evaluate" --benchmark_min_time=1 2>/dev/null
echo "== plain loop: evaluations per second (request -> JSON response)"
native=$("$ROOT/build/bench/bench_evaluate_plain")
wasm=$(node --no-experimental-fetch "$ROOT/build/web/bench_evaluate_plain.js")
printf '%-18s %14s %14s %8s\n' request native wasm ratio
while read -r name n; do
  w=$(awk -v k="$name" '$1 == k {print $2}' <<<"$wasm")
  printf '%-18s %14s %14s %8s\n' "$name" "$n/s" "$w/s" "$(awk -v a="$n" -v b="$w" 'BEGIN {printf "%.2fx", a / b}')"
done <<<"$native"
