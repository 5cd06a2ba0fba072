#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Banter developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks that every C++ file in the repository is formatted as the committed .clang-format
# says, and lists the files that are not (with a diff when --diff is given).
# Usage: scripts/check-format.sh [--fix] [--diff] [FILE...]
#   --fix   rewrite the differing files in place instead of failing
#   FILE    check only these files (default: every tracked and untracked *.cpp/*.h, not build/)
# Exit status: 0 when everything is formatted (or was fixed), 1 when files differ.
set -euo pipefail
cd "$(dirname "$0")/.."

fix=0
diff=0
files=()
for arg in "$@"; do
    case "$arg" in
    --fix) fix=1 ;;
    --diff) diff=1 ;;
    -h | --help) sed -n '4,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "check-format: unknown option $arg" >&2; exit 2 ;;
    *) files+=("$arg") ;;
    esac
done

clang_format=${CLANG_FORMAT:-clang-format}
if ! command -v "$clang_format" >/dev/null; then
    echo "check-format: $clang_format not found; run scripts/install-deps.sh --test" >&2
    exit 2
fi

if [[ ${#files[@]} -eq 0 ]]; then
    # Tracked files plus new ones not yet added, so a check before committing sees them too.
    mapfile -t files < <(git ls-files --cached --others --exclude-standard -- '*.cpp' '*.h' | sort -u)
fi

# clang-format writes the formatted text to stdout; a file differs when that is not its
# content. Two files at a time (the machine's cores); the differing ones are printed.
differing=$(printf '%s\0' "${files[@]}" | xargs -0 -r -P 2 -n 16 sh -c '
    for f; do
        [ -f "$f" ] || continue
        "$0" --style=file "$f" | cmp -s - "$f" || printf "%s\n" "$f"
    done' "$clang_format" | sort)

if [[ -z "$differing" ]]; then
    echo "check-format: ${#files[@]} files formatted as .clang-format says"
    exit 0
fi
count=$(wc -l <<<"$differing")
if [[ $fix -eq 1 ]]; then
    xargs -d '\n' "$clang_format" --style=file -i <<<"$differing"
    echo "check-format: reformatted $count files:"
    sed 's/^/  /' <<<"$differing"
    exit 0
fi
echo "check-format: $count files differ from .clang-format ($("$clang_format" --version | sed 's/.*version //')):"
while IFS= read -r f; do
    echo "  $f"
    if [[ $diff -eq 1 ]]; then
        "$clang_format" --style=file "$f" | diff -u --label "$f" --label "$f (formatted)" "$f" - | sed 's/^/    /' || true
    fi
done <<<"$differing"
echo "Run scripts/check-format.sh --fix to rewrite them (or --diff to see the changes)."
exit 1
