// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/lanservermodel.h"

namespace Banter::Desktop {

using namespace Qt::StringLiterals;

LanServerModel::LanServerModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

LanServerModel::~LanServerModel() = default;

void LanServerModel::setBrowserOptions(const ServerBrowser::Options &options)
{
    m_options = options;
}

bool LanServerModel::start()
{
    stop();
    // BANTER_DISCOVERY=off: no discovery traffic at all; =loopback: this machine only (no
    // broadcast, no mDNS), which is what the test suites set.
    const QByteArray scope = qgetenv("BANTER_DISCOVERY");
    if (scope == "off")
        return false;
    ServerBrowser::Options options = m_options;
    if (scope == "loopback") {
        options.broadcast = false;
        options.mdns = false;
    }
    m_browser = new ServerBrowser(options, this);
    connect(m_browser, &ServerBrowser::serverFound, this, &LanServerModel::found);
    connect(m_browser, &ServerBrowser::serverChanged, this, &LanServerModel::changed);
    connect(m_browser, &ServerBrowser::serverLost, this, &LanServerModel::lost);
    if (m_browser->start())
        return true;
    delete m_browser;
    m_browser = nullptr;
    return false;
}

void LanServerModel::stop()
{
    delete m_browser; // stops it; no serverLost() for what it knew
    m_browser = nullptr;
    if (m_servers.isEmpty())
        return;
    beginResetModel();
    m_servers.clear();
    endResetModel();
}

bool LanServerModel::isActive() const
{
    return m_browser != nullptr;
}

int LanServerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_servers.size());
}

QVariant LanServerModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_servers.size())
        return {};
    const DiscoveredServer &server = m_servers.at(index.row());
    const QString address = server.address.toString() + u':' + QString::number(server.port);
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return server.name.isEmpty() ? address : server.name;
    case Qt::AccessibleTextRole:
        //: A server in the list of servers on the network, for screen readers: name, address,
        //: and whether the connection is encrypted.
        return tr("%1 at %2, %3")
            .arg(server.name, address,
                 server.tls ? tr("encrypted (TLS)") : tr("not encrypted (no TLS)"));
    case Qt::ToolTipRole:
        return server.url().toString();
    case AddressRole:
        return address;
    case TlsRole:
        return server.tls;
    case UrlRole:
        return server.url();
    case ServerRole:
        return QVariant::fromValue(server);
    default:
        return {};
    }
}

void LanServerModel::found(const DiscoveredServer &server)
{
    const int row = int(m_servers.size());
    beginInsertRows({}, row, row);
    m_servers.append(server);
    endInsertRows();
}

void LanServerModel::changed(const DiscoveredServer &server)
{
    const int row = rowOf(server.key());
    if (row < 0)
        return found(server);
    m_servers[row] = server;
    Q_EMIT dataChanged(index(row), index(row));
}

void LanServerModel::lost(const DiscoveredServer &server)
{
    const int row = rowOf(server.key());
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_servers.removeAt(row);
    endRemoveRows();
}

int LanServerModel::rowOf(const QString &key) const
{
    for (int row = 0; row < m_servers.size(); ++row) {
        if (m_servers.at(row).key() == key)
            return row;
    }
    return -1;
}

} // namespace Banter::Desktop
