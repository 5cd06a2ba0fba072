// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/conversation.h>
#include <banter/domain/presence.h>

#include <QAbstractListModel>
#include <QHash>
#include <QSet>
#include <QTimer>

namespace Banter {
class ClientSession;
}

namespace Banter::Desktop {

// The conversation list, most recent activity first, kept live from a ClientSession:
// names (a private conversation is named after the other member), last message preview,
// unread counts that follow the user's read position, and the other member's presence.
class ConversationListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        TypeRole,
        PreviewRole,
        LastActivityRole, // ms since the epoch
        UnreadRole,
        PresenceRole, // PresenceStatus of the other member (private conversations)
        LastSeqRole,
        MutedRole, // the user muted its notifications
        PeerRole, // the other member's id in a private conversation, else 0 (its avatar)
        PeerAvatarRole, // that member's avatar_version (0: no picture)
        MentionsRole, // unread messages that mention the user (the "@" badge)
    };
    Q_ENUM(Role)

    static constexpr std::chrono::milliseconds UnreadInterval{250};

    explicit ConversationListModel(ClientSession &session, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int rowOf(ConversationId id) const;
    const Conversation *conversation(ConversationId id) const;
    // The conversation the user is looking at: its messages do not count as unread.
    void setActiveConversation(ConversationId id);
    // Messages in the active conversation count as unread while its window is hidden or in
    // the background; activating it again reads them.
    void setWindowActive(bool active);
    qint64 totalUnread() const;
    // Which conversations are muted (shown with a marker; the Notifier decides what notifies).
    void setMuted(ConversationId id, bool muted);
    void setMutedConversations(const QSet<ConversationId> &muted);

    // Presence learnt elsewhere (the contact list); pushes are followed by the model itself.
    void setPresence(const Presence &presence);
    // Replaces the list with the server's (the "conversations" request).
    void reset(const QList<ConversationSummary> &summaries);

Q_SIGNALS:
    // The total changed. Emitted at once after a quiet spell, then at most once per
    // UnreadInterval while it keeps changing (a catch-up moves it thousands of times).
    void totalUnreadChanged(qint64 unread);

private:
    struct Entry
    {
        Conversation conversation;
        std::optional<Message> last;
        qint64 unread = 0;
        qint64 mentions = 0; // of the unread ones, those that mention the user
    };

    void upsertConversation(const Conversation &conversation);
    void onMessages(const QList<Message> &messages);
    void onRemoved(ConversationId id);
    QString nameOf(const Entry &entry) const;
    UserId otherMember(const Conversation &conversation) const;
    void moveToTop(int row);
    void emitUnread();
    void flushUnread();

    ClientSession &m_session;
    QList<Entry> m_entries;
    QHash<UserId, PresenceStatus> m_presence;
    ConversationId m_active = 0;
    bool m_windowActive = true;
    QSet<ConversationId> m_muted;
    QTimer m_unreadThrottle;
    bool m_unreadDirty = false;
};

} // namespace Banter::Desktop
