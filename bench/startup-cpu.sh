#!/usr/bin/env bash
# CPU seconds of a first start (empty data directory: initdb, the server, every migration, the demo fill) up to
# health UP, per process and per JVM thread group, for one or more jars alternated, so that builds can be compared
# on a loaded machine (CPU time survives the load far better than wall time).
#
#   bash bench/startup-cpu.sh <rounds> name=<jar> [name=<jar>...]
#   e.g. bash bench/startup-cpu.sh 3 main=/work/wt/main27.jar branch=target/alliancehub.jar
#   (JVM options for one of them in JOPTS_<name>, e.g. JOPTS_main="-XX:StartFlightRecording=filename=m.jfr"; the
#   java to run it with in JAVA_<name>, or for all in JAVA, default java on the PATH)
#
# At the moment health answers UP it reads /proc: the JVM's own CPU (user+sys of every thread, grouped by thread
# name: main, the compilers, GC, embedded-postgres-start...), the CPU of the JVM's children it has reaped (initdb
# and pg_ctl), and the embedded PostgreSQL server's (the postmaster, the backends it has reaped, and its live
# children); also the totals when the log says "Started" and "Demo network loaded", and the demo fill's and the early
# migration's own thread CPU from their log lines. Every start runs under nice -n 19 ionice -c3 (polite on a machine
# shared with other work: I/O at idle priority waits behind anyone else's) unless NICE=0, which measures a start as an
# operator's would run, at normal priority. Environment: PORT (default 18210; with CONCURRENT=1 the jars of a
# round start at once, on PORT, PORT+1...: the same load for each), XMX (512m), START_TIMEOUT (600 s), OUT
# (bench/out/startup-cpu).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${1:?rounds}"; shift
PORT="${PORT:-18210}"
XMX="${XMX:-512m}"
OUT="${OUT:-$ROOT/bench/out/startup-cpu}"
mkdir -p "$OUT"
WORK="$(mktemp -d /tmp/alliancehub-startup-cpu.XXXXXX)"
cleanup() {
  trap - EXIT
  local j; for j in $(jobs -p); do kill "$j" 2>/dev/null || true; done
  wait
  rm -rf "$WORK"
}
trap cleanup EXIT
log() { printf '[startup-cpu %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# the CPU figures of a running start, as one line of name=seconds
snapshot() {
  local pid="$1" data="$2" totals="${3:-}"
  python3 - "$pid" "$data" $totals <<'PY'
import os, re, sys
pid, data = sys.argv[1], os.path.realpath(sys.argv[2])
HZ = os.sysconf("SC_CLK_TCK")
def stat(path):
    s = open(path).read()
    name = s[s.index("(") + 1:s.rindex(")")]
    f = s[s.rindex(")") + 2:].split()
    return name, int(f[1]), [int(x) / HZ for x in f[11:15]]  # ppid, utime stime cutime cstime
groups = {}
threads = {}
def group(name):
    if name in ("main", "java"): return "main+launcher"
    if name.startswith("C2 Compiler"): return "C2"
    if name.startswith("C1 Compiler"): return "C1"
    if name.startswith(("GC ", "G1 ", "VM Thread", "VM Periodic")): return "GC+VM"
    if name.startswith("embedded-postgres"): return "pg-start-thread"
    return "other-threads"
for t in os.listdir(f"/proc/{pid}/task"):
    try:
        name, _, c = stat(f"/proc/{pid}/task/{t}/stat")
    except OSError:
        continue
    g = group(name)
    groups[g] = groups.get(g, 0) + c[0] + c[1]
    threads[name] = threads.get(name, 0) + c[0] + c[1]
_, _, c = stat(f"/proc/{pid}/stat")
jvm = c[0] + c[1]
children = c[2] + c[3]  # initdb, pg_ctl (reaped by the JVM)
pg = 0.0
procs = {}
for p in os.listdir("/proc"):
    if not p.isdigit(): continue
    try:
        cmd = open(f"/proc/{p}/cmdline", "rb").read().split(b"\0")
        procs[p] = (stat(f"/proc/{p}/stat"), cmd)
    except OSError:
        continue
post = [p for p, ((n, _, _), cmd) in procs.items() if n == "postgres" and b"-D" in cmd
        and any(os.path.realpath(a.decode(errors="replace")).startswith(data) for a in cmd if a.startswith(b"/"))]
for p in post:
    (_, _, c) = procs[p][0]
    pg += sum(c)
    for q, ((n, ppid, c2), _) in procs.items():
        if str(ppid) == p:
            pg += c2[0] + c2[1]
out = {"jvm": jvm, "initdb+pg_ctl": children, "postgres": pg, "total": jvm + children + pg}
if len(sys.argv) > 3:  # totals only, at a phase's log line
    print(" ".join(f"{k}={v:.2f}" for k, v in out.items())); sys.exit()
out.update(groups)
print(" ".join(f"{k}={v:.2f}" for k, v in out.items()))
top = sorted(threads.items(), key=lambda kv: -kv[1])[:12]
print("  threads: " + ", ".join(f"{k.replace(' ', '_')}={v:.2f}" for k, v in top))
PY
}

run() {
  local name="$1" spec="$2" i="$3" port="$4"
  local jar="$spec" args=() opts="JOPTS_$name" jv="JAVA_$name"
  read -r -a args <<<"${!opts:-}"
  local data="$WORK/data-$name-$i" logf="$OUT/$name-$i.log"
  local t0 t1 load pid started="" demo=""
  load="$(cut -d' ' -f1 /proc/loadavg)"
  t0=$(date +%s.%N)
  local polite=(nice -n 19 ionice -c3); [[ "${NICE:-1}" == 0 ]] && polite=()
  SERVER_PORT="$port" ALLIANCEHUB_DATA="$data" "${polite[@]}" "${!jv:-${JAVA:-java}}" -Xmx"$XMX" "${args[@]}" -jar "$jar" >"$logf" 2>&1 </dev/null &
  pid=$!
  local deadline=$(( $(date +%s) + ${START_TIMEOUT:-600} ))
  # the log's lines first (CPU at "Started" and at "Demo network loaded"), then health: polling health from the
  # launch on would add its own requests and queries to the CPU measured
  while :; do
    kill -0 "$pid" 2>/dev/null || { log "$name exited during start-up (see $logf)"; return 1; }
    if [[ -z "$started" ]] && grep -q -E 'Started (AOT-processed )?AllianceHub' "$logf"; then
      started="$(snapshot "$pid" "$data" totals)"
    fi
    if [[ -n "$started" && -z "$demo" ]] && grep -q 'Demo network loaded' "$logf"; then
      demo="$(snapshot "$pid" "$data" totals)"
    fi
    if [[ -n "$demo" ]] && curl -fsS --max-time 2 "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
      t1=$(date +%s.%N); break
    fi
    (( $(date +%s) < deadline )) || { log "$name not UP in time (see $logf)"; kill "$pid"; return 1; }
    sleep 0.05
  done
  local cpu; cpu="$(snapshot "$pid" "$data")"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  for _ in $(seq 100); do pgrep -f -- "-D $data" >/dev/null || break; sleep 0.1; done
  local fill; fill="$(grep -o 'CPU of this thread: [0-9]* ms' "$logf" | grep -o '[0-9]*' || echo '?')"
  local mig; mig="$(grep -o 'Early migration of .* done ([0-9]* ms' "$logf" | grep -o '([0-9]*' | tr -d '(' || echo '?')"
  { printf '%s round %d load %s up=%.2f %s\n' "$name" "$i" "$load" "$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')" "$cpu"
    printf '  at Started: %s\n  at demo loaded: %s\n  demo fill, main thread CPU ms: %s; early migration thread CPU ms: %s\n' "$started" "$demo" "$fill" "$mig"
  } | tee -a "$OUT/results.txt"
  rm -rf "$data"
}

for ((i = 1; i <= ROUNDS; i++)); do
  p="$PORT"
  for pair in "$@"; do
    if [[ "${CONCURRENT:-0}" == 1 ]]; then
      run "${pair%%=*}" "${pair#*=}" "$i" "$p" & p=$((p + 1))
    else
      run "${pair%%=*}" "${pair#*=}" "$i" "$p"
    fi
  done
  wait
done
