#!/usr/bin/env bash
# The CLI contract: stdin and file input, exit 0 / 2 / 1, no dose on invalid input.
set -u
cli=$1; golden=$2
pass=0; fail=0
check() { if [ "$1" = "$2" ]; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: $3 (got '$1', want '$2')"; fi; }
ok='{"indication":"nomid","patient":{"weight":{"value":20,"unit":"kg"}}}'
out=$(printf '%s' "$ok" | "$cli"); check $? 0 "valid request on stdin exits 0"
case "$out" in *'"ok":true'*) check yes yes "";; *) check no yes "stdin response has ok:true";; esac
tmp=$(mktemp); printf '%s' "$ok" > "$tmp"
out2=$("$cli" "$tmp"); check $? 0 "valid request from a file exits 0"
check "$out2" "$out" "file and stdin give the same response"
bad='{"indication":"nomid","patient":{"weight":{"value":-3,"unit":"kg"}}}'
out=$(printf '%s' "$bad" | "$cli"); check $? 2 "negative weight exits 2"
case "$out" in *'"ok":false'*'"field":"patient.weight"'*) check yes yes "";; *) check no yes "error names patient.weight";; esac
case "$out" in *mg_per*|*ladder*|*regimen*|*dose_mg*) check no yes "no dose in an error response";; *) check yes yes "";; esac
out=$(printf '{not json' | "$cli"); check $? 2 "malformed JSON exits 2"
out=$(printf '' | "$cli"); check $? 2 "empty input exits 2"
dup='{"indication":"nomid","patient":{"weight":{"value":20,"value":200,"unit":"kg"}}}'
out=$(printf '%s' "$dup" | "$cli"); check $? 2 "a key given twice exits 2"
case "$out" in *'"field":"patient.weight.value"'*) check yes yes "";; *) check no yes "the repeated key is named";; esac
case "$out" in *mg_per*|*ladder*|*regimen*|*dose_mg*) check no yes "no dose after a repeated key";; *) check yes yes "";; esac
out=$(printf '%s x' "$ok" | "$cli"); check $? 2 "text after the JSON value exits 2"
out=$( (printf '%s' "$ok"; printf '\000'; printf '{"weight":{"value":200}}') | "$cli"); check $? 2 "text after a NUL byte exits 2"
tmp2=$(mktemp); (printf '%s' "$ok"; printf '\000x') > "$tmp2"
"$cli" "$tmp2" >/dev/null; check $? 2 "a NUL byte in a request file exits 2"; rm -f "$tmp2"
out=$(printf '%s \n' "$ok" | "$cli"); check $? 0 "trailing whitespace is fine"
"$cli" /nonexistent/request.json >/dev/null 2>&1; check $? 1 "unreadable file exits 1"
out=$(printf '%s' "$ok" | "$cli" --pretty); check $? 0 "--pretty exits 0"
case "$out" in *$'\n  "ok": true'*) check yes yes "";; *) check no yes "--pretty indents";; esac
rm -f "$tmp"
echo "cli contract: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
