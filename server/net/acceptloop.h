// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QSocketNotifier>
#include <QTimer>

#include <functional>

class QTcpServer;

namespace Banter::Server {

// Takes connections off a listening socket in place of QTcpServer's own loop, so that running
// out of descriptors neither spins nor stalls the server.
//
// When accept() fails with EMFILE, the connection stays in the kernel's backlog and the
// listening socket stays readable: Qt 6.4 then calls accept() again on every turn of the event
// loop (measured: about 1,500 failing calls in 300 ms, one core busy) until a descriptor comes
// free. Here a spare descriptor is held for that moment: it is closed, the waiting connection
// is accepted and closed at once (the client sees the connection end and may try again), and
// the spare is taken back. The backlog drains, the loop sleeps, and whoever holds
// descriptors, the rest of the server keeps working. Other failures (no kernel memory) pause
// accepting for a moment instead of retrying at once.
class AcceptLoop : public QObject
{
    Q_OBJECT
public:
    using Adopt = std::function<void(qintptr descriptor)>;

    // Takes over `listener`, which must be listening: its own accepting is paused for good,
    // and every accepted descriptor is handed to `adopt`, which owns it from then on.
    AcceptLoop(QTcpServer &listener, Adopt adopt, QObject *parent = nullptr);
    ~AcceptLoop() override;

private:
    void onReadable();
    enum class Shed {
        Refused, // a waiting connection was taken and closed
        NoneWaiting, // the backlog was empty (EMFILE comes before the backlog is looked at)
        Failed, // no descriptor could be freed for it (another thread took the spare's)
    };
    // Frees the spare, accepts and closes the connection at the head of the backlog, and takes
    // the spare back.
    Shed shedOneConnection();
    void pause(int milliseconds);
    void reportShortage();

    const int m_listening;
    Adopt m_adopt;
    QSocketNotifier m_notifier;
    QTimer m_resume;
    int m_spare = -1;
    quint64 m_unreported = 0; // refused since the last log line
    QElapsedTimer m_sinceReport;
};

} // namespace Banter::Server
