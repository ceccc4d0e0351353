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
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# Emscripten must not see /usr/include, so nlohmann/ and doctest/ get a folder of their own.
stage_header_deps() {
  mkdir -p "$ROOT/build/deps/include"
  ln -sfn /usr/include/nlohmann "$ROOT/build/deps/include/nlohmann"
  ln -sfn /usr/include/doctest "$ROOT/build/deps/include/doctest"
  DEPS_INCLUDE="$ROOT/build/deps/include"
}

CORE_PACKAGES=(cmake make g++ nodejs emscripten nlohmann-json3-dev doctest-dev)
CHECK_PACKAGES=(clang libclang-rt-14-dev libbenchmark-dev python3-jsonschema)

# Configures and builds one build folder: configure_build <dir> <cmake args...>
configure_build() {
  local dir=$1; shift
  cmake -S "$ROOT" -B "$ROOT/build/$dir" -DDOSECHECK_DEPS_INCLUDE="$DEPS_INCLUDE" "$@" >"$ROOT/build/$dir.configure.log" 2>&1 \
    || { cat "$ROOT/build/$dir.configure.log"; return 1; }
  cmake --build "$ROOT/build/$dir" -j"$JOBS" >"$ROOT/build/$dir.build.log" 2>&1 \
    || { tail -n 60 "$ROOT/build/$dir.build.log"; return 1; }
}

configure_web_build() {
  local dir=$1; shift
  emcmake cmake -S "$ROOT" -B "$ROOT/build/$dir" -DDOSECHECK_DEPS_INCLUDE="$DEPS_INCLUDE" "$@" >"$ROOT/build/$dir.configure.log" 2>&1 \
    || { cat "$ROOT/build/$dir.configure.log"; return 1; }
  cmake --build "$ROOT/build/$dir" -j"$JOBS" >"$ROOT/build/$dir.build.log" 2>&1 \
    || { tail -n 60 "$ROOT/build/$dir.build.log"; return 1; }
}
