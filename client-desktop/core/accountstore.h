// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/ids.h>
#include <banter/domain/result.h>

#include <QObject>
#include <QUrl>

#include <functional>
#include <optional>

namespace Banter::Desktop {

// "Remember me": which account was used last (QSettings: the server and the user — id,
// username, display name — so the window can show the account before the server answers)
// and its tokens (the system secret store, through QtKeychain). The password is never stored.
// An account without a username is refused rather than saved (it could never be loaded). Without a
// secret store every call fails with ErrorCode::Unavailable and a message saying so; the app then
// keeps the session for this run only.
class AccountStore : public QObject
{
    Q_OBJECT
public:
    struct Account
    {
        QUrl server;
        QString username;
        QString accessToken;
        QString refreshToken;
        UserId userId = 0;
        QString displayName;
    };

    explicit AccountStore(QString service = QStringLiteral("Banter"), QObject *parent = nullptr);

    void save(const Account &account, std::function<void(Status)> done);
    void load(std::function<void(Result<std::optional<Account>>)> done);
    void forget(std::function<void(Status)> done);

private:
    QString secretKey(const QUrl &server, const QString &username) const;
    static Error noKeychain(const QString &detail);

    QString m_service;
};

} // namespace Banter::Desktop
