#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Banter developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up and runs every test: installs the packages, builds the dev preset (warnings are
# errors), starts the services the tests need, and runs CTest. Exits non-zero on any failure.
# Usage: scripts/test.sh [ctest arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh --test

export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-2G}"

cmake --preset dev
cmake --build --preset dev

# A throwaway PostgreSQL cluster on loopback for the *_postgresql variants of the suites.
pg_dir=$(mktemp -d /tmp/banter-pg.XXXXXX)
trap 'scripts/pg-test-cluster.sh stop "$pg_dir"' EXIT
BANTER_TEST_POSTGRES_URL=$(scripts/pg-test-cluster.sh start "$pg_dir")
export BANTER_TEST_POSTGRES_URL BANTER_TEST_PG_DIR="$pg_dir"
echo "PostgreSQL test cluster: $BANTER_TEST_POSTGRES_URL"

export QT_QPA_PLATFORM=offscreen
ctest --preset dev --output-on-failure --timeout 600 "$@"
