// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/presence.h>

#include <QHash>
#include <QObject>

namespace Banter {
class ClientSession;
}

namespace Banter::Desktop {

// What the user knows of other people's presence: everyone they share a conversation with
// (the "presences" request after every sync), their contacts (merged from the contact list)
// and every presence push since. A user it has never heard of is offline, never seen.
class PresenceBook : public QObject
{
    Q_OBJECT
public:
    explicit PresenceBook(ClientSession &session, QObject *parent = nullptr);

    Presence presence(UserId user) const;
    // Online or away.
    bool isConnected(UserId user) const;
    // Learnt elsewhere (the contact list) or pushed; announces a change only.
    void merge(const Presence &presence);
    // Asks the server for the presence of everyone the user chats with.
    void reload();

Q_SIGNALS:
    void changed(const Banter::Presence &presence);
    void loaded();

private:
    ClientSession &m_session;
    QHash<UserId, Presence> m_known;
};

} // namespace Banter::Desktop
