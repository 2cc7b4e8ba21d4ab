#!/usr/bin/env bash
# Install the Debian packages the test suite needs, only where missing.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium chromium-driver)
[[ -x /usr/lib/postgresql/15/bin/initdb ]] || need+=(postgresql-15 postgresql-contrib)
command -v msgfmt >/dev/null 2>&1 || need+=(gettext)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]] || need+=(nginx)
command -v node >/dev/null 2>&1 || need+=(nodejs npm)
if (( ${#need[@]} )); then
  SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  echo "Installing: ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  # The package may start nginx on port 80; the tests start their own (e2e/test_reverse_proxy.py).
  if [[ " ${need[*]} " == *" nginx "* ]]; then $SUDO nginx -s quit >/dev/null 2>&1 || true; fi
fi
