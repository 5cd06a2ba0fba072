// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/client/clientcache.h>

#include <QSqlDatabase>
#include <QSqlQuery>

#include <optional>

namespace Banter {

// What the cache keeps about one conversation besides its messages (a row of
// `conversations`).
struct CacheRange
{
    std::optional<Seq> position; // highest seq held; none: never synced
    Seq oldest = 0; // lowest seq held; 0: none held
    bool hasStart = false;
    Seq countedSeq = 0; // unread already counts every message up to here
    Seq readSeq = 0; // my read position
    qint64 unread = 0;
    Seq lastSeq = 0;
};

struct ClientCache::Private
{
    QString path;
    CacheIdentity identity;
    QString connectionName;
    QString rebuiltReason;
    bool rebuilt = false;
    int depth = ClientCache::DefaultDepth;
    QSqlDatabase db;
    // Prepared once and reused: a sync page runs each of these hundreds of times.
    std::optional<QSqlQuery> insertMessage;
    std::optional<QSqlQuery> selectRange;
    std::optional<QSqlQuery> ensureRow;

    // Opens the file and checks it (every page only with `readEveryPage`); the reason it
    // cannot be used, or empty.
    QString openFile(bool readEveryPage);
    void closeFile();
    // Runs `sql` with `values` bound in order; false (logged) on failure.
    bool exec(const QString &sql, const QVariantList &values = {}) const;
    QSqlQuery &prepared(std::optional<QSqlQuery> &query, const QString &sql);
    std::optional<CacheRange> range(ConversationId id);
    void ensureConversation(ConversationId id);
    void writeRange(ConversationId id, const CacheRange &range);
    void clearMessages(ConversationId id);
    // Appends one conversation's newer messages (ascending) inside the caller's transaction.
    void appendMessages(ConversationId id, const QList<const Message *> &messages);
    bool insert(const Message &message);
    // A change event from the stream: the held message it names (and the conversation's
    // last message, when it is that one) takes the change.
    void applyChange(ConversationId id, const Message &change);
    // An edit or deletion of a message: the held replies to it show the original as the
    // server now would (its new text, or "deleted").
    void applyToReplies(ConversationId id, const Message &change);
    bool counts(const Message &message) const;
    QString outboxPath() const;
};

// The JSON text of a message as the protocol writes it, and back.
QByteArray encodeMessage(const Message &message);
std::optional<Message> decodeMessage(const QByteArray &body);

} // namespace Banter
