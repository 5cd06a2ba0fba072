// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/repositories.h"
#include "storage/sqlsession.h"

namespace Banter::Server {

// Message search over the dialect's index (queries/search_*.sql): FTS5 trigram on SQLite,
// pg_trgm on PostgreSQL. Text of three or more characters goes through the index; shorter
// text scans a bounded window of positions instead, since no trigram index can serve it.
class SqlSearchRepository : public SearchRepository
{
public:
    explicit SqlSearchRepository(SqlSession &session)
        : m_session(session)
    { }

    Result<SearchPage> search(const SearchQuery &query) override;
    Status replaceContent(const QUuid &messageId, const QString &content) override;
    Status removeFromIndex(const QUuid &messageId) override;

    // Texts of at least this many characters (code points) go through the index.
    static constexpr int IndexedChars = 3;
    // PostgreSQL (trigramPage): the newest positions read to tell rare text from common (a
    // fifth of SearchQuery::window: 2,000 by default), the most matches there for the text
    // to count as rare, and how many windows of SearchQuery::window positions one request
    // reads when it is not (fewer once WindowBudgetMs have passed).
    static constexpr int ProbeShare = 5;
    static constexpr int RareInProbe = 1;
    static constexpr int DenseWindows = 4;
    static constexpr qint64 WindowBudgetMs = 10;

private:
    Result<QString> sql(const QString &name);
    static bool collect(SqlCursor &q, const SearchQuery &query, SearchPage &page, int &examined,
                        qint64 &last);
    Result<SearchPage> matchPage(const SearchQuery &query, qint64 before);
    Result<SearchPage> trigramPage(const SearchQuery &query, qint64 before);
    Result<SearchPage> scanPage(const SearchQuery &query, qint64 before);

    SqlSession &m_session;
    QHash<QString, QString> m_sql;
};

} // namespace Banter::Server
