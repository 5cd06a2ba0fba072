// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/client/serverbrowser.h>

#include <QAbstractListModel>

namespace Banter::Desktop {

// The servers a ServerBrowser hears on the local network, in the order they were found, kept
// current while the browser runs (start() when the list shows, stop() when it goes: nothing is
// sent on the network otherwise). Bounded as the browser is (Options::maxServers).
//
// The environment variable BANTER_DISCOVERY=off switches browsing off (for a network where
// broadcasts are unwelcome); =loopback keeps it to this machine (the test suites set it).
//
// Everything in a row is what an unauthenticated answer claims; choosing one still goes
// through first-use trust (CertificateGuard::noteDiscovered).
class LanServerModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        NameRole = Qt::UserRole + 1, // QString
        AddressRole, // "ADDRESS:PORT"
        TlsRole, // bool
        UrlRole, // QUrl, wss:// or ws://
        ServerRole, // Banter::DiscoveredServer
    };
    Q_ENUM(Role)

    explicit LanServerModel(QObject *parent = nullptr);
    ~LanServerModel() override;

    // Options for the next start() (tests aim it at their own port).
    void setBrowserOptions(const ServerBrowser::Options &options);
    // Starts (or restarts) browsing; false when neither UDP nor mDNS could start.
    bool start();
    // Stops browsing and empties the list.
    void stop();
    bool isActive() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    DiscoveredServer server(int row) const { return m_servers.value(row); }

private:
    void found(const DiscoveredServer &server);
    void changed(const DiscoveredServer &server);
    void lost(const DiscoveredServer &server);
    int rowOf(const QString &key) const;

    ServerBrowser::Options m_options;
    ServerBrowser *m_browser = nullptr;
    QList<DiscoveredServer> m_servers;
};

} // namespace Banter::Desktop
