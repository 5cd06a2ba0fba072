// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QHostAddress>
#include <QTcpServer>

namespace Banter::Server {

// The TCP listener under the operators' HTTP endpoint (/metrics, /healthz). Qt HttpServer
// keeps every connection open for as long as the peer likes and has no limit of its own, so
// anyone who can reach the port could hold descriptors without end. This listener bounds what
// that costs: a peer address holds at most MaxPerAddress connections, all peers together
// MaxConnections (a connection over either is closed at once, so one address cannot lock the
// others out), a connection buffers at most MaxRequestBytes of a request it has not finished
// (the rest waits in the kernel; the peer is slowed, not the server), and every connection is
// closed LifetimeMs after it was accepted (a scrape takes milliseconds; Prometheus opens a new
// connection when the old one is gone).
class OperatorListener : public QTcpServer
{
    Q_OBJECT
public:
    static constexpr int MaxConnections = 32;
    static constexpr int MaxPerAddress = 8;
    static constexpr int LifetimeMs = 10'000;
    static constexpr qint64 MaxRequestBytes = 16 * 1024;

    explicit OperatorListener(QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void forget(const QHostAddress &peer);

    // Bounded by MaxConnections: an address is here only while it has a connection open.
    QHash<QHostAddress, int> m_perAddress;
    int m_open = 0;
};

} // namespace Banter::Server
