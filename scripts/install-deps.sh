#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Banter developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 packages Banter needs. Idempotent: it asks apt only for what is
# missing. Usage: scripts/install-deps.sh [--test]   (--test adds what the test run needs)
set -euo pipefail

packages=(
    build-essential cmake ninja-build ccache pkg-config git python3
    qt6-base-dev qt6-websockets-dev libqt6sql6-sqlite libqt6sql6-psql
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools linguist-qt6
    qtkeychain-qt6-dev qt6-svg-dev libsodium-dev libssl-dev libgl-dev
    # `banterd invite` draws the invitation link as a QR code in the terminal.
    libqrencode-dev
    # The mDNS announcement of LAN mode goes through Avahi (optional at build time: without
    # it banterd answers the UDP discovery query only).
    libavahi-client-dev
    # banterd's /metrics and /healthz endpoint for operators.
    qt6-httpserver-dev
    # Reactions and the emoji picker need a colour emoji font, or they draw empty boxes.
    fonts-noto-color-emoji
    # Qt's own words (a dialog's Cancel, a text field's menu) in the interface language.
    qt6-translations-l10n
    # scripts/package.sh: dpkg-shlibdeps (dpkg-dev) and file work out the packages' Depends.
    dpkg-dev file
)
if [[ "${1:-}" == "--test" ]]; then
    # A real PostgreSQL server, a private D-Bus session with gnome-keyring for the keychain
    # tests and dunst for the notification tests, Xvfb for looking at the client in a real
    # window (and scripts/screenshots.sh), and the checks the test command runs: clang-format,
    # clang-tidy, Doxygen. A CJK font, so that the Chinese screenshots show characters rather
    # than boxes. Debian's clang with its sanitizer and libFuzzer runtimes and llvm-symbolizer
    # for readable stacks: the sanitizer and fuzzing step (scripts/sanitize.sh). iproute2 and
    # nftables: the silent-network test runs PostgreSQL in a network namespace and drops its
    # packets there; tst_lannetwork joins two namespaces by a veth pair.
    packages+=(postgresql postgresql-contrib dbus dbus-x11 gnome-keyring libsecret-tools xvfb xauth
        dunst clang-format clang-tidy doxygen fonts-wqy-microhei clang libclang-rt-dev llvm
        iproute2 nftables
        # tst_lannetwork runs an avahi-daemon on a private D-Bus in each of two network
        # namespaces and reads the announcement with avahi-browse.
        avahi-daemon avahi-utils dbus-daemon
        # The packages step (scripts/test-packages.sh): lintian, systemd-analyze for the unit
        # (it also opens the unit's man page, hence man-db), adduser for banterd's postinst,
        # and the validators of the desktop file and the AppStream metadata.
        lintian systemd man-db adduser desktop-file-utils appstream)
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [[ ${#missing[@]} -eq 0 ]]; then
    exit 0
fi
echo "Installing: ${missing[*]}"
SUDO=""
[[ $(id -u) -eq 0 ]] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
