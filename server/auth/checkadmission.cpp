// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/checkadmission.h"

namespace Banter::Server {

namespace {
void give(QHash<QString, int> &counts, const QString &key)
{
    if (key.isEmpty())
        return;
    auto it = counts.find(key);
    if (it != counts.end() && --*it <= 0)
        counts.erase(it);
}
} // namespace

void CheckAdmission::Counts::release(const QString &account, const QString &address)
{
    const std::lock_guard lock(mutex);
    --total;
    give(accounts, account);
    give(addresses, address);
}

CheckAdmission::CheckAdmission(int total, int perAccount, int perAddress)
    : m_total(total)
    , m_perAccount(perAccount)
    , m_perAddress(perAddress)
{ }

std::shared_ptr<CheckAdmission::Slot>
CheckAdmission::admit(const QString &account, const QString &address, Refusal *refusal)
{
    Refusal why = Refusal::None;
    {
        const std::lock_guard lock(m_counts->mutex);
        if (m_counts->total >= m_total)
            why = Refusal::Server;
        else if (!account.isEmpty() && m_counts->accounts.value(account) >= m_perAccount)
            why = Refusal::Account;
        else if (!address.isEmpty() && m_counts->addresses.value(address) >= m_perAddress)
            why = Refusal::Address;
        if (why == Refusal::None) {
            ++m_counts->total;
            if (!account.isEmpty())
                ++m_counts->accounts[account];
            if (!address.isEmpty())
                ++m_counts->addresses[address];
        }
    }
    if (refusal)
        *refusal = why;
    if (why != Refusal::None)
        return nullptr;
    return std::make_shared<Slot>(m_counts, account, address);
}

int CheckAdmission::pending() const
{
    const std::lock_guard lock(m_counts->mutex);
    return m_counts->total;
}

} // namespace Banter::Server
