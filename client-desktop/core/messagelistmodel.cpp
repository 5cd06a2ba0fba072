// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/messagelistmodel.h"

#include "client/clientsession.h"

#include <QDateTime>

#include <algorithm>

namespace Banter::Desktop {

namespace {
constexpr qint64 ContinuationWindowMs = 5 * 60 * 1000;
constexpr int PageSize = 50;
} // namespace

MessageListModel::MessageListModel(ClientSession &session, QObject *parent)
    : QAbstractListModel(parent)
    , m_session(session)
{
    connect(&session, &ClientSession::messageReceived, this, [this](const Message &m) {
        if (m.conversationId == m_conversation.id)
            insertMessage(m);
    });
    connect(&session, &ClientSession::messageAcked, this, [this](const Message &m) {
        if (m.conversationId == m_conversation.id) {
            insertMessage(m);
            refreshPending();
        }
    });
    connect(&session, &ClientSession::outboxChanged, this, &MessageListModel::refreshPending);
    connect(&session, &ClientSession::receiptReceived, this,
            [this](const Protocol::ReceiptPush &r) {
                onReceipt(r.conversationId, r.userId, r.kind == Protocol::ReceiptKind::Read, r.seq);
            });
    connect(&session, &ClientSession::conversationUpdated, this, [this](const Conversation &c) {
        if (c.id != m_conversation.id)
            return;
        m_conversation = c;
        if (!m_messages.isEmpty())
            Q_EMIT dataChanged(index(0), index(rowCount() - 1), {StatusRole, SenderNameRole});
    });
    connect(&session, &ClientSession::conversationReset, this, [this](ConversationId id) {
        if (id == m_conversation.id)
            setConversation(m_conversation);
    });
}

void MessageListModel::setConversation(const Conversation &conversation)
{
    beginResetModel();
    m_conversation = conversation;
    m_messages.clear();
    m_pending.clear();
    m_hasMore = true;
    ++m_generation;
    endResetModel();
    refreshPending();
    loadPage(0);
}

void MessageListModel::loadPage(Seq before)
{
    if (m_loading || !m_conversation.id)
        return;
    m_loading = true;
    Q_EMIT loadingChanged(true);
    const quint64 generation = m_generation;
    m_session.history(m_conversation.id, before, PageSize)
        .then(this, [this, generation](Result<Protocol::HistoryReply> page) {
            if (generation != m_generation)
                return;
            m_loading = false;
            Q_EMIT loadingChanged(false);
            if (!page) {
                m_hasMore = false;
                return;
            }
            m_hasMore = page->hasMore;
            for (const Message &m : page->messages)
                insertMessage(m);
        });
}

bool MessageListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMore && !m_loading && !m_messages.isEmpty();
}

void MessageListModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        loadPage(m_messages.constFirst().seq);
}

void MessageListModel::insertMessage(const Message &message)
{
    // Binary search by seq: history pages arrive older-first, live messages newest-last.
    const auto pos = std::lower_bound(m_messages.begin(), m_messages.end(), message.seq,
                                      [](const Message &m, Seq seq) { return m.seq < seq; });
    if (pos != m_messages.end() && pos->seq == message.seq)
        return; // already shown
    const int row = int(pos - m_messages.begin());
    beginInsertRows({}, row, row);
    m_messages.insert(row, message);
    endInsertRows();
    // The next row's separator and grouping depend on this one.
    if (row + 1 < rowCount())
        Q_EMIT dataChanged(index(row + 1), index(row + 1), {NewDayRole, ContinuationRole});
}

void MessageListModel::refreshPending()
{
    QList<Message> pending;
    for (const Protocol::SendMessageRequest &r : m_session.pendingMessages()) {
        if (r.conversationId != m_conversation.id)
            continue;
        Message m;
        m.id = r.id;
        m.conversationId = r.conversationId;
        m.senderId = m_session.currentUser().id;
        m.type = r.type;
        m.content = r.content;
        m.attachment = r.attachment;
        m.createdAtMs = QDateTime::currentMSecsSinceEpoch();
        pending.append(m);
    }
    const int first = int(m_messages.size());
    if (!m_pending.isEmpty()) {
        beginRemoveRows({}, first, first + int(m_pending.size()) - 1);
        m_pending.clear();
        endRemoveRows();
    }
    if (!pending.isEmpty()) {
        beginInsertRows({}, first, first + int(pending.size()) - 1);
        m_pending = pending;
        endInsertRows();
    }
}

void MessageListModel::onReceipt(ConversationId conversation, UserId user, bool read, Seq seq)
{
    if (conversation != m_conversation.id)
        return;
    for (Participant &p : m_conversation.participants) {
        if (p.userId != user)
            continue;
        p.deliveredSeq = qMax(p.deliveredSeq, seq);
        if (read)
            p.readSeq = qMax(p.readSeq, seq);
    }
    if (!m_messages.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_messages.size()) - 1), {StatusRole});
}

MessageStatus MessageListModel::statusOf(const Message &message) const
{
    if (message.seq == 0)
        return MessageStatus::Sending;
    bool delivered = true;
    bool read = true;
    bool anyone = false;
    for (const Participant &p : m_conversation.participants) {
        if (p.userId == message.senderId)
            continue;
        anyone = true;
        delivered = delivered && p.deliveredSeq >= message.seq;
        read = read && p.readSeq >= message.seq;
    }
    if (anyone && read)
        return MessageStatus::Read;
    if (anyone && delivered)
        return MessageStatus::Delivered;
    return MessageStatus::Sent;
}

const Message &MessageListModel::at(int row) const
{
    return row < m_messages.size() ? m_messages.at(row) : m_pending.at(row - m_messages.size());
}

QString MessageListModel::senderName(UserId user) const
{
    if (const Participant *p = m_conversation.participant(user))
        return p->displayName.isEmpty() ? p->username : p->displayName;
    return QString::number(user);
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size() + m_pending.size());
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Message &m = at(index.row());
    const Message *previous = index.row() > 0 ? &at(index.row() - 1) : nullptr;
    switch (role) {
    case Qt::DisplayRole:
    case ContentRole:
        return m.content;
    case IdRole:
        return m.id;
    case SeqRole:
        return m.seq;
    case SenderIdRole:
        return m.senderId;
    case SenderNameRole:
        return senderName(m.senderId);
    case TypeRole:
        return int(m.type);
    case EventRole:
        return m.event;
    case TimeRole:
        return m.createdAtMs;
    case MineRole:
        return m.senderId == m_session.currentUser().id;
    case StatusRole:
        return int(statusOf(m));
    case NewDayRole:
        return !previous
            || QDateTime::fromMSecsSinceEpoch(previous->createdAtMs).date()
            != QDateTime::fromMSecsSinceEpoch(m.createdAtMs).date();
    case ContinuationRole:
        return previous && previous->senderId == m.senderId && previous->type != MessageType::System
            && m.createdAtMs - previous->createdAtMs < ContinuationWindowMs;
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    return {{IdRole, "messageId"},      {SeqRole, "seq"},
            {SenderIdRole, "senderId"}, {SenderNameRole, "senderName"},
            {ContentRole, "content"},   {TypeRole, "type"},
            {EventRole, "event"},       {TimeRole, "time"},
            {MineRole, "mine"},         {StatusRole, "status"},
            {NewDayRole, "newDay"},     {ContinuationRole, "continuation"}};
}

} // namespace Banter::Desktop
