#!/usr/bin/env bash
# The README's serve command: installs what is missing, builds the widget (WebAssembly) and
# serves it on http://127.0.0.1:${PORT:-8080}/ until stopped.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_packages "${CORE_PACKAGES[@]}" "${WIDGET_PACKAGES[@]}"
ensure_node
stage_header_deps
ensure_imgui_source
ensure_npm_packages  # the Closure Compiler for the JS glue
echo "== building the widget"
web_build web site -DCMAKE_BUILD_TYPE=Release
exec node "$ROOT/scripts/static_server.mjs" "$ROOT/build/web/site" "${PORT:-8080}"
