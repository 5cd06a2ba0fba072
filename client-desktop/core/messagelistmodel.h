// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/conversation.h>
#include <banter/domain/message.h>

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>
#include <QUuid>

namespace Banter::Protocol {
struct HistoryReply;
}

namespace Banter {
class ClientSession;
}

namespace Banter::Desktop {

class FileTransfers;

// Where an "@username" of a member stands in a message's text; `me` when it names the user.
struct MentionSpan
{
    int start = 0;
    int length = 0;
    bool me = false;
};

// The messages of one conversation in seq order, then the user's unsent ones (status
// "sending") from the session's outbox. It holds a bounded window of the conversation
// (windowLimit() rows): older pages come with loadOlder(), newer ones with loadNewer() once
// the window was moved away from the newest, and the far end is dropped as the window moves,
// so memory does not grow with the history scrolled through. The window is always one
// contiguous run of seqs: no gap, no duplicate. New messages, acks and receipts arrive live;
// while the window does not reach the newest message they only set hasNewer(). For the user's own
// messages the status follows the other members' receipt positions: sent → delivered → read. With
// FileTransfers set, the user's uploads in progress follow as rows of their own, attachments carry
// their transfer state, and images are fetched for display as they appear.
class MessageListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        SeqRole,
        SenderIdRole,
        SenderNameRole,
        ContentRole,
        TypeRole,
        SystemTextRole, // system messages: what changed, as a translated sentence
        TimeRole, // ms since the epoch
        MineRole,
        StatusRole, // MessageStatus, for the user's own messages
        NewDayRole, // first message of a calendar day (draw a separator)
        ContinuationRole, // same sender as the previous one, within five minutes
        // Image and file messages, and uploads on their way (the rows after the outbox):
        AttachmentRole, // Attachment
        UploadIdRole, // TransferClient::TransferId of an upload row, 0 for messages
        FileStatusRole, // FileStatus
        FileDoneRole, // bytes transferred
        FileTotalRole,
        LocalFileRole, // the file on this computer once there is one
        FileErrorRole,
        ThumbnailRole, // QImage from the message, shown at once
        PreviewRole, // QImage of the downloaded image, null until it is here
        FirstUnreadRole, // the first message that was unread when the conversation opened
        // Issue 18: replies, edits, deletions, reactions, mentions.
        ReplyToRole, // QUuid of the message this one answers, null if none
        ReplySenderRole, // the answered message's sender, as shown
        ReplySnippetRole, // its first line, empty once deleted
        ReplyDeletedRole, // it was deleted
        EditedAtRole, // ms since the epoch of the last edit, 0 if never
        DeletedRole, // a tombstone: no content, no attachment
        ReactionsRole, // QList<Reaction>
        MentionSpansRole, // QList<MentionSpan> in ContentRole's text
        MentionsMeRole, // the message mentions the user
        CanEditRole, // the user's own text message, acknowledged, not deleted, within the
                     // server's edit window
        CanDeleteRole, // the user's own message, or any as a group admin
        // A change event (edit, deletion, reaction): kept as a row, so the window stays one
        // run of seqs, but the view shows its effect on the message, not a line of its own.
        ChangeEventRole,
    };
    Q_ENUM(Role)

    explicit MessageListModel(ClientSession &session, QObject *parent = nullptr);
    void setFileTransfers(FileTransfers *files);

    static constexpr int PageSize = 50;

    // Shows a conversation: clears, then loads its newest page, or, when `unread` messages
    // (others', not system events) are waiting, the page that holds the first of them;
    // opened() follows.
    void setConversation(const Conversation &conversation, qint64 unread = 0);
    ConversationId conversationId() const { return m_conversation.id; }
    // The newest message held (the newest of the conversation unless hasNewer()).
    Seq newestSeq() const { return m_messages.isEmpty() ? 0 : m_messages.constLast().seq; }
    Seq oldestSeq() const { return m_messages.isEmpty() ? 0 : m_messages.constFirst().seq; }
    // The first message that was unread when the conversation opened (0: none).
    Seq firstUnreadSeq() const { return m_firstUnread; }
    // The row of a stored message, -1 if it is not in the window.
    int rowOfSeq(Seq seq) const;
    int storedCount() const { return int(m_messages.size()); }

    // The most rows of messages held at once (pending messages and uploads come on top).
    int windowLimit() const { return m_windowLimit; }
    void setWindowLimit(int rows) { m_windowLimit = qMax(2 * PageSize, rows); }
    bool canLoadOlder() const;
    bool canLoadNewer() const;
    bool hasOlder() const { return m_hasOlder; }
    bool hasNewer() const { return m_hasNewer; }
    // The page before the window; the newest rows are dropped past windowLimit().
    void loadOlder();
    // The page after the window; the oldest rows are dropped past windowLimit().
    void loadNewer();
    // Back to the newest page (after the window was scrolled away from it).
    void showNewest();
    // Whether the view follows the newest message: live messages then push the oldest rows
    // out; otherwise they only set hasNewer() once the window is full.
    void setFollowingNewest(bool following) { m_following = following; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool isLoading() const { return m_loading; }

    ClientSession &session() const { return m_session; }
    const Conversation &conversation() const { return m_conversation; }
    // The message of a row (stored or pending); nullptr for uploads and invalid rows.
    const Message *messageAt(const QModelIndex &index) const;
    // The row of a stored message by id, -1 if it is not in the window.
    int rowOfId(const QUuid &id) const;
    // Brings the message `seq` into the window (loading history around it when it is not
    // there); located() follows once its row exists.
    void jumpTo(Seq seq);
    // Brings the message `id`, older than `below`, into the window: found in the window, or
    // by paging back through the history (at most MaxSeekPages pages), then as jumpTo().
    void jumpToId(const QUuid &id, Seq below);
    static constexpr int MaxSeekPages = 20;

    // Who reacted to a message with `emoji`, as names, if known; otherwise empty, and the
    // `reactions` request goes out once (reactorsKnown() follows). Cached per message until
    // its reactions change.
    QStringList reactors(const QModelIndex &index, const QString &emoji);
    // Adds or takes back the user's reaction.
    void toggleReaction(const QModelIndex &index, const QString &emoji);

Q_SIGNALS:
    void loadingChanged(bool loading);
    // The first page of a conversation is in (and the first unread message, if any).
    void opened();
    // hasNewer() changed.
    void hasNewerChanged(bool hasNewer);
    // The message jumpTo() asked for has a row now.
    void located(Banter::Seq seq);
    // jumpToId() did not find the message.
    void notFound();
    // New messages of others (not change events) came in, `count` of them.
    void arrived(int count);
    // reactors() has names for the message `id`.
    void reactorsKnown(const QUuid &id);
    // A request made from the view failed (translated text).
    void failed(const QString &reason);

private:
    enum class Load { Open, Older, Newer, Around };
    void load(Load kind, Seq from);
    void onPage(Load kind, const Protocol::HistoryReply &page);
    void locateFirstUnread();
    void prepend(const QList<Message> &older);
    void append(const QList<Message> &newer);
    void trimNewest(int rows);
    void trimOldest(int rows);
    void setHasNewer(bool hasNewer);
    void onMessages(const QList<Message> &messages, bool live);
    void applyChanges(const QList<Message> &messages);
    void insertMessage(const Message &message);
    void refreshPending();
    void refreshUploads();
    void onFileChanged(const QString &fileId);
    QVariant uploadData(int row, int role) const;
    QVariant fileData(const Message &message, int role) const;
    void onReceipt(ConversationId conversation, UserId user, bool read, Seq seq);
    MessageStatus statusOf(const Message &message) const;
    const Message &at(int row) const;
    QString senderName(UserId user) const;
    QList<MentionSpan> mentionSpans(const Message &m) const;
    QVariant changeData(const Message &m, int role) const;
    bool withinEditWindow(const Message &m) const;
    void seek(const QUuid &id, Seq below, int pages);

    ClientSession &m_session;
    Conversation m_conversation;
    QList<Message> m_messages; // stored, ascending seq
    QList<Message> m_pending; // not yet acknowledged
    QList<quint64> m_uploads; // TransferClient ids of this conversation's uploads
    QList<Message> m_early; // live messages that came while an empty window was opening
    FileTransfers *m_files = nullptr;
    int m_windowLimit = 600;
    bool m_hasOlder = false;
    bool m_hasNewer = false;
    bool m_following = true;
    bool m_opening = false;
    qint64 m_unreadAtOpen = 0;
    Seq m_firstUnread = 0;
    Seq m_newestKnown = 0; // the conversation's newest seq as far as this client knows
    bool m_loading = false;
    quint64 m_generation = 0; // drops replies for a conversation no longer shown
    Seq m_jumpTarget = 0; // located() is owed for it once its page is in
    // Who reacted, per message id and emoji (bounded: cleared past MaxReactorEntries).
    QHash<QUuid, QHash<QString, QStringList>> m_reactors;
    QSet<QUuid> m_reactorsAsked;
    static constexpr int MaxReactorEntries = 200;
};

} // namespace Banter::Desktop
