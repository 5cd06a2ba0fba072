// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/searchresultsmodel.h"

#include "core/conversationlistmodel.h"
#include <banter/client/clientsession.h>

namespace Banter::Desktop {

SearchResultsModel::SearchResultsModel(ClientSession &session,
                                       const ConversationListModel &conversations, QObject *parent)
    : QAbstractListModel(parent)
    , m_session(session)
    , m_conversations(conversations)
{ }

void SearchResultsModel::clear()
{
    ++m_generation;
    beginResetModel();
    m_hits.clear();
    endResetModel();
    m_hasMore = false;
    m_loading = false;
    m_answered = false;
    Q_EMIT stateChanged();
}

void SearchResultsModel::search(const QString &query, ConversationId scope)
{
    clear();
    m_request = {};
    m_request.query = query.trimmed().left(Protocol::SearchRequest::MaxQueryChars);
    m_request.conversationId = scope;
    if (!m_request.query.isEmpty())
        fetch();
}

void SearchResultsModel::loadMore()
{
    if (!m_loading && hasMore())
        fetch();
}

void SearchResultsModel::fetch()
{
    m_loading = true;
    Q_EMIT stateChanged();
    const quint64 generation = m_generation;
    m_session.searchMessages(m_request).then(
        this, [this, generation](Result<Protocol::SearchReply> reply) {
            if (generation != m_generation)
                return; // an older search's answer
            m_loading = false;
            m_answered = true;
            if (!reply) {
                Q_EMIT stateChanged();
                Q_EMIT failed(reply.error());
                return;
            }
            m_hasMore = reply->hasMore;
            m_request.before = reply->before;
            const QList<Protocol::SearchHit> page =
                reply->hits.mid(0, qMax<qsizetype>(0, MaxHits - m_hits.size()));
            if (!page.isEmpty()) {
                beginInsertRows({}, int(m_hits.size()), int(m_hits.size() + page.size() - 1));
                m_hits.append(page);
                endInsertRows();
            }
            Q_EMIT stateChanged();
        });
}

int SearchResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

QVariant SearchResultsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_hits.size())
        return {};
    const Protocol::SearchHit &h = m_hits.at(index.row());
    switch (role) {
    case ConversationIdRole:
        return h.conversationId;
    case SeqRole:
        return h.seq;
    case MessageIdRole:
        return h.messageId;
    case ConversationNameRole: {
        const int row = m_conversations.rowOf(h.conversationId);
        return row < 0
            ? QString()
            : m_conversations.index(row).data(ConversationListModel::NameRole).toString();
    }
    case SenderNameRole: {
        if (h.senderId == m_session.currentUser().id)
            return tr("You");
        const Conversation *c = m_conversations.conversation(h.conversationId);
        // A private chat is named after the other member: their name once is enough.
        if (c && c->type == ConversationType::Private && c->participant(h.senderId))
            return QString();
        const Participant *p = c ? c->participant(h.senderId) : nullptr;
        if (!p)
            return tr("Former member");
        return p->displayName.isEmpty() ? p->username : p->displayName;
    }
    case TimeRole:
        return h.createdAtMs;
    case Qt::DisplayRole:
    case Qt::ToolTipRole: {
        QString plain;
        for (const Protocol::SnippetPart &part : h.snippetParts())
            plain += part.text;
        return plain;
    }
    case SnippetRole:
        return h.snippet;
    default:
        return {};
    }
}

} // namespace Banter::Desktop
