// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/client/cacheschema_p.h>

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace Banter::CacheSchema {

using namespace Qt::StringLiterals;

namespace {

// One row per conversation (its list entry, unread bookkeeping and the range of messages
// held), and the messages themselves as their protocol JSON keyed by (conversation, seq).
// `counts` marks a message that adds to my unread count (others', not system).
const QStringList Tables = {
    u"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
    u"CREATE TABLE conversations ("
    " id INTEGER PRIMARY KEY,"
    " conversation BLOB,"
    " last_message BLOB,"
    " last_seq INTEGER NOT NULL DEFAULT 0,"
    " activity INTEGER NOT NULL DEFAULT 0,"
    " unread INTEGER NOT NULL DEFAULT 0,"
    " counted_seq INTEGER NOT NULL DEFAULT 0,"
    " read_seq INTEGER NOT NULL DEFAULT 0,"
    " position INTEGER,"
    " oldest INTEGER NOT NULL DEFAULT 0,"
    " has_start INTEGER NOT NULL DEFAULT 0)"_s,
    u"CREATE INDEX conversations_by_activity ON conversations (activity DESC, id DESC)"_s,
    u"CREATE TABLE messages ("
    " conversation_id INTEGER NOT NULL,"
    " seq INTEGER NOT NULL,"
    " counts INTEGER NOT NULL,"
    " body BLOB NOT NULL,"
    " PRIMARY KEY (conversation_id, seq)) WITHOUT ROWID"_s,
};

QString failure(const QSqlQuery &query, const QString &what)
{
    return what + u": "_s + query.lastError().text();
}

QString create(QSqlDatabase &db, const CacheIdentity &identity)
{
    if (!db.transaction())
        return u"cannot start a transaction: "_s + db.lastError().text();
    QSqlQuery query(db);
    for (const QString &sql : Tables) {
        if (!query.exec(sql)) {
            db.rollback();
            return failure(query, u"cannot create the tables"_s);
        }
    }
    const QList<std::pair<QString, QString>> meta = {
        {u"schema_version"_s, QString::number(Version)},
        {u"server"_s, identity.server},
        {u"user"_s, QString::number(identity.user)},
        {u"certificate"_s, QString::fromLatin1(identity.certificateSha256.toHex())},
    };
    query.prepare(u"INSERT INTO meta (key, value) VALUES (?, ?)"_s);
    for (const auto &[key, value] : meta) {
        query.addBindValue(key);
        query.addBindValue(value.isNull() ? u""_s : value); // null would bind SQL NULL
        if (!query.exec()) {
            db.rollback();
            return failure(query, u"cannot write the identity"_s);
        }
    }
    return db.commit() ? QString() : u"cannot commit: "_s + db.lastError().text();
}

// Why the file's identity or schema is not ours, or empty.
QString compareMeta(QSqlDatabase &db, const CacheIdentity &identity)
{
    QSqlQuery query(db);
    if (!query.exec(u"SELECT key, value FROM meta"_s))
        return failure(query, u"no identity"_s);
    QHash<QString, QString> meta;
    while (query.next())
        meta.insert(query.value(0).toString(), query.value(1).toString());
    if (meta.value(u"schema_version"_s) != QString::number(Version))
        return u"schema version %1, not %2"_s.arg(meta.value(u"schema_version"_s)).arg(Version);
    if (meta.value(u"server"_s) != identity.server)
        return u"made for another server"_s;
    if (meta.value(u"user"_s) != QString::number(identity.user))
        return u"made for another user"_s;
    if (meta.value(u"certificate"_s) != QString::fromLatin1(identity.certificateSha256.toHex()))
        return u"made for another server certificate"_s;
    return {};
}

} // namespace

QString checkIntegrity(QSqlDatabase &db)
{
    QSqlQuery query(db);
    // SQLite opens a file lazily, so this is also the first statement that touches it.
    if (!query.exec(u"PRAGMA quick_check"_s))
        return failure(query, u"unreadable"_s);
    if (!query.next() || query.value(0).toString() != u"ok"_s)
        return u"integrity check failed: "_s + query.value(0).toString();
    return {};
}

QString prepare(QSqlDatabase &db, const CacheIdentity &identity)
{
    QSqlQuery query(db);
    // No fsync: the cache is a copy of what the server has. A crash of the client loses
    // nothing (the writes are in the OS's hands); a power loss may lose the last pages or
    // damage the file, which checkIntegrity() finds at the next open and the file is rebuilt.
    // The outbox, which only this device has, is a file of its own written with fsync. With
    // fsync, WAL checkpoints stalled a sync page for 25-120 ms every ~12,000 messages;
    // without, a page of 500 stores in about 5 ms.
    if (!query.exec(u"PRAGMA journal_mode=WAL"_s) || !query.exec(u"PRAGMA synchronous=OFF"_s))
        return failure(query, u"cannot set the journal mode"_s);
    if (!query.exec(u"SELECT count(*) FROM sqlite_master"_s) || !query.next())
        return failure(query, u"unreadable"_s);
    const bool empty = query.value(0).toInt() == 0;
    query.finish();
    return empty ? create(db, identity) : compareMeta(db, identity);
}

} // namespace Banter::CacheSchema
