// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/messagelistmodel.h"

#include "core/filetransfers.h"
#include "core/systemeventtext.h"
#include <banter/client/clientsession.h>

#include <QDateTime>

#include <algorithm>

namespace Banter::Desktop {

namespace {
constexpr qint64 ContinuationWindowMs = 5 * 60 * 1000;
constexpr int PageSize = 50;
} // namespace

MessageListModel::MessageListModel(ClientSession &session, QObject *parent)
    : QAbstractListModel(parent)
    , m_session(session)
{
    connect(&session, &ClientSession::messageReceived, this, [this](const Message &m) {
        if (m.conversationId == m_conversation.id)
            insertMessage(m);
    });
    connect(&session, &ClientSession::messageAcked, this, [this](const Message &m) {
        if (m.conversationId == m_conversation.id) {
            insertMessage(m);
            refreshPending();
        }
    });
    connect(&session, &ClientSession::outboxChanged, this, &MessageListModel::refreshPending);
    connect(&session, &ClientSession::receiptReceived, this,
            [this](const Protocol::ReceiptPush &r) {
                onReceipt(r.conversationId, r.userId, r.kind == Protocol::ReceiptKind::Read, r.seq);
            });
    connect(&session, &ClientSession::conversationUpdated, this, [this](const Conversation &c) {
        if (c.id != m_conversation.id)
            return;
        m_conversation = c;
        if (!m_messages.isEmpty())
            Q_EMIT dataChanged(index(0), index(rowCount() - 1), {StatusRole, SenderNameRole});
    });
    connect(&session, &ClientSession::conversationReset, this, [this](ConversationId id) {
        if (id == m_conversation.id)
            setConversation(m_conversation);
    });
}

void MessageListModel::setFileTransfers(FileTransfers *files)
{
    m_files = files;
    connect(files, &FileTransfers::fileChanged, this, &MessageListModel::onFileChanged);
    connect(files, &FileTransfers::uploadsChanged, this, [this](ConversationId id) {
        if (id == m_conversation.id)
            refreshUploads();
    });
    connect(files, &FileTransfers::uploadChanged, this, [this](quint64 id) {
        const int at = int(m_uploads.indexOf(id));
        if (at < 0)
            return;
        const QModelIndex row = index(int(m_messages.size() + m_pending.size()) + at);
        Q_EMIT dataChanged(row, row);
    });
    refreshUploads();
}

void MessageListModel::setConversation(const Conversation &conversation)
{
    beginResetModel();
    m_conversation = conversation;
    m_messages.clear();
    m_pending.clear();
    m_uploads.clear();
    m_hasMore = true;
    ++m_generation;
    endResetModel();
    refreshPending();
    refreshUploads();
    loadPage(0);
}

void MessageListModel::refreshUploads()
{
    QList<quint64> uploads;
    if (m_files) {
        for (const FileTransfers::Upload &u : m_files->uploads(m_conversation.id))
            uploads.append(u.id);
    }
    const int first = int(m_messages.size() + m_pending.size());
    if (!m_uploads.isEmpty()) {
        beginRemoveRows({}, first, first + int(m_uploads.size()) - 1);
        m_uploads.clear();
        endRemoveRows();
    }
    if (!uploads.isEmpty()) {
        beginInsertRows({}, first, first + int(uploads.size()) - 1);
        m_uploads = uploads;
        endInsertRows();
    }
}

void MessageListModel::onFileChanged(const QString &fileId)
{
    const int stored = int(m_messages.size());
    for (int row = 0; row < stored + m_pending.size(); ++row) {
        if (at(row).attachment.fileId == fileId)
            Q_EMIT dataChanged(index(row), index(row));
    }
}

void MessageListModel::loadPage(Seq before)
{
    if (m_loading || !m_conversation.id)
        return;
    m_loading = true;
    Q_EMIT loadingChanged(true);
    const quint64 generation = m_generation;
    m_session.history(m_conversation.id, before, PageSize)
        .then(this, [this, generation](Result<Protocol::HistoryReply> page) {
            if (generation != m_generation)
                return;
            m_loading = false;
            Q_EMIT loadingChanged(false);
            if (!page) {
                m_hasMore = false;
                return;
            }
            m_hasMore = page->hasMore;
            for (const Message &m : page->messages)
                insertMessage(m);
        });
}

bool MessageListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMore && !m_loading && !m_messages.isEmpty();
}

void MessageListModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        loadPage(m_messages.constFirst().seq);
}

void MessageListModel::insertMessage(const Message &message)
{
    // Binary search by seq: history pages arrive older-first, live messages newest-last.
    const auto pos = std::lower_bound(m_messages.begin(), m_messages.end(), message.seq,
                                      [](const Message &m, Seq seq) { return m.seq < seq; });
    if (pos != m_messages.end() && pos->seq == message.seq)
        return; // already shown
    const int row = int(pos - m_messages.begin());
    beginInsertRows({}, row, row);
    m_messages.insert(row, message);
    endInsertRows();
    if (m_files && message.type == MessageType::Image)
        m_files->fetchImage(message.attachment);
    // The next row's separator and grouping depend on this one.
    if (row + 1 < rowCount())
        Q_EMIT dataChanged(index(row + 1), index(row + 1), {NewDayRole, ContinuationRole});
}

void MessageListModel::refreshPending()
{
    QList<Message> pending;
    for (const Protocol::SendMessageRequest &r : m_session.pendingMessages()) {
        if (r.conversationId != m_conversation.id)
            continue;
        Message m;
        m.id = r.id;
        m.conversationId = r.conversationId;
        m.senderId = m_session.currentUser().id;
        m.type = r.type;
        m.content = r.content;
        m.attachment = r.attachment;
        m.createdAtMs = QDateTime::currentMSecsSinceEpoch();
        if (m_files && m.type == MessageType::Image)
            m_files->fetchImage(m.attachment);
        pending.append(m);
    }
    const int first = int(m_messages.size());
    if (!m_pending.isEmpty()) {
        beginRemoveRows({}, first, first + int(m_pending.size()) - 1);
        m_pending.clear();
        endRemoveRows();
    }
    if (!pending.isEmpty()) {
        beginInsertRows({}, first, first + int(pending.size()) - 1);
        m_pending = pending;
        endInsertRows();
    }
}

void MessageListModel::onReceipt(ConversationId conversation, UserId user, bool read, Seq seq)
{
    if (conversation != m_conversation.id)
        return;
    for (Participant &p : m_conversation.participants) {
        if (p.userId != user)
            continue;
        p.deliveredSeq = qMax(p.deliveredSeq, seq);
        if (read)
            p.readSeq = qMax(p.readSeq, seq);
    }
    if (!m_messages.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_messages.size()) - 1), {StatusRole});
}

MessageStatus MessageListModel::statusOf(const Message &message) const
{
    if (message.seq == 0)
        return MessageStatus::Sending;
    bool delivered = true;
    bool read = true;
    bool anyone = false;
    for (const Participant &p : m_conversation.participants) {
        if (p.userId == message.senderId)
            continue;
        anyone = true;
        delivered = delivered && p.deliveredSeq >= message.seq;
        read = read && p.readSeq >= message.seq;
    }
    if (anyone && read)
        return MessageStatus::Read;
    if (anyone && delivered)
        return MessageStatus::Delivered;
    return MessageStatus::Sent;
}

const Message &MessageListModel::at(int row) const
{
    return row < m_messages.size() ? m_messages.at(row) : m_pending.at(row - m_messages.size());
}

QString MessageListModel::senderName(UserId user) const
{
    if (const Participant *p = m_conversation.participant(user))
        return p->displayName.isEmpty() ? p->username : p->displayName;
    return QString::number(user);
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size() + m_pending.size() + m_uploads.size());
}

QVariant MessageListModel::fileData(const Message &m, int role) const
{
    if (m.type != MessageType::Image && m.type != MessageType::File)
        return {};
    if (role == AttachmentRole)
        return QVariant::fromValue(m.attachment);
    if (role == UploadIdRole)
        return quint64(0);
    if (!m_files)
        return {};
    if (role == ThumbnailRole)
        return m_files->thumbnail(m.attachment);
    if (role == PreviewRole)
        return m.type == MessageType::Image ? m_files->preview(m.attachment) : QImage();
    const FileState state = m_files->state(m.attachment.fileId);
    switch (role) {
    case FileStatusRole:
        return int(state.status);
    case FileDoneRole:
        return state.done;
    case FileTotalRole:
        return state.total > 0 ? state.total : m.attachment.size;
    case LocalFileRole:
        return state.localPath;
    case FileErrorRole:
        return state.error;
    default:
        return {};
    }
}

