#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Banter developers
# SPDX-License-Identifier: GPL-3.0-or-later
# The "packages" step of scripts/test.sh: builds the Debian packages (scripts/package.sh),
# checks them with lintian, installs them into this machine with apt-get, and then uses what
# was installed, as an administrator would:
#   - the unit passes `systemd-analyze verify` (and its sandboxing score is printed);
#   - the installed banterd runs as the package's user (banter) with the installed
#     configuration and a temporary data directory, answers a WebSocket upgrade over TLS,
#     keeps its files owner-only, and stops cleanly on SIGTERM;
#   - the installed `banter --version` runs (offscreen);
#   - examples/echo-bot builds against the installed libbantershared-dev;
#   - an administrator's edit of /etc/banter/banterd.conf survives a reinstall;
# and at the end purges the packages (also when a check failed) and checks what purge removed.
# CI has no systemd as PID 1, so banterd runs under setpriv (the unit's User= and Group=)
# rather than as a service; the unit is checked offline. Needs root.
# Usage: scripts/test-packages.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ $(id -u) -ne 0 ]]; then
    echo "scripts/test-packages.sh installs packages: run it as root" >&2
    exit 1
fi
scripts/install-deps.sh --test
export DEBIAN_FRONTEND=noninteractive

fail() {
    echo "test-packages: FAILED: $*" >&2
    exit 1
}
ok() { echo "test-packages: ok: $*"; }

