// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/serverconfig.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace Banter::Server {

// Sheds sockets that hold a descriptor without becoming a WebSocket: every accepted socket
// must finish its TLS handshake and WebSocket upgrade within a deadline, at most
// maxPendingHandshakes may be unfinished at once, and one address holds at most
// maxConnectionsPerAddress sockets. When a cap is reached the oldest unfinished handshake
// makes room (the address's own, for the address cap), so a flood of silent sockets cannot
// keep a client that completes its handshake out, even one from the same address. An
// address whose sockets are all established is refused at accept, before any Qt object
// exists for the socket.
class HandshakeGuard : public QObject
{
    Q_OBJECT
public:
    HandshakeGuard(const ServerLimits &limits, const QList<Subnet> &trustedProxies,
                   QObject *parent = nullptr);

    // Called with a freshly accepted descriptor: false when it was refused (and closed).
    bool admit(qintptr descriptor);
    // Starts the deadline of a socket made from an admitted descriptor and counts it against
    // its address (a trusted proxy's sockets are counted by the forwarded address instead,
    // see countForwarded()) until it disconnects.
    void track(QTcpSocket *socket);
    // The upgrade of the socket with this peer succeeded: its deadline stops. Returns that
    // socket (it stays counted until it disconnects), or nullptr if it is not known.
    QTcpSocket *finished(const QHostAddress &peer, quint16 port);
    // Counts an upgraded socket from a trusted proxy against the client address it
    // forwarded; false when that address is already at its cap.
    bool countForwarded(QTcpSocket *socket, const QHostAddress &client);
    // Drops every unfinished handshake (the server is stopping).
    void abortPending();

    qsizetype pendingCount() const { return m_pending.size(); }
    int connectionsFrom(const QHostAddress &address) const { return m_perAddress.value(address); }

private:
    struct Pending
    {
        QPointer<QTcpSocket> socket;
        qint64 deadline = 0; // on m_clock
    };
    bool isTrustedProxy(const QHostAddress &address) const;
    bool evictOldest(const QHostAddress *from);
    void release(QObject *socket);
    void onDeadline();
    void armTimer();
    void report();

    const ServerLimits &m_limits;
    const QList<Subnet> &m_trustedProxies;
    QElapsedTimer m_clock;
    QTimer m_timer; // fires at the oldest unfinished handshake's deadline
    // In accept order, which is deadline order: the timeout is the same for all.
    QList<Pending> m_pending;
    // Bounded by the descriptors the process may hold: one entry per live socket.
    QHash<QObject *, QHostAddress> m_counted;
    QHash<QHostAddress, int> m_perAddress;
    // Shed sockets are summed up in the log at most once a minute.
    QElapsedTimer m_sinceReport;
    int m_refused = 0;
    int m_evicted = 0;
    int m_timedOut = 0;
};

} // namespace Banter::Server
