// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/typingtracker.h"

#include <banter/client/clientsession.h>

#include <algorithm>

namespace Banter::Desktop {

TypingTracker::TypingTracker(ClientSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    m_clock.start();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &TypingTracker::expire);
    connect(&session, &ClientSession::typingChanged, this, &TypingTracker::onTyping);
    connect(&session, &ClientSession::messageReceived, this,
            [this](const Message &m) { onTyping(m.conversationId, m.senderId, false); });
    // Nothing typed elsewhere is known while disconnected.
    connect(&session, &ClientSession::stateChanged, this, [this](ClientSession::State state) {
        if (state == ClientSession::State::Ready || m_typists.isEmpty())
            return;
        QList<ConversationId> touched;
        for (const Typist &t : std::as_const(m_typists))
            touched.append(t.conversation);
        m_typists.clear();
        m_timer.stop();
        for (ConversationId id : std::as_const(touched))
            Q_EMIT changed(id);
    });
}

QList<UserId> TypingTracker::typing(ConversationId conversation) const
{
    QList<UserId> users;
    for (const Typist &t : m_typists) {
        if (t.conversation == conversation)
            users.append(t.user);
    }
    return users;
}

void TypingTracker::onTyping(ConversationId conversation, UserId user, bool typing)
{
    if (user == m_session.currentUser().id)
        return;
    const auto same = [&](const Typist &t) {
        return t.conversation == conversation && t.user == user;
    };
    const auto it = std::find_if(m_typists.begin(), m_typists.end(), same);
    if (typing) {
        const qint64 until = m_clock.elapsed() + m_expiryMs;
        if (it != m_typists.end()) {
            it->until = until; // renewed: nothing visible changes
            schedule();
            return;
        }
        m_typists.append({conversation, user, until});
    } else {
        if (it == m_typists.end())
            return;
        m_typists.erase(it);
    }
    schedule();
    Q_EMIT changed(conversation);
}

void TypingTracker::expire()
{
    const qint64 now = m_clock.elapsed();
    QList<ConversationId> touched;
    for (auto it = m_typists.begin(); it != m_typists.end();) {
        if (it->until <= now) {
            touched.append(it->conversation);
            it = m_typists.erase(it);
        } else {
            ++it;
        }
    }
    schedule();
    for (ConversationId id : std::as_const(touched))
        Q_EMIT changed(id);
}

void TypingTracker::schedule()
{
    if (m_typists.isEmpty()) {
        m_timer.stop();
        return;
    }
    qint64 next = m_typists.first().until;
    for (const Typist &t : std::as_const(m_typists))
        next = qMin(next, t.until);
    m_timer.start(int(std::clamp<qint64>(next - m_clock.elapsed(), 0, m_expiryMs)));
}

} // namespace Banter::Desktop
