// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/chatpeoplemodel.h"

#include "core/contactlistmodel.h"
#include "core/conversationlistmodel.h"
#include "core/presencebook.h"
#include <banter/client/clientsession.h>

#include <QSet>

#include <algorithm>

namespace Banter::Desktop {

ChatPeopleModel::ChatPeopleModel(ClientSession &session, ConversationListModel &conversations,
                                 ContactListModel &contacts, PresenceBook &presence,
                                 QObject *parent)
    : QAbstractListModel(parent)
    , m_session(session)
    , m_conversations(conversations)
    , m_contacts(contacts)
    , m_presence(presence)
{
    // Conversations come and go, contacts are added: both change who belongs here.
    for (QAbstractItemModel *source : {static_cast<QAbstractItemModel *>(&conversations),
                                       static_cast<QAbstractItemModel *>(&contacts)}) {
        connect(source, &QAbstractItemModel::modelReset, this, &ChatPeopleModel::rebuild);
        connect(source, &QAbstractItemModel::rowsInserted, this, &ChatPeopleModel::rebuild);
        connect(source, &QAbstractItemModel::rowsRemoved, this, &ChatPeopleModel::rebuild);
    }
    connect(&conversations, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                if (roles.isEmpty()) // membership or names, not a count or a dot
                    rebuild();
            });
    connect(&contacts, &ContactListModel::loaded, this, &ChatPeopleModel::rebuild);
    connect(&presence, &PresenceBook::changed, this, [this](const Presence &p) {
        if (const int row = rowOf(p.userId); row >= 0)
            Q_EMIT dataChanged(index(row), index(row),
                               {ContactListModel::PresenceRole, ContactListModel::LastSeenRole});
    });
    rebuild();
}

int ChatPeopleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_people.size());
}

QVariant ChatPeopleModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_people.size())
        return {};
    const Person &p = m_people.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case ContactListModel::NameRole:
        return p.name;
    case ContactListModel::IdRole:
        return p.id;
    case ContactListModel::UsernameRole:
        return p.username;
    case ContactListModel::PresenceRole:
        return int(m_presence.presence(p.id).status);
    case ContactListModel::LastSeenRole:
        return m_presence.presence(p.id).lastSeenMs;
    case ContactListModel::BlockedRole:
        return false;
    default:
        return {};
    }
}

int ChatPeopleModel::rowOf(UserId user) const
{
    for (qsizetype i = 0; i < m_people.size(); ++i) {
        if (m_people.at(i).id == user)
            return int(i);
    }
    return -1;
}

void ChatPeopleModel::rebuild()
{
    const UserId me = m_session.currentUser().id;
    QSet<UserId> seen;
    for (const Protocol::Contact &c : m_contacts.contacts())
        seen.insert(c.user.id); // contacts, blocked ones included, are listed above
    seen.insert(me);
    QList<Person> people;
    for (int row = 0; row < m_conversations.rowCount(); ++row) {
        const ConversationId id =
            m_conversations.index(row).data(ConversationListModel::IdRole).toLongLong();
        const Conversation *c = m_conversations.conversation(id);
        if (!c)
            continue;
        for (const Participant &p : c->participants) {
            if (seen.contains(p.userId))
                continue;
            seen.insert(p.userId);
            people.append(
                {p.userId, p.username, p.displayName.isEmpty() ? p.username : p.displayName});
        }
    }
    std::sort(people.begin(), people.end(), [](const Person &a, const Person &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    beginResetModel();
    m_people = std::move(people);
    endResetModel();
}

} // namespace Banter::Desktop
