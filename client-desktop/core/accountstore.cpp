// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/accountstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <qt6keychain/keychain.h>

namespace Banter::Desktop {

using namespace Qt::StringLiterals;

namespace {
const QString ServerKey = u"account/server"_s;
const QString UserKey = u"account/username"_s;
const QString UserIdKey = u"account/userId"_s;
const QString DisplayNameKey = u"account/displayName"_s;
} // namespace

AccountStore::AccountStore(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
{ }

QString AccountStore::secretKey(const QUrl &server, const QString &username) const
{
    return username + u'@' + server.toString();
}

Error AccountStore::noKeychain(const QString &detail)
{
    return makeError(
        ErrorCode::Unavailable,
        tr("No system keychain is available (%1). You stay signed in until Banter closes.")
            .arg(detail));
}

void AccountStore::save(const Account &account, std::function<void(Status)> done)
{
    if (account.username.isEmpty() || !account.server.isValid())
        return done(makeError(ErrorCode::BadRequest, u"no user to remember"_s));
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(secretKey(account.server, account.username));
    const QJsonObject secret{{u"access_token"_s, account.accessToken},
                             {u"refresh_token"_s, account.refreshToken}};
    job->setTextData(QString::fromUtf8(QJsonDocument(secret).toJson(QJsonDocument::Compact)));
    connect(job, &QKeychain::Job::finished, this,
            [account, done = std::move(done)](QKeychain::Job *finished) {
                if (finished->error() != QKeychain::NoError)
                    return done(noKeychain(finished->errorString()));
                QSettings settings;
                settings.setValue(ServerKey, account.server.toString());
                settings.setValue(UserKey, account.username);
                settings.setValue(UserIdKey, account.userId);
                settings.setValue(DisplayNameKey, account.displayName);
                done(success());
            });
    job->start();
}

void AccountStore::load(std::function<void(Result<std::optional<Account>>)> done)
{
    QSettings settings;
    Account account;
    account.server = QUrl(settings.value(ServerKey).toString());
    account.username = settings.value(UserKey).toString();
    account.userId = settings.value(UserIdKey).toLongLong();
    account.displayName = settings.value(DisplayNameKey).toString();
    if (!account.server.isValid() || account.username.isEmpty())
        return done(std::optional<Account>{});
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(secretKey(account.server, account.username));
    connect(job, &QKeychain::Job::finished, this,
            [account, done = std::move(done)](QKeychain::Job *finished) mutable {
                if (finished->error() == QKeychain::EntryNotFound)
                    return done(std::optional<Account>{});
                if (finished->error() != QKeychain::NoError)
                    return done(noKeychain(finished->errorString()));
                const QJsonObject secret =
                    QJsonDocument::fromJson(
                        static_cast<QKeychain::ReadPasswordJob *>(finished)->textData().toUtf8())
                        .object();
                account.accessToken = secret.value(u"access_token"_s).toString();
                account.refreshToken = secret.value(u"refresh_token"_s).toString();
                done(std::optional<Account>{account});
            });
    job->start();
}

void AccountStore::forget(std::function<void(Status)> done)
{
    QSettings settings;
    const QUrl server(settings.value(ServerKey).toString());
    const QString username = settings.value(UserKey).toString();
    settings.remove(ServerKey);
    settings.remove(UserKey);
    settings.remove(UserIdKey);
    settings.remove(DisplayNameKey);
    if (username.isEmpty())
        return done(success());
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(secretKey(server, username));
    connect(job, &QKeychain::Job::finished, this,
            [done = std::move(done)](QKeychain::Job *finished) {
                if (finished->error() != QKeychain::NoError
                    && finished->error() != QKeychain::EntryNotFound)
                    return done(noKeychain(finished->errorString()));
                done(success());
            });
    job->start();
}

} // namespace Banter::Desktop
