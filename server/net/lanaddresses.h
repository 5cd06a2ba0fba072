// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHostAddress>
#include <QList>

namespace Banter::Server {

// The addresses other machines can reach a server listening on `listenAddress` at: for a
// wildcard every address of every interface that is up, but loopback and IPv6 link-local
// ones (those need a scope no link can carry); else the address itself. What banterd --lan
// prints on start.
QList<QHostAddress> reachableAddresses(const QHostAddress &listenAddress);

// Whether `address` is one of the "every interface" addresses (0.0.0.0, ::, or both).
bool isWildcardAddress(const QHostAddress &address);

// The index of the interface that holds `address`; 0 when none does.
int interfaceHolding(const QHostAddress &address);

} // namespace Banter::Server
