#!/usr/bin/env bash
# A realistic load on the platform with Gatling (bench/gatling, Java DSL, its own Maven project).
#
#   bash bench/gatling.sh [users=200] [seconds=300]        e.g.  bash bench/gatling.sh 50 60   (a smoke run)
#
# Starts target/alliancehub.jar on an empty data directory (demo network, ALLIANCEHUB_ADMIN_PASSWORD set),
# waits for /actuator/health UP, runs PlatformSimulation against it (anonymous page views, searches, the demo
# secretariats in the back office, survey answers and votes; see the class's comment for the mix and what it
# creates through the API first), stops the server and prints per request kind: count, failures, p50/p95/p99.
# The simulation asserts 0 failed requests (the script exits non-zero otherwise).
#
# Environment: JAR (default target/alliancehub.jar), NO_BUILD=1 (use target/alliancehub.jar as it is), XMX (server heap, default 1g),
# REPS (representatives, default 60), MOTIONS (default 5), APP_PORT (default 18100), BASE_URL (run against a
# server already running instead of starting one; ADMIN_PASSWORD must then be its admin's password).
# Output: bench/out/gatling/{results.txt,app.log,gatling.log} and the HTML report under bench/gatling/target/gatling/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/bench/out/gatling"
USERS="${1:-200}"
SECONDS_="${2:-300}"
APP_PORT="${APP_PORT:-18100}"
JAR="${JAR:-$ROOT/target/alliancehub.jar}"
export ADMIN_PASSWORD="${ADMIN_PASSWORD:-gatling-admin-password}"
mkdir -p "$OUT"
log() { printf '[gatling %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

APP_PID=""
DATA=""
cleanup() {
  if [[ -n "$APP_PID" ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  [[ -n "$DATA" ]] && rm -rf "$DATA"
}
trap cleanup EXIT

if [[ -z "${BASE_URL:-}" ]]; then
  if [[ "${NO_BUILD:-0}" != 1 || ! -f "$JAR" ]]; then
    log "building the platform's jar"
    (cd "$ROOT" && mvn -B -q -o package -DskipTests) || (cd "$ROOT" && mvn -B -q package -DskipTests)
  fi
  DATA="$(mktemp -d /tmp/alliancehub-gatling.XXXXXX)"
  log "starting the platform on port $APP_PORT (data $DATA, log $OUT/app.log)"
  SERVER_PORT="$APP_PORT" SERVER_ADDRESS=127.0.0.1 ALLIANCEHUB_DATA="$DATA" ALLIANCEHUB_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    java -Xmx"${XMX:-1g}" -jar "$JAR" >"$OUT/app.log" 2>&1 </dev/null &
  APP_PID=$!
  export BASE_URL="http://127.0.0.1:$APP_PORT"
  deadline=$(( $(date +%s) + ${START_TIMEOUT:-900} ))
  until curl -fsS --max-time 2 "$BASE_URL/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$APP_PID" 2>/dev/null || die "the platform exited during start-up (see $OUT/app.log)"
    (( $(date +%s) < deadline )) || die "the platform is not UP after ${START_TIMEOUT:-900} s (see $OUT/app.log)"
    sleep 0.5
  done
  log "platform UP"
fi

log "load: $USERS users for $SECONDS_ s against $BASE_URL (load average $(cut -d' ' -f1-3 /proc/loadavg))"
rc=0
(cd "$ROOT/bench/gatling" && USERS="$USERS" DURATION="$SECONDS_" mvn -B gatling:test) >"$OUT/gatling.log" 2>&1 || rc=$?
grep -E "^set-up:|^load:|Please open|failedRequests|^Global|KO|Exception" "$OUT/gatling.log" | head -20 >&2 || true

report="$(ls -td "$ROOT"/bench/gatling/target/gatling/*/ 2>/dev/null | head -1)"
[[ -n "$report" ]] || die "no Gatling report (see $OUT/gatling.log)"
python3 - "$report" "$USERS" "$SECONDS_" "$rc" <<'EOF' | tee "$OUT/results.txt"
import html as html_lib, json, os, re, sys
report, users, seconds, rc = sys.argv[1:]
def num(v):
    try: return float(v)
    except (TypeError, ValueError): return 0.0 if v == "-" else float("nan")

def rows(report):
    """The statistics table of the report's index.html (Gatling 3.14 renders it there; its js/stats.js is only the
    table's code): per row the name and the cells col-2 (total) .. col-14."""
    html = open(os.path.join(report, "index.html"), encoding="utf-8").read()
    for tr in re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.S):
        name = re.search(r'class="ellipsed-name">(.*?)</span>', tr, re.S)
        cells = dict(re.findall(r'<td class="value [a-z]+ col-(\d+)">([^<]*)</td>', tr))
        if name and "2" in cells:
            yield html_lib.unescape(name.group(1).strip()), {int(k): v.strip() for k, v in cells.items()}

def row(name, c):
    return f'{name[:38]:<38} {num(c[2]):>8.0f} {num(c[4]):>6.0f} {num(c[8]):>7.0f} {num(c[10]):>7.0f} {num(c[11]):>7.0f} {num(c[12]):>7.0f} {num(c[6]):>8.1f}'

table = list(rows(report))
total = next(c for n, c in table if n == "All Requests")
print(f"Gatling: {users} users, {seconds} s, load average at the end {open('/proc/loadavg').read().split()[0:3]}, report {report}")
print(f'{"request kind":<38} {"count":>8} {"KO":>6} {"p50 ms":>7} {"p95 ms":>7} {"p99 ms":>7} {"max ms":>7} {"req/s":>8}')
for n, c in sorted((n, c) for n, c in table if n != "All Requests"):
    print(row(n, c))
print(row("ALL", total))
print("0 errors: " + ("yes" if num(total[4]) == 0 and rc == "0" else "NO"))
EOF
exit "$rc"
