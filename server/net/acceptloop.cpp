// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/acceptloop.h"

#include "metrics/servermetrics.h"
#include "serverlogging.h"

#include <QTcpServer>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Banter::Server {

namespace {
// Connections taken per wake-up: a burst is served in a few turns of the event loop instead
// of holding it while everyone else waits.
constexpr int AcceptsPerWakeup = 64;
// How long accepting rests after a failure that retrying at once cannot fix.
constexpr int RestAfterFailureMs = 100;
// The log sums shortages up at most this often.
constexpr qint64 ReportIntervalMs = 10'000;

int openSpare()
{
    return ::open("/dev/null", O_RDONLY | O_CLOEXEC);
}
} // namespace

AcceptLoop::AcceptLoop(QTcpServer &listener, Adopt adopt, QObject *parent)
    : QObject(parent)
    , m_listening(int(listener.socketDescriptor()))
    , m_adopt(std::move(adopt))
    , m_notifier(listener.socketDescriptor(), QSocketNotifier::Read)
    , m_spare(openSpare())
{
    listener.pauseAccepting(); // from now on only this loop calls accept()
    m_resume.setSingleShot(true);
    connect(&m_resume, &QTimer::timeout, this, [this] { m_notifier.setEnabled(true); });
    connect(&m_notifier, &QSocketNotifier::activated, this, &AcceptLoop::onReadable);
}

AcceptLoop::~AcceptLoop()
{
    m_notifier.setEnabled(false);
    if (m_spare >= 0)
        ::close(m_spare);
}

void AcceptLoop::onReadable()
{
    for (int taken = 0; taken < AcceptsPerWakeup; ++taken) {
        const int descriptor = ::accept4(m_listening, nullptr, nullptr, SOCK_CLOEXEC);
        if (descriptor >= 0) {
            m_adopt(descriptor);
            continue;
        }
        switch (errno) {
        case EAGAIN:
#if EWOULDBLOCK != EAGAIN
        case EWOULDBLOCK:
#endif
            return; // the backlog is empty
        case EINTR:
        case ECONNABORTED: // the client gave up before it was taken
        case EPROTO:
            continue;
        case EMFILE:
        case ENFILE:
            switch (shedOneConnection()) {
            case Shed::Refused:
                continue;
            case Shed::NoneWaiting:
                return;
            case Shed::Failed:
                pause(RestAfterFailureMs);
                return;
            }
            return;
        default: {
            const int error = errno;
            qCWarning(lcNet).noquote()
                << QStringLiteral("accepting a connection failed: %1; trying again in %2 ms")
                       .arg(QString::fromLocal8Bit(std::strerror(error)))
                       .arg(RestAfterFailureMs);
            pause(RestAfterFailureMs);
            return;
        }
        }
    }
}

AcceptLoop::Shed AcceptLoop::shedOneConnection()
{
    if (m_spare < 0 && (m_spare = openSpare()) < 0)
        return Shed::Failed;
    ::close(m_spare);
    m_spare = -1;
    const int descriptor = ::accept4(m_listening, nullptr, nullptr, SOCK_CLOEXEC);
    const int acceptError = errno;
    if (descriptor >= 0)
        ::close(descriptor);
    m_spare = openSpare();
    if (descriptor < 0)
        return acceptError == EAGAIN || acceptError == EWOULDBLOCK ? Shed::NoneWaiting
                                                                   : Shed::Failed;
    ++m_unreported;
    ServerMetrics::instance().refusedForDescriptors.fetch_add(1, std::memory_order_relaxed);
    reportShortage();
    return Shed::Refused;
}

void AcceptLoop::pause(int milliseconds)
{
    m_notifier.setEnabled(false);
    m_resume.start(milliseconds);
}

void AcceptLoop::reportShortage()
{
    if (m_sinceReport.isValid() && m_sinceReport.elapsed() < ReportIntervalMs)
        return;
    qCWarning(lcNet).noquote()
        << QStringLiteral("out of file descriptors: refused %1 connection(s) at accept; raise the "
                          "open-file limit (LimitNOFILE=, ulimit -n) or lower [limits] "
                          "max_connections")
               .arg(m_unreported);
    m_unreported = 0;
    m_sinceReport.start();
}

} // namespace Banter::Server
