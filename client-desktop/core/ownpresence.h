// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/presence.h>

#include <QObject>

namespace Banter {
class ClientSession;
}

namespace Banter::Desktop {

// The status the user chose for themselves (online or away). The server forgets it when the
// last connection goes, so it is said again after every reconnect.
class OwnPresence : public QObject
{
    Q_OBJECT
public:
    explicit OwnPresence(ClientSession &session, QObject *parent = nullptr);

    // Online or away; offline is only what others see when this client is disconnected.
    void setStatus(PresenceStatus status);
    PresenceStatus status() const { return m_status; }

Q_SIGNALS:
    void statusChanged(Banter::PresenceStatus status);
    void failed(const QString &message);

private:
    void tell();

    ClientSession &m_session;
    PresenceStatus m_status = PresenceStatus::Online;
};

} // namespace Banter::Desktop
