#!/usr/bin/env bash
# Install the few Debian/Ubuntu packages Qt, Xvfb and the PDF tools need.
# As root with apt-get: installs what is missing. Elsewhere: prints what to install.
set -euo pipefail
packages=(
  libgl1 libegl1 libglib2.0-0 libfontconfig1 libfreetype6 libxkbcommon0 libdbus-1-3
  fonts-dejavu-core libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0
  xvfb xauth poppler-utils
)
if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "Not a Debian/Ubuntu system: install Qt 6's runtime libraries (OpenGL/EGL, fontconfig,"
  echo "xkbcommon, xcb-cursor) with your package manager; on Windows and macOS nothing is needed."
  exit 0
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Missing system packages; install them with:"
  echo "  sudo apt-get install --no-install-recommends ${missing[*]}"
  exit 1
fi
