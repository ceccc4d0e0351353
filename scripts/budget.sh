#!/usr/bin/env bash
# The web budgets (figures, not a test): builds the widget and a bare ImGui baseline in one build
# folder (the same ImGui source, toolchain and flags), then measures both in headless Chromium on
# 127.0.0.1 and prints the budget table. DOSECHECK_JOBS=1 builds on one core (a shared machine).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
JOBS=${DOSECHECK_JOBS:-$JOBS}
cd "$ROOT"
ensure_packages "${CORE_PACKAGES[@]}" "${WIDGET_PACKAGES[@]}" chromium
ensure_node
stage_header_deps
ensure_imgui_source
ensure_npm_packages
web_build web site -DCMAKE_BUILD_TYPE=Release
web_build web baseline_imgui -DCMAKE_BUILD_TYPE=Release

# Both link build/web's one imgui library, built from the tree the cache names: say which it is.
imgui_dir=$(sed -n 's/^DOSECHECK_IMGUI_DIR:PATH=//p' "$ROOT/build/web/CMakeCache.txt")
imgui_version=$(sed -n 's/^#define IMGUI_VERSION  *"\(.*\)"/\1/p' "$imgui_dir/imgui.h")
[ "$imgui_version" = "$IMGUI_VERSION" ] || { echo "build/web was built with ImGui '$imgui_version', not the pinned $IMGUI_VERSION"; exit 1; }
node "$ROOT/scripts/budget.mjs" "$ROOT/build/web/site" "$ROOT/build/web/baseline" \
  "Dear ImGui $imgui_version for both the widget and the baseline (${imgui_dir#"$ROOT"/}, SHA-256-checked Debian source)"
