// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/mdnsannouncer.h"

#include "net/lanaddresses.h"
#include "serverlogging.h"

#if defined(BANTER_HAVE_AVAHI)
#include <avahi-client/client.h>
#include <avahi-client/publish.h>
#include <avahi-common/alternative.h>
#include <avahi-common/domain.h>
#include <avahi-common/error.h>
#include <avahi-common/malloc.h>
#include <avahi-common/thread-watch.h>
#endif

namespace Banter::Server {

using namespace Qt::StringLiterals;

QList<QByteArray> MdnsAnnouncer::txtRecord(const DiscoveryAnnouncement &announcement)
{
    QList<QByteArray> txt{"v=" + QByteArray::number(announcement.protocolVersion),
                          "name=" + announcement.name.toUtf8().left(100),
                          announcement.tls ? QByteArray("tls=on") : QByteArray("tls=off")};
    if (announcement.tls)
        txt.append("sha256=" + announcement.certificateSha256.toHex());
    return txt;
}

#if defined(BANTER_HAVE_AVAHI)

// Everything here but the constructor and destructor runs on Avahi's thread.
struct MdnsAnnouncer::Avahi
{
    DiscoveryAnnouncement announcement;
    AvahiIfIndex interface = AVAHI_IF_UNSPEC;
    AvahiProtocol protocol = AVAHI_PROTO_UNSPEC;
    QByteArray serviceName;
    AvahiThreadedPoll *poll = nullptr;
    AvahiClient *client = nullptr;
    AvahiEntryGroup *group = nullptr;
    bool reportedAbsent = false;

    ~Avahi()
    {
        if (poll)
            avahi_threaded_poll_stop(poll);
        if (client)
            avahi_client_free(client); // frees the group too
        if (poll)
            avahi_threaded_poll_free(poll);
    }

    static void onClientState(AvahiClient *client, AvahiClientState state, void *self)
    {
        static_cast<Avahi *>(self)->clientState(client, state);
    }
    static void onGroupState(AvahiEntryGroup *group, AvahiEntryGroupState state, void *self)
    {
        auto *avahi = static_cast<Avahi *>(self);
        if (state != AVAHI_ENTRY_GROUP_COLLISION)
            return;
        // Another service on the network has our name: take "name #2" and so on.
        char *alternative = avahi_alternative_service_name(avahi->serviceName.constData());
        avahi->serviceName = alternative;
        avahi_free(alternative);
        avahi_entry_group_reset(group);
        avahi->publish(avahi_entry_group_get_client(group));
    }

    void clientState(AvahiClient *current, AvahiClientState state)
    {
        switch (state) {
        case AVAHI_CLIENT_S_RUNNING:
            publish(current);
            break;
        case AVAHI_CLIENT_S_COLLISION:
        case AVAHI_CLIENT_S_REGISTERING:
            if (group)
                avahi_entry_group_reset(group);
            break;
        case AVAHI_CLIENT_CONNECTING:
            if (!reportedAbsent)
                qCInfo(lcNet) << "no mDNS responder (avahi-daemon) running; announcing over UDP "
                                 "discovery only until one starts";
            reportedAbsent = true;
            break;
        case AVAHI_CLIENT_FAILURE:
            qCWarning(lcNet) << "mDNS responder lost:"
                             << avahi_strerror(avahi_client_errno(current));
            break;
        }
    }

    void publish(AvahiClient *current)
    {
        if (!group)
            group = avahi_entry_group_new(current, &Avahi::onGroupState, this);
        if (!group || !avahi_entry_group_is_empty(group))
            return;
        AvahiStringList *txt = nullptr;
        for (const QByteArray &entry : txtRecord(announcement))
            txt = avahi_string_list_add(txt, entry.constData());
        int error = avahi_entry_group_add_service_strlst(
            group, interface, protocol, AvahiPublishFlags(0), serviceName.constData(),
            MdnsAnnouncer::ServiceType, nullptr, nullptr, announcement.port, txt);
        avahi_string_list_free(txt);
        if (error == 0)
            error = avahi_entry_group_commit(group);
        if (error != 0)
            qCWarning(lcNet) << "mDNS announcement failed:" << avahi_strerror(error);
        else
            qCInfo(lcNet).noquote()
                << "announcing" << serviceName << "as" << MdnsAnnouncer::ServiceType << "over mDNS";
    }
};

MdnsAnnouncer::MdnsAnnouncer(DiscoveryAnnouncement announcement, const QHostAddress &listenAddress)
    : m_avahi(std::make_unique<Avahi>())
{
    m_avahi->serviceName = announcement.name.toUtf8().left(AVAHI_LABEL_MAX - 1);
    m_avahi->announcement = std::move(announcement);
    if (isWildcardAddress(listenAddress)) {
        // Any is both families; AnyIPv4 and AnyIPv6 one each.
        if (listenAddress.protocol() == QAbstractSocket::IPv4Protocol)
            m_avahi->protocol = AVAHI_PROTO_INET;
        if (listenAddress.protocol() == QAbstractSocket::IPv6Protocol)
            m_avahi->protocol = AVAHI_PROTO_INET6;
        return;
    }
    // Announce on the interface holding the address only (and in its address family).
    m_avahi->protocol = listenAddress.protocol() == QAbstractSocket::IPv6Protocol
        ? AVAHI_PROTO_INET6
        : AVAHI_PROTO_INET;
    m_avahi->interface = interfaceHolding(listenAddress);
}

MdnsAnnouncer::~MdnsAnnouncer() = default;

bool MdnsAnnouncer::start()
{
    Avahi &avahi = *m_avahi;
    avahi.poll = avahi_threaded_poll_new();
    if (!avahi.poll)
        return false;
    int error = 0;
    // NO_FAIL: without a daemon the client waits for one (CONNECTING) instead of failing, so
    // an avahi-daemon started after banterd still gets the announcement.
    avahi.client = avahi_client_new(avahi_threaded_poll_get(avahi.poll), AVAHI_CLIENT_NO_FAIL,
                                    &Avahi::onClientState, &avahi, &error);
    if (!avahi.client) {
        qCInfo(lcNet).noquote() << u"no mDNS responder reachable (%1); announcing over UDP "
                                   "discovery only"_s.arg(QString::fromUtf8(avahi_strerror(error)));
        return false;
    }
    return avahi_threaded_poll_start(avahi.poll) == 0;
}

#else

struct MdnsAnnouncer::Avahi
{ };

MdnsAnnouncer::MdnsAnnouncer(DiscoveryAnnouncement, const QHostAddress &) { }

MdnsAnnouncer::~MdnsAnnouncer() = default;

bool MdnsAnnouncer::start()
{
    qCInfo(lcNet) << "built without Avahi: no mDNS announcement (UDP discovery still answers)";
    return false;
}

#endif

} // namespace Banter::Server
