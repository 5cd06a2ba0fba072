// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/acceptreserve.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Banter::Server {

AcceptReserve::AcceptReserve()
{
    take();
}

AcceptReserve::~AcceptReserve()
{
    if (m_spare >= 0)
        ::close(m_spare);
}

void AcceptReserve::take()
{
    if (m_spare < 0)
        m_spare = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
}

int AcceptReserve::shed(qintptr listener, int max)
{
    take();
    if (m_spare < 0 || listener < 0)
        return 0;
    ::close(m_spare);
    m_spare = -1;
    int shed = 0;
    // One descriptor is free now: each accepted connection uses it and gives it back. The
    // listening socket is non-blocking, so an empty backlog ends the loop (EAGAIN).
    while (shed < max) {
        const int fd = ::accept4(int(listener), nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (fd < 0)
            break;
        ::close(fd);
        ++shed;
    }
    take();
    return shed;
}

} // namespace Banter::Server
