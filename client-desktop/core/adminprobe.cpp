// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/adminprobe.h"

#include <banter/client/clientsession.h>

#include <QPointer>

namespace Banter::Desktop {

AdminProbe::AdminProbe(ClientSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(&m_session, &ClientSession::stateChanged, this, [this](ClientSession::State state) {
        if (state == ClientSession::State::Ready)
            check();
    });
    if (m_session.isReady())
        check();
}

void AdminProbe::check()
{
    Protocol::AdminUsersRequest smallest;
    smallest.limit = 1;
    m_session.adminUsers(smallest).then(
        &m_session, [self = QPointer(this)](const Result<Protocol::AdminUsersReply> &reply) {
            if (!self)
                return;
            if (reply)
                self->m_admin = true;
            else if (reply.error().code == ErrorCode::Forbidden)
                self->m_admin = false;
            else
                return; // no answer about the rights: ask at the next sign-in
            self->m_answered = true;
            Q_EMIT self->checked(self->m_admin);
        });
}

} // namespace Banter::Desktop
