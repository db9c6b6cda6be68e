#!/usr/bin/env bash
# Live indexing of single changes: bash bench/feed-bench.sh [rates=500,1000] [seconds=30]
# Publishes and updates articles one by one, each its own transaction, at each fixed rate for the given seconds, and
# measures how long each change takes to be found by the search API (see bench/feed/FeedBench.java).
# CLASSES=<dir> runs another build (e.g. main's classes unpacked from its jar) with the same benchmark.
# STRACE=1 runs the JVM (and the PostgreSQL it starts) under strace, counting fsync/fdatasync by file: Lucene's
# index files against PostgreSQL's WAL, inside the measured windows.
set -euo pipefail
source "$(dirname "$0")/compile.sh" feed bench/feed/FeedBench.java
OUT="bench/out/feed-results${TAG:+-$TAG}.txt"
if [ -n "${STRACE:-}" ]; then
  TRACE="bench/out/feed-strace${TAG:+-$TAG}.txt"
  strace -f --seccomp-bpf -ttt -y -e trace=fsync,fdatasync -o "$TRACE" \
    "$JAVA" -Xmx512m ${JAVA_OPTS:-} -cp "$BENCH_CP" FeedBench "${1:-500,1000}" "${2:-30}" 2>&1 \
    | grep --line-buffered -v -E "^\s*$|WARN|INFO" | tee "$OUT"
  # fsyncs inside each measured window, by kind of file
  python3 - "$OUT" "$TRACE" <<'PY'
import re, sys
out, trace = sys.argv[1], sys.argv[2]
windows = []
for line in open(out):
    m = re.match(r"rate (\d+)/s: window start ([\d.]+)", line)
    if m: windows.append([m.group(1), float(m.group(2)), None])
    m = re.match(r"rate (\d+)/s: window end ([\d.]+)", line)
    if m: windows[-1][2] = float(m.group(2))
for rate, start, end in windows:
    counts = {}
    for line in open(trace):
        m = re.match(r"\d+\s+([\d.]+) (fsync|fdatasync)\(\d+<([^>]*)>", line)
        if not m or not (start <= float(m.group(1)) <= (end or 1e12)): continue
        path = m.group(3)
        kind = "lucene index" if "/index/" in path else "postgresql wal" if "pg_wal" in path else "other"
        counts[kind] = counts.get(kind, 0) + 1
    print(f"rate {rate}/s: fsync+fdatasync calls in the window by file: {counts}")
PY
else
  "$JAVA" -Xmx512m ${JAVA_OPTS:-} -cp "$BENCH_CP" FeedBench "${1:-500,1000}" "${2:-30}" 2>&1 \
    | grep --line-buffered -v -E "^\s*$|WARN|INFO" | tee "$OUT"
fi
