#!/usr/bin/env bash
# The early path of a first start alone (initdb + the embedded server's start, then Flyway's migrations on the empty
# database), in a cold JVM each time, with the CPU each part cost (bench/startup/early/FlywayCpu.java).
#   [CLASSES=<main's classes>] NO_BUILD=1 bash bench/startup-early.sh [rounds=3] [variant...]
# Variants (alternated per round): main (as the platform migrates), novalidate, noplaceholder, novalidate-noplaceholder.
set -euo pipefail
ROUNDS="${1:-3}"; shift || true
VARIANTS=("${@:-main}")
source "$(dirname "${BASH_SOURCE[0]}")/compile.sh" startup-early bench/startup/early/FlywayCpu.java
for ((i = 1; i <= ROUNDS; i++)); do
  for v in "${VARIANTS[@]}"; do
    nice -n 19 ionice -c3 $JAVA -cp "$BENCH_CP" org.alliancehub.platform.FlywayCpu "$v" 2>/dev/null | grep 'flyway:'
  done
done
