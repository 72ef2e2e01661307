#!/bin/sh
# Installs what the browser suite needs, only where it is missing:
# Debian's Chromium (never a downloaded browser), poppler (pdftoppm), Java for the
# Nu HTML Checker, and the pinned npm tools (axe-core, vnu-jar) from package-lock.json.
set -eu
need=""
command -v chromium >/dev/null 2>&1 || need="$need chromium"
command -v pdftoppm >/dev/null 2>&1 || need="$need poppler-utils"
command -v java >/dev/null 2>&1 || need="$need openjdk-17-jre-headless"
command -v npm >/dev/null 2>&1 || need="$need npm"
if [ -n "$need" ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $need
fi
# npm ci installs exactly package-lock.json; it runs again whenever the lock changed.
if ! cmp -s package-lock.json node_modules/.painguide-lock.json; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.painguide-lock.json
fi
