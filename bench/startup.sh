#!/usr/bin/env bash
# Start-up of the platform's jar against a minimal Spring Boot web application with JDBC, side by side.
#
#   bash bench/startup.sh [rounds=3]
#
# Each round, one after the other on the same machine:
#   minimal  bench/startup/minimal (Spring Boot web + JDBC + actuator, same Boot version), against a
#            PostgreSQL this script started beforehand (initdb'd once, outside the timing)
#   restart  java -jar target/alliancehub.jar on a data directory already initialised (embedded PostgreSQL
#            start, Flyway with nothing to do, demo content already there)
#   first    the same jar on an empty data directory (initdb, every migration, the demo network)
# and, when CDS=1 (default), the restart, the first start and the minimal app again with a class-data-sharing
# archive made by a training run (-XX:ArchiveClassesAtExit, see README "Faster start-up").
# For each: the seconds Spring prints in "Started ... in X seconds" and the seconds from launch until
# GET /actuator/health answers UP (the platform is UP only once its start-up runners, e.g. the demo fill,
# are done). Medians over the rounds; the ratios restart/minimal are the figures to read (this machine is
# shared, so absolute seconds mean little). Targets: restart <= 2x minimal, first start < 10 s.
#
# Environment: AOT=1 (the platform's starts with -Dspring.aot.enabled=true; build the jar with mvn -Paot), CDS_DIR (keep the extracted jars and CDS archives there and reuse them while newer than the jars:
# the training runs are slow), START_TIMEOUT (s to wait for UP, default 600), JAR (the platform jar, default target/alliancehub.jar), NO_BUILD=1 (use the jars as they are), CDS=0 (skip the CDS rows), JAVA_OPTS (added to every
# JVM, e.g. -XX:StartFlightRecording=filename=bench/out/startup.jfr,settings=profile), XMX (default 512m),
# JAVA (the java to run every JVM with, default java on the PATH), AOT_CACHE=1 (the CDS rows with JDK 24+'s AOT cache,
# JEP 483/514/515: -XX:AOTCacheOutput in the training run, -XX:AOTCache in the runs, instead of a dynamic CDS archive;
# needs JAVA to be a JDK 24 or newer), TRAIN=up (the platform's training run is a whole first start until health UP,
# then stopped, instead of one that exits once the context is refreshed; its archive is kept apart from the other).
# Output: bench/out/startup/{results.txt,*.log}.
set -euo pipefail

ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
OUT="$ROOT/bench/out/startup"
ROUNDS="${1:-3}"
XMX="${XMX:-512m}"
CDS="${CDS:-1}"
JAR="${JAR:-$ROOT/target/alliancehub.jar}"
MIN_DIR="$ROOT/bench/startup/minimal"
MIN_JAR="$MIN_DIR/target/minimal.jar"
APP_PORT="${APP_PORT:-18090}"
PG_PORT="${PG_PORT:-18095}"
read -r -a EXTRA <<<"${JAVA_OPTS:-}"
JAVA="${JAVA:-java}"
# The class-data archive of the CDS rows: a dynamic CDS archive, or with AOT_CACHE=1 an AOT cache (classes loaded and
# linked, and on JDK 25 the methods' profiles, from the training run)
if [[ "${AOT_CACHE:-0}" == 1 ]]; then
  ARCH=aot; ARCH_NAME="AOT cache"; train_flag() { echo "-XX:AOTCacheOutput=$1"; }; use_flag() { echo "-XX:AOTCache=$1"; }
else
  ARCH=jsa; ARCH_NAME="dynamic CDS archive"; train_flag() { echo "-XX:ArchiveClassesAtExit=$1"; }; use_flag() { echo "-XX:SharedArchiveFile=$1"; }
fi

