#!/usr/bin/env bash
# Installs Debian packages for a test prerequisite, quietly and non-interactively:
#   bash scripts/apt-install.sh WHO HINT PACKAGE...
# WHO names the caller in messages (ensure-chromium, ensure-office); HINT says what to install by
# hand where apt-get cannot run. Needs root or password-less sudo; the output of apt-get is shown
# only when it fails.
set -euo pipefail
who=$1
hint=$2
shift 2
if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO=(sudo -n)
else
  echo "$who: $* missing and apt-get needs root; install them (apt-get install $*) and rerun." >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "$who: $* missing and this system has no apt-get; $hint." >&2
  exit 1
fi
echo "$who: installing $* with apt-get…" >&2
start=$(date +%s)
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
if ! { "${SUDO[@]}" apt-get update -qq && "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "$@"; } >"$log" 2>&1; then
  cat "$log" >&2
  rm -f "$log"
  echo "$who: apt-get failed." >&2
  exit 1
fi
rm -f "$log"
echo "$who: installed in $(( $(date +%s) - start )) s." >&2
