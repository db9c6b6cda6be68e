#!/usr/bin/env bash
# Activity scores at scale: bash bench/annual-bench.sh [alliances=1000]
# Generates five years of records for the alliances in the embedded PostgreSQL, then times the ranking of all
# five years in process and over GET /api/v1/activity. Results go to bench/out/annual-results.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/out
if [ -z "${NO_BUILD:-}" ]; then mvn -B -q -o -DskipTests package; fi
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=bench/out/classpath.txt
CP="target/classes:$(cat bench/out/classpath.txt)"
rm -rf bench/out/annual-classes && mkdir -p bench/out/annual-classes
javac -encoding UTF-8 -d bench/out/annual-classes -cp "$CP" bench/annual/AnnualBench.java
JAVA="${JAVA:-java}"
"$JAVA" -Xmx512m -XX:+UseParallelGC -cp "bench/out/annual-classes:$CP" AnnualBench "${1:-1000}" \
  2>&1 | grep --line-buffered -v -E "^\s*$|WARN|INFO" | tee bench/out/annual-results.txt
