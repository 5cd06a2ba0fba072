// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/ids.h>

#include <QObject>

namespace Banter {
class ClientSession;
}

namespace Banter::Desktop {

class AppSettings;
class ChatPeopleModel;
class ContactListModel;
class ConversationListModel;
class FileTransfers;
class MessageListModel;
class Notifier;
class OwnPresence;
class PresenceBook;
class TypingSender;
class TypingTracker;

// Everything that lives as long as one signed-in account: the models over its session, the
// notifier and the file transfers, set up from the user's settings and wired to each other.
// Windows are built from it and hold no session state of their own, so the models can be
// driven and tested without widgets. The session and the settings must outlive it.
class AccountContext : public QObject
{
    Q_OBJECT
public:
    AccountContext(ClientSession &session, AppSettings &settings, QObject *parent = nullptr);
    ~AccountContext() override;

    ClientSession &session() const { return m_session; }
    AppSettings &settings() const { return m_settings; }
    ConversationListModel *conversations() const { return m_conversations; }
    MessageListModel *messages() const { return m_messages; }
    ContactListModel *contacts() const { return m_contacts; }
    Notifier *notifier() const { return m_notifier; }
    FileTransfers *files() const { return m_files; }
    PresenceBook *presence() const { return m_presence; }
    TypingTracker *typing() const { return m_typing; }
    TypingSender *typingSender() const { return m_typingSender; }
    ChatPeopleModel *chatPeople() const { return m_chatPeople; }
    OwnPresence *ownPresence() const { return m_ownPresence; }

    // Mutes or unmutes a conversation's notifications, and remembers it in the settings.
    void setMuted(ConversationId id, bool muted);
    // The settings changed (the settings dialog was accepted).
    void applySettings();

private:
    ClientSession &m_session;
    AppSettings &m_settings;
    ConversationListModel *m_conversations;
    MessageListModel *m_messages;
    ContactListModel *m_contacts;
    Notifier *m_notifier;
    FileTransfers *m_files;
    PresenceBook *m_presence;
    TypingTracker *m_typing;
    TypingSender *m_typingSender;
    ChatPeopleModel *m_chatPeople;
    OwnPresence *m_ownPresence;
};

} // namespace Banter::Desktop
