// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/bantershared_export.h>
#include <banter/domain/message.h>
#include <banter/domain/result.h>
#include <banter/protocol/chatmessages.h>

#include <QFuture>
#include <QHash>
#include <QObject>

#include <optional>

namespace Banter {

class ClientSession;

/**
 * @brief A window of messages per open conversation, kept current: new messages, edits,
 * deletions, reactions and reply previews are applied as the session receives them.
 *
 * An application opens the conversations it shows; each gets a window of at most
 * windowSize() messages, loaded through ClientSession::messagesBefore() (the cache when it
 * holds them, else the server) and ClientSession::messagesAround() (jumping to a message).
 * From then on the store applies what the session delivers (pushes, sync pages, my own
 * acknowledged sends and changes) in seq order, so the window shows what the server holds
 * without the application handling change events itself. Messages of conversations that are
 * not open are not held (the ClientCache keeps those).
 *
 * messages() holds what a person sees: change events (edits, deletions, reaction changes)
 * are applied, never listed; a deleted message stays as a tombstone (Message::isDeleted()).
 *
 * The rule that keeps a window right: a history page's messages are in their current state
 * (its change events are not applied again), and a change from the stream is applied only
 * when its seq is above everything the window already reflects.
 */
class BANTERSHARED_EXPORT MessageStore : public QObject
{
    Q_OBJECT
public:
    /// Most messages a window holds unless setWindowSize() says otherwise.
    static constexpr int DefaultWindowSize = 500;

    /// @brief A store fed by @p session (which must outlive it).
    explicit MessageStore(ClientSession *session, QObject *parent = nullptr);
    /// @brief Forgets every window.
    ~MessageStore() override;

    /// @brief Most messages per window; the oldest are dropped past it (default
    /// DefaultWindowSize, at least 1).
    void setWindowSize(int messages);
    /// @brief The size set by setWindowSize().
    int windowSize() const;

    /**
     * @brief Opens a window on the newest @p count messages of @p id (or reloads it).
     *
     * Messages the session delivers while the page loads are applied once it is there.
     * windowReset() follows when the page is in.
     */
    QFuture<Result<Done>> open(ConversationId id,
                               int count = Protocol::HistoryRequest::DefaultLimit);
    /// @brief Loads up to @p count older messages into the window (windowReset() follows).
    QFuture<Result<Done>> loadOlder(ConversationId id,
                                    int count = Protocol::HistoryRequest::DefaultLimit);
    /// @brief For a window away from the newest (after jumpTo()): loads up to @p count newer
    /// messages; when the newest is reached, new messages are appended again.
    QFuture<Result<Done>> loadNewer(ConversationId id,
                                    int count = Protocol::HistoryRequest::DefaultLimit);
    /// @brief Replaces the window with a page centred on @p seq (a replied-to or found
    /// message); the window then is not at the newest until loadNewer() reaches it.
    QFuture<Result<Done>> jumpTo(ConversationId id, Seq seq,
                                 int count = Protocol::HistoryRequest::DefaultLimit);
    /// @brief Forgets the window of @p id.
    void close(ConversationId id);
    /// @brief Whether @p id has a window.
    bool isOpen(ConversationId id) const;

    /// @brief The window's messages, ascending by seq, change events left out.
    QList<Message> messages(ConversationId id) const;
    /// @brief One message of the window, if it holds it.
    std::optional<Message> message(ConversationId id, const QUuid &messageId) const;
    /// @brief Whether older messages exist than the window holds.
    bool hasOlder(ConversationId id) const;
    /// @brief Whether the window reaches the newest message (new ones are appended).
    bool atNewest(ConversationId id) const;

    /**
     * @brief Applies messages from the stream (pushes, sync pages, my acknowledged sends
     * and changes), ascending by seq per conversation. The session's signals are connected
     * to this; an application feeding messages from elsewhere may call it too.
     */
    void applyStream(const QList<Message> &messages);

Q_SIGNALS:
    /// @brief A new message was appended to the window of @p conversation.
    void messageAdded(Banter::ConversationId conversation, const Banter::Message &message);
    /// @brief A message of the window changed (edited, deleted, its reactions or its reply
    /// preview); @p message is its new state.
    void messageChanged(Banter::ConversationId conversation, const Banter::Message &message);
    /// @brief The window of @p conversation was (re)loaded or extended: read messages() again.
    void windowReset(Banter::ConversationId conversation);

private:
    struct Window;
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Banter
