#!/usr/bin/env bash
# Restarts only, side by side, alternating in each round: the minimal Spring Boot app and any number of platform
# variants, all restarting on one data directory initialised beforehand (so no first start in the timing: on a
# loaded machine bench/startup.sh's first starts take most of its 8 minutes).
#
#   bash bench/startup-restarts.sh <data dir> <rounds> name=<java args...> [name=<java args...> ...]
#
# e.g. main=-jar /work/wt/main24.jar  aot-cds=-XX:SharedArchiveFile=x/app.jsa -Dspring.aot.enabled=true -jar x/app.jar
# The minimal app (MIN_ARGS, default -jar bench/startup/minimal/target/minimal.jar) runs first in each round against
# MIN_URL (a PostgreSQL of your own, e.g. the one bench/startup.sh starts). Prints seconds from launch to health UP
# per variant and round, their medians, each median / the minimal app's, and the phases of each variant's last
# restart (seconds after "Starting": context read, Started). Ports: APP_PORT (18210). Java runs in the current
# directory: a CDS archive made with a relative class path (-jar x/app.jar) is used only when started with the same
# relative path from the same directory (otherwise the JVM says "shared class paths mismatch" and runs without it).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="$1"; ROUNDS="$2"; shift 2
APP_PORT="${APP_PORT:-18210}"
MIN_ARGS="${MIN_ARGS:--jar $ROOT/bench/startup/minimal/target/minimal.jar}"
OUT="$ROOT/bench/out/startup-restarts"; mkdir -p "$OUT"
names=(minimal); declare -A ARGS=([minimal]="$MIN_ARGS") UP
for v in "$@"; do names+=("${v%%=*}"); ARGS[${v%%=*}]="${v#*=}"; done

run() { # name round
  local name="$1" logf="$OUT/$1-$2.log" t0 pid envs=(SERVER_PORT="$APP_PORT" ALLIANCEHUB_DATA="$DATA")
  [[ "$name" == minimal* ]] && envs=(SERVER_PORT="$APP_PORT" SPRING_DATASOURCE_URL="$MIN_URL" SPRING_DATASOURCE_USERNAME=postgres)
  t0=$(date +%s.%N)
  # shellcheck disable=SC2086
  env "${envs[@]}" nice -n 19 ionice -c3 java -Xmx512m ${ARGS[$name]} >"$logf" 2>&1 </dev/null &
  pid=$!
  until curl -fsS --max-time 2 "http://127.0.0.1:$APP_PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$pid" 2>/dev/null || { echo "$name exited (see $logf)" >&2; return 1; }
    sleep 0.05
  done
  LAST="$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')"; UP[$name]+="$LAST "
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
for ((i = 1; i <= ROUNDS; i++)); do
  for n in "${names[@]}"; do run "$n" "$i"; echo "[$(date +%T)] round $i $n: UP $LAST s" >&2; done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
{
  echo "restarts side by side, $ROUNDS rounds, $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  m=$(median <<<"${UP[minimal]}")
  for n in "${names[@]}"; do
    med=$(median <<<"${UP[$n]}")
    printf '%-14s UP median %7.2f s  / minimal %5.2fx   all: %s\n' "$n" "$med" "$(awk -v a="$med" -v b="$m" 'BEGIN { print a / b }')" "${UP[$n]}"
    python3 - "$OUT/$n-$ROUNDS.log" <<'PY'
import re, sys, datetime
t0 = None; at = {}
for line in open(sys.argv[1], errors="replace"):
    m = re.match(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+)Z", line)
    if not m: continue
    t = datetime.datetime.fromisoformat(m.group(1)).timestamp()
    if t0 is None and re.search(r"Starting ", line): t0 = t
    for k, p in (("context-read", "Root WebApplicationContext: initialization completed"), ("started", r"Started \S+ in")):
        if k not in at and re.search(p, line): at[k] = t
    j = re.search(r"process running for ([\d.]+)\)", line)
    if j: jvm = t - float(j.group(1))
if t0: print("               phases (s after Starting): " + ", ".join("%s %.1f" % (k, v - t0) for k, v in at.items())
          + (", JVM->Starting %.1f" % (t0 - jvm) if "jvm" in dir() else ""))
PY
  done
} | tee "$OUT/results.txt"
