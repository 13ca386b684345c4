#!/usr/bin/env bash
# Makes sure LibreOffice Writer (headless, from Debian), poppler's PDF tools and Chinese fonts are
# installed, for the tests that read our Word documents in a real office suite: convert them to
# PDF and text, measure the PDF, render pages to PNG. CI machines start with Node.js and npm only.
# Fonts: Noto CJK (a sans and a serif) and Arphic's GB Song and Kai, so that the 黑体, 仿宋/宋体 and
# 楷体 names our documents use resolve to distinct families with the GB fonts' metrics (ASCII half
# an em, as in 仿宋_GB2312). Measured on a fresh
# Debian 12 machine with apt lists already fetched: about 30 s (apt-get update about 2 s).
set -euo pipefail
SOFFICE=${SOFFICE:-/usr/bin/soffice}
need=()
[ -x "$SOFFICE" ] || need+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
fonts=$(fc-list : family 2>/dev/null || true)
[[ $fonts == *'Noto Serif CJK SC'* ]] || need+=(fonts-noto-cjk)
[[ $fonts == *'AR PL KaitiM GB'* ]] || need+=(fonts-arphic-gkai00mp)
[[ $fonts == *'AR PL SungtiL GB'* ]] || need+=(fonts-arphic-gbsn00lp)
[ ${#need[@]} -eq 0 ] && exit 0
bash "$(dirname "$0")/apt-install.sh" ensure-office "install LibreOffice Writer, poppler-utils and CJK fonts" "${need[@]}"
[ -x "$SOFFICE" ] || { echo "ensure-office: $SOFFICE still missing after apt-get." >&2; exit 1; }
