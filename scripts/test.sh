#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Banter developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up and runs every test and check: installs the packages, builds the dev preset
# (warnings are errors), checks formatting (scripts/check-format.sh), runs clang-tidy
# (scripts/check-tidy.py, cached per translation unit), builds the API reference
# (scripts/apidocs.sh, no undocumented public API), builds the server and library once without
# the desktop client (build/server-only, BANTER_BUILD_CLIENT=OFF), starts the services the
# tests need, runs CTest, then the sanitizer and fuzzing step (scripts/sanitize.sh), then the
# Debian packages step (scripts/test-packages.sh: build, lintian, install, use, purge). Every
# step runs even when an earlier check failed; exits non-zero if any failed.
# Usage: scripts/test.sh [ctest arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh --test

export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-5G}"
# Paths relative to the checkout, so a fresh clone in another folder (as CI makes) reuses what
# an earlier build compiled; the Debug build's -g would otherwise hash the build folder too.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}" CCACHE_NOHASHDIR=1

failed=()
step() { # step NAME COMMAND...: runs a check, remembers a failure, goes on
    local name=$1 started=$SECONDS
    shift
    echo "== $name"
    if "$@"; then
        echo "== $name: passed ($((SECONDS - started)) s)"
    else
        echo "== $name: FAILED ($((SECONDS - started)) s)"
        failed+=("$name")
    fi
    disk_report
}
# The free disk after each step: a full disk fails the build in ways that look like anything
# else, and CI machines differ in size (CI once ran out while linking the sanitizer tree).
disk_report() {
    echo "   disk: $(df -h --output=avail . | tail -n 1 | tr -d ' ') free;" \
        "build/ $(du -sh build 2>/dev/null | cut -f1); compiler cache" \
        "$(du -sh "$CCACHE_DIR" 2>/dev/null | cut -f1)"
}
disk_report

step format scripts/check-format.sh

cmake --preset dev
cmake --build --preset dev

step clang-tidy scripts/check-tidy.py -p build/dev -j 2
step apidocs scripts/apidocs.sh build/apidocs

# The server and BanterShared must build without Qt Widgets and QtKeychain (the desktop's
# dependencies): a second build directory with the client off, sharing the compiler cache.
server_only() {
    cmake -S . -B build/server-only -G Ninja -DCMAKE_BUILD_TYPE=Debug -DBANTER_WERROR=ON \
        -DBANTER_BUILD_CLIENT=OFF -DBANTER_BUILD_TESTS=OFF >/dev/null \
        && cmake --build build/server-only \
        && if grep -Eq 'Qt6?Widgets|[Kk]eychain' build/server-only/build.ninja; then
            echo "build/server-only links Qt Widgets or QtKeychain" >&2
            return 1
        fi
}
step server-only server_only

# A throwaway PostgreSQL cluster on loopback for the *_postgresql variants of the suites.
pg_dir=$(mktemp -d /tmp/banter-pg.XXXXXX)
trap 'scripts/pg-test-cluster.sh stop "$pg_dir"' EXIT
BANTER_TEST_POSTGRES_URL=$(scripts/pg-test-cluster.sh start "$pg_dir")
export BANTER_TEST_POSTGRES_URL BANTER_TEST_PG_DIR="$pg_dir"
echo "PostgreSQL test cluster: $BANTER_TEST_POSTGRES_URL"

export QT_QPA_PLATFORM=offscreen
# As root (CI) the silent-network case of tst_databaseoutage (a network namespace and an
# nftables rule) must run, not skip.
[[ $(id -u) -eq 0 ]] && export BANTER_TEST_REQUIRE_NETNS=1
step ctest ctest --preset dev --output-on-failure --timeout 600 "$@"
# The server and library suites again under AddressSanitizer + UBSan, then every fuzz target
# for a bounded time (scripts/sanitize.sh; its own clang build in build/asan). Their SQLite
# variants only, and 15 s per fuzz target, to keep the whole run within CI's budget; run
# scripts/sanitize.sh by hand with BANTER_TEST_POSTGRES_URL set for the PostgreSQL variants.
# The sanitizer tree needs ~3 GB and the packages step ~1 GB more; on a small disk the dev
# tree (tested by now) makes room: the compiler cache rebuilds it quickly next time.
if (( $(df --output=avail -k . | tail -n 1) < 6 * 1024 * 1024 )) && [[ -d build/dev ]]; then
    echo "== less than 6 GB free: removing build/dev (tested) to make room for build/asan"
    rm -rf build/dev
    disk_report
fi
step sanitize env -u BANTER_TEST_POSTGRES_URL scripts/sanitize.sh --fuzz-seconds 15
# The Debian packages: built (build/package), checked with lintian, installed into this
# machine, used (the installed banterd as its user, banter --version, echo-bot against the
# -dev package), then purged (scripts/test-packages.sh). Last, so that nothing else runs while
# they are installed. It needs root.
SUDO=""
[[ $(id -u) -eq 0 ]] || SUDO="sudo"
step packages $SUDO scripts/test-packages.sh

if [[ ${#failed[@]} -gt 0 ]]; then
    echo "scripts/test.sh: FAILED: ${failed[*]}"
    exit 1
fi
echo "scripts/test.sh: all tests and checks passed"
