// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Follows a paged list reply to its end. The server cuts `conversations`, `contacts` and
// `presences` by their encoded size (docs/PROTOCOL.md, "Reply sizes"); a caller of
// ClientSession wants the whole list, so the session asks page after page while the reply
// says `has_more`, and hands back every entry as one reply.

#include <banter/client/channel.h>
#include <banter/domain/result.h>

#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QPromise>

#include <functional>
#include <memory>

namespace Banter {

/// The most pages one walk asks for: a server that keeps saying `has_more` cannot keep the
/// client asking forever (10,000 pages are far more than any list the server allows).
inline constexpr int MaxListPages = 10'000;

template<typename Reply, typename Item>
struct ListWalk
{
    Channel *channel = nullptr;
    QPointer<QObject> context;
    QString type;
    QList<Item> Reply::*list = nullptr;
    std::function<QJsonObject(const Reply &soFar)> nextRequest; // the request after soFar
    std::function<Result<Reply>(const Result<QJsonObject> &)> decode;
    QPromise<Result<Reply>> promise;
    Reply all;
    int pages = 0;
};

template<typename Reply, typename Item>
void askListPage(const std::shared_ptr<ListWalk<Reply, Item>> &walk, const QJsonObject &request)
{
    walk->channel->request(walk->type, request)
        .then(walk->context.get(), [walk](const Result<QJsonObject> &data) {
            Result<Reply> page = walk->decode(data);
            if (!page) {
                walk->promise.addResult(Result<Reply>(page.error()));
                walk->promise.finish();
                return;
            }
            QList<Item> &entries = (*page).*(walk->list);
            (walk->all.*(walk->list)) += entries;
            ++walk->pages;
            // An empty page that claims more would never end: take it as the end.
            if (page->hasMore && !entries.isEmpty() && walk->pages < MaxListPages) {
                askListPage(walk, walk->nextRequest(walk->all));
                return;
            }
            walk->all.hasMore = false;
            walk->promise.addResult(Result<Reply>(std::move(walk->all)));
            walk->promise.finish();
        });
}

/**
 * Asks for `type` with `first`, then with nextRequest(entries so far) while the reply has
 * more, on `context`'s thread; the future holds every entry of `list` (hasMore false), or
 * the first page's error. If `context` goes, the walk is cancelled with it.
 */
template<typename Reply, typename Item>
QFuture<Result<Reply>>
fetchAllPages(Channel &channel, QObject *context, const QString &type, const QJsonObject &first,
              QList<Item> Reply::*list, std::function<QJsonObject(const Reply &)> nextRequest,
              std::function<Result<Reply>(const Result<QJsonObject> &)> decode)
{
    auto walk = std::make_shared<ListWalk<Reply, Item>>();
    walk->channel = &channel;
    walk->context = context;
    walk->type = type;
    walk->list = list;
    walk->nextRequest = std::move(nextRequest);
    walk->decode = std::move(decode);
    walk->promise.start();
    QFuture<Result<Reply>> future = walk->promise.future();
    askListPage(walk, first);
    return future;
}

} // namespace Banter
