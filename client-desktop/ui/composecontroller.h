// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/message.h>

#include <QObject>

#include <optional>

namespace Banter {
class ClientSession;
struct Error;
} // namespace Banter

namespace Banter::Desktop {

class Composer;
class MessageListModel;

// What the composer's requests become on the server: a send carries the reply and the
// mentions the composer holds, an edit goes as edit_message and ends the edit once stored,
// and Up in an empty box finds my last text message of the open conversation to edit.
// Failures come out worded for the user (problem()).
class ComposeController : public QObject
{
    Q_OBJECT
public:
    ComposeController(ClientSession &session, MessageListModel &messages, Composer &composer,
                      QObject *parent = nullptr);

    // Sends `text` to the conversation open in the composer, as a reply if one was started.
    void sendText(const QString &text);
    // The newest message of mine that I may edit (text, not deleted, within the server's edit
    // window), among those the view holds.
    static std::optional<Message> lastOwnText(const MessageListModel &messages);
    // An edit refused by the server, worded for the user.
    static QString editProblem(const Error &error);

Q_SIGNALS:
    // A send or an edit failed; the text stays in the box for an edit.
    void problem(const QString &text);

private:
    void edit(const Message &message, const QString &text);
    void editLast();

    ClientSession &m_session;
    MessageListModel &m_messages;
    Composer &m_composer;
};

} // namespace Banter::Desktop
