#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Banter developers
# SPDX-License-Identifier: GPL-3.0-or-later
# The safety net for memory and parsing bugs: builds the asan preset (clang, AddressSanitizer
# + UndefinedBehaviorSanitizer, libFuzzer; BanterShared, banterd and their test suites, no
# desktop client), runs those suites under the sanitizers, then fuzzes every target in
# tests/fuzz for a bounded time, starting from its committed corpus (tests/fuzz/corpus/NAME,
# regressions/ included). A crash leaves its input in build/asan/fuzz/NAME/: fix the bug and
# commit that input to tests/fuzz/corpus/NAME/regressions/ so it runs in every build after.
# The *_postgresql variants run when BANTER_TEST_POSTGRES_URL is set (scripts/test.sh sets it).
# Usage: scripts/sanitize.sh [--fuzz-seconds N] [--no-build] [--no-tests] [--no-fuzz] [--tsan]
#                            [ctest args...]
#   --fuzz-seconds N  time per fuzz target (default 25)
#   --no-build        use build/asan as it is (built already, e.g. under a shared build lock)
#   --tsan            also build the tsan preset and run its suites (storage executor, transfer)
set -euo pipefail
cd "$(dirname "$0")/.."

fuzz_seconds=25 run_build=1 run_tests=1 run_fuzz=1 run_tsan=0
while [[ $# -gt 0 ]]; do
    case $1 in
    --fuzz-seconds) fuzz_seconds=$2; shift 2 ;;
    --no-build) run_build=0; shift ;;
    --no-tests) run_tests=0; shift ;;
    --no-fuzz) run_fuzz=0; shift ;;
    --tsan) run_tsan=1; shift ;;
    *) break ;;
    esac
done

export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}" CCACHE_NOHASHDIR=1
export QT_QPA_PLATFORM=offscreen
# The same options as the asan test preset, for the fuzz runs too.
export ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1:strict_string_checks=1:check_initialization_order=1:detect_stack_use_after_return=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$PWD/tests/fuzz/lsan.supp}"

failed=()
if ((run_build)); then
    started=$SECONDS
    cmake --preset asan >/dev/null
    cmake --build --preset asan
    echo "sanitize.sh: asan build $((SECONDS - started)) s"
fi

if ((run_tests)); then
    started=$SECONDS
    exclude='layering|package' # compile checks and the install test: nothing to instrument
    [[ -n "${BANTER_TEST_POSTGRES_URL:-}" ]] || exclude+='|postgresql'
    ctest --preset asan -j 2 --timeout 600 --label-exclude "$exclude" "$@" || failed+=(asan-tests)
    echo "sanitize.sh: asan suites $((SECONDS - started)) s"
fi

if ((run_fuzz)); then
    for target in build/asan/tests/fuzz/fuzz_*; do
        [[ -f $target && -x $target ]] || continue
        name=${target##*/fuzz_}
        work=build/asan/fuzz/$name
        rm -rf "$work/corpus"
        mkdir -p "$work/corpus"
        echo "== fuzz $name (${fuzz_seconds} s)"
        # New inputs go to the scratch corpus (first directory); the committed one is read only.
        if ! "$target" -max_total_time="$fuzz_seconds" -timeout=10 -rss_limit_mb=2048 \
            -print_final_stats=1 -artifact_prefix="$work/" \
            "$work/corpus" "tests/fuzz/corpus/$name" 2>"$work/log"; then
            tail -n 60 "$work/log"
            echo "sanitize.sh: fuzz $name FAILED; the input is in $work/ (crash-*, timeout-*, oom-*)"
            failed+=("fuzz-$name")
        else
            grep -E '^stat::(number_of_executed_units|new_units_added)' "$work/log" || true
        fi
    done
fi

if ((run_tsan)); then
    started=$SECONDS
    if ((run_build)); then
        cmake --preset tsan >/dev/null
        cmake --build --preset tsan
    fi
    ctest --preset tsan || failed+=(tsan)
    echo "sanitize.sh: tsan $((SECONDS - started)) s"
fi

if [[ ${#failed[@]} -gt 0 ]]; then
    echo "sanitize.sh: FAILED: ${failed[*]}"
    exit 1
fi
echo "sanitize.sh: no sanitizer or fuzzer finding"
