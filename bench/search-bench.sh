#!/usr/bin/env bash
# Search at scale: bash bench/search-bench.sh [documents=1000000] [queries=1000]
# Indexes synthetic articles with the platform's own rebuild, then times 1,000 mixed queries over the HTTP
# API and against raw Lucene on the same index, in one JVM with a 512 MB heap.
set -euo pipefail
source "$(dirname "$0")/compile.sh" search bench/search/SearchBench.java
# JAVA_OPTS adds JVM options, e.g. JAVA_OPTS="-XX:StartFlightRecording=filename=bench/out/search.jfr" to profile.
"$JAVA" -Xmx512m -XX:+UseParallelGC ${JAVA_OPTS:-} -cp "$BENCH_CP" SearchBench "${1:-1000000}" "${2:-1000}" \
  2>&1 | grep -v -E "^\s*$|WARN|INFO" | tee bench/out/search-results.txt
