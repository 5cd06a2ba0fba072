// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/contactlistmodel.h"

#include <banter/client/clientsession.h>

#include <algorithm>

namespace Banter::Desktop {

namespace {
QString nameOf(const Protocol::Contact &contact)
{
    return contact.user.displayName.isEmpty() ? contact.user.username : contact.user.displayName;
}

bool byName(const Protocol::Contact &a, const Protocol::Contact &b)
{
    return QString::localeAwareCompare(nameOf(a), nameOf(b)) < 0;
}
} // namespace

ContactListModel::ContactListModel(ClientSession &session, QObject *parent)
    : QAbstractListModel(parent)
    , m_session(session)
{
    connect(&session, &ClientSession::presenceChanged, this, &ContactListModel::onPresence);
    connect(&session, &ClientSession::synced, this, &ContactListModel::reload);
    connect(&session, &ClientSession::userUpdated, this, [this](const User &user) {
        if (const int row = rowOf(user.id); row >= 0) {
            m_contacts[row].user = user;
            Q_EMIT dataChanged(index(row), index(row));
        }
    });
}

int ContactListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_contacts.size());
}

QVariant ContactListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_contacts.size())
        return {};
    const Protocol::Contact &c = m_contacts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return nameOf(c);
    case IdRole:
        return c.user.id;
    case UsernameRole:
        return c.user.username;
    case PresenceRole:
        return int(c.presence.status);
    case LastSeenRole:
        return c.presence.lastSeenMs;
    case BlockedRole:
        return c.blocked;
    default:
        return {};
    }
}

void ContactListModel::reload()
{
    m_session.contacts().then(this, [this](Result<Protocol::ContactsReply> reply) {
        if (!reply) {
            Q_EMIT failed(reply.error().message);
            return;
        }
        beginResetModel();
        m_contacts = reply->contacts;
        std::sort(m_contacts.begin(), m_contacts.end(), byName);
        endResetModel();
        Q_EMIT loaded();
    });
}

int ContactListModel::rowOf(UserId user) const
{
    for (int row = 0; row < m_contacts.size(); ++row) {
        if (m_contacts.at(row).user.id == user)
            return row;
    }
    return -1;
}

const Protocol::Contact *ContactListModel::contact(UserId user) const
{
    const int row = rowOf(user);
    return row < 0 ? nullptr : &m_contacts.at(row);
}

void ContactListModel::add(const QString &username)
{
    m_session.addContact(username).then(
        this, [this](Result<Protocol::Contact> contact) { onAdded(std::move(contact)); });
}

void ContactListModel::add(UserId user)
{
    m_session.addContact(user).then(
        this, [this](Result<Protocol::Contact> contact) { onAdded(std::move(contact)); });
}

void ContactListModel::onAdded(Result<Protocol::Contact> contact)
{
    if (!contact) {
        Q_EMIT failed(contact.error().message);
        return;
    }
    upsert(*contact);
    Q_EMIT added(*contact);
}

void ContactListModel::remove(UserId user)
{
    m_session.removeContact(user).then(this, [this](Result<Done> done) {
        if (!done) {
            Q_EMIT failed(done.error().message);
            return;
        }
        // The server's list is the truth: removing a contact keeps a block (and the entry).
        reload();
    });
}

void ContactListModel::setBlocked(UserId user, bool blocked)
{
    auto reply = blocked ? m_session.block(user) : m_session.unblock(user);
    reply.then(this, [this, user, blocked](Result<Done> done) {
        if (!done) {
            Q_EMIT failed(done.error().message);
            return;
        }
        if (const int row = rowOf(user); row >= 0) {
            m_contacts[row].blocked = blocked;
            Q_EMIT dataChanged(index(row), index(row), {BlockedRole});
        } else {
            reload(); // blocking a stranger adds them, marked blocked
        }
    });
}

void ContactListModel::upsert(const Protocol::Contact &contact)
{
    if (const int row = rowOf(contact.user.id); row >= 0) {
        m_contacts[row] = contact;
        Q_EMIT dataChanged(index(row), index(row));
        return;
    }
    const auto at = std::lower_bound(m_contacts.begin(), m_contacts.end(), contact, byName);
    const int row = int(at - m_contacts.begin());
    beginInsertRows({}, row, row);
    m_contacts.insert(row, contact);
    endInsertRows();
}

void ContactListModel::onPresence(const Presence &presence)
{
    const int row = rowOf(presence.userId);
    if (row < 0)
        return;
    m_contacts[row].presence = presence;
    Q_EMIT dataChanged(index(row), index(row), {PresenceRole, LastSeenRole});
}

} // namespace Banter::Desktop
