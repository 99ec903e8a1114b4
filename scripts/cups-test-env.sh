#!/usr/bin/env bash
# A private CUPS scheduler for tests: its own configuration, spool, state and logs in one folder, listening on
# 127.0.0.1 only, with two cups-pdf queues, "badges" and "agendas", that write the PDFs they print into
# DIR/out/<queue>/. Nothing of the machine's own CUPS is used or changed, with one exception explained below.
#
#   cups-test-env.sh start DIR     create DIR (if new) and start cupsd; prints KEY=VALUE lines:
#                                  CUPS_TEST_SERVER=127.0.0.1:PORT, CUPS_TEST_OUT_BADGES=…, CUPS_TEST_OUT_AGENDAS=…
#                                  Started again on the same DIR it reuses the port, queues and jobs.
#   cups-test-env.sh stop DIR      stop cupsd gracefully (SIGTERM), keeping its state (jobs, queues)
#   cups-test-env.sh kill DIR      stop cupsd abruptly (SIGKILL): a print server that crashed
#   cups-test-env.sh cleanup DIR   stop cupsd, remove the per-queue cups-pdf files from /etc/cups, delete DIR
#
# Needs root (as in CI): the cups-pdf backend is mode 0700 and only runs as root, and cups-pdf reads its
# settings only from /etc/cups (the path is compiled in). Per queue it reads /etc/cups/cups-pdf-<suffix>.conf
# when the device URI is cups-pdf:/<suffix>, so each test queue gets a uniquely named file there, which
# `stop`/`cleanup` remove again; /etc/cups/cups-pdf.conf and everything else in /etc/cups is left untouched.
# Files left behind by a test that was killed are removed by the next `start` once their cupsd is gone.
# Exit status: 0 ok, 1 failure (with a message on standard error saying what is missing).
set -euo pipefail

QUEUES=(badges agendas)
CUPS_PDF_CONF_DIR=/etc/cups
CUPS_PDF_PPD=/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd

die() { echo "cups-test-env: $*" >&2; exit 1; }

usage() { echo "usage: cups-test-env.sh start|stop|kill|cleanup DIR" >&2; exit 1; }

