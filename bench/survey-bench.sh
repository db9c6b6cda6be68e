#!/usr/bin/env bash
# Survey statistics at scale: bash bench/survey-bench.sh [responses=100000] [serve]
# Loads synthetic responses of 30 fields into the embedded PostgreSQL, then times the statistics API and the
# public statistics page with the province breakdown (cold and warm) and the streamed .xlsx export of all raw
# answers, in one JVM with a 512 MB heap. Results go to bench/out/survey-results.txt.
set -euo pipefail
source "$(dirname "$0")/compile.sh" survey bench/survey/SurveyBench.java
"$JAVA" -Xmx512m -XX:+UseParallelGC -cp "$BENCH_CP" SurveyBench "${1:-100000}" ${2:-} \
  2>&1 | grep --line-buffered -v -E "^\s*$|WARN|INFO" | tee bench/out/survey-results.txt
