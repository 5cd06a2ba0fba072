// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/accountcontext.h"

#include "core/appsettings.h"
#include "core/contactlistmodel.h"
#include "core/conversationlistmodel.h"
#include "core/filetransfers.h"
#include "core/messagelistmodel.h"
#include "core/notifier.h"
#include <banter/client/clientsession.h>

namespace Banter::Desktop {

AccountContext::AccountContext(ClientSession &session, AppSettings &settings, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_settings(settings)
    , m_conversations(new ConversationListModel(session, this))
    , m_messages(new MessageListModel(session, this))
    , m_contacts(new ContactListModel(session, this))
    , m_notifier(new Notifier(session, this))
    , m_files(new FileTransfers(session, this))
{
    m_messages->setFileTransfers(m_files);
    m_conversations->setMutedConversations(settings.mutedConversations());
    m_notifier->setMutedConversations(settings.mutedConversations());
    applySettings();
    // The contact list knows presence from before the conversations were loaded; pushes follow.
    connect(m_contacts, &ContactListModel::loaded, this, [this] {
        for (const Protocol::Contact &contact : m_contacts->contacts())
            m_conversations->setPresence(contact.presence);
    });
}

AccountContext::~AccountContext() = default;

void AccountContext::setMuted(ConversationId id, bool muted)
{
    m_notifier->setMuted(id, muted);
    m_conversations->setMuted(id, muted);
    m_settings.setMutedConversations(m_notifier->mutedConversations());
    m_settings.sync();
}

void AccountContext::applySettings()
{
    m_notifier->setEnabled(m_settings.notificationsEnabled());
}

} // namespace Banter::Desktop