started=$SECONDS
mapfile -t debs < <(scripts/package.sh)
[[ ${#debs[@]} -eq 4 ]] || fail "expected 4 packages from scripts/package.sh, got ${#debs[@]}"
declare -A package_file=()
names=()
for deb in "${debs[@]}"; do
    name=$(dpkg-deb --field "$deb" Package)
    package_file[$name]=$deb
    names+=("$name")
done
version=$(dpkg-deb --field "${package_file[banterd]}" Version)
echo "test-packages: built ${names[*]} ($version) in $((SECONDS - started)) s"

work=$(mktemp -d /tmp/banter-packages.XXXXXX)
state=""
server_pid=""
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
purge() {
    local present=()
    for name in "${names[@]}"; do
        installed "$name" && present+=("$name")
    done
    if [[ ${#present[@]} -gt 0 ]]; then
        apt-get purge -y -q "${present[@]}" >"$work/purge.log" 2>&1 || { cat "$work/purge.log"; return 1; }
    fi
}
cleanup() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill -KILL "$server_pid" 2>/dev/null || true
    fi
    purge || true
    [[ -n "$state" ]] && rm -rf "$state"
    rm -rf "$work"
}
trap cleanup EXIT
purge # what an earlier, interrupted run may have left

# --- lintian: every tag is fixed or explained in packaging/debian/*.lintian-overrides.
if ! lintian --fail-on error,warning --display-info --tag-display-limit 0 "${debs[@]}" \
    >"$work/lintian.log" 2>&1; then
    cat "$work/lintian.log"
    fail "lintian"
fi
[[ -s "$work/lintian.log" ]] && cat "$work/lintian.log"
ok "lintian: no errors or warnings (info tags, if any, above)"

# --- install
if ! apt-get install -y -q "${debs[@]}" >"$work/install.log" 2>&1; then
    cat "$work/install.log"
    fail "apt-get install"
fi
ok "apt-get install ${names[*]}"

# --- what banterd's postinst set up
conf=/etc/banter/banterd.conf
getent passwd banter >/dev/null || fail "postinst made no banter user"
[[ $(stat -c '%U:%G %a' /var/lib/banter) == "banter:banter 700" ]] \
    || fail "/var/lib/banter is $(stat -c '%U:%G %a' /var/lib/banter), not banter:banter 700"
[[ $(stat -c '%U:%G %a' "$conf") == "root:banter 640" ]] \
    || fail "$conf is $(stat -c '%U:%G %a' "$conf"), not root:banter 640"
dpkg-query -W -f='${Conffiles}' banterd | grep -q " $conf " || fail "$conf is not a conffile"
grep -qx 'data_dir=/var/lib/banter' "$conf" || fail "$conf does not set data_dir=/var/lib/banter"
ok "banter user, /var/lib/banter (0700), $conf (root:banter 0640, conffile)"

# --- the unit
unit=/usr/lib/systemd/system/banterd.service
systemd-analyze verify "$unit" || fail "systemd-analyze verify $unit"
exposure=$(systemd-analyze security --offline=true "$unit" 2>/dev/null | grep -o 'Overall exposure level.*' || true)
ok "systemd-analyze verify $unit ($exposure)"

# --- desktop integration
desktop-file-validate /usr/share/applications/org.banter.Banter.desktop || fail "desktop file"
grep -q 'x-scheme-handler/banter' /usr/share/applications/org.banter.Banter.desktop \
    || fail "the desktop file does not handle banter:// links"
appstreamcli validate --no-net --strict /usr/share/metainfo/org.banter.Banter.metainfo.xml \
    >"$work/appstream.log" 2>&1 || { cat "$work/appstream.log"; fail "AppStream metainfo"; }
ok "desktop file and AppStream metainfo validate"

# --- the installed banterd: version, and every command of --help in the man page
[[ $(/usr/bin/banterd --version) == "banterd ${version%%-*}" ]] \
    || fail "banterd --version says '$(/usr/bin/banterd --version)', the package is $version"
man_page=$(zcat /usr/share/man/man8/banterd.8.gz)
# `banterd --help` lists the commands of server/cli/servercommand.cpp as "  NAME  Summary"
# under its positional argument "command".
mapfile -t commands < <(/usr/bin/banterd --help | sed -nE 's/^ +([a-z][a-z-]+) {2,}[A-Z].*/\1/p' \
    | grep -vx command)
[[ ${#commands[@]} -gt 0 ]] || fail "found no commands in banterd --help"
for command in "${commands[@]}"; do
    grep -q "^\.B ${command//-/\\\\-}\$" <<<"$man_page" \
        || fail "banterd(8) does not describe the command '$command' (docs/man/banterd.8)"
done
ok "banterd --version; banterd(8) describes every command (${commands[*]})"

# --- the installed banterd, as the unit runs it: user banter, the installed configuration
# (TLS on, the generated certificate), a temporary data directory and a free port.
state=$(mktemp -d /tmp/banter-package-state.XXXXXX)
chown banter:banter "$state"
setpriv --reuid=banter --regid=banter --init-groups --reset-env -- \
    /usr/bin/banterd --config "$conf" --data-dir "$state" --port 0 >"$work/banterd.log" 2>&1 &
server_pid=$!
port=""
for _ in $(seq 300); do # until it says where it listens: at most 30 s
    port=$(sed -nE 's|.*listening on wss://[^ ]+:([0-9]+) .*|\1|p' "$work/banterd.log")
    [[ -n "$port" ]] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/banterd.log"; fail "banterd exited at start"; }
    sleep 0.1
done
[[ -n "$port" ]] || { cat "$work/banterd.log"; fail "banterd did not start listening within 30 s"; }
python3 tests/package/websocket_upgrade.py 127.0.0.1 "$port" --tls || fail "WebSocket upgrade"
[[ -f "$state/tls/certificate.pem" ]] || fail "banterd made no TLS certificate in its data directory"
not_own=$(find "$state" ! -user banter)
[[ -z "$not_own" ]] || fail "files in the data directory not owned by banter: $not_own"
# Directories owner-only; secrets (database, token key, TLS key) owner-only; nothing writable
# by others. (The TLS certificate is public and 0644, inside the 0700 tls/ directory.)
open=$(find "$state" \( -type d -perm /077 \) -o -perm /022 -o \( -name 'banter.db*' -o \
    -name token.key -o -name key.pem \) -perm /077)
[[ -z "$open" ]] || fail "open to group or others in the data directory: $open"
[[ -f "$state/token.key" && -f "$state/tls/key.pem" ]] || fail "no token key or TLS key in $state"
kill -TERM "$server_pid"
status=0
wait "$server_pid" || status=$?
server_pid=""
[[ $status -eq 0 ]] || { cat "$work/banterd.log"; fail "banterd exited $status after SIGTERM, not 0"; }
ok "banterd as user banter with $conf: wss on port $port answered the upgrade, data owner-only, exit 0 on SIGTERM"

# --- the installed client
mkdir -m 0700 "$work/home" "$work/runtime"
client_version=$(env HOME="$work/home" XDG_RUNTIME_DIR="$work/runtime" QT_QPA_PLATFORM=offscreen \
    /usr/bin/banter --version 2>"$work/banter.log") || { cat "$work/banter.log"; fail "banter --version"; }
[[ "$client_version" == "banter ${version%%-*}" ]] || fail "banter --version says '$client_version'"
ok "banter --version: $client_version"

# --- examples/echo-bot against the installed libbantershared-dev, nothing from build/
cmake -S examples/echo-bot -B "$work/echo-bot" -G Ninja >"$work/echo-bot.log" 2>&1 \
    && cmake --build "$work/echo-bot" >>"$work/echo-bot.log" 2>&1 \
    || { cat "$work/echo-bot.log"; fail "building examples/echo-bot against the installed package"; }
found=$(sed -n 's/^BanterShared_DIR:PATH=//p' "$work/echo-bot/CMakeCache.txt")
[[ "$found" == /usr/lib/*/cmake/BanterShared ]] || fail "echo-bot found BanterShared in '$found'"
linked=$(ldd "$work/echo-bot/echo-bot" | sed -n 's/.*libBanterShared[^ ]* => \([^ ]*\).*/\1/p')
[[ "$linked" == /usr/lib/* || "$linked" == /lib/* ]] || fail "echo-bot loads libBanterShared from '$linked'"
# Without an account it says what it needs and exits 2: the program starts with the library.
bot_status=0
"$work/echo-bot/echo-bot" >/dev/null 2>&1 || bot_status=$?
[[ $bot_status -eq 2 ]] || fail "echo-bot exited $bot_status without arguments, not 2"
ok "echo-bot built with $found, runs with $linked"

# --- an administrator's edit of the configuration survives a reinstall (an upgrade's path)
echo "; edited by test-packages" >>"$conf"
if ! apt-get install -y -q --reinstall "${package_file[banterd]}" >"$work/reinstall.log" 2>&1; then
    cat "$work/reinstall.log"
    fail "reinstalling banterd"
fi
grep -q '^; edited by test-packages$' "$conf" || fail "reinstalling banterd lost the edit of $conf"
[[ $(stat -c '%U:%G %a' "$conf") == "root:banter 640" ]] || fail "reinstalling changed $conf's mode"
ok "the edited $conf and its mode survive a reinstall"

# --- purge removes what the packages brought, the data directory included
purge || fail "apt-get purge"
for name in "${names[@]}"; do
    installed "$name" && fail "$name is still installed after purge"
done
for path in /usr/bin/banterd /usr/bin/banter /etc/banter /var/lib/banter "$unit"; do
    [[ ! -e "$path" ]] || fail "$path is still there after purge"
done
dpkg-statoverride --list "$conf" >/dev/null && fail "purge left the statoverride of $conf"
ok "purge removed the packages, /etc/banter and /var/lib/banter (the banter user stays)"

echo "test-packages: all checks passed in $((SECONDS - started)) s"
