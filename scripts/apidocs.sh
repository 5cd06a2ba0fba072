#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Banter developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the BanterShared API reference from the header comments of the installed headers
# (docs/api/Doxyfile) into build/apidocs (open build/apidocs/index.html). Fails, listing each
# as file:line, on any Doxygen warning: an undocumented public class, function or member of
# shared/banter/**/*.h (not the internal *_p.h), or a broken doc comment.
# Usage: scripts/apidocs.sh [OUTPUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-build/apidocs}
if ! command -v doxygen >/dev/null; then
    echo "apidocs: doxygen not found; run scripts/install-deps.sh --test" >&2
    exit 2
fi
rm -rf "$out"
mkdir -p "$out"
log="$out/warnings.log"
# Settings after the Doxyfile's own win: the output directory and the warning log.
status=0
{ cat docs/api/Doxyfile; echo "OUTPUT_DIRECTORY = $out"; echo "WARN_LOGFILE = $log"; } \
    | doxygen - >"$out/doxygen.log" 2>&1 || status=$?
warnings=$(sed "s|^$PWD/||" "$log" 2>/dev/null | grep -v '^$' || true)
if [[ -n "$warnings" || $status -ne 0 ]]; then
    [[ -n "$warnings" ]] && echo "$warnings"
    [[ $status -ne 0 && -z "$warnings" ]] && cat "$out/doxygen.log"
    count=$(grep -cE ': (warning|error):' <<<"$warnings" || true)
    echo "apidocs: $count warnings (document every public class, function and member of the installed headers with /// or /** */)" >&2
    exit 1
fi
echo "apidocs: API reference in $out/index.html"
