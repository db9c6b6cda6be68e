#!/usr/bin/env bash
# Rebuilds the search index of a running AllianceHub from its database and shows the progress.
# Usage: ALLIANCEHUB_ADMIN_PASSWORD=... bin/reindex.sh [http://localhost:8080]
# Searches keep answering from the current index until the new one is complete.
set -euo pipefail
BASE="${1:-http://localhost:${SERVER_PORT:-8080}}"
: "${ALLIANCEHUB_ADMIN_PASSWORD:?set ALLIANCEHUB_ADMIN_PASSWORD to the password of user admin}"
TOKEN=$(curl -fsS -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"${ALLIANCEHUB_ADMIN_PASSWORD}\"}" "$BASE/api/v1/auth/token" \
  | sed -E 's/.*"token":"([^"]+)".*/\1/')
curl -fsS -X POST -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/search/reindex" > /dev/null
while true; do
  STATUS=$(curl -fsS -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/search/reindex")
  STATE=$(echo "$STATUS" | sed -E 's/.*"state":"([A-Z]+)".*/\1/')
  DONE=$(echo "$STATUS" | sed -E 's/.*"done":([0-9]+).*/\1/')
  TOTAL=$(echo "$STATUS" | sed -E 's/.*"total":([0-9]+).*/\1/')
  printf '\r%s %s / %s   ' "$STATE" "$DONE" "$TOTAL"
  case "$STATE" in
    DONE) echo; exit 0 ;;
    FAILED) echo; echo "$STATUS" >&2; exit 1 ;;
  esac
  sleep 1
done