// An upload is drawn like the message it becomes, with its progress.
QVariant MessageListModel::uploadData(int row, int role) const
{
    const FileTransfers::Upload *u = m_files ? m_files->upload(m_uploads.at(row)) : nullptr;
    if (!u)
        return {};
    const bool image = u->width > 0;
    switch (role) {
    case TypeRole:
        return int(image ? MessageType::Image : MessageType::File);
    case Qt::DisplayRole:
    case ContentRole:
        return QString();
    case SenderIdRole:
        return m_session.currentUser().id;
    case SenderNameRole:
        return senderName(m_session.currentUser().id);
    case TimeRole:
        return u->createdAtMs;
    case MineRole:
        return true;
    case StatusRole:
        return int(MessageStatus::Sending);
    case NewDayRole:
    case ContinuationRole:
        return false;
    case AttachmentRole: {
        Attachment a;
        a.name = u->name;
        a.size = u->size;
        a.width = u->width;
        a.height = u->height;
        a.thumbnail = u->thumbnail;
        return QVariant::fromValue(a);
    }
    case UploadIdRole:
        return quint64(u->id);
    case FileStatusRole:
        return int(u->state.status);
    case FileDoneRole:
        return u->state.done;
    case FileTotalRole:
        return u->size;
    case LocalFileRole:
        return u->localPath;
    case ThumbnailRole:
        return u->thumbnail.isEmpty() ? QImage() : QImage::fromData(u->thumbnail);
    default:
        return {};
    }
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const int uploadRow = index.row() - int(m_messages.size() + m_pending.size());
    if (uploadRow >= 0)
        return uploadData(uploadRow, role);
    const Message &m = at(index.row());
    if (role >= AttachmentRole)
        return fileData(m, role);
    const Message *previous = index.row() > 0 ? &at(index.row() - 1) : nullptr;
    switch (role) {
    case Qt::DisplayRole:
    case ContentRole:
        return m.content;
    case IdRole:
        return m.id;
    case SeqRole:
        return m.seq;
    case SenderIdRole:
        return m.senderId;
    case SenderNameRole:
        return senderName(m.senderId);
    case TypeRole:
        return int(m.type);
    case SystemTextRole:
        return m.type == MessageType::System
            ? SystemEventText::describe(m.event, senderName(m.senderId))
            : QString();
    case TimeRole:
        return m.createdAtMs;
    case MineRole:
        return m.senderId == m_session.currentUser().id;
    case StatusRole:
        return int(statusOf(m));
    case NewDayRole:
        return !previous
            || QDateTime::fromMSecsSinceEpoch(previous->createdAtMs).date()
            != QDateTime::fromMSecsSinceEpoch(m.createdAtMs).date();
    case ContinuationRole:
        return previous && previous->senderId == m.senderId && previous->type != MessageType::System
            && m.createdAtMs - previous->createdAtMs < ContinuationWindowMs;
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    return {{IdRole, "messageId"},
            {SeqRole, "seq"},
            {SenderIdRole, "senderId"},
            {SenderNameRole, "senderName"},
            {ContentRole, "content"},
            {TypeRole, "type"},
            {SystemTextRole, "systemText"},
            {TimeRole, "time"},
            {MineRole, "mine"},
            {StatusRole, "status"},
            {NewDayRole, "newDay"},
            {ContinuationRole, "continuation"},
            {AttachmentRole, "attachment"},
            {UploadIdRole, "uploadId"},
            {FileStatusRole, "fileStatus"},
            {FileDoneRole, "fileDone"},
            {FileTotalRole, "fileTotal"},
            {LocalFileRole, "localFile"},
            {FileErrorRole, "fileError"},
            {ThumbnailRole, "thumbnail"},
            {PreviewRole, "preview"}};
}

} // namespace Banter::Desktop
