// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/result.h>
#include <banter/protocol/searchmessages.h>

#include <QAbstractListModel>

namespace Banter {
class ClientSession;
}

namespace Banter::Desktop {

class ConversationListModel;

// The hits of one message search (the server's "search"), newest first, page by page:
// search() starts over, loadMore() appends the next page while hasMore(). A reply that comes
// after the search changed (a new query, another scope) is dropped, so fast typing never
// shows the results of an old query. Names come from the conversation list.
class SearchResultsModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        ConversationIdRole = Qt::UserRole + 1,
        SeqRole,
        MessageIdRole,
        ConversationNameRole,
        SenderNameRole, // "You", empty for the other member of a private chat, or the name
        TimeRole, // ms since the epoch
        SnippetRole, // with Protocol::SearchHighlightStart/End around matches (plain text)
    };
    Q_ENUM(Role)

    // Most hits kept: paging further asks the user to narrow the query instead.
    static constexpr int MaxHits = 500;

    SearchResultsModel(ClientSession &session, const ConversationListModel &conversations,
                       QObject *parent = nullptr);

    // Searches `query` in one conversation (`scope`), or in all of them (0). A blank query
    // only clears.
    void search(const QString &query, ConversationId scope);
    void loadMore();
    void clear();

    QString query() const { return m_request.query; }
    ConversationId scope() const { return m_request.conversationId; }
    bool hasMore() const { return m_hasMore && m_hits.size() < MaxHits; }
    bool isLoading() const { return m_loading; }
    // Whether a search finished (so "nothing found" can be told from "not asked yet").
    bool hasAnswer() const { return m_answered; }
    const Protocol::SearchHit &hit(int row) const { return m_hits.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // Loading, hasMore() or the hits changed.
    void stateChanged();
    // The search failed (offline, rate_limited, a query the server refused).
    void failed(const Banter::Error &error);

private:
    void fetch();

    ClientSession &m_session;
    const ConversationListModel &m_conversations;
    Protocol::SearchRequest m_request;
    QList<Protocol::SearchHit> m_hits;
    bool m_hasMore = false;
    bool m_loading = false;
    bool m_answered = false;
    quint64 m_generation = 0;
};

} // namespace Banter::Desktop
