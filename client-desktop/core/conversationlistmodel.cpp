// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/conversationlistmodel.h"

#include <banter/client/clientsession.h>
#include <banter/domain/messagechange.h>

namespace Banter::Desktop {

using namespace Qt::StringLiterals;

ConversationListModel::ConversationListModel(ClientSession &session, QObject *parent)
    : QAbstractListModel(parent)
    , m_session(session)
{
    m_unreadThrottle.setSingleShot(true);
    m_unreadThrottle.setInterval(UnreadInterval);
    connect(&m_unreadThrottle, &QTimer::timeout, this, &ConversationListModel::flushUnread);
    connect(&session, &ClientSession::conversationUpdated, this,
            &ConversationListModel::upsertConversation);
    connect(&session, &ClientSession::conversationRemoved, this, &ConversationListModel::onRemoved);
    connect(&session, &ClientSession::presenceChanged, this, &ConversationListModel::setPresence);
    // At sign-in the server's list (unread counts, last messages) replaces what the cache
    // showed; the catch-up's messages that follow are already counted in it.
    connect(&session, &ClientSession::conversationsListed, this, &ConversationListModel::reset);
    connect(&session, &ClientSession::messagesReceived, this,
            [this](const QList<Message> &messages) { onMessages(messages); });
    connect(&session, &ClientSession::messageAcked, this,
            [this](const Message &m) { onMessages({m}); });
    connect(&session, &ClientSession::receiptReceived, this,
            [this](const Protocol::ReceiptPush &r) {
                // My own read position moved (on another device): recount what is unread.
                if (r.userId != m_session.currentUser().id || r.kind != Protocol::ReceiptKind::Read)
                    return;
                const int row = rowOf(r.conversationId);
                if (row < 0)
                    return;
                Entry &e = m_entries[row];
                e.unread = qMax<qint64>(0, qMin(e.unread, e.conversation.lastSeq - r.seq));
                // Which of the unread ones mention me is not known message by message here:
                // read up to the newest, none are left.
                if (e.unread == 0)
                    e.mentions = 0;
                Q_EMIT dataChanged(index(row), index(row), {UnreadRole, MentionsRole});
                emitUnread();
            });
}

int ConversationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

UserId ConversationListModel::otherMember(const Conversation &conversation) const
{
    for (const Participant &p : conversation.participants) {
        if (p.userId != m_session.currentUser().id)
            return p.userId;
    }
    return 0;
}

QString ConversationListModel::nameOf(const Entry &entry) const
{
    const Conversation &c = entry.conversation;
    if (c.type == ConversationType::Group)
        return c.name;
    for (const Participant &p : c.participants) {
        if (p.userId != m_session.currentUser().id)
            return p.displayName.isEmpty() ? p.username : p.displayName;
    }
    return c.name;
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const Entry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return nameOf(e);
    case IdRole:
        return e.conversation.id;
    case TypeRole:
        return int(e.conversation.type);
    case PreviewRole:
        if (e.last && e.last->content.isEmpty() && e.last->type == MessageType::Image)
            return tr("Photo");
        if (e.last && e.last->content.isEmpty() && e.last->type == MessageType::File)
            return tr("File: %1").arg(e.last->attachment.name);
        return e.last ? e.last->content : QString();
    case LastActivityRole:
        return e.last ? e.last->createdAtMs : e.conversation.createdAtMs;
    case UnreadRole:
        return e.unread;
    case MentionsRole:
        return e.mentions;
    case PresenceRole:
        return int(e.conversation.type == ConversationType::Private
                       ? m_presence.value(otherMember(e.conversation), PresenceStatus::Offline)
                       : PresenceStatus::Offline);
    case LastSeqRole:
        return e.conversation.lastSeq;
    case MutedRole:
        return m_muted.contains(e.conversation.id);
    case PeerRole:
        return e.conversation.type == ConversationType::Private ? otherMember(e.conversation)
                                                                : UserId(0);
    case PeerAvatarRole: {
        const Participant *peer = e.conversation.type == ConversationType::Private
            ? e.conversation.participant(otherMember(e.conversation))
            : nullptr;
        return peer ? peer->avatarVersion : qint64(0);
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> ConversationListModel::roleNames() const
{
    return {{IdRole, "conversationId"},
            {NameRole, "name"},
            {TypeRole, "type"},
            {PreviewRole, "preview"},
            {LastActivityRole, "lastActivity"},
            {UnreadRole, "unread"},
            {MentionsRole, "mentions"},
            {PresenceRole, "presence"},
            {PeerRole, "peer"},
            {PeerAvatarRole, "peerAvatar"},
            {LastSeqRole, "lastSeq"},
            {MutedRole, "muted"}};
}

int ConversationListModel::rowOf(ConversationId id) const
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).conversation.id == id)
            return int(i);
    }
    return -1;
}

const Conversation *ConversationListModel::conversation(ConversationId id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_entries.at(row).conversation;
}

