// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/presenceservice.h"

#include "presence/presencestore.h"
#include "serverlogging.h"
#include "service/replypaging.h"
#include "service/servicehelpers.h"
#include <banter/protocol/domainjson.h>
#include <banter/protocol/peoplemessages.h>
#include <banter/protocol/replybudget.h>
#include <banter/protocol/types.h>

namespace Banter::Server {

using namespace Qt::StringLiterals;

PresenceService::PresenceService(ServiceContext context, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
{ }

void PresenceService::connectionAuthenticated(UserId user, ConnectionId connection)
{
    if (!m_context.presence.addConnection(user, connection))
        return;
    announce(user);
    // Whether to hide last_seen when this user goes offline: learnt now, long before then.
    runInStorage<Protocol::PrivacySettings>(m_context.storage, [user](Repositories &repos) {
        return repos.users.privacy(user);
    }).then(this, [this, user](Result<Protocol::PrivacySettings> privacy) {
        if (privacy)
            m_context.presence.setLastSeenHidden(user, privacy->hideLastSeen);
    });
}

void PresenceService::connectionClosed(UserId user, ConnectionId connection)
{
    const qint64 now = m_context.clock();
    if (!m_context.presence.removeConnection(user, connection, now))
        return;
    announce(user);
    runInStorage<Done>(m_context.storage, [user, now](Repositories &repos) -> Result<Done> {
        return repos.users.updateLastSeen(user, now);
    }).then(this, [user](Result<Done> result) {
        if (!result)
            qCWarning(lcService) << "could not record last seen of user" << user
                                 << result.error().message;
    });
}

QFuture<Result<Done>> PresenceService::setStatus(UserId user, PresenceStatus status)
{
    const qint64 now = m_context.clock();
    auto bucket = m_statusBuckets.find(user);
    if (bucket == m_statusBuckets.end()) {
        bucket =
            m_statusBuckets.insert(user,
                                   TokenBucket(m_context.limits.presenceChangesPerMinute / 60.0,
                                               m_context.limits.presenceChangeBurst, now));
    }
    if (const qint64 wait = bucket->take(now); wait > 0)
        return readyResult<Done>(
            makeError(ErrorCode::RateLimited, u"too many presence changes; slow down"_s, wait));
    if (m_context.presence.setStatus(user, status))
        announce(user);
    return readyResult<Done>(Done{});
}

Presence PresenceService::presenceOf(UserId user) const
{
    return m_context.presence.presence(user);
}

int PresenceService::connectionCount(UserId user) const
{
    return m_context.presence.connectionCount(user);
}

QFuture<Result<Protocol::PresencesReply>>
PresenceService::peersPresence(UserId user, const Protocol::PeoplePageRequest &request)
{
    struct Page
    {
        QList<std::pair<UserId, qint64>> seen; // each peer with its stored last_seen
        bool hasMore = false;
    };
    const UserId after = request.after;
    return runInStorage<Page>(m_context.storage,
                              [user, after](Repositories &repos) -> Result<Page> {
                                  // One more than a page holds says whether more follow.
                                  Result<QList<UserId>> peers = repos.conversations.peersAfter(
                                      user, after, Protocol::MaxPeoplePerPage + 1);
                                  if (!peers)
                                      return peers.error();
                                  QList<qint64> sizes;
                                  const qsizetype candidates =
                                      qMin<qsizetype>(peers->size(), Protocol::MaxPeoplePerPage);
                                  for (qsizetype i = 0; i < candidates; ++i) {
                                      const Presence worst = worstCasePresence(peers->at(i));
                                      sizes.append(Protocol::encodedSize(Protocol::toJson(worst)));
                                  }
                                  const qsizetype kept =
                                      fittingEntries(sizes, Protocol::ListReplyTargetBytes);
                                  Page page;
                                  page.hasMore = kept < peers->size();
                                  page.seen.reserve(kept);
                                  for (qsizetype i = 0; i < kept; ++i) {
                                      Result<qint64> last = repos.users.lastSeen(peers->at(i));
                                      if (!last)
                                          return last.error();
                                      page.seen.append({peers->at(i), *last});
                                  }
                                  return page;
                              })
        .then(this, [this](Result<Page> page) -> Result<Protocol::PresencesReply> {
            if (!page)
                return page.error();
            // The store is read here, on the service's thread: it is not shared.
            Protocol::PresencesReply reply;
            reply.hasMore = page->hasMore;
            reply.presences.reserve(page->seen.size());
            for (const auto &[peer, lastSeen] : page->seen) {
                Presence p = m_context.presence.presence(peer);
                if (p.status == PresenceStatus::Offline)
                    p.lastSeenMs = qMax(p.lastSeenMs, lastSeen);
                reply.presences.append(p);
            }
            return reply;
        });
}

void PresenceService::announce(UserId user)
{
    runInStorage<QList<UserId>>(
        m_context.storage,
        [user](Repositories &repos) -> Result<QList<UserId>> { return audienceOf(repos, user); })
        .then(this, [this, user](Result<QList<UserId>> audience) {
            if (!audience) {
                qCWarning(lcService)
                    << "presence of user" << user << "not announced:" << audience.error().message;
                return;
            }
            // Read the store now, not when the change happened: a quick reconnect must not
            // be announced as offline after the fact.
            const Protocol::PresencePush push{m_context.presence.presence(user)};
            m_context.pushes.push(*audience, Protocol::Type::PresencePush, push.toJson());
        });
}

} // namespace Banter::Server
