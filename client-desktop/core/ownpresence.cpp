// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ownpresence.h"

#include <banter/client/clientsession.h>

namespace Banter::Desktop {

OwnPresence::OwnPresence(ClientSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    // Each new connection starts online on the server: away has to be said again.
    connect(&session, &ClientSession::synced, this, [this] {
        if (m_status != PresenceStatus::Online)
            tell();
    });
}

void OwnPresence::setStatus(PresenceStatus status)
{
    if (status == PresenceStatus::Offline || status == m_status)
        return;
    m_status = status;
    Q_EMIT statusChanged(status);
    if (m_session.isReady())
        tell();
}

void OwnPresence::tell()
{
    m_session.setPresence(m_status).then(this, [this](Result<Done> done) {
        if (!done)
            Q_EMIT failed(done.error().message);
    });
}

} // namespace Banter::Desktop
