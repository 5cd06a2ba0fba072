#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Banter developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a test inside a private D-Bus session with a real, unlocked gnome-keyring and a
# throwaway HOME, so keychain tests use the real secret service and touch nothing of yours.
set -euo pipefail
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config"
exec dbus-run-session -- bash -c '
    echo -n "banter-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
    exec "$@"' keyring "$@"
