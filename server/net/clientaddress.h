// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/serverconfig.h"

#include <QByteArray>
#include <QHostAddress>

namespace Banter::Server {

// The address a connection is counted by (sign-in failures, new accounts). A peer that is a
// trusted proxy speaks for the client in X-Forwarded-For ("client, proxy1, proxy2"): the
// entries are read from the right, skipping further trusted proxies, and the first one that
// is not trusted is the client. Entries left of it are whatever the client chose to send and
// are never believed. A peer that is not trusted is the client, whatever it claims; so is a
// trusted peer whose header is missing or unreadable.
QHostAddress resolveClientAddress(const QHostAddress &peer, const QByteArray &forwardedFor,
                                  const QList<Subnet> &trustedProxies);

} // namespace Banter::Server
