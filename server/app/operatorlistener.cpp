// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/operatorlistener.h"

#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace Banter::Server {

namespace {
// After the lifetime a connection is asked to close (what was written still goes out); one
// that is still there this much later (its peer reads nothing) is cut.
constexpr int CloseGraceMs = 1'000;
} // namespace

OperatorListener::OperatorListener(QObject *parent)
    : QTcpServer(parent)
{ }

void OperatorListener::incomingConnection(qintptr descriptor)
{
    auto socket = std::make_unique<QTcpSocket>(this);
    if (!socket->setSocketDescriptor(descriptor))
        return; // the socket closes the descriptor
    const QHostAddress peer = socket->peerAddress();
    if (m_open >= MaxConnections || m_perAddress.value(peer) >= MaxPerAddress) {
        socket->abort(); // nothing was read: nothing is owed
        return;
    }
    socket->setReadBufferSize(MaxRequestBytes);
    ++m_open;
    ++m_perAddress[peer];

    QTcpSocket *open = socket.release();
    // Counted down once, whichever comes first: the peer's close, ours, or the HTTP server
    // deleting the socket.
    auto counted = std::make_shared<bool>(true);
    auto release = [this, peer, counted] {
        if (std::exchange(*counted, false))
            forget(peer);
    };
    connect(open, &QAbstractSocket::disconnected, this, release);
    connect(open, &QObject::destroyed, this, release);
    QTimer::singleShot(LifetimeMs, open, [open] {
        open->disconnectFromHost();
        QTimer::singleShot(CloseGraceMs, open, [open] { open->abort(); });
    });
    addPendingConnection(open);
}

void OperatorListener::forget(const QHostAddress &peer)
{
    --m_open;
    auto it = m_perAddress.find(peer);
    if (it != m_perAddress.end() && --it.value() <= 0)
        m_perAddress.erase(it);
}

} // namespace Banter::Server
