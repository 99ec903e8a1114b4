#!/usr/bin/env bash
# Installs every Debian 12 package ietf-checkin needs to build, run and test.
# Safe to run repeatedly: packages already present are skipped quickly.
set -euo pipefail

PACKAGES=(
  cmake ninja-build pkg-config g++ git
  qt6-base-dev qt6-declarative-dev qt6-multimedia-dev qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools
  qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtqml-workerscript qml6-module-qtquick
  qml6-module-qtquick-controls qml6-module-qtquick-layouts qml6-module-qtquick-templates
  qml6-module-qtquick-window qml6-module-qttest qml6-module-qtmultimedia
  qt6-virtualkeyboard-plugin qml6-module-qtquick-virtualkeyboard qml6-module-qt-labs-folderlistmodel
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good
  libzxing-dev libhpdf-dev libsqlite3-dev sqlite3 libsodium-dev libcups2-dev
  libharfbuzz-dev libfreetype-dev libicu-dev libical-dev libcurl4-openssl-dev
  python3-aiosmtpd openssl
  cups-daemon cups-client printer-driver-cups-pdf
  postgresql libpq-dev
  libbenchmark-dev libzbar-dev python3-reportlab
  libgl1-mesa-dri xvfb xauth poppler-utils fonts-noto-core fonts-noto-cjk
  clang-16 libclang-rt-16-dev llvm-16
  clang-format
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
