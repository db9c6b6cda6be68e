#!/usr/bin/env bash
# Technology matching at scale: bash bench/match-bench.sh [demands=achievements=100000] [queries per direction=1000] [threads=4]
# Loads generated demands and achievements, times the platform's match index fill and top-10 matches over HTTP,
# and plain Lucene on the same index and on a smartcn index of the same texts, in one JVM with a 512 MB heap.
set -euo pipefail
source "$(dirname "$0")/compile.sh" match bench/transfer/MatchBench.java
"$JAVA" -Xmx512m -XX:+UseParallelGC ${JAVA_OPTS:-} -cp "$BENCH_CP" MatchBench "${1:-100000}" "${2:-1000}" "${3:-4}" \
  2>&1 | grep -v -E "^\s*$|WARN|INFO" | tee bench/out/match-results.txt
exit "${PIPESTATUS[0]}"
