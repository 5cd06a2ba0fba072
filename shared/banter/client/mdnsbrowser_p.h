// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <banter/bantershared_export.h>
#include <banter/client/serverbrowser.h>

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace Banter {

// The mDNS half of ServerBrowser: browses _banter._tcp through the system's Avahi daemon and
// reports each service it resolves (to an IPv4 address, the one UDP discovery answers from, so
// that the two merge) and each that goes away.
//
// Avahi runs on its own thread (AvahiThreadedPoll), as in banterd's announcer: its callbacks
// copy what they learnt and post it to this object's thread, so everything this object
// emits and keeps lives on the Qt side. Built without libavahi-client (BANTER_SHARED_MDNS
// off, or the library missing), or with no avahi-daemon reachable, it finds nothing and says
// so only in the debug log: the UDP query still works, and the user sees no error.
class BANTERSHARED_EXPORT MdnsBrowser : public QObject
{
    Q_OBJECT
public:
    // At most `maxServices` services are resolved and kept; more are ignored.
    explicit MdnsBrowser(int maxServices, QObject *parent = nullptr);
    ~MdnsBrowser() override;

    // Whether this build can browse mDNS at all.
    static bool available();
    // Starts browsing; false without Avahi support in this build or when the client library
    // cannot start. With no daemon running it waits for one and returns true.
    bool start();
    // Stops browsing and forgets every service (no removed() for them).
    void stop();

    // A TXT record (entries "key=value") as an announcement; nullopt when it does not say
    // v, name and tls as docs/PROTOCOL.md describes (or sha256 is not 64 hex digits with TLS).
    static std::optional<DiscoveryAnnouncement> parseTxt(const QList<QByteArray> &entries);

    // One resolved service, as it arrives from the Avahi thread.
    struct Resolved
    {
        QString service; // interface, protocol and name: the service's identity in mDNS
        QString address;
        quint16 port = 0;
        QList<QByteArray> txt;
    };

Q_SIGNALS:
    // A service resolved to a server (again, when it changed).
    void found(const Banter::DiscoveredServer &server);
    // No service points at `key` (DiscoveredServer::key()) any more.
    void removed(const QString &key);

private:
    void onResolved(quint64 generation, const Resolved &resolved);
    void onRemoved(quint64 generation, const QString &service);
    void onAllGone(quint64 generation);

    struct Avahi;
    std::unique_ptr<Avahi> m_avahi;
    int m_maxServices;
    quint64 m_generation = 0;
    QHash<QString, QString> m_keyOfService; // bounded by m_maxServices
};

} // namespace Banter
