// SPDX-FileCopyrightText: 2026 Banter developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include <banter/client/clientlogging_p.h>
#include <banter/client/mdnsbrowser_p.h>

#include <QMetaObject>

#include <algorithm>
#include <cctype>

#if defined(BANTER_HAVE_AVAHI)
#include <avahi-client/client.h>
#include <avahi-client/lookup.h>
#include <avahi-common/address.h>
#include <avahi-common/error.h>
#include <avahi-common/strlst.h>
#include <avahi-common/thread-watch.h>
#endif

namespace Banter {

using namespace Qt::StringLiterals;

namespace {
constexpr const char *ServiceType = "_banter._tcp";
constexpr int MaxNameBytes = 100; // as in the UDP answer (docs/PROTOCOL.md)
} // namespace

std::optional<DiscoveryAnnouncement> MdnsBrowser::parseTxt(const QList<QByteArray> &entries)
{
    // RFC 6763: a key's first occurrence counts, later ones are ignored.
    QHash<QByteArray, QByteArray> values;
    for (const QByteArray &entry : entries) {
        const qsizetype equals = entry.indexOf('=');
        if (equals <= 0)
            continue;
        const QByteArray key = entry.left(equals).toLower();
        if (!values.contains(key))
            values.insert(key, entry.mid(equals + 1));
    }
    DiscoveryAnnouncement announcement;
    bool ok = false;
    announcement.protocolVersion = values.value("v").toInt(&ok);
    if (!ok || announcement.protocolVersion < 1 || !values.contains("name")
        || values.value("name").size() > MaxNameBytes)
        return std::nullopt;
    announcement.name = QString::fromUtf8(values.value("name"));
    const QByteArray tls = values.value("tls");
    if (tls != "on" && tls != "off")
        return std::nullopt;
    announcement.tls = tls == "on";
    if (announcement.tls) {
        const QByteArray hex = values.value("sha256");
        constexpr int HexDigits = 64;
        if (hex.size() != HexDigits || !std::all_of(hex.begin(), hex.end(), [](char c) {
                return std::isxdigit(static_cast<unsigned char>(c)) != 0;
            }))
            return std::nullopt;
        announcement.certificateSha256 = QByteArray::fromHex(hex);
    }
    return announcement;
}

MdnsBrowser::MdnsBrowser(int maxServices, QObject *parent)
    : QObject(parent)
    , m_maxServices(maxServices)
{ }

MdnsBrowser::~MdnsBrowser()
{
    stop();
}

void MdnsBrowser::onResolved(quint64 generation, const Resolved &resolved)
{
    if (generation != m_generation)
        return; // from a browse stopped since
    const std::optional<DiscoveryAnnouncement> announcement = parseTxt(resolved.txt);
    const QHostAddress address(resolved.address);
    if (!announcement || address.isNull() || resolved.port == 0) {
        qCDebug(lcClient) << "mDNS: ignoring a _banter._tcp service with a malformed record";
        return;
    }
    DiscoveredServer server;
    server.name = announcement->name;
    server.address = address;
    server.port = resolved.port;
    server.tls = announcement->tls;
    server.claimedSha256 = announcement->certificateSha256;
    server.protocolVersion = announcement->protocolVersion;
    server.via = DiscoveredServer::Via::Mdns;
    const QString previous = m_keyOfService.value(resolved.service);
    if (previous.isEmpty() && m_keyOfService.size() >= m_maxServices)
        return;
    m_keyOfService.insert(resolved.service, server.key());
    Q_EMIT found(server);
    // The same service now resolving elsewhere: the old address lost one announcement.
    if (!previous.isEmpty() && previous != server.key()
        && !m_keyOfService.values().contains(previous))
        Q_EMIT removed(previous);
}

void MdnsBrowser::onRemoved(quint64 generation, const QString &service)
{
    if (generation != m_generation)
        return;
    const QString key = m_keyOfService.take(service);
    // A server announced on two interfaces stays while one of them still has it.
    if (!key.isEmpty() && !m_keyOfService.values().contains(key))
        Q_EMIT removed(key);
}

void MdnsBrowser::onAllGone(quint64 generation)
{
    if (generation != m_generation)
        return;
    QStringList keys = m_keyOfService.values();
    keys.removeDuplicates();
    m_keyOfService.clear();
    for (const QString &key : std::as_const(keys))
        Q_EMIT removed(key);
}

#if defined(BANTER_HAVE_AVAHI)

// Everything here but start and the destructor runs on Avahi's thread; it reaches the
// MdnsBrowser only through queued calls, which Qt drops once the browser is gone.
struct MdnsBrowser::Avahi
{
    MdnsBrowser *owner = nullptr;
    quint64 generation = 0;
    int maxResolvers = 0;
    int resolvers = 0;
    AvahiThreadedPoll *poll = nullptr;
    AvahiClient *client = nullptr;
    AvahiServiceBrowser *browser = nullptr;

    ~Avahi()
    {
        if (poll)
            avahi_threaded_poll_stop(poll); // joins the thread: no callback runs after this
        if (client)
            avahi_client_free(client); // frees the browser and the resolvers too
        if (poll)
            avahi_threaded_poll_free(poll);
    }

    template<typename Call>
    void post(Call call)
    {
        QMetaObject::invokeMethod(owner, std::move(call), Qt::QueuedConnection);
    }

    static QString serviceId(AvahiIfIndex interface, AvahiProtocol protocol, const char *name,
                             const char *domain)
    {
        return u"%1|%2|%3|%4"_s.arg(interface).arg(protocol).arg(QString::fromUtf8(name),
                                                                 QString::fromUtf8(domain));
    }

