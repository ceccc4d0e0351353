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
WIDGET_PACKAGES=(fonts-dejavu-core fonttools librsvg2-bin xz-utils)
CHECK_PACKAGES=(clang libclang-rt-14-dev libbenchmark-dev python3-jsonschema glslang-tools chromium brotli)

# Dear ImGui 1.90.1, pinned: the source package of Debian 13 ("trixie"), whose released suite
# keeps this version. Debian's -dev package has no imgui.cpp, and Debian 12 has only 1.86, so the
# source package is downloaded with a private apt state (the machine's own sources stay as they
# are), its tarball checked against the pinned SHA-256 and unpacked into the ignored build folder
# (never committed). One tree serves the widget, the budget baseline and the native UI tests.
IMGUI_VERSION=1.90.1
IMGUI_DEBIAN_VERSION=1.90.1+ds-1
IMGUI_ORIG_TARBALL=imgui_1.90.1+ds.orig.tar.xz
IMGUI_ORIG_SHA256=ecce377df0f90b292f15dcbd83d438bddc162b2388c881132bde18c787572a1c
ensure_imgui_source() {
  local dir="$ROOT/build/imgui"
  IMGUI_DIR="$dir/imgui-$IMGUI_VERSION"
  [ -f "$IMGUI_DIR/imgui.cpp" ] && [ -f "$IMGUI_DIR/.sha256-checked" ] && return 0
  echo "== fetching the Dear ImGui $IMGUI_VERSION source package (Debian 13)"
  local apt="$dir/apt-trixie"
  mkdir -p "$apt/lists/partial"
  local uri
  uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null)
  [ -n "$uri" ] || uri=$(awk '/^deb / {print $2; exit}' /etc/apt/sources.list 2>/dev/null)
  [ -n "$uri" ] || { echo "no Debian mirror configured in /etc/apt"; return 1; }
  echo "deb-src $uri trixie main" >"$apt/sources.list"
  local opts=(-o "Dir::Etc::sourcelist=$apt/sources.list" -o "Dir::Etc::sourceparts=-" -o "Dir::State::Lists=$apt/lists"
              -o "APT::Sandbox::User=root")
  if [ ! -f "$dir/$IMGUI_ORIG_TARBALL" ]; then
    apt-get "${opts[@]}" -q update >"$dir/apt.log" 2>&1 \
      && (cd "$dir" && apt-get "${opts[@]}" -q source --download-only "imgui=$IMGUI_DEBIAN_VERSION" >>"$dir/apt.log" 2>&1) \
      || { tail -n 20 "$dir/apt.log"; echo "could not download the imgui $IMGUI_DEBIAN_VERSION source package"; return 1; }
  fi
  if ! echo "$IMGUI_ORIG_SHA256  $dir/$IMGUI_ORIG_TARBALL" | sha256sum --check --status 2>/dev/null; then
    echo "$IMGUI_ORIG_TARBALL does not match the pinned SHA-256; removed"
    rm -f "$dir/$IMGUI_ORIG_TARBALL"
    return 1
  fi
  rm -rf "$IMGUI_DIR"
  tar -C "$dir" -xf "$dir/$IMGUI_ORIG_TARBALL"
  [ -f "$IMGUI_DIR/imgui.cpp" ] || { echo "the imgui tarball did not unpack to $IMGUI_DIR"; return 1; }
  touch "$IMGUI_DIR/.sha256-checked"
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

# Configures and builds one build folder: configure_build <dir> [--target <target>] <cmake args...>
# (everything, or only that target).
configure_build() {
  local dir=$1 target=all; shift
  if [ "${1:-}" = "--target" ]; then target=$2; shift 2; fi
  cmake -S "$ROOT" -B "$ROOT/build/$dir" -DDOSECHECK_DEPS_INCLUDE="$DEPS_INCLUDE" -DDOSECHECK_IMGUI_DIR="${IMGUI_DIR:-}" "$@" >"$ROOT/build/$dir.configure.log" 2>&1 \
    || { cat "$ROOT/build/$dir.configure.log"; return 1; }
  cmake --build "$ROOT/build/$dir" --target "$target" -j"$JOBS" >"$ROOT/build/$dir.build.log" 2>&1 \
    || { tail -n 60 "$ROOT/build/$dir.build.log"; return 1; }
}

# A WebAssembly build with the widget: web_build <dir> <target: all | site | ...> <cmake args...>
web_build() {
  local dir=$1 target=$2; shift 2
  # The Closure Compiler for the JS glue (an npm package, ensure_npm_packages), when installed.
  local closure="$ROOT/node_modules/google-closure-compiler-linux/compiler"
  [ -x "$closure" ] || closure=""
  emcmake cmake -S "$ROOT" -B "$ROOT/build/$dir" -DDOSECHECK_DEPS_INCLUDE="$DEPS_INCLUDE" -DDOSECHECK_IMGUI_DIR="$IMGUI_DIR" \
    -DDOSECHECK_CLOSURE_COMPILER="$closure" "$@" \
    >"$ROOT/build/$dir.configure.log" 2>&1 || { cat "$ROOT/build/$dir.configure.log"; return 1; }
  cmake --build "$ROOT/build/$dir" --target "$target" -j"$JOBS" >"$ROOT/build/$dir.build.log" 2>&1 \
    || { tail -n 60 "$ROOT/build/$dir.build.log" | cut -c1-400; return 1; }
}
