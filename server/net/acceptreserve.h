// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace Banter::Server {

// One descriptor held back for the moment the process has no other. When accept() fails
// with EMFILE the connection stays in the kernel's backlog: the listener cannot take it and
// cannot tell its client anything, so the client waits and the listener is woken for it
// again and again. shed() gives the reserve up, accepts the waiting connections and closes
// them at once (their clients see the connection end and retry later), then takes the
// reserve back.
class AcceptReserve
{
public:
    AcceptReserve();
    ~AcceptReserve();
    AcceptReserve(const AcceptReserve &) = delete;
    AcceptReserve &operator=(const AcceptReserve &) = delete;

    // Whether a descriptor is held (opening it can fail when the process starts already
    // short of descriptors; shed() tries again).
    bool isHeld() const { return m_spare >= 0; }
    // Accepts and closes at most `max` connections waiting on the listening socket
    // `listener`; how many it closed. Nothing when no reserve could be held.
    int shed(qintptr listener, int max);

private:
    void take();

    int m_spare = -1;
};

} // namespace Banter::Server
