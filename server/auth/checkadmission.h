// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

#include <memory>
#include <mutex>

namespace Banter::Server {

// Places for password checks (sign-ins, successful or not, sign-ups, password changes): at
// most `total` waiting or running on the server, `perAccount` for one account and
// `perAddress` for one address bucket. A request that finds no place is refused before any
// hashing. So a few accounts looping correct sign-ins hold a few places each and cannot take
// all of them, and whoever else signs in waits behind at most those few hashes.
//
// A Slot gives its place back when its last copy goes, on whatever thread that is; the
// counts are shared with the slots, so they may outlive this object.
class CheckAdmission
{
public:
    enum class Refusal { None, Server, Account, Address };
    class Slot;

    CheckAdmission(int total, int perAccount, int perAddress);

    // An empty key is not limited on its own (a password change has no address).
    std::shared_ptr<Slot> admit(const QString &account, const QString &address,
                                Refusal *refusal = nullptr);
    int pending() const;

private:
    struct Counts
    {
        mutable std::mutex mutex;
        int total = 0;
        // Only keys with a place taken: at most `total` entries each.
        QHash<QString, int> accounts;
        QHash<QString, int> addresses;
        void release(const QString &account, const QString &address);
    };

    int m_total;
    int m_perAccount;
    int m_perAddress;
    std::shared_ptr<Counts> m_counts = std::make_shared<Counts>();
};

class CheckAdmission::Slot
{
public:
    Slot(std::shared_ptr<Counts> counts, QString account, QString address)
        : m_counts(std::move(counts))
        , m_account(std::move(account))
        , m_address(std::move(address))
    { }
    ~Slot() { m_counts->release(m_account, m_address); }
    Slot(const Slot &) = delete;
    Slot &operator=(const Slot &) = delete;

private:
    std::shared_ptr<Counts> m_counts;
    QString m_account;
    QString m_address;
};

} // namespace Banter::Server
