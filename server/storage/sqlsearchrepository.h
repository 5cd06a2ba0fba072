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

private:
    Result<QString> sql(const QString &name);
    Result<SearchPage> matchPage(const SearchQuery &query, qint64 before);
    Result<SearchPage> scanPage(const SearchQuery &query, qint64 before);

    SqlSession &m_session;
    QHash<QString, QString> m_sql;
};

} // namespace Banter::Server
