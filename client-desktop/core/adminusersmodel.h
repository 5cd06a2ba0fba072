// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/domain/result.h>
#include <banter/protocol/adminmessages.h>

#include <QAbstractTableModel>

namespace Banter {
class ClientSession;
}

namespace Banter::Desktop {

// The server's accounts as a server admin sees them (admin_users), by username, page by
// page: reload() starts over, loadMore() appends the next page while hasMore(). setQuery()
// narrows the list on the server (a prefix of the username or display name) and starts
// over. A page that arrives after a reload() or another query is dropped. update() puts an account
// the server returned after a change (admin_set_disabled, admin_set_admin) in its row.
class AdminUsersModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        UsernameColumn,
        DisplayNameColumn,
        AdminColumn,
        DisabledColumn,
        CreatedColumn,
        LastSeenColumn,
        ColumnCount
    };
    // Qt::UserRole on any column: the row's username.
    static constexpr int UsernameRole = Qt::UserRole + 1;
    // Most accounts kept: past that, the admin command line (`banterd user list`) is the tool.
    static constexpr int MaxAccounts = 5000;

    explicit AdminUsersModel(ClientSession &session, QObject *parent = nullptr);

    // Accounts per page (1..Protocol::AdminUsersRequest::MaxLimit); the next request uses it.
    void setPageSize(int size);
    void reload();
    void loadMore();
    // Only accounts whose username or display name starts with `query` (empty: all);
    // reloads when it changed.
    void setQuery(const QString &query);
    QString query() const { return m_query; }

    bool hasMore() const { return m_hasMore && m_accounts.size() < MaxAccounts; }
    bool isLoading() const { return m_loading; }
    // nullptr for a row out of range.
    const Protocol::AdminAccount *account(int row) const;
    int rowOf(const QString &username) const;
    // Replaces the row of `account.user.username` (if it is loaded).
    void update(const Protocol::AdminAccount &account);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // Loading, hasMore() or the rows changed.
    void stateChanged();
    // A page could not be loaded (forbidden, offline, rate_limited).
    void failed(const Banter::Error &error);

private:
    void fetch();
    void append(const Protocol::AdminUsersReply &reply);
    QString text(const Protocol::AdminAccount &account, int column) const;

    ClientSession &m_session;
    QList<Protocol::AdminAccount> m_accounts;
    QString m_query;
    int m_pageSize = Protocol::AdminUsersRequest::DefaultLimit;
    bool m_hasMore = false;
    bool m_loading = false;
    quint64 m_generation = 0;
};

} // namespace Banter::Desktop
