#!/usr/bin/env bash
# Pages rendered afresh, two (or more) builds side by side once their JITs are warm: the CPU each spends per request.
#
#   bash bench/warm-pages.sh [rounds=4] [paths=/,/a/lmxfw/articles/32] name=jar [name=jar...]
#
# Every jar is started at once on its own empty data directory and port (demo content), then each serves WARM seconds
# (default 40) of every path with the page cache bypassed (a cookie, as for a signed-in user), and only then are the
# rounds run: per round and path, each jar in turn gets wrk -t2 -c50 for DURATION seconds (default 10). Per run it
# prints req/s, p50, p99 and the JVM's CPU per request (utime + stime from /proc over the run, divided by the requests
# served), which moves far less with the machine's other load than req/s does. The JVMs not measured at a moment stay
# idle beside the one measured. Compare builds within a round. JAVA (default java on the PATH), JAVA_OPTS.
# Output: bench/out/warm-pages.txt (and each JVM's log beside it).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-4}"; shift || true
PATHS="/,/a/lmxfw/articles/32"
if [[ $# -gt 0 && "$1" != *=* ]]; then PATHS="$1"; shift; fi
(($# >= 1)) || { echo "usage: bash bench/warm-pages.sh [rounds] [paths] name=jar [name=jar...]" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
WARM="${WARM:-40}"; DURATION="${DURATION:-10}"
OUT=bench/out; mkdir -p "$OUT"; RESULTS="$OUT/warm-pages.txt"; : >"$RESULTS"
WORK="$(mktemp -d /tmp/alliancehub-warm-pages.XXXXXX)"
declare -A PID PORT
names=(); port="${PORT_BASE:-18400}"
cleanup() { for n in "${names[@]}"; do kill "${PID[$n]}" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
log() { printf '[warm-pages %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
for nj in "$@"; do
  n="${nj%%=*}"; j="${nj#*=}"; [[ -f "$j" ]] || { echo "no jar $j" >&2; exit 2; }
  names+=("$n"); port=$((port + 1)); PORT[$n]=$port
  (SERVER_PORT=$port ALLIANCEHUB_DATA="$WORK/$n" exec "${JAVA:-java}" -Xmx512m ${JAVA_OPTS:-} -jar "$j" >"$OUT/warm-pages-$n.log" 2>&1 </dev/null) &
  PID[$n]=$!
done
for n in "${names[@]}"; do
  for _ in $(seq 1 600); do curl -fsS "http://127.0.0.1:${PORT[$n]}/actuator/health" 2>/dev/null | grep -q UP && break; sleep 0.5; done
  curl -fsS "http://127.0.0.1:${PORT[$n]}/actuator/health" | grep -q UP || { echo "$n did not come up (see $OUT/warm-pages-$n.log)" >&2; exit 1; }
done
log "all up; warming each for ${WARM}s per path"
for n in "${names[@]}"; do
  for p in ${PATHS//,/ }; do wrk -t2 -c50 -d"${WARM}s" -H "Cookie: bench=1" "http://127.0.0.1:${PORT[$n]}$p" >/dev/null; done
done
ticks="$(getconf CLK_TCK)"
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
for r in $(seq 1 "$ROUNDS"); do
  for p in ${PATHS//,/ }; do
    for n in "${names[@]}"; do
      c0="$(cpu "${PID[$n]}")"
      out="$(wrk -t2 -c50 -d"${DURATION}s" --latency -H "Cookie: bench=1" "http://127.0.0.1:${PORT[$n]}$p")"
      c1="$(cpu "${PID[$n]}")"
      req="$(awk '/requests in/ {print $1}' <<<"$out")"; rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
      errors="$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out" | tr '\n' ' ')"
      p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"; p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
      line="round $r $p $n: $rps req/s, p50 $p50, p99 $p99, $(awk -v a="$c0" -v b="$c1" -v q="$req" -v t="$ticks" \
        'BEGIN { printf "%.3f", (b - a) * 1000 / t / q }') ms CPU per request${errors:+, $errors}"
      echo "$line" | tee -a "$RESULTS"
    done
  done
done
