// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
// ClientCache: opening, checking and replacing the file, and the outbox beside it. Reads
// are in clientcachereads.cpp, writes in clientcachewrites.cpp.
#include <banter/client/cacheschema_p.h>
#include <banter/client/clientcache_p.h>
#include <banter/client/clientlogging_p.h>
#include <banter/protocol/domainjson.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSqlError>
#include <QStandardPaths>

#include <atomic>

namespace Banter {

using namespace Qt::StringLiterals;

namespace {

constexpr QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QString uniqueConnectionName()
{
    static std::atomic<quint64> next{1};
    return u"banter-client-cache-%1"_s.arg(next++);
}

// The files SQLite keeps for a database besides the main one.
QStringList databaseFiles(const QString &path)
{
    return {path, path + u"-wal"_s, path + u"-shm"_s, path + u"-journal"_s};
}

} // namespace

QByteArray encodeMessage(const Message &message)
{
    return QJsonDocument(Protocol::toJson(message)).toJson(QJsonDocument::Compact);
}

std::optional<Message> decodeMessage(const QByteArray &body)
{
    Result<Message> message = Protocol::messageFromJson(QJsonDocument::fromJson(body).object());
    if (!message)
        return std::nullopt;
    return std::move(message).value();
}

QString ClientCache::Private::openFile(bool readEveryPage)
{
    if (!QFileInfo::exists(path)) {
        // Made owner-only before SQLite writes anything into it; its journal files inherit
        // the mode.
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return u"cannot create %1: %2"_s.arg(path, file.errorString());
    }
    QFile::setPermissions(path, OwnerOnly);
    connectionName = uniqueConnectionName();
    db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionName);
    db.setDatabaseName(path);
    if (!db.open())
        return u"cannot open: "_s + db.lastError().text();
    if (readEveryPage) {
        if (const QString problem = CacheSchema::checkIntegrity(db); !problem.isEmpty())
            return problem;
    }
    return CacheSchema::prepare(db, identity);
}

void ClientCache::Private::closeFile()
{
    insertMessage.reset();
    selectRange.reset();
    ensureRow.reset();
    if (connectionName.isEmpty())
        return;
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(connectionName);
    connectionName.clear();
}

bool ClientCache::Private::exec(const QString &sql, const QVariantList &values) const
{
    QSqlQuery query(db);
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (query.exec())
        return true;
    qCWarning(lcClient) << "cache:" << sql << "failed:" << query.lastError().text();
    return false;
}

QSqlQuery &ClientCache::Private::prepared(std::optional<QSqlQuery> &query, const QString &sql)
{
    if (!query) {
        query.emplace(db);
        query->prepare(sql);
    }
    return *query;
}

QString ClientCache::Private::outboxPath() const
{
    return path + u".outbox.json"_s;
}

ClientCache::ClientCache(std::unique_ptr<Private> d)
    : d(std::move(d))
{ }

ClientCache::~ClientCache()
{
    d->closeFile();
}

Result<std::unique_ptr<ClientCache>> ClientCache::open(const QString &path,
                                                       const CacheIdentity &identity)
{
    return openFile(path, identity, Integrity::Unchecked, {});
}

Result<std::unique_ptr<ClientCache>>
ClientCache::openChecked(const QString &path, const CacheIdentity &identity, const QString &problem)
{
    return openFile(path, identity, problem.isEmpty() ? Integrity::Sound : Integrity::Damaged,
                    problem);
}

QString ClientCache::checkIntegrity(const QString &path)
{
    if (!QFileInfo::exists(path))
        return {};
    QString problem;
    const QString name = uniqueConnectionName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        problem = db.open() ? CacheSchema::checkIntegrity(db)
                            : u"cannot open: "_s + db.lastError().text();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return problem;
}

Result<std::unique_ptr<ClientCache>> ClientCache::openFile(const QString &path,
                                                           const CacheIdentity &identity,
                                                           Integrity integrity,
                                                           const QString &problemFound)
{
    const QString directory = QFileInfo(path).absolutePath();
    if (!QFileInfo::exists(directory)) {
        if (!QDir().mkpath(directory))
            return makeError(ErrorCode::Internal, u"cannot create the directory "_s + directory);
        // Only a directory made here: a path given in an existing one (the home directory,
        // say) must not change who may list it. The file itself is always owner-only.
        QFile::setPermissions(directory, OwnerOnly | QFileDevice::ExeOwner);
    }

    auto d = std::make_unique<Private>();
    d->path = path;
    d->identity = identity;
    const QString problem = integrity == Integrity::Damaged
        ? problemFound
        : d->openFile(integrity == Integrity::Unchecked);
    if (!problem.isEmpty()) {
        qCInfo(lcClient) << "discarding the cache" << path << "-" << problem;
        d->closeFile();
        for (const QString &file : databaseFiles(path))
            QFile::remove(file);
        d->rebuilt = true;
        d->rebuiltReason = problem;
        if (const QString again = d->openFile(false); !again.isEmpty()) {
            d->closeFile();
            return makeError(ErrorCode::Internal,
                             u"cannot make a cache at %1: %2"_s.arg(path, again));
        }
    }
    return std::unique_ptr<ClientCache>(new ClientCache(std::move(d)));
}

QString ClientCache::defaultPath(const QString &serverKey, UserId user)
{
    const QByteArray hash =
        QCryptographicHash::hash(serverKey.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/cache/"_s
        + QString::fromLatin1(hash) + u'-' + QString::number(user) + u".sqlite"_s;
}

void ClientCache::remove(const QString &path)
{
    for (const QString &file : databaseFiles(path))
        QFile::remove(file);
    QFile::remove(path + u".outbox.json"_s);
}

QString ClientCache::path() const
{
    return d->path;
}

CacheIdentity ClientCache::identity() const
{
    return d->identity;
}

bool ClientCache::rebuilt() const
{
    return d->rebuilt;
}

QString ClientCache::rebuiltReason() const
{
    return d->rebuiltReason;
}

// The outbox file names its owner, so that another account's file at the same path is never
// sent as this one's. It survives a rebuilt cache: that is why it is a file of its own.
QList<Protocol::SendMessageRequest> ClientCache::outbox() const
{
    QFile file(d->outboxPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    if (root.value(u"server"_s).toString() != d->identity.server
        || root.value(u"user"_s).toInteger() != d->identity.user)
        return {};
    QList<Protocol::SendMessageRequest> requests;
    const QJsonArray array = root.value(u"requests"_s).toArray();
    for (const auto &value : array) {
        if (auto request = Protocol::SendMessageRequest::fromJson(value.toObject()))
            requests.append(*request);
        else
            qCWarning(lcClient) << "cache: dropping an unreadable outbox entry";
    }
    return requests;
}

void ClientCache::saveOutbox(const QList<Protocol::SendMessageRequest> &requests)
{
    if (requests.isEmpty()) {
        QFile::remove(d->outboxPath());
        return;
    }
    QJsonArray array;
    for (const Protocol::SendMessageRequest &request : requests)
        array.append(request.toJson());
    const QJsonObject root{
        {u"server"_s, d->identity.server}, {u"user"_s, d->identity.user}, {u"requests"_s, array}};
    QSaveFile file(d->outboxPath());
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcClient) << "cache: cannot write the outbox:" << file.errorString();
        return;
    }
    file.setPermissions(OwnerOnly);
    file.write(QJsonDocument(root).toJson(QJsonDocument::Compact));
    if (!file.commit())
        qCWarning(lcClient) << "cache: cannot write the outbox:" << file.errorString();
}

} // namespace Banter
