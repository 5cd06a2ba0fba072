// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/ids.h>

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

namespace Banter {
class ClientSession;
}

namespace Banter::Desktop {

// Who is typing where, from the server's typing pushes. A "typing" that is not renewed
// expires by itself (a client that crashed or lost its connection never says it stopped);
// a message from the typist, or their "stopped", ends it at once.
class TypingTracker : public QObject
{
    Q_OBJECT
public:
    // Twice the interval at which clients renew "typing" (docs/PROTOCOL.md, typing).
    static constexpr int DefaultExpiryMs = 6000;

    explicit TypingTracker(ClientSession &session, QObject *parent = nullptr);

    void setExpiry(int ms) { m_expiryMs = ms; }
    // The users typing in a conversation, in the order they started.
    QList<UserId> typing(ConversationId conversation) const;

Q_SIGNALS:
    void changed(Banter::ConversationId conversation);

private:
    struct Typist
    {
        ConversationId conversation = 0;
        UserId user = 0;
        qint64 until = 0; // on m_clock
    };
    void onTyping(ConversationId conversation, UserId user, bool typing);
    void expire();
    void schedule();

    ClientSession &m_session;
    QList<Typist> m_typists;
    QElapsedTimer m_clock;
    QTimer m_timer;
    int m_expiryMs = DefaultExpiryMs;
};

} // namespace Banter::Desktop
