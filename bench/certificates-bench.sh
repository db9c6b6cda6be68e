#!/usr/bin/env bash
# Certificate verification at scale: bash bench/certificates-bench.sh [certificates=1000000] [rate=500] [seconds=30] [load budget s=0]
# Signs and COPYs N certificates into the embedded PostgreSQL, checks a sample of answers, then times public
# verification by number over HTTP at a fixed rate and with 16 connections: the server in a JVM with a 512 MB heap,
# the measuring client in a JVM of its own.
# CERT_BENCH_DATA=<dir> keeps the data directory, and a later run with the same <dir> measures without loading again
# (load while the machine is busy, measure once it is quiet).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/out
if [ -z "${NO_BUILD:-}" ]; then mvn -B -q -DskipTests package; fi
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=bench/out/classpath.txt
CP="${CLASSES:-target/classes}:$(cat bench/out/classpath.txt)"
rm -rf bench/out/certificate-classes && mkdir -p bench/out/certificate-classes
javac -encoding UTF-8 -d bench/out/certificate-classes -cp "$CP" bench/certificates/CertificateBench.java
JAVA="${JAVA:-java}"
"$JAVA" -Xmx512m ${JAVA_OPTS:-} -cp "bench/out/certificate-classes:$CP" CertificateBench "${1:-1000000}" "${2:-500}" "${3:-30}" "${4:-0}" \
  2>&1 | grep -v -E "^\s*$|WARN|INFO" | tee bench/out/certificate-results.txt
