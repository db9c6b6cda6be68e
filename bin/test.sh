#!/usr/bin/env bash
# The whole test suite, on a fresh Debian machine with only a JDK and Maven:
# installs what the browser, PDF and two-node tests need when it is missing (Chromium, its driver,
# a CJK TrueType font, nginx), as root or through sudo, then runs `mvn -B verify` with any arguments given.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
# the load balancer of the two-node test (TwoNodesIT)
command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
# (process substitution instead of a pipe: with pipefail, `fc-list | grep -q` can fail on SIGPIPE)
if ! command -v fc-list >/dev/null 2>&1 || ! grep -qi "wqy" < <(fc-list 2>/dev/null); then
  missing+=(fonts-wqy-zenhei)
fi

if ((${#missing[@]})); then
  echo "== installing what the tests need: ${missing[*]}"
  SUDO=()
  if [[ "$(id -u)" -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then
      SUDO=(sudo -n)
    else
      echo "ERROR: the browser and PDF tests need ${missing[*]}; run this as root or install sudo" >&2
      exit 1
    fi
  fi
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" </dev/null
else
  echo "== chromium, chromedriver, nginx and a WenQuanYi font are present"
fi

echo "== versions"
# (no `| head`: with pipefail, a pipe closed early is a failure, and Maven notices the broken pipe)
java -version 2>&1
mvn -B -v
chromium --version 2>/dev/null || true
chromedriver --version 2>/dev/null || true

echo "== mvn -B verify $*"
exec mvn -B verify "$@"
