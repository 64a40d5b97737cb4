#!/usr/bin/env bash
# Sets up everything the project needs on a fresh Debian/Ubuntu machine with Python 3.11:
# system packages (only with --system: Chromium for browser tests and static map export,
# poppler for PDF checks, DejaVu fonts for reports, nginx and openssl for the office proxy tests),
# then a virtualenv with pinned packages.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--system" ]; then
  need=()
  command -v chromium >/dev/null || need+=(chromium)
  command -v pdftoppm >/dev/null || need+=(poppler-utils)
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
  [ -x /usr/sbin/nginx ] || need+=(nginx)  # the office proxy, started on loopback by the tests
  command -v openssl >/dev/null || need+=(openssl)  # the tests' self-signed certificate
  if [ ${#need[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
  fi
  shift
fi
req="${1:-requirements.txt}"
stamp=".venv/.installed-$(cat requirements.txt "$req" | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  python3 -m venv .venv
  .venv/bin/pip install -q --disable-pip-version-check -r "$req"
  rm -f .venv/.installed-*
  touch "$stamp"
fi
