#!/usr/bin/env bash
# Turns a Debian 12 machine into a check-in kiosk that starts at boot: installs cage and Qt's Wayland platform,
# builds and installs checkin-kiosk and checkinctl to /usr/local, creates the `checkin` user, installs and enables
# ietf-checkin-kiosk.service (cage on tty1). Run as root from a checkout. It does not create an event: do that
# with checkinctl as the `checkin` user (see README.md, "Preparing a meeting", and docs/kiosk.md, "Lockdown and deployment").
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "$(id -u)" -ne 0 ]; then
  echo "install-kiosk: run as root (sudo bash scripts/deploy/install-kiosk.sh)" >&2
  exit 2
fi
bash scripts/install-deps.sh
export DEBIAN_FRONTEND=noninteractive
# cage 0.1.4 starts an XWayland server and refuses to run without it.
apt-get install -y -qq --no-install-recommends cage qt6-wayland xwayland
CMAKE_BUILD_TYPE=Release bash scripts/build.sh
cmake --install build --prefix /usr/local
install -Dm644 README.md /usr/local/share/doc/ietf-checkin/README.md
install -Dm644 -t /usr/local/share/doc/ietf-checkin/docs docs/*.md

id checkin >/dev/null 2>&1 || useradd --system --create-home --home-dir /var/lib/ietf-checkin-home \
  --shell /usr/sbin/nologin --groups video,input,lpadmin checkin
install -d -m 0700 -o checkin -g checkin /var/lib/ietf-checkin
[ -f /etc/default/ietf-checkin-kiosk ] || cat > /etc/default/ietf-checkin-kiosk <<'CONF'
# Settings for ietf-checkin-kiosk.service. This kiosk's id, recorded with every check-in:
CHECKIN_KIOSK=kiosk-1
# Extra checkin-kiosk options, e.g. --language fr --badge-printer cups:badges (see checkin-kiosk --help):
CHECKIN_KIOSK_OPTIONS=
CONF
install -Dm644 scripts/deploy/ietf-checkin-kiosk.service /etc/systemd/system/ietf-checkin-kiosk.service
systemctl daemon-reload
systemctl enable ietf-checkin-kiosk.service
systemctl set-default graphical.target >/dev/null
echo "install-kiosk: installed. Create the event as the kiosk user, e.g."
echo "  sudo -u checkin CHECKIN_DB=/var/lib/ietf-checkin/checkin.sqlite checkinctl demo"
echo "  sudo -u checkin CHECKIN_DB=/var/lib/ietf-checkin/checkin.sqlite checkinctl staff-pin set"
echo "then reboot, or: systemctl start ietf-checkin-kiosk"
