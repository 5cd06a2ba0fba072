// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/sqlsearchrepository.h"

#include <banter/domain/messagecontent.h>

#include <QElapsedTimer>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
// The text as an FTS5 string: one phrase, so quotes, AND/OR/NOT, `*`, `^`, `:` and
// parentheses are characters to find, not operators.
QString ftsPhrase(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'"', u"\"\""_s);
    return u'"' + quoted + u'"';
}

// The text as a LIKE pattern finding it anywhere: % and _ are matched literally.
QString containsPattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', u"\\\\"_s);
    escaped.replace(u'%', u"\\%"_s);
    escaped.replace(u'_', u"\\_"_s);
    return u'%' + escaped + u'%';
}

SearchCandidate candidate(const SqlCursor &row)
{
    SearchCandidate c;
    c.position = row.value(0).toLongLong();
    c.id = QUuid::fromString(row.value(1).toString());
    c.conversationId = row.value(2).toLongLong();
    c.seq = row.value(3).toLongLong();
    c.senderId = row.value(4).toLongLong();
    c.createdAtMs = row.value(5).toLongLong();
    c.content = row.value(6).toString();
    c.visible = row.value(7).toBool();
    return c;
}
} // namespace

Result<QString> SqlSearchRepository::sql(const QString &name)
{
    auto it = m_sql.constFind(name);
    if (it != m_sql.constEnd())
        return *it;
    Result<QString> text = m_session.dialectSql(u"queries/%1.sql"_s.arg(name));
    if (text)
        m_sql.insert(name, *text);
    return text;
}

Result<SearchPage> SqlSearchRepository::search(const SearchQuery &query)
{
    qint64 before = query.before;
    if (before <= 0) {
        Result<QString> top = sql(u"search_top"_s);
        if (!top)
            return top.error();
        Result<SqlCursor> q = m_session.exec(*top);
        if (!q)
            return q.error();
        before = q->next() ? q->value(0).toLongLong() : 1;
    }
    if (MessageContent::characterCount(query.text) < IndexedChars)
        return scanPage(query, before);
    if (m_session.dialect().name == "sqlite"_L1)
        return matchPage(query, before);
    return trigramPage(query, before);
}

// Reads candidates newest first into the page: false once it is full (one more visible hit
// than `limit` was found, so more remain and the page ends at its last hit). `examined`
// counts every candidate read, `last` is the position of the last one.
bool SqlSearchRepository::collect(SqlCursor &q, const SearchQuery &query, SearchPage &page,
                                  int &examined, qint64 &last)
{
    while (q.next()) {
        SearchCandidate c = candidate(q);
        ++examined;
        last = c.position;
        if (!c.visible)
            continue;
        if (page.hits.size() == query.limit) {
            page.hasMore = true;
            page.next = page.hits.constLast().position;
            q.finish();
            return false;
        }
        page.hits.append(std::move(c));
    }
    return true;
}

// At most `examined` index matches are looked at, however few of them the user may read: a
// broad text in conversations the user is not in costs the same as any other page, and
// the client goes on from where this page stopped.
Result<SearchPage> SqlSearchRepository::matchPage(const SearchQuery &query, qint64 before)
{
    Result<QString> text = sql(u"search_match"_s);
    if (!text)
        return text.error();
    const bool fts = m_session.dialect().name == "sqlite"_L1;
    Result<SqlCursor> q = m_session.exec(*text,
                                         {query.conversation, query.conversation, query.user,
                                          fts ? ftsPhrase(query.text) : containsPattern(query.text),
                                          before, query.examined});
    if (!q)
        return q.error();
    SearchPage page;
    int examined = 0;
    qint64 last = before;
    if (collect(*q, query, page, examined, last) && examined >= query.examined) {
        page.hasMore = true;
        page.next = last;
    }
    return page;
}

