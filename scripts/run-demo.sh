#!/usr/bin/env bash
# The main job: installs what is needed (Debian 12), builds, creates the built-in demo event and runs the kiosk.
# With a display it starts the touchscreen kiosk; without one (a server, CI) it runs the same
# scan -> check-in cycle headless and saves screenshots of the kiosk's screens.
#   bash scripts/run-demo.sh             # kiosk full screen (or headless when there is no display)
#   bash scripts/run-demo.sh --windowed  # extra options go to checkin-kiosk
#   CHECKIN_HEADLESS=1 bash scripts/run-demo.sh   # force the headless run
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
bash scripts/install-deps.sh
bash scripts/build.sh
BUILD_DIR="$(cd "${CHECKIN_BUILD_DIR:-build}" && pwd)"
CTL="$BUILD_DIR/kiosk/checkinctl"
KIOSK="$BUILD_DIR/kiosk/app/checkin-kiosk"
DATA="${CHECKIN_DEMO_DIR:-$ROOT/demo-data}"
export CHECKIN_DB="$DATA/checkin.sqlite"
export CHECKIN_KIOSK="${CHECKIN_KIOSK:-demo-kiosk}"

mkdir -p "$DATA"
"$CTL" demo --out "$DATA" >/dev/null
echo "Demo event ready: database $CHECKIN_DB"
echo "Invitations (QR PNG + PDF per guest): $DATA/invitations/"

if [ -z "${CHECKIN_HEADLESS:-}" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
  echo "Starting the kiosk. Scan an invitation from $DATA/invitations/ with the camera or a USB scanner."
  exec "$KIOSK" --db "$CHECKIN_DB" "$@"
fi

echo
echo "No display: running the scan -> check-in cycle headless."
for guest in demo-002 demo-004 demo-003; do
  "$CTL" checkin --image "$DATA/invitations/$guest.png" --source demo || true
done
# A second scan of the same guest the same day: recorded once, shown as already checked in.
"$CTL" checkin --image "$DATA/invitations/demo-002.png" --source demo || true
echo
echo "Printing the queued badges and agendas (PDF folder printer; 'checkinctl printers' switches to CUPS):"
"$CTL" print-worker --once | tail -n 1
echo
echo "Today's attendance:"
"$CTL" attendance --day "$(TZ=Asia/Bangkok date +%F)" --format csv
SHOTS="$DATA/screenshots"
mkdir -p "$SHOTS"
QT_QPA_PLATFORM=offscreen "$KIOSK" --db "$CHECKIN_DB" --screenshot "$SHOTS" >/dev/null
echo
echo "Screenshots of every kiosk screen: $SHOTS/"
ls "$SHOTS"
echo "Badges printed (PDF):               $DATA/printed/badges/"
ls "$DATA/printed/badges"
echo "Agendas printed (PDF):              $DATA/printed/agendas/"
echo "Invitation PDFs and QR codes:       $DATA/invitations/"
echo "Database:                           $CHECKIN_DB"
