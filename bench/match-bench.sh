#!/usr/bin/env bash
# Technology matching at scale: bash bench/match-bench.sh [demands=achievements=100000] [queries per direction=1000] [threads=4]
# Loads generated demands and achievements, times the platform's match index fill and top-10 matches over HTTP,
# and plain Lucene on the same index and on a smartcn index of the same texts, in one JVM with a 512 MB heap.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/out
if [ -z "${NO_BUILD:-}" ]; then mvn -B -q -DskipTests package; fi
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=bench/out/classpath.txt
CP="${CLASSES:-target/classes}:$(cat bench/out/classpath.txt)"
rm -rf bench/out/match-classes && mkdir -p bench/out/match-classes
javac -encoding UTF-8 -d bench/out/match-classes -cp "$CP" bench/transfer/MatchBench.java
JAVA="${JAVA:-java}"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" -Xmx512m -XX:+UseParallelGC ${JAVA_OPTS:-} -cp "bench/out/match-classes:$CP" MatchBench "${1:-100000}" "${2:-1000}" "${3:-4}" \
  2>&1 | grep -v -E "^\s*$|WARN|INFO" | tee bench/out/match-results.txt
exit "${PIPESTATUS[0]}"
