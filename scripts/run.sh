#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Banter developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up and runs Banter on this machine: banterd on SQLite (data in the standard app-data
# directory), and the desktop client too when there is a display. Extra arguments go to
# banterd (see build/release/server/banterd --help): `scripts/run.sh --lan` serves the local
# network, prints the addresses colleagues connect to and the certificate fingerprint, and
# lets their clients find the server (docs/OPERATIONS.md, "LAN set-up in three steps").
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release

server=build/release/server/banterd
client=build/release/client-desktop/banter
if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" && -x "$client" ]]; then
    "$server" "$@" &
    server_pid=$!
    trap 'kill "$server_pid" 2>/dev/null || true' EXIT
    "$client"
else
    exec "$server" "$@"
fi
