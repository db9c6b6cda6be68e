#!/usr/bin/env bash
# The network's annual report of 100 alliances rendered to PDF, with its progress:
#   bash bench/annual-pdf-bench.sh [alliances=100] [runs=3]
# Generates the alliances' records (as bench/annual-bench.sh), submits every alliance's report over the API,
# then makes the PDF as a background job and prints its progress. Results go to bench/out/annual-pdf-results.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/out
if [ -z "${NO_BUILD:-}" ]; then mvn -B -q -o compile; fi
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=bench/out/classpath.txt
CP="target/classes:$(cat bench/out/classpath.txt)"
rm -rf bench/out/annual-pdf-classes && mkdir -p bench/out/annual-pdf-classes
javac -encoding UTF-8 -d bench/out/annual-pdf-classes -cp "$CP" bench/annual/AnnualBench.java bench/annual-pdf/AnnualPdfBench.java
JAVA="${JAVA:-java}"
"$JAVA" -Xmx768m -XX:+UseParallelGC -cp "bench/out/annual-pdf-classes:$CP" AnnualPdfBench "${1:-100}" "${2:-3}" \
  2>&1 | grep --line-buffered -v -E "^\s*$|WARN|INFO" | tee bench/out/annual-pdf-results.txt
