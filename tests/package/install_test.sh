#!/usr/bin/env bash
# The installed programs find their installed library by themselves.
#   install_test.sh install BUILD_DIR CORPUS   cmake --install into a scratch prefix, run fibrokb-search and
#                                       fibrokb --check; then build your own library from CORPUS with the
#                                       installed fibrokb-index and check that it is preferred
#   install_test.sh deb BUILD_DIR       cpack -G DEB into a scratch folder, dpkg -x it, run its fibrokb-search
# Neither --index nor FIBROKB_INDEX is given, and XDG_DATA_HOME points at an empty folder, so only
# the installed location (../share/fibrokb/index from the program) can be what they find.
set -euo pipefail
mode="$1"
build="$2"
scratch="$(mktemp -d "${TMPDIR:-/tmp}/fibrokb-package-test.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
unset FIBROKB_INDEX
export XDG_DATA_HOME="$scratch/xdg-data" XDG_CONFIG_HOME="$scratch/xdg-config" HOME="$scratch/home"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$HOME"

fail() { echo "FAIL: $*" >&2; exit 1; }

# Runs fibrokb-search from prefix $1 and checks it answers from $1/share/fibrokb/index.
check_search() {
  local prefix="$1" out
  out="$("$prefix/bin/fibrokb-search" --limit 3 "hip pain")" || fail "fibrokb-search exited $?: $out"
  printf '%s\n' "$out" | head -5
  printf '%s\n' "$out" | grep -Eq '^[1-9][0-9]* results?$' || fail "fibrokb-search found nothing for 'hip pain'"
  out="$("$prefix/bin/fibrokb-index" stats)" || fail "fibrokb-index stats exited $?"
  printf '%s\n' "$out" | grep -Fq "Index:          $prefix/share/fibrokb/index" \
    || fail "fibrokb-index stats did not read $prefix/share/fibrokb/index: $(printf '%s\n' "$out" | head -1)"
  "$prefix/bin/fibrokb-search" --help | grep -Fq "$prefix/share/fibrokb/index" \
    || fail "fibrokb-search --help does not name the installed library"
}

case "$mode" in
  install)
    prefix="$scratch/prefix"
    cmake --install "$build" --prefix "$prefix" >"$scratch/install.log" || { cat "$scratch/install.log"; fail "cmake --install"; }
    # A marker touched once the install has finished: the log itself can be written before the last file
    # (or its folder) is, and the check below would then see the install's own writes as changes.
    touch "$scratch/installed"
    for f in bin/fibrokb-index bin/fibrokb-search share/fibrokb/index/XAPIANDB \
             share/applications/org.fibrokb.FibroKB.desktop share/metainfo/org.fibrokb.FibroKB.metainfo.xml \
             share/icons/hicolor/scalable/apps/org.fibrokb.FibroKB.svg share/man/man1/fibrokb-search.1; do
      [ -e "$prefix/$f" ] || fail "$f is not installed"
    done
    check_search "$prefix"
    if [ "${FIBROKB_EXPECT_APP:-0}" = 1 ]; then
      [ -x "$prefix/bin/fibrokb" ] || fail "bin/fibrokb is not installed"
      "$prefix/bin/fibrokb" --version | grep -q '^fibrokb ' || fail "fibrokb --version"
      # --check opens the library the way the window does (after QApplication starts) and exits.
      out="$(QT_QPA_PLATFORM=offscreen timeout 60 "$prefix/bin/fibrokb" --check 2>&1)" || fail "fibrokb --check exited $?: $out"
      echo "$out"
      printf '%s\n' "$out" | grep -Fq "library $prefix/share/fibrokb/index (the installed library)" \
        || fail "fibrokb did not open the installed library"
    fi
    # The installed fibrokb-index writes your own library (never beside itself), which is then preferred.
    "$prefix/bin/fibrokb-index" build --quiet --corpus "$3" >/dev/null || fail "installed fibrokb-index build"
    own="$XDG_DATA_HOME/FibroKB/fibrokb/index"
    [ -f "$own/XAPIANDB" ] || fail "fibrokb-index build did not write $own"
    "$prefix/bin/fibrokb-index" stats | grep -Fq "Index:          $own" || fail "stats does not prefer $own"
    if [ "${FIBROKB_EXPECT_APP:-0}" = 1 ]; then
      QT_QPA_PLATFORM=offscreen timeout 60 "$prefix/bin/fibrokb" --check 2>/dev/null \
        | grep -Fq "library $own (your own library)" || fail "fibrokb does not prefer $own"
    fi
    # Nothing was written next to the programs or into the installed library.
    find "$prefix" -newer "$scratch/installed" -print | grep . && fail "files changed under $prefix after the install"
    ;;
  deb)
    cpack -G DEB --config "$build/CPackConfig.cmake" -B "$scratch/out" >"$scratch/cpack.log" 2>&1 \
      || { cat "$scratch/cpack.log"; fail "cpack -G DEB"; }
    deb="$(ls "$scratch"/out/fibrokb_*.deb)"
    echo "built $(basename "$deb")"
    dpkg-deb -f "$deb" Package Depends
    depends="$(dpkg-deb -f "$deb" Depends)"
    for lib in libxapian libc6 libstdc++6; do
      printf '%s\n' "$depends" | grep -q "$lib" || fail "Depends lacks $lib: $depends"
    done
    mkdir "$scratch/root"
    dpkg -x "$deb" "$scratch/root"
    check_search "$scratch/root/usr"
    ;;
  *) echo "usage: $0 install|deb BUILD_DIR" >&2; exit 2 ;;
esac
echo "ok"