// PostgreSQL. pg_trgm's GIN index yields its matches only as an unordered bitmap, all of
// them, before the newest can be taken: cheap for rare text, hundreds of ms for text in
// many messages (and the index's own scan costs tens of ms when the text's trigrams are
// common). Walking positions newest first costs the same for every text and stops as soon
// as the page is full, but reads the whole table for rare text. So a probe of the newest
// positions (a fifth of a window, every conversation, as the index would) tells which: text
// (almost) absent there goes to the index for everything below, any other text is read in
// windows of the user's own messages, newest first, for at most DenseWindows windows.
Result<SearchPage> SqlSearchRepository::trigramPage(const SearchQuery &query, qint64 before)
{
    QElapsedTimer timer;
    timer.start();
    const QString pattern = containsPattern(query.text);
    SearchPage page;
    int examined = 0;
    qint64 last = before;
    qint64 low = qMax<qint64>(1, before - qMax(1, query.window / ProbeShare));
    {
        Result<QString> text = sql(u"search_recent"_s);
        if (!text)
            return text.error();
        Result<SqlCursor> q = m_session.exec(*text,
                                             {query.conversation, query.conversation, query.user,
                                              before, low, pattern, query.examined});
        if (!q)
            return q.error();
        if (!collect(*q, query, page, examined, last))
            return page;
    }
    if (examined >= query.examined) {
        page.hasMore = true;
        page.next = last;
        return page;
    }
    if (low <= 1)
        return page;
    if (examined <= RareInProbe) {
        Result<QString> text = sql(u"search_match"_s);
        if (!text)
            return text.error();
        Result<SqlCursor> q = m_session.exec(*text,
                                             {pattern, low, query.conversation, query.conversation,
                                              query.user, query.examined - examined});
        if (!q)
            return q.error();
        if (collect(*q, query, page, examined, last) && examined >= query.examined) {
            page.hasMore = true;
            page.next = last;
        }
        return page;
    }
    Result<QString> text = sql(u"search_scan"_s);
    if (!text)
        return text.error();
    // A window costs about 1.5 µs per message of the user's in it (ILIKE's case folding):
    // after WindowBudgetMs the page goes back as it is, and the next one starts below.
    for (int window = 0; window < DenseWindows && low > 1; ++window) {
        const qint64 top = low;
        low = qMax<qint64>(1, top - query.window);
        Result<SqlCursor> q =
            m_session.exec(*text,
                           {query.user, query.conversation, query.conversation, top, low, pattern,
                            query.limit + 1 - page.hits.size()});
        if (!q)
            return q.error();
        // Every row here is visible: `examined` no longer bounds the work, the windows do.
        int visible = 0;
        qint64 position = top;
        if (!collect(*q, query, page, visible, position))
            return page;
        if (timer.elapsed() >= WindowBudgetMs)
            break;
    }
    if (low > 1) {
        page.hasMore = true;
        page.next = low;
    }
    return page;
}

// Without an index each request reads at most `window` positions; the next page starts
// below them (or below the last hit, when the page filled first).
Result<SearchPage> SqlSearchRepository::scanPage(const SearchQuery &query, qint64 before)
{
    Result<QString> text = sql(u"search_scan"_s);
    if (!text)
        return text.error();
    const qint64 low = qMax<qint64>(1, before - query.window);
    Result<SqlCursor> q =
        m_session.exec(*text,
                       {query.user, query.conversation, query.conversation, before, low,
                        containsPattern(query.text), query.limit + 1});
    if (!q)
        return q.error();
    SearchPage page;
    while (q->next()) {
        SearchCandidate c = candidate(*q);
        if (page.hits.size() == query.limit) {
            page.hasMore = true;
            page.next = page.hits.constLast().position;
            q->finish();
            return page;
        }
        page.hits.append(std::move(c));
    }
    if (low > 1) {
        page.hasMore = true;
        page.next = low;
    }
    return page;
}

Status SqlSearchRepository::replaceContent(const QUuid &messageId, const QString &content)
{
    Result<SqlCursor> q = m_session.exec(u"UPDATE messages SET content = ? WHERE id = ?"_s,
                                         {content, messageId.toString(QUuid::WithoutBraces)});
    if (!q)
        return q.error();
    if (q->numRowsAffected() <= 0)
        return makeError(ErrorCode::NotFound, u"no such message"_s);
    return success();
}

Status SqlSearchRepository::removeFromIndex(const QUuid &messageId)
{
    return replaceContent(messageId, QString());
}

} // namespace Banter::Server
