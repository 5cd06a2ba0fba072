#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Banter developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Asks a banterd for a WebSocket upgrade and checks its answer: status 101 and the
Sec-WebSocket-Accept that RFC 6455 derives from our key. Used by scripts/test-packages.sh on
the installed server, so it needs nothing beyond Python's standard library.
Usage: websocket_upgrade.py HOST PORT [--tls]   (the certificate is not checked: banterd's is
self-signed on first start)."""
import base64
import hashlib
import os
import socket
import ssl
import sys

WEBSOCKET_GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


def main() -> int:
    host, port, tls = sys.argv[1], int(sys.argv[2]), "--tls" in sys.argv[3:]
    key = base64.b64encode(os.urandom(16))
    expected = base64.b64encode(hashlib.sha1(key + WEBSOCKET_GUID).digest()).decode()
    sock = socket.create_connection((host, port), timeout=10)
    if tls:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        sock = context.wrap_socket(sock, server_hostname=host)
    request = (
        f"GET / HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
        f"Connection: Upgrade\r\nSec-WebSocket-Key: {key.decode()}\r\n"
        "Sec-WebSocket-Version: 13\r\n\r\n"
    )
    sock.sendall(request.encode())
    answer = b""
    while b"\r\n\r\n" not in answer and len(answer) < 16384:
        chunk = sock.recv(4096)
        if not chunk:
            break
        answer += chunk
    sock.close()
    lines = answer.split(b"\r\n\r\n")[0].decode(errors="replace").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (l.partition(":") for l in lines[1:])}
    if not lines[0].startswith("HTTP/1.1 101"):
        print(f"websocket_upgrade: expected 101, got {lines[0]!r}", file=sys.stderr)
        return 1
    if headers.get("sec-websocket-accept") != expected:
        print(f"websocket_upgrade: wrong Sec-WebSocket-Accept {headers.get('sec-websocket-accept')!r}",
              file=sys.stderr)
        return 1
    print(f"websocket_upgrade: {host}:{port} answered {lines[0]} with the right accept key")
    return 0


if __name__ == "__main__":
    sys.exit(main())
