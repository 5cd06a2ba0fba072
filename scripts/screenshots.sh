#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Banter developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders the desktop client's screenshots with tools/screenshots (the real widget tree against
# an in-process banterd with a few made-up users). Builds the tool in the dev build directory
# first. Renders offscreen by default; --xvfb renders through the X11 platform plugin on a
# virtual X server instead. Window decorations are never in the pictures (widgets are grabbed).
# Usage: scripts/screenshots.sh [--xvfb] [--docs] [--scene chat|files|trust|lan|...] [OUTPUT_DIR]
#   OUTPUT_DIR   where the PNG files go (default build/screenshots)
#   --docs       afterwards, copy the pictures the documentation shows into docs/screenshots
set -euo pipefail
cd "$(dirname "$0")/.."

xvfb=0
docs=0
args=()
out=build/screenshots
while [[ $# -gt 0 ]]; do
    case "$1" in
    --xvfb) xvfb=1 ;;
    --docs) docs=1 ;;
    --scene) args+=(--scene "$2"); shift ;;
    -h | --help) sed -n '4,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "screenshots: unknown option $1" >&2; exit 2 ;;
    *) out=$1 ;;
    esac
    shift
done

[[ -f build/dev/CMakeCache.txt ]] || cmake --preset dev >/dev/null
cmake --build build/dev --target banter_screenshots
tool=build/dev/tools/screenshots/banter_screenshots
mkdir -p "$out"

if [[ $xvfb -eq 1 ]]; then
    command -v xvfb-run >/dev/null || { echo "screenshots: xvfb-run not found; run scripts/install-deps.sh --test" >&2; exit 2; }
    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1600x1200x24" "$tool" "${args[@]}" "$out"
else
    QT_QPA_PLATFORM=offscreen "$tool" "${args[@]}" "$out"
fi

if [[ $docs -eq 1 ]]; then
    # Only the pictures the documentation links to; the others are for looking at.
    for shown in docs/screenshots/*.png; do
        name=$(basename "$shown")
        [[ -f "$out/$name" ]] && cp "$out/$name" "$shown" && echo "updated $shown"
    done
fi