log() { printf '[startup %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

mkdir -p "$OUT"
WORK="$(mktemp -d /tmp/alliancehub-startup.XXXXXX)"
APP_PID=""
PG_BIN=""
AS=()
cleanup() {
  trap - EXIT
  if [[ -n "$PG_BIN" && -f "$WORK/minimal-pg/postmaster.pid" ]]; then
    "${AS[@]}" "$PG_BIN/pg_ctl" -D "$WORK/minimal-pg" -m fast -w stop >/dev/null 2>&1 || true
  fi
  if [[ -n "$APP_PID" ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [[ "${NO_BUILD:-0}" != 1 || ! -f "$JAR" ]]; then
  log "building the platform's jar"
  prof=(); [[ "${AOT:-0}" == 1 ]] && prof=(-Paot)
  (cd "$ROOT" && mvn -B -q -o "${prof[@]}" package -DskipTests) || (cd "$ROOT" && mvn -B -q "${prof[@]}" package -DskipTests)
fi
if [[ "${NO_BUILD:-0}" != 1 || ! -f "$MIN_JAR" ]]; then
  log "building the minimal application"
  (cd "$MIN_DIR" && mvn -B -q -o package -DskipTests) || (cd "$MIN_DIR" && mvn -B -q package -DskipTests)
fi

# Starts a JVM, waits for health UP, stops it; sets M_S (the "Started ... in" seconds) and M_R (seconds to UP).
# usage: measure <name> <log> <env...> -- <java args...>
measure() {
  local name="$1" logf="$2"; shift 2
  local envs=()
  while [[ "$1" != "--" ]]; do envs+=("$1"); shift; done
  shift
  local t0 t1 started
  t0=$(date +%s.%N)
  env "${envs[@]}" "$JAVA" -Xmx"$XMX" "${EXTRA[@]}" "$@" >"$logf" 2>&1 </dev/null &
  APP_PID=$!
  local deadline=$(( $(date +%s) + ${START_TIMEOUT:-600} ))
  while :; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then die "$name exited during start-up (see $logf)"; fi
    if curl -fsS --max-time 2 "http://127.0.0.1:$APP_PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
      t1=$(date +%s.%N); break
    fi
    (( $(date +%s) < deadline )) || die "$name not UP within ${START_TIMEOUT:-600} s (see $logf)"
    sleep 0.05
  done
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
  started=$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds' "$logf" | head -1 | awk '{print $4}')
  M_S="${started:-nan}"
  M_R="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')"
}

# ---------------------------------------------------------------- the minimal app's PostgreSQL
PG_BIN="$(dirname "$(ls -d /tmp/embedded-pg/*/bin/pg_ctl 2>/dev/null | head -1)" 2>/dev/null || true)"
if [[ -z "$PG_BIN" || ! -x "$PG_BIN/pg_ctl" ]]; then
  # first use: the platform unpacks its PostgreSQL binaries under /tmp/embedded-pg on its first start
  log "no PostgreSQL binaries yet: one start of the platform to unpack them"
  measure unpack "$OUT/unpack.log" SERVER_PORT="$APP_PORT" ALLIANCEHUB_DATA="$WORK/unpack" -- -jar "$JAR"
  PG_BIN="$(dirname "$(ls -d /tmp/embedded-pg/*/bin/pg_ctl | head -1)")"
fi
log "PostgreSQL for the minimal app: $PG_BIN, port $PG_PORT"
# PostgreSQL refuses to run as root: as root, run it as the user postgres (or nobody)
AS=()
if [[ $(id -u) == 0 ]]; then
  pg_user=postgres; id postgres >/dev/null 2>&1 || pg_user=nobody
  AS=(runuser -u "$pg_user" --)
  mkdir -p "$WORK/minimal-pg"; chown "$pg_user" "$WORK/minimal-pg"; chmod 755 "$WORK"
fi
"${AS[@]}" "$PG_BIN/initdb" -A trust -U postgres -D "$WORK/minimal-pg" >"$OUT/minimal-pg.log" 2>&1
"${AS[@]}" "$PG_BIN/pg_ctl" -D "$WORK/minimal-pg" -o "-p $PG_PORT -k $WORK/minimal-pg" -l "$WORK/minimal-pg/server.log" -w start >/dev/null
MIN_ENV=(SERVER_PORT="$APP_PORT" SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" SPRING_DATASOURCE_USERNAME=postgres)

# ---------------------------------------------------------------- CDS archives (training runs)
# AOT=1: every platform start (and its CDS training run) with Spring AOT's bean definitions, which the jar must
# have been built with (mvn -Paot package); the minimal app as it is
AOT_FLAG=()
[[ "${AOT:-0}" == 1 ]] && AOT_FLAG=(-Dspring.aot.enabled=true)
CDS_HOME="${CDS_DIR:-$WORK}"
JV="$("$JAVA" -version 2>&1 | head -1 | grep -o '"[^"]*"' | tr -d '"')"   # an archive is only good for the JVM that wrote it
APP_X="$CDS_HOME/app-$(basename "$JAR" .jar)${AOT_FLAG:+-aot}-$JV${TRAIN:+-$TRAIN}"      # the extracted jar and its archive, named after the jar and java measured
MIN_X="$CDS_HOME/min-$JV"
if [[ "$CDS" == 1 ]]; then
  mkdir -p "$CDS_HOME"
  # CDS archives only classes from plain jars on the class path, not from the jar's nested ones: extract first
  # (Spring Boot's own layout for this: an application jar with its libraries in lib/ beside it). With CDS_DIR
  # the extracted jars and archives are kept there and reused while newer than the jar (training runs are long).
  if [[ ! -f "$MIN_X/minimal.$ARCH" || "$MIN_X/minimal.$ARCH" -ot "$MIN_JAR" ]]; then
    rm -rf "$MIN_X"; "$JAVA" -Djarmode=tools -jar "$MIN_JAR" extract --destination "$MIN_X" >/dev/null
    log "CDS training run of the minimal app ($(train_flag F | cut -d= -f1), -Dspring.context.exit=onRefresh)"
    env "${MIN_ENV[@]}" timeout 600 "$JAVA" -Xmx"$XMX" "$(train_flag "$MIN_X/minimal.$ARCH")" -Dspring.context.exit=onRefresh \
      -jar "$MIN_X/minimal.jar" >"$OUT/cds-train-minimal.log" 2>&1 </dev/null || true
  fi
  if [[ ! -f "$APP_X/app.$ARCH" || "$APP_X/app.$ARCH" -ot "$JAR" ]]; then
    rm -rf "$APP_X"; "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$APP_X" >/dev/null
    if [[ "${TRAIN:-refresh}" == up ]]; then
      # the whole first start in the archive: the migrations, the demo fill, the search index's first round; the
      # JVM writes the archive as it exits on the TERM signal
      log "CDS training run of the platform ($(train_flag F | cut -d= -f1), a first start until health UP, then TERM)"
      measure train "$OUT/cds-train-app.log" SERVER_PORT="$APP_PORT" ALLIANCEHUB_DATA="$WORK/cds-train" -- "${AOT_FLAG[@]}" \
        "$(train_flag "$APP_X/app.$ARCH")" -jar "$APP_X/$(basename "$JAR")"
    else
      log "CDS training run of the platform ($(train_flag F | cut -d= -f1), -Dspring.context.exit=onRefresh)"
      SERVER_PORT="$APP_PORT" ALLIANCEHUB_DATA="$WORK/cds-train" timeout 600 "$JAVA" -Xmx"$XMX" "${AOT_FLAG[@]}" "$(train_flag "$APP_X/app.$ARCH")" \
        -Dspring.context.exit=onRefresh -jar "$APP_X/$(basename "$JAR")" >"$OUT/cds-train-app.log" 2>&1 </dev/null || true
    fi
    rm -rf "$WORK/cds-train"
  fi
  sleep 1
  [[ -f "$APP_X/app.$ARCH" && -f "$MIN_X/minimal.$ARCH" ]] || die "no CDS archive written (see $OUT/cds-train-*.log)"
fi

# ---------------------------------------------------------------- rounds
declare -A S R
kinds=(minimal restart first)
[[ "$CDS" == 1 ]] && kinds+=(minimal-cds restart-cds first-cds)
for ((i = 1; i <= ROUNDS; i++)); do
  data="$WORK/data-$i"
  measure first "$OUT/first-$i.log" SERVER_PORT="$APP_PORT" ALLIANCEHUB_DATA="$data" -- "${AOT_FLAG[@]}" -jar "$JAR"; s=$M_S; r=$M_R
  S[first]+="$s "; R[first]+="$r "; log "round $i first start:   Started in $s s, UP after $r s"
  measure minimal "$OUT/minimal-$i.log" "${MIN_ENV[@]}" -- -jar "$MIN_JAR"; s=$M_S; r=$M_R
  S[minimal]+="$s "; R[minimal]+="$r "; log "round $i minimal app:   Started in $s s, UP after $r s"
  measure restart "$OUT/restart-$i.log" SERVER_PORT="$APP_PORT" ALLIANCEHUB_DATA="$data" -- "${AOT_FLAG[@]}" -jar "$JAR"; s=$M_S; r=$M_R
  S[restart]+="$s "; R[restart]+="$r "; log "round $i restart:       Started in $s s, UP after $r s"
  if [[ "$CDS" == 1 ]]; then
    measure minimal-cds "$OUT/minimal-cds-$i.log" "${MIN_ENV[@]}" -- "$(use_flag "$MIN_X/minimal.$ARCH")" -jar "$MIN_X/minimal.jar"; s=$M_S; r=$M_R
    S[minimal-cds]+="$s "; R[minimal-cds]+="$r "; log "round $i minimal + CDS: Started in $s s, UP after $r s"
    measure restart-cds "$OUT/restart-cds-$i.log" SERVER_PORT="$APP_PORT" ALLIANCEHUB_DATA="$data" -- "${AOT_FLAG[@]}" "$(use_flag "$APP_X/app.$ARCH")" -jar "$APP_X/$(basename "$JAR")"; s=$M_S; r=$M_R
    S[restart-cds]+="$s "; R[restart-cds]+="$r "; log "round $i restart + CDS: Started in $s s, UP after $r s"
    measure first-cds "$OUT/first-cds-$i.log" SERVER_PORT="$APP_PORT" ALLIANCEHUB_DATA="$data-cds" -- "${AOT_FLAG[@]}" "$(use_flag "$APP_X/app.$ARCH")" -jar "$APP_X/$(basename "$JAR")"; s=$M_S; r=$M_R
    S[first-cds]+="$s "; R[first-cds]+="$r "; log "round $i first + CDS:   Started in $s s, UP after $r s"
    rm -rf "$data-cds"
  fi
  rm -rf "$data"
done

# Where a platform start went, from its log's timestamps: seconds after "Starting AllianceHub" at which the
# embedded PostgreSQL ran, the context's configuration was read (Root WebApplicationContext), Flyway was done (first on
# any thread: since stop 23 the early migration beside the context; flyway-main: the context's own Flyway), Spring
# said Started, the demo network was loaded, and health answered UP (the last from this script's own clock); then
# how long the context's thread (main) waited for the schema in all, when it did (since stop 26 only its connections
# and the step before the web server starts wait for the early migration: platform.SchemaGate's "waited" lines).
phases() {
  local logf="$1" up="$2"
  python3 - "$logf" "$up" <<'PY'
import re, sys, datetime
log, up = sys.argv[1], float(sys.argv[2])
marks = [("postgres", "Embedded PostgreSQL running"), ("context-read", "Root WebApplicationContext: initialization completed"),
         ("flyway", "Successfully applied|No migration necessary"),
         ("flyway-main", r"\[ *main\] .*(Successfully applied|No migration necessary)"), ("started", "Started (AOT-processed )?AllianceHub"),
         ("demo", "Demo network loaded")]
t0 = None; at = {}; jvm = None
for line in open(log, errors="replace"):
    m = re.match(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+)Z", line)
    if not m:
        continue
    t = datetime.datetime.fromisoformat(m.group(1)).timestamp()
    if t0 is None and re.search(r"Starting (AOT-processed )?AllianceHub", line):
        t0 = t
    for name, pat in marks:
        if name not in at and re.search(pat, line):
            at[name] = t
    j = re.search(r"process running for ([\d.]+)\)", line)
    if j:
        jvm = float(j.group(1)) - (t - t0)
if t0 is None:
    print("  (no phases)"); sys.exit()
parts = ["JVM->Starting %.1f" % jvm if jvm is not None else "JVM->Starting ?"]
parts += ["%s %.1f" % (n, at[n] - t0) for n, _ in marks if n in at]
waits = [int(w) for w in re.findall(r"\[ *main\] .*main waited (\d+) ms for the schema", open(log, errors="replace").read())]
if waits:
    parts.append("main waited for the schema %.2f" % (sum(waits) / 1000))
print("  " + ", ".join(parts) + ", UP %.1f (s after Starting, UP from launch)" % up)
PY
}

(( ROUNDS > 0 )) || { log "0 rounds: CDS archives made, nothing measured"; exit 0; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
{
  echo "start-up, $ROUNDS rounds, $(date -u +%FT%TZ), $(basename "$JAR")${AOT_FLAG:+ with Spring AOT}, load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, java $JV, $ARCH_NAME in the CDS rows (training run: ${TRAIN:-refresh}), -Xmx$XMX ${JAVA_OPTS:-}"
  printf '%-13s %18s %18s   %s\n' kind "Started in (med)" "health UP (med)" "all UP times"
  for k in "${kinds[@]}"; do
    printf '%-13s %16s s %16s s   %s\n' "$k" "$(median <<<"${S[$k]}")" "$(median <<<"${R[$k]}")" "${R[$k]}"
  done
  mr=$(median <<<"${R[minimal]}"); rr=$(median <<<"${R[restart]}"); fr=$(median <<<"${R[first]}")
  echo "restart / minimal (health UP): $(awk -v a="$rr" -v b="$mr" 'BEGIN { printf "%.2f", a / b }')x   (target <= 2)"
  if [[ "$CDS" == 1 ]]; then
    mc=$(median <<<"${R[minimal-cds]}"); rc=$(median <<<"${R[restart-cds]}")
    echo "restart+CDS / minimal (health UP): $(awk -v a="$rc" -v b="$mr" 'BEGIN { printf "%.2f", a / b }')x   restart+CDS / minimal+CDS: $(awk -v a="$rc" -v b="$mc" 'BEGIN { printf "%.2f", a / b }')x"
    echo "first start + CDS (health UP): $(median <<<"${R[first-cds]}") s   (target < 10 s)"
  fi
  echo "first start (health UP): $fr s   (target < 10 s)"
  echo "phases of the last round (seconds after the log's 'Starting AllianceHub'):"
  for k in first restart ${CDS/#1/first-cds restart-cds}; do
    [[ "$k" == 0 ]] && continue
    f="$OUT/$k-$ROUNDS.log"; [[ -f "$f" ]] || continue
    echo " $k:"; phases "$f" "$(tr ' ' '\n' <<<"${R[$k]}" | grep -v '^$' | tail -1)"
  done
} | tee "$OUT/results.txt"
