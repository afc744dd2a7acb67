#!/usr/bin/env bash
# Test dependencies of RiskPlatform: install what is missing (Debian/Ubuntu, apt-get), start the private
# PostgreSQL cluster (scripts/postgres.sh) and print the environment the tests read.
#
#   scripts/test-services.sh start [--plain]   install + start; print `export NAME='value'` lines on stdout
#                                              (--plain: NAME=value lines, for build.ps1)
#   scripts/test-services.sh env [--plain]     print the lines only (installs and starts nothing)
#   scripts/test-services.sh stop              stop the PostgreSQL cluster
#
# Progress goes to stderr, so `eval "$(scripts/test-services.sh start)"` works.
# SMTP and Redis servers (and the browser) are started by the tests themselves (their own ports, their own processes);
# here they are only installed and announced.
set -euo pipefail

readonly SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# chromium: the web app's end-to-end tests drive Debian's headless Chromium (/usr/bin/chromium) through Playwright.
readonly PACKAGES=(postgresql python3-aiosmtpd redis-server chromium)
readonly PYTHON=/usr/bin/python3
readonly REDIS_SERVER=/usr/bin/redis-server

log() { printf 'services: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# `dpkg -s` succeeds for a removed-but-not-purged package ("deinstall ok config-files"), so compare the state.
is_installed() { [[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" == installed ]]; }

install_missing() {
  local missing=() package sudo=() attempt
  command -v dpkg-query >/dev/null || { log "not a dpkg system: install ${PACKAGES[*]} yourself"; return; }
  for package in "${PACKAGES[@]}"; do
    is_installed "$package" || missing+=("$package")
  done
  ((${#missing[@]} == 0)) && return
  if [[ $EUID -ne 0 ]]; then
    command -v sudo >/dev/null || die "missing packages (${missing[*]}) and not root: apt-get install ${missing[*]}"
    sudo=(sudo -n)
  fi
  log "installing ${missing[*]}"
  # Another apt/dpkg may be running (unattended upgrades, a parallel provisioning step): wait for its locks.
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -qq -o DPkg::Lock::Timeout=300 update </dev/null >&2 && break
    ((attempt == 10)) && die "apt-get update failed"
    log "apt-get update failed (attempt $attempt), retrying in 30 s"
    sleep 30
  done
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=300 \
    install --no-install-recommends "${missing[@]}" </dev/null >&2 \
    || die "apt-get install ${missing[*]} failed"
}

print_env() {
  local plain="$1" line name value
  local -a lines=()
  lines+=("RISKPLATFORM_TEST_POSTGRES=$("$SCRIPTS/postgres.sh" connection-string)")
  if [[ -x "$PYTHON" ]] && "$PYTHON" -c 'import aiosmtpd' 2>/dev/null; then
    lines+=("RISKPLATFORM_TEST_AIOSMTPD=1")
  else
    log "aiosmtpd is not importable by $PYTHON: SMTP tests will skip"
  fi
  if [[ -x "$REDIS_SERVER" ]]; then
    lines+=("RISKPLATFORM_TEST_REDIS_SERVER=$REDIS_SERVER")
  else
    log "$REDIS_SERVER not found: Redis tests will skip"
  fi
  for line in "${lines[@]}"; do
    name="${line%%=*}" value="${line#*=}"
    if [[ "$plain" == --plain ]]; then
      printf '%s=%s\n' "$name" "$value"
    else
      printf "export %s='%s'\n" "$name" "$value"
    fi
  done
}

case "${1:-}" in
  start)
    install_missing
    "$SCRIPTS/postgres.sh" start
    print_env "${2:-}"
    ;;
  env) print_env "${2:-}" ;;
  stop) "$SCRIPTS/postgres.sh" stop ;;
  *) echo "usage: $0 start|env [--plain] | stop" >&2; exit 2 ;;
esac
