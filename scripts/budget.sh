#!/usr/bin/env bash
# The web budgets (figures, not a test): builds the widget and a bare ImGui baseline with the
# same toolchain and flags, then measures both in headless Chromium on 127.0.0.1.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_packages "${CORE_PACKAGES[@]}" "${WIDGET_PACKAGES[@]}" chromium
ensure_node
stage_header_deps
ensure_imgui_source
ensure_npm_packages
web_build web site -DCMAKE_BUILD_TYPE=Release
web_build web baseline_imgui -DCMAKE_BUILD_TYPE=Release
node "$ROOT/scripts/budget.mjs" "$ROOT/build/web/site" "$ROOT/build/web/baseline"
