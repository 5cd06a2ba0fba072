// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/typingsender.h"

#include <banter/client/clientsession.h>

#include <QInputMethodEvent>
#include <QKeyEvent>

namespace Banter::Desktop {

namespace {
// Keys that change the text: printable characters, deleting ones. Enter sends, and
// shortcuts (Ctrl+…) are not typing.
bool editsText(const QKeyEvent *key)
{
    if (key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return false;
    if (key->key() == Qt::Key_Backspace || key->key() == Qt::Key_Delete)
        return true;
    const QString text = key->text();
    return !text.isEmpty() && text.at(0).isPrint();
}
} // namespace

TypingSender::TypingSender(ClientSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(IdleMs);
    connect(&m_idle, &QTimer::timeout, this, &TypingSender::stop);
    // A new connection has no typing state on the server's side to end.
    connect(&session, &ClientSession::stateChanged, this, [this](ClientSession::State state) {
        if (state != ClientSession::State::Ready) {
            m_typing = false;
            m_idle.stop();
        }
    });
}

void TypingSender::setConversation(ConversationId id)
{
    if (id == m_conversation)
        return;
    stop();
    m_conversation = id;
}

void TypingSender::typed()
{
    if (!m_conversation || !m_session.isReady())
        return;
    m_idle.start();
    if (m_typing && m_lastSent.isValid() && m_lastSent.elapsed() < RefreshMs)
        return;
    m_typing = true;
    m_lastSent.start();
    // A refusal (rate limit, conversation gone) costs only the indicator: nothing to report.
    m_session.sendTyping(m_conversation, true);
}

void TypingSender::stop()
{
    m_idle.stop();
    if (!m_typing)
        return;
    m_typing = false;
    m_lastSent.invalidate();
    if (m_conversation && m_session.isReady())
        sendStopped(m_conversation);
}

// "Stopped" matters more than "typing": refused for going too fast (typing, sending and
// typing again within a second), it is said again when the server allows.
void TypingSender::sendStopped(ConversationId id)
{
    m_session.sendTyping(id, false).then(this, [this, id](Result<Done> done) {
        if (done || done.error().code != ErrorCode::RateLimited)
            return;
        QTimer::singleShot(int(qMax<qint64>(done.error().retryAfterMs, 100)), this, [this, id] {
            if (!(m_typing && m_conversation == id) && m_session.isReady())
                sendStopped(id);
        });
    });
}

bool TypingSender::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress && editsText(static_cast<QKeyEvent *>(event)))
        typed();
    else if (event->type() == QEvent::InputMethod
             && !static_cast<QInputMethodEvent *>(event)->commitString().isEmpty())
        typed();
    return QObject::eventFilter(watched, event);
}

} // namespace Banter::Desktop
