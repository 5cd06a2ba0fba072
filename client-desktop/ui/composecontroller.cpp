// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/composecontroller.h"

#include "core/errortext.h"
#include "core/messagelistmodel.h"
#include "ui/composer.h"
#include <banter/client/clientsession.h>

#include <QPointer>

namespace Banter::Desktop {

ComposeController::ComposeController(ClientSession &session, MessageListModel &messages,
                                     Composer &composer, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_messages(messages)
    , m_composer(composer)
{
    connect(&composer, &Composer::editRequested, this, &ComposeController::edit);
    connect(&composer, &Composer::lastMessageWanted, this, &ComposeController::editLast);
}

void ComposeController::sendText(const QString &text)
{
    Protocol::SendMessageRequest request;
    request.conversationId = m_composer.conversation();
    request.content = text;
    if (m_composer.mode() == Composer::Mode::Replying)
        request.replyTo = m_composer.target().id;
    request.mentions = m_composer.mentions();
    m_session.sendMessage(request).then(this, [this](Result<Message> sent) {
        if (!sent)
            Q_EMIT problem(tr("Not sent: %1").arg(ErrorText::describe(sent.error())));
    });
}

void ComposeController::edit(const Message &message, const QString &text)
{
    if (text == message.content) {
        m_composer.finishEdit(); // nothing changed: nothing to store
        return;
    }
    const QPointer<Composer> composer(&m_composer);
    m_session.editMessage(message.conversationId, message.id, text)
        .then(this, [this, composer, id = message.id](Result<Message> edited) {
            if (!edited) {
                Q_EMIT problem(editProblem(edited.error()));
                return;
            }
            // Still the same edit (not cancelled and restarted on another message meanwhile).
            if (composer && composer->mode() == Composer::Mode::Editing
                && composer->target().id == id)
                composer->finishEdit();
        });
}

void ComposeController::editLast()
{
    if (m_messages.conversationId() != m_composer.conversation())
        return;
    if (const std::optional<Message> last = lastOwnText(m_messages))
        m_composer.startEdit(*last);
}

std::optional<Message> ComposeController::lastOwnText(const MessageListModel &messages)
{
    for (int row = messages.rowCount() - 1; row >= 0; --row) {
        const QModelIndex index = messages.index(row);
        const Seq seq = index.data(MessageListModel::SeqRole).toLongLong();
        // Not the user's text, still on its way (no seq yet), deleted, or past the server's
        // edit window: nothing the server would let them change.
        if (!index.data(MessageListModel::CanEditRole).toBool())
            continue;
        const QString content = index.data(MessageListModel::ContentRole).toString();
        Message m;
        m.id = index.data(MessageListModel::IdRole).toUuid();
        m.conversationId = messages.conversationId();
        m.seq = seq;
        m.senderId = index.data(MessageListModel::SenderIdRole).toLongLong();
        m.content = content;
        return m;
    }
    return std::nullopt;
}

QString ComposeController::editProblem(const Error &error)
{
    switch (error.code) {
    case ErrorCode::Forbidden:
        return tr("Not edited: this message can no longer be changed (the time for edits "
                  "has passed).");
    case ErrorCode::NotFound:
        return tr("Not edited: the message was deleted, or you are no longer in the "
                  "conversation.");
    default:
        return tr("Not edited: %1").arg(ErrorText::describe(error));
    }
}

} // namespace Banter::Desktop
