// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/messagelistmodel.h"

#include "core/errortext.h"
#include "core/filetransfers.h"
#include "core/systemeventtext.h"
#include <banter/client/clientsession.h>
#include <banter/domain/messagechange.h>

#include <QDateTime>

#include <algorithm>
#include <limits>
#include <utility>

namespace Banter::Desktop {

namespace {
constexpr qint64 ContinuationWindowMs = 5 * 60 * 1000;

bool countsAsUnread(const Message &m, UserId me)
{
    return m.senderId != me && m.type != MessageType::System;
}
} // namespace

MessageListModel::MessageListModel(ClientSession &session, QObject *parent)
    : QAbstractListModel(parent)
    , m_session(session)
{
    connect(&session, &ClientSession::messagesReceived, this, &MessageListModel::onMessages);
    connect(&session, &ClientSession::messageAcked, this, [this](const Message &m) {
        if (m.conversationId == m_conversation.id) {
            onMessages({m}, true);
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

void MessageListModel::setConversation(const Conversation &conversation, qint64 unread)
{
    beginResetModel();
    m_conversation = conversation;
    m_messages.clear();
    m_pending.clear();
    m_uploads.clear();
    m_hasOlder = false;
    m_early.clear();
    m_firstUnread = 0;
    m_unreadAtOpen = unread;
    m_newestKnown = conversation.lastSeq;
    m_following = true;
    m_loading = false;
    ++m_generation;
    m_jumpTarget = 0;
    m_reactors.clear();
    m_reactorsAsked.clear();
    endResetModel();
    setHasNewer(false);
    refreshPending();
    refreshUploads();
    if (!m_conversation.id)
        return;
    m_opening = true;
    // Many unread: open at the first of them (the read position), not at the newest page.
    const Participant *me = m_conversation.participant(m_session.currentUser().id);
    if (unread > PageSize && me && me->readSeq > 0 && me->readSeq < m_newestKnown)
        load(Load::Newer, me->readSeq);
    else
        load(Load::Open, 0);
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

int MessageListModel::rowOfSeq(Seq seq) const
{
    const auto pos = std::lower_bound(m_messages.cbegin(), m_messages.cend(), seq,
                                      [](const Message &m, Seq s) { return m.seq < s; });
    return pos != m_messages.cend() && pos->seq == seq ? int(pos - m_messages.cbegin()) : -1;
}

bool MessageListModel::canLoadOlder() const
{
    return m_conversation.id && m_hasOlder && !m_loading && !m_messages.isEmpty();
}

bool MessageListModel::canLoadNewer() const
{
    return m_conversation.id && m_hasNewer && !m_loading && !m_messages.isEmpty();
}

void MessageListModel::loadOlder()
{
    if (canLoadOlder())
        load(Load::Older, m_messages.constFirst().seq);
}

void MessageListModel::loadNewer()
{
    if (canLoadNewer())
        load(Load::Newer, m_messages.constLast().seq);
}

void MessageListModel::showNewest()
{
    if (m_hasNewer)
        setConversation(m_conversation);
}

void MessageListModel::setHasNewer(bool hasNewer)
{
    if (m_hasNewer == hasNewer)
        return;
    m_hasNewer = hasNewer;
    Q_EMIT hasNewerChanged(hasNewer);
}

// Open: the newest page. Older: the page before `from`. Newer: the page after `from`.
void MessageListModel::load(Load kind, Seq from)
{
    if (m_loading)
        return;
    m_loading = true;
    Q_EMIT loadingChanged(true);
    const quint64 generation = m_generation;
    // From the cache when it holds them, else from the server.
    (kind == Load::Newer        ? m_session.messagesAfter(m_conversation.id, from, PageSize)
         : kind == Load::Around ? m_session.messagesAround(m_conversation.id, from, PageSize)
                                : m_session.messagesBefore(m_conversation.id, from, PageSize))
        .then(this, [this, generation, kind](Result<Protocol::HistoryReply> page) {
            if (generation != m_generation)
                return;
            m_loading = false;
            Q_EMIT loadingChanged(false);
            if (!page) {
                // Offline: what is here stays; the view may ask again later.
                if (m_opening) {
                    m_opening = false;
                    Q_EMIT opened();
                }
                return;
            }
            onPage(kind, *page);
        });
}

void MessageListModel::onPage(Load kind, const Protocol::HistoryReply &page)
{
    switch (kind) {
    case Load::Open:
        // Then the live messages that came while the page was on its way, as far as they
        // continue it.
        m_hasOlder = page.hasMore;
        append(page.messages);
        append(std::exchange(m_early, {}));
        break;
    case Load::Older:
        m_hasOlder = page.hasMore;
        prepend(page.messages);
        break;
    case Load::Newer:
        if (m_messages.isEmpty()) // opening at the read position
            m_hasOlder = !page.messages.isEmpty() && page.messages.constFirst().seq > 1;
        append(page.messages);
        break;
    case Load::Around:
        m_hasOlder = page.hasMore;
        append(page.messages);
        break;
    }
    if (!m_messages.isEmpty())
        m_newestKnown = qMax(m_newestKnown, m_messages.constLast().seq);
    // After a newer page, hasMore says newer ones may exist.
    setHasNewer(newestSeq() < m_newestKnown
                || (kind == Load::Newer && page.hasMore && !page.messages.isEmpty())
                || (kind == Load::Around && page.hasNewer));
    if (m_opening)
        locateFirstUnread();
    if (m_jumpTarget && rowOfSeq(m_jumpTarget) >= 0)
        Q_EMIT located(std::exchange(m_jumpTarget, 0));
}

void MessageListModel::jumpTo(Seq seq)
{
    if (!m_conversation.id || seq <= 0)
        return;
    if (rowOfSeq(seq) >= 0) {
        Q_EMIT located(seq);
        return;
    }
    // A fresh window around it: the view no longer follows the newest until it gets there.
    beginResetModel();
    m_messages.clear();
    m_early.clear();
    m_hasOlder = false;
    m_loading = false;
    m_following = false;
    ++m_generation;
    endResetModel();
    m_jumpTarget = seq;
    load(Load::Around, seq);
}

void MessageListModel::jumpToId(const QUuid &id, Seq below)
{
    if (const int row = rowOfId(id); row >= 0) {
        Q_EMIT located(m_messages.at(row).seq);
        return;
    }
    seek(id, below, 0);
}

// Pages back from `below` for the message `id` (a reply's original is older than the reply),
// without touching the window; the cache answers the pages it holds.
void MessageListModel::seek(const QUuid &id, Seq below, int pages)
{
    if (pages >= MaxSeekPages || below == 1) {
        Q_EMIT notFound();
        return;
    }
    const quint64 generation = m_generation;
    m_session.messagesBefore(m_conversation.id, below, Protocol::HistoryRequest::MaxLimit)
        .then(this, [this, generation, id, pages](Result<Protocol::HistoryReply> page) {
            if (generation != m_generation)
                return;
            if (!page || page->messages.isEmpty()) {
                Q_EMIT notFound();
                return;
            }
            for (const Message &m : std::as_const(page->messages)) {
                if (m.id == id) {
                    jumpTo(m.seq);
                    return;
                }
            }
            if (!page->hasMore) {
                Q_EMIT notFound();
                return;
            }
            seek(id, page->messages.constFirst().seq, pages + 1);
        });
}

// The first unread message: counted back from the newest by the unread count, or the first
// message of others after the read position when the window starts there.
void MessageListModel::locateFirstUnread()
{
    const UserId me = m_session.currentUser().id;
    qint64 remaining = m_unreadAtOpen;
    if (remaining > 0 && !m_hasNewer) {
        for (qsizetype i = m_messages.size() - 1; i >= 0 && remaining > 0; --i) {
            if (countsAsUnread(m_messages.at(i), me) && --remaining == 0)
                m_firstUnread = m_messages.at(i).seq;
        }
        // Not in this page: fetch older ones while the window has room.
        if (remaining > 0 && m_hasOlder && m_messages.size() + PageSize <= m_windowLimit) {
            load(Load::Older, m_messages.constFirst().seq);
            return;
        }
        if (remaining > 0 && !m_messages.isEmpty())
            m_firstUnread = m_messages.constFirst().seq;
    } else if (remaining > 0) {
        for (const Message &m : std::as_const(m_messages)) {
            if (countsAsUnread(m, me)) {
                m_firstUnread = m.seq;
                break;
            }
        }
    }
    m_opening = false;
    if (const int row = rowOfSeq(m_firstUnread); row >= 0)
        Q_EMIT dataChanged(index(row), index(row), {FirstUnreadRole});
    Q_EMIT opened();
}

void MessageListModel::prepend(const QList<Message> &older)
{
    // Seqs are gapless from 1: only the run that ends just below the window joins it.
    QList<Message> page;
    Seq expected = m_messages.isEmpty() ? 0 : oldestSeq() - 1;
    for (auto m = older.crbegin(); m != older.crend(); ++m) {
        if (expected == 0 && m_messages.isEmpty() && page.isEmpty())
            expected = m->seq;
        if (m->seq > expected)
            continue;
        if (m->seq < expected)
            break;
        page.prepend(*m);
        --expected;
    }
    if (page.isEmpty())
        return;
    const int excess = int(m_messages.size() + page.size()) - m_windowLimit;
    if (excess > 0)
        trimNewest(excess);
    beginInsertRows({}, 0, int(page.size()) - 1);
    m_messages = page + m_messages;
    endInsertRows();
    // The old first row's separator and grouping now depend on the page's last.
    const QModelIndex next = index(int(page.size()));
    Q_EMIT dataChanged(next, next, {NewDayRole, ContinuationRole});
    for (const Message &m : std::as_const(page)) {
        if (m_files && m.type == MessageType::Image)
            m_files->fetchImage(m.attachment);
    }
}

void MessageListModel::append(const QList<Message> &newer)
{
    // Seqs are gapless from 1: only the run that continues the window joins it.
    QList<Message> page;
    Seq expected = m_messages.isEmpty() ? 0 : newestSeq() + 1;
    for (const Message &m : newer) {
        if (expected == 0)
            expected = m.seq;
        if (m.seq < expected)
            continue;
        if (m.seq > expected)
            break;
        page.append(m);
        ++expected;
    }
    if (page.isEmpty())
        return;
    const int excess = int(m_messages.size() + page.size()) - m_windowLimit;
    if (excess > 0)
        trimOldest(excess);
    const int first = int(m_messages.size());
    beginInsertRows({}, first, first + int(page.size()) - 1);
    m_messages.append(page);
    endInsertRows();
    for (const Message &m : std::as_const(page)) {
        if (m_files && m.type == MessageType::Image)
            m_files->fetchImage(m.attachment);
    }
}

void MessageListModel::trimNewest(int rows)
{
    rows = qMin(rows, int(m_messages.size()));
    if (rows <= 0)
        return;
    const int first = int(m_messages.size()) - rows;
    beginRemoveRows({}, first, int(m_messages.size()) - 1);
    m_messages.remove(first, rows);
    endRemoveRows();
    setHasNewer(true);
}

void MessageListModel::trimOldest(int rows)
{
    rows = qMin(rows, int(m_messages.size()));
    if (rows <= 0)
        return;
    beginRemoveRows({}, 0, rows - 1);
    m_messages.remove(0, rows);
    endRemoveRows();
    m_hasOlder = true;
    if (!m_messages.isEmpty())
        Q_EMIT dataChanged(index(0), index(0), {NewDayRole, ContinuationRole});
}

// Messages as the session delivers them. They continue the window when it reaches the
// newest; otherwise they are left for loadNewer().
void MessageListModel::onMessages(const QList<Message> &messages, bool live)
{
    QList<Message> mine;
    for (const Message &m : messages) {
        if (m.conversationId == m_conversation.id)
            mine.append(m);
    }
    if (mine.isEmpty())
        return;
    std::sort(mine.begin(), mine.end(),
              [](const Message &a, const Message &b) { return a.seq < b.seq; });
    applyChanges(mine);
    const Seq known = m_newestKnown;
    if (live) {
        const UserId me = m_session.currentUser().id;
        int fresh = 0;
        for (const Message &m : std::as_const(mine)) {
            if (m.seq > known && countsAsUnread(m, me))
                ++fresh;
        }
        if (fresh > 0)
            Q_EMIT arrived(fresh);
    }
    m_newestKnown = qMax(m_newestKnown, mine.constLast().seq);
    // Still opening an empty window: kept until the page is in (they may be older than it,
    // if the session is still delivering a backlog, or continue it).
    if (m_opening && m_messages.isEmpty()) {
        m_early.append(mine);
        return;
    }
    if (m_hasNewer || newestSeq() < known) {
        setHasNewer(true);
        return;
    }
    if (!m_following && m_messages.size() + mine.size() > m_windowLimit) {
        setHasNewer(true);
        return;
    }
    QList<Message> later;
    for (const Message &m : std::as_const(mine)) {
        if (m.seq <= newestSeq())
            insertMessage(m); // fills a hole or is already here
        else
            later.append(m);
    }
    append(later);
    setHasNewer(newestSeq() < m_newestKnown); // a gap: the rest comes with loadNewer()
}

// Edits, deletions and reactions (from pushes and sync, in seq order) change the rows they
// name; the change events themselves stay in the stream as quiet system lines.
void MessageListModel::applyChanges(const QList<Message> &messages)
{
    const UserId me = m_session.currentUser().id;
    for (const Message &change : messages) {
        if (!change.isMessageChange())
            continue;
        for (qsizetype row = 0; row < m_messages.size(); ++row) {
            Message &shown = m_messages[row];
            const bool target = MessageChange::apply(shown, change, me);
            const bool quoted = MessageChange::applyToReply(shown, change);
            if (target) {
                m_reactors.remove(shown.id);
                m_reactorsAsked.remove(shown.id);
            }
            if (target || quoted)
                Q_EMIT dataChanged(index(int(row)), index(int(row)));
        }
    }
}

void MessageListModel::insertMessage(const Message &message)
{
    // Binary search by seq; only within the window (a message older than it is left to
    // loadOlder()).
    if (!m_messages.isEmpty() && message.seq < oldestSeq())
        return;
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

// Replies, edits, deletions, reactions and mentions of a stored or pending message.
QVariant MessageListModel::changeData(const Message &m, int role) const
{
    const UserId me = m_session.currentUser().id;
    const bool stored = m.seq > 0 && m.type != MessageType::System;
    switch (role) {
    case ReplyToRole:
        return m.replyTo;
    case ReplySenderRole:
        return m.replyPreview ? senderName(m.replyPreview->senderId) : QString();
    case ReplySnippetRole:
        return m.replyPreview && !m.replyPreview->deleted
            ? m.replyPreview->snippet.section(u'\n', 0, 0)
            : QString();
    case ReplyDeletedRole:
        return m.replyPreview && m.replyPreview->deleted;
    case EditedAtRole:
        return m.editedAtMs;
    case DeletedRole:
        return m.isDeleted();
    case ReactionsRole:
        return QVariant::fromValue(m.reactions);
    case MentionSpansRole:
        return QVariant::fromValue(mentionSpans(m));
    case MentionsMeRole:
        return m.mentions.contains(me);
    case CanEditRole:
        return stored && !m.isDeleted() && m.type == MessageType::Text && m.senderId == me
            && withinEditWindow(m);
    case ChangeEventRole:
        return m.isMessageChange();
    case CanDeleteRole:
        return stored && !m.isDeleted()
            && (m.senderId == me
                || (m_conversation.type == ConversationType::Group && m_conversation.isAdmin(me)));
    default:
        return {};
    }
}

// The server's edit window (hello's edit_window_seconds) has not passed, by this computer's
// clock: Edit is not offered for a message the server would refuse to change.
bool MessageListModel::withinEditWindow(const Message &m) const
{
    const qint64 windowMs = qint64(m_session.serverLimits().editWindowSeconds) * 1000;
    return windowMs <= 0 || QDateTime::currentMSecsSinceEpoch() - m.createdAtMs <= windowMs;
}

// "@username" of a member, as the server resolves mentions: a letter or digit first, then
// letters, digits, '.', '_' and '-', compared without case; not inside a word or address.
QList<MentionSpan> MessageListModel::mentionSpans(const Message &m) const
{
    QList<MentionSpan> spans;
    if (m.type == MessageType::System || m.content.isEmpty())
        return spans;
    const QString &text = m.content;
    const UserId me = m_session.currentUser().id;
    for (qsizetype at = text.indexOf(u'@'); at >= 0; at = text.indexOf(u'@', at + 1)) {
        if (at > 0 && (text.at(at - 1).isLetterOrNumber() || text.at(at - 1) == u'.'))
            continue;
        qsizetype end = at + 1;
        while (end < text.size()
               && (text.at(end).isLetterOrNumber() || text.at(end) == u'.' || text.at(end) == u'_'
                   || text.at(end) == u'-'))
            ++end;
        // A sentence's full stop after the name is not part of it.
        while (end > at + 1 && text.at(end - 1) == u'.')
            --end;
        if (end == at + 1)
            continue;
        const QString name = text.mid(at + 1, end - at - 1);
        for (const Participant &p : m_conversation.participants) {
            if (p.username.compare(name, Qt::CaseInsensitive) == 0) {
                spans.append({int(at), int(end - at), p.userId == me});
                break;
            }
        }
    }
    return spans;
}

const Message *MessageListModel::messageAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.row() >= m_messages.size() + m_pending.size())
        return nullptr;
    return &at(index.row());
}

int MessageListModel::rowOfId(const QUuid &id) const
{
    for (qsizetype row = 0; row < m_messages.size(); ++row) {
        if (m_messages.at(row).id == id)
            return int(row);
    }
    return -1;
}

QStringList MessageListModel::reactors(const QModelIndex &index, const QString &emoji)
{
    const Message *m = messageAt(index);
    if (!m || m->seq == 0)
        return {};
    const auto known = m_reactors.constFind(m->id);
    if (known != m_reactors.cend())
        return known->value(emoji);
    if (m_reactorsAsked.contains(m->id))
        return {};
    if (m_reactorsAsked.size() >= MaxReactorEntries) {
        m_reactorsAsked.clear();
        m_reactors.clear();
    }
    m_reactorsAsked.insert(m->id);
    const QUuid id = m->id;
    const quint64 generation = m_generation;
    m_session.reactions(m_conversation.id, id)
        .then(this, [this, id, generation](Result<Protocol::ReactorsReply> reply) {
            if (generation != m_generation || !m_reactorsAsked.contains(id))
                return;
            if (!reply) {
                m_reactorsAsked.remove(id); // asked again on the next hover
                return;
            }
            QHash<QString, QStringList> names;
            for (const Protocol::ReactorsReply::Entry &e : std::as_const(reply->reactions)) {
                QStringList &list = names[e.emoji];
                for (UserId user : e.userIds)
                    list.append(senderName(user));
                if (e.count > e.userIds.size())
                    list.append(tr("%n more", nullptr, e.count - int(e.userIds.size())));
            }
            m_reactors.insert(id, names);
            Q_EMIT reactorsKnown(id);
        });
    return {};
}

void MessageListModel::toggleReaction(const QModelIndex &index, const QString &emoji)
{
    const Message *m = messageAt(index);
    if (!m || m->seq == 0 || m->isDeleted())
        return;
    bool mine = false;
    for (const Reaction &r : m->reactions)
        mine = mine || (r.emoji == emoji && r.mine);
    // The change comes back as its event through the stream, which updates the row.
    auto reply = mine ? m_session.unreact(m_conversation.id, m->id, emoji)
                      : m_session.react(m_conversation.id, m->id, emoji);
    reply.then(this, [this](const Result<std::optional<Message>> &result) {
        if (!result)
            Q_EMIT failed(ErrorText::describe(result.error()));
    });
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
    if (role == FirstUnreadRole)
        return m_firstUnread != 0 && m.seq == m_firstUnread && index.row() < m_messages.size();
    if (role >= ReplyToRole)
        return changeData(m, role);
    if (role >= AttachmentRole)
        return fileData(m, role);
    // The previous message shown (for grouping and day separators only): change events have
    // no line of their own.
    const auto shownBefore = [this, &index]() -> const Message * {
        for (int row = index.row() - 1; row >= 0; --row) {
            if (!at(row).isMessageChange())
                return &at(row);
        }
        return nullptr;
    };
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
    case NewDayRole: {
        const Message *previous = shownBefore();
        return !previous
            || QDateTime::fromMSecsSinceEpoch(previous->createdAtMs).date()
            != QDateTime::fromMSecsSinceEpoch(m.createdAtMs).date();
    }
    case ContinuationRole: {
        const Message *previous = shownBefore();
        return previous && previous->senderId == m.senderId && previous->type != MessageType::System
            && m.createdAtMs - previous->createdAtMs < ContinuationWindowMs
            && !(m_firstUnread && m.seq == m_firstUnread);
    }
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
            {PreviewRole, "preview"},
            {FirstUnreadRole, "firstUnread"},
            {ReplyToRole, "replyTo"},
            {ReplySenderRole, "replySender"},
            {ReplySnippetRole, "replySnippet"},
            {ReplyDeletedRole, "replyDeleted"},
            {EditedAtRole, "editedAt"},
            {DeletedRole, "deleted"},
            {ReactionsRole, "reactions"},
            {MentionSpansRole, "mentionSpans"},
            {MentionsMeRole, "mentionsMe"},
            {CanEditRole, "canEdit"},
            {CanDeleteRole, "canDelete"},
            {ChangeEventRole, "changeEvent"}};
}

} // namespace Banter::Desktop
