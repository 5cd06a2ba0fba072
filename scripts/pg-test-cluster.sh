#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Banter developers
# SPDX-License-Identifier: GPL-3.0-or-later
# A throwaway PostgreSQL cluster on loopback for the tests, run as an unprivileged user.
#   scripts/pg-test-cluster.sh start DIR [PORT]   prints the maintenance URL on stdout
#   scripts/pg-test-cluster.sh stop DIR
#   scripts/pg-test-cluster.sh restart DIR        (used by the outage test)
# Fails loudly: a test run that needs PostgreSQL must not quietly go without it.
# PG_TEST_LISTEN=ADDRESS (start only) listens there instead of on 127.0.0.1 and trusts that
# address's subnet: the silent-network test runs the cluster in a network namespace behind a
# veth pair (run the script under `ip netns exec`).
set -euo pipefail

action=${1:?usage: pg-test-cluster.sh start|stop|restart DIR [PORT]}
dir=${2:?usage: pg-test-cluster.sh start|stop|restart DIR [PORT]}

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [[ -z "$bindir" || ! -x "$bindir/initdb" ]]; then
    echo "pg-test-cluster: PostgreSQL server binaries not found; run scripts/install-deps.sh --test" >&2
    exit 1
fi

# initdb refuses to run as root: use the postgres system user when we are root.
run_as() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

case "$action" in
start)
    port=${3:-$(free_port)}
    listen=${PG_TEST_LISTEN:-127.0.0.1}
    rm -rf "$dir"
    mkdir -p "$dir"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$dir"
    run_as "$bindir/initdb" -D "$dir/data" -U banter --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    [[ "$listen" != 127.0.0.1 ]] && echo "host all all samenet trust" >>"$dir/data/pg_hba.conf"
    echo "$listen" >"$dir/listen"
    # Tuned for a test box: durability still on (fsync), small footprint, loopback only.
    run_as "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=$listen -p $port -k $dir -c max_connections=200 -c shared_buffers=64MB" start >/dev/null \
        || { cat "$dir/server.log" >&2; exit 1; }
    echo "$port" >"$dir/port"
    echo "postgresql://banter@$listen:$port/postgres"
    ;;
stop)
    [[ -d "$dir/data" ]] && run_as "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
restart)
    port=$(cat "$dir/port")
    listen=$(cat "$dir/listen" 2>/dev/null || echo 127.0.0.1)
    run_as "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=$listen -p $port -k $dir -c max_connections=200 -c shared_buffers=64MB" start >/dev/null
    ;;
pause)
    run_as "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
*)
    echo "pg-test-cluster: unknown action $action" >&2
    exit 2
    ;;
esac
