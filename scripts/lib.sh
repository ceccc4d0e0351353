# Shared by the project's scripts: install what is missing, stage header-only dependencies.
# Sourced, not run.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export NODE_PATH=/usr/share/nodejs   # emcc's JS optimizer needs Debian's acorn (ENVIRONMENT.md)
JOBS=2

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Installs the Debian packages that are not installed yet (one apt-get update, only if needed).
ensure_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing: ${missing[*]}"
    as_root apt-get update -q >/dev/null
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null \
      || { echo "could not install: ${missing[*]}"; exit 1; }
  fi
}

# Node.js and npm: the machine's own if present (a newer Node than Debian's), else Debian's.
ensure_node() {
  command -v node >/dev/null && command -v npm >/dev/null || ensure_packages nodejs npm
}

# Emscripten must not see /usr/include, so nlohmann/ and doctest/ get a folder of their own.
stage_header_deps() {
  mkdir -p "$ROOT/build/deps/include"
  ln -sfn /usr/include/nlohmann "$ROOT/build/deps/include/nlohmann"
  ln -sfn /usr/include/doctest "$ROOT/build/deps/include/doctest"
  DEPS_INCLUDE="$ROOT/build/deps/include"
}

CORE_PACKAGES=(cmake make g++ emscripten nlohmann-json3-dev doctest-dev)
WIDGET_PACKAGES=(dpkg-dev fonts-dejavu-core fonttools librsvg2-bin)
CHECK_PACKAGES=(clang libclang-rt-14-dev libbenchmark-dev python3-jsonschema glslang-tools chromium brotli)

# Dear ImGui 1.86: Debian's -dev package has no imgui.cpp, so the whole tree comes from the
# source package, unpacked into the ignored build folder (never committed).
ensure_imgui_source() {
  IMGUI_DIR="$ROOT/build/imgui/imgui-1.86+ds"
  [ -f "$IMGUI_DIR/imgui.cpp" ] && return 0
  echo "== fetching the Dear ImGui 1.86 source package"
  if ! grep -rqs "^Types: deb-src" /etc/apt/sources.list.d/ && ! grep -qs "^deb-src" /etc/apt/sources.list; then
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources | as_root tee /etc/apt/sources.list.d/debian-src.sources >/dev/null
  fi
  as_root apt-get update -q >/dev/null
  mkdir -p "$ROOT/build/imgui"
  (cd "$ROOT/build/imgui" && apt-get source -q imgui >/dev/null 2>&1)
  [ -f "$IMGUI_DIR/imgui.cpp" ] || { echo "could not fetch the imgui source package"; return 1; }
}

# npm packages for the browser tests (playwright-core drives Debian's Chromium; no browser download;
# ical.js parses the calendar file), from package-lock.json, when any in package.json is missing.
ensure_npm_packages() {
  ensure_node
  local missing=0 p
  for p in $(node -e 'console.log(Object.keys(require(process.argv[1]).devDependencies).join(" "))' "$ROOT/package.json"); do
    [ -d "$ROOT/node_modules/$p" ] || missing=1
  done
  if [ "$missing" = 1 ]; then
    echo "== installing npm packages"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# Configures and builds one build folder: configure_build <dir> <cmake args...>
configure_build() {
  local dir=$1; shift
  cmake -S "$ROOT" -B "$ROOT/build/$dir" -DDOSECHECK_DEPS_INCLUDE="$DEPS_INCLUDE" "$@" >"$ROOT/build/$dir.configure.log" 2>&1 \
    || { cat "$ROOT/build/$dir.configure.log"; return 1; }
  cmake --build "$ROOT/build/$dir" -j"$JOBS" >"$ROOT/build/$dir.build.log" 2>&1 \
    || { tail -n 60 "$ROOT/build/$dir.build.log"; return 1; }
}

# A WebAssembly build with the widget: web_build <dir> <target: all | site | ...> <cmake args...>
web_build() {
  local dir=$1 target=$2; shift 2
  emcmake cmake -S "$ROOT" -B "$ROOT/build/$dir" -DDOSECHECK_DEPS_INCLUDE="$DEPS_INCLUDE" -DDOSECHECK_IMGUI_DIR="$IMGUI_DIR" "$@" \
    >"$ROOT/build/$dir.configure.log" 2>&1 || { cat "$ROOT/build/$dir.configure.log"; return 1; }
  cmake --build "$ROOT/build/$dir" --target "$target" -j"$JOBS" >"$ROOT/build/$dir.build.log" 2>&1 \
    || { tail -n 60 "$ROOT/build/$dir.build.log" | cut -c1-400; return 1; }
}
