// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTcpServer>

namespace Banter::Server {

class HandshakeGuard;

// The listening socket without TLS: each accepted descriptor is first shown to the
// HandshakeGuard, which may refuse it before a socket object is made, and the socket made is
// put under its handshake deadline.
class PlainListener : public QTcpServer
{
    Q_OBJECT
public:
    explicit PlainListener(HandshakeGuard &guard, QObject *parent = nullptr);

    // A descriptor AcceptLoop accepted: treated as QTcpServer treats its own.
    void adopt(qintptr descriptor) { incomingConnection(descriptor); }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    HandshakeGuard &m_guard;
};

} // namespace Banter::Server
