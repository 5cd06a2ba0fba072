// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/ids.h>

#include <QAbstractListModel>

namespace Banter {
class ClientSession;
}

namespace Banter::Desktop {

class ContactListModel;
class ConversationListModel;
class PresenceBook;

// "People in your chats": everyone the user shares a conversation with who is not (yet) a
// contact, sorted by name, with their presence; the contacts tab offers to add them. Its
// roles are ContactListModel's, so the same delegate draws both lists.
class ChatPeopleModel : public QAbstractListModel
{
    Q_OBJECT
public:
    ChatPeopleModel(ClientSession &session, ConversationListModel &conversations,
                    ContactListModel &contacts, PresenceBook &presence, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    int rowOf(UserId user) const;

private:
    struct Person
    {
        UserId id = 0;
        QString username;
        QString name;
    };
    void rebuild();

    ClientSession &m_session;
    ConversationListModel &m_conversations;
    ContactListModel &m_contacts;
    PresenceBook &m_presence;
    QList<Person> m_people;
};

} // namespace Banter::Desktop
