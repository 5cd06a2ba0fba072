#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Banter developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a test in a private D-Bus session with a real notification daemon (dunst, drawing on a
# virtual X display), as a desktop session has. Usage: run-with-notifications.sh TEST [ARGS…]
set -euo pipefail
for tool in dunst dunstctl dbus-run-session xvfb-run gdbus; do
    command -v "$tool" >/dev/null || {
        echo "run-with-notifications: $tool not found; run scripts/install-deps.sh --test" >&2
        exit 1
    }
done
if [[ "${1:-}" != --inside ]]; then
    exec dbus-run-session -- xvfb-run -a -s "-screen 0 1280x1024x24" "$0" --inside "$@"
fi
shift
config=$(mktemp -d)
# Notifications stay until closed or replaced, so the test decides what is on screen.
cat >"$config/dunstrc" <<'CONF'
[global]
    idle_threshold = 0
    notification_limit = 0
[urgency_low]
    timeout = 0
[urgency_normal]
    timeout = 0
CONF
dunst -config "$config/dunstrc" >"$config/dunst.log" 2>&1 &
dunst_pid=$!
trap 'kill "$dunst_pid" 2>/dev/null || true; rm -rf "$config"' EXIT
gdbus wait --session --timeout 10 org.freedesktop.Notifications
QT_QPA_PLATFORM=offscreen "$@"