void ConversationListModel::setActiveConversation(ConversationId id)
{
    m_active = id;
    const int row = rowOf(id);
    if (row >= 0 && (m_entries[row].unread != 0 || m_entries[row].mentions != 0)) {
        m_entries[row].unread = 0;
        m_entries[row].mentions = 0;
        Q_EMIT dataChanged(index(row), index(row), {UnreadRole, MentionsRole});
        emitUnread();
    }
}

void ConversationListModel::setWindowActive(bool active)
{
    m_windowActive = active;
    if (active)
        setActiveConversation(m_active);
}

qint64 ConversationListModel::totalUnread() const
{
    qint64 total = 0;
    for (const Entry &e : m_entries)
        total += e.unread;
    return total;
}

void ConversationListModel::setMuted(ConversationId id, bool muted)
{
    if (m_muted.contains(id) == muted)
        return;
    if (muted)
        m_muted.insert(id);
    else
        m_muted.remove(id);
    if (const int row = rowOf(id); row >= 0)
        Q_EMIT dataChanged(index(row), index(row), {MutedRole});
}

void ConversationListModel::setMutedConversations(const QSet<ConversationId> &muted)
{
    m_muted = muted;
    if (!m_entries.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {MutedRole});
}

void ConversationListModel::emitUnread()
{
    if (m_unreadThrottle.isActive()) {
        m_unreadDirty = true;
        return;
    }
    Q_EMIT totalUnreadChanged(totalUnread());
    m_unreadThrottle.start();
}

void ConversationListModel::flushUnread()
{
    if (!std::exchange(m_unreadDirty, false))
        return;
    Q_EMIT totalUnreadChanged(totalUnread());
    m_unreadThrottle.start();
}

void ConversationListModel::reset(const QList<ConversationSummary> &summaries)
{
    beginResetModel();
    m_entries.clear();
    for (const ConversationSummary &s : summaries) {
        const bool seen = s.conversation.id == m_active && m_windowActive;
        m_entries.append(Entry{s.conversation, s.lastMessage, seen ? 0 : s.unreadCount,
                               seen ? 0 : s.unreadMentions});
    }
    std::stable_sort(m_entries.begin(), m_entries.end(), [](const Entry &a, const Entry &b) {
        const qint64 ta = a.last ? a.last->createdAtMs : a.conversation.createdAtMs;
        const qint64 tb = b.last ? b.last->createdAtMs : b.conversation.createdAtMs;
        return ta > tb;
    });
    endResetModel();
    emitUnread();
}

void ConversationListModel::upsertConversation(const Conversation &conversation)
{
    const int row = rowOf(conversation.id);
    if (row >= 0) {
        m_entries[row].conversation = conversation;
        Q_EMIT dataChanged(index(row), index(row));
        return;
    }
    beginInsertRows({}, 0, 0);
    m_entries.prepend(Entry{conversation, std::nullopt, 0});
    endInsertRows();
}

void ConversationListModel::moveToTop(int row)
{
    if (row <= 0)
        return;
    beginMoveRows({}, row, row, {}, 0);
    m_entries.move(row, 0);
    endMoveRows();
}

// A batch (a sync page, a push, an ack): each conversation's row is updated once and moved
// to the top once. A message at or below the row's last seq is one the server's summary
// already counted (or a repeat): it does not count again.
void ConversationListModel::onMessages(const QList<Message> &messages)
{
    const UserId me = m_session.currentUser().id;
    QList<ConversationId> touched;
    for (const Message &message : messages) {
        int row = rowOf(message.conversationId);
        if (row < 0) {
            Conversation placeholder;
            placeholder.id = message.conversationId;
            upsertConversation(placeholder);
            row = 0;
        }
        Entry &e = m_entries[row];
        const bool counted = message.seq <= e.conversation.lastSeq;
        e.conversation.lastSeq = qMax(e.conversation.lastSeq, message.seq);
        if (message.isMessageChange()) {
            // Not a message to show as the last one: it changes one (perhaps the last).
            if (e.last)
                MessageChange::apply(*e.last, message, me);
        } else if (!e.last || message.seq >= e.last->seq) {
            e.last = message;
        }
        // The open conversation counts too while the window is in the background.
        const bool seen = message.conversationId == m_active && m_windowActive;
        if (!counted && message.senderId != me && !seen && message.type != MessageType::System) {
            ++e.unread;
            if (message.mentions.contains(me) && !message.isDeleted())
                ++e.mentions;
        }
        touched.removeOne(message.conversationId);
        touched.append(message.conversationId);
    }
    // The most recently active ends on top.
    for (const ConversationId id : std::as_const(touched)) {
        const int row = rowOf(id);
        Q_EMIT dataChanged(index(row), index(row));
        moveToTop(row);
    }
    if (!touched.isEmpty())
        emitUnread();
}

void ConversationListModel::onRemoved(ConversationId id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_entries.removeAt(row);
    endRemoveRows();
    emitUnread();
}

void ConversationListModel::setPresence(const Presence &presence)
{
    m_presence.insert(presence.userId, presence.status);
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).conversation.type == ConversationType::Private
            && otherMember(m_entries.at(i).conversation) == presence.userId)
            Q_EMIT dataChanged(index(int(i)), index(int(i)), {PresenceRole});
    }
}

} // namespace Banter::Desktop
