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
bash "$(dirname "$0")/apt-install.sh" ensure-chromium "install Chromium at $CHROMIUM" "${need[@]}"
[ -x "$CHROMIUM" ] || { echo "ensure-chromium: $CHROMIUM still missing after apt-get." >&2; exit 1; }
