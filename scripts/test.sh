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

export QT_QPA_PLATFORM=offscreen
ctest --preset dev --output-on-failure --timeout 600 "$@"
