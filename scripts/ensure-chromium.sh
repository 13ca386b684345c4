#!/usr/bin/env bash
# Makes sure Debian's headless-capable Chromium (and a CJK font, so that screenshots show Chinese)
# is installed, for the browser test of the HTML report and the end-to-end tests. CI machines start
# with Node.js and npm only. Quiet and non-interactive; needs root or password-less sudo for apt-get.
set -euo pipefail
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
need=()
[ -x "$CHROMIUM" ] || need+=(chromium)
if command -v fc-list >/dev/null 2>&1; then
  [ -n "$(fc-list :lang=zh 2>/dev/null | head -n 1)" ] || need+=(fonts-noto-cjk)
else
  need+=(fonts-noto-cjk)
fi
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO=(sudo -n)
else
  echo "ensure-chromium: ${need[*]} missing and apt-get needs root; install them (apt-get install chromium fonts-noto-cjk) and rerun." >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: ${need[*]} missing and this system has no apt-get; install Chromium at $CHROMIUM." >&2
  exit 1
fi
echo "ensure-chromium: installing ${need[*]} with apt-get…" >&2
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
if ! { "${SUDO[@]}" apt-get update -qq && "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}"; } >"$log" 2>&1; then
  cat "$log" >&2
  rm -f "$log"
  echo "ensure-chromium: apt-get failed." >&2
  exit 1
fi
rm -f "$log"
[ -x "$CHROMIUM" ] || { echo "ensure-chromium: $CHROMIUM still missing after apt-get." >&2; exit 1; }
