#!/usr/bin/env sh
# Installs the Debian packages the test suite and the app need: the X/GL
# libraries Qt loads even offscreen, fonts, LibreOffice (to recalculate
# exported workbooks) and Xvfb (for screenshots). Runs only as root on a
# Debian-like system; anywhere else it says what is missing and carries on.
set -u
packages="libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libegl1 libgl1 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0
  libxcb-xinerama0 libxcb-randr0 libxcb-xkb1 libxrender1 libxi6 fonts-dejavu-core
  libreoffice-calc-nogui xvfb xauth imagemagick desktop-file-utils appstream shared-mime-info"
missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
  echo "Note: these system packages are missing and could not be installed (not root):$missing" >&2
fi
exit 0
