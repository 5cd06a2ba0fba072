// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/adminusersmodel.h"

#include <banter/client/clientsession.h>
#include <banter/domain/user.h>

#include <QDateTime>
#include <QLocale>
#include <QPointer>

namespace Banter::Desktop {

namespace {
QString shortDate(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
}
} // namespace

AdminUsersModel::AdminUsersModel(ClientSession &session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{ }

void AdminUsersModel::setPageSize(int size)
{
    m_pageSize = qBound(1, size, Protocol::AdminUsersRequest::MaxLimit);
}

void AdminUsersModel::reload()
{
    ++m_generation;
    beginResetModel();
    m_accounts.clear();
    endResetModel();
    m_hasMore = false;
    fetch();
}

void AdminUsersModel::setQuery(const QString &query)
{
    const QString trimmed = query.trimmed().left(UserRules::MaxDisplayNameLength);
    if (trimmed == m_query)
        return;
    m_query = trimmed;
    reload();
}

void AdminUsersModel::loadMore()
{
    if (!m_loading && hasMore())
        fetch();
}

void AdminUsersModel::fetch()
{
    m_loading = true;
    Q_EMIT stateChanged();
    Protocol::AdminUsersRequest request;
    request.after = m_accounts.isEmpty() ? QString() : m_accounts.constLast().user.username;
    request.limit = m_pageSize;
    request.query = m_query;
    const quint64 generation = m_generation;
    // The session is the context: the page that owns this model may close before the answer
    // (Qt 6.4 asserts on a continuation whose context is gone).
    m_session.adminUsers(request).then(
        &m_session, [self = QPointer(this), generation](Result<Protocol::AdminUsersReply> reply) {
            if (!self || generation != self->m_generation)
                return; // closed, or an answer from before a reload()
            self->m_loading = false;
            if (!reply) {
                Q_EMIT self->stateChanged();
                Q_EMIT self->failed(reply.error());
                return;
            }
            self->append(*reply);
        });
}

void AdminUsersModel::append(const Protocol::AdminUsersReply &reply)
{
    m_hasMore = reply.hasMore;
    const QList<Protocol::AdminAccount> page =
        reply.users.mid(0, qMax<qsizetype>(0, MaxAccounts - m_accounts.size()));
    if (!page.isEmpty()) {
        beginInsertRows({}, int(m_accounts.size()), int(m_accounts.size() + page.size() - 1));
        m_accounts.append(page);
        endInsertRows();
    }
    Q_EMIT stateChanged();
}

const Protocol::AdminAccount *AdminUsersModel::account(int row) const
{
    return row >= 0 && row < m_accounts.size() ? &m_accounts.at(row) : nullptr;
}

int AdminUsersModel::rowOf(const QString &username) const
{
    for (int row = 0; row < m_accounts.size(); ++row) {
        if (m_accounts.at(row).user.username == username)
            return row;
    }
    return -1;
}

void AdminUsersModel::update(const Protocol::AdminAccount &account)
{
    const int row = rowOf(account.user.username);
    if (row < 0)
        return;
    m_accounts[row] = account;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT stateChanged();
}

int AdminUsersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_accounts.size());
}

int AdminUsersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AdminUsersModel::data(const QModelIndex &index, int role) const
{
    const Protocol::AdminAccount *a = account(index.row());
    if (!a)
        return {};
    if (role == UsernameRole)
        return a->user.username;
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
        return text(*a, index.column());
    return {};
}

QString AdminUsersModel::text(const Protocol::AdminAccount &a, int column) const
{
    switch (Column(column)) {
    case UsernameColumn:
        return a.user.username;
    case DisplayNameColumn:
        return a.user.displayName;
    case AdminColumn:
        return a.admin ? tr("Admin") : QString();
    case DisabledColumn:
        if (!a.disabled)
            return {};
        return a.disabledAtMs ? tr("Disabled since %1").arg(shortDate(a.disabledAtMs))
                              : tr("Disabled");
    case CreatedColumn:
        return a.user.createdAtMs ? shortDate(a.user.createdAtMs) : QString();
    case LastSeenColumn:
        if (a.online)
            return tr("Online now");
        return a.lastSeenMs ? shortDate(a.lastSeenMs) : tr("Never");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant AdminUsersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case UsernameColumn:
        return tr("Username");
    case DisplayNameColumn:
        return tr("Display name");
    case AdminColumn:
        return tr("Server admin");
    case DisabledColumn:
        return tr("Disabled");
    case CreatedColumn:
        return tr("Created");
    case LastSeenColumn:
        return tr("Last seen");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Banter::Desktop
