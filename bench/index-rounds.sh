#!/usr/bin/env bash
# The follower's index work alone: bash bench/index-rounds.sh [rounds=300] [batch=50] (see bench/feed/IndexRounds.java).
# CLASSES=<dir> runs another build (e.g. main's classes unpacked from its jar).
set -euo pipefail
source "$(dirname "$0")/compile.sh" index-rounds bench/feed/IndexRounds.java
"$JAVA" -Xmx512m ${JAVA_OPTS:-} -cp "$BENCH_CP" org.alliancehub.search.internal.IndexRounds "${1:-300}" "${2:-50}" 2>&1 \
  | grep --line-buffered -v -E "^\s*$|WARN|INFO"
