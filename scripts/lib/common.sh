# Shared by scripts/run and scripts/test: install what is missing, then configure and build.
# shellcheck shell=bash

FIBROKB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# The build settings live in CMakePresets.json: scripts/run uses the "default" preset (build/),
# scripts/test the "ci" preset (build-ci/: the same plus -Wshadow and warnings as errors).
FIBROKB_PRESET="${FIBROKB_PRESET:-default}"
fibrokb_build_dir() { [ "$1" = ci ] && echo "$FIBROKB_ROOT/build-ci" || echo "$FIBROKB_ROOT/build"; }
FIBROKB_BUILD="$(fibrokb_build_dir "$FIBROKB_PRESET")"

# Every Debian bookworm package the build, the tests and the app need. Nothing else is assumed.
FIBROKB_PACKAGES=(
  cmake g++ make pkg-config
  libxapian-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-cpp-dev nlohmann-json3-dev zlib1g-dev libjemalloc-dev
  catch2 xapian-tools
  qt6-base-dev qt6-svg-dev libqt6sql6-sqlite libgl-dev fonts-dejavu-core
  qt6-speech-dev qt6-speech-flite-plugin
  desktop-file-utils appstream librsvg2-bin man-db groff-base dpkg-dev
)

# Only for `scripts/test --sanitize` and `scripts/fuzz`, on top of the list above. gcc's ASan and UBSan runtimes
# (libasan8, libubsan1) come with g++; libFuzzer needs clang and its runtime libraries.
FIBROKB_SANITIZE_PACKAGES=()
FIBROKB_FUZZ_PACKAGES=(clang-14 libclang-rt-14-dev)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Both take an optional list of packages; without one they check FIBROKB_PACKAGES.
missing_packages() {
  local pkg missing=() wanted=("$@")
  [ "${#wanted[@]}" -eq 0 ] && wanted=("${FIBROKB_PACKAGES[@]}")
  for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  echo "${missing[@]}"
}

install_missing_packages() {
  local missing
  missing="$(missing_packages "$@")"
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "These Debian packages are missing: $missing" >&2
    echo "Install them as root, then run this again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y $missing" >&2
    exit 1
  fi
  say "Installing: $missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing
}

configure_and_build() {
  say "Configuring in $FIBROKB_BUILD (preset $FIBROKB_PRESET)"
  (cd "$FIBROKB_ROOT" && cmake --preset "$FIBROKB_PRESET" >/dev/null)
  say "Building (this also indexes the bundled corpus)"
  cmake --build "$FIBROKB_BUILD" -j"$(nproc)"
}

# `scripts/test --sanitize`: the engine, the tools and their tests under ASan+UBSan in build-asan (preset "asan").
FIBROKB_ASAN_BUILD="$FIBROKB_ROOT/build-asan"
configure_and_build_sanitized() {
  say "Configuring in $FIBROKB_ASAN_BUILD (AddressSanitizer + UndefinedBehaviorSanitizer)"
  (cd "$FIBROKB_ROOT" && cmake --preset asan >/dev/null)
  say "Building the engine tests with sanitizers"
  cmake --build "$FIBROKB_ASAN_BUILD" -j"$(nproc)" --target engine_tests cli_tests relevance_tests remote_tests
}