    static void onClientState(AvahiClient *client, AvahiClientState state, void *self)
    {
        static_cast<Avahi *>(self)->clientState(client, state);
    }

    void clientState(AvahiClient *current, AvahiClientState state)
    {
        if (state == AVAHI_CLIENT_S_RUNNING) {
            if (browser)
                return;
            // IPv4 only, as the UDP query: one entry per server, and the address the UDP
            // answer comes from.
            browser =
                avahi_service_browser_new(current, AVAHI_IF_UNSPEC, AVAHI_PROTO_INET, ServiceType,
                                          nullptr, AvahiLookupFlags(0), &Avahi::onBrowse, this);
            if (!browser)
                qCDebug(lcClient) << "mDNS: cannot browse:"
                                  << avahi_strerror(avahi_client_errno(current));
            return;
        }
        if (state == AVAHI_CLIENT_CONNECTING)
            qCDebug(lcClient) << "mDNS: no avahi-daemon running; browsing by UDP only";
        // The daemon went away (or is restarting): what it told us is void, and the client
        // browses again once it is back.
        if (browser) {
            avahi_service_browser_free(browser);
            browser = nullptr;
        }
        const quint64 at = generation;
        MdnsBrowser *browserObject = owner;
        post([browserObject, at] { browserObject->onAllGone(at); });
    }

    static void onBrowse(AvahiServiceBrowser *serviceBrowser, AvahiIfIndex interface,
                         AvahiProtocol protocol, AvahiBrowserEvent event, const char *name,
                         const char *type, const char *domain, AvahiLookupResultFlags, void *self)
    {
        auto *avahi = static_cast<Avahi *>(self);
        const quint64 at = avahi->generation;
        MdnsBrowser *browserObject = avahi->owner;
        switch (event) {
        case AVAHI_BROWSER_NEW:
            if (avahi->resolvers >= avahi->maxResolvers)
                return; // a flood of announcements resolves no more than this at once
            if (avahi_service_resolver_new(
                    avahi_service_browser_get_client(serviceBrowser), interface, protocol, name,
                    type, domain, AVAHI_PROTO_INET, AvahiLookupFlags(0), &Avahi::onResolve, avahi))
                ++avahi->resolvers;
            return;
        case AVAHI_BROWSER_REMOVE: {
            const QString service = serviceId(interface, protocol, name, domain);
            avahi->post([browserObject, at, service] { browserObject->onRemoved(at, service); });
            return;
        }
        case AVAHI_BROWSER_FAILURE:
            qCDebug(lcClient) << "mDNS: browsing failed:"
                              << avahi_strerror(avahi_client_errno(
                                     avahi_service_browser_get_client(serviceBrowser)));
            return;
        case AVAHI_BROWSER_CACHE_EXHAUSTED:
        case AVAHI_BROWSER_ALL_FOR_NOW:
            return;
        }
    }

    static void onResolve(AvahiServiceResolver *resolver, AvahiIfIndex interface,
                          AvahiProtocol protocol, AvahiResolverEvent event, const char *name,
                          const char *, const char *domain, const char *,
                          const AvahiAddress *address, uint16_t port, AvahiStringList *txt,
                          AvahiLookupResultFlags, void *self)
    {
        auto *avahi = static_cast<Avahi *>(self);
        if (event == AVAHI_RESOLVER_FOUND && address) {
            Resolved resolved;
            resolved.service = serviceId(interface, protocol, name, domain);
            char text[AVAHI_ADDRESS_STR_MAX] = {};
            avahi_address_snprint(text, sizeof text, address);
            resolved.address = QString::fromLatin1(text);
            resolved.port = port;
            for (AvahiStringList *entry = txt; entry; entry = avahi_string_list_get_next(entry))
                resolved.txt.append(
                    QByteArray(reinterpret_cast<const char *>(avahi_string_list_get_text(entry)),
                               qsizetype(avahi_string_list_get_size(entry))));
            const quint64 at = avahi->generation;
            MdnsBrowser *browserObject = avahi->owner;
            avahi->post([browserObject, at, resolved] { browserObject->onResolved(at, resolved); });
        }
        // One answer is all a resolver is for; a changed record is browsed as new again.
        avahi_service_resolver_free(resolver);
        --avahi->resolvers;
    }
};

bool MdnsBrowser::available()
{
    return true;
}

bool MdnsBrowser::start()
{
    if (m_avahi)
        return true;
    auto avahi = std::make_unique<Avahi>();
    avahi->owner = this;
    avahi->generation = ++m_generation;
    avahi->maxResolvers = m_maxServices;
    avahi->poll = avahi_threaded_poll_new();
    if (!avahi->poll)
        return false;
    int error = 0;
    // NO_FAIL: with no daemon the client waits for one rather than failing, so an
    // avahi-daemon started while the list is open is still browsed.
    avahi->client = avahi_client_new(avahi_threaded_poll_get(avahi->poll), AVAHI_CLIENT_NO_FAIL,
                                     &Avahi::onClientState, avahi.get(), &error);
    if (!avahi->client) {
        qCDebug(lcClient) << "mDNS: no client:" << avahi_strerror(error);
        return false;
    }
    if (avahi_threaded_poll_start(avahi->poll) != 0)
        return false;
    m_avahi = std::move(avahi);
    return true;
}

#else

struct MdnsBrowser::Avahi
{ };

bool MdnsBrowser::available()
{
    return false;
}

bool MdnsBrowser::start()
{
    qCDebug(lcClient) << "built without Avahi: browsing by UDP only";
    return false;
}

#endif

void MdnsBrowser::stop()
{
    m_avahi.reset();
    ++m_generation; // what is still queued from that browse is dropped
    m_keyOfService.clear();
}

} // namespace Banter
