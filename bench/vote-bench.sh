#!/usr/bin/env bash
# Votes under load: bash bench/vote-bench.sh [voters=1000] [client threads=32]
# A thousand organisations vote on one motion over HTTP, each sending its vote twice at the same time.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/out
mvn -B -q -DskipTests package
mvn -B -q dependency:build-classpath -Dmdep.outputFile=bench/out/classpath.txt
CP="target/classes:$(cat bench/out/classpath.txt)"
rm -rf bench/out/vote-classes && mkdir -p bench/out/vote-classes
javac -encoding UTF-8 -d bench/out/vote-classes -cp "$CP" bench/votes/VoteBench.java
"${JAVA:-java}" -Xmx512m -cp "bench/out/vote-classes:$CP" VoteBench "${1:-1000}" "${2:-32}" \
  2>&1 | grep -v -E "^\s*$|WARN|INFO" | tee bench/out/vote-results.txt
