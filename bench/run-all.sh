#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Banter developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every benchmark scenario once against a release build and prints the summary lines
# (the JSON lines go to bench-results.jsonl in the current directory). Loopback only; each
# scenario is bounded by --seconds and stops the server it started.
# Usage: bench/run-all.sh [--postgres postgresql://user@127.0.0.1:port/db-to-recreate]
#                         [--seconds N] [--client]
# --client also runs banter-clientbench (the desktop client against 50 × 10,000 + 20,000
# messages; needs the client built, takes several minutes; the filled server is kept in
# build/release/clientbench-data for the next run).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/build/release"
seconds=5
pg_url=""
client=0
while [[ $# -gt 0 ]]; do
    case "$1" in
    --postgres) pg_url="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --client) client=1; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
if [[ ! -x "$build/bench/loadgen/banter-loadgen" ]]; then
    cmake --preset release -DBANTER_BUILD_CLIENT=OFF >/dev/null
    cmake --build "$build" --target banterd banter-loadgen banter-ceiling-relay banter-transferbench
fi
L=("$build/bench/loadgen/banter-loadgen" --banterd "$build/server/banterd"
   --relay "$build/bench/ceiling/banter-ceiling-relay" --seconds "$seconds")
out="bench-results.jsonl"
: >"$out"

run() {
    echo "== $*" >&2
    "${L[@]}" "$@" 2>&1 | tee -a "$out" | grep '^summary:' || true
}

# A fresh, empty PostgreSQL database for each run that writes (the generator signs users up).
fresh_pg() {
    local base="${pg_url%/*}" db="${pg_url##*/}"
    psql -q "$base/postgres" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
}

run pairs --target relay
run pairs
max=$(grep '^summary:.*scenario=pairs .*target=banter' "$out" | tail -1 | grep -o 'msgs_per_s=[0-9.]*' | cut -d= -f2)
run rate --rate "$(awk -v m="$max" 'BEGIN { printf "%d", m / 2 }')"
for size in 10 100 500; do run group --group-size "$size"; done
run idle --connections 2000 --target relay
run idle --connections 2000
run login
run history --history-messages 1000000
run sync --missed 10000
run search --search-messages 1000000
if [[ -n "$pg_url" ]]; then
    fresh_pg; run pairs --database "$pg_url"
    pg_max=$(grep '^summary:.*backend=postgresql.*scenario=pairs' "$out" | tail -1 | grep -o 'msgs_per_s=[0-9.]*' | cut -d= -f2)
    fresh_pg; run rate --rate "$(awk -v m="$pg_max" 'BEGIN { printf "%d", m / 2 }')" --database "$pg_url"
    fresh_pg; run group --group-size 100 --database "$pg_url"
    fresh_pg; run history --history-messages 1000000 --database "$pg_url"
    fresh_pg; run sync --missed 10000 --database "$pg_url"
    fresh_pg; run search --search-messages 1000000 --database "$pg_url"
fi
echo "== transfer" >&2
"$build/bench/transfer/banter-transferbench" --banterd "$build/server/banterd" --mib 200 | tee -a "$out" | tail -1
if [[ "$client" == 1 ]]; then
    if [[ ! -x "$build/bench/client/banter-clientbench" ]]; then
        cmake --preset release -DBANTER_BUILD_CLIENT=ON >/dev/null
        cmake --build "$build" --target banterd banter-clientbench
    fi
    echo "== clientbench" >&2
    "$build/bench/client/banter-clientbench" --banterd "$build/server/banterd" \
        --keep-data "$build/clientbench-data" | tee -a "$out"
fi