[ $# -eq 2 ] || usage
cmd=$1
dir=$2

# A stable, unique tag for this environment's files in /etc/cups.
tag_of() { echo "ietf-checkin-test-$(printf '%s' "$1" | sha256sum | cut -c1-12)"; }

cupsd_pid() {
  local pidfile="$dir/cupsd.pid"
  [ -f "$pidfile" ] || return 1
  local pid
  pid=$(cat "$pidfile")
  # Only a cupsd started with this environment's configuration counts (the pid may have been reused).
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$dir/etc/cupsd.conf" \
    && { echo "$pid"; return 0; }
  return 1
}

stop_cupsd() {
  local signal=$1 pid
  pid=$(cupsd_pid) || return 0
  kill "-$signal" "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    [ -d "/proc/$pid" ] || break
    sleep 0.1
  done
  [ -d "/proc/$pid" ] && { kill -KILL "$pid" 2>/dev/null || true; sleep 0.2; }
  rm -f "$dir/cupsd.pid"
}

remove_pdf_confs() {
  local tag
  tag=$(tag_of "$dir")
  rm -f "$CUPS_PDF_CONF_DIR/cups-pdf-$tag-"*.conf
}

# cups-pdf configuration files of test environments whose folder is gone (a test killed before cleanup).
remove_stale_pdf_confs() {
  local f owner
  for f in "$CUPS_PDF_CONF_DIR"/cups-pdf-ietf-checkin-test-*.conf; do
    [ -e "$f" ] || continue
    owner=$(sed -n 's/^# environment: //p' "$f")
    [ -n "$owner" ] && [ -d "$owner" ] && continue
    rm -f "$f"
  done
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

write_config() {
  local port=$1
  mkdir -p "$dir"/{etc/ppd,etc/ssl,spool/tmp,cache,state,log,tmp,cups-pdf-spool}
  # Filters run as user lp: they must be able to reach the spool below DIR.
  chmod 0755 "$dir" "$dir/spool"
  chmod 1777 "$dir/tmp"
  cat >"$dir/etc/cups-files.conf" <<EOF
ServerRoot $dir/etc
RequestRoot $dir/spool
TempDir $dir/spool/tmp
CacheDir $dir/cache
StateDir $dir/state
ServerKeychain $dir/etc/ssl
AccessLog $dir/log/access_log
ErrorLog $dir/log/error_log
PageLog $dir/log/page_log
Printcap /dev/null
FileDevice Yes
User lp
Group lp
SystemGroup root
Sandboxing relaxed
EOF
  # No sharing, no browsing, no authentication: the server is reachable from this machine's loopback only.
  cat >"$dir/etc/cupsd.conf" <<EOF
Listen 127.0.0.1:$port
ServerName 127.0.0.1
ServerAlias *
LogLevel warn
Browsing No
BrowseLocalProtocols none
DefaultShared No
WebInterface No
DefaultAuthType None
PreserveJobHistory Yes
PreserveJobFiles No
MaxJobs 0
JobRetryInterval 5
# Write queues and jobs to disk at once, not up to 30 s later: tests kill cupsd with SIGKILL.
DirtyCleanInterval 0
ErrorPolicy stop-printer
<Location />
  Order allow,deny
  Allow 127.0.0.1
</Location>
<Policy default>
  JobPrivateAccess all
  JobPrivateValues none
  SubscriptionPrivateAccess all
  SubscriptionPrivateValues none
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
EOF
  echo "$port" >"$dir/port"
}

write_pdf_confs() {
  local tag queue
  tag=$(tag_of "$dir")
  for queue in "${QUEUES[@]}"; do
    mkdir -p "$dir/out/$queue"
    # Label 1 appends "-job_<CUPS job id>" to every file name: a job printed twice shows as two files.
    cat >"$CUPS_PDF_CONF_DIR/cups-pdf-$tag-$queue.conf" <<EOF
# ietf-checkin test printer, made by scripts/cups-test-env.sh and removed when the test ends
# environment: $dir
Out $dir/out/$queue
AnonDirName $dir/out/$queue
Spool $dir/cups-pdf-spool
GSTmp $dir/tmp
Log $dir/log
Label 1
TitlePref 1
Truncate 200
LogType 3
DecodeHexStrings 1
EOF
  done
}

wait_until_up() {
  local port=$1 pid=$2
  for _ in $(seq 1 100); do
    [ -d "/proc/$pid" ] || return 1
    # lpstat -r exits 0 either way; only its text says whether the scheduler answers.
    lpstat -h "127.0.0.1:$port" -r 2>/dev/null | grep -q "scheduler is running" && return 0
    sleep 0.1
  done
  return 1
}

start() {
  [ "$(id -u)" -eq 0 ] || die "must run as root: the cups-pdf backend only runs as root and reads /etc/cups"
  command -v cupsd >/dev/null || die "cupsd not found: apt-get install cups-daemon"
  command -v lpadmin >/dev/null || die "lpadmin not found: apt-get install cups-client"
  [ -x /usr/lib/cups/backend/cups-pdf ] || die "the cups-pdf backend is missing: apt-get install printer-driver-cups-pdf"
  [ -f "$CUPS_PDF_PPD" ] || die "$CUPS_PDF_PPD is missing: apt-get install printer-driver-cups-pdf"
  [ -d "$CUPS_PDF_CONF_DIR" ] && [ -w "$CUPS_PDF_CONF_DIR" ] || die "$CUPS_PDF_CONF_DIR is not writable"

  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  remove_stale_pdf_confs
  if cupsd_pid >/dev/null; then
    die "a cupsd is already running for $dir (pid $(cupsd_pid)); stop it first"
  fi

  local fresh=1 port tries=0
  [ -f "$dir/port" ] && fresh=0
  while :; do
    if [ $fresh -eq 1 ]; then
      port=$((20000 + RANDOM % 40000))
      port_in_use "$port" && continue
      write_config "$port"
    else
      port=$(cat "$dir/port")
      port_in_use "$port" && die "port $port of $dir is taken by another program"
    fi
    write_pdf_confs
    cupsd -f -c "$dir/etc/cupsd.conf" -s "$dir/etc/cups-files.conf" </dev/null >>"$dir/log/cupsd.out" 2>&1 &
    local pid=$!
    echo "$pid" >"$dir/cupsd.pid"
    if wait_until_up "$port" "$pid"; then
      break
    fi
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$dir/cupsd.pid"
    tries=$((tries + 1))
    if [ $fresh -eq 0 ] || [ $tries -ge 5 ]; then
      echo "--- $dir/log/cupsd.out" >&2; tail -n 20 "$dir/log/cupsd.out" >&2 || true
      echo "--- $dir/log/error_log" >&2; tail -n 20 "$dir/log/error_log" >&2 || true
      remove_pdf_confs
      die "cupsd did not start on 127.0.0.1:$port (see the logs above)"
    fi
  done

  local server="127.0.0.1:$port" tag queue
  tag=$(tag_of "$dir")
  for queue in "${QUEUES[@]}"; do
    # Queues exist already when an environment is restarted; -E would re-enable a queue a test disabled.
    lpstat -h "$server" -v "$queue" >/dev/null 2>&1 && continue
    lpadmin -h "$server" -p "$queue" -v "cups-pdf:/$tag-$queue" -P "$CUPS_PDF_PPD" \
        -o printer-error-policy=stop-printer -E 2>>"$dir/log/lpadmin.out" \
      || { stop_cupsd KILL; die "lpadmin could not create queue $queue: $(tail -n 3 "$dir/log/lpadmin.out")"; }
  done
  echo "CUPS_TEST_SERVER=$server"
  echo "CUPS_TEST_DIR=$dir"
  for queue in "${QUEUES[@]}"; do
    echo "CUPS_TEST_OUT_${queue^^}=$dir/out/$queue"
  done
}

case "$cmd" in
  start) start ;;
  stop)
    [ -d "$dir" ] || exit 0
    dir=$(cd "$dir" && pwd)
    stop_cupsd TERM ;;
  kill)
    [ -d "$dir" ] || exit 0
    dir=$(cd "$dir" && pwd)
    stop_cupsd KILL ;;
  cleanup)
    if [ -d "$dir" ]; then
      dir=$(cd "$dir" && pwd)
      stop_cupsd TERM
      remove_pdf_confs
      rm -rf "$dir"
    fi ;;
  *) usage ;;
esac
