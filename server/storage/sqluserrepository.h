// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/repositories.h"
#include "storage/sqlsession.h"

namespace Banter::Server {

class SqlUserRepository : public UserRepository
{
public:
    explicit SqlUserRepository(SqlSession &session)
        : m_session(session)
    { }

    Result<User> create(const QString &username, const QString &displayName,
                        const QString &passwordHash, qint64 nowMs) override;
    Result<std::optional<Credentials>> findCredentials(const QString &username) override;
    Result<std::optional<User>> findById(UserId id) override;
    Result<std::optional<User>> findByUsername(const QString &username) override;
    Result<QList<User>> findByIds(const QList<UserId> &ids) override;
    Result<QList<User>> search(const QString &prefix, int limit) override;
    Result<QList<User>> searchKnown(UserId viewer, const QString &prefix, int limit) override;
    Status updatePasswordHash(UserId id, const QString &passwordHash) override;
    Status updateDisplayName(UserId id, const QString &displayName) override;
    Status updateLastSeen(UserId id, qint64 lastSeenMs) override;
    Result<qint64> lastSeen(UserId id) override;
    Result<Protocol::PrivacySettings> privacy(UserId id) override;
    Status setPrivacy(UserId id, const Protocol::PrivacySettings &settings) override;
    Result<bool> acceptsGroupAddsFrom(UserId user, UserId adder) override;
    Result<qint64> setAvatar(UserId id, const QByteArray &data, qint64 nowMs) override;
    Result<std::pair<qint64, QByteArray>> avatar(UserId id) override;
    Result<bool> canSeeProfile(UserId viewer, UserId user) override;
    Result<QList<AccountRecord>> listAccounts(const QString &afterUsername, int limit,
                                              const QString &prefix) override;
    Result<std::optional<AccountRecord>> findAccount(const QString &username) override;
    Result<std::optional<AccountRecord>> findAccountById(UserId id) override;
    Result<bool> isActive(UserId id) override;
    Status setDisabled(UserId id, bool disabled, qint64 nowMs) override;
    Status setAdmin(UserId id, bool admin) override;
    Status markDeleted(UserId id, const QString &tombstoneName, qint64 nowMs) override;

private:
    Result<std::optional<User>> findOne(const QString &where, const QVariant &value);
    Result<QList<AccountRecord>> accounts(const QString &where, const QVariantList &binds);

    SqlSession &m_session;
};

} // namespace Banter::Server
