#!/usr/bin/env bash
# Validates every GLSL ES shader in shaders/ offline with glslangValidator.
set -u
pass=0; fail=0
for shader in "$1"/*.vert "$1"/*.frag; do
  if out=$(glslangValidator "$shader" 2>&1); then pass=$((pass+1)); else fail=$((fail+1)); echo "$out"; fi
  head -n 1 "$shader" | grep -q '^#version 300 es$' || { fail=$((fail+1)); echo "$shader: not GLSL ES 3.00"; }
done
echo "shaders: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
