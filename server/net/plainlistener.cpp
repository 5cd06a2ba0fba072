// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/plainlistener.h"

#include "net/handshakeguard.h"

#include <QTcpSocket>

#include <unistd.h>

namespace Banter::Server {

PlainListener::PlainListener(HandshakeGuard &guard, QObject *parent)
    : QTcpServer(parent)
    , m_guard(guard)
{ }

// What QTcpServer::incomingConnection does, with the guard in between.
void PlainListener::incomingConnection(qintptr descriptor)
{
    if (!m_guard.admit(descriptor))
        return;
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        ::close(int(descriptor));
        return;
    }
    m_guard.track(socket);
    addPendingConnection(socket);
}

} // namespace Banter::Server
