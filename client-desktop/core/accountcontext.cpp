// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/accountcontext.h"

#include "core/appsettings.h"
#include "core/avatarbook.h"
#include "core/chatpeoplemodel.h"
#include "core/contactlistmodel.h"
#include "core/conversationlistmodel.h"
#include "core/draftstore.h"
#include "core/filetransfers.h"
#include "core/messagelistmodel.h"
#include "core/notifier.h"
#include "core/ownpresence.h"
#include "core/presencebook.h"
#include "core/typingsender.h"
#include "core/typingtracker.h"
#include <banter/client/certificatepin.h>
#include <banter/client/clientcache.h>
#include <banter/client/clientsession.h>

#include <QDir>
#include <QFileInfo>
#include <QThread>

#include <memory>

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
    , m_presence(new PresenceBook(session, this))
    , m_typing(new TypingTracker(session, this))
    , m_typingSender(new TypingSender(session, this))
    , m_chatPeople(new ChatPeopleModel(session, *m_conversations, *m_contacts, *m_presence, this))
    , m_ownPresence(new OwnPresence(session, this))
    , m_avatars(new AvatarBook(session, this))
    , m_drafts(new DraftStore(this))
{
    m_messages->setFileTransfers(m_files);
    m_conversations->setMutedConversations(settings.mutedConversations());
    m_notifier->setMutedConversations(settings.mutedConversations());
    applySettings();
    // Presence comes from the contact list and from everyone the user chats with (the
    // presence book asks after each sync); pushes follow.
    connect(m_contacts, &ContactListModel::loaded, this, [this] {
        for (const Protocol::Contact &contact : m_contacts->contacts())
            m_presence->merge(contact.presence);
    });
    connect(m_presence, &PresenceBook::changed, m_conversations,
            &ConversationListModel::setPresence);
    if (session.isReady())
        m_presence->reload(); // signed in before this account's windows were built
    connect(&session, &ClientSession::authenticated, this,
            [this](const User &user) { openDrafts(m_session.url(), user.id); });
    if (session.currentUser().id != 0)
        openDrafts(session.url(), session.currentUser().id);
}

void AccountContext::openDrafts(const QUrl &server, UserId user)
{
    if (user != 0 && server.isValid())
        m_drafts->open(DraftStore::defaultPath(CertificatePin::serverKey(server), user));
}

AccountContext::~AccountContext()
{
    if (m_checking) {
        // Bounded by the file's size; its result has no one left to go to.
        m_checking->disconnect(this);
        m_checking->wait();
        delete m_checking;
    }
    if (!m_cache)
        return;
    m_session.setCache(nullptr);
    // What catch-ups added beyond the cache's depth goes on the way out, not at the next
    // start: the integrity check at open reads the whole file, so a small file is checked
    // fast.
    m_cache->prune(m_cache->depth());
}

void AccountContext::enableCache(const QString &directory)
{
    if (!m_cacheEnabled)
        connect(&m_session, &ClientSession::authenticated, this, &AccountContext::onAuthenticated);
    m_cacheEnabled = true;
    m_cacheDirectory = directory;
}

QString AccountContext::cachePath(const QUrl &server, UserId user) const
{
    const QString standard = ClientCache::defaultPath(CertificatePin::serverKey(server), user);
    if (m_cacheDirectory.isEmpty())
        return standard;
    return QDir(m_cacheDirectory).filePath(QFileInfo(standard).fileName());
}

bool AccountContext::openCache(const QUrl &server, const User &user)
{
    if (!m_cacheEnabled || user.id == 0)
        return false;
    const QString key = CertificatePin::serverKey(server);
    // A changed certificate (pinned anew) or another account makes the old copy unusable.
    const CacheIdentity identity{key, user.id, m_settings.pinnedCertificates().value(key)};
    if (m_cache && m_cache->identity() == identity)
        return true;
    auto opened = ClientCache::open(cachePath(server, user.id), identity);
    if (!opened)
        return false;
    adopt(std::move(*opened), user);
    return true;
}

void AccountContext::openCacheInBackground(const QUrl &server, const User &user,
                                           std::function<void()> opened)
{
    openDrafts(server, user.id); // known now, before the cache's check ends
    const auto done = [this, opened = std::move(opened)] {
        if (opened)
            opened();
        Q_EMIT cacheOpened();
    };
    if (!m_cacheEnabled || user.id == 0 || m_checking) {
        done();
        return;
    }
    const QString key = CertificatePin::serverKey(server);
    const CacheIdentity identity{key, user.id, m_settings.pinnedCertificates().value(key)};
    const QString path = cachePath(server, user.id);
    auto problem = std::make_shared<QString>();
    m_checking = QThread::create([path, problem] { *problem = ClientCache::checkIntegrity(path); });
    connect(m_checking, &QThread::finished, this, [this, path, identity, user, problem, done] {
        m_checking->deleteLater();
        m_checking = nullptr;
        // A sign-in may have opened this very cache meanwhile (openCache() does not wait).
        if (!m_cache || m_cache->identity() != identity) {
            if (auto cache = ClientCache::openChecked(path, identity, *problem))
                adopt(std::move(*cache), user);
        }
        done();
    });
    m_checking->start(QThread::LowPriority);
}

void AccountContext::adopt(std::unique_ptr<ClientCache> cache, const User &user)
{
    m_session.setCache(cache.get());
    m_cache = std::move(cache);
    m_session.setKnownUser(user);
    m_conversations->reset(m_cache->conversations());
}

// A sign-in (the dialog, or a remembered account whose cache could not be opened before):
// the copy of this user, before the catch-up starts.
void AccountContext::onAuthenticated(const User &user)
{
    openCache(m_session.url(), user);
}

void AccountContext::removeCache()
{
    m_drafts->discard();
    if (!m_cache)
        return;
    const QString path = m_cache->path();
    m_session.setCache(nullptr);
    m_cache.reset();
    ClientCache::remove(path);
}

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
