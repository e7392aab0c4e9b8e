#!/usr/bin/env bash
# ctest `package`: builds the Debian package from a built tree, checks its control fields,
# unpacks it into a scratch root, validates the desktop entry and the AppStream metadata
# there (with and without screenshots), and runs the installed programs: --version, the
# quick demo and the window's screenshot of it.
#   tests/package_check.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build="$1"
source="$2"
work="$(mktemp -d "${TMPDIR:-/tmp}/exitscope-package.XXXXXX")"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

(cd "$build" && "${CPACK:-cpack}" -G DEB -B "$work/out") >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack"; }
debs=("$work"/out/exitscope_*.deb)
[[ -f "${debs[0]}" ]] || fail "cpack wrote no exitscope_*.deb"
deb="${debs[0]}"
echo "package: ${deb##*/}, $(stat -c %s "$deb") bytes"

depends="$(dpkg-deb -f "$deb" Depends)"
echo "Depends: $depends"
for need in qt6-qpa-plugins libqt6widgets6 libtorch libqcustomplot libzip; do
  [[ "$depends" == *"$need"* ]] || fail "Depends lacks $need"
done
recommends=$(dpkg-deb -f "$deb" Recommends)
for wanted in dataset-fashion-mnist qt6-translations-l10n "fonts-noto-cjk | fonts-wqy-microhei"; do
  [[ "$recommends" == *"$wanted"* ]] || fail "Recommends lacks $wanted: $recommends"
done
# Every dependency can be satisfied here (the build's libraries are installed).
apt-get install --simulate "$deb" >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "apt cannot install the package"; }

root="$work/root"
dpkg-deb -x "$deb" "$root"
share="$root/usr/share"
for f in bin/exitscope bin/exitscope-cli share/exitscope/fashion-mnist-exits.pt share/doc/exitscope/copyright \
         share/doc/exitscope/README.md share/applications/org.exitscope.Exitscope.desktop \
         share/metainfo/org.exitscope.Exitscope.metainfo.xml share/mime/packages/org.exitscope.Exitscope.xml \
         share/icons/hicolor/scalable/apps/org.exitscope.Exitscope.svg share/icons/hicolor/48x48/apps/org.exitscope.Exitscope.png \
         share/icons/hicolor/256x256/apps/org.exitscope.Exitscope.png; do
  [[ -s "$root/usr/$f" ]] || fail "the package lacks /usr/$f"
done

# Validators: no errors and no warnings (infos and pedantic notes are allowed).
desktop-file-validate "$share/applications/org.exitscope.Exitscope.desktop" >"$work/desktop.log" 2>&1 \
  || { cat "$work/desktop.log"; fail "desktop-file-validate"; }
[[ ! -s "$work/desktop.log" ]] || { cat "$work/desktop.log"; fail "desktop-file-validate has remarks"; }
cmake -DOUT="$work/with-screenshots.metainfo.xml" -DVERSION=0 -DSCREENSHOT_URL=https://example.org/exitscope \
  -P "$source/packaging/metainfo.cmake"
for m in "$share/metainfo/org.exitscope.Exitscope.metainfo.xml" "$work/with-screenshots.metainfo.xml"; do
  appstreamcli validate --no-net "$m" >"$work/appstream.log" 2>&1 || { cat "$work/appstream.log"; fail "appstreamcli: $m"; }
  if grep -E '^(E|W):' "$work/appstream.log"; then fail "appstreamcli warns about $m"; fi
done

# The installed programs, from the scratch root: they find the demo model beside them.
cli="$root/usr/bin/exitscope-cli"
"$cli" --version | tee "$work/version.txt"
"$root/usr/bin/exitscope" --version | tee -a "$work/version.txt"
for want in "exitscope-cli " "exitscope " "git revision " "LibTorch " "Qt "; do
  grep -q "^$want" "$work/version.txt" || fail "--version prints no line starting '$want'"
done
"$cli" demo --quick --out-dir "$work/demo" >"$work/demo.log" 2>&1 || { cat "$work/demo.log"; fail "the installed demo"; }
[[ -s "$work/demo/thresholds.json" ]] || fail "the installed demo wrote no thresholds.json"
QT_QPA_PLATFORM=offscreen "$root/usr/bin/exitscope" --demo "$work/demo" --screenshot "$work/window.png" \
  || fail "the installed window on the demo"
size="$(stat -c %s "$work/window.png")"
((size > 20000)) || fail "the installed window's screenshot is $size bytes"
echo "installed: version, demo and window ok (screenshot $size bytes)"
