// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/protocol/peoplemessages.h>

#include <QAbstractListModel>

namespace Banter {
class ClientSession;
}

namespace Banter::Desktop {

// The user's contacts, sorted by name, with live presence. There is no contacts push: the
// list is loaded with reload() (after every sync) and changed through add(), remove(),
// setBlocked(), which call the server and update the list from its answer.
class ContactListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole, // display name, or the username when there is none
        UsernameRole,
        PresenceRole, // PresenceStatus
        LastSeenRole, // ms since the epoch, 0 if never
        BlockedRole,
    };
    Q_ENUM(Role)

    explicit ContactListModel(ClientSession &session, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void reload();
    int rowOf(UserId user) const;
    const Protocol::Contact *contact(UserId user) const;
    QList<Protocol::Contact> contacts() const { return m_contacts; }

    // Each reports the server's refusal through failed() with its message.
    void add(const QString &username);
    void add(UserId user);
    void remove(UserId user);
    void setBlocked(UserId user, bool blocked);

Q_SIGNALS:
    void loaded();
    void added(const Banter::Protocol::Contact &contact);
    void failed(const QString &message);

private:
    void onAdded(Result<Protocol::Contact> contact);
    void upsert(const Protocol::Contact &contact);
    void onPresence(const Presence &presence);

    ClientSession &m_session;
    QList<Protocol::Contact> m_contacts;
};

} // namespace Banter::Desktop
