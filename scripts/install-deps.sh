#!/usr/bin/env bash
# Installs, with apt, the Debian bookworm packages Exitscope builds with, the Fashion-MNIST
# images of the built-in demo, NumPy (tests open the exports in Python) and what the package
# test uses (dpkg-shlibdeps and the desktop-entry and AppStream validators), Qt's own
# translations and a CJK font (the window in German and Chinese, its screenshots); only the
# missing ones, so a second run is quick. Run as root.
set -euo pipefail

packages=(
  cmake ninja-build g++ ccache pkg-config
  libeigen3-dev libtorch-dev nlohmann-json3-dev libzip-dev libcli11-dev libssl-dev libstb-dev zlib1g-dev
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev libqcustomplot-dev
  dataset-fashion-mnist python3-numpy
  dpkg-dev desktop-file-utils appstream
  qt6-translations-l10n fonts-wqy-microhei
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
