// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/searchsnippet.h"

#include <banter/protocol/searchmessages.h>

namespace Banter::Server {

using namespace Qt::StringLiterals;

namespace {
constexpr int ContextBefore = 40; // characters shown before the first match

// Moves an index off the second half of a surrogate pair.
qsizetype boundary(const QString &text, qsizetype i)
{
    if (i > 0 && i < text.size() && text.at(i).isLowSurrogate())
        return i - 1;
    return i;
}
} // namespace

QString searchSnippet(const QString &content, const QString &query, int maxChars)
{
    QString text = content;
    text.remove(QChar(Protocol::SearchHighlightStart));
    text.remove(QChar(Protocol::SearchHighlightEnd));
    const qsizetype first = query.isEmpty() ? -1 : text.indexOf(query, 0, Qt::CaseInsensitive);
    qsizetype start = first < 0 ? 0 : boundary(text, qMax<qsizetype>(0, first - ContextBefore));
    // A short message is shown whole even when the match is late in it.
    if (text.size() <= maxChars)
        start = 0;
    const qsizetype end = boundary(text, qMin(text.size(), start + maxChars));
    QString snippet;
    if (start > 0)
        snippet += u'…';
    qsizetype at = start;
    while (first >= 0 && at < end) {
        const qsizetype found = text.indexOf(query, at, Qt::CaseInsensitive);
        if (found < 0 || found + query.size() > end)
            break;
        snippet += QStringView(text).mid(at, found - at);
        snippet += QChar(Protocol::SearchHighlightStart);
        snippet += QStringView(text).mid(found, query.size());
        snippet += QChar(Protocol::SearchHighlightEnd);
        at = found + query.size();
    }
    snippet += QStringView(text).mid(at, end - at);
    if (end < text.size())
        snippet += u'…';
    return snippet;
}

} // namespace Banter::Server
