#!/usr/bin/env bash
# Votes under load: bash bench/vote-bench.sh [voters=1000] [client threads=32] [setup threads=4]
# A thousand organisations vote on one motion over HTTP, each sending its vote twice at the same instant.
# BALLOT=SECRET runs it on a secret ballot (voters apart from a ballot box rewritten at each vote).
# CLASSES=<dir> runs the benchmark against other compiled application classes (e.g. an older build) instead
# of target/classes, to compare two versions side by side on the same machine.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/out
if [ -z "${CLASSES:-}" ]; then
  mvn -B -q -o -DskipTests package
fi
[ -s bench/out/classpath.txt ] || mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=bench/out/classpath.txt
CP="${CLASSES:-target/classes}:$(cat bench/out/classpath.txt)"
rm -rf bench/out/vote-classes && mkdir -p bench/out/vote-classes
javac -encoding UTF-8 -proc:none -d bench/out/vote-classes -cp "$CP" bench/votes/VoteBench.java
# --line-buffered: show each phase as it ends (a plain grep into a pipe holds everything back until the end)
"${JAVA:-java}" -Xmx512m -cp "bench/out/vote-classes:$CP" VoteBench "${1:-1000}" "${2:-32}" "${3:-4}" \
  2>&1 | grep --line-buffered -v -E "^\s*$|WARN|INFO" | tee bench/out/vote-results.txt
