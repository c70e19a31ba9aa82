#!/bin/sh
# What the browser and quality tests need beyond Python: Debian's chromium (never a downloaded
# browser), a Java runtime for the Nu HTML checker, and the pinned npm tools (Lighthouse, vnu).
set -eu
missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian packages:$missing"
    apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  else
    echo "Missing:$missing. Install them (sudo apt-get install$missing); the tests that need them will be skipped." >&2
    if [ "${CI:-}" = "true" ]; then exit 1; fi
  fi
fi
if command -v npm >/dev/null 2>&1; then
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
    npm ci --no-audit --no-fund --loglevel=error
    touch node_modules
  fi
else
  echo "npm is missing: Lighthouse and the HTML checker will be skipped." >&2
  if [ "${CI:-}" = "true" ]; then exit 1; fi
fi
