#!/usr/bin/env bash
# Briefings by e-mail under a crash: bash bench/mailing-bench.sh [subscribers=20000] [mails/s=0 unthrottled] [kill at=0.4]
# A mailing to 20,000 subscribers through GreenMail (a real SMTP server in the benchmark's process); the server
# JVM is killed (kill -9) once 40% have arrived and started again on the same data: every subscriber must have
# received the issue exactly once.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/out
mvn -B -q -o -DskipTests package
[ -s bench/out/classpath.txt ] || mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=bench/out/classpath.txt
CP="target/classes:$(cat bench/out/classpath.txt)"
rm -rf bench/out/mailing-classes && mkdir -p bench/out/mailing-classes
javac -encoding UTF-8 -proc:none -d bench/out/mailing-classes -cp "$CP" bench/mailing/MailingBench.java
"${JAVA:-java}" -Xmx1g -cp "bench/out/mailing-classes:$CP" MailingBench "${1:-20000}" "${2:-0}" "${3:-0.4}" \
  2>&1 | grep --line-buffered -v -E "^\s*$|WARN|INFO|DEBUG" | tee bench/out/mailing-results.txt
