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
import json, os, re, sys
report, users, seconds, rc = sys.argv[1:]
def load_stats(report):
    """The report's statistics: js/stats.json where it exists, else js/stats.js (Gatling 3.14 writes only this: a
    JavaScript literal "var stats = {...}" with unquoted keys and the figures as strings)."""
    path = os.path.join(report, "js", "stats.json")
    if os.path.exists(path):
        return json.load(open(path, encoding="utf-8"))
    text = open(os.path.join(report, "js", "stats.js"), encoding="utf-8").read()
    text = text[text.index("{"):]
    depth, end, quoted, escaped = 0, None, False, False
    for i, ch in enumerate(text):  # the literal's end: the brace that closes the first one (functions may follow)
        if quoted:
            if escaped: escaped = False
            elif ch == "\\": escaped = True
            elif ch == '"': quoted = False
        elif ch == '"': quoted = True
        elif ch == "{": depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                end = i + 1; break
    text = text[:end]
    text = re.sub(r'([{,]\s*)([A-Za-z_$][\w$]*)\s*:', r'\1"\2":', text)  # unquoted keys
    text = re.sub(r',(\s*[}\]])', r'\1', text)  # trailing commas
    return json.loads(text)

def num(v):
    try: return float(v)
    except (TypeError, ValueError): return float("nan")

def requests(node):
    """Every request's entry, however deeply groups nest them."""
    for c in (node.get("contents") or {}).values():
        if c.get("type") == "REQUEST": yield c
        else: yield from requests(c)

stats = load_stats(report)
def row(name, s):
    n = s["numberOfRequests"]; p = lambda k: num(s[k]["total"])
    return f'{name[:38]:<38} {num(n["total"]):>8.0f} {num(n["ko"]):>6.0f} {p("percentiles1"):>7.0f} {p("percentiles3"):>7.0f} {p("percentiles4"):>7.0f} {p("maxResponseTime"):>7.0f} {num(s["meanNumberOfRequestsPerSecond"]["total"]):>8.1f}'
print(f"Gatling: {users} users, {seconds} s, load average at the end {open('/proc/loadavg').read().split()[0:3]}, report {report}")
print(f'{"request kind":<38} {"count":>8} {"KO":>6} {"p50 ms":>7} {"p95 ms":>7} {"p99 ms":>7} {"max ms":>7} {"req/s":>8}')
for c in sorted(requests(stats), key=lambda c: c["name"]):
    print(row(c["name"], c["stats"]))
print(row("ALL", stats["stats"]))
print("0 errors: " + ("yes" if num(stats["stats"]["numberOfRequests"]["ko"]) == 0 and rc == "0" else "NO"))
EOF
exit "$rc"
