// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/conversation.h>
#include <banter/domain/message.h>

#include <QAbstractListModel>
#include <QList>

namespace Banter {
class ClientSession;
}

namespace Banter::Desktop {

class FileTransfers;

// The messages of one conversation in seq order, then the user's unsent ones (status
// "sending") from the session's outbox. Older history is loaded with fetchMore(); new
// messages, acks and receipts arrive live. For the user's own messages the status follows
// the other members' receipt positions: sent → delivered → read. With FileTransfers set,
// the user's uploads in progress follow as rows of their own, attachments carry their
// transfer state, and images are fetched for display as they appear.
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
    };
    Q_ENUM(Role)

    explicit MessageListModel(ClientSession &session, QObject *parent = nullptr);
    void setFileTransfers(FileTransfers *files);

    // Shows a conversation: clears, then loads its newest page.
    void setConversation(const Conversation &conversation);
    ConversationId conversationId() const { return m_conversation.id; }
    Seq newestSeq() const { return m_messages.isEmpty() ? 0 : m_messages.constLast().seq; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    bool isLoading() const { return m_loading; }

Q_SIGNALS:
    void loadingChanged(bool loading);

private:
    void loadPage(Seq before);
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

    ClientSession &m_session;
    Conversation m_conversation;
    QList<Message> m_messages; // stored, ascending seq
    QList<Message> m_pending; // not yet acknowledged
    QList<quint64> m_uploads; // TransferClient ids of this conversation's uploads
    FileTransfers *m_files = nullptr;
    bool m_hasMore = false;
    bool m_loading = false;
    quint64 m_generation = 0; // drops replies for a conversation no longer shown
};

} // namespace Banter::Desktop
