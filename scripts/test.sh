#!/usr/bin/env bash
# The README's test command: installs what is missing, builds everything and runs every test.
#   native (g++): unit tests, golden vectors, CLI contract
#   sanitizers (clang ASan + UBSan): the same tests
#   WebAssembly (emscripten, under Node): unit tests and golden vectors, outputs byte-identical to native
#   the widget in Debian's Chromium (playwright-core): end-to-end tests, screenshots in build/e2e-artifacts/
#   fuzzing (clang libFuzzer): request parser + evaluate, seeded from the golden vectors, 60 s
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
FUZZ_SECONDS=${FUZZ_SECONDS:-60}

ensure_packages "${CORE_PACKAGES[@]}" "${WIDGET_PACKAGES[@]}" "${CHECK_PACKAGES[@]}"
ensure_node
stage_header_deps
ensure_imgui_source
ensure_npm_packages

passed=0; failed=0
record() {  # record <label> <passed> <failed>
  passed=$((passed + $2)); failed=$((failed + $3))
  echo "== $1: $2 passed, $3 failed"
}
# Runs ctest in a build folder and adds up the test cases its programs report: doctest's
# "test cases: N | N passed | N failed" and the others' "N passed, N failed". A program
# that fails without such a line (a crash) counts as one failure.
run_ctest() {
  local label=$1 dir=$2 log="$ROOT/build/$2.ctest.log"
  ctest --test-dir "$ROOT/build/$dir" --output-on-failure -V >"$log" 2>&1
  local ctest_status=$?
  local ok=0 bad=0 p f
  while read -r p f; do ok=$((ok + p)); bad=$((bad + f)); done < <(
    sed -nE 's/.*\[doctest\] test cases: *[0-9]+ \| *([0-9]+) passed \| *([0-9]+) failed.*/\1 \2/p;
             s/^[0-9]+: [a-z ]+: ([0-9]+) passed, ([0-9]+) failed$/\1 \2/p' "$log")
  grep -hE "^[0-9]+: (\[doctest\] test cases|[a-z ]+: [0-9]+ passed)" "$log" | sed 's/^[0-9]*: /   /'
  if [ "$ctest_status" -ne 0 ]; then
    tail -n 80 "$log" | cut -c1-400
    [ "$bad" -eq 0 ] && bad=1
  fi
  record "$label" "$ok" "$bad"
}
build_stage() {  # build_stage <label> <function and args...>
  local label=$1; shift
  echo "== building $label"
  "$@" || { record "$label build" 0 1; return 1; }
}

build_stage native configure_build native -DCMAKE_BUILD_TYPE=Release && run_ctest "native" native

build_stage sanitizers configure_build asan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ -DDOSECHECK_SANITIZE=ON \
  && run_ctest "sanitizers (ASan+UBSan)" asan

build_stage webassembly web_build web all -DCMAKE_BUILD_TYPE=Release && {
  run_ctest "webassembly (node)" web
  if cmp -s build/native/golden_outputs.jsonl build/web/golden_outputs.jsonl && [ -s build/web/golden_outputs.jsonl ]; then
    record "native and wasm responses byte-identical ($(wc -l <build/web/golden_outputs.jsonl) vectors)" 1 0
  else
    diff <(cut -c1-300 build/native/golden_outputs.jsonl) <(cut -c1-300 build/web/golden_outputs.jsonl) | head -n 20
    record "native and wasm responses byte-identical" 0 1
  fi
}

# A second deployment with changed data, for the service-worker update test.
if [ -f "$ROOT/build/web/site/dosechecker.wasm" ]; then
  next_version="$(sed -nE 's/.*"data_version": "([^"]+)".*/\1/p' "$ROOT/data/sources.json")-next"
  build_stage "second deployment" web_build web-next site -DCMAKE_BUILD_TYPE=Release -DDOSECHECK_DATA_VERSION="$next_version"
fi

# The widget in real Chromium, against build/web/site served on 127.0.0.1.
if [ -f "$ROOT/build/web/site/dosechecker.wasm" ]; then
  echo "== browser tests (Chromium)"
  node --test --test-reporter=tap "$ROOT/tests/e2e/" >"$ROOT/build/e2e.log" 2>&1
  e2e_pass=$(sed -nE 's/^# pass ([0-9]+)$/\1/p' "$ROOT/build/e2e.log"); e2e_fail=$(sed -nE 's/^# fail ([0-9]+)$/\1/p' "$ROOT/build/e2e.log")
  [ "${e2e_fail:-1}" != 0 ] && grep -E -A20 "^not ok" "$ROOT/build/e2e.log" | cut -c1-300 | head -n 80
  record "browser (Chromium, screenshots in build/e2e-artifacts)" "${e2e_pass:-0}" "${e2e_fail:-1}"
else
  record "browser tests: widget not built" 0 1
fi

build_stage fuzzing configure_build fuzz --target fuzz_evaluate -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=clang++ -DDOSECHECK_FUZZ=ON && {
  corpus="$ROOT/build/fuzz/corpus"; rm -rf "$corpus"; mkdir -p "$corpus"
  python3 "$ROOT/tests/fuzz/seed_corpus.py" "$ROOT/tests/golden" "$corpus"
  if "$ROOT/build/fuzz/fuzz_evaluate" -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 \
       -artifact_prefix="$ROOT/build/fuzz/" "$corpus" >"$ROOT/build/fuzz.log" 2>&1; then
    record "fuzzing ${FUZZ_SECONDS} s, $(grep -oE '#[0-9]+' "$ROOT/build/fuzz.log" | tail -n 1 | tr -d '#') runs, no crash" 1 0
  else
    tail -n 40 "$ROOT/build/fuzz.log"; record "fuzzing" 0 1
  fi
}

echo "all tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
