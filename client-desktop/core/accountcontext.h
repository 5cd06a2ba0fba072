// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/ids.h>
#include <banter/domain/user.h>

#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

namespace Banter {
class ClientCache;
class ClientSession;
} // namespace Banter

class QThread;

namespace Banter::Desktop {

class AppSettings;
class AvatarBook;
class ChatPeopleModel;
class ContactListModel;
class ConversationListModel;
class DraftStore;
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
//
// With the cache enabled it also owns the account's on-disk copy (ClientCache): opened for a
// remembered account before the session connects, so the conversation list and the last
// open conversation show from disk at once and while the server is down; opened at sign-in
// otherwise; deleted at sign-out.
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
    AvatarBook *avatars() const { return m_avatars; }
    // The account's drafts, on disk once the account is known (signed in, or remembered).
    DraftStore *drafts() const { return m_drafts; }

    // Mutes or unmutes a conversation's notifications, and remembers it in the settings.
    void setMuted(ConversationId id, bool muted);
    // The settings changed (the settings dialog was accepted).
    void applySettings();

    // Keeps each signed-in account's copy in `directory` (empty: the standard location,
    // ClientCache::defaultPath). Off until called.
    void enableCache(const QString &directory = {});
    // Opens the cache of `user` on `server` and hands it to the session (call before the
    // session connects; sign-ins open it by themselves). The conversation list shows what it
    // holds, and the session knows the user before the server answers. False if no cache
    // could be written (the account then works without one).
    bool openCache(const QUrl &server, const User &user);
    // openCache() with the file's integrity check (which reads every page) on a worker
    // thread, so a large cache never holds up the window. `opened` runs on this thread once
    // the cache is open, or could not be (then the account works without one); connect the
    // session there, so the sign-in finds the cache. cacheOpened() follows either way.
    void openCacheInBackground(const QUrl &server, const User &user,
                               std::function<void()> opened = {});
    ClientCache *cache() const { return m_cache.get(); }
    // Sign-out: the session lets go of the cache and its file is deleted (the drafts' too).
    void removeCache();

Q_SIGNALS:
    // A cache was opened (the conversation list now shows what it holds), or a background
    // open ended without one.
    void cacheOpened();

private:
    QString cachePath(const QUrl &server, UserId user) const;
    // Hands an opened cache of `user` to the session and the models.
    void adopt(std::unique_ptr<ClientCache> cache, const User &user);
    void onAuthenticated(const User &user);
    void openDrafts(const QUrl &server, UserId user);

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
    AvatarBook *m_avatars;
    DraftStore *m_drafts;
    bool m_cacheEnabled = false;
    QString m_cacheDirectory;
    std::unique_ptr<ClientCache> m_cache;
    QThread *m_checking = nullptr; // the background integrity check, while it runs
};

} // namespace Banter::Desktop
