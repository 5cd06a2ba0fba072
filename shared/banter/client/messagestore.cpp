// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/client/clientsession.h>
#include <banter/client/messagestore.h>
#include <banter/domain/messagechange.h>

#include <QPointer>

#include <algorithm>

namespace Banter {

struct MessageStore::Window
{
    QList<Message> messages; // visible ones, ascending
    Seq first = 0; // lowest seq a page covered (older pages continue below it)
    Seq through = 0; // every change up to this seq is in the window's state
    Seq last = 0; // highest seq a page (or, at the newest, the stream) covered
    bool hasOlder = false;
    bool atNewest = true;
    bool loading = false;
    quint64 generation = 0; // a reload makes older requests' answers stale
    QList<Message> pending; // delivered while the first page loads
};

struct MessageStore::Private
{
    MessageStore *q;
    QPointer<ClientSession> session;
    int windowSize = DefaultWindowSize;
    QHash<ConversationId, Window> windows;
    quint64 nextGeneration = 1;

    void apply(ConversationId id, Window &w, const Message &m);
    void trim(Window &w);
    // Page of a history reply into the window: prepend (older), append (newer) or replace.
    enum class Place { Replace, Older, Newer };
    void takePage(ConversationId id, Window &w, const Protocol::HistoryReply &page, Place place,
                  bool reachedNewest);
    QFuture<Result<Done>> load(ConversationId id, QFuture<Result<Protocol::HistoryReply>> page,
                               Place place, bool newestPage);
};

namespace {
QList<Message> visible(const QList<Message> &page)
{
    QList<Message> result;
    result.reserve(page.size());
    for (const Message &m : page) {
        if (!m.isMessageChange())
            result.append(m);
    }
    return result;
}
} // namespace

void MessageStore::Private::trim(Window &w)
{
    if (w.messages.size() <= windowSize)
        return;
    w.messages.remove(0, w.messages.size() - windowSize);
    w.first = w.messages.first().seq;
    w.hasOlder = true;
}

void MessageStore::Private::apply(ConversationId id, Window &w, const Message &m)
{
    // Already reflected (a page read after it, or delivered twice).
    if (m.seq <= w.through)
        return;
    w.through = m.seq;
    if (w.atNewest)
        w.last = m.seq;
    if (!m.isMessageChange()) {
        if (!w.atNewest)
            return; // not shown until loadNewer() reaches the newest
        w.messages.append(m);
        trim(w);
        Q_EMIT q->messageAdded(id, m);
        return;
    }
    const UserId me = session ? session->currentUser().id : 0;
    for (Message &held : w.messages) {
        const bool changed =
            MessageChange::apply(held, m, me) || MessageChange::applyToReply(held, m);
        if (changed)
            Q_EMIT q->messageChanged(id, held);
    }
}

void MessageStore::Private::takePage(ConversationId id, Window &w,
                                     const Protocol::HistoryReply &page, Place place,
                                     bool reachedNewest)
{
    const QList<Message> shown = visible(page.messages);
    const Seq pageFirst = page.messages.isEmpty() ? 0 : page.messages.first().seq;
    const Seq pageLast = page.messages.isEmpty() ? 0 : page.messages.last().seq;
    switch (place) {
    case Place::Replace:
        w.messages = shown;
        w.first = pageFirst;
        w.through = pageLast;
        w.last = pageLast;
        w.hasOlder = page.hasMore;
        w.atNewest = reachedNewest;
        trim(w); // the session may hand a larger page than asked (whole cached ranges)
        break;
    case Place::Older: {
        // Only what lies below the window (a page overlapping it adds nothing twice).
        QList<Message> older;
        for (const Message &m : shown) {
            if (w.first == 0 || m.seq < w.first)
                older.append(m);
        }
        w.messages = older + w.messages;
        if (pageFirst > 0)
            w.first = w.first == 0 ? pageFirst : std::min(w.first, pageFirst);
        w.hasOlder = page.hasMore;
        // The window grows older: drop from the new end instead, so what was asked for stays.
        if (w.messages.size() > windowSize) {
            w.messages.resize(windowSize);
            w.atNewest = false;
            w.last = w.messages.last().seq;
        }
        break;
    }
    case Place::Newer:
        for (const Message &m : shown) {
            if (m.seq > (w.messages.isEmpty() ? 0 : w.messages.last().seq))
                w.messages.append(m);
        }
        w.through = std::max(w.through, pageLast);
        w.last = std::max(w.last, pageLast);
        w.atNewest = reachedNewest;
        trim(w);
        break;
    }
    if (w.messages.isEmpty())
        w.first = std::max<Seq>(w.first, 0);
    w.loading = false;
    // What arrived meanwhile, applied over the page by the same rule.
    const QList<Message> pending = std::exchange(w.pending, {});
    for (const Message &m : pending)
        apply(id, w, m);
    Q_EMIT q->windowReset(id);
}

QFuture<Result<Done>> MessageStore::Private::load(ConversationId id,
                                                  QFuture<Result<Protocol::HistoryReply>> page,
                                                  Place place, bool newestPage)
{
    const quint64 generation = windows[id].generation;
    return page.then(q,
                     [this, id, generation, place,
                      newestPage](Result<Protocol::HistoryReply> reply) -> Result<Done> {
                         auto it = windows.find(id);
                         if (it == windows.end() || it->generation != generation)
                             return Done{}; // closed or reloaded meanwhile
                         if (!reply) {
                             it->loading = false;
                             return reply.error();
                         }
                         // The newest page reaches the newest; an around page does unless newer
                         // ones exist; a newer page when none remain past it.
                         const bool reachedNewest = place == Place::Replace
                             ? (newestPage || !reply->hasNewer)
                             : (place == Place::Newer ? !reply->hasMore : it->atNewest);
                         takePage(id, *it, *reply, place, reachedNewest);
                         return Done{};
                     });
}

MessageStore::MessageStore(ClientSession *session, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(Private{this, session, DefaultWindowSize, {}, 1}))
{
    connect(session, &ClientSession::messagesReceived, this,
            [this](const QList<Message> &messages, bool) { applyStream(messages); });
    connect(session, &ClientSession::messageAcked, this,
            [this](const Message &message) { applyStream({message}); });
    // The session dropped its copy (too far behind): the window reloads from the newest.
    connect(session, &ClientSession::conversationReset, this, [this](ConversationId id) {
        if (isOpen(id))
            open(id);
    });
    connect(session, &ClientSession::conversationRemoved, this,
            [this](ConversationId id) { close(id); });
}

MessageStore::~MessageStore() = default;

void MessageStore::setWindowSize(int messages)
{
    d->windowSize = std::max(messages, 1);
}

int MessageStore::windowSize() const
{
    return d->windowSize;
}

QFuture<Result<Done>> MessageStore::open(ConversationId id, int count)
{
    Window &w = d->windows[id];
    w = Window{};
    w.loading = true;
    w.generation = d->nextGeneration++;
    return d->load(id, d->session->messagesBefore(id, 0, std::min(count, d->windowSize)),
                   Private::Place::Replace, true);
}

QFuture<Result<Done>> MessageStore::loadOlder(ConversationId id, int count)
{
    auto it = d->windows.find(id);
    if (it == d->windows.end() || it->first <= 1)
        return QtFuture::makeReadyFuture(Result<Done>(Done{}));
    return d->load(id, d->session->messagesBefore(id, it->first, count), Private::Place::Older,
                   false);
}

QFuture<Result<Done>> MessageStore::loadNewer(ConversationId id, int count)
{
    auto it = d->windows.find(id);
    if (it == d->windows.end() || it->atNewest)
        return QtFuture::makeReadyFuture(Result<Done>(Done{}));
    return d->load(id, d->session->messagesAfter(id, it->last, count), Private::Place::Newer,
                   false);
}

QFuture<Result<Done>> MessageStore::jumpTo(ConversationId id, Seq seq, int count)
{
    Window &w = d->windows[id];
    w = Window{};
    w.loading = true;
    w.generation = d->nextGeneration++;
    return d->load(id, d->session->messagesAround(id, seq, std::min(count, d->windowSize)),
                   Private::Place::Replace, false);
}

void MessageStore::close(ConversationId id)
{
    d->windows.remove(id);
}

bool MessageStore::isOpen(ConversationId id) const
{
    return d->windows.contains(id);
}

QList<Message> MessageStore::messages(ConversationId id) const
{
    return d->windows.value(id).messages;
}

std::optional<Message> MessageStore::message(ConversationId id, const QUuid &messageId) const
{
    const auto it = d->windows.constFind(id);
    if (it == d->windows.cend())
        return std::nullopt;
    for (const Message &m : it->messages) {
        if (m.id == messageId)
            return m;
    }
    return std::nullopt;
}

bool MessageStore::hasOlder(ConversationId id) const
{
    return d->windows.value(id).hasOlder;
}

bool MessageStore::atNewest(ConversationId id) const
{
    return d->windows.value(id).atNewest;
}

void MessageStore::applyStream(const QList<Message> &messages)
{
    for (const Message &m : messages) {
        auto it = d->windows.find(m.conversationId);
        if (it == d->windows.end())
            continue;
        if (it->loading) {
            // Bounded like the window: a long catch-up during a load keeps the newest part,
            // and the page read after it reflects the rest.
            it->pending.append(m);
            if (it->pending.size() > d->windowSize * 4)
                it->pending.removeFirst();
            continue;
        }
        d->apply(m.conversationId, *it, m);
    }
}

} // namespace Banter
